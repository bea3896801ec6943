// What the drift mode of the health action reads and writes through the GitHub client (the open issue of a
// baseline, its comments, closing it; the runs of a scheduled workflow), against the fake GitHub REST server over
// real HTTP: nothing is mocked.
import { describe, expect, it } from '@jest/globals'
import type { FakeGitHub } from '../../__fixtures__/fake-github.js'
import { stickyMarker } from '../../src/github/client.js'
import { fakeGitHubPerTest, value } from '../helpers/github-client.js'

const TOKEN = 'ghs_FakeDriftInstallationToken0123456789abcd'
const READ_ONLY = 'ghs_DriftReadOnlyToken0000000000000000000000'
const REPO = 'acme/app'
const MARKER = 'drift:memorykernel'
const LABEL = 'baseline-drift'
const RUN = 'GET /repos/{owner}/{repo}/actions/runs/{run_id}'
const RUNS = 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs'

let fake: FakeGitHub
const { client, failure, hits } = fakeGitHubPerTest(
  [
    { token: TOKEN, login: 'github-actions[bot]' },
    { token: READ_ONLY, login: 'github-actions[bot]', write: false }
  ],
  (f) => (fake = f)
)

describe('findMarkedIssue', () => {
  it('finds the oldest open issue with the label whose body starts with the marker, and nothing else', async () => {
    const line = stickyMarker(MARKER)
    fake.addIssue(REPO, { body: `${line}\nclosed one`, labels: [LABEL], state: 'closed' })
    fake.addIssue(REPO, { body: `${line}\nno label`, labels: [] })
    fake.addIssue(REPO, { body: `text first\n${line}`, labels: [LABEL] })
    fake.addIssue(REPO, { body: `${stickyMarker('drift:other')}\n`, labels: [LABEL] })
    // older, with the label and the marker, opened by a person (an issue template can set the label): not ours
    fake.addIssue(REPO, { body: `${line}\nby a person`, labels: [LABEL], login: 'mallory' })
    const ours = fake.addIssue(REPO, {
      body: `${line}\r\nours`,
      labels: [LABEL],
      login: 'github-actions[bot]'
    })
    fake.addIssue(REPO, { body: `${line}\nnewer`, labels: [LABEL] })

    const found = value(await client().findMarkedIssue({ marker: MARKER, label: LABEL }))
    expect(found).toMatchObject({ number: ours.number, body: `${line}\nours`, author: 'github-actions[bot]' })
    expect(found?.url).toMatch(new RegExp(`/issues/${ours.number}$`))
  })

  it("with the workflow's own token (action.yml says so), never takes another app's issue for its own (found by review)", async () => {
    const line = stickyMarker(MARKER)
    fake.addIssue(REPO, { body: `${line}\nforged`, labels: [LABEL], login: 'evil-app[bot]' })
    const ours = fake.addIssue(REPO, { body: `${line}\nours`, labels: [LABEL], login: 'github-actions[bot]' })
    const gh = client({ login: 'github-actions[bot]' })
    expect(value(await gh.findMarkedIssue({ marker: MARKER, label: LABEL }))?.number).toBe(ours.number)
    // and without one of ours, none: the other app's is not taken
    fake.state.repos[REPO]!.issues[ours.number]!.state = 'closed'
    expect(value(await gh.findMarkedIssue({ marker: MARKER, label: LABEL }))).toBeNull()
    expect(hits('GET /user')).toHaveLength(0)
  })

  it('searches every page', async () => {
    for (let i = 0; i < 120; i++) fake.addIssue(REPO, { body: 'other', labels: [LABEL] })
    const ours = fake.addIssue(REPO, {
      body: `${stickyMarker(MARKER)}\n`,
      labels: [LABEL],
      login: 'github-actions[bot]'
    })
    const found = value(await client().findMarkedIssue({ marker: MARKER, label: LABEL }))
    expect(found?.number).toBe(ours.number)
    expect(hits('GET /repos/{owner}/{repo}/issues').length).toBe(2)
  })

  it('answers null when there is none, and refuses a marker that could close the HTML comment', async () => {
    expect(value(await client().findMarkedIssue({ marker: MARKER, label: LABEL }))).toBeNull()
    const bad = failure(await client().findMarkedIssue({ marker: 'drift:a-->b', label: LABEL }))
    expect(bad.message).toMatch(/marker/)
    // the first search asked who the token is (GITHUB_TOKEN cannot say: 403) and listed the issues; the refused
    // marker asked nothing
    expect(fake.requests.map((r) => r.route)).toEqual(['GET /user', 'GET /repos/{owner}/{repo}/issues'])
  })
})

describe('comments and closing', () => {
  it('lists every comment (all pages), comments, and closes as completed', async () => {
    const issue = fake.addIssue(REPO, { body: 'x', labels: [LABEL] })
    for (let i = 0; i < 105; i++) fake.addComment(REPO, issue.number, 'someone', `c${i}\r\nline`)
    const c = client()
    const listed = value(await c.listIssueComments(issue.number))
    expect(listed).toHaveLength(105)
    expect(listed[0]).toMatchObject({ author: 'someone', body: 'c0\nline' })

    const posted = value(await c.commentOnIssue(issue.number, 'hello'))
    expect(posted.truncated).toBe(false)
    expect(fake.commentsOf(REPO, issue.number).at(-1)).toMatchObject({
      body: 'hello',
      login: 'github-actions[bot]'
    })

    const closed = value(await c.closeIssue(issue.number))
    expect(closed.number).toBe(issue.number)
    expect(fake.state.repos['acme/app']!.issues[issue.number]!.state).toBe('closed')
    const patch = hits('PATCH /repos/{owner}/{repo}/issues/{issue_number}')[0]!
    expect(patch.body).toMatchObject({ state: 'closed', state_reason: 'completed' })
  })

  it('cuts a comment over GitHub’s limit, with a note', async () => {
    const issue = fake.addIssue(REPO, { body: 'x' })
    const posted = value(await client().commentOnIssue(issue.number, 'y\n'.repeat(40_000)))
    expect(posted.truncated).toBe(true)
    const body = fake.commentsOf(REPO, issue.number)[0]!.body
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(body).toContain('Truncated by baseline-gate')
  })

  it('a read-only token: 403 naming `issues: write`, for the comment and the close', async () => {
    const issue = fake.addIssue(REPO, { body: 'x' })
    const c = client({ token: READ_ONLY })
    const comment = failure(await c.commentOnIssue(issue.number, 'hello'))
    expect(comment.reason).toBe('forbidden')
    expect(comment.message).toMatch(/403/)
    expect(comment.message).toContain('`issues: write`')
    const close = failure(await c.closeIssue(issue.number))
    expect(close.message).toContain('`issues: write`')
    expect(fake.state.repos['acme/app']!.issues[issue.number]!.state).toBe('open')
  })

  it('refuses a bad issue number and an empty comment before any request', async () => {
    const c = client()
    expect(failure(await c.commentOnIssue(0, 'x')).message).toMatch(/not an issue number/)
    expect(failure(await c.commentOnIssue(3, '  ')).message).toMatch(/empty/)
    expect(failure(await c.closeIssue(-1)).message).toMatch(/not an issue number/)
    expect(failure(await c.listIssueComments(1.5)).message).toMatch(/not an issue number/)
    expect(fake.requests).toHaveLength(0)
  })

  it('without a token: no-token, no request', async () => {
    const r = failure(await client({ token: '' }).commentOnIssue(1, 'x'))
    expect(r.reason).toBe('no-token')
    expect(r.message).toContain('`issues: write`')
    expect(fake.requests).toHaveLength(0)
  })
})

describe('workflow runs', () => {
  it('reads a run, and lists the completed scheduled runs of its workflow, newest first', async () => {
    const old = fake.addWorkflowRun(REPO, { created_at: '2026-03-01T05:17:00Z' })
    const prev = fake.addWorkflowRun(REPO, { created_at: '2026-03-02T05:17:00Z', conclusion: 'failure' })
    fake.addWorkflowRun(REPO, { created_at: '2026-03-02T09:00:00Z', event: 'workflow_dispatch' })
    fake.addWorkflowRun(REPO, {
      created_at: '2026-03-02T10:00:00Z',
      workflow_id: 7,
      path: '.github/workflows/ci.yml'
    })
    const current = fake.addWorkflowRun(REPO, { created_at: '2026-03-03T05:17:00Z', status: 'in_progress' })
    const c = client()

    const run = value(await c.getWorkflowRun(current.id))
    expect(run).toMatchObject({
      id: current.id,
      workflowId: 161335,
      event: 'schedule',
      status: 'in_progress'
    })
    expect(run.createdAt).toBe('2026-03-03T05:17:00Z')

    const runs = value(
      await c.listWorkflowRuns(run.workflowId, { event: 'schedule', status: 'completed', perPage: 2 })
    )
    expect(runs.map((r) => r.id)).toEqual([prev.id, old.id])
    expect(hits(RUNS)[0]!.query).toMatchObject({ event: 'schedule', status: 'completed', per_page: '2' })

    // by file name, and by conclusion
    const failed = value(await c.listWorkflowRuns('baseline-drift.yml', { status: 'failure' }))
    expect(failed.map((r) => r.id)).toEqual([prev.id])
  })

  it('a 403 names `actions: read` and how a workflow grants it; a missing run is a 404', async () => {
    const current = fake.addWorkflowRun(REPO, { status: 'in_progress' })
    fake.failNext(RUN, 403)
    const denied = failure(await client().getWorkflowRun(current.id))
    expect(denied.reason).toBe('forbidden')
    expect(denied.message).toContain('`actions: read`')
    expect(denied.message).toMatch(/permissions/)
    fake.failNext(RUNS, 403)
    expect(failure(await client().listWorkflowRuns(161335)).message).toContain('`actions: read`')
    expect(failure(await client().getWorkflowRun(424242)).reason).toBe('not-found')
  })

  it('refuses a workflow that is neither an id nor a file name, and a bad page size, before any request', async () => {
    const c = client()
    expect(failure(await c.listWorkflowRuns('../x')).message).toMatch(/neither a workflow id/)
    expect(failure(await c.listWorkflowRuns(1, { perPage: 500 })).message).toMatch(/1-100/)
    expect(failure(await c.getWorkflowRun(0)).message).toMatch(/not a workflow run id/)
    expect(fake.requests).toHaveLength(0)
  })
})
