// The legacy profile (src/classify/profile.ts): which errors disqualify a revision written before adoption (the
// identity rules), which are only reported (what the old format could not satisfy), and which revisions it
// judges (those older than the first pin that records a posture).
import { describe, expect, it } from '@jest/globals'
import { findLastKnownGood } from '../../src/classify/last-known-good.js'
import type { CandidateRevision } from '../../src/classify/last-known-good.js'
import {
  describeFindings,
  disqualifiesLegacy,
  isDocumentationFinding,
  judgeRevision,
  profileOf
} from '../../src/classify/profile.js'
import { finding, pinLineSubject } from '../../src/rules/finding.js'
import type { Finding } from '../../src/rules/finding.js'
import type { Identity } from '../../src/trio/model.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { defaultBaseline } from '../../src/policy/defaults.js'
import { trioRules } from '../../src/rules/index.js'
import { trioFromBytes } from '../../src/trio/load.js'
import {
  EMBEDDED,
  MATRIX as EMBEDDED_MATRIX,
  MIRROR,
  PIN as EMBEDDED_PIN,
  REPO_ROOT
} from '../helpers/fixture.js'
import { identityFor } from '../helpers/identity.js'

const PIN = 'config/pin.json'
const MATRIX = 'docs/matrix.md'
const at = { line: 3, column: 5 }

describe('disqualifiesLegacy', () => {
  it('the identity decides: unreadable files, the mirror, its digest, the Approved row, the identity lines', () => {
    const disqualifying: Finding[] = [
      finding('BG101', PIN, null, 'missing'),
      finding('BG106', PIN, at, 'syntax'),
      finding('BG109', 'mirror', at, 'the mirror is the producer bytes: never migrated'),
      finding('BG201', PIN, at, 'pin and mirror disagree'),
      finding('BG202', PIN, at, 'digest'),
      finding('BG211', MATRIX, at, 'no Approved row'),
      finding('BG212', MATRIX, at, 'Approved row differs'),
      finding('BG108', PIN, at, 'no manifest digest', '/expected_producer_manifest_sha256'),
      finding('BG108', PIN, at, 'bad tag', '/release_tag'),
      finding('BG205', MATRIX, at, 'no tag line', pinLineSubject('release_tag')),
      finding('BG206', MATRIX, at, 'wrong commit line', pinLineSubject('commit_sha')),
      // without a subject a rule that could be either is counted against the revision, never guessed away
      finding('BG108', PIN, at, 'something in the pin')
    ]
    for (const f of disqualifying)
      expect([f.rule, f.subject, disqualifiesLegacy(f)]).toEqual([f.rule, f.subject, true])
  })

  it('what the old format could not satisfy is reported only: the posture, its line, paths, the Updated date', () => {
    const reported: Finding[] = [
      finding('BG108', PIN, at, 'no posture', '/runtime_cutover_posture'),
      finding('BG205', MATRIX, at, 'no posture line', pinLineSubject('posture')),
      finding('BG205', MATRIX, at, 'no manifest line', pinLineSubject('manifest_sha256')),
      finding('BG206', MATRIX, at, 'absolute path', pinLineSubject('pin_path')),
      finding('BG203', MATRIX, at, 'no Updated line'),
      finding('BG213', MATRIX, at, 'an old row cell'),
      // warnings never disqualify anything
      finding('BG216', MATRIX, at, 'a developer path')
    ]
    for (const f of reported)
      expect([f.rule, f.subject, disqualifiesLegacy(f)]).toEqual([f.rule, f.subject, false])
    const judged = judgeRevision(reported, 'legacy')
    expect([judged.disqualifying, judged.reported.length]).toEqual([[], 6])
    // the current profile holds every error against the revision, but how its matrix documents the baseline: a
    // rollback edits the current matrix, never the target's
    expect(judgeRevision(reported, 'current').disqualifying.map((f) => f.rule)).toEqual([
      'BG108',
      'BG205',
      'BG205',
      'BG206'
    ])
    expect(describeFindings(judged.reported)).toBe(
      '6 findings of 5 rules (BG108, BG205, BG206, BG203, BG213)'
    )
  })

  it('documentation findings are follow-up in a rollback: the Updated date, unknown lines, cell formats, paths, raw HTML', () => {
    const rules = ['BG203', 'BG208', 'BG213', 'BG216', 'BG218', 'BG206', 'BG212', 'BG202'] as const
    expect(rules.map((r) => [r, isDocumentationFinding(finding(r, MATRIX, at, 'x'))])).toEqual([
      ['BG203', true],
      ['BG208', true],
      ['BG213', true],
      ['BG216', true],
      // raw HTML, refused from this version on: a baseline approved before it is still a target (found by review)
      ['BG218', true],
      ['BG206', false],
      ['BG212', false],
      ['BG202', false]
    ])
  })
})

describe('which revisions the legacy profile judges', () => {
  const id = (tag: string): Identity => identityFor(tag, 'service.v2')
  const rev = (tag: string, profile: 'current' | 'legacy'): CandidateRevision => ({
    commit: tag.replace(/\D/g, '').padEnd(40, 'c'),
    date: '2026-02-08T00:00:00Z',
    identity: id(tag),
    profile
  })
  /** The posture is all these revisions lack: an error under the current profile, reported under legacy. */
  const noPosture = [finding('BG108', PIN, at, 'no posture', '/runtime_cutover_posture')]

  it('profileOf: a revision at or after the first pin that recorded a posture is judged by the current rules', () => {
    expect([profileOf(true), profileOf(false)]).toEqual(['current', 'legacy'])
  })

  it('a revision after adoption that lost its posture is invalid; one before adoption with the same gap is good', async () => {
    const lkg = await findLastKnownGood({
      revisions: [rev('v0.5.0', 'current'), rev('v0.4.1', 'current'), rev('v0.4.0', 'legacy')],
      current: id('v0.5.0'),
      statusOf: () => null,
      hasRow: () => true,
      restorableWithoutRow: async () => false,
      validate: async () => noPosture
    })
    expect(lkg.target).toMatchObject({
      identity: { release_tag: 'v0.4.0' },
      profile: 'legacy',
      reported: noPosture
    })
    expect(lkg.passedOver.map((p) => [p.release_tag, p.reason, p.profile])).toEqual([
      ['v0.5.0', 'current', 'current'],
      ['v0.4.1', 'invalid', 'current']
    ])
    expect(lkg.passedOver[1]!.detail).toBe(
      `judged by the current rules, the trio had 1 finding of 1 rule (BG108) at that revision; first: ${PIN}:3 no posture`
    )
  })

  it('the current release under an older manifest (re-mirrored by hand under the same tag) is not a target (found by review)', async () => {
    const older = { ...id('v0.4.1'), manifest_sha256: 'a'.repeat(64) }
    const lkg = await findLastKnownGood({
      revisions: [
        rev('v0.4.1', 'current'),
        { ...rev('v0.4.1', 'legacy'), identity: older },
        rev('v0.4.0', 'legacy')
      ],
      current: id('v0.4.1'),
      statusOf: () => null,
      hasRow: () => true,
      restorableWithoutRow: async () => false,
      validate: async () => []
    })
    // it named v0.4.1 itself, and the rollback "v0.4.1 -> v0.4.1" failed BG301 asking to fix and run again
    expect(lkg.target?.identity.release_tag).toBe('v0.4.0')
    expect(lkg.passedOver.map((p) => [p.release_tag, p.reason, p.detail])).toEqual([
      ['v0.4.1', 'current', 'same baseline as the current one (v0.4.1)'],
      [
        'v0.4.1',
        'current',
        'the current release v0.4.1, with another manifest or commit: a rollback withdraws the release, so none of its revisions is restored'
      ]
    ])
  })
})

describe('a hand-kept ledger that spelt the status its own way', () => {
  it('still has its Approved row: only the spelling is reported, which the legacy profile does not hold against it', () => {
    const baseline = { ...defaultBaseline('memorykernel'), display_name: 'MemoryKernel' }
    const read = (rel: string) => readFileSync(join(REPO_ROOT, rel))
    const approved = `| ${EMBEDDED.integration} | Approved |`
    const matrix = read(EMBEDDED_MATRIX).toString('utf8')
    expect(matrix).toContain(approved)
    for (const spelling of ['approved', 'APPROVED', ' Approved  ']) {
      const trio = trioFromBytes(baseline, {
        pin: read(EMBEDDED_PIN),
        manifest: read(MIRROR),
        matrix: Buffer.from(matrix.replace(approved, `| ${EMBEDDED.integration} | ${spelling} |`))
      })
      const findings = trioRules(trio, { baseline, now: new Date('2026-12-31T00:00:00Z') })
      // before: BG211 and BG212 ("no row has Status Approved"), which disqualified every such revision
      expect(findings.map((f) => f.rule)).toEqual(spelling.trim() === 'Approved' ? [] : ['BG210'])
      expect(judgeRevision(findings, 'legacy').disqualifying).toEqual([])
    }
  })
})
