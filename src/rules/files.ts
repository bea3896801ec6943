// 1xx: each trio file can be read, decoded, parsed, and matches its schema.
import { positionAt } from '../source/source-file.js'
import type { JsonTrioFile, Trio, TrioFile } from '../trio/model.js'
import { finding } from './finding.js'
import type { Finding } from './finding.js'

const START = { line: 1, column: 1 }
const ROLE_NAME = {
  pin: 'pin',
  manifest: 'producer manifest mirror',
  matrix: 'compatibility matrix'
} as const

export function fileRules(trio: Trio): Finding[] {
  return [
    ...readable(trio.pin),
    ...readable(trio.manifest),
    ...readable(trio.matrix),
    ...json(trio.pin, 'BG108'),
    ...json(trio.manifest, 'BG109')
  ]
}

function readable(file: TrioFile): Finding[] {
  const name = ROLE_NAME[file.role]
  const r = file.read
  switch (r.kind) {
    case 'missing':
      return [
        finding(
          'BG101',
          file.path,
          null,
          `the ${name} ${file.path} does not exist; restore it (git checkout -- ${file.path}) or point the policy's trio.${file.role} at it`
        )
      ]
    case 'not-a-file':
      return [
        finding('BG102', file.path, null, `the ${name} ${file.path} is not a regular file; it must be a file`)
      ]
    case 'outside-root':
      return [
        finding(
          'BG102',
          file.path,
          null,
          `the ${name} path ${file.path} leaves the repository root; use a path inside it`
        )
      ]
    case 'too-large':
      return [
        finding(
          'BG102',
          file.path,
          null,
          `the ${name} is ${mib(r.size)}, over the ${mib(r.limit)} a trio file may have; it was not parsed (is it the right file?)`
        )
      ]
    case 'unreadable':
      return [
        finding('BG102', file.path, null, `the ${name} cannot be read (${r.reason}); check its permissions`)
      ]
    case 'ok':
      break
  }
  const src = file.source!
  const out: Finding[] = []
  if (src.text.trim() === '') {
    out.push(
      finding(
        'BG103',
        file.path,
        START,
        `the ${name} is empty; restore its content (git checkout -- ${file.path})`
      )
    )
  }
  if (src.hasBom && file.role !== 'matrix') {
    out.push(
      finding(
        'BG104',
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
        'BG105',
        file.path,
        pos,
        `the ${name} is not valid UTF-8 (first bad byte here); re-save it as UTF-8`
      )
    )
  }
  return out
}

function json(file: JsonTrioFile<unknown>, schemaRule: 'BG108' | 'BG109'): Finding[] {
  const doc = file.doc
  if (!doc) return []
  const name = ROLE_NAME[file.role]
  const out: Finding[] = doc.syntaxErrors.map((e) =>
    finding('BG106', file.path, e.position, `invalid JSON in the ${name}: ${e.message}`)
  )
  for (const d of doc.duplicateKeys) {
    out.push(
      finding(
        'BG107',
        file.path,
        d.position,
        `the key "${d.key}" appears more than once in the same object; keep one`
      )
    )
  }
  if (doc.syntaxErrors.length === 0) {
    for (const p of file.schemaProblems) {
      out.push(finding(schemaRule, file.path, p.position, `${name}: ${p.message}`))
    }
  }
  return out
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
}
