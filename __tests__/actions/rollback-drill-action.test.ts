// The rollback action in drill mode (`drill: true`), its main.ts in this process on real git repositories, against
// the loopback fake GitHub API: a last-known-good that is not restorable opens the baseline's drift issue of the
// drill (one, never one per run: a re-run comments on it); once the drill passes, it is closed with a comment. No
// pull request, no branch, no incident issue; nothing written to the tree; the token nowhere in what it leaves.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { startFakeGitHub } from '../../__fixtures__/fake-github.js'
import type { FakeGitHub, FakeIssue } from '../../__fixtures__/fake-github.js'
import { run as rollback } from '../../src/actions/rollback/main.js'
import { runStep, stepFiles } from '../helpers/in-process.js'
import type { StepRun } from '../helpers/in-process.js'
import { brokenMiddle, markRolledBack, treeState } from '../helpers/drill-history.js'
import { cleanupFixtures } from '../helpers/fixture.js'
import { TAGS, threeBaselines } from '../helpers/git-repo.js'

const TOKEN = 'ghs_DrillInProcessToken0123456789abcdefghij'
const REPO = 'octo/consumer'

// @actions/core remembers the summary file's path from its first write: one pair of files for every run here
const FILES = stepFiles('bg-drill-action-files-')

let fake: FakeGitHub
beforeEach(async () => {
  fake = await startFakeGitHub()
  fake.addToken(TOKEN, 'github-actions[bot]')
  fake.addRepo(REPO)
})
afterEach(async () => {
  await fake.close()
})
afterAll(cleanupFixtures)

/** One scheduled run of the drill: the action's run(env) with a runner's environment, stdout captured. */
async function drillRun(
  workspace: string,
  runId: string,
  inputs: Record<string, string> = {}
): Promise<StepRun> {
  const all: Record<string, string> = {
    trigger: 'contract-drift',
    reason: 'scheduled rollback drill',
    drill: 'true',
    token: TOKEN,
    'upload-evidence': 'false',
    ...inputs
  }
  const run = await runStep(rollback, {
    files: FILES,
    workspace,
    eventName: 'schedule',
    repository: REPO,
    sha: '0123456789abcdef0123456789abcdef01234567',
    runId,
    job: 'drill',
    apiUrl: fake.url,
    serverUrl: 'https://github.example',
    inputs: all
  })
  expectNoToken(run)
  return run
}

function expectNoToken(run: StepRun): void {
  const stdout = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  for (const text of [stdout, run.summary, JSON.stringify(run.outputs)]) expect(text).not.toContain(TOKEN)
  expect(JSON.stringify(fake.state.repos[REPO])).not.toContain(TOKEN)
}

const issues = (): FakeIssue[] => Object.values(fake.state.repos[REPO]!.issues)
const drillIssues = (): FakeIssue[] =>
  issues().filter((i) => i.body.startsWith('<!-- baseline-gate:drift:memorykernel:rollback-drill -->'))
const commentsOn = (n: number) => fake.state.repos[REPO]!.comments.filter((c) => c.issue_number === n)

describe('the rollback action in drill mode (in process, fake GitHub)', () => {
  it('not restorable: opens one drift issue; a re-run comments on it; a passing drill closes it', async () => {
    const h = brokenMiddle()
    const before = treeState(h.fx.root)

    const first = await drillRun(h.fx.root, '7001')
    expect(first.exitCode).toBe(1)
    expect(first.outputs.verdict).toBe('FAIL')
    expect(treeState(h.fx.root)).toEqual(before)
    expect(drillIssues()).toHaveLength(1)
    const issue = drillIssues()[0]!
    expect(issue.state).toBe('open')
    expect(issue.labels).toEqual(['baseline-drift'])
    expect(issue.title).toBe(
      'Baseline drift: memorykernel last-known-good is not restorable (rollback drill)'
    )
    expect(issue.body).toContain('BG513')
    expect(issue.body).toContain(h.c.v5.slice(0, 12))
    // the command is safe in a consumer's repository (never a download), with the drill's own reason
    expect(issue.body).toContain(
      '`npx --no baseline-gate rollback --drill --baseline memorykernel --trigger contract-drift --reason "scheduled rollback drill"`'
    )
    expect(issue.body).toContain('_Not checked: the rollback suites (a real rollback runs them)._')
    // the remedy at the end of BG513's message is kept (a long message is cut in its middle)
    expect(issue.body).toContain(`or mark ${TAGS.v5} Rolled back in`)
    // the rule is named by its code, not by a path that is not in the consumer's repository
    expect(issue.body).not.toMatch(/see the fix in docs\/rules\.md#/)
    expect(first.outputs['drift-issue-url']).toMatch(new RegExp(`/issues/${issue.number}$`))
    // a drill proposes nothing: no pull request, no branch, no incident issue
    expect([first.outputs['pull-request-url'], first.outputs['incident-issue-url']]).toEqual(['', ''])
    expect(issues()).toHaveLength(1)
    expect(first.summary).toContain('Rollback drill of memorykernel: the last-known-good is NOT restorable')
    expect(first.summary).toContain(`opened the drift issue #${issue.number}`)
    expect(first.summary.match(/rollback suites/g)).toHaveLength(1)
    // the drill's verdict and checks straight under the headline, before the next steps and the findings
    const at = (t: string) => first.summary.indexOf(t)
    expect(at('Rollback drill of memorykernel: the last-known-good is NOT restorable')).toBeGreaterThan(-1)
    expect(at('Rollback drill of memorykernel: the last-known-good is NOT restorable')).toBeLessThan(
      at('**What to do next**')
    )
    expect(first.summary.split('\n')[0]).toContain('rollback drill of `memorykernel`')
    expect(first.summary).toContain('posture would become `NO-GO` (now `GO`)')
    expect(first.summary).not.toContain('now pinned')
    // BG310, which only the imagined restore causes, is no annotation of a drill
    expect(first.stdout).not.toMatch(/BG310/)

    // the next scheduled run: the same issue, commented on
    const second = await drillRun(h.fx.root, '7002')
    expect(second.exitCode).toBe(1)
    expect(drillIssues()).toHaveLength(1)
    expect(commentsOn(issue.number)).toHaveLength(1)
    expect(commentsOn(issue.number)[0]!.body).toMatch(/Still FAIL/)
    // the same run again (a re-run of the same attempt): not said twice
    await drillRun(h.fx.root, '7002')
    expect(commentsOn(issue.number)).toHaveLength(1)

    // the remedy: the broken baseline marked Rolled back; the drill passes and closes the issue
    markRolledBack(h)
    const fixed = await drillRun(h.fx.root, '7003')
    expect(fixed.exitCode).toBe(0)
    expect([fixed.outputs.verdict, fixed.outputs['target-tag']]).toEqual(['PASS', TAGS.v4])
    expect(fixed.outputs['drift-issue-url']).toBe('')
    expect(drillIssues()[0]!.state).toBe('closed')
    expect(commentsOn(issue.number).at(-1)!.body).toMatch(/PASS/)
    expect(fixed.summary).toContain(`closed the drift issue #${issue.number}`)
    expect(issues()).toHaveLength(1)
  })

  it("restorable: PASS, no issue opened; the health drift issue of the baseline is not the drill's", async () => {
    const { fx } = threeBaselines()
    const run = await drillRun(fx.root, '7101')
    expect(run.exitCode).toBe(0)
    expect([run.outputs.verdict, run.outputs['target-tag'], run.outputs['drift-issue-url']]).toEqual([
      'PASS',
      TAGS.v5,
      ''
    ])
    expect(issues()).toEqual([])
    expect(run.summary).toContain('Rollback drill of memorykernel: the last-known-good is restorable')
    expect(run.summary).toContain('passes; no drift issue is open')
    // a drill is no incident: no incident note, neither in the summary nor in the evidence
    expect(run.summary).not.toContain('| Dry run | yes |')
    expect(run.summary).not.toMatch(/SEV-\d|incident rollback/)
    expect(run.summary).toContain(
      '<summary>The baseline a rollback would pin (nothing was written)</summary>'
    )
  })

  it('without a token: the verdict stands, a warning says no drift issue was opened', async () => {
    const h = brokenMiddle()
    const run = await drillRun(h.fx.root, '7201', { token: '' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::warning.*no drift issue was opened/)
    // the code span shows as code on GitHub: its backticks are not escaped
    expect(run.summary).toContain('pass one with `issues: write`')
    const note = run.summary.split('\n').find((l) => l.startsWith('> **Drift issue:**'))!
    expect(note).not.toContain('\\`')
    expect(fake.requests).toHaveLength(0)
  })
})
