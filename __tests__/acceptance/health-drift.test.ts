// Acceptance: the drift mode of the BUILT health action (dist/health/index.js) as a real child process on
// `schedule` events, against the fake GitHub API: one issue per failing baseline, one comment per later failing
// run, closed when health passes; the schedule check; a read-only token. The token never reaches a log or output.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startFakeGitHub } from '../../__fixtures__/fake-github.js'
import type { FakeGitHub, FakeIssue } from '../../__fixtures__/fake-github.js'
import { builtAction, lines, runBuiltAction } from '../helpers/action-run.js'
import type { ActionRun } from '../helpers/action-run.js'
import { cleanupFixtures, PIN, trioFixture } from '../helpers/fixture.js'
import { gitRepo } from '../helpers/git-repo.js'
import type { Fixture } from '../helpers/fixture.js'
import { BILLING, twoBaselines } from '../helpers/two-baselines.js'

const TOKEN = 'ghs_DriftAcceptanceToken0123456789abcdefgh'
const READ_ONLY = 'ghs_DriftAcceptanceReadOnly000000000000000'
const REPO = 'octo/consumer'
const SHA = '0123456789abcdef0123456789abcdef01234567'
const DAY = 24 * 3_600_000
const START = Date.parse('2026-03-01T05:17:00Z')

let fake: FakeGitHub
let nextRun = 1

beforeAll(() => {
  builtAction('health')
})
afterAll(cleanupFixtures)

beforeEach(async () => {
  fake = await startFakeGitHub()
  fake.addToken(TOKEN, 'github-actions[bot]')
  fake.addToken(READ_ONLY, 'github-actions[bot]', { write: false })
  fake.addRepo(REPO)
  nextRun = 1
  // the scheduled run of the day before the first one here
  fake.addWorkflowRun(REPO, { id: 1, created_at: iso(START - DAY) })
})
afterEach(async () => {
  await fake.close()
})

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z')

interface Options {
  token?: string
  baseline?: string
  event?: string
  /** Days since the previous scheduled run (default 1). */
  gapDays?: number
  /** GITHUB_REF (default refs/heads/main, the repository's default branch). */
  ref?: string
}

/**
 * One scheduled run of the workflow: the fake knows it (in progress, `gapDays` after the newest completed one)
 * while the action runs, and completed afterwards.
 */
async function scheduledRun(fx: Fixture, options: Options = {}): Promise<ActionRun> {
  const runs = fake.state.repos['octo/consumer']!.workflowRuns!
  const newest = Math.max(...runs.map((r) => Date.parse(r.created_at)))
  const id = 1000 + nextRun++
  const run = fake.addWorkflowRun(REPO, {
    id,
    event: options.event ?? 'schedule',
    status: 'in_progress',
    conclusion: null,
    created_at: iso(newest + (options.gapDays ?? 1) * DAY)
  })
  const result = await runBuiltAction({
    action: 'health',
    workspace: fx.root,
    runId: String(id),
    job: 'health',
    repository: REPO,
    sha: SHA,
    ref: options.ref ?? 'refs/heads/main',
    eventName: options.event ?? 'schedule',
    apiUrl: fake.url,
    inputs: {
      probe: 'false',
      'drift-issue': 'true',
      token: options.token ?? TOKEN,
      baseline: options.baseline ?? ''
    }
  })
  run.status = 'completed'
  run.conclusion = result.status === 0 ? 'success' : 'failure'
  expectNoToken(result, options.token ?? TOKEN)
  return result
}

/** Nowhere but the ::add-mask:: line (consumed by the runner, which masks the token) may a token appear. */
function expectNoToken(run: ActionRun, given: string): void {
  if (given) expect(lines(run.stdout, '::add-mask::')).toEqual([`::add-mask::${given}`])
  const stdout = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  for (const token of [TOKEN, READ_ONLY]) {
    for (const text of [stdout, run.stderr, run.outputText, run.summary]) expect(text).not.toContain(token)
    expect(JSON.stringify(fake.state.repos['octo/consumer'])).not.toContain(token)
    expect(JSON.stringify(fake.requests)).not.toContain(token)
  }
}

const issues = (): FakeIssue[] => Object.values(fake.state.repos['octo/consumer']!.issues)
const driftIssue = (baseline: string): FakeIssue | undefined =>
  issues().find((i) => i.body.startsWith(`<!-- baseline-gate:drift:${baseline} -->`))

/** Break the pin (a release tag the ledger does not approve); returns the way back. */
function breakPin(fx: Fixture, path = PIN): () => void {
  const original = fx.read(path)
  fx.replace(path, /"release_tag": "[^"]*"/, '"release_tag": "v0.5"')
  return () => fx.write(path, original)
}

describe('the health action in drift mode (built bundle, schedule events)', () => {
  it("names the commit checked out in the issue, not GITHUB_SHA, which a checkout's ref: makes another (found by re-reading)", async () => {
    const fx = trioFixture()
    breakPin(fx)
    const checkedOut = gitRepo(fx).commit('a broken pin')
    const run = await scheduledRun(fx)
    expect(run.outputs.verdict).toBe('FAIL')
    const body = driftIssue('memorykernel')!.body
    expect(body).toContain(`at \`${checkedOut.slice(0, 12)}\``)
    expect(body).not.toContain(SHA.slice(0, 12))
  })

  it('FAIL, FAIL, PASS: one issue, one comment, then the issue closed with a comment', async () => {
    const fx = trioFixture()
    const fix = breakPin(fx)

    const first = await scheduledRun(fx)
    expect(first.status).toBe(1)
    expect(first.outputs.verdict).toBe('FAIL')
    expect(issues()).toHaveLength(1)
    const issue = driftIssue('memorykernel')!
    expect(issue).toMatchObject({ state: 'open', labels: ['baseline-drift'] })
    expect(issue.title).toContain('memorykernel')
    expect(issue.body).toMatch(/BG\d{3}/)
    expect(issue.body).toMatch(
      /\n❌ \*\*FAIL\*\* · health of `memorykernel` at `0123456789ab` \(\[run 1001\]\([^)]+\)\) · [^\n]*\*\*Next:\*\* run `npx --no baseline-gate health --baseline memorykernel` locally; see the fix(es)? of (\[BG\d{3}\]\(https:[^)]+#bg\d{3}\)|`BG\d{3}`)/
    )
    expect(issue.body).toContain('<!-- baseline-gate:findings ')
    expect(fake.commentsOf(REPO, issue.number)).toHaveLength(0)
    expect(first.outputs['drift-issue-url']).toMatch(new RegExp(`/issues/${issue.number}$`))
    expect(first.summary).toContain(`opened the drift issue #${issue.number}`)
    // the previous scheduled run is a day old: no schedule warning
    expect(lines(first.stdout, '::warning')).toEqual([])

    const second = await scheduledRun(fx)
    expect(second.status).toBe(1)
    expect(issues()).toHaveLength(1)
    const comments = fake.commentsOf(REPO, issue.number)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).toContain(
      `❌ **Still FAIL** · health of \`memorykernel\` at \`${SHA.slice(0, 12)}\``
    )
    expect(comments[0]!.body).toMatch(
      /nothing changed since `[0-9a-f]{12}`: \d+ still failing\. \*\*Next:\*\*/
    )
    expect(comments[0]!.body).toMatch(/#### Still failing \(\d+\)\n\n- ❌ BG\d{3}/)
    expect(second.summary).toContain(`commented on the drift issue #${issue.number}`)

    fix()
    const third = await scheduledRun(fx)
    expect(third.status).toBe(0)
    expect(third.outputs.verdict).toBe('PASS')
    expect(third.outputs['drift-issue-url']).toBe('')
    expect(issues()).toHaveLength(1)
    expect(driftIssue('memorykernel')!.state).toBe('closed')
    const all = fake.commentsOf(REPO, issue.number)
    expect(all).toHaveLength(2)
    expect(all[1]!.body).toContain(`✅ **PASS** · health of \`memorykernel\` at \`${SHA.slice(0, 12)}\``)
    expect(all[1]!.body).toMatch(/#### Resolved \(\d+\)\n\n- ✅ BG\d{3} [^\n]*, was: /)
    expect(all[1]!.body).not.toMatch(/❌/)

    // and a fourth, passing run has nothing to do
    const fourth = await scheduledRun(fx)
    expect(fourth.status).toBe(0)
    expect(issues()).toHaveLength(1)
    expect(fake.commentsOf(REPO, issue.number)).toHaveLength(2)
  })

  it("a second baseline's failure opens its own issue", async () => {
    const fx = twoBaselines()
    breakPin(fx)
    const mk = await scheduledRun(fx, { baseline: 'memorykernel' })
    expect(mk.status).toBe(1)
    expect(issues()).toHaveLength(1)

    breakPin(fx, BILLING.pin)
    const billing = await scheduledRun(fx, { baseline: 'billing' })
    expect(billing.status).toBe(1)
    expect(issues()).toHaveLength(2)
    const mkIssue = driftIssue('memorykernel')!
    const billingIssue = driftIssue('billing')!
    expect(billingIssue.number).not.toBe(mkIssue.number)
    expect(billingIssue.title).toContain('billing')
    expect(billingIssue.body).toContain(BILLING.pin)
    // the other baseline's issue is left alone
    expect(fake.commentsOf(REPO, mkIssue.number)).toHaveLength(0)

    // one run over both baselines: one comment on each issue, no new issue
    const both = await scheduledRun(fx)
    expect(both.status).toBe(1)
    expect(issues()).toHaveLength(2)
    expect(fake.commentsOf(REPO, mkIssue.number)).toHaveLength(1)
    expect(fake.commentsOf(REPO, billingIssue.number)).toHaveLength(1)
    expect(both.outputs['drift-issue-url']!.split(',')).toHaveLength(2)
  })

  it('a stale previous scheduled run gives a warning naming the 60-day rule; the verdict stands', async () => {
    const fx = trioFixture()
    const run = await scheduledRun(fx, { gapDays: 5 })
    expect(run.status).toBe(0)
    expect(run.outputs.verdict).toBe('PASS')
    const warnings = lines(run.stdout, '::warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/previous scheduled run .* 5\.0 days before this one/)
    expect(warnings[0]).toMatch(/twice the schedule interval of 24 hours/)
    expect(warnings[0]).toMatch(/60 days/)
    expect(run.summary).toMatch(/\*\*Schedule:\*\*.*60 days/)
  })

  it('the schedule is checked on schedule events only; a refused check is a notice', async () => {
    const fx = trioFixture()
    const manual = await scheduledRun(fx, { event: 'workflow_dispatch', gapDays: 9 })
    expect(manual.status).toBe(0)
    expect(lines(manual.stdout, '::warning')).toEqual([])
    expect(fake.requests.some((r) => r.path.includes('/actions/'))).toBe(false)

    fake.failNext('GET /repos/{owner}/{repo}/actions/runs/{run_id}', 403)
    const denied = await scheduledRun(fx)
    expect(denied.status).toBe(0)
    expect(lines(denied.stdout, '::warning')).toEqual([])
    const notices = lines(denied.stdout, '::notice')
    expect(notices.some((n) => n.includes('`actions: read`'))).toBe(true)
  })

  it('a read-only token: a clear warning naming `issues: write`, no issue, and the verdict stands', async () => {
    const fx = trioFixture()
    breakPin(fx)
    const run = await scheduledRun(fx, { token: READ_ONLY })
    expect(run.status).toBe(1)
    expect(run.outputs.verdict).toBe('FAIL')
    expect(issues()).toHaveLength(0)
    const warnings = lines(run.stdout, '::warning').filter((w) => w.includes('drift issue'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('`issues: write`')
    expect(warnings[0]).toMatch(/403/)
    expect(warnings[0]).toMatch(/verdict stands/)
    expect(run.summary).toMatch(/Drift issue of memorykernel/)
    // the step's own failure is the verdict's, not the drift issue's
    expect(lines(run.stdout, '::error::').at(-1)).toMatch(/baseline health FAIL/)
  })

  it("a run on another branch leaves the default branch's issue alone: a pass there closes nothing", async () => {
    const fx = trioFixture()
    const back = breakPin(fx)
    await scheduledRun(fx)
    const opened = driftIssue('memorykernel')!
    expect(opened.state).toBe('open')
    back()
    const elsewhere = await scheduledRun(fx, { event: 'workflow_dispatch', ref: 'refs/heads/feature' })
    expect(elsewhere.status).toBe(0)
    expect(driftIssue('memorykernel')!.state).toBe('open')
    expect(fake.commentsOf('octo/consumer', opened.number)).toHaveLength(0)
    expect(
      lines(elsewhere.stdout, '::warning').some((w) =>
        w.includes(
          'this run is on refs/heads/feature, not on the default branch main, whose drift the issues track'
        )
      )
    ).toBe(true)
  })

  it('drift mode without a token: a warning, the verdict stands', async () => {
    const fx = trioFixture()
    const run = await scheduledRun(fx, { token: '' })
    expect(run.status).toBe(0)
    expect(lines(run.stdout, '::warning').some((w) => /no GitHub token was given/.test(w))).toBe(true)
    expect(fake.requests).toHaveLength(0)
  })
})
