// Robustness: hostile, damaged or unusual trio files. Every case names the exact rule, file and line,
// and health must never throw (a crash would hide every other finding).
import { afterAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { MAX_MATRIX_BYTES, trioFromBytes } from '../src/trio/load.js'
import { defaultBaseline } from '../src/policy/defaults.js'
import { trioRules } from '../src/rules/index.js'
import type { Finding } from '../src/rules/finding.js'
import {
  cleanupFixtures,
  EMBEDDED,
  findingsOf,
  health,
  MATRIX,
  MIRROR,
  PIN,
  trioFixture
} from './helpers/fixture.js'
import type { Fixture } from './helpers/fixture.js'

afterAll(cleanupFixtures)

const BOM = Buffer.from([0xef, 0xbb, 0xbf])

/** rule, file, line: what every assertion below pins down exactly. */
function where(findings: Finding[]): [string, string | null, number | null][] {
  return findings.map((f) => [f.rule, f.file, f.line])
}

/** 1-based column of `needle` on the 1-based `line` of `rel` (throws when absent). */
function columnOf(fx: Fixture, rel: string, line: number, needle: string): number {
  const text = fx.read(rel).split('\n')[line - 1] ?? ''
  const i = text.indexOf(needle)
  if (i === -1) throw new Error(`${needle} not on line ${line} of ${rel}`)
  return i + 1
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex')
}

describe('malformed JSON in the pin', () => {
  it('reports both syntax errors (a missing colon and a trailing comma), each at its line and column', async () => {
    const fx = trioFixture()
    fx.replace(PIN, `"release_tag": "${EMBEDDED.tag}"`, `"release_tag" "${EMBEDDED.tag}"`)
    fx.replace(PIN, '"runtime_cutover_posture": "GO"', '"runtime_cutover_posture": "GO",')
    const colonLine = fx.lineOf(PIN, `"release_tag" "${EMBEDDED.tag}"`)
    const closeLine = fx.read(PIN).split('\n').lastIndexOf('}') + 1

    const result = await health(fx.root)
    const findings = result.baselines[0]!.findings
    expect(where(findings)).toEqual([
      ['BG106', PIN, colonLine],
      ['BG106', PIN, closeLine]
    ])
    expect(findings[0]!.column).toBe(columnOf(fx, PIN, colonLine, `"${EMBEDDED.tag}"`))
    expect(findings[0]!.message).toContain("':' is expected")
    expect(findings[1]!.column).toBe(1)
    expect(findings[1]!.message).toContain('a property name in double quotes is expected')
    // the rules that compare against the pin skip it instead of crashing on it
    expect(result.verdict).toBe('FAIL')
    expect(result.baselines[0]!.identity.release_tag).toBeNull()
    expect(result.baselines[0]!.posture).toBeNull()
  })

  it('does not stop the matrix rules: a broken pin and a broken ledger row are both reported', async () => {
    const fx = trioFixture()
    fx.replace(PIN, '"runtime_cutover_posture": "GO"', '"runtime_cutover_posture": "GO",')
    fx.replace(MATRIX, `| ${EMBEDDED.integration} | Approved |`, `| ${EMBEDDED.integration} | approved |`)
    const row = fx.lineOf(MATRIX, '| approved |')
    const findings = await findingsOf(fx.root)
    // the row is still read as the Approved one (a hand-kept ledger's spelling): only the spelling is reported
    expect(where(findings).filter(([rule]) => rule !== 'BG106')).toEqual([['BG210', MATRIX, row]])
    expect(findings.some((f) => f.rule === 'BG106' && f.file === PIN)).toBe(true)
    expect(findings.find((f) => f.rule === 'BG210')!.message).toContain('write `Approved`')
  })
})

describe('missing and unreadable trio files', () => {
  it.each([
    ['pin', PIN],
    ['mirror', MIRROR],
    ['matrix', MATRIX]
  ])('a missing %s is BG101 and nothing else', async (_role, rel) => {
    const fx = trioFixture()
    fx.remove(rel)
    const findings = await findingsOf(fx.root)
    expect(where(findings)).toEqual([['BG101', rel, null]])
    expect(findings[0]!.message).toContain('does not exist')
  })

  it('a pin path that is a directory is BG102', async () => {
    const fx = trioFixture()
    fx.remove(PIN)
    mkdirSync(join(fx.root, PIN))
    const findings = await findingsOf(fx.root)
    expect(where(findings)).toEqual([['BG102', PIN, null]])
    expect(findings[0]!.message).toContain('not a regular file')
  })
})

describe('empty trio files', () => {
  it.each([
    ['0 bytes', ''],
    ['whitespace only', '  \n\t\r\n  \n']
  ])('a pin of %s is BG103 at line 1', async (_what, content) => {
    const fx = trioFixture()
    fx.write(PIN, content)
    const findings = await findingsOf(fx.root)
    expect(where(findings)).toEqual([['BG103', PIN, 1]])
    expect(findings[0]!.column).toBe(1)
  })

  it.each([
    ['0 bytes', ''],
    ['whitespace only', '\n\n   \n']
  ])('a matrix of %s is BG103 at line 1', async (_what, content) => {
    const fx = trioFixture()
    fx.write(MATRIX, content)
    expect(where(await findingsOf(fx.root))).toEqual([['BG103', MATRIX, 1]])
  })

  it('an empty mirror is BG103 alone (its digest says nothing more)', async () => {
    const fx = trioFixture()
    fx.write(MIRROR, '')
    expect(where(await findingsOf(fx.root))).toEqual([['BG103', MIRROR, 1]])
  })
})

describe('byte-order marks and encodings', () => {
  it('a BOM on the pin is BG104 at line 1, column 1, and nothing else', async () => {
    const fx = trioFixture()
    fx.write(PIN, Buffer.concat([BOM, fx.readBytes(PIN)]))
    const findings = await findingsOf(fx.root)
    expect(where(findings)).toEqual([['BG104', PIN, 1]])
    expect(findings[0]!.column).toBe(1)
  })

  it('a BOM on the mirror is BG104 on the mirror, and its BG202 names the byte-order mark', async () => {
    const fx = trioFixture()
    fx.write(MIRROR, Buffer.concat([BOM, fx.readBytes(MIRROR)]))
    const findings = await findingsOf(fx.root)
    expect(where(findings)).toEqual([
      ['BG202', PIN, fx.lineOf(PIN, '"expected_producer_manifest_sha256"')],
      ['BG104', MIRROR, 1],
      ['BG301', MIRROR, 1] // no longer the producer's bytes
    ])
    expect(findings[0]!.message).toContain('differ only by a byte-order mark')
    expect(findings[0]!.message).not.toContain('CRLF')
  })

  it('a BOM on the matrix is valid Markdown: PASS', async () => {
    const fx = trioFixture()
    fx.write(MATRIX, Buffer.concat([BOM, fx.readBytes(MATRIX)]))
    const result = await health(fx.root)
    expect(result.baselines[0]!.findings).toEqual([])
    expect(result.verdict).toBe('PASS')
  })

  it('an invalid UTF-8 byte in the matrix is BG105 at its line and column', async () => {
    const fx = trioFixture()
    const needle = 'this repository (the consumer'
    const line = fx.lineOf(MATRIX, needle)
    const column = columnOf(fx, MATRIX, line, needle) + needle.length
    const text = fx.read(MATRIX)
    const at = Buffer.byteLength(text.slice(0, text.indexOf(needle) + needle.length), 'utf8')
    const bytes = fx.readBytes(MATRIX)
    fx.write(MATRIX, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xe9]), bytes.subarray(at)]))

    const result = await health(fx.root)
    const findings = result.baselines[0]!.findings
    expect(where(findings)).toEqual([['BG105', MATRIX, line]])
    expect(findings[0]!.column).toBe(column)
    expect(result.verdict).toBe('FAIL')
  })

  it('a control character in the matrix is BG105 at its line and column: a NUL hides its diff from review', async () => {
    const needle = 'this repository (the consumer'
    for (const [char, why] of [
      ['\0', /U\+0000\) here, which makes git and GitHub show the file as binary/],
      ['\x1b', /U\+001B\) here, which no Markdown text needs/],
      ['\u0085', /U\+0085\) here/],
      ['\u202e', /U\+202E\) here, a bidirectional control, which makes the text show in another order/]
    ] as const) {
      const fx = trioFixture()
      const line = fx.lineOf(MATRIX, needle)
      const column = columnOf(fx, MATRIX, line, needle) + needle.length
      fx.replace(MATRIX, needle, `${needle}${char}`)
      const findings = (await health(fx.root)).baselines[0]!.findings
      expect(where(findings)).toEqual([['BG105', MATRIX, line]])
      expect(findings[0]!.column).toBe(column)
      expect(findings[0]!.message).toMatch(why)
    }
    // tab, line feed and carriage return are text
    const fx = trioFixture()
    fx.replace(MATRIX, needle, `${needle}\t`)
    expect((await health(fx.root)).baselines[0]!.findings).toEqual([])
  })
})

describe('line endings and formatting', () => {
  const HASH_FIELD = '"expected_producer_manifest_sha256"'

  it('a pin rewritten with CRLF still passes', async () => {
    const fx = trioFixture()
    fx.write(PIN, fx.read(PIN).replace(/\n/g, '\r\n'))
    const result = await health(fx.root)
    expect(result.baselines[0]!.findings).toEqual([])
    expect(result.verdict).toBe('PASS')
  })

  it('a mirror rewritten with CRLF is BG202 on the pin, saying the bytes differ only by line endings', async () => {
    const fx = trioFixture()
    fx.write(MIRROR, fx.read(MIRROR).replace(/\n/g, '\r\n'))
    const findings = await findingsOf(fx.root)
    const line = fx.lineOf(PIN, HASH_FIELD)
    expect(where(findings)).toEqual([
      ['BG202', PIN, line],
      ['BG301', MIRROR, 1] // no longer the producer's bytes, from the first line on
    ])
    // located at the pinned digest's value, where the fix goes
    expect(findings[0]!.column).toBe(columnOf(fx, PIN, line, `"${EMBEDDED.manifestSha256.slice(0, 8)}`))
    expect(findings[0]!.message).toContain('differ only by line endings')
  })

  it('a mirror reformatted with a 4-space indent is BG202, naming the formatting', async () => {
    const fx = trioFixture()
    fx.write(MIRROR, `${JSON.stringify(JSON.parse(fx.read(MIRROR)), null, 4)}\n`)
    const findings = await findingsOf(fx.root)
    expect(where(findings)).toEqual([
      ['BG202', PIN, fx.lineOf(PIN, HASH_FIELD)],
      ['BG301', MIRROR, 2] // the first re-indented line
    ])
    expect(findings[0]!.message).toContain('differ only by formatting')
  })

  it('a mirror with a really different value (not rehashed) is BG202 plus BG201, with the generic advice', async () => {
    const fx = trioFixture()
    fx.replace(MIRROR, `"release_tag": "${EMBEDDED.tag}"`, '"release_tag": "v0.3.2"')
    const findings = await findingsOf(fx.root)
    expect(where(findings)).toEqual([
      ['BG202', PIN, fx.lineOf(PIN, HASH_FIELD)],
      ['BG301', MIRROR, fx.lineOf(MIRROR, '"release_tag"')],
      ['BG201', MIRROR, fx.lineOf(MIRROR, '"release_tag"')]
    ])
    expect(findings[0]!.message).not.toContain('differ only by')
    expect(findings[0]!.message).toContain('byte for byte')
    expect(findings[2]!.message).toContain('"v0.3.2"')
    expect(findings[2]!.message).toContain(`"${EMBEDDED.tag}"`)
  })
})

describe('very large files', () => {
  it('a 20 MB pin is refused as too large (BG102) without being parsed', async () => {
    const fx = trioFixture()
    const big = Buffer.alloc(20 * 1024 * 1024, 0x20)
    big[0] = 0x7b // '{'
    fx.write(PIN, big)
    const findings = await findingsOf(fx.root)
    expect(where(findings)).toEqual([['BG102', PIN, null]])
    expect(findings[0]!.message).toContain('20.0 MiB')
    expect(findings[0]!.message).toContain('4.0 MiB')
  })

  /** The matrix with `count` Superseded rows before the Approved one, the first column padded to `pad`. */
  function longLedger(fx: Fixture, count: number, pad: number): number {
    const approved = fx
      .read(MATRIX)
      .split('\n')
      .find((l) => l.endsWith('| Approved |'))!
    const rows: string[] = []
    for (let i = 0; i < count; i++) {
      const commit = createHash('sha1').update(`row ${i}`).digest('hex')
      // an aligned table: the first column padded wide, as a Markdown formatter would leave it
      const version = `0.0.${i}`.padEnd(pad, ' ')
      rows.push(
        `| ${version} | ${commit.slice(0, 12)} | v0.3.${i} | ${commit} | service.v2 | api.v1 | integration/v1 | Superseded |`
      )
    }
    fx.replace(MATRIX, approved, `${rows.join('\n')}\n${approved}`)
    return statSync(join(fx.root, MATRIX)).size
  }

  it('a matrix of ~0.7 MB that is a valid ledger (hundreds of Superseded rows) passes', async () => {
    const fx = trioFixture()
    const size = longLedger(fx, 800, 850)
    expect(size).toBeGreaterThan(0.6 * 1024 * 1024)
    expect(size).toBeLessThan(MAX_MATRIX_BYTES)

    const result = await health(fx.root)
    expect(result.baselines[0]!.findings).toEqual([])
    expect(result.verdict).toBe('PASS')
    expect(result.baselines[0]!.identity.release_tag).toBe(EMBEDDED.tag)
  })

  it('a matrix of ~3 MB is refused as too large (BG102) before it is parsed', async () => {
    const fx = trioFixture()
    const size = longLedger(fx, 3000, 850)
    expect(size).toBeGreaterThan(2.5 * 1024 * 1024)
    const findings = await findingsOf(fx.root)
    expect(where(findings)).toEqual([['BG102', MATRIX, null]])
    expect(findings[0]!.message).toContain('1.0 MiB')
  })

  it('a matrix read from git (the promotion gate, lkg, rollback) has the same cap as one on disk (found by review: the gate passed a 1.3 MiB matrix health then refused)', async () => {
    const fx = trioFixture()
    const size = longLedger(fx, 1500, 850)
    expect(size).toBeGreaterThan(MAX_MATRIX_BYTES)
    const onDisk = await findingsOf(fx.root)
    const baseline = defaultBaseline('memorykernel')
    const read = (rel: string) => readFileSync(join(fx.root, rel))
    const fromGit = trioRules(
      trioFromBytes(
        { ...baseline, display_name: 'MemoryKernel' },
        { pin: read(PIN), manifest: read(MIRROR), matrix: read(MATRIX) }
      ),
      { baseline, now: new Date() }
    )
    expect(where(fromGit)).toEqual([['BG102', MATRIX, null]])
    expect(fromGit.map((f) => f.message)).toEqual(onDisk.map((f) => f.message))
  })
})

describe('a damaged matrix', () => {
  it('a table without its delimiter row is BG209 at the Approved Version Pairs heading', async () => {
    const fx = trioFixture()
    const heading = fx.lineOf(MATRIX, '## Approved Version Pairs')
    fx.replace(MATRIX, /^\| --- \|.*\n/m, '')
    const findings = await findingsOf(fx.root)
    expect(where(findings)).toEqual([['BG209', MATRIX, heading]])
  })

  it('a row of 7 cells is BG209 at that row', async () => {
    const fx = trioFixture()
    const approved = fx
      .read(MATRIX)
      .split('\n')
      .find((l) => l.endsWith('| Approved |'))!
    const short = `| 0.0.9 | 1234567 | v0.3.2 | ${'a'.repeat(40)} | service.v2 | api.v1 | Superseded |`
    fx.replace(MATRIX, approved, `${short}\n${approved}`)
    const findings = await findingsOf(fx.root)
    expect(where(findings)).toEqual([['BG209', MATRIX, fx.lineOf(MATRIX, short)]])
    expect(findings[0]!.message).toContain('7 cells')
  })

  it('a missing ## Baseline Pin section is BG204', async () => {
    const fx = trioFixture()
    fx.replace(MATRIX, '## Baseline Pin\n', '')
    const findings = await findingsOf(fx.root)
    expect(where(findings)).toEqual([['BG204', MATRIX, 1]])
    expect(findings[0]!.message).toContain('## Baseline Pin')
  })
})

describe('a duplicate key in the pin', () => {
  it('is BG107 at the second occurrence of the key', async () => {
    const fx = trioFixture()
    const repeated = `  "release_tag": "${EMBEDDED.tag}",`
    fx.replace(PIN, '"default_timeout_ms": 2500,', `"default_timeout_ms": 2500,\n${repeated}`)
    const second = fx.read(PIN).split('\n').lastIndexOf(repeated) + 1
    expect(second).toBeGreaterThan(fx.lineOf(PIN, '"release_tag"'))
    const findings = await findingsOf(fx.root)
    expect(where(findings)).toEqual([['BG107', PIN, second]])
    expect(findings[0]!.column).toBe(3)
    expect(findings[0]!.message).toContain('"release_tag"')
  })
})

describe("the original system's famous miss: the Approved row's contract cells", () => {
  it('service.v1 | api.v9 | integration/v7 in the Approved row gives three BG212, one per cell', async () => {
    const fx = trioFixture()
    fx.replace(
      MATRIX,
      `| ${EMBEDDED.service} | ${EMBEDDED.api} | ${EMBEDDED.integration} | Approved |`,
      '| service.v1 | api.v9 | integration/v7 | Approved |'
    )
    const line = fx.lineOf(MATRIX, '| Approved |')
    const findings = await findingsOf(fx.root)
    expect(where(findings)).toEqual([
      ['BG212', MATRIX, line],
      ['BG212', MATRIX, line],
      ['BG212', MATRIX, line]
    ])
    expect(findings.map((f) => f.column)).toEqual([
      columnOf(fx, MATRIX, line, 'service.v1'),
      columnOf(fx, MATRIX, line, 'api.v9'),
      columnOf(fx, MATRIX, line, 'integration/v7')
    ])
    expect(findings[0]!.message).toContain(`"${EMBEDDED.service}"`)
    expect(findings[1]!.message).toContain(`"${EMBEDDED.api}"`)
    expect(findings[2]!.message).toContain(`"${EMBEDDED.integration}"`)
  })

  it('the Approved row set to Rejected gives BG210 on the cell, BG211 on the table and BG212 (no Approved row) on the status', async () => {
    const fx = trioFixture()
    const row = fx.lineOf(MATRIX, '| Approved |')
    const header = fx.lineOf(MATRIX, '| Consumer version |')
    fx.replace(MATRIX, `| ${EMBEDDED.integration} | Approved |`, `| ${EMBEDDED.integration} | Rejected |`)
    const findings = await findingsOf(fx.root)
    expect(where(findings)).toEqual([
      ['BG211', MATRIX, header],
      ['BG210', MATRIX, row],
      ['BG212', MATRIX, row]
    ])
    expect(findings[1]!.column).toBe(columnOf(fx, MATRIX, row, 'Rejected'))
    expect(findings[1]!.message).toContain('"Rejected"')
    expect(findings[2]!.column).toBe(columnOf(fx, MATRIX, row, 'Rejected'))
    expect(findings[2]!.message).toMatch(/^no Approved row: /)
  })
})

describe('sanity of the helpers used above', () => {
  it('the digest helper agrees with the pin of the untouched fixture', () => {
    const fx = trioFixture()
    const pin = JSON.parse(fx.read(PIN)) as { expected_producer_manifest_sha256: string }
    expect(sha256(fx.readBytes(MIRROR))).toBe(pin.expected_producer_manifest_sha256)
  })
})

describe('the matrix control class', () => {
  it('is \\p{Cc} but tab, line feed and carriage return, and \\p{Bidi_Control}, of the running Node', async () => {
    const { MATRIX_CONTROL } = await import('../src/rules/files.js')
    const differ: string[] = []
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue
      const ch = String.fromCodePoint(cp)
      const want = (/\p{Cc}/u.test(ch) && !/[\t\n\r]/.test(ch)) || /\p{Bidi_Control}/u.test(ch)
      if (MATRIX_CONTROL.test(ch) !== want) differ.push(cp.toString(16))
    }
    expect(differ).toEqual([])
  })
})
