// The GitHub client against the fake GitHub REST server over real HTTP: the real octokit code runs,
// nothing is mocked.
import { beforeEach, describe, expect, it } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/fake-github.js'
import {
  GITHUB_COMMENT_LIMIT,
  renderStickyComment,
  stickyMarker,
  type Owners
} from '../../src/github/client.js'
import { fakeGitHubPerTest, value } from '../helpers/github-client.js'

const TOKEN = 'ghs_FakeInstallationToken0123456789abcdefXYZ'
const REPO = 'acme/app'
const PR = 7
const HEAD = 'c0ffee'.padEnd(40, '1')
const OLD = 'dead00'.padEnd(40, '2')
const MARKER = 'promotion:memorykernel'
const PULL_ROUTE = 'GET /repos/{owner}/{repo}/pulls/{pull_number}'
const COMMENTS_ROUTE = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments'

let fake: FakeGitHub
// an installation token, like GITHUB_TOKEN; after each test it has reached no log line and no request log
const { logs, backoffs, client, failure, hits } = fakeGitHubPerTest(
  [{ token: TOKEN, login: 'github-actions[bot]' }],
  (f) => {
    fake = f
    fake.addPull(REPO, { number: PR, headSha: HEAD })
  }
)

describe('the fake GitHub server', () => {
  it('answers 401 without a token, 404 with GitHub body, and pages with Link headers', async () => {
    const anonymous = await fetch(`${fake.url}/repos/${REPO}/pulls/${PR}`)
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toMatchObject({ message: 'Requires authentication' })

    const headers = { authorization: `token ${TOKEN}` }
    const missing = await fetch(`${fake.url}/repos/${REPO}/pulls/999`, { headers })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ message: 'Not Found' })

    for (let i = 0; i < 45; i++) fake.addComment(REPO, PR, 'alice', `comment ${i}`)
    const first = await fetch(`${fake.url}/repos/${REPO}/issues/${PR}/comments?per_page=20`, { headers })
    expect(((await first.json()) as unknown[]).length).toBe(20)
    expect(first.headers.get('link')).toBe(
      `<${fake.url}/repos/${REPO}/issues/${PR}/comments?per_page=20&page=2>; rel="next", ` +
        `<${fake.url}/repos/${REPO}/issues/${PR}/comments?per_page=20&page=3>; rel="last"`
    )
    const last = await fetch(`${fake.url}/repos/${REPO}/issues/${PR}/comments?per_page=20&page=3`, {
      headers
    })
    expect(((await last.json()) as unknown[]).length).toBe(5)
    expect(last.headers.get('link')).not.toContain('rel="next"')

    const tooLong = await fetch(`${fake.url}/repos/${REPO}/issues/${PR}/comments`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ body: 'x'.repeat(GITHUB_COMMENT_LIMIT + 1) })
    })
    expect(tooLong.status).toBe(422)
    expect(fake.requests.map((r) => r.auth)).toEqual([false, true, true, true, true])
  })
})

describe('upsertStickyComment', () => {
  it('creates the comment once, then finds it past the first page and updates it in place', async () => {
    for (let i = 0; i < 130; i++) fake.addComment(REPO, PR, i % 2 ? 'alice' : 'bob', `chatter ${i}`)
    const gh = client()

    const first = value(await gh.upsertStickyComment(PR, MARKER, 'verdict: FAIL'))
    expect(first.created).toBe(true)
    expect(first.url).toContain(`/pull/${PR}#issuecomment-${first.id}`)
    for (let i = 0; i < 5; i++) fake.addComment(REPO, PR, 'alice', `more ${i}`)

    const before = fake.requests.length
    const second = value(await gh.upsertStickyComment(PR, MARKER, 'verdict: PASS'))
    expect(second).toMatchObject({ id: first.id, created: false, truncated: false })
    const ours = fake.commentsOf(REPO, PR).filter((c) => c.body.startsWith(stickyMarker(MARKER)))
    expect(ours).toHaveLength(1)
    expect(ours[0]?.body).toBe(`${stickyMarker(MARKER)}\nverdict: PASS`)
    expect(fake.commentsOf(REPO, PR)).toHaveLength(136)

    // the second run paged (page 2 holds our comment) and patched; it posted nothing
    const run = fake.requests.slice(before)
    expect(run.filter((r) => r.route === COMMENTS_ROUTE).map((r) => r.query.page ?? '1')).toEqual(['1', '2'])
    expect(run.map((r) => r.method)).toContain('PATCH')
    expect(run.map((r) => r.method)).not.toContain('POST')

    // a third run with the same body changes nothing
    const again = fake.requests.length
    value(await gh.upsertStickyComment(PR, MARKER, 'verdict: PASS'))
    expect(fake.requests.slice(again).map((r) => r.method)).toEqual(['GET', 'GET'])
  })

  it('keeps one comment per marker and never edits a comment someone else wrote with the marker', async () => {
    fake.addComment(REPO, PR, 'mallory', `${stickyMarker(MARKER)}\nfake verdict: PASS`)
    const gh = client()
    const promotion = value(await gh.upsertStickyComment(PR, MARKER, 'promotion verdict'))
    const health = value(await gh.upsertStickyComment(PR, 'health', 'health verdict'))
    expect(promotion.created).toBe(true)
    expect(health.created).toBe(true)
    expect(health.id).not.toBe(promotion.id)
    expect(fake.commentsOf(REPO, PR)[0]?.body).toBe(`${stickyMarker(MARKER)}\nfake verdict: PASS`)
    expect(value(await gh.upsertStickyComment(PR, MARKER, 'promotion verdict 2')).id).toBe(promotion.id)
  })

  it("with the workflow's own token (action.yml says so), never takes another app's marked comment for its own (found by review)", async () => {
    fake.addComment(REPO, PR, 'evil-app[bot]', `${stickyMarker(MARKER)}\nforged verdict: PASS`)
    const gh = client({ login: 'github-actions[bot]' })
    const first = value(await gh.upsertStickyComment(PR, MARKER, 'promotion verdict'))
    expect(first.created).toBe(true)
    expect(value(await gh.upsertStickyComment(PR, MARKER, 'promotion verdict 2')).id).toBe(first.id)
    expect(fake.commentsOf(REPO, PR).map((c) => c.body)).toEqual([
      `${stickyMarker(MARKER)}\nforged verdict: PASS`,
      `${stickyMarker(MARKER)}\npromotion verdict 2`
    ])
    // who the token is was known: GET /user (which cannot answer for it) was not asked
    expect(hits('GET /user')).toHaveLength(0)
  })

  it('with a personal token, recognises its own comment through GET /user', async () => {
    const pat = 'ghp_PersonalAccessToken0123456789abcdefgh'
    fake.addToken(pat, 'release-bot-user')
    fake.addComment(REPO, PR, 'release-bot-user', `${stickyMarker(MARKER)}\nold`)
    const result = value(await client({ token: pat }).upsertStickyComment(PR, MARKER, 'new'))
    expect(result.created).toBe(false)
    expect(fake.commentsOf(REPO, PR).map((c) => c.body)).toEqual([`${stickyMarker(MARKER)}\nnew`])
    expect(hits('GET /user').map((r) => r.status)).toEqual([200])
  })

  it('a secondary rate limit on GET /user is a failure, never "cannot tell who I am" (found by review)', async () => {
    const pat = 'ghp_PersonalAccessToken0123456789abcdefgh'
    fake.addToken(pat, 'release-bot-user')
    fake.addComment(REPO, PR, 'release-bot-user', `${stickyMarker(MARKER)}\nold`)
    fake.failNext('GET /user', 403, 1, {
      body: {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
      },
      headers: { 'retry-after': '60', 'x-ratelimit-remaining': '4990', 'x-ratelimit-reset': '1900000000' }
    })
    const result = failure(await client({ token: pat }).upsertStickyComment(PR, MARKER, 'new'))
    expect(result.reason).toBe('rate-limited')
    // the secondary limit's own wait, not the primary window's reset hours away
    expect(result.message).toContain("GitHub's secondary rate limit was hit")
    expect(result.message).toContain('Wait 1 min')
    expect(result.message).not.toContain(new Date(1_900_000_000_000).toISOString())
    // no second comment beside the run's own
    expect(fake.commentsOf(REPO, PR).map((c) => c.body)).toEqual([`${stickyMarker(MARKER)}\nold`])
  })

  it('truncates a body to stay under 65,536 characters and says so', async () => {
    const line = '| BG701 | error | a suite step failed: consumer test exited 1 |\n'
    const body = '## baseline-gate\n```text\n' + line.repeat(3_000) + '```\n'
    expect(body.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT)
    const result = value(await client().upsertStickyComment(PR, MARKER, body))
    expect(result.truncated).toBe(true)
    const stored = fake.commentsOf(REPO, PR)[0]?.body ?? ''
    expect(stored.length).toBeLessThan(GITHUB_COMMENT_LIMIT)
    expect(stored.startsWith(`${stickyMarker(MARKER)}\n## baseline-gate`)).toBe(true)
    expect(stored).toContain('Truncated by baseline-gate')
    expect(stored).toContain(`of ${body.length.toLocaleString('en-US')} characters`)
    // the open code fence is closed before the note
    expect(stored.split('\n').filter((l) => l.startsWith('```'))).toHaveLength(2)
  })

  it('never cuts a body inside a surrogate pair', () => {
    const body = '\u{1F680}'.repeat(40_000) // no newline to cut at
    const { text, truncated } = renderStickyComment(MARKER, body)
    expect(truncated).toBe(true)
    expect(text.length).toBeLessThan(GITHUB_COMMENT_LIMIT)
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
    expect(renderStickyComment(MARKER, 'short')).toEqual({
      text: `${stickyMarker(MARKER)}\nshort`,
      truncated: false
    })
  })

  it('refuses a marker that could break out of the HTML comment', async () => {
    const result = failure(await client().upsertStickyComment(PR, 'x --> <b>', 'body'))
    expect(result.reason).toBe('error')
    expect(fake.requests).toHaveLength(0)
  })
})

describe('jointApproval', () => {
  const owners: Owners = { consumer: ['alice', 'acme/app-team'], producer: ['@bob', 'acme/kernel-team'] }

  beforeEach(() => {
    fake.setTeam('acme/app-team', ['carol', 'dan'])
    fake.setTeam('acme/kernel-team', ['erin'])
  })

  it('is approved when a consumer owner and a producer owner approve the head commit', async () => {
    fake.addReview(REPO, PR, 'alice', 'APPROVED')
    fake.addReview(REPO, PR, 'bob', 'APPROVED')
    fake.addReview(REPO, PR, 'zoe', 'APPROVED') // not an owner
    const result = value(await client().jointApproval(PR, owners))
    expect(result).toEqual({
      consumer: ['alice'],
      producer: ['bob'],
      headSha: HEAD,
      approved: true,
      notCounted: [
        { login: 'zoe', kind: 'approval', reason: 'they are neither a consumer nor a producer owner' }
      ]
    })
  })

  it('is not approved when only one side approves', async () => {
    fake.addReview(REPO, PR, 'alice', 'APPROVED')
    fake.addReview(REPO, PR, 'dan', 'APPROVED')
    const result = value(await client().jointApproval(PR, owners))
    expect(result).toEqual({
      consumer: ['alice', 'dan'],
      producer: [],
      headSha: HEAD,
      approved: false,
      notCounted: []
    })
  })

  it('ignores approvals of an older commit', async () => {
    fake.addReview(REPO, PR, 'alice', 'APPROVED')
    fake.addReview(REPO, PR, 'bob', 'APPROVED', OLD)
    const result = value(await client().jointApproval(PR, owners))
    expect(result.producer).toEqual([])
    expect(result.approved).toBe(false)
  })

  it('lets a later changes-requested or dismissal by the same user cancel an approval, not a comment', async () => {
    fake.addReview(REPO, PR, 'alice', 'APPROVED')
    fake.addReview(REPO, PR, 'bob', 'APPROVED')
    fake.addReview(REPO, PR, 'bob', 'CHANGES_REQUESTED')
    expect(value(await client().jointApproval(PR, owners))).toMatchObject({ producer: [], approved: false })

    fake.addReview(REPO, PR, 'bob', 'APPROVED')
    fake.addReview(REPO, PR, 'bob', 'COMMENTED')
    expect(value(await client().jointApproval(PR, owners))).toMatchObject({
      producer: ['bob'],
      approved: true
    })

    const pull = fake.state.repos[REPO]?.pulls[PR]
    const last = pull?.reviews.filter((r) => r.login === 'alice').at(-1)
    if (last) last.state = 'DISMISSED' // GitHub turns a dismissed review's state to DISMISSED in place
    expect(value(await client().jointApproval(PR, owners))).toMatchObject({ consumer: [], approved: false })
  })

  it('resolves team owners through paginated members', async () => {
    const members = Array.from({ length: 130 }, (_, i) => `kernel-dev-${i}`)
    fake.setTeam('acme/kernel-team', members)
    fake.addReview(REPO, PR, 'carol', 'APPROVED') // app-team
    fake.addReview(REPO, PR, 'kernel-dev-120', 'APPROVED') // page 2 of kernel-team
    const result = value(await client().jointApproval(PR, owners))
    expect(result).toEqual({
      consumer: ['carol'],
      producer: ['kernel-dev-120'],
      headSha: HEAD,
      approved: true,
      notCounted: []
    })
    const pages = hits('GET /orgs/{org}/teams/{team_slug}/members')
      .filter((r) => r.path.endsWith('/kernel-team/members'))
      .map((r) => r.query.page ?? '1')
    expect(pages).toEqual(['1', '2'])
  })

  it('reads the reviews past the first page', async () => {
    for (let i = 0; i < 110; i++) fake.addReview(REPO, PR, `drive-by-${i}`, 'COMMENTED')
    fake.addReview(REPO, PR, 'alice', 'APPROVED')
    fake.addReview(REPO, PR, 'erin', 'APPROVED')
    expect(value(await client().jointApproval(PR, owners)).approved).toBe(true)
    expect(hits('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews')).toHaveLength(2)
  })

  it('does not let one person listed on both sides approve alone', async () => {
    const both: Owners = { consumer: ['alice', 'sam'], producer: ['sam', 'bob'] }
    fake.addReview(REPO, PR, 'sam', 'APPROVED')
    expect(value(await client().jointApproval(PR, both))).toEqual({
      consumer: ['sam'],
      producer: ['sam'],
      headSha: HEAD,
      approved: false,
      notCounted: []
    })
    fake.addReview(REPO, PR, 'bob', 'APPROVED') // sam for the consumer side, bob for the producer side
    expect(value(await client().jointApproval(PR, both)).approved).toBe(true)
  })

  it("never counts the pull request author's own approval, nor a bot's, and says why", async () => {
    const AUTHORED = 8
    fake.addPull(REPO, { number: AUTHORED, headSha: HEAD, login: 'Alice' }) // the account's own spelling
    fake.state.accounts['renovate'] = { login: 'renovate', id: 9_001, type: 'Bot' } // a bot by type alone
    const withBots: Owners = {
      consumer: ['alice', 'acme/app-team', 'deploy-bot[bot]', 'renovate'],
      producer: ['bob', 'github-actions[bot]']
    }
    fake.addReview(REPO, AUTHORED, 'alice', 'APPROVED')
    fake.addReview(REPO, AUTHORED, 'deploy-bot[bot]', 'APPROVED')
    fake.addReview(REPO, AUTHORED, 'renovate', 'APPROVED')
    fake.addReview(REPO, AUTHORED, 'github-actions[bot]', 'APPROVED')
    fake.addReview(REPO, AUTHORED, 'bob', 'APPROVED')
    const bot = 'it is a bot, and only people count'
    expect(value(await client().jointApproval(AUTHORED, withBots))).toEqual({
      consumer: [],
      producer: ['bob'],
      headSha: HEAD,
      approved: false,
      notCounted: [
        { login: 'Alice', kind: 'approval', reason: 'they opened the pull request' },
        { login: 'deploy-bot[bot]', kind: 'approval', reason: bot },
        { login: 'github-actions[bot]', kind: 'approval', reason: bot },
        { login: 'renovate', kind: 'approval', reason: bot }
      ]
    })

    // another person of the consumer side makes it joint; the author's approval still does not count
    fake.addReview(REPO, AUTHORED, 'carol', 'APPROVED')
    expect(value(await client().jointApproval(AUTHORED, withBots))).toMatchObject({
      consumer: ['carol'],
      producer: ['bob'],
      approved: true,
      notCounted: [
        { login: 'Alice' },
        { login: 'deploy-bot[bot]' },
        { login: 'github-actions[bot]' },
        { login: 'renovate' }
      ]
    })
  })

  it('says why a stale, withdrawn or dismissed approval does not count', async () => {
    fake.addReview(REPO, PR, 'alice', 'APPROVED', OLD) // before the last push
    fake.addReview(REPO, PR, 'bob', 'APPROVED')
    fake.addReview(REPO, PR, 'bob', 'CHANGES_REQUESTED')
    fake.addReview(REPO, PR, 'erin', 'APPROVED').state = 'DISMISSED' // GitHub dismisses in place
    fake.addReview(REPO, PR, 'carol', 'COMMENTED')
    expect(value(await client().jointApproval(PR, owners))).toEqual({
      consumer: [],
      producer: [],
      headSha: HEAD,
      approved: false,
      notCounted: [
        {
          login: 'alice',
          kind: 'approval',
          reason:
            `it was given on commit ${OLD.slice(0, 12)}, not on the head commit ${HEAD.slice(0, 12)} ` +
            '(a later push; approve again)'
        },
        { login: 'bob', kind: 'approval', reason: 'they requested changes after approving' },
        { login: 'erin', kind: 'review', reason: 'it was dismissed' }
      ]
    })
    expect(hits('GET /orgs/{org}/teams/{team_slug}/members')).toHaveLength(0) // no approval counted
  })

  it('reads no team when nobody approved the head commit', async () => {
    const result = value(await client().jointApproval(PR, owners))
    expect(result.approved).toBe(false)
    expect(hits('GET /orgs/{org}/teams/{team_slug}/members')).toHaveLength(0)
  })

  it('says which team it could not read when the token may not read teams', async () => {
    const limited = 'ghs_LimitedToken00000000000000000000000'
    fake.addToken(limited, 'github-actions[bot]', { readOrg: false })
    fake.addReview(REPO, PR, 'alice', 'APPROVED')
    const result = failure(await client({ token: limited }).jointApproval(PR, owners))
    expect(result.reason).toBe('forbidden')
    expect(result.message).toContain('team acme/app-team')
    expect(result.message).not.toContain(limited)
  })

  it('rejects owners that are neither logins nor teams', async () => {
    const result = failure(await client().jointApproval(PR, { consumer: ['a/b/c'], producer: ['bob'] }))
    expect(result.reason).toBe('error')
    expect(result.message).toContain('"a/b/c"')
    expect(fake.requests).toHaveLength(0)
  })
})

describe('failures become results', () => {
  it('no token: says what could not be done, without a request', async () => {
    const sticky = failure(await client({ token: '' }).upsertStickyComment(PR, MARKER, 'body'))
    expect(sticky.reason).toBe('no-token')
    expect(sticky.message).toContain(`pull request #${PR} of ${REPO}`)
    expect(
      failure(await client({ token: undefined }).jointApproval(PR, { consumer: ['a'], producer: ['b'] }))
        .reason
    ).toBe('no-token')
    expect(fake.requests).toHaveLength(0)
  })

  it('403: a read-only token (a fork) cannot comment', async () => {
    const readOnly = 'ghs_ReadOnlyForkToken000000000000000000000'
    fake.addToken(readOnly, 'github-actions[bot]', { write: false })
    const result = failure(await client({ token: readOnly }).upsertStickyComment(PR, MARKER, 'body'))
    expect(result.reason).toBe('forbidden')
    expect(result.message).toContain('pull-requests: write')
    expect(result.message).toContain('Resource not accessible by integration')
    expect(result.message).not.toContain(readOnly)
    expect(fake.commentsOf(REPO, PR)).toHaveLength(0)
  })

  it('401: a bad token is reported as forbidden', async () => {
    const bad = 'ghp_NotAValidToken1234567890abcdefghijk'
    const result = failure(
      await client({ token: bad }).jointApproval(PR, { consumer: ['a'], producer: ['b'] })
    )
    expect(result.reason).toBe('forbidden')
    expect(result.message).toContain('Bad credentials')
    expect(result.message).not.toContain(bad)
  })

  it('404: an unknown pull request', async () => {
    const result = failure(await client().jointApproval(999, { consumer: ['a'], producer: ['b'] }))
    expect(result.reason).toBe('not-found')
    expect(result.message).toContain('#999')
    const sticky = failure(await client().upsertStickyComment(999, MARKER, 'body'))
    expect(sticky.reason).toBe('not-found')
  })

  it('500 then success: one retry, then the answer', async () => {
    fake.failNext(PULL_ROUTE, 500)
    fake.addReview(REPO, PR, 'alice', 'APPROVED')
    fake.addReview(REPO, PR, 'bob', 'APPROVED')
    const result = value(await client().jointApproval(PR, { consumer: ['alice'], producer: ['bob'] }))
    expect(result.approved).toBe(true)
    expect(hits(PULL_ROUTE).map((r) => r.status)).toEqual([500, 200])
    expect(backoffs).toEqual([10])
    expect(logs.filter((l) => l.includes(`/pulls/${PR} `))).toEqual([
      `github: GET /repos/${REPO}/pulls/${PR} -> 500; retrying once in 10 ms`,
      `github: GET /repos/${REPO}/pulls/${PR} -> 200 in 0 ms` // each attempt is timed on its own
    ])
  })

  it("a 5xx's Retry-After sets the one backoff, at most 5 s", async () => {
    const approvers = { consumer: ['alice'], producer: ['bob'] }
    fake.failNext(PULL_ROUTE, 503, 1, { headers: { 'retry-after': '3' } })
    value(await client().jointApproval(PR, approvers))
    fake.failNext(PULL_ROUTE, 502, 1, { headers: { 'retry-after': '60' } })
    value(await client().jointApproval(PR, approvers))
    expect(backoffs).toEqual([3_000, 5_000])
    expect(hits(PULL_ROUTE).map((r) => r.status)).toEqual([503, 200, 502, 200])
  })

  it('500 twice: reported after exactly one retry', async () => {
    fake.failNext(COMMENTS_ROUTE, 500, 10)
    const result = failure(await client().upsertStickyComment(PR, MARKER, 'body'))
    expect(result.reason).toBe('error')
    expect(result.message).toContain('500')
    expect(result.message).toContain('also on a retry')
    expect(hits(COMMENTS_ROUTE)).toHaveLength(2)
  })

  it('a POST answered 5xx is not sent again when a second would do it twice (found by review)', async () => {
    const post = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
    // GitHub may have posted the comment before it failed to answer: a retry would post a second
    fake.failNext(post, 502, 1)
    expect(failure(await client().upsertStickyComment(PR, MARKER, 'body')).reason).toBe('error')
    expect(hits(post)).toHaveLength(1)
    expect(backoffs).toEqual([])
  })

  it('a hang past the timeout is reported as a timeout, not retried', async () => {
    fake.hangNext(PULL_ROUTE)
    // the fake's clock runs the timeout out once the request is held: no real time passes
    const result = failure(
      await client({ timeoutMs: 300 }).jointApproval(PR, { consumer: ['a'], producer: ['b'] })
    )
    expect(result.reason).toBe('timeout')
    expect(result.message).toContain('300 ms')
    expect(hits(PULL_ROUTE)).toHaveLength(1)
    expect(backoffs).toEqual([])
    // the request is aborted: its connection closed, not left open to keep the process alive (found by review:
    // the action wrote its verdict and then ran until the job's timeout)
    await fake.heldClosed()
  })

  it('a dropped connection: a read is retried once, a comment is never posted twice', async () => {
    fake.dropNext(PULL_ROUTE)
    fake.addReview(REPO, PR, 'alice', 'APPROVED')
    fake.addReview(REPO, PR, 'bob', 'APPROVED')
    const gh = client()
    expect(value(await gh.jointApproval(PR, { consumer: ['alice'], producer: ['bob'] })).approved).toBe(true)
    expect(hits(PULL_ROUTE).map((r) => r.status)).toEqual([null, 200])

    const post = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
    fake.dropNext(post)
    const result = failure(await gh.upsertStickyComment(PR, MARKER, 'body'))
    expect(result.reason).toBe('unreachable')
    expect(hits(post)).toHaveLength(1)
  })

  it('rate limited: reported with the reset time, not retried', async () => {
    fake.failNext(PULL_ROUTE, 403, 1, {
      body: {
        message: 'API rate limit exceeded for installation ID 1.',
        documentation_url: 'https://docs.github.com'
      },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1900000000' }
    })
    const result = failure(await client().jointApproval(PR, { consumer: ['a'], producer: ['b'] }))
    expect(result.reason).toBe('rate-limited')
    expect(result.message).toContain(new Date(1_900_000_000_000).toISOString())
    expect(hits(PULL_ROUTE)).toHaveLength(1)
  })

  it('unreachable: a closed port', async () => {
    const closed = await startFakeGitHub()
    await closed.close()
    const result = failure(await client({ apiUrl: closed.url }).upsertStickyComment(PR, MARKER, 'body'))
    expect(result.reason).toBe('unreachable')
    expect(result.message).toContain(closed.url)
    expect(result.message).toContain('ECONNREFUSED')
  })

  it('honours GITHUB_API_URL when no apiUrl is given', async () => {
    const saved = process.env.GITHUB_API_URL
    process.env.GITHUB_API_URL = `${fake.url}/`
    try {
      const gh = client({ apiUrl: undefined })
      expect(gh.apiUrl).toBe(fake.url)
      expect(value(await gh.upsertStickyComment(PR, MARKER, 'body')).created).toBe(true)
    } finally {
      if (saved === undefined) delete process.env.GITHUB_API_URL
      else process.env.GITHUB_API_URL = saved
    }
  })
})
