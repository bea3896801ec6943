// The rollback drill in process on real git repositories: a restorable last-known-good passes and nothing is
// written (git status and every file's mtime unchanged, no journal); a baseline the ledger still lists as approved
// whose committed mirror is not what its pin hashed fails with BG513 naming the file and the revision; a ledger
// without a newer baseline's row is a warning (BG514: a rollback skips it); a shallow clone has no target (BG510); bytes that would be
// restored other than the committed ones fail the digest check.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { DRILL_NEXT } from '../../src/operations/rollback-drill.js'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { journalPath } from '../../src/fs/atomic-set.js'
import { validateEvidence } from '../../src/generated/evidence-validators.js'
import type { BaselineResult, OperationResult } from '../../src/operations/context.js'
import { judged, context } from '../../src/present/headline.js'
import { lineToText } from '../../src/present/inline.js'
import { drillMarkdown } from '../../src/present/drill.js'
import { nextSteps } from '../../src/present/next-steps.js'
import { notRun } from '../../src/present/not-run.js'
import { reportMarkdown } from '../../src/present/report-markdown.js'
import { lastKnownGood } from '../../src/operations/last-known-good.js'
import { DRILL_SUITES_SKIP, drillReport } from '../../src/operations/rollback-drill.js'
import { runRollback } from '../../src/operations/rollback.js'
import { selectBaselines } from '../../src/policy/load.js'
import { createRedactor } from '../../src/redact/redactor.js'
import { brokenMiddle, markRolledBack, treeState } from '../helpers/drill-history.js'
import { cleanupFixtures, escapeRegExp, MATRIX, MIRROR, nextTag, PIN, tempDir } from '../helpers/fixture.js'
import {
  day,
  gitRepo,
  producerRelease,
  repin as repinFixture,
  TAGS,
  testContext,
  threeBaselines,
  writePolicy
} from '../helpers/git-repo.js'
import { trioFixture } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

async function drillResult(
  root: string,
  options: { dryRun?: boolean; drill?: boolean; reason?: string; to?: string } = {}
): Promise<OperationResult> {
  const ctx = testContext(root, () => new Date(day(12)))
  return runRollback(ctx, {
    baselines: selectBaselines(ctx.policy, undefined),
    trigger: 'contract-drift',
    reason: options.reason ?? 'scheduled rollback drill',
    to: options.to ?? null,
    dryRun: options.dryRun ?? false,
    drill: options.drill ?? true,
    suites: false,
    redactor: createRedactor({ secrets: [] }),
    publish: null
  })
}

async function drill(root: string, options: { dryRun?: boolean } = {}): Promise<BaselineResult> {
  const b = (await drillResult(root, options)).baselines[0]!
  const packet = JSON.parse(readFileSync(b.evidence, 'utf8')) as {
    incident: { timeline: { event: string }[] }
  }
  expect(validateEvidence(packet) ? [] : validateEvidence.errors).toEqual([])
  return b
}

const checks = (b: BaselineResult) => b.rollback!.drill!.checks.map((c) => [c.check, c.ok])

describe('rollback drill', () => {
  it('a restorable last-known-good: PASS, every check proven, nothing written, the suites said not run', async () => {
    const { fx, c } = threeBaselines()
    const before = treeState(fx.root)
    const b = await drill(fx.root)
    expect(treeState(fx.root)).toEqual(before)
    expect(existsSync(journalPath(fx.root, 'rollback-memorykernel'))).toBe(false)
    expect(b.verdict).toBe('PASS')
    expect(b.findings.filter((f) => f.severity === 'error')).toEqual([])
    const r = b.rollback!
    expect([r.status, r.restored, r.written, r.target?.commit]).toEqual(['dry-run', false, [], c.v5])
    expect(r.drill!.verdict).toBe('PASS')
    expect(checks(b)).toEqual([
      ['target', true],
      ['history', true],
      ['bytes', true],
      ['digest', true],
      ['ledger', true],
      ['verification', true]
    ])
    const detail = Object.fromEntries(r.drill!.checks.map((x) => [x.check, x.detail]))
    const mirrorDigest = execFileSync('git', ['show', `${c.v5}:${MIRROR}`], { cwd: fx.root })
    const { createHash } = await import('node:crypto')
    const sha = createHash('sha256').update(mirrorDigest).digest('hex')
    expect(detail.digest).toContain(sha)
    expect(detail.ledger).toMatch(
      new RegExp(`row ${escapeRegExp(TAGS.v5)} \\(${escapeRegExp(MATRIX)}:\\d+, Superseded\\)`)
    )
    // the suites are recorded as skipped, with the drill's reason; the proposal is said not checked
    expect(b.steps.length).toBeGreaterThan(0)
    expect(b.steps.every((s) => s.status === 'skipped' && s.skip_reason === DRILL_SUITES_SKIP)).toBe(true)
    expect(r.drill!.notRun.map((n) => n.what)).toEqual(['suites', 'preflight', 'proposal'])
    // the checks are in the evidence's timeline
    const packet = JSON.parse(readFileSync(b.evidence, 'utf8')) as {
      incident: { dry_run: boolean; timeline: { event: string }[] }
    }
    expect(packet.incident.dry_run).toBe(true)
    expect(packet.incident.timeline.map((t) => t.event)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^drill digest: proven: /)])
    )
  })

  it('a baseline the ledger lists Superseded whose mirror is not what its pin hashed: FAIL, BG513 names file and revision', async () => {
    const h = brokenMiddle()
    const before = treeState(h.fx.root)
    const b = await drill(h.fx.root)
    expect(treeState(h.fx.root)).toEqual(before)
    expect(b.verdict).toBe('FAIL')
    // the rollback itself would go two baselines back
    expect(b.rollback!.target?.commit).toBe(h.c.v4)
    const bg513 = b.findings.filter((f) => f.rule === 'BG513')
    expect(bg513).toHaveLength(1)
    const f = bg513[0]!
    // on v5's row of the checked-out ledger (where the remedy goes); the message names the pin's
    // expected_producer_manifest_sha256 line at the revision that no longer verifies (BG202)
    const row =
      h.fx
        .read(MATRIX)
        .split('\n')
        .findIndex((l) => l.includes(` | ${TAGS.v5} | `)) + 1
    expect([f.severity, f.file, f.line]).toEqual(['error', MATRIX, row])
    expect(f.message).toContain(`lists ${TAGS.v5} as Superseded`)
    expect(f.message).toContain(h.c.v5.slice(0, 12))
    expect(f.message).toMatch(
      new RegExp(`\\(BG202 at ${escapeRegExp(PIN)}:\\d+, revision ${h.c.v5.slice(0, 12)}\\)`)
    )
    expect(f.message).toContain(`restore ${TAGS.v4} instead`)
    expect(f.message).toContain(MIRROR)
    expect(checks(b)).toContainEqual(['history', false])
    expect(b.rollback!.drill!.verdict).toBe('FAIL')

    // the remedy it names: marked Rolled back, the next drill passes (to v4, on purpose)
    markRolledBack(h)
    const again = await drill(h.fx.root)
    expect([again.verdict, again.rollback!.drill!.verdict]).toEqual(['PASS', 'PASS'])
    expect(again.rollback!.target?.commit).toBe(h.c.v4)
  })

  it('a ledger that lost the newest other row: BG514 warns that a rollback skips it, and the drill names the older target (found by review)', async () => {
    const { fx, repo, c } = threeBaselines()
    const text = fx.read(MATRIX)
    const row = text.split('\n').find((l) => l.includes(` | ${TAGS.v5} | `) && l.startsWith('|'))
    expect(row).toBeDefined()
    fx.write(MATRIX, text.replace(`${row}\n`, ''))
    repo.commit(`ledger: drop the ${TAGS.v5} row`, day(11))
    const b = await drill(fx.root)
    expect(b.findings.filter((f) => f.severity === 'error')).toEqual([])
    // the drill used to pass with v5 as the target, whose rollback the promotion gate then refused (BG509)
    expect(b.rollback?.target?.identity.release_tag).toBe(TAGS.v4)
    const warning = b.findings.find((f) => f.rule === 'BG514')
    expect([warning?.severity, warning?.file, warning?.line]).toEqual([
      'warning',
      MATRIX,
      fx.lineOf(MATRIX, '| Consumer')
    ])
    expect(warning?.message).toBe(
      `the ledger has no row for ${TAGS.v5}, which the pin held at revision ${c.v5.slice(0, 12)}: a rollback skips it (the promotion gate restores only a release the ledger records, or an older one approved before adoption: BG509) and restores ${TAGS.v4} instead. If ${TAGS.v5} was an approved baseline, put its row back in ${MATRIX} (Superseded)`
    )
    expect(b.verdict).toBe('PASS')
  })

  it("after a rollback was merged, the BG310 note names the release the producer's tree is at, not the pin's (found by review)", async () => {
    const { fx, repo } = threeBaselines()
    // a real rollback, merged: the pin back at v5, the producer still at v6, which the ledger marks Rolled back
    const rolled = await drillResult(fx.root, { drill: false })
    expect(rolled.baselines[0]!.rollback?.status).toBe('restored')
    repo.commit(`roll back to ${TAGS.v5}`, day(12))
    const b = await drill(fx.root)
    expect(b.rollback?.target?.identity.release_tag).toBe(TAGS.v4)
    const check = b.rollback!.drill!.checks.find((c) => c.check === 'verification')!
    expect(check.detail).toContain(
      `as expected after a rollback, the producer's tree would stay at the withdrawn ${TAGS.v6} (BG310 in a real rollback)`
    )
  })

  it("warns when the ledger's approved release is on no first-parent revision: a `git pull` merge pushed to main hid it (BG514; found by review)", async () => {
    const { fx, repo, c } = threeBaselines()
    // a clone still at v4 commits a note, pulls (main becomes the merge's SECOND parent) and pushes that as main
    repo.git('checkout', '-q', '-b', 'local', c.v4)
    fx.write('NOTES.md', 'notes\n')
    repo.commit('notes', day(12))
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'merge', '-q', '--no-edit', 'main'], {
      cwd: fx.root,
      env: { ...process.env, GIT_AUTHOR_DATE: day(12), GIT_COMMITTER_DATE: day(12) }
    })
    repo.git('branch', '-f', 'main', 'HEAD')
    repo.git('checkout', '-q', 'main')
    const b = await drill(fx.root)
    expect(b.rollback?.target?.identity.release_tag).toBe(TAGS.v4)
    const warning = b.findings.find((f) => f.rule === 'BG514')
    expect([warning?.severity, warning?.line]).toEqual(['warning', fx.lineOf(MATRIX, `| ${TAGS.v5} |`)])
    expect(warning?.message).toContain(
      `the ledger records ${TAGS.v5} as Superseded, but no revision on the branch's first-parent history pins it`
    )
    expect(b.verdict).toBe('PASS')
  })

  it('no BG514 for a release the branch pinned long ago: a rollback --to past it, then a promotion (found by review)', async () => {
    const { fx, repo } = threeBaselines()
    // v6 rolled back straight to v4, over v5; then a fixed release promoted
    const rolled = await drillResult(fx.root, { drill: false, to: TAGS.v4 })
    expect(rolled.baselines[0]!.rollback?.status).toBe('restored')
    repo.commit(`roll back to ${TAGS.v4}`, day(12))
    const v7 = nextTag(TAGS.v6, 'minor', 1)
    producerRelease(fx, v7, (m) => {
      m.commit_sha = '7'.repeat(40)
    })
    repinFixture(fx)
    repo.commit(`promote ${v7}`, day(13))
    const b = await drill(fx.root)
    expect(b.rollback?.target?.identity.release_tag).toBe(TAGS.v4)
    // v5 is Superseded in the ledger and pinned on the branch, two promotions back: nothing hides it
    expect(b.findings.filter((f) => f.rule === 'BG514')).toEqual([])
  })

  it('a shallow clone: no last-known-good (BG510), the target check says why, the rest not reached', async () => {
    const { fx } = threeBaselines()
    const clone = join(tempDir('bg-drill-shallow-'), 'repo')
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${fx.root}`, clone])
    const b = await drill(clone)
    expect(b.verdict).toBe('FAIL')
    expect(b.findings.map((f) => f.rule)).toContain('BG510')
    const target = b.rollback!.drill!.checks.find((c) => c.check === 'target')!
    expect(target.ok).toBe(false)
    expect(target.detail).toMatch(/shallow/)
    expect(
      checks(b)
        .filter(([, ok]) => ok === null)
        .map(([c]) => c)
    ).toEqual(['history', 'bytes', 'digest', 'ledger', 'verification'])
    // the history is not there to read: never "proven" (found by review), and said once in the timeline
    const history = b.rollback!.drill!.checks.find((c) => c.check === 'history')!
    expect(history.detail).toBe(
      'not checked: the clone is shallow, so the baselines before its cut are not there to read (check out with fetch-depth: 0)'
    )
    const packet = JSON.parse(readFileSync(b.evidence, 'utf8')) as {
      incident: { timeline: { event: string }[] }
    }
    const events = packet.incident.timeline.map((t) => t.event)
    expect(events).toContain(`drill history: ${history.detail}`)
    expect(events.filter((e) => e.includes('not reached: not reached'))).toEqual([])
  })

  it('a shallow clone that holds the target: the target proven, the whole history said not matched, never "Nothing to do" (found by review)', async () => {
    const { fx, c } = threeBaselines()
    const clone = join(tempDir('bg-drill-shallow-deep-'), 'repo')
    execFileSync('git', ['clone', '-q', '--depth', '6', `file://${fx.root}`, clone])
    const result = await drillResult(clone)
    const b = result.baselines[0]!
    expect([b.verdict, b.rollback!.target?.commit]).toEqual(['PASS', c.v5])
    expect(checks(b).every(([, ok]) => ok === true)).toBe(true)
    expect(b.rollback!.drill!.notRun.map((n) => n.what)).toEqual([
      'suites',
      'preflight',
      'history',
      'proposal'
    ])
    expect(notRun(b).map(lineToText)[0]).toContain(
      "the ledger's approved releases matched to the branch's whole first-parent history (this clone is shallow: check out with fetch-depth: 0)"
    )
    expect(nextSteps(result).map(lineToText)).toEqual([
      `Nothing to fix in what was checked: a rollback now would restore ${TAGS.v5}. This clone is shallow, so the ledger's approved releases were not matched to the whole history: run the drill on a full clone (fetch-depth: 0) for the whole proof.`
    ])
  })

  it('a trio edited on disk: FAIL with BG511 (a real rollback would refuse too), the edit left as it is', async () => {
    const { fx } = threeBaselines()
    fx.write(MATRIX, `${fx.read(MATRIX)}\nan uncommitted note\n`)
    const before = treeState(fx.root)
    const b = await drill(fx.root)
    expect(treeState(fx.root)).toEqual(before)
    expect(b.findings.map((f) => f.rule)).toContain('BG511')
    expect([b.verdict, b.rollback!.drill!.verdict]).toEqual(['FAIL', 'FAIL'])
    // every check of the drill held: the last-known-good is restorable, and the words say what fails instead
    // (found by review: "NOT restorable" beside six passed checks)
    expect(b.rollback!.drill!.checks.some((c) => c.ok === false)).toBe(false)
    const r = await drillResult(fx.root)
    expect(lineToText(judged(r))).toMatch(
      new RegExp(
        `pinned; a rollback would restore ${escapeRegExp(TAGS.v5)}\\b.*, but a run now would stop on the errors found`
      )
    )
    expect(drillMarkdown(r.baselines[0]!).join('\n')).toContain(
      'the last-known-good is restorable, but a rollback run now would stop on the errors found'
    )
    // the packet's note says why at once, and what to do for this verdict (found by review: FAIL with no reason,
    // and "if it passed ... if it failed")
    const note = readFileSync(r.baselines[0]!.evidence.replace(/\.json$/, '.md'), 'utf8')
    expect(note).toMatch(/\*\*❌ FAIL:\*\*[^\n]*\n\n\*\*Why:\*\* BG511: /)
    expect(note).toContain(
      '**Next:** no due time (a dry run starts no incident clock): commit or discard the edits to the trio on disk (BG511: a rollback would refuse them too), then run the drill again.'
    )
  })

  it('--dry-run without --drill keeps the plain dry run: no drill checks, the old skip reason', async () => {
    const { fx } = threeBaselines()
    const ctx = testContext(fx.root, () => new Date(day(12)))
    const result = await runRollback(ctx, {
      baselines: selectBaselines(ctx.policy, undefined),
      trigger: 'contract-drift',
      reason: 'dry',
      to: null,
      dryRun: true,
      suites: true,
      redactor: createRedactor({ secrets: [] }),
      publish: null
    })
    const b = result.baselines[0]!
    expect(b.rollback!.drill).toBeUndefined()
    expect(b.steps[0]!.skip_reason).toBe('a dry run writes nothing, so there is no restored trio to test')
  })
})

describe('rollback drill: what it reports (issue 17 review)', () => {
  const text = (r: OperationResult) => ({
    headline: lineToText(judged(r)),
    context: lineToText(context(r, 'trigger contract-drift (rollback drill)')),
    next: nextSteps(r).map(lineToText),
    notRun: r.baselines.flatMap(notRun).map(lineToText)
  })

  it('BG310 that only the imagined restore causes is no finding of a drill or a dry run; a real rollback keeps it', async () => {
    const { fx } = threeBaselines()
    const real = (await drillResult(fx.root, { drill: false })).baselines[0]!
    // the fixture does cause it: after a real restore the producer's tree is at the withdrawn release
    expect(real.findings.map((f) => f.rule)).toContain('BG310')
    const { fx: fx2 } = threeBaselines()
    const b = await drill(fx2.root)
    expect(b.findings.map((f) => f.rule)).not.toContain('BG310')
    expect(b.rollback!.drill!.checks.find((c) => c.check === 'verification')!.detail).toContain(
      'BG310 in a real rollback'
    )
    const { fx: fx3 } = threeBaselines()
    const dry = (await drillResult(fx3.root, { drill: false, dryRun: true })).baselines[0]!
    expect(dry.findings.map((f) => f.rule)).not.toContain('BG310')
  })

  it('a drill is no incident: no incident note, its own headline, the pin as it is now, what did not run said once', async () => {
    const { fx } = threeBaselines()
    const r = await drillResult(fx.root, { reason: 'weekly drill' })
    const b = r.baselines[0]!
    expect(b.rollback!.note).toBe('')
    expect(existsSync(join(dirname(b.evidence), 'rollback-memorykernel-incident-note.md'))).toBe(false)
    // no BG704: the drill's own line says the suites did not run
    expect(b.findings.map((f) => f.rule)).not.toContain('BG704')
    const t = text(r)
    expect(t.headline).toBe(
      `rollback drill of memorykernel: ${TAGS.v6} pinned; a rollback would restore ${TAGS.v5}`
    )
    expect(t.context).toBe('trigger contract-drift (rollback drill) · posture would become NO-GO (now GO)')
    expect(t.notRun).toEqual([
      "The rollback suites (a real rollback runs them); the runtime preflight (the producer's code in the repository is the release a rollback withdraws); no pull request or incident issue (a drill never proposes; with a token it opens only its drift issue)."
    ])
    expect(t.next).toEqual([`Nothing to do: a rollback now would restore ${TAGS.v5}.`])
    const md = reportMarkdown(
      r,
      { findings: Infinity, tailChars: Infinity, details: true },
      {
        links: { file: () => null, run: null, artifact: null },
        trigger: 'trigger contract-drift (rollback drill)',
        surface: 'summary',
        limit: 'the limit'
      }
    )
    // the drill's verdict and checks straight under the headline; the table says what a rollback would pin
    const lines = md.split('\n')
    expect(lines[4]).toBe(
      '**Rollback drill of memorykernel: the last-known-good is restorable** (nothing was written).'
    )
    expect(md).toContain('<summary>The baseline a rollback would pin (nothing was written)</summary>')
    expect(md).not.toContain('now pinned')
    expect(md.match(/rollback suites/g)).toHaveLength(1)
    // the packet's own Markdown (the artifact) says drill, not incident, and names no next step of one (found by
    // review: "SEV-2 incident rollback ... (dry run)", next "run the rollback for real")
    const packet = JSON.parse(readFileSync(b.evidence, 'utf8')) as { incident: Record<string, unknown> }
    expect(validateEvidence(packet) ? [] : validateEvidence.errors).toEqual([])
    expect(packet.incident.drill).toBe(true)
    const own = readFileSync(b.evidence.replace(/\.json$/, '.md'), 'utf8')
    expect(own.split('\n')[0]).toBe(`# baseline-gate rollback drill: memorykernel — ${b.verdict}`)
    expect(own).toContain(
      '## Rollback drill: MemoryKernel baseline `memorykernel`, trigger `contract-drift` (no incident: nothing was written)'
    )
    expect(own).not.toMatch(/incident rollback|for real/)
    expect(own).toContain(`**Next:** no due time (a dry run starts no incident clock): ${DRILL_NEXT}.`)
  })

  it('only one baseline ever pinned: its own headline and next step, told apart from a shallow clone', async () => {
    const fx = trioFixture()
    writePolicy(fx, { consumer: [] })
    const repo = gitRepo(fx)
    repo.commit(`baseline ${TAGS.v4}`, day(0))
    const r = await drillResult(fx.root, { reason: 'weekly drill' })
    const b = r.baselines[0]!
    expect(b.verdict).toBe('FAIL')
    expect(b.rollback!.status).toBe('dry-run')
    expect(b.rollback!.drill!.noTarget).toBe('only-baseline')
    const t = text(r)
    expect(t.headline).toBe(
      `rollback drill of memorykernel: no earlier baseline to restore (${TAGS.v4} is the only one ever pinned)`
    )
    expect(t.next).toEqual([
      `Nothing to fix: ${TAGS.v4} is the only baseline ever pinned on this branch, so there is nothing to roll back to until the next promotion; the drill passes once a second baseline is promoted.`
    ])
    expect(b.rollback!.drill!.checks.find((c) => c.check === 'history')!.detail).toBe(
      'no baseline the ledger lists as approved is skipped'
    )

    // a shallow clone: fetch the history, and the re-run keeps the operator's reason
    const { fx: full } = threeBaselines()
    const clone = join(tempDir('bg-drill-shallow2-'), 'repo')
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${full.root}`, clone])
    const shallow = await drillResult(clone, { reason: 'weekly drill' })
    expect(shallow.baselines[0]!.rollback!.drill!.noTarget).toBe('shallow')
    expect(drillMarkdown(shallow.baselines[0]!)[0]).toBe(
      '**Rollback drill of memorykernel: the last-known-good could not be searched for, the clone is shallow** (nothing was written).'
    )
    const next = text(shallow).next
    expect(next[0]).toContain('fetch-depth: 0')
    expect(next.join('\n')).not.toContain('BG513')
    expect(next.at(-1)).toBe(
      'Then run the drill again: npx --no baseline-gate rollback --drill --baseline memorykernel --trigger contract-drift --reason "weekly drill".'
    )
  })

  it('a drill that would skip an approved baseline: the next step names BG513 only, the history check in the singular', async () => {
    const h = brokenMiddle()
    const r = await drillResult(h.fx.root)
    const t = text(r)
    expect(t.headline).toContain('rollback drill of memorykernel')
    expect(t.next[0]).toContain('BG513')
    expect(t.next.join('\n')).not.toContain('BG510')
    expect(r.baselines[0]!.rollback!.drill!.checks.find((c) => c.check === 'history')!.detail).toBe(
      '1 baseline the ledger records as approved (Approved or Superseded) would be skipped: its revision no longer verifies'
    )
  })
})

describe('drillReport (pure)', () => {
  it('bytes that would be restored other than the pin hashed: BG513 on the mirror, naming the revision', async () => {
    const { fx, c } = threeBaselines()
    const ctx = testContext(fx.root)
    const baseline = selectBaselines(ctx.policy, undefined)[0]!
    const found = await lastKnownGood(fx.root, baseline)
    const bytes = found.targetBytes!
    const tampered = {
      ...found,
      targetBytes: { ...bytes, manifest: Buffer.concat([bytes.manifest, Buffer.from(' ')]) }
    }
    const plan = {
      pin: bytes.pin,
      manifest: tampered.targetBytes.manifest,
      matrix: bytes.matrix!,
      ledger: []
    }
    const { report, findings } = drillReport({
      baseline,
      found: tampered,
      plan,
      verification: [],
      trigger: 'contract-drift',
      reason: 'drill',
      to: null
    })
    expect(report.verdict).toBe('FAIL')
    expect(findings.map((f) => [f.rule, f.file])).toEqual([['BG513', MIRROR]])
    expect(findings[0]!.message).toContain(
      `${PIN} at ${c.v5.slice(0, 12)} records expected_producer_manifest_sha256`
    )
    expect(report.checks.find((x) => x.check === 'digest')?.ok).toBe(false)
  })
})
