// The rollback operation in process on real git repositories with a history of three baselines and
// unrelated commits between them: the last-known-good choice, the byte-exact restore, the NO-GO posture, the
// ledger edit confined to its Status cells and Baseline Pin section, crashes at every write, a failing suite
// that puts the old trio back, a dry run, and the promotion gate and health accepting the result.
import { execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { journalPath, nodeSetFs, recoverFileSet } from '../../src/fs/atomic-set.js'
import type { SetFs } from '../../src/fs/atomic-set.js'
import { validateEvidence } from '../../src/generated/evidence-validators.js'
import type { GitHubClient } from '../../src/github/client.js'
import type { BaselineResult, OperationResult } from '../../src/operations/context.js'
import { lastKnownGood } from '../../src/operations/last-known-good.js'
import { renderLkg } from '../../src/cli/render-rollback.js'
import { plain } from '../../src/cli/style.js'
import { runRepin } from '../../src/operations/repin.js'
import { runRollback } from '../../src/operations/rollback.js'
import type { RollbackOptions } from '../../src/operations/rollback.js'
import { loadPolicy, selectBaselines } from '../../src/policy/load.js'
import { subject } from '../../src/present/headline.js'
import { lineToText } from '../../src/present/inline.js'
import { nextSteps } from '../../src/present/next-steps.js'
import { notRun } from '../../src/present/not-run.js'
import { rollbackNotProbed } from '../../src/evidence/not-run.js'
import { verifyEvidence } from '../../src/operations/verify-evidence.js'
import { createRedactor } from '../../src/redact/redactor.js'
import {
  cleanupFixtures,
  EMBEDDED,
  escapeRegExp,
  fixtureAt,
  health,
  MATRIX,
  MIRROR,
  nextTag,
  PIN,
  tempDir,
  trioFixture
} from '../helpers/fixture.js'
import type { Fixture } from '../helpers/fixture.js'
import {
  day,
  gitRepo,
  nodeStep,
  producerRelease,
  promote,
  repin as repinFixture,
  TAGS,
  testContext,
  threeBaselines,
  writePolicy
} from '../helpers/git-repo.js'

/** What every rollback that checked a restored trio says did not run: the producer was not started. */
const UNPROBED = rollbackNotProbed('dry-run')!

afterAll(cleanupFixtures)

const TRIO = [PIN, MIRROR, MATRIX] as const

function policyOf(root: string) {
  const policy = loadPolicy({ root, cwd: root })
  return { policy, baselines: selectBaselines(policy, undefined) }
}

async function rollback(
  root: string,
  options: Partial<Omit<RollbackOptions, 'baselines' | 'redactor'>> = {}
): Promise<{ result: OperationResult; b: BaselineResult; dir: string }> {
  const ctx = testContext(root, () => new Date(day(12)))
  const dir = ctx.evidence.dir
  const result = await runRollback(ctx, {
    baselines: selectBaselines(ctx.policy, undefined),
    trigger: 'contract-drift',
    reason: `${TAGS.v6} broke the contract`,
    to: null,
    dryRun: false,
    suites: true,
    redactor: createRedactor({ secrets: [] }),
    publish: null,
    ...options
  })
  for (const b of result.baselines) {
    const packet = JSON.parse(readFileSync(b.evidence, 'utf8')) as unknown
    expect(validateEvidence(packet) ? [] : validateEvidence.errors).toEqual([])
  }
  return { result, b: result.baselines[0]!, dir }
}

/** The exact bytes of a file as committed (the repository helper's git() trims its output). */
const showBytes = (root: string, commit: string, path: string): Buffer =>
  execFileSync('git', ['show', `${commit}:${path}`], { cwd: root })

function trioOnDisk(fx: Fixture): Buffer[] {
  return TRIO.map((p) => fx.readBytes(p))
}

/** threeBaselines() and its rollback with rollback()'s defaults, made once for the tests that start from there. */
let rolled: {
  root: string
  c: ReturnType<typeof threeBaselines>['c']
  before: string
  run: Awaited<ReturnType<typeof rollback>>
} | null = null

/**
 * threeBaselines() rolled back (rollback() with its defaults, its suite run): a copy of the repository as the
 * rollback left it (its .git too), the matrix before it, and the run's result, which the tests only read.
 */
async function rolledBack() {
  if (rolled === null || !existsSync(rolled.root)) {
    const { fx, c } = threeBaselines()
    const before = fx.read(MATRIX)
    rolled = { root: fx.root, c, before, run: await rollback(fx.root) }
  }
  const fx = fixtureAt(tempDir('bg-rolled-'))
  cpSync(rolled.root, fx.root, { recursive: true })
  return { fx, repo: gitRepo(fx), c: rolled.c, before: rolled.before, ...rolled.run }
}

describe('lkg: the last-known-good baseline', () => {
  it('a trio on disk that was never committed: BG510 says to commit it, not only that there is no history (found by review)', async () => {
    const fx = trioFixture()
    writePolicy(fx, {})
    const repo = gitRepo(fx)
    fx.write('README.md', 'the app\n')
    repo.git('add', 'README.md')
    repo.git('-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-q', '-m', 'only the readme')
    const r = await lastKnownGood(fx.root, policyOf(fx.root).baselines[0]!)
    expect(r.lkg.target).toBeNull()
    expect(r.lkg.problem).toBe(
      `the trio has no history on this branch; the pin ${PIN} is not committed at ${r.head.slice(0, 12)}, and a rollback restores only committed revisions: commit the trio first`
    )
  })

  it("in a shallow clone cut after the target's promotion: the target is the clone's oldest commit, and lkg says the trio was written there or before", async () => {
    const { fx, c } = threeBaselines()
    const baseline = policyOf(fx.root).baselines[0]!
    const full = await lastKnownGood(fx.root, baseline)
    expect([full.lkg.target?.commit, full.targetAtCut]).toEqual([c.v5, false])
    expect(renderLkg([full], plain)).not.toContain('shallow')
    // five commits deep: the oldest is the first unrelated commit after v5's promotion, where git's walk sees the
    // trio begin
    const clone = join(tempDir('bg-lkg-cut-'), 'clone')
    execFileSync('git', ['clone', '-q', '--depth', '5', `file://${fx.root}`, clone])
    const oldest = execFileSync('git', ['rev-list', '--max-parents=0', 'HEAD'], {
      cwd: clone,
      encoding: 'utf8'
    }).trim()
    const cut = await lastKnownGood(clone, policyOf(clone).baselines[0]!)
    expect([cut.lkg.target?.identity.release_tag, cut.lkg.target?.commit, cut.targetAtCut]).toEqual([
      TAGS.v5,
      oldest,
      true
    ])
    // the bytes are v5's all the same
    expect(cut.targetBytes?.pin.equals(showBytes(fx.root, c.v5, PIN))).toBe(true)
    expect(renderLkg([cut], plain)).toContain(
      `    trio revision ${oldest} (${cut.lkg.target!.date}); valid at that revision under the current rules\n    this revision is the oldest commit of this shallow clone, so the trio was written there or before it (fetch the whole history, fetch-depth: 0, to name the revision that wrote it)\n`
    )
    // a worktree of it, whose git directory this reads through git: the same answer (found by review: every target
    // was said to be at the cut); and one of a deeper clone, whose target is within the history: nothing said
    const wt = join(tempDir('bg-lkg-cut-wt-'), 'wt')
    execFileSync('git', ['worktree', 'add', '-q', wt, 'HEAD'], { cwd: clone })
    const inWorktree = await lastKnownGood(wt, policyOf(wt).baselines[0]!)
    expect([inWorktree.lkg.target?.commit, inWorktree.targetAtCut]).toEqual([oldest, true])
    const deeper = join(tempDir('bg-lkg-cut7-'), 'clone')
    execFileSync('git', ['clone', '-q', '--depth', '7', `file://${fx.root}`, deeper])
    const deeperWt = join(tempDir('bg-lkg-cut7-wt-'), 'wt')
    execFileSync('git', ['worktree', 'add', '-q', deeperWt, 'HEAD'], { cwd: deeper })
    const inDeeper = await lastKnownGood(deeperWt, policyOf(deeperWt).baselines[0]!)
    expect([inDeeper.lkg.target?.commit, inDeeper.targetAtCut]).toEqual([c.v5, false])
  })

  it('passes over a release the ledger records as Rolled back even where its row writes the commit short (found by review)', async () => {
    const { fx, repo, c } = threeBaselines()
    const v6Row = fx
      .read(MATRIX)
      .split('\n')
      .find((l) => l.includes(`| ${TAGS.v6} |`))!
    // an incident handled by hand: the trio of v5 back, and v6's row kept, Rolled back, its commit written short
    for (const file of TRIO) fx.write(file, showBytes(fx.root, c.v5, file).toString('utf8'))
    const v5Row = fx
      .read(MATRIX)
      .split('\n')
      .find((l) => l.includes(`| ${TAGS.v5} |`))!
    const withdrawn = v6Row.replace('6'.repeat(40), '6666666').replace('| Approved |', '| Rolled back |')
    fx.replace(MATRIX, v5Row, `${v5Row}\n${withdrawn}`)
    repo.commit(`back to ${TAGS.v5} by hand`, new Date(Date.now() - 86_400_000).toISOString())
    const r = await lastKnownGood(fx.root, policyOf(fx.root).baselines[0]!)
    expect(r.identity.release_tag).toBe(TAGS.v5)
    // before: the short commit made the row no record of v6, and lkg restored the withdrawn release
    expect(r.lkg.target?.identity.release_tag).toBe(TAGS.v4)
    expect(r.lkg.passedOver.map((p) => [p.commit, p.reason])).toEqual(
      expect.arrayContaining([[c.v6, 'rolled-back']])
    )
  })

  it('names the previous baseline, passing over the current one (and never reading unrelated commits)', async () => {
    const { fx, c } = threeBaselines()
    const r = await lastKnownGood(fx.root, policyOf(fx.root).baselines[0]!)
    expect(r.identity.release_tag).toBe(TAGS.v6)
    expect(r.lkg.target?.identity.release_tag).toBe(TAGS.v5)
    expect(r.lkg.target?.commit).toBe(c.v5)
    expect(r.lkg.passedOver.map((p) => [p.commit, p.reason])).toEqual([[c.v6, 'current']])
  })

  it("names a baseline the branch had, never a pin only a merged pull request's own commits held: the gate would refuse it (BG509; found by review)", async () => {
    const fx = trioFixture()
    writePolicy(fx, { consumer: [nodeStep('test', 'console.log("ok")', [], { operations: ['rollback'] })] })
    const repo = gitRepo(fx)
    const v4 = repo.commit(`baseline ${TAGS.v4}`, day(0))
    // a promotion branch that pinned v5, then v6 before it was merged: v5 was never main's baseline
    repo.git('checkout', '-q', '-b', 'promote')
    producerRelease(fx, TAGS.v5, (m) => {
      m.commit_sha = '5'.repeat(40)
    })
    repinFixture(fx)
    repo.commit(`repin ${TAGS.v5}`, day(1))
    producerRelease(fx, TAGS.v6, (m) => {
      m.commit_sha = '6'.repeat(40)
    })
    repinFixture(fx)
    repo.commit(`repin ${TAGS.v6} instead`, day(2))
    repo.git('checkout', '-q', 'main')
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@t', 'merge', '-q', '--no-ff', '-m', 'merge', 'promote'],
      {
        cwd: fx.root,
        env: { ...process.env, GIT_AUTHOR_DATE: day(3), GIT_COMMITTER_DATE: day(3) }
      }
    )
    const merged = repo.git('rev-parse', 'HEAD')
    // the ledger lists v5 (Superseded), as the branch wrote it; the pin's history on main never held it
    expect(fx.read(MATRIX)).toContain(`| ${TAGS.v5} |`)
    const r = await lastKnownGood(fx.root, policyOf(fx.root).baselines[0]!)
    expect([r.lkg.target?.identity.release_tag, r.lkg.target?.commit]).toEqual([TAGS.v4, v4])
    const { b } = await rollback(fx.root)
    expect([b.rollback?.status, b.rollback?.target?.identity.release_tag]).toEqual(['restored', TAGS.v4])
    const head = repo.commit(`roll back to ${TAGS.v4}`, day(12))
    const gate = await promote(fx, { base: merged, head, judgeAt: { source: 'commit' } })
    const judged = gate.result.baselines[0]!
    expect(judged.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect([judged.change?.rollback, judged.verdict]).toEqual([true, 'PASS'])
  })

  it("the gate takes the matrix's raw HTML from before the rollback as follow-up, and refuses any the rollback brings (BG218; found by review)", async () => {
    const { fx, repo } = threeBaselines()
    // written before BG218 existed, and still there when the incident comes
    fx.write(
      MATRIX,
      fx.read(MATRIX).replace('## Approved Version Pairs', 'Notes.<br>\n\n## Approved Version Pairs')
    )
    const base = repo.commit('a note with a line break', day(11))
    const { b } = await rollback(fx.root)
    expect(b.rollback?.status).toBe('restored')
    expect(b.rollback?.followUp.map((f) => f.rule)).toContain('BG218')
    const head = repo.commit(`roll back to ${TAGS.v5}`, day(12))
    const gate = await promote(fx, { base, head, judgeAt: { source: 'commit' } })
    const judged = gate.result.baselines[0]!
    expect(judged.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect(judged.findings.find((f) => f.rule === 'BG218')).toMatchObject({
      severity: 'warning',
      message: expect.stringContaining(
        '(the matrix had it before this rollback: follow-up once it is merged)'
      )
    })
    expect([judged.change?.rollback, judged.verdict]).toEqual([true, 'PASS'])
    // a rollback's pull request that adds a line of its own where no rollback writes has its findings judged as
    // always: a finding's message does not say all of its line (found by review: a moved `<br>` line with a fake
    // Baseline Pin after it passed as the old one)
    fx.write(
      MATRIX,
      fx.read(MATRIX).replace('## Approved Version Pairs', '<h2>v0.3.9</h2>\n\n## Approved Version Pairs')
    )
    const more = repo.commit('the rollback, and a heading of its own', day(12))
    const again = (await promote(fx, { base, head: more, judgeAt: { source: 'commit' } })).result
      .baselines[0]!
    expect(again.findings.filter((f) => f.rule === 'BG218').map((f) => f.severity)).toEqual([
      'error',
      'error'
    ])
    expect(again.verdict).toBe('FAIL')
  })

  it('says which pin settings go back with the restored pin (BG523), in the findings and the incident note (found by review)', async () => {
    const { fx, repo } = threeBaselines()
    // after v6's promotion the consumer moved its producer endpoint (the gate warned BG523 then)
    fx.editJson(PIN, (pin) => {
      pin.default_base_url = 'http://127.0.0.1:4020'
    })
    repo.commit('the producer listens on 4020 now', day(11))
    const { b } = await rollback(fx.root)
    expect(b.rollback?.status).toBe('restored')
    const said = b.findings.filter((f) => f.rule === 'BG523')
    expect(said.map((f) => [f.severity, f.file, f.message])).toEqual([
      [
        'warning',
        PIN,
        'the pin\'s default_base_url changes from "http://127.0.0.1:4020" to "http://127.0.0.1:4010": the consumer reads it, and no rule judges its value (only its form); make sure the consumer and producer owners expect this change'
      ]
    ])
    // under the note's warnings, escaped for Markdown
    expect(b.rollback!.note).toContain("`BG523` the pin's default\\_base\\_url changes from")
  })

  it('in a shallow clone, a posture-less revision is not taken for one written before adoption: the cut history may hold adoption (found by review)', async () => {
    const { fx, repo } = threeBaselines()
    // after adoption (every pin above records its posture), a release whose pin lost it: under the current rules
    // it fails (BG108) and is passed over, whatever the clone
    const v7 = nextTag(TAGS.v6, 'minor', 1)
    producerRelease(fx, v7, (m) => {
      m.commit_sha = '7'.repeat(40)
    })
    repinFixture(fx)
    fx.editJson(PIN, (pin) => {
      delete pin.runtime_cutover_posture
    })
    repo.commit(`promote ${v7}, the posture lost`, day(20))
    producerRelease(fx, nextTag(TAGS.v6, 'minor', 2), (m) => {
      m.commit_sha = '8'.repeat(40)
    })
    repinFixture(fx)
    fx.editJson(PIN, (pin) => {
      pin.runtime_cutover_posture = 'NO-GO'
    })
    repo.commit('promote the next one', day(25))
    const baseline = policyOf(fx.root).baselines[0]!
    const full = await lastKnownGood(fx.root, baseline)
    expect(full.lkg.target?.identity.release_tag).toBe(TAGS.v6)
    // two commits deep: the adoption commit is cut off, so nothing says the posture-less pin came before it
    const shallow = join(tempDir('bg-shallow-'), 'clone')
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${fx.root}`, shallow])
    const cut = await lastKnownGood(shallow, policyOf(shallow).baselines[0]!)
    expect(cut.shallow).toBe(true)
    expect(cut.lkg.target).toBeNull()
    expect(cut.lkg.problem).toContain('this clone is shallow')
  })

  it('after the previous one is marked Rolled back, names the one before', async () => {
    const { fx, repo, c } = threeBaselines()
    fx.replace(
      MATRIX,
      new RegExp(`\\| ${escapeRegExp(TAGS.v5)} \\|(.*)\\| Superseded \\|`),
      `| ${TAGS.v5} |$1| Rolled back |`
    )
    const marked = repo.commit(`mark ${TAGS.v5} rolled back`, day(11))
    const r = await lastKnownGood(fx.root, policyOf(fx.root).baselines[0]!)
    // asked for by name, it is no target either, and the reason is its own
    const asked = await lastKnownGood(fx.root, policyOf(fx.root).baselines[0]!, TAGS.v5)
    expect(asked.lkg.problem).toBe(
      `every revision of the trio on this branch that pins ${TAGS.v5} was passed over; the newest: the ledger marks ${TAGS.v5} Rolled back`
    )
    expect(r.lkg.target?.identity.release_tag).toBe(TAGS.v4)
    expect(r.lkg.target?.commit).toBe(c.v4)
    expect(r.lkg.passedOver.map((p) => [p.commit, p.reason])).toEqual([
      [marked, 'current'],
      [c.v6, 'current'],
      [c.v5, 'rolled-back']
    ])
  })

  it('--to picks an older baseline; a tag never pinned is no target, with the reason', async () => {
    const { fx, c } = threeBaselines()
    const baseline = policyOf(fx.root).baselines[0]!
    const older = await lastKnownGood(fx.root, baseline, TAGS.v4)
    expect(older.lkg.target?.commit).toBe(c.v4)
    expect(older.lkg.passedOver.map((p) => p.reason)).toEqual(['current', 'not-target'])
    const never = await lastKnownGood(fx.root, baseline, 'v0.1.0')
    expect(never.lkg.target).toBeNull()
    expect(never.lkg.problem).toBe('no revision of the trio on this branch pins v0.1.0')
    // the tag without its v, as an operator types it from the version: the tag meant is named
    const bare = await lastKnownGood(fx.root, baseline, TAGS.v4.slice(1))
    expect(bare.lkg.target).toBeNull()
    expect(bare.lkg.problem).toBe(
      `no revision of the trio on this branch pins ${TAGS.v4.slice(1)}; did you mean --to ${TAGS.v4}?`
    )
    // the one it may mean is the baseline pinned now: said so, not offered as a target
    const current = await lastKnownGood(fx.root, baseline, TAGS.v6.slice(1))
    expect(current.lkg.problem).toBe(
      `no revision of the trio on this branch pins ${TAGS.v6.slice(1)}; ${TAGS.v6}, which it may mean, is the baseline pinned now: there is nothing to restore`
    )
  })

  it('passes over a revision whose trio was invalid at that revision', async () => {
    const { fx, repo, c } = threeBaselines()
    // a later commit of TAGS.v5's era is impossible now; instead break TAGS.v6's successor and go back to it
    fx.editJson(PIN, (p) => {
      p.release_tag = nextTag(EMBEDDED.tag, 'minor', 3) // the pin alone: mirror and matrix disagree at this revision
    })
    const broken = repo.commit('a broken pin', day(11))
    fx.editJson(PIN, (p) => {
      p.release_tag = TAGS.v6
    })
    repo.commit('fix the pin', day(11))
    const r = await lastKnownGood(fx.root, policyOf(fx.root).baselines[0]!)
    const passed = r.lkg.passedOver.find((p) => p.commit === broken)
    expect(passed?.reason).toBe('invalid')
    expect(passed?.detail).toMatch(/BG2\d\d/)
    expect(r.lkg.target?.commit).toBe(c.v5)
  })
})

describe('rollback: restore, verify, evidence', () => {
  it('restores pin and mirror byte for byte, sets NO-GO, edits only Status cells, the Baseline Pin section and the Updated date', async () => {
    const { fx, repo, c, before, b } = await rolledBack()
    expect(b.verdict).toBe('PASS')
    expect(b.rollback?.status).toBe('restored')
    expect(b.rollback?.restored).toBe(true)
    expect(b.rollback?.target?.commit).toBe(c.v5)
    expect(fx.readBytes(MIRROR).equals(showBytes(fx.root, c.v5, MIRROR))).toBe(true)
    // the pin as committed, but for its posture value
    const committedPin = showBytes(fx.root, c.v5, PIN).toString('utf8')
    const pin = fx.read(PIN)
    expect(JSON.parse(pin).runtime_cutover_posture).toBe('NO-GO')
    expect(pin.replace(/"runtime_cutover_posture": "[A-Z-]+"/, '')).toBe(
      committedPin.replace(/"runtime_cutover_posture": "[A-Z-]+"/, '')
    )
    // the matrix: only ledger rows' Status cells and Baseline Pin lines differ
    const after = fx.read(MATRIX)
    const a = before.split('\n')
    const z = after.split('\n')
    expect(z).toHaveLength(a.length)
    const pinStart = a.findIndex((l) => l.startsWith('## Baseline Pin'))
    const pinEnd = a.findIndex((l, i) => i > pinStart && l.startsWith('## '))
    const changed = a.flatMap((line, i) => (line === z[i] ? [] : [i]))
    expect(changed.length).toBeGreaterThan(0)
    for (const i of changed) {
      const inPinSection = i > pinStart && i < pinEnd
      const statusOnly = a[i]!.replace(/\| [A-Za-z ]+ \|$/, '') === z[i]!.replace(/\| [A-Za-z ]+ \|$/, '')
      const updated = a[i]!.startsWith('Updated: ') && z[i] === `Updated: ${day(12).slice(0, 10)}`
      expect([i, inPinSection || statusOnly || updated]).toEqual([i, true])
    }
    expect(after).toMatch(new RegExp(`\\| ${escapeRegExp(TAGS.v6)} \\|.*\\| Rolled back \\|`))
    expect(after).toMatch(new RegExp(`\\| ${escapeRegExp(TAGS.v5)} \\|.*\\| Approved \\|`))
    expect(after).toMatch(new RegExp(`\\| ${escapeRegExp(TAGS.v4)} \\|.*\\| Superseded \\|`))
    expect(after).toContain('Runtime cutover posture: `NO-GO`')
    // nothing left behind: no journal, no staged file; only the trio changed in the working tree
    expect(existsSync(journalPath(fx.root, 'rollback-memorykernel'))).toBe(false)
    expect(
      repo
        .git('status', '--porcelain')
        .split('\n')
        .map((l) => l.trim())
        .sort()
    ).toEqual(TRIO.map((p) => `M ${p}`).sort())
  })

  it('the restored trio passes health (the withdrawn producer release is a warning) and the promotion gate', async () => {
    const { fx, repo, c, ...rolled } = await rolledBack()
    // the note says it too, under Follow-up, and does not call the restored baseline active before its merge
    const note = rolled.b.rollback!.note
    expect(note).toMatch(/\nWarnings of this run:\n\n- `[^`]+` `BG310` the producer's tree is at /)
    expect(note).toContain('It takes effect once the restored trio is merged')
    expect(note).not.toContain('is the baseline now active')
    // the suites ran, the probe did not: every surface says so (found by review: they said nothing was left out)
    expect(note).toContain('its rule checks and the rollback suites passed')
    expect(notRun(rolled.b).map(lineToText)).toEqual([UNPROBED])
    const md = readFileSync(rolled.b.evidence.replace(/\.json$/, '.md'), 'utf8')
    expect(md.slice(md.indexOf('\n## What did not run\n'), md.indexOf('\n## SEV-'))).toBe(
      `\n## What did not run\n\n- ${UNPROBED}\n`
    )
    // on the day of the rollback, which dated the matrix
    const h = await health(fx.root, { now: new Date(day(12)) })
    expect(h.baselines[0]!.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect(h.baselines[0]!.findings.map((f) => f.rule)).toContain('BG310')
    expect(h.verdict).toBe('PASS')
    // never "nothing to do" above the warning: the producer's code is still the withdrawn release
    const next = nextSteps(h).map(lineToText)
    expect(next.join('\n')).not.toMatch(/Nothing to (do|fix)/)
    expect(next[0]).toBe(
      "The producer's tree is still at a release the ledger records as rolled back (BG310): the trio keeps the restored baseline until a fixed producer release is promoted with npx --no baseline-gate repin."
    )
    const head = repo.commit(`roll back to ${TAGS.v5}`, day(12))
    // repin, which the next step names for a fixed release, refuses the withdrawn one in those words (not BG214)
    const again = runRepin({ root: fx.root, clock: () => new Date(day(12)) }, policyOf(fx.root).baselines[0]!)
    expect(again.status).toBe('refused')
    expect(again.findings.map((f) => [f.rule, f.message])).toEqual([
      [
        'BG310',
        `the producer's tree is at ${TAGS.v6}, which ${MATRIX} records as Rolled back (line ${fx.lineOf(MATRIX, `| ${TAGS.v6} |`)}): a withdrawn release is not pinned again; publish a fixed producer release under a new tag, then repin`
      ]
    ])
    // replayed at the rollback commit's date, the day the matrix was dated
    const gate = await promote(fx, { base: c.v6, head, judgeAt: { source: 'commit' } })
    const b = gate.result.baselines[0]!
    expect(b.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect(b.change?.rollback).toBe(true)
    expect(b.verdict).toBe('PASS')
  })

  it('the promotion gate refuses a "rollback" at GO, or to a baseline the pin never held', async () => {
    const { fx, repo, c } = await rolledBack()
    fx.replace(PIN, '"runtime_cutover_posture": "NO-GO"', '"runtime_cutover_posture": "GO"')
    fx.replace(MATRIX, 'Runtime cutover posture: `NO-GO`', 'Runtime cutover posture: `GO`')
    const go = repo.commit('roll back, but GO', day(12))
    const gate = await promote(fx, { base: c.v6, head: go })
    expect(gate.result.baselines[0]!.findings.map((f) => f.rule)).toContain('BG508')
    expect(gate.result.verdict).toBe('FAIL')

    // the TAGS.v5 it "restores" has a manifest TAGS.v5 never had: not a rollback but a new baseline
    fx.replace(PIN, '"runtime_cutover_posture": "GO"', '"runtime_cutover_posture": "NO-GO"')
    fx.replace(MATRIX, 'Runtime cutover posture: `GO`', 'Runtime cutover posture: `NO-GO`')
    fx.write(MIRROR, `${fx.read(MIRROR)}\n`)
    fx.rehashMirror()
    const forged = repo.commit(`roll back to a forged ${TAGS.v5}`, day(12))
    const forgedGate = await promote(fx, { base: c.v6, head: forged })
    expect(forgedGate.result.baselines[0]!.findings.map((f) => f.rule)).toContain('BG509')
    expect(forgedGate.result.verdict).toBe('FAIL')
  })

  it("after a rollback, a made-up release between the restored and the withdrawn one is judged against the producer's files (BG301), never waived (BG310)", async () => {
    const { fx, repo } = await rolledBack()
    const rolledBackAt = repo.commit(`roll back to ${TAGS.v5}`, day(12))
    // a release between the two that the producer never published: a mirror of its own, the pin hashing it
    const between = TAGS.v5.replace(/\.0$/, '.1')
    fx.editJson(MIRROR, (m) => {
      m.release_tag = between
      m.commit_sha = 'e'.repeat(40)
    })
    const digest = createHash('sha256').update(fx.readBytes(MIRROR)).digest('hex')
    fx.editJson(PIN, (p) => {
      p.release_tag = between
      p.commit_sha = 'e'.repeat(40)
      p.expected_producer_manifest_sha256 = digest
    })
    fx.replace(MATRIX, `| ${TAGS.v5} |`, `| ${between} |`)
    const made = repo.commit(`promote ${between}`, day(30))
    const gate = await promote(fx, { base: rolledBackAt, head: made })
    const rules = gate.result.baselines[0]!.findings.map((f) => f.rule)
    expect(rules).toContain('BG301')
    expect(rules).not.toContain('BG310')
    expect(gate.result.verdict).toBe('FAIL')
  })

  it('warns that uncommitted changes outside the trio are tested along with it (BG521); a clean tree gets no warning', async () => {
    const clean = await rolledBack()
    expect(clean.b.findings.map((f) => f.rule)).not.toContain('BG521')
    const dirty = threeBaselines()
    dirty.fx.write('src/hotfix.ts', 'export const broken: number = "no"\n')
    dirty.fx.write('README.md', 'edited\n')
    const { b } = await rollback(dirty.fx.root)
    const warning = b.findings.find((f) => f.rule === 'BG521')
    expect(warning?.severity).toBe('warning')
    expect(warning?.message).toBe(
      '2 uncommitted changes outside the trio are part of what the rollback suites test (README.md, src/hotfix.ts): a suite failing on them is not the last-known-good failing; commit them, or set them aside alone (git stash push --include-untracked -- <path>...: a plain stash would take the restored trio too), and run the rollback again'
    )
    // the restore itself went on: a warning, not a refusal
    expect(b.rollback?.status).toBe('restored')
  })

  it('records a hostile reason literally and runs nothing', async () => {
    const { fx } = threeBaselines()
    const reason =
      'drift $(touch PWNED1) `touch PWNED2` "double" \'single\'\nsecond line\r\n::set-output name=x::y'
    const { b, dir } = await rollback(fx.root, { reason })
    const packet = JSON.parse(readFileSync(b.evidence, 'utf8')) as { incident: { reason: string } }
    expect(packet.incident.reason).toBe(reason)
    expect(b.rollback?.note).toContain(reason)
    for (const where of [fx.root, process.cwd(), dir]) {
      expect(readdirSync(where).filter((n) => n.startsWith('PWNED'))).toEqual([])
    }
  })

  it('a dry run computes everything and writes nothing into the repository', async () => {
    const { fx, repo } = threeBaselines()
    const { b } = await rollback(fx.root, { dryRun: true })
    expect(b.rollback?.status).toBe('dry-run')
    expect(b.rollback?.target?.identity.release_tag).toBe(TAGS.v5)
    expect(b.rollback?.ledger.length).toBeGreaterThan(0)
    expect(b.steps.every((s) => s.status === 'skipped')).toBe(true)
    expect(repo.git('status', '--porcelain', '--ignored')).toBe('')
    // the packet's own Markdown says so before the incident note, as the summary and the terminal do
    const md = readFileSync(b.evidence.replace(/\.json$/, '.md'), 'utf8')
    const at = md.indexOf('\n## What did not run\n')
    expect(at).toBeGreaterThan(0)
    expect(md.slice(at, md.indexOf('\n## SEV-'))).toBe(
      `\n## What did not run\n\n- ${UNPROBED}\n- 1 suite step of 1 skipped: ${b.steps[0]!.skip_reason}.\n`
    )
    // the identity and the trio it records are the plan: titled so
    expect(md).toContain('\n## Baseline a rollback would pin (dry run: nothing was written)\n')
    expect(md).toContain('\n## Trio a rollback would write (dry run: nothing was written)\n')
    // verify-evidence does not send the reader to a checkout that cannot hold the planned trio
    const v = verifyEvidence(fx.root, b.evidence)
    expect(v.problems.length).toBeGreaterThan(0)
    for (const p of v.problems)
      expect(p).toContain(
        "a dry run's trio is the one a rollback would write, and nothing was written: no checkout has it"
      )
  })

  it('a failing rollback suite puts the old trio back exactly (exit 1 state)', async () => {
    const { fx } = threeBaselines([nodeStep('test', 'console.error("suite broke"); process.exit(3)')])
    const before = trioOnDisk(fx)
    const { b } = await rollback(fx.root)
    expect(b.verdict).toBe('FAIL')
    expect(b.rollback?.status).toBe('verification-failed')
    expect(b.findings.map((f) => f.rule)).toContain('BG701')
    expect(trioOnDisk(fx)).toEqual(before)
    // put back: the matrix on disk no longer marks the withdrawn release rolled back (BG310 would say it does)
    expect(b.findings.map((f) => f.rule)).not.toContain('BG310')
    // the headline names the baseline that failed (the target), not the one put back in its place
    expect(lineToText(subject(b))).toBe(
      `memorykernel: restoring ${TAGS.v5} in place of ${TAGS.v6} failed its checks; ${TAGS.v6} is back in place`
    )
  })

  it('another run working on the trio (a migrate, a repin, a rollback) holds its lock: refused before anything is read or written (found by review)', async () => {
    const { fx } = threeBaselines()
    const before = trioOnDisk(fx)
    const lockFile = journalPath(fx.root, 'trio-memorykernel').replace(/\.journal\.json$/, '.lock')
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' })
    try {
      mkdirSync(dirname(lockFile), { recursive: true })
      writeFileSync(lockFile, `${holder.pid}\n`)
      await expect(rollback(fx.root)).rejects.toThrow(
        `another baseline-gate run (pid ${holder.pid}) is working on the trio of memorykernel`
      )
      expect(() =>
        runRepin({ root: fx.root, clock: () => new Date(day(12)) }, policyOf(fx.root).baselines[0]!)
      ).toThrow('is working on the trio of memorykernel')
      expect(trioOnDisk(fx)).toEqual(before)
    } finally {
      holder.kill('SIGKILL')
    }
  })

  it("a secret in the policy's display name is shown redacted, and the rules still read the matrix's labels as written (found by review)", async () => {
    const { fx } = threeBaselines()
    // a run secret that is part of the display name (MemoryKernel), which the matrix's pin lines are labelled with
    const ctx = { ...testContext(fx.root, () => new Date(day(12))), env: { MK_API_KEY: 'Kernel' } }
    const result = await runRollback(ctx, {
      baselines: selectBaselines(ctx.policy, undefined),
      trigger: 'contract-drift',
      reason: 'x',
      to: null,
      dryRun: false,
      suites: false,
      redactor: createRedactor({ secrets: ['Kernel'] }),
      publish: null
    })
    const b = result.baselines[0]!
    expect([b.verdict, b.rollback?.status]).toEqual(['PASS', 'restored'])
    const note = readFileSync(join(dirname(b.evidence), 'rollback-memorykernel-incident-note.md'), 'utf8')
    expect(note.split('\n')[0]).toContain('Memory\\[REDACTED:known-secret\\]')
    expect(note.split('\n')[0]).not.toContain('MemoryKernel')
  })

  it('a rollback suite step that rewrites the restored trio fails the rollback (BG528), and the old trio is put back (found by review: PASS, restored)', async () => {
    const tamper = `const fs = require('fs'); const p = ${JSON.stringify(PIN)}; fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace('"runtime_cutover_posture": "NO-GO"', '"runtime_cutover_posture": "GO"'))`
    const { fx } = threeBaselines([nodeStep('test', tamper)])
    const before = trioOnDisk(fx)
    const { b } = await rollback(fx.root)
    expect([b.verdict, b.rollback?.status]).toEqual(['FAIL', 'verification-failed'])
    const f = b.findings.find((x) => x.rule === 'BG528')!
    expect([f.file, f.message]).toEqual([
      PIN,
      `a rollback suite step changed ${PIN} after the restored trio was written: what is on disk is not the trio restored and tested, so the previous trio is put back; find the step that writes the trio (its log is in the evidence) and run the rollback again`
    ])
    expect(trioOnDisk(fx)).toEqual(before)
  })

  it('a rollback suite step that cannot start (its program not on PATH) is no verdict on the target: the old trio is put back, and every surface says it was not tested (found by review)', async () => {
    const { fx } = threeBaselines([
      nodeStep('test', 'console.log("rollback suite ok")'),
      { name: 'cargo test', run: ['bg-no-such-cargo-xyz', 'test'] }
    ])
    const before = trioOnDisk(fx)
    const { b, result } = await rollback(fx.root)
    expect(b.verdict).toBe('FAIL')
    expect(b.rollback?.status).toBe('verification-failed')
    expect([b.rollback?.notStarted, b.rollback?.interrupted]).toEqual([true, false])
    expect(trioOnDisk(fx)).toEqual(before)
    const step = b.steps.find((s) => s.name === 'cargo test')!
    expect([step.status, step.error]).toEqual(['not-run', 'ENOENT'])
    expect(b.findings.find((f) => f.rule === 'BG703')?.message).toBe(
      'suite step "consumer › cargo test" could not start, so it tested nothing: ENOENT (is bg-no-such-cargo-xyz installed and on PATH?)'
    )
    expect(lineToText(subject(b))).toBe(
      `memorykernel: restoring ${TAGS.v5} in place of ${TAGS.v6} was not fully tested (a suite step could not start); ${TAGS.v6} is back in place`
    )
    expect(nextSteps(result).map(lineToText)[0]).toMatch(/^A rollback suite step could not start \(BG703/)
    const unstarted =
      '1 suite step of 2 could not start (consumer › cargo test): ENOENT; what it tests was not tested.'
    expect(notRun(b).map(lineToText)).toContain(unstarted)
    // the incident note and the packet say the same, never that the target failed its checks
    const note = b.rollback!.note
    expect(note).toContain('not fully tested: a rollback suite step could not start (BG703)')
    expect(note).toContain('could not finish testing the restored trio: a suite step could not start')
    expect(note).not.toContain('did not pass its checks')
    const md = readFileSync(b.evidence.replace(/\.json$/, '.md'), 'utf8')
    expect(md).toContain(`- ${unstarted}`)
    expect(md).toContain('not fully tested: a rollback suite step could not start (BG703)')
    expect(md).not.toContain('no /proc')
    const packet = JSON.parse(readFileSync(b.evidence, 'utf8')) as {
      incident: { next_milestone: { what: string } }
    }
    expect(packet.incident.next_milestone.what).toMatch(/^consumer re-pin confirmation: give the runner what/)
  })

  it('the incident issue says what the note beside the packet says of a rollback not tested (found by review: it said the checks failed)', async () => {
    const { fx } = threeBaselines([
      nodeStep('test', 'console.log("rollback suite ok")'),
      { name: 'cargo test', run: ['bg-no-such-cargo-xyz', 'test'] }
    ])
    // the client's two calls a put-back rollback makes: no pull request to find, the incident issue to write
    const issues: string[] = []
    const client = {
      openPullRequest: () => Promise.resolve({ ok: true, value: null }),
      upsertIssue: (i: { body: string }) => {
        issues.push(i.body)
        return Promise.resolve({ ok: true, value: { url: 'https://github.com/octo/app/issues/1' } })
      }
    } as unknown as GitHubClient
    const { b } = await rollback(fx.root, { publish: { client, baseBranch: 'main' } })
    expect(b.rollback?.notStarted).toBe(true)
    expect(issues).toHaveLength(1)
    for (const text of [issues[0]!, b.rollback!.note]) {
      expect(text).toContain('not fully tested: a rollback suite step could not start (BG703)')
      expect(text).toContain('could not finish testing the restored trio: a suite step could not start')
      expect(text).not.toContain('did not pass its checks')
    }
  })

  it('a trio the runner cannot write (BG527): nothing changed, and the evidence and the incident note still record it (found by review: the action ended as an internal error)', async () => {
    const { fx } = threeBaselines()
    const before = trioOnDisk(fx)
    // the matrix's directory refuses writes, as one a containerised step left owned by root does
    const denied: SetFs = {
      ...nodeSetFs,
      writeFile: (path, data) => {
        if (path.includes('/docs/'))
          throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' })
        nodeSetFs.writeFile(path, data)
      }
    }
    const { b, result } = await rollback(fx.root, { fs: denied })
    expect([b.verdict, b.rollback?.status, b.rollback?.written]).toEqual(['FAIL', 'failed', []])
    expect(trioOnDisk(fx)).toEqual(before)
    const f = b.findings.find((x) => x.rule === 'BG527')!
    expect(f.message).toMatch(
      /^could not write .*EACCES.*Nothing was changed\. Make the trio files and their directories writable by this runner/
    )
    // relative to the root, as every finding's paths are
    expect(f.message).toContain(`could not write ${MIRROR}, ${MATRIX}, ${PIN}:`)
    expect(f.message).not.toContain(fx.root)
    expect(b.steps.every((s) => s.status === 'skipped')).toBe(true)
    expect(b.steps[0]!.skip_reason).toBe(
      'the restored trio could not be written (BG527), so nothing was written'
    )
    // recorded all the same: the packet, the incident note, the next steps
    expect(existsSync(b.evidence)).toBe(true)
    expect(b.rollback!.note).toContain('BG527')
    expect(nextSteps(result).map(lineToText)[0]).toBe(
      'Fix what the errors under Findings say (nothing was written), then run the rollback again.'
    )
  })

  it('a put-back that fails after failed checks says the restored trio is still on disk, never "Nothing was changed" (found by review)', async () => {
    const { fx } = threeBaselines([nodeStep('test', 'process.exit(3)')])
    // the restore writes the matrix; the put-back cannot (a suite step left docs/ to another owner)
    let docsWrites = 0
    const secondDenied: SetFs = {
      ...nodeSetFs,
      writeFile: (path, data) => {
        if (path.includes('/docs/') && ++docsWrites > 1)
          throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' })
        nodeSetFs.writeFile(path, data)
      }
    }
    const run = rollback(fx.root, { fs: secondDenied })
    await expect(run).rejects.toThrow(
      /^the restored trio did not pass \(or the run was stopped\), and the previous trio could not be put back over it \(could not write .*EACCES[^)]*\): the working tree holds the restored trio, unverified\. Put the previous one back with git checkout -- /
    )
    await expect(run).rejects.not.toThrow(fx.root)
    // the write's own "Nothing was changed" is not so of the working tree (found by review)
    await expect(run).rejects.not.toThrow('Nothing was changed')
  })

  it('refuses to overwrite a hand-edited trio (BG511) and writes nothing', async () => {
    const { fx } = threeBaselines()
    fx.replace(MATRIX, 'Updated:', 'Updated:  ')
    const before = trioOnDisk(fx)
    const { b } = await rollback(fx.root)
    expect(b.findings.map((f) => f.rule)).toContain('BG511')
    expect(b.verdict).toBe('FAIL')
    expect(trioOnDisk(fx)).toEqual(before)
    // the suites say why they did not run: the edit on disk, not a failure of the restored trio
    expect(new Set(b.steps.map((s) => s.skip_reason))).toEqual(
      new Set([
        'the trio on disk has edits the checked-out commit does not have (BG511), so nothing was written'
      ])
    )
    // nothing was written: the matrix on disk still approves the release BG310 would call rolled back
    expect(b.findings.map((f) => f.rule)).not.toContain('BG310')
  })

  it('a trio the checkout converted (core.autocrlf) is no edit to commit or discard: BG511 says what made it differ (found by review)', async () => {
    const { fx } = threeBaselines()
    const git = (...args: string[]) => execFileSync('git', args, { cwd: fx.root, encoding: 'utf8' })
    git('config', 'core.autocrlf', 'true')
    git('rm', '-q', '--cached', '-r', '.')
    git('reset', '-q', '--hard')
    expect(fx.read(MATRIX)).toContain('\r\n')
    expect(git('status', '--porcelain')).toBe('')
    const { b } = await rollback(fx.root, { dryRun: true })
    const bg511 = b.findings.find((f) => f.rule === 'BG511')!
    expect(bg511.message).toContain('though git reports no edit of')
    expect(bg511.message).toContain('the checkout converted it (core.autocrlf')
    expect(bg511.message).not.toContain('commit or discard')
  })

  it('a dry run that finds a hand-edited trio (BG511) says to fix that first, not to run the rollback for real', async () => {
    const { fx } = threeBaselines()
    fx.replace(MATRIX, 'Updated:', 'Updated:  ')
    const { result, b } = await rollback(fx.root, { dryRun: true })
    expect([b.verdict, b.findings.some((f) => f.rule === 'BG511')]).toEqual(['FAIL', true])
    const next = nextSteps(result).map(lineToText)
    expect(next.join('\n')).toContain(
      'Fix what the errors among the findings say, then run the dry run again'
    )
    expect(next.join('\n')).not.toContain('Run the rollback for real')
    // the headline says the rollback would stop before it says what the rollback would do
    expect(lineToText(subject(b))).toBe(
      `memorykernel: a rollback now would stop on 1 error (it would withdraw ${TAGS.v6} and restore ${TAGS.v5}) (dry run, nothing written)`
    )
  })

  it("the incident note of a refused rollback gives the pin's posture, unchanged, and why it stopped", async () => {
    const { fx, repo } = threeBaselines()
    fx.editJson(PIN, (pin) => {
      pin.runtime_cutover_posture = 'GO'
    })
    repo.commit('cut over to the new baseline')
    fx.replace(MATRIX, 'Updated:', 'Updated:  ')
    const { b, result } = await rollback(fx.root)
    expect([b.verdict, b.rollback?.status]).toEqual(['FAIL', 'failed'])
    // the terminal too: nothing was rolled back, and no "keep NO-GO" for a pin at GO
    const next = nextSteps(result).map(lineToText)
    expect(next).toContain(`Nothing was rolled back: the pin still holds ${TAGS.v6} at posture GO.`)
    expect(next.join('\n')).not.toContain('Keep the runtime cutover posture')
    const note = b.rollback!.note
    expect(note).toContain('Runtime cutover posture `GO` (unchanged).')
    expect(note).toContain('**Why:** BG511: ')
    expect(note).toContain("`GO` (the pin's, unchanged: nothing was rolled back)")
    expect(note).toContain('## Rollback asked from')
    expect(note).not.toContain('## Rolled back from')
    expect(note).toContain('| Last-known-good trio (not restored) |')
  })

  it('--to the current tag changes nothing and says so; a re-run after a rollback finds it already done', async () => {
    const { fx, repo } = threeBaselines()
    const same = await rollback(fx.root, { to: TAGS.v6 })
    expect(same.b.rollback?.status).toBe('already-current')
    expect(same.b.verdict).toBe('PASS')
    expect(repo.git('status', '--porcelain')).toBe('')
    // a dry run of it: nothing to restore, and no posture to keep for a rollback that will not happen
    const dry = await rollback(fx.root, { to: TAGS.v6, dryRun: true })
    const nothing =
      'Nothing was restored: --to names the baseline pinned now. To roll back, leave out --to for the last-known-good (npx --no baseline-gate lkg names it), or name an older baseline.'
    expect(nextSteps(dry.result).map(lineToText)).toEqual([nothing])
    expect(lineToText(subject(dry.b))).toBe(
      `memorykernel: ${TAGS.v6} is already the baseline asked for (dry run, nothing written)`
    )
    // nor after a real run: no rollback happened, so no posture to keep NO-GO
    expect(nextSteps(same.result).map(lineToText)).toEqual([nothing])
    // a dry run of --to an older baseline names that one, not the last-known-good (found by review)
    const older = await rollback(fx.root, { to: TAGS.v4, dryRun: true })
    expect(nextSteps(older.result).map(lineToText)).toContain(
      `Run the rollback for real (the same command without --dry-run) to restore the ${TAGS.v4} trio this dry run names.`
    )
    expect(notRun(dry.b).map(lineToText)).toEqual([
      'No rollback suite ran: the target is already the pinned baseline, so nothing was restored to test.'
    ])
    // --to a tag never pinned: the reason is the tag asked for (BG510 says it), not "no earlier baseline"
    const unknown = await rollback(fx.root, { to: 'v9.9.9', dryRun: true })
    expect(unknown.b.rollback?.noTarget).toBe('requested')
    expect(lineToText(subject(unknown.b))).toBe(
      `memorykernel: dry run, the baseline asked for with --to is not restorable (${TAGS.v6} stays pinned); nothing written`
    )
    expect(nextSteps(unknown.result).map(lineToText)).toEqual([
      'The baseline asked for with --to cannot be restored: BG510 under Findings says why; name another baseline, or leave out --to for the last-known-good.',
      'Then run the dry run again.'
    ])
    // a real run asked for it: refused, said as such (never "did not complete", which reads as half done)
    const real = await rollback(fx.root, { to: 'v9.9.9' })
    expect(lineToText(subject(real.b))).toBe(
      `memorykernel: the baseline asked for with --to is not restorable (${TAGS.v6} stays pinned); nothing changed`
    )
    const realNext = nextSteps(real.result).map(lineToText)
    expect(realNext[0]).toMatch(/^The baseline asked for with --to cannot be restored: BG510/)
    expect(realNext[1]).toBe('Then run the rollback again.')
    expect(realNext[2]).toMatch(
      new RegExp(`^Nothing was rolled back: the pin still holds ${escapeRegExp(TAGS.v6)}`)
    )
    expect(repo.git('status', '--porcelain')).toBe('')
    // a drill asked for it says the same
    const drill = await rollback(fx.root, { to: 'v9.9.9', dryRun: true, drill: true })
    expect(drill.b.rollback?.drill?.noTarget).toBe('requested')
    expect(nextSteps(drill.result).map(lineToText)[0]).toMatch(
      /^The baseline asked for with --to cannot be restored/
    )
    await rollback(fx.root)
    const restored = trioOnDisk(fx)
    const again = await rollback(fx.root)
    expect(again.b.rollback?.status).toBe('restored')
    expect(again.b.rollback?.written).toEqual([])
    expect(trioOnDisk(fx)).toEqual(restored)
  })

  it('no last-known-good baseline: BG510, nothing written', async () => {
    const fx = trioFixture()
    writePolicy(fx, {})
    const repo = gitRepo(fx)
    repo.commit('only baseline', day(0))
    const { b } = await rollback(fx.root)
    expect(b.findings.map((f) => f.rule)).toContain('BG510')
    expect(b.verdict).toBe('FAIL')
    expect(repo.git('status', '--porcelain')).toBe('')
    // no suite step was even listed: the packet's Markdown says no suite ran, and why, as the summary does
    const md = readFileSync(b.evidence.replace(/\.json$/, '.md'), 'utf8')
    expect(md.slice(md.indexOf('\n## What did not run\n'), md.indexOf('\n## SEV-'))).toBe(
      `\n## What did not run\n\n- ${lineToText(notRun(b)[0]!)}\n`
    )
    expect(lineToText(notRun(b)[0]!)).toBe(
      'No rollback suite ran: nothing was restored, so there was no trio to test.'
    )
  })
})

describe('rollback: a crash at each write of the restore', () => {
  /** Performs the first `after` operations, then fails that one and every later one (a dead process). */
  function dyingFs(after: number): SetFs & { dead: boolean } {
    let n = 0
    const fs = { dead: false } as SetFs & { dead: boolean }
    for (const op of ['writeFile', 'rename', 'rm', 'readFile', 'mkdir'] as const) {
      ;(fs as unknown as Record<string, unknown>)[op] = (...args: unknown[]) => {
        if (n++ >= after) {
          fs.dead = true
          throw new Error(`injected crash at operation ${after}`)
        }
        return (nodeSetFs[op] as (...a: unknown[]) => unknown)(...args)
      }
    }
    return fs
  }

  it('leaves the whole old or the whole new trio, and a second run completes', async () => {
    const { fx } = threeBaselines()
    const old = trioOnDisk(fx)
    // the restored trio, and how many file operations a clean restore takes
    const clean = tempDir('bg-crash-clean-')
    cpSync(fx.root, clean, { recursive: true })
    let ops = 0
    const counting = Object.fromEntries(
      (['writeFile', 'rename', 'rm', 'readFile', 'mkdir'] as const).map((op) => [
        op,
        (...args: unknown[]) => {
          ops++
          return (nodeSetFs[op] as (...a: unknown[]) => unknown)(...args)
        }
      ])
    ) as unknown as SetFs
    await rollback(clean, { fs: counting, suites: false })
    const restored = TRIO.map((p) => readFileSync(join(clean, p)))
    expect(restored).not.toEqual(old)
    expect(ops).toBeGreaterThan(10)

    const seen = new Set<string>()
    for (let k = 0; k < ops; k++) {
      const dir = tempDir('bg-crash-')
      cpSync(fx.root, dir, { recursive: true })
      // the process dies (the run throws), or the write failed before its commit point: then nothing was
      // changed, and the run records it (BG527) with the old trio whole
      const outcome = await rollback(dir, { fs: dyingFs(k), suites: false }).then(
        (r) => (r.b.findings.some((f) => f.rule === 'BG527') ? 'refused' : 'finished'),
        () => 'thrown'
      )
      expect([k, outcome]).not.toEqual([k, 'finished'])
      // what the next run sees, once it has finished or undone the interrupted restore
      recoverFileSet(journalPath(dir, 'rollback-memorykernel'))
      const now = TRIO.map((p) => readFileSync(join(dir, p)))
      const whole = now.every((b, i) => b.equals(old[i]!))
        ? 'old'
        : now.every((b, i) => b.equals(restored[i]!))
          ? 'new'
          : 'mixed'
      expect([k, whole]).not.toEqual([k, 'mixed'])
      seen.add(whole)
      const second = await rollback(dir, { suites: false })
      expect(second.b.rollback?.status).toBe('restored')
      expect(TRIO.map((p) => readFileSync(join(dir, p)))).toEqual(restored)
    }
    expect([...seen].sort()).toEqual(['new', 'old'])
  })
})
