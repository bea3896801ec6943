// Findings as they read on a real repository (issue 13, item 9): BG301 at the offending line, not the one
// above it; BG305 says which file has which code; BG212 even when no row is Approved; the runbook names the
// rule that fires for a missing posture line.
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { RULES } from '../src/rules/catalog.js'
import { firstDifference } from '../src/rules/drift.js'
import type { Finding } from '../src/rules/finding.js'
import {
  cleanupFixtures,
  EMBEDDED,
  findingsOf,
  HANDOFF,
  MATRIX,
  MIRROR,
  PRODUCER_MANIFEST,
  REPO_ROOT,
  trioFixture
} from './helpers/fixture.js'
import type { Fixture } from './helpers/fixture.js'

afterAll(cleanupFixtures)

const only = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule)

function editCodes(fx: Fixture, rel: string, edit: (codes: string[]) => void): void {
  fx.editJson(rel, (doc) => edit(doc.error_code_enum as string[]))
}

describe('BG301 points at the line that differs', () => {
  it('the producer dropped its last error code: the mirror line holding it, not the line above (its comma)', async () => {
    const fx = trioFixture()
    const last = (JSON.parse(fx.read(MIRROR)) as { error_code_enum: string[] }).error_code_enum.at(-1)!
    editCodes(fx, PRODUCER_MANIFEST, (codes) => void codes.pop())
    const [f, ...rest] = only(await findingsOf(fx.root), 'BG301')
    expect(rest).toEqual([])
    expect([f!.file, f!.line, f!.column]).toEqual([MIRROR, fx.lineOf(MIRROR, `"${last}"`), 1])
    expect(f!.message).toContain(`the mirror has \`"${last}"\`, the producer's manifest \`],\``)
  })

  it("the producer added a code at the end: the mirror's closing bracket, where the new code is", async () => {
    const fx = trioFixture()
    editCodes(fx, PRODUCER_MANIFEST, (codes) => void codes.push('quota_exceeded'))
    const [f] = only(await findingsOf(fx.root), 'BG301')
    const last = (JSON.parse(fx.read(MIRROR)) as { error_code_enum: string[] }).error_code_enum.at(-1)!
    expect(f!.line).toBe(fx.lineOf(MIRROR, `"${last}"`) + 1)
    expect(f!.message).toContain('the producer\'s manifest `"quota_exceeded"`')
  })

  it('a value changed in place: that line', async () => {
    const fx = trioFixture()
    fx.editJson(PRODUCER_MANIFEST, (m) => {
      m.integration_baseline = 'integration/v9'
    })
    const [f] = only(await findingsOf(fx.root), 'BG301')
    expect(f!.line).toBe(fx.lineOf(MIRROR, '"integration_baseline"'))
  })

  it("a producer's manifest checked out with CRLF beside an LF mirror: the message says line endings, not two equal lines (found by review)", async () => {
    const fx = trioFixture()
    fx.write(PRODUCER_MANIFEST, fx.read(PRODUCER_MANIFEST).replace(/\n/g, '\r\n'))
    const [f, ...rest] = only(await findingsOf(fx.root), 'BG301')
    expect(rest).toEqual([])
    expect([f!.line, f!.message]).toEqual([
      1,
      expect.stringContaining(
        "they first differ at the end of line 1: the mirror has LF line endings, the producer's manifest CRLF"
      )
    ])
    expect(f!.message).toContain('mark both `-text`')
  })

  it('firstDifference: a comma alone is passed over only when the next line differs', () => {
    expect(firstDifference(['[', '"a",', '"b"', ']'], ['[', '"a"', ']'])).toBe(2)
    expect(firstDifference(['[', '"a"', ']'], ['[', '"a",', '"b"', ']'])).toBe(2)
    expect(firstDifference(['[', '"a",', ']'], ['[', '"a"', ']'])).toBe(1)
    expect(firstDifference(['{', '"x": 1', '}'], ['{', '"x": 2', '}'])).toBe(1)
    expect(firstDifference(['{', '}'], ['{', '}'])).toBe(-1)
  })
})

describe('BG305 says which file has which code', () => {
  it('the producer manifest lost write_conflict: only the handoff has it, and the manifest is named with its line', async () => {
    const fx = trioFixture()
    editCodes(fx, PRODUCER_MANIFEST, (codes) => codes.splice(codes.indexOf('write_conflict'), 1))
    const [f, ...rest] = only(await findingsOf(fx.root), 'BG305')
    expect(rest).toEqual([])
    expect([f!.file, f!.line]).toEqual([HANDOFF, fx.lineOf(HANDOFF, '"error_code_enum"')])
    expect(f!.message).toContain(
      `(${PRODUCER_MANIFEST}:${fx.lineOf(PRODUCER_MANIFEST, '"error_code_enum"')})`
    )
    expect(f!.message).toContain('only the handoff has [write_conflict]')
    expect(f!.message).not.toContain('only the producer manifest has')
    expect(f!.message).not.toContain('missing []')
  })

  it('the handoff lost a code: only the producer manifest has it', async () => {
    const fx = trioFixture()
    editCodes(fx, HANDOFF, (codes) => codes.splice(codes.indexOf('write_conflict'), 1))
    const [f] = only(await findingsOf(fx.root), 'BG305')
    expect(f!.message).toContain('only the producer manifest has [write_conflict]')
    expect(f!.message).not.toContain('only the handoff has')
  })
})

describe('BG212 when no row is Approved', () => {
  const APPROVED = /\| Approved \|$/m

  it("the pin's row Superseded: BG211 on the table and BG212 (no Approved row) on that row's status", async () => {
    const fx = trioFixture()
    // the pin's row is the Approved one; older rows may be Superseded already (after any promotion)
    const row = fx.lineOf(MATRIX, '| Approved |')
    fx.replace(MATRIX, APPROVED, '| Superseded |')
    const findings = await findingsOf(fx.root)
    expect(only(findings, 'BG211').map((f) => f.line)).toEqual([fx.lineOf(MATRIX, '| Consumer version |')])
    const [f, ...rest] = only(findings, 'BG212')
    expect(rest).toEqual([])
    expect([f!.file, f!.line, f!.column]).toEqual([
      MATRIX,
      row,
      fx.read(MATRIX).split('\n')[row - 1]!.indexOf('Superseded') + 1
    ])
    expect(f!.message).toBe(
      `no Approved row: the pin's release_tag "${EMBEDDED.tag}" has the row on line ${row} with Status "Superseded"; mark it Approved`
    )
  })

  it("no row for the pin's release at all: BG212 on the table", async () => {
    const fx = trioFixture()
    fx.replace(MATRIX, `| ${EMBEDDED.tag} |`, '| v0.0.1 |')
    fx.replace(MATRIX, APPROVED, '| Rolled back |')
    const [f] = only(await findingsOf(fx.root), 'BG212')
    expect(f!.line).toBe(fx.lineOf(MATRIX, '| Consumer version |'))
    expect(f!.message).toContain(`no Approved row: the pin's release_tag "${EMBEDDED.tag}" has no row`)
  })

  it("two Approved rows, the pin's among them with a wrong cell: BG211 on the extra row and BG212 on the cell", async () => {
    const fx = trioFixture()
    const row = fx
      .read(MATRIX)
      .split('\n')
      .find((l) => APPROVED.test(l))!
    const other = `| 0.0.9 | abcdef1 | v0.0.9 | ${'c'.repeat(40)} | service.v2 | api.v1 | integration/v1 | Approved |`
    fx.replace(MATRIX, row, `${other}\n${row.replace(`| ${EMBEDDED.integration} |`, '| integration/v7 |')}`)
    const findings = await findingsOf(fx.root)
    expect(only(findings, 'BG211').map((f) => f.line)).toEqual([fx.lineOf(MATRIX, '| 0.0.9 |') + 1])
    expect(only(findings, 'BG212').map((f) => [f.line, f.message])).toEqual([
      [
        fx.lineOf(MATRIX, 'integration/v7'),
        `the Approved row's integration is "integration/v7" but the pin's expected_integration_baseline is "${EMBEDDED.integration}"`
      ]
    ])
  })

  it("two Approved rows, neither the pin's: BG212 says so", async () => {
    const fx = trioFixture()
    const row = fx
      .read(MATRIX)
      .split('\n')
      .find((l) => APPROVED.test(l))!
    const a = `| 0.0.8 | abcdef1 | v0.0.8 | ${'c'.repeat(40)} | service.v2 | api.v1 | integration/v1 | Approved |`
    fx.replace(
      MATRIX,
      row,
      `${a}\n${a.replace(/0\.0\.8/g, '0.0.9')}\n${row.replace(APPROVED, '| Candidate |')}`
    )
    const [f] = only(await findingsOf(fx.root), 'BG212')
    expect(f!.message).toMatch(
      /^no Approved row is the pin's \(2 rows are Approved\): .* with Status "Candidate"; mark it Approved$/
    )
  })
})

describe('docs/runbook.md', () => {
  it('the cutover policy row names BG205 for a missing posture line and BG206 for one that disagrees', () => {
    const runbook = readFileSync(join(REPO_ROOT, 'docs/runbook.md'), 'utf8')
    const row = runbook.split('\n').find((l) => l.startsWith('| Cutover policy'))!
    expect(row).toContain('BG205 when the line is missing')
    expect(row).toContain('BG206 when it disagrees')
    expect(RULES.BG205.title).toBe('Baseline Pin line missing')
    expect(RULES.BG206.title).toBe('Baseline Pin line disagrees with the pin')
  })
})
