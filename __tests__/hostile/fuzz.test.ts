// Property-based fuzzing (fast-check) of the trio readers and the rules over them, in process and without the
// probe, as health runs them: valid trios with byte and line mutations, hostile snippets (deep nesting, huge
// cells, pipes, backticks, emphasis runs, unicode, BOM, CRLF), fields of any JSON type, generated ledgers and
// arbitrary bytes. Whatever the input: no exception, a verdict, a --json document that is valid JSON, and an
// evidence packet that is valid against its schema. 10,700 cases in all (numRuns below).
// The seed is fixed so that CI is repeatable; FUZZ_SEED=<n> (or FUZZ_SEED=random) explores other cases.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { toJson } from '../../src/cli/render.js'
import { renderPacketMarkdown } from '../../src/evidence/markdown.js'
import { buildPacket } from '../../src/evidence/packet.js'
import { validateEvidence } from '../../src/generated/evidence-validators.js'
import type { OperationResult } from '../../src/operations/context.js'
import { loadPolicy, selectBaselines } from '../../src/policy/load.js'
import { RULES } from '../../src/rules/catalog.js'
import { driftRules } from '../../src/rules/drift.js'
import { sortFindings } from '../../src/rules/finding.js'
import { trioRules } from '../../src/rules/index.js'
import { decideVerdict } from '../../src/rules/verdict.js'
import { identityOf, postureOf } from '../../src/trio/identity.js'
import { producerFilesFromBytes, trioFromBytes } from '../../src/trio/load.js'
import type { ProducerFiles, Trio } from '../../src/trio/model.js'
import { HANDOFF, MATRIX, MIRROR, NOW, PIN, PRODUCER_MANIFEST, REPO_ROOT } from '../helpers/fixture.js'

const ROLES = ['pin', 'manifest', 'matrix', 'producerManifest', 'handoff'] as const
type Role = (typeof ROLES)[number]
/** A repository's five files as bytes; null: the file is missing. */
type Files = Record<Role, Buffer | null>

const PATHS: Record<Role, string> = {
  pin: PIN,
  manifest: MIRROR,
  matrix: MATRIX,
  producerManifest: PRODUCER_MANIFEST,
  handoff: HANDOFF
}
const BASE = Object.fromEntries(ROLES.map((r) => [r, readFileSync(join(REPO_ROOT, PATHS[r]))])) as Record<
  Role,
  Buffer
>
const policy = loadPolicy({ root: REPO_ROOT })
const baseline = selectBaselines(policy, undefined)[0]!

const seedEnv = process.env.FUZZ_SEED
const SEED = seedEnv === 'random' ? undefined : seedEnv ? Number(seedEnv) : 20_260_113
const run = (numRuns: number) => ({ numRuns, ...(SEED === undefined ? {} : { seed: SEED }) })

/** A role's bytes when they differ from the repository's own (those are read once, below). */
const changed = (files: Files, r: Role) => (files[r] === BASE[r] ? null : files[r])
const BASE_TRIO = trioFromBytes(baseline, { pin: BASE.pin, manifest: BASE.manifest, matrix: BASE.matrix })
const BASE_PRODUCER = producerFilesFromBytes(baseline, {
  manifest: BASE.producerManifest,
  handoff: BASE.handoff
})

/** The files read as health reads them; an unchanged file is not read again (the matrix parse costs ~5 ms). */
function read(files: Files): { trio: Trio; producer: ProducerFiles } {
  const fresh = trioFromBytes(baseline, {
    pin: changed(files, 'pin'),
    manifest: changed(files, 'manifest'),
    matrix: changed(files, 'matrix')
  })
  const own = producerFilesFromBytes(baseline, {
    manifest: changed(files, 'producerManifest'),
    handoff: changed(files, 'handoff')
  })
  const pick = <T>(r: Role, mine: T, base: T) => (files[r] === BASE[r] ? base : mine)
  return {
    trio: {
      pin: pick('pin', fresh.pin, BASE_TRIO.pin),
      manifest: pick('manifest', fresh.manifest, BASE_TRIO.manifest),
      matrix: pick('matrix', fresh.matrix, BASE_TRIO.matrix)
    },
    producer: {
      manifest: pick('producerManifest', own.manifest, BASE_PRODUCER.manifest),
      handoff: pick('handoff', own.handoff, BASE_PRODUCER.handoff)
    }
  }
}

/** What health does for one baseline without the probe, down to the --json document and the packet. */
function judge(files: Files): { json: string; packet: string; markdown: string } {
  const { trio, producer } = read(files)
  const findings = sortFindings([
    ...trioRules(trio, { baseline, now: NOW }),
    ...driftRules(trio, producer, { now: NOW })
  ])
  const verdict = decideVerdict(findings, [])
  const identity = identityOf(trio)
  const posture = postureOf(trio)
  const result: OperationResult = {
    operation: 'health',
    verdict,
    baselines: [
      { name: baseline.name, identity, posture, findings, steps: [], verdict, evidence: 'health.json' }
    ],
    evidence: 'health.json'
  }
  const packet = buildPacket({
    toolVersion: '0.0.0-fuzz',
    operation: 'health',
    baseline: baseline.name,
    startedAt: NOW,
    finishedAt: NOW,
    judgedAt: { at: NOW, source: 'given', commit: null },
    git: { repository: null, commit: null, ref: null, event: 'test', run_id: null, run_attempt: null },
    policy,
    trio,
    identity,
    posture,
    findings,
    steps: [],
    tools: { node: process.version },
    verdict
  })
  return {
    json: JSON.stringify(toJson(result), null, 2),
    packet: JSON.stringify(packet, null, 2),
    markdown: renderPacketMarkdown(packet)
  }
}

interface Finding {
  rule: string
  severity: string
  file: string | null
  line: number | null
  column: number | null
  message: string
}

/** Half of a surrogate pair on its own: a message cut in the middle of a character. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const position = (n: number | null) => n === null || (Number.isInteger(n) && n >= 1)

/** The properties every input must keep; a plain throw, so a failing case shrinks quickly. */
function holds(files: Files): void {
  const out = judge(files)
  const doc = JSON.parse(out.json) as {
    verdict: string
    baselines: { verdict: string; findings: Finding[] }[]
  }
  if (doc.verdict !== 'PASS' && doc.verdict !== 'FAIL') throw new Error(`no verdict: ${doc.verdict}`)
  const findings = doc.baselines[0]!.findings
  for (const f of findings) {
    if (!(f.rule in RULES)) throw new Error(`unknown rule ${f.rule}`)
    if (!position(f.line) || !position(f.column))
      throw new Error(`bad position ${f.line}:${f.column} (${f.rule})`)
    if (f.line === null && f.column !== null) throw new Error(`a column without a line (${f.rule})`)
    if (f.message.trim() === '' || LONE_SURROGATE.test(f.message)) throw new Error(`bad message (${f.rule})`)
  }
  const errors = findings.some((f) => f.severity === 'error')
  if (errors !== (doc.verdict === 'FAIL')) throw new Error(`verdict ${doc.verdict} with errors=${errors}`)
  if (!validateEvidence(JSON.parse(out.packet))) {
    throw new Error(`evidence packet invalid: ${JSON.stringify(validateEvidence.errors?.slice(0, 3))}`)
  }
  if (out.markdown.length === 0) throw new Error('no Markdown evidence')
}

// ---- generators -------------------------------------------------------------------------------------------

/**
 * fc.string({ unit: 'binary' })'s unit, any code point but a lone surrogate, giving the same values for the same
 * seed (the same index of the same ranges), with an inverse it computes: fast-check's own looks each value up in a
 * map of all 1,112,064 code points, which it builds the first time it splits its bias strings (__proto__ and the
 * like) into units, at this file's load: 1.2 s and its garbage, for about 30 lookups.
 */
const SURROGATES = 0xe000 - 0xd800
const binaryUnit = fc.nat({ max: 0x10ffff - SURROGATES }).map(
  (i) => String.fromCodePoint(i < 0xd800 ? i : i + SURROGATES),
  (value) => {
    const cp = typeof value === 'string' ? value.codePointAt(0) : undefined
    if (cp === undefined || String.fromCodePoint(cp) !== value || (cp >= 0xd800 && cp < 0xe000))
      throw new Error('not one code point')
    return cp < 0xd800 ? cp : cp - SURROGATES
  }
)
const binaryString = (maxLength: number) => fc.string({ unit: binaryUnit, maxLength })

/** The matrix less often: its parse costs ten times a JSON file's, and the generated matrices below cover it. */
const role = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom<Role>('pin', 'manifest', 'producerManifest', 'handoff') },
  { weight: 1, arbitrary: fc.constant<Role>('matrix') }
)

/** How often a unit repeats: mostly a few times, sometimes right at a limit, rarely far past every limit. */
const times = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 1, max: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(63, 64, 65, 127, 128, 129, 4_097) },
  { weight: 1, arbitrary: fc.integer({ min: 20_000, max: 100_000 }) }
)
const UNITS = [
  '[',
  '{"a":',
  ']',
  '}',
  '"',
  '\\',
  '>',
  '+ ',
  '- ',
  '1. ',
  '*a',
  '_a',
  '**',
  '[a](',
  '](',
  '`',
  '``',
  '|',
  '\\|',
  '=\n',
  'a\n=\n',
  '-\n',
  '# ',
  '<',
  '<div>\n',
  '&#',
  '&amp;',
  '~~~\n',
  '```\n',
  '    ',
  '\t',
  ' \n',
  '\n',
  '| a |\n',
  '|---|\n',
  'a  \n',
  '!',
  '\r\n',
  '\r'
]
const repeated = fc.tuple(fc.constantFrom(...UNITS), times).map(([unit, n]) => unit.repeat(n))
const SPECIALS = [
  '\uFEFF',
  '\u2028',
  '\u2029',
  '\u0000',
  '\u001b[31m',
  '\uD800',
  '\uDFFF',
  '👩‍👩‍👧',
  '\u202Etxt',
  'e\u0301',
  'ﬁ',
  'İ',
  '\u00A0',
  '𝔘𝔫𝔦',
  'Approved',
  'approved',
  'Rolled back',
  'Candidate',
  'Superseded',
  'NO-GO',
  'GO',
  '## Baseline Pin\n\n- MemoryKernel release tag: `v9.9.9`\n- Runtime cutover posture: `NO-GO`\n',
  '## Approved Version Pairs\n\n| a | b |\n| --- | --- |\n| c | d |\n',
  '| 0.0.1 | abc | v0.0.1 | ' + 'c'.repeat(40) + ' | service.v1 | api.v1 | integration/v1 | Approved |\n',
  'Updated: 2026-02-30\n',
  'Updated: 9999-01-01\n',
  '/Users/someone/x/y',
  'C:\\Users\\a\\b',
  '"release_tag": "v0.0.1",',
  '"runtime_cutover_posture": "MAYBE",',
  '"error_code_enum": [],'
]
const snippet = fc.oneof(
  { weight: 4, arbitrary: repeated },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIALS) },
  { weight: 2, arbitrary: binaryString(24) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 4_000, max: 70_000 }).map((n) => `| ${'x'.repeat(n)} |`) }
)

type Mutation = (bytes: Buffer) => Buffer
const at = (n: number, bytes: Buffer) => (bytes.length === 0 ? 0 : n % (bytes.length + 1))
const lines = (bytes: Buffer) => bytes.toString('latin1').split('\n')
const joined = (parts: string[]) => Buffer.from(parts.join('\n'), 'latin1')
const utf8 = (s: string) => Buffer.from(s, 'utf8')

const byteMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([n, b]): Mutation => (x) => {
    const y = Buffer.from(x)
    if (y.length > 0) y[n % y.length] = b
    return y
  }),
  fc.tuple(fc.nat(), fc.uint8Array({ maxLength: 16 })).map(
    ([n, ins]): Mutation =>
      (x) =>
        Buffer.concat([x.subarray(0, at(n, x)), ins, x.subarray(at(n, x))])
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 64 })).map(
    ([n, len]): Mutation =>
      (x) =>
        Buffer.concat([x.subarray(0, at(n, x)), x.subarray(at(n, x) + len)])
  ),
  fc.nat().map(
    (n): Mutation =>
      (x) =>
        x.subarray(0, at(n, x))
  )
)

const lineMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((n): Mutation => (x) => {
    const l = lines(x)
    return joined([...l.slice(0, (n % l.length) + 1), ...l.slice(n % l.length)]) // duplicate a line
  }),
  fc.nat().map((n): Mutation => (x) => {
    const l = lines(x)
    return joined(l.filter((_, i) => i !== n % l.length)) // drop a line
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (x) => {
    const l = lines(x)
    const i = a % l.length
    const j = b % l.length
    ;[l[i], l[j]] = [l[j]!, l[i]!]
    return joined(l)
  }),
  fc.tuple(fc.nat(), snippet).map(([n, s]): Mutation => (x) => {
    const l = lines(x)
    const i = n % (l.length + 1)
    return Buffer.concat([
      joined(l.slice(0, i)),
      utf8(i === 0 ? '' : '\n'),
      utf8(s),
      utf8('\n'),
      joined(l.slice(i))
    ])
  }),
  fc.tuple(fc.nat(), snippet).map(
    ([n, s]): Mutation =>
      (x) =>
        Buffer.concat([x.subarray(0, at(n, x)), utf8(s), x.subarray(at(n, x))])
  ),
  fc.constant<Mutation>((x) => utf8(x.toString('utf8').replace(/\r?\n/g, '\r\n'))),
  fc.constant<Mutation>((x) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), x]))
)

/** The valid repository with 1-3 mutations applied to the files they pick. */
function mutated(mutation: fc.Arbitrary<Mutation>): fc.Arbitrary<Files> {
  return fc.array(fc.tuple(role, mutation), { minLength: 1, maxLength: 3 }).map((edits) => {
    const files: Files = { ...BASE }
    for (const [r, m] of edits) files[r] = m(files[r] ?? Buffer.alloc(0))
    return files
  })
}

/** A JSON file of the repository with one field set to any JSON value, removed, or added; in any layout. */
const jsonField: fc.Arbitrary<Files> = fc
  .tuple(
    fc.constantFrom<Role>('pin', 'manifest', 'producerManifest', 'handoff'),
    fc.oneof(
      fc.constantFrom(
        'release_tag',
        'commit_sha',
        'error_code_enum',
        'runtime_cutover_posture',
        'expected_producer_manifest_sha256',
        'handoff_mode',
        'active_runtime_baseline',
        'non_2xx_envelope_policy',
        'handoff_generated_at_utc',
        'integration_baseline',
        'expected_service_contract_version'
      ),
      fc.string({ maxLength: 12 })
    ),
    fc.option(fc.jsonValue({ maxDepth: 4 }), { freq: 6 }),
    fc.constantFrom<number | string>(0, 2, 4, '\t'),
    fc.boolean()
  )
  .map(([r, key, value, indent, bothMirrors]) => {
    const doc = JSON.parse(BASE[r].toString('utf8')) as Record<string, unknown>
    if (value === null) delete doc[key]
    else doc[key] = value
    const bytes = utf8(`${JSON.stringify(doc, null, indent)}\n`)
    const files: Files = { ...BASE, [r]: bytes }
    // the mirror and the producer's manifest changed together: the pin and the matrix are then what differs
    if (bothMirrors && (r === 'manifest' || r === 'producerManifest')) {
      files.manifest = bytes
      files.producerManifest = bytes
    }
    return files
  })

const pin = JSON.parse(BASE.pin.toString('utf8')) as Record<string, string>
const cell = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      pin.release_tag!,
      pin.commit_sha!,
      pin.expected_service_contract_version!,
      pin.expected_api_contract_version!,
      pin.expected_integration_baseline!,
      'Approved',
      'Superseded',
      'Rolled back',
      'Candidate',
      '0.1.0',
      'abcdef1',
      ''
    )
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 10 }) },
  { weight: 1, arbitrary: snippet.map((s) => s.replace(/\n/g, ' ')) }
)
const LABELS = [
  'MemoryKernel repo',
  'MemoryKernel release tag',
  'MemoryKernel commit SHA',
  'Expected service contract version',
  'Expected API contract version',
  'Expected integration baseline',
  'Expected producer manifest SHA-256',
  'Runtime cutover posture',
  'Pin manifest (source of truth)',
  'Producer manifest mirror',
  'MemoryKernel relase tag'
]
const pinLine = fc
  .tuple(fc.constantFrom(...LABELS), cell, fc.boolean())
  .map(([label, value, code]) => `- ${label}: ${code ? `\`${value}\`` : value}`)
const row = fc.array(cell, { minLength: 6, maxLength: 9 }).map((cells) => `| ${cells.join(' | ')} |`)
const HEADER =
  '| Consumer version | Consumer commit | MemoryKernel tag | MemoryKernel commit | Service contract | API contract | Integration baseline | Status |\n| --- | --- | --- | --- | --- | --- | --- | --- |'
const section = fc.oneof(
  fc.array(pinLine, { maxLength: 12 }).map((l) => `## Baseline Pin\n\n${l.join('\n')}`),
  fc
    .tuple(fc.boolean(), fc.array(row, { maxLength: 8 }))
    .map(([head, rows]) => `## Approved Version Pairs\n\n${head ? `${HEADER}\n` : ''}${rows.join('\n')}`),
  fc.constantFrom(
    'Updated: 2026-01-31',
    'Updated: 2026-02-30',
    'Updated:',
    '# MemoryKernel Compatibility Matrix',
    '## Notes',
    '---',
    '> quoted'
  ),
  snippet
)
/** A generated compatibility matrix: sections in any order and number, joined with LF or CRLF. */
const matrix: fc.Arbitrary<Files> = fc
  .tuple(fc.array(section, { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\n\n'), fc.boolean())
  .map(([parts, eol, title]) => {
    const text = [
      ...(title ? ['# MemoryKernel Compatibility Matrix', '', 'Updated: 2026-01-31'] : []),
      ...parts
    ].join(eol)
    return { ...BASE, matrix: utf8(text.replace(/\n/g, eol === '\r\n' ? '\r\n' : '\n')) }
  })

/** Every file arbitrary bytes, text, JSON or missing. */
const content = fc.oneof(
  fc.uint8Array({ maxLength: 256 }).map((b) => Buffer.from(b)),
  binaryString(256).map(utf8),
  fc.json({ maxDepth: 4 }).map(utf8),
  fc.constant(null),
  fc.constant(Buffer.alloc(0))
)
const arbitraryFiles: fc.Arbitrary<Files> = fc.record({
  pin: content,
  manifest: content,
  matrix: content,
  producerManifest: content,
  handoff: content
})

// ---- properties -------------------------------------------------------------------------------------------

describe('fuzz: no input crashes the rules, and every output is a verdict in valid JSON', () => {
  it('the unmutated repository passes (the harness judges as health does)', () => {
    const out = JSON.parse(judge({ ...BASE }).json) as {
      verdict: string
      baselines: { findings: unknown[] }[]
    }
    expect(out.baselines[0]!.findings).toEqual([])
    expect(out.verdict).toBe('PASS')
  })

  it('3,000 valid trios with byte mutations (flips, insertions, deletions, truncation)', () => {
    fc.assert(fc.property(mutated(byteMutation), holds), run(3_000))
  })

  it('3,000 valid trios with line mutations and hostile snippets (nesting, cells, pipes, emphasis, unicode, BOM, CRLF)', () => {
    fc.assert(fc.property(mutated(lineMutation), holds), run(3_000))
  })

  it('1,500 JSON files with a field of any JSON type, removed or added, in any layout', () => {
    fc.assert(fc.property(jsonField, holds), run(1_500))
  })

  it('1,200 generated compatibility matrices', () => {
    fc.assert(fc.property(matrix, holds), run(1_200))
  })

  it('2,000 repositories of arbitrary bytes, text, JSON and missing files', () => {
    fc.assert(fc.property(arbitraryFiles, holds), run(2_000))
  })
})
