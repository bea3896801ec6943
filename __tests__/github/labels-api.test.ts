// The labels of an issue or pull request (src/github/labels.ts), against the fake GitHub REST server over real
// HTTP: what is missing is added once, the exclusive labels no longer wanted are taken off, the rest stays; an
// input that cannot be a label is refused before any request; a token that may not write fails with what to do.
import { describe, expect, it } from '@jest/globals'
import type { FakeGitHub } from '../../__fixtures__/fake-github.js'
import { fakeGitHubPerTest, value } from '../helpers/github-client.js'

const TOKEN = 'ghs_FakeLabelsInstallationToken0123456789ab'
const READ_ONLY = 'ghs_LabelsReadOnlyToken000000000000000000000'
const REPO = 'acme/app'
const KINDS = ['breaking', 'additive', 'patch']
const LIST = 'GET /repos/{owner}/{repo}/issues/{issue_number}/labels'
const ADD = 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels'
const REMOVE = 'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}'

let fake: FakeGitHub
const { client, failure, hits } = fakeGitHubPerTest(
  [
    { token: TOKEN, login: 'github-actions[bot]' },
    { token: READ_ONLY, login: 'github-actions[bot]', write: false }
  ],
  (f) => (fake = f)
)

describe('syncLabels', () => {
  it('adds the missing labels once, takes off the exclusive ones not wanted, and leaves the others', async () => {
    const pr = fake.addPull(REPO, { labels: ['needs-review', 'patch', 'Baseline-Repin'] })
    const change = value(
      await client().syncLabels(pr.number, { wanted: ['baseline-repin', 'breaking'], exclusive: KINDS })
    )
    expect(change).toEqual({
      labels: ['needs-review', 'Baseline-Repin', 'breaking'],
      added: ['breaking'],
      removed: ['patch']
    })
    expect(fake.state.repos[REPO]!.pulls[pr.number]!.labels).toEqual([
      'needs-review',
      'Baseline-Repin',
      'breaking'
    ])
  })

  it('sends nothing but the read when the labels already are as wanted', async () => {
    const issue = fake.addIssue(REPO, { labels: ['baseline-repin', 'additive'] })
    const change = value(
      await client().syncLabels(issue.number, {
        wanted: ['baseline-repin', 'additive', 'additive'],
        exclusive: KINDS
      })
    )
    expect([change.added, change.removed]).toEqual([[], []])
    expect([hits(LIST).length, hits(ADD).length, hits(REMOVE).length]).toEqual([1, 0, 0])
  })

  it('refuses a label that cannot be one, before any request', async () => {
    const issue = fake.addIssue(REPO, {})
    const refused = failure(await client().syncLabels(issue.number, { wanted: ['a,b'], exclusive: [] }))
    expect(refused.message).toContain('without a comma')
    expect(failure(await client().syncLabels(0, { wanted: ['x'], exclusive: [] })).message).toContain(
      'is not an issue number'
    )
    expect(hits(LIST)).toEqual([])
  })

  it('a token that may not write fails, naming the permission', async () => {
    const issue = fake.addIssue(REPO, {})
    const denied = failure(
      await client({ token: READ_ONLY }).syncLabels(issue.number, {
        wanted: ['baseline-repin'],
        exclusive: []
      })
    )
    expect(denied.reason).toBe('forbidden')
    expect(denied.message).toContain('`issues: write` or `pull-requests: write`')
    expect(fake.state.repos[REPO]!.issues[issue.number]!.labels).toEqual([])
  })
})
