// What the rollback action writes through the GitHub client (a commit on a branch, its pull request,
// the incident issue), against the fake GitHub REST server over real HTTP: nothing is mocked.
import { beforeEach, describe, expect, it } from '@jest/globals'
import type { FakeGitHub } from '../../__fixtures__/fake-github.js'
import {
  fitBody,
  GITHUB_COMMENT_LIMIT,
  renderStickyComment,
  STICKY_COMMENT_BUDGET,
  stickyMarker,
  type FileToCommit
} from '../../src/github/client.js'
import { fakeGitHubPerTest, value } from '../helpers/github-client.js'

const TOKEN = 'ghs_FakeInstallationToken0123456789abcdefXYZ'
const READ_ONLY = 'ghs_ReadOnlyToken000000000000000000000000'
const REPO = 'acme/app'
const BRANCH = 'baseline-gate/rollback-memorykernel'
const MARKER = 'rollback:memorykernel'
const LABEL = 'baseline-incident'
const BLOBS = 'POST /repos/{owner}/{repo}/git/blobs'
const REFS = 'POST /repos/{owner}/{repo}/git/refs'
const GET_REF = 'GET /repos/{owner}/{repo}/git/ref/{ref}'
const PATCH_REF = 'PATCH /repos/{owner}/{repo}/git/refs/{ref}'
const LIST_ISSUES = 'GET /repos/{owner}/{repo}/issues'

let fake: FakeGitHub
/** main as addRepo seeds it: the parent of every rollback commit here. */
let main: { sha: string; tree: string }
// an installation token like GITHUB_TOKEN, and a fork's read-only one; neither may reach a log or request log
const { logs, client, failure, hits } = fakeGitHubPerTest(
  [
    { token: TOKEN, login: 'github-actions[bot]' },
    { token: READ_ONLY, login: 'github-actions[bot]', write: false }
  ],
  (f) => {
    fake = f
    const commit = fake.commitAt(REPO, 'main')
    if (!commit) throw new Error('addRepo seeds main')
    main = { sha: commit.sha, tree: commit.tree }
  }
)

const writes = () => fake.requests.filter((r) => r.method !== 'GET')

const trio = (version: string): FileToCommit[] => [
  { path: 'config/pin.json', content: Buffer.from(`{"release_tag":"${version}"}\n`) },
  { path: 'contracts/manifest.json', content: Buffer.from(`{"version":"${version}"}\n`) },
  { path: 'docs/COMPATIBILITY_MATRIX.md', content: Buffer.from(`| ${version} | Approved |\n`) }
]

const commitInput = (version: string) => ({
  branch: BRANCH,
  parentSha: main.sha,
  baseTreeSha: main.tree,
  message: `Roll back memorykernel to ${version}`,
  files: trio(version)
})

describe('the fake git data API', () => {
  it('stores git objects like GitHub, reads refs plain or URL-encoded, and refuses a non-fast-forward', async () => {
    const headers = { authorization: `token ${TOKEN}`, 'content-type': 'application/json' }
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${fake.url}/repos/${REPO}${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body)
      })
      return { status: response.status, json: (await response.json()) as Record<string, unknown> }
    }

    const blob = await post('/git/blobs', { content: 'hello\n', encoding: 'utf-8' })
    expect(blob.status).toBe(201)
    expect(blob.json.sha).toBe('ce013625030ba8dba906f756967f9e9ca394464a') // git hash-object of "hello\n"
    const tree = await post('/git/trees', {
      base_tree: main.tree,
      tree: [{ path: 'a/hello.txt', mode: '100644', type: 'blob', sha: blob.json.sha }]
    })
    const commit = await post('/git/commits', { message: 'm', tree: tree.json.sha, parents: [main.sha] })
    expect(commit.status).toBe(201)
    const sha = commit.json.sha as string
    expect(await post('/git/refs', { ref: 'refs/heads/x/y', sha })).toMatchObject({ status: 201 })
    expect(await post('/git/refs', { ref: 'refs/heads/x/y', sha })).toMatchObject({
      status: 422,
      json: { message: 'Reference already exists' }
    })
    expect(fake.filesAt(REPO, 'x/y')).toEqual({ 'README.md': '# app\n', 'a/hello.txt': 'hello\n' })

    for (const ref of ['heads/x/y', 'heads%2Fx%2Fy']) {
      const read = await fetch(`${fake.url}/repos/${REPO}/git/ref/${ref}`, { headers })
      expect(await read.json()).toMatchObject({ ref: 'refs/heads/x/y', object: { sha } })
    }
    expect((await fetch(`${fake.url}/repos/${REPO}/git/ref/heads/nope`, { headers })).status).toBe(404)

    // main is not a descendant of the new commit: moving x/y back to it needs force
    const patch = (body: unknown) =>
      fetch(`${fake.url}/repos/${REPO}/git/refs/heads/x/y`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify(body)
      })
    expect(await (await patch({ sha: main.sha })).json()).toMatchObject({
      message: 'Update is not a fast forward'
    })
    expect((await patch({ sha: main.sha, force: true })).status).toBe(200)
    expect(fake.branches(REPO)).toEqual({ main: main.sha, 'x/y': main.sha })
  })
})

describe('commitToBranch', () => {
  describe('with the head the caller decided on (expectedSha): another run meanwhile wins, nothing is forced', () => {
    const COMMITS = 'POST /repos/{owner}/{repo}/git/commits'
    it('a branch created since it was read as absent is left as it is (found by review)', async () => {
      // the other run's branch appears between this run's read and its ref's creation
      fake.beforeNext(COMMITS, () => fake.addBranch(REPO, BRANCH, { 'other.txt': 'theirs\n' }, [main.sha]))
      const result = failure(await client().commitToBranch({ ...commitInput('v1.2.3'), expectedSha: null }))
      expect(result.reason).toBe('conflict')
      expect(result.message).toContain('the branch was created since this run read it (another run at once?)')
      expect(result.message).toContain('Run the workflow again')
      expect(fake.filesAt(REPO, BRANCH)).toMatchObject({ 'other.txt': 'theirs\n' })
      expect(hits(PATCH_REF)).toHaveLength(0)
    })

    it('a ref GitHub made before its answer was lost (5xx, then the retry\'s "already exists") is ours, no conflict', async () => {
      // GitHub creates the ref, then answers 502: the retry meets the ref it made ("already exists")
      const git = fake.state.repos[REPO]!.git
      const before = new Set(Object.keys(git.commits))
      fake.beforeNext(REFS, () => {
        const made = Object.keys(git.commits).find((sha) => !before.has(sha))!
        fake.pointBranch(REPO, BRANCH, made)
      })
      fake.failNext(REFS, 502, 1)
      const result = value(await client().commitToBranch({ ...commitInput('v1.2.3'), expectedSha: null }))
      expect(hits(REFS).map((r) => r.status)).toEqual([502, 422])
      expect(fake.branches(REPO)[BRANCH]).toBe(result.sha)
    })

    it('a branch moved since it was read is left as it is: read again before the move', async () => {
      const theirs = fake.addBranch(REPO, BRANCH, { 'first.txt': 'x\n' }, [main.sha])
      const gh = client()
      fake.beforeNext(COMMITS, () => fake.addBranch(REPO, BRANCH, { 'second.txt': 'y\n' }, [main.sha]))
      const result = failure(await gh.commitToBranch({ ...commitInput('v1.2.3'), expectedSha: theirs }))
      expect(result.reason).toBe('conflict')
      expect(result.message).toContain('the branch moved since this run read it')
      expect(fake.filesAt(REPO, BRANCH)).toMatchObject({ 'second.txt': 'y\n' })
      expect(hits(PATCH_REF)).toHaveLength(0)
      // as read, it is moved: from the head the caller decided on
      const now = fake.branches(REPO)[BRANCH]!
      expect(value(await gh.commitToBranch({ ...commitInput('v1.2.3'), expectedSha: now })).created).toBe(
        false
      )
      // and one that moved before anything was written: refused before any object is made
      const before = writes().length
      expect(failure(await gh.commitToBranch({ ...commitInput('v1.2.4'), expectedSha: now })).reason).toBe(
        'conflict'
      )
      expect(writes()).toHaveLength(before)
    })
  })

  it('a git object POST answered 5xx is sent again: named by its content, a second is the same object', async () => {
    fake.failNext(BLOBS, 502, 1)
    value(await client().commitToBranch(commitInput('v1.2.3')))
    expect(hits(BLOBS).map((r) => r.status)).toEqual([502, 201, 201, 201])
  })

  it('creates the branch with one commit, then a second run moves the same branch', async () => {
    const gh = client()
    const first = value(await gh.commitToBranch(commitInput('v1.2.3')))
    expect(first).toEqual({
      branch: BRANCH,
      sha: fake.branches(REPO)[BRANCH],
      url: `https://github.com/${REPO}/tree/${BRANCH}`,
      created: true
    })
    expect(fake.commitAt(REPO, BRANCH)).toMatchObject({
      message: 'Roll back memorykernel to v1.2.3',
      parents: [main.sha],
      login: 'github-actions[bot]'
    })
    expect(fake.filesAt(REPO, BRANCH)).toEqual({
      'README.md': '# app\n', // from the base tree
      'config/pin.json': '{"release_tag":"v1.2.3"}\n',
      'contracts/manifest.json': '{"version":"v1.2.3"}\n',
      'docs/COMPATIBILITY_MATRIX.md': '| v1.2.3 | Approved |\n'
    })
    expect(writes().map((r) => r.route)).toEqual([
      BLOBS,
      BLOBS,
      BLOBS,
      'POST /repos/{owner}/{repo}/git/trees',
      'POST /repos/{owner}/{repo}/git/commits',
      REFS
    ])

    // a re-run on the same parent: a new commit, and the same branch force-moved to it
    const before = fake.requests.length
    const second = value(await gh.commitToBranch(commitInput('v1.2.2')))
    expect(second.created).toBe(false)
    expect(second.sha).not.toBe(first.sha)
    expect(Object.keys(fake.branches(REPO))).toEqual([BRANCH, 'main'])
    expect(fake.branches(REPO)[BRANCH]).toBe(second.sha)
    expect(fake.commitAt(REPO, BRANCH)?.parents).toEqual([main.sha])
    expect(fake.fileAt(REPO, BRANCH, 'config/pin.json')).toBe('{"release_tag":"v1.2.2"}\n')
    expect(fake.branches(REPO).main).toBe(main.sha)
    const run = fake.requests.slice(before)
    expect(run.filter((r) => r.route === PATCH_REF).map((r) => r.body)).toEqual([
      { sha: second.sha, force: true }
    ])
    expect(run.map((r) => r.route)).not.toContain(REFS)
  })

  it('accepts a parent and base tree GitHub knows but the fake does not, and records them', async () => {
    const parentSha = 'f00d'.padEnd(40, '1')
    const baseTreeSha = 'beef'.padEnd(40, '2')
    value(await client().commitToBranch({ ...commitInput('v1.2.3'), parentSha, baseTreeSha }))
    expect(fake.state.repos[REPO]?.git.unknown).toEqual([baseTreeSha, parentSha])
    expect(Object.keys(fake.filesAt(REPO, BRANCH) ?? {})).toEqual([
      'config/pin.json',
      'contracts/manifest.json',
      'docs/COMPATIBILITY_MATRIX.md'
    ])
  })

  it('a branch created by a concurrent run after it was read is moved, not reported', async () => {
    fake.addBranch(REPO, BRANCH, { 'other.txt': 'x' }, [main.sha])
    fake.failNext(GET_REF, 404) // the read misses the branch
    const result = value(await client().commitToBranch(commitInput('v1.2.3')))
    expect(result.created).toBe(false)
    expect(hits(REFS).map((r) => r.status)).toEqual([422])
    expect(hits(PATCH_REF).map((r) => r.status)).toEqual([200])
    expect(fake.branches(REPO)[BRANCH]).toBe(result.sha)
  })

  it('never moves the default branch, and writes nothing when asked to', async () => {
    const result = failure(await client().commitToBranch({ ...commitInput('v1.2.3'), branch: 'main' }))
    expect(result.reason).toBe('error')
    expect(result.message).toContain('main is the default branch of acme/app')
    expect(writes()).toHaveLength(0)
    expect(fake.branches(REPO)).toEqual({ main: main.sha })
  })

  it('says which step failed and what was left behind', async () => {
    fake.failNext(REFS, 422, 1, { body: { message: 'Cannot create ref due to creations being restricted.' } })
    const moved = failure(await client().commitToBranch(commitInput('v1.2.3')))
    const commits = Object.values(fake.state.repos[REPO]?.git.commits ?? {}).filter((c) => c.sha !== main.sha)
    expect(commits).toHaveLength(1)
    expect(moved.reason).toBe('error')
    expect(moved.message).toContain(`created the commit ${commits[0]?.sha} but could not create the branch`)
    expect(moved.message).toContain('creations being restricted')
    expect(fake.branches(REPO)).toEqual({ main: main.sha })

    fake.failNext('POST /repos/{owner}/{repo}/git/trees', 500, 2)
    const tree = failure(await client().commitToBranch(commitInput('v1.2.3')))
    expect(tree.message).toContain('creating the tree failed; nothing was committed')
    expect(tree.message).toContain('also on a retry')
  })

  it('refuses bad input without a request', async () => {
    const bad: Parameters<ReturnType<typeof client>['commitToBranch']>[0][] = [
      { ...commitInput('v1'), branch: '' },
      { ...commitInput('v1'), branch: '-rollback' },
      { ...commitInput('v1'), branch: 'a..b' },
      { ...commitInput('v1'), branch: 'has space' },
      { ...commitInput('v1'), branch: 'tab\there' },
      { ...commitInput('v1'), branch: 'refs/heads/x' },
      { ...commitInput('v1'), branch: 'x.lock' },
      { ...commitInput('v1'), branch: 'a/.hidden' },
      { ...commitInput('v1'), branch: 'trailing/' },
      { ...commitInput('v1'), parentSha: 'abc123' },
      { ...commitInput('v1'), baseTreeSha: 'A'.repeat(40) },
      { ...commitInput('v1'), message: ' ' },
      { ...commitInput('v1'), files: [] },
      { ...commitInput('v1'), files: [{ path: '../outside.json', content: Buffer.from('x') }] },
      { ...commitInput('v1'), files: [{ path: '/abs.json', content: Buffer.from('x') }] },
      { ...commitInput('v1'), files: [{ path: 'win\\path.json', content: Buffer.from('x') }] },
      { ...commitInput('v1'), files: [{ path: '.git/config', content: Buffer.from('x') }] },
      { ...commitInput('v1'), files: [...trio('v1'), ...trio('v1')] }
    ]
    for (const input of bad) {
      const result = failure(await client().commitToBranch(input))
      expect(result.reason).toBe('error')
      expect(result.message).toMatch(/^Could not commit to the branch /)
    }
    expect(fake.requests).toHaveLength(0)
  })
})

describe('upsertPullRequest', () => {
  const pr = (body: string, title = 'Roll back memorykernel to v1.2.3') => ({
    head: BRANCH,
    base: 'main',
    title,
    body
  })
  const openFromBranch = () =>
    Object.values(fake.state.repos[REPO]?.pulls ?? {}).filter(
      (p) => p.state === 'open' && p.head.ref === BRANCH && p.base.ref === 'main'
    )

  beforeEach(() => {
    fake.addBranch(REPO, BRANCH, { 'config/pin.json': '{}' }, [main.sha])
  })

  it('opens the pull request once, then updates its title and body in place', async () => {
    const gh = client()
    const first = value(await gh.upsertPullRequest(pr('incident note 1')))
    expect(first).toEqual({
      number: first.number,
      url: `https://github.com/${REPO}/pull/${first.number}`,
      created: true,
      changed: true,
      truncated: false
    })
    const second = value(await gh.upsertPullRequest(pr('incident note 2', 'Roll back, again')))
    expect(second).toMatchObject({ number: first.number, created: false, changed: true })
    const third = value(await gh.upsertPullRequest(pr('incident note 2', 'Roll back, again')))
    expect(third).toMatchObject({ number: first.number, created: false, changed: false })
    expect(openFromBranch()).toHaveLength(1)
    expect(openFromBranch()[0]).toMatchObject({ title: 'Roll back, again', body: 'incident note 2' })

    // the same again changes nothing; the list asked GitHub for this head and base only
    const before = fake.requests.length
    value(await gh.upsertPullRequest(pr('incident note 2', 'Roll back, again')))
    const run = fake.requests.slice(before)
    expect(run.map((r) => r.method)).toEqual(['GET'])
    expect(run[0]?.query).toMatchObject({ state: 'open', head: `acme:${BRANCH}`, base: 'main' })
  })

  it('works with a pull request created via POST like any other (reviews, joint approval)', async () => {
    const created = value(await client().upsertPullRequest(pr('note')))
    fake.addReview(REPO, created.number, 'alice', 'APPROVED')
    fake.addReview(REPO, created.number, 'bob', 'APPROVED')
    const approval = value(
      await client().jointApproval(created.number, { consumer: ['alice'], producer: ['bob'] })
    )
    expect(approval).toMatchObject({ approved: true, headSha: fake.branches(REPO)[BRANCH] })
  })

  it("never edits a pull request a person opened from the gate's branch: refused, saying whose (found by review)", async () => {
    const theirs = fake.addPull(REPO, {
      headRef: BRANCH,
      baseRef: 'main',
      login: 'mallory',
      title: 'mallory: tweak',
      body: 'my change'
    })
    const result = failure(await client().upsertPullRequest(pr('incident note')))
    expect(result.message).toContain(`pull request #${theirs.number} from ${BRANCH} was opened by mallory`)
    expect(result.message).toContain('close it')
    expect([theirs.title, theirs.body]).toEqual(['mallory: tweak', 'my change'])
    expect(fake.requests.filter((r) => r.method === 'PATCH' || r.method === 'POST')).toEqual([])
  })

  it('ignores a closed pull request and one into another base', async () => {
    const closed = fake.addPull(REPO, { headRef: BRANCH, baseRef: 'main' })
    closed.state = 'closed'
    fake.addBranch(REPO, 'release', { 'x.txt': 'x' })
    const other = fake.addPull(REPO, { headRef: BRANCH, baseRef: 'release' })
    const result = value(await client().upsertPullRequest(pr('note')))
    expect(result.created).toBe(true)
    expect([closed.number, other.number]).not.toContain(result.number)
    expect(closed.body).toBe('')
    expect(other.body).toBe('')
  })

  it('truncates a body to stay under 65,536 characters and says so', async () => {
    const body = '## Incident\n```text\n' + 'step failed: consumer test exited 1\n'.repeat(2_500) + '```\n'
    expect(body.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT)
    const result = value(await client().upsertPullRequest(pr(body)))
    expect(result.truncated).toBe(true)
    const stored = openFromBranch()[0]?.body ?? ''
    expect(stored.length).toBeLessThan(GITHUB_COMMENT_LIMIT)
    expect(stored.startsWith('## Incident\n')).toBe(true)
    expect(stored).toContain('Truncated by baseline-gate')
    expect(stored).toContain("GitHub's limit of 65,536 characters per pull request body")
    expect(stored.split('\n').filter((l) => l.startsWith('```'))).toHaveLength(2)
  })

  it('"GitHub Actions is not permitted to create pull requests": names the setting to enable', async () => {
    const repo = fake.state.repos[REPO]
    if (repo) repo.actionsCanCreatePullRequests = false
    const result = failure(await client().upsertPullRequest(pr('note')))
    expect(result.reason).toBe('forbidden')
    expect(result.message).toContain('GitHub Actions is not permitted to create or approve pull requests')
    expect(result.message).toContain('Settings > Actions > General')
    expect(result.message).toContain('pass another token')
    expect(openFromBranch()).toHaveLength(0)
  })

  it('a head branch that does not exist: GitHub says so', async () => {
    const result = failure(await client().upsertPullRequest({ ...pr('note'), head: 'no-such-branch' }))
    expect(result.reason).toBe('error')
    expect(result.message).toContain('422 Validation Failed')
    expect(result.message).toContain('no-such-branch')
  })

  it('refuses bad branch names and an empty title without a request', async () => {
    for (const input of [
      { ...pr('x'), head: '-x' },
      { ...pr('x'), base: 'a b' },
      { ...pr('x'), head: 'main' },
      { ...pr('x'), title: '' }
    ]) {
      expect(failure(await client().upsertPullRequest(input)).reason).toBe('error')
    }
    expect(fake.requests).toHaveLength(0)
  })
})

describe('upsertIssue', () => {
  const issue = (body: string, title = 'Incident: memorykernel rolled back') => ({
    marker: MARKER,
    label: LABEL,
    title,
    body
  })
  const ours = () =>
    Object.values(fake.state.repos[REPO]?.issues ?? {}).filter((i) => i.body.startsWith(stickyMarker(MARKER)))

  it('opens the incident issue once, then finds it past the first page and updates it in place', async () => {
    // 120 issues with the label and no marker (one quoting it mid-body), and a pull request with both
    for (let i = 0; i < 120; i++) {
      fake.addIssue(REPO, {
        labels: [LABEL],
        body: i === 7 ? `see ${stickyMarker(MARKER)} below` : `incident chatter ${i}`
      })
    }
    const pull = fake.addPull(REPO, { labels: [LABEL], body: `${stickyMarker(MARKER)}\nnot an issue` })
    const unlabelled = fake.addIssue(REPO, { body: `${stickyMarker(MARKER)}\nno label` })
    const closed = fake.addIssue(REPO, {
      labels: [LABEL],
      state: 'closed',
      body: `${stickyMarker(MARKER)}\nold`
    })
    const gh = client()

    const first = value(await gh.upsertIssue(issue('rolled back to v1.2.2')))
    expect(first).toEqual({
      number: first.number,
      url: `https://github.com/${REPO}/issues/${first.number}`,
      created: true,
      truncated: false
    })
    expect(fake.state.repos[REPO]?.issues[first.number]).toMatchObject({
      labels: [LABEL],
      state: 'open',
      body: `${stickyMarker(MARKER)}\nrolled back to v1.2.2`
    })
    for (let i = 0; i < 5; i++) fake.addIssue(REPO, { labels: [LABEL], body: `more ${i}` })

    const before = fake.requests.length
    const second = value(await gh.upsertIssue(issue('rolled back to v1.2.1', 'Incident, updated')))
    expect(second).toMatchObject({ number: first.number, created: false })
    const run = fake.requests.slice(before)
    expect(run.filter((r) => r.route === LIST_ISSUES).map((r) => r.query.page ?? '1')).toEqual(['1', '2'])
    expect(run.filter((r) => r.route === LIST_ISSUES)[0]?.query).toMatchObject({
      labels: LABEL,
      state: 'open'
    })
    expect(run.map((r) => r.method)).not.toContain('POST')

    // exactly one open issue of ours; nothing else was touched
    expect(ours().filter((i) => i.state === 'open' && i.labels.includes(LABEL))).toHaveLength(1)
    expect(fake.state.repos[REPO]?.issues[first.number]).toMatchObject({
      title: 'Incident, updated',
      body: `${stickyMarker(MARKER)}\nrolled back to v1.2.1`
    })
    expect(pull.body).toBe(`${stickyMarker(MARKER)}\nnot an issue`)
    expect(unlabelled.body).toBe(`${stickyMarker(MARKER)}\nno label`)
    expect(closed).toMatchObject({ state: 'closed', body: `${stickyMarker(MARKER)}\nold` })
    const patched = fake.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)
    expect(patched).toEqual([`/repos/${REPO}/issues/${first.number}`])

    // the same again changes nothing
    const again = fake.requests.length
    value(await gh.upsertIssue(issue('rolled back to v1.2.1', 'Incident, updated')))
    expect(fake.requests.slice(again).map((r) => r.method)).toEqual(['GET', 'GET'])
  })

  it('keeps the marker first and truncates a long body under the limit', async () => {
    const body = 'incident line\n'.repeat(6_000)
    const result = value(await client().upsertIssue(issue(body)))
    expect(result.truncated).toBe(true)
    const stored = ours()[0]?.body ?? ''
    expect(stored.startsWith(`${stickyMarker(MARKER)}\nincident line\n`)).toBe(true)
    expect(stored.length).toBeLessThan(GITHUB_COMMENT_LIMIT)
    expect(stored).toContain('per issue body')
  })

  it('refuses a bad marker or label without a request', async () => {
    for (const input of [
      { ...issue('x'), marker: 'x --> <b>' },
      { ...issue('x'), label: 'a,b' },
      { ...issue('x'), label: '' },
      { ...issue('x'), label: 'l'.repeat(51) },
      { ...issue('x'), title: ' ' }
    ]) {
      expect(failure(await client().upsertIssue(input)).reason).toBe('error')
    }
    expect(fake.requests).toHaveLength(0)
  })
})

describe('tokens and permissions', () => {
  it('no token: each method says what could not be done and which permission it needs, without a request', async () => {
    const gh = client({ token: '' })
    const commit = failure(await gh.commitToBranch(commitInput('v1')))
    const pull = failure(await gh.upsertPullRequest({ head: BRANCH, base: 'main', title: 't', body: 'b' }))
    const opened = failure(await gh.upsertIssue({ marker: MARKER, label: LABEL, title: 't', body: 'b' }))
    expect([commit.reason, pull.reason, opened.reason]).toEqual(['no-token', 'no-token', 'no-token'])
    expect(commit.message).toContain('`contents: write`')
    expect(pull.message).toContain('`pull-requests: write`')
    expect(opened.message).toContain('`issues: write`')
    expect(fake.requests).toHaveLength(0)
  })

  it('a read-only token: forbidden, naming the permission, and nothing is written', async () => {
    fake.addBranch(REPO, BRANCH, { 'config/pin.json': '{}' }, [main.sha])
    const gh = client({ token: READ_ONLY })
    const commit = failure(await gh.commitToBranch(commitInput('v1')))
    expect(commit.reason).toBe('forbidden')
    expect(commit.message).toContain('Grant it `contents: write`')
    expect(commit.message).toContain('nothing was committed')
    expect(commit.message).toContain('Resource not accessible by integration')

    const pull = failure(await gh.upsertPullRequest({ head: BRANCH, base: 'main', title: 't', body: 'b' }))
    expect(pull.reason).toBe('forbidden')
    expect(pull.message).toContain('Grant it `pull-requests: write`')

    const opened = failure(await gh.upsertIssue({ marker: MARKER, label: LABEL, title: 't', body: 'b' }))
    expect(opened.reason).toBe('forbidden')
    expect(opened.message).toContain('Grant it `issues: write`')

    expect(writes().map((r) => r.status)).toEqual([403, 403, 403])
    expect(Object.keys(fake.state.repos[REPO]?.pulls ?? {})).toHaveLength(0)
    expect(Object.keys(fake.state.repos[REPO]?.issues ?? {})).toHaveLength(0)
  })

  it('a bad token is reported as forbidden, without the token', async () => {
    const bad = 'ghp_NotAValidToken1234567890abcdefghijk'
    const result = failure(await client({ token: bad }).commitToBranch(commitInput('v1')))
    expect(result.reason).toBe('forbidden')
    expect(result.message).toContain('Bad credentials')
    expect(result.message).not.toContain(bad)
    expect(logs.join('\n')).not.toContain(bad)
  })
})

describe('fitBody', () => {
  it('leaves a body that fits alone, and says what GitHub limits when it cuts', () => {
    expect(fitBody('short')).toEqual({ text: 'short', truncated: false })
    const { text, truncated } = fitBody('line\n'.repeat(20_000), 10_000, 'issue body')
    expect(truncated).toBe(true)
    expect(text.length).toBeLessThanOrEqual(10_000)
    expect(text).toContain('characters per issue body.')
    // the shown count is what was kept
    const shown = /\*\*Truncated by baseline-gate:\*\* ([\d,]+) of 100,000/.exec(text)?.[1]
    expect(Number(shown?.replace(/,/g, ''))).toBe(text.indexOf('\n\n---\n'))
  })

  it('is the cut renderStickyComment makes after its marker line', () => {
    const body = 'x'.repeat(70_000)
    const head = `${stickyMarker(MARKER)}\n`
    expect(renderStickyComment(MARKER, body)).toEqual({
      text: head + fitBody(body, STICKY_COMMENT_BUDGET - head.length).text,
      truncated: true
    })
  })
})
