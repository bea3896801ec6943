// 1xx (and the file checks of 3xx): each file can be read, decoded, parsed, and matches its schema.
import type { LimitProblem } from '../document/limits.js'
import { isUtf16, positionAt } from '../document/source-file.js'
import type { FileRole, JsonFile, MatrixFile, ProducerFiles, RepoFile, Trio } from '../trio/model.js'
import type { RuleId } from './catalog.js'
import { finding } from './finding.js'
import type { Finding } from './finding.js'

const START = { line: 1, column: 1 }
const ROLE_NAME: Record<FileRole, string> = {
  pin: 'pin',
  manifest: 'producer manifest mirror',
  matrix: 'compatibility matrix',
  'producer-manifest': "producer's own manifest",
  handoff: "producer's handoff payload"
}

/** Which rule reports which kind of file problem. */
interface FileRuleIds {
  missing: RuleId
  unreadable: RuleId
  empty: RuleId
  bom: RuleId
  utf8: RuleId
  syntax: RuleId
  duplicate: RuleId
  schema: RuleId
  /** Over a parse limit: BG111 for every file, as the limits are the same for all. */
  limit: RuleId
}

const TRIO_IDS = (schema: RuleId): FileRuleIds => ({
  missing: 'BG101',
  unreadable: 'BG102',
  empty: 'BG103',
  bom: 'BG104',
  utf8: 'BG105',
  syntax: 'BG106',
  duplicate: 'BG107',
  schema,
  limit: 'BG111'
})

/** One rule for every problem of a producer file: the file is the producer's to fix, whatever is wrong. */
const ALL = (id: RuleId): FileRuleIds => ({
  missing: id,
  unreadable: id,
  empty: id,
  bom: id,
  utf8: id,
  syntax: id,
  duplicate: id,
  schema: id,
  limit: 'BG111'
})

export function fileRules(trio: Trio): Finding[] {
  return [
    ...readable(trio.pin, TRIO_IDS('BG108')),
    ...readable(trio.manifest, TRIO_IDS('BG109')),
    ...readable(trio.matrix, TRIO_IDS('BG108')),
    ...matrixOverLimit(trio.matrix),
    ...json(trio.pin, TRIO_IDS('BG108')),
    ...json(trio.manifest, TRIO_IDS('BG109'))
  ]
}

export function producerFileRules(files: ProducerFiles): Finding[] {
  return [
    ...readable(files.manifest, ALL('BG302')),
    ...json(files.manifest, ALL('BG302')),
    ...readable(files.handoff, ALL('BG303')),
    ...json(files.handoff, ALL('BG303'))
  ]
}

function readable(file: RepoFile, ids: FileRuleIds): Finding[] {
  const name = ROLE_NAME[file.role]
  const r = file.read
  switch (r.kind) {
    case 'missing':
      return [
        finding(
          ids.missing,
          file.path,
          null,
          file.role === 'pin' || file.role === 'manifest' || file.role === 'matrix'
            ? `the ${name} ${file.path} does not exist; restore it (git checkout -- ${file.path}, from the repository root), or set the policy's trio.${file.role} to where it is (a policy that does not set it reads the default path)`
            : `the ${name} ${file.path} does not exist; the producer publishes it (or set producer.root and producer.${file.role === 'handoff' ? 'handoff' : 'manifest'} in the policy)`
        )
      ]
    case 'not-a-file':
      return [
        finding(
          ids.unreadable,
          file.path,
          null,
          `the ${name} ${file.path} is not a regular file; it must be a file`
        )
      ]
    case 'outside-root':
    case 'dangling-link':
      // never the file's own rule: following the path anywhere is the problem, whoever's file it is
      return [
        finding(
          'BG110',
          file.path,
          null,
          `the ${name} path ${file.path} ${r.kind === 'dangling-link' ? `goes through a broken symbolic link (${r.problem})` : r.problem}; it was not read. Make it a regular file inside the repository (git checkout -- ${file.path}, or fix the link)`
        )
      ]
    case 'too-large':
      return [
        finding(
          ids.unreadable,
          file.path,
          null,
          `the ${name} is ${mib(r.size)}, over the ${mib(r.limit)} this tool reads; it was not parsed (is it the right file?)`
        )
      ]
    case 'unreadable':
      return [
        finding(
          ids.unreadable,
          file.path,
          null,
          `the ${name} cannot be read (${r.reason}); check its permissions`
        )
      ]
    case 'ok':
      break
  }
  const src = file.source!
  // read as UTF-8 it is noise: one finding, and no rule reads it (found by review: five, and the wrong advice)
  if (isUtf16(src.bytes))
    return [
      finding(
        ids.utf8,
        file.path,
        START,
        `the ${name} is UTF-16 text (it starts with a UTF-16 byte order mark), which this tool does not read; save it as UTF-8`
      )
    ]
  const out: Finding[] = []
  if (src.text.trim() === '') {
    out.push(
      finding(
        ids.empty,
        file.path,
        START,
        `the ${name} is empty; restore its content (git checkout -- ${file.path})`
      )
    )
  }
  if (src.hasBom && file.role !== 'matrix') {
    out.push(
      finding(
        ids.bom,
        file.path,
        START,
        `the ${name} starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM`
      )
    )
  }
  if (!src.validUtf8) {
    const at = src.text.indexOf('\uFFFD')
    const pos = at === -1 ? START : positionAt(src, at)
    out.push(
      finding(
        ids.utf8,
        file.path,
        pos,
        `the ${name} is not valid UTF-8 (first bad byte here); re-save it as UTF-8`
      )
    )
  }
  // the JSON files refuse control characters as syntax (BG106); Markdown takes them as text
  const control = file.role === 'matrix' ? MATRIX_CONTROL.exec(src.text) : null
  if (control) {
    const code = `U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
    const why =
      control[0] === '\0'
        ? 'which makes git and GitHub show the file as binary and hide its changes from review'
        : control[0] > '\u00ff'
          ? 'a bidirectional control, which makes the text show in another order than it is written'
          : 'which no Markdown text needs and which a terminal or a diff may not show'
    out.push(
      finding(
        ids.utf8,
        file.path,
        positionAt(src, control.index),
        `the ${name} holds a control character (${code}) here, ${why}; remove it`
      )
    )
  }
  // a carriage return that ends no CRLF: CommonMark breaks the line there, the reader does not (its lines end at
  // LF), so a line of indented code could hide an HTML block GitHub renders (found by review)
  const lone = file.role === 'matrix' && !control ? LONE_CR.exec(src.text) : null
  if (lone) {
    out.push(
      finding(
        ids.utf8,
        file.path,
        positionAt(src, lone.index),
        `the ${name} holds a carriage return (U+000D) here that is not part of a CRLF line ending, which Markdown takes for a line break and this tool does not; save the file with LF (or CRLF) line endings`
      )
    )
  }
  return out
}

const LONE_CR = /\r(?!\n)/

/**
 * Control characters (C0 but tab, line feed and carriage return; DEL; C1: \p{Cc}) have no place in a text file;
 * nor have the bidirectional controls that reorder what a reviewer sees (Trojan Source: \p{Bidi_Control}).
 * Written out as ranges: a property escape costs its table at start-up (docs/performance.md), and health reads
 * a matrix on every run. A test holds the class to the two properties of the running Node.
 */
const MATRIX_CONTROL_RANGES =
  '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069'
export const MATRIX_CONTROL = new RegExp(`[${MATRIX_CONTROL_RANGES}]`)

function json(file: JsonFile<unknown>, ids: FileRuleIds): Finding[] {
  const doc = file.doc
  if (!doc) return []
  const name = ROLE_NAME[file.role]
  const out: Finding[] = doc.syntaxErrors.map((e) =>
    e.limit
      ? overLimit(ids.limit, file.path, name, e)
      : finding(ids.syntax, file.path, e.position, `invalid JSON in the ${name}: ${e.message}`)
  )
  for (const p of doc.syntaxErrors.length === 0 ? doc.strictProblems : [])
    out.push(
      finding(
        ids.syntax,
        file.path,
        p.position,
        `the ${name} is JSON that typed readers refuse: ${p.message}`
      )
    )
  for (const d of doc.duplicateKeys) {
    out.push(
      finding(
        ids.duplicate,
        file.path,
        d.position,
        `the key "${d.key}" appears more than once in the same object; keep one`
      )
    )
  }
  if (doc.syntaxErrors.length === 0) {
    for (const p of file.schemaProblems)
      out.push(
        finding(
          ids.schema,
          file.path,
          p.position,
          `${name}: ${p.message}${migrationHint(file, p.pointer)}`,
          p.pointer || undefined // the whole document: no subject (evidence requires a non-empty one)
        )
      )
  }
  return out
}

function matrixOverLimit(file: MatrixFile): Finding[] {
  return file.limit ? [overLimit('BG111', file.path, ROLE_NAME[file.role], file.limit)] : []
}

function overLimit(rule: RuleId, path: string, name: string, over: LimitProblem): Finding {
  const message = `the ${name} was not parsed: ${over.message}; a real one is far below this limit (is it the right file?)`
  return finding(rule, path, over.position, message)
}

/** The fields a pin written before adoption lacks, which `baseline-gate migrate` adds. */
const MIGRATED_FIELDS = new Set(['/runtime_cutover_posture', '/expected_producer_manifest_sha256'])

function migrationHint(file: JsonFile<unknown>, pointer: string): string {
  const data = file.data as Record<string, unknown> | null
  if (file.role !== 'pin' || !MIGRATED_FIELDS.has(pointer) || data?.[pointer.slice(1)] !== undefined)
    return ''
  return MIGRATION_HINT
}

/** Said of the current pin; of a revision in the history it is no advice (migrate never rewrites history). */
export const MIGRATION_HINT = ' (a pin written before adoption lacks it: `baseline-gate migrate` adds it)'

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
}
