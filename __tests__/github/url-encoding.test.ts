// Every ref, branch, tag and file path the client puts into a URL is encoded exactly once (issue 13: a
// `heads%252F` was seen in a rollback request). Asserted on the raw request line the fake GitHub server
// received, before any decoding: slashes stay literal as GitHub documents them (git/ref/heads/a/b,
// contents/docs/x.md), every other reserved character is one %XX, and a name that arrives already
// encoded is refused before any request.
import { describe, expect, it } from '@jest/globals'
import type { FakeGitHub } from '../../__fixtures__/fake-github.js'
import { fakeGitHubPerTest, value } from '../helpers/github-client.js'

const TOKEN = 'ghs_FakeInstallationToken0123456789abcdefXYZ'
const REPO = 'acme/app'
const ROLLBACK = 'baseline-gate/rollback-memorykernel'

let fake: FakeGitHub
let main: { sha: string; tree: string }
const { logs, client, failure } = fakeGitHubPerTest([{ token: TOKEN, login: 'github-actions[bot]' }], (f) => {
  fake = f
  const commit = fake.commitAt(REPO, 'main')
  if (!commit) throw new Error('addRepo seeds main')
  main = { sha: commit.sha, tree: commit.tree }
})

const commitTo = (branch: string) => ({
  branch,
  parentSha: main.sha,
  baseTreeSha: main.tree,
  message: 'Roll back memorykernel',
  files: [{ path: 'config/pin.json', content: Buffer.from('{}\n') }]
})

/** "METHOD raw-path" of every request since `from` whose path concerns refs. */
const refRequests = (from = 0) =>
  fake.requests
    .slice(from)
    .filter((r) => r.rawPath.includes('/git/ref'))
    .map((r) => `${r.method} ${r.rawPath}`)

describe('refs in URLs are encoded once', () => {
  it('a rollback branch with slashes: literal slashes in GET and PATCH, the plain name in the POST body', async () => {
    const gh = client()
    const first = value(await gh.commitToBranch(commitTo(ROLLBACK)))
    expect(first.created).toBe(true)
    expect(refRequests()).toEqual([
      'GET /repos/acme/app/git/ref/heads/baseline-gate/rollback-memorykernel',
      'POST /repos/acme/app/git/refs'
    ])
    const created = fake.requests.find((r) => r.method === 'POST' && r.rawPath.endsWith('/git/refs'))
    expect(created?.body).toMatchObject({ ref: 'refs/heads/baseline-gate/rollback-memorykernel' })

    // a re-run finds the branch and force-moves it
    const before = fake.requests.length
    const second = value(await gh.commitToBranch(commitTo(ROLLBACK)))
    expect(second.created).toBe(false)
    expect(refRequests(before)).toEqual([
      'GET /repos/acme/app/git/ref/heads/baseline-gate/rollback-memorykernel',
      'PATCH /repos/acme/app/git/refs/heads/baseline-gate/rollback-memorykernel'
    ])
    expect(fake.branches(REPO)).toEqual({ main: main.sha, [ROLLBACK]: second.sha })

    // nothing was encoded twice, on the wire or in the client's own log lines
    for (const r of fake.requests) expect(`${r.rawPath}?${r.rawQuery}`).not.toMatch(/%25/)
    expect(logs.join('\n')).not.toMatch(/%25/)
    expect(logs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^github: PATCH \/repos\/acme\/app\/git\/refs\/heads\/baseline-gate\/rollback-memorykernel -> 200 /
        )
      ])
    )
  })

  it.each([
    // [branch, its raw ref path]: one %XX per reserved character, slashes literal, a literal % becomes %25 once
    ['rollback/a+b#c&d=e', 'heads/rollback/a%2Bb%23c%26d%3De'],
    ["ops/!quote'(x)", 'heads/ops/%21quote%27%28x%29'],
    ['team/über,$;@x', 'heads/team/%C3%BCber%2C%24%3B%40x'],
    ['fix/100%-done', 'heads/fix/100%25-done']
  ])('branch %j goes out as git/ref/%s and round-trips', async (branch, raw) => {
    const gh = client()
    const first = value(await gh.commitToBranch(commitTo(branch)))
    const second = value(await gh.commitToBranch(commitTo(branch)))
    expect(refRequests()).toEqual([
      `GET /repos/acme/app/git/ref/${raw}`,
      'POST /repos/acme/app/git/refs',
      `GET /repos/acme/app/git/ref/${raw}`,
      `PATCH /repos/acme/app/git/refs/${raw}`
    ])
    // the fake decodes once, like GitHub: the branch it holds is the name as given
    expect(fake.branches(REPO)).toEqual({ main: main.sha, [branch]: second.sha })
    expect([first.created, second.created]).toEqual([true, false])
  })

  it('refuses a name that is already URL-encoded, without a request', async () => {
    const gh = client()
    const branch = failure(await gh.commitToBranch(commitTo('baseline-gate%2Frollback-memorykernel')))
    expect(branch.message).toContain('looks URL-encoded')
    const file = failure(await gh.fileAtRef('config%2Fpin.json', 'main'))
    expect(file.message).toContain('looks URL-encoded')
    const tag = failure(await gh.resolveTag('v1%2E2'))
    expect(tag.message).toContain('looks URL-encoded')
    expect(fake.requests).toHaveLength(0)
  })

  it('a double-encoded ref names another ref: the fake, like GitHub, decodes a path once', async () => {
    const headers = { authorization: `token ${TOKEN}` }
    const at = (ref: string) => fetch(`${fake.url}/repos/${REPO}/git/ref/${ref}`, { headers })
    value(await client().commitToBranch(commitTo('x/y')))
    expect((await at('heads/x/y')).status).toBe(200)
    expect((await at('heads%2Fx%2Fy')).status).toBe(200)
    expect((await at('heads%252Fx%252Fy')).status).toBe(404)
    expect(fake.requests.at(-1)?.rawPath).toBe('/repos/acme/app/git/ref/heads%252Fx%252Fy')
  })
})

describe('paths, tags and ranges in URLs are encoded once', () => {
  it('fileAtRef: each path segment encoded, the ref in the query encoded once', async () => {
    const path = 'docs/a b/c#1+(x).md'
    fake.addBranch(REPO, 'feature/x+y', { [path]: 'hello\n' })
    const bytes = value(await client().fileAtRef(path, 'feature/x+y'))
    expect(bytes.toString('utf8')).toBe('hello\n')
    const read = fake.requests.find((r) => r.rawPath.includes('/contents/'))
    expect(read?.rawPath).toBe('/repos/acme/app/contents/docs/a%20b/c%231%2B%28x%29.md')
    expect(read?.rawQuery).toBe('ref=feature%2Fx%2By')
    expect(read?.query.ref).toBe('feature/x+y')
  })

  it('resolveTag and isAncestor: git/ref/tags/<tag> and compare/<base>...<head>, slashes literal', async () => {
    const sha = fake.addBranch(REPO, 'release/1.x', { 'a.txt': 'a\n' }, [main.sha])
    fake.addTag(REPO, 'v1.2.3', sha)
    const gh = client()
    expect(value(await gh.resolveTag('v1.2.3'))).toMatchObject({ exists: true, commitSha: sha })
    expect(value(await gh.isAncestor('main', 'release/1.x'))).toMatchObject({
      status: 'ahead',
      descends: true
    })
    expect(fake.requests.map((r) => `${r.method} ${r.rawPath}`)).toEqual([
      'GET /repos/acme/app/git/ref/tags/v1.2.3',
      'GET /repos/acme/app/compare/main...release/1.x'
    ])
  })

  it('upsertPullRequest: the head and base branches travel in the query, encoded once', async () => {
    fake.addBranch(REPO, ROLLBACK, { 'a.txt': 'a\n' }, [main.sha])
    value(await client().upsertPullRequest({ head: ROLLBACK, base: 'main', title: 'Roll back', body: 'b' }))
    const list = fake.requests.find((r) => r.method === 'GET' && r.rawPath === '/repos/acme/app/pulls')
    expect(list?.rawQuery).toContain('head=acme%3Abaseline-gate%2Frollback-memorykernel')
    expect(list?.query.head).toBe(`acme:${ROLLBACK}`)
    expect(fake.state.repos[REPO]?.pulls[1]?.head.ref).toBe(ROLLBACK)
  })
})
