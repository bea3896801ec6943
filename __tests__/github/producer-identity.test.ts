// The remote producer identity check (issue 6 item 2; reference/original-system.md §1.4.3 and §7.2 item 10)
// against the fake GitHub REST server over real HTTP: the client's reads of another repository, the BG311-BG314
// findings, health --remote, and the failures that must never read as a pass.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { startFakeGitHub, type FakeGitHub } from '../../__fixtures__/fake-github.js'
import { createGitHubClient } from '../../src/github/client.js'
import type { GitHubClientOptions } from '../../src/github/client.js'
import { createRepositoryReader } from '../../src/github/repository-reader.js'
import { createEvidenceStore } from '../../src/fs/evidence-store.js'
import { producerReader } from '../../src/actions/shared/github.js'
import { InputError, readHealthInputs } from '../../src/actions/shared/inputs.js'
import { runMain } from '../helpers/cli-in-process.js'
import { runHealth } from '../../src/operations/health.js'
import { checkProducerIdentity, parseRepositoryUrl } from '../../src/operations/producer-identity.js'
import { loadPolicy, selectBaselines } from '../../src/policy/load.js'
import type { Finding } from '../../src/rules/finding.js'
import { loadTrio } from '../../src/trio/load.js'
import {
  cleanupFixtures,
  EMBEDDED,
  MIRROR,
  NOW,
  PIN,
  tempDir,
  trioFixture,
  type Fixture
} from '../helpers/fixture.js'
import { fakeClock, value } from '../helpers/github-client.js'

const TOKEN = 'ghp_ProducerReadToken0123456789abcdefXYZ'
const PRODUCER = 'baseline-gate/memorykernel' // the pin's memorykernel_repo
const MANIFEST_PATH = 'contracts/integration/v1/producer-contract-manifest.json' // the policy's producer.manifest
const TAG = EMBEDDED.tag // the pinned release
const REF_ROUTE = 'GET /repos/{owner}/{repo}/git/ref/{ref}'
const COMPARE_ROUTE = 'GET /repos/{owner}/{repo}/compare/{basehead}'
const CONTENTS_ROUTE = 'GET /repos/{owner}/{repo}/contents/{path}'
const IDENTITY_RULES = ['BG311', 'BG312', 'BG313', 'BG314']

let fake: FakeGitHub
let fx: Fixture
let mirror: string
/** The producer's history: initial -> before -> pinned (runtime code) -> published (the manifest commit). */
let history: { initial: string; before: string; pinned: string; published: string; unrelated: string }

const options = (overrides: Partial<GitHubClientOptions> = {}) => ({
  token: TOKEN,
  apiUrl: fake.url,
  timeoutMs: 2_000,
  retryDelayMs: 10,
  sleep: fakeClock(() => fake).sleep,
  ...overrides
})
const reader = (overrides: Partial<GitHubClientOptions> = {}) => createRepositoryReader(options(overrides))
const producerClient = (overrides: Partial<GitHubClientOptions> = {}) =>
  createGitHubClient({ ...options(overrides), repository: { owner: 'baseline-gate', repo: 'memorykernel' } })

/** The BG311-BG314 findings of the fixture's trio against the fake. */
async function identityFindings(overrides: Partial<GitHubClientOptions> = {}): Promise<Finding[]> {
  const policy = loadPolicy({ root: fx.root, cwd: fx.root })
  const [baseline] = selectBaselines(policy, undefined)
  const findings = await checkProducerIdentity(loadTrio(fx.root, baseline!), baseline!, reader(overrides))
  // the token never reaches a finding
  expect(JSON.stringify(findings)).not.toContain(TOKEN)
  return findings
}
const rules = (findings: Finding[]) => findings.map((f) => f.rule)
const pinCommit = (sha: string) =>
  fx.editJson(PIN, (pin) => {
    pin.commit_sha = sha
  })

beforeEach(async () => {
  fake = await startFakeGitHub()
  fake.addToken(TOKEN, 'release-reader')
  fake.addRepo(PRODUCER)
  fx = trioFixture()
  mirror = fx.read(MIRROR)
  const initial = fake.commitAt(PRODUCER, 'main')!.sha
  const before = fake.addBranch(PRODUCER, 'main', { [MANIFEST_PATH]: mirror }, [initial])
  // the runtime commit carries an unfinished manifest: it cannot hold its own commit sha (§1.4.3)
  const pinned = fake.addBranch(PRODUCER, 'main', { [MANIFEST_PATH]: `${mirror.trim()} \n` }, [before])
  const published = fake.addBranch(PRODUCER, 'main', { [MANIFEST_PATH]: mirror }, [pinned])
  const unrelated = fake.addBranch(PRODUCER, 'docs', { [MANIFEST_PATH]: mirror }, [initial])
  history = { initial, before, pinned, published, unrelated }
  pinCommit(pinned)
})

afterEach(async () => {
  expect(JSON.stringify(fake.requests)).not.toContain(TOKEN)
  await fake.close()
})

afterAll(() => cleanupFixtures())

describe('the client reads another repository', () => {
  it('resolves lightweight and annotated tags to their commit; a missing tag is { exists: false }', async () => {
    fake.addTag(PRODUCER, 'light', history.pinned)
    const tagObject = fake.addTag(PRODUCER, TAG, history.published, { annotated: true })
    expect(tagObject).not.toBe(history.published)
    const gh = producerClient()
    expect(value(await gh.resolveTag('light'))).toEqual({
      exists: true,
      tag: 'light',
      commitSha: history.pinned,
      annotated: false
    })
    expect(value(await gh.resolveTag(TAG))).toEqual({
      exists: true,
      tag: TAG,
      commitSha: history.published,
      annotated: true
    })
    expect(value(await gh.resolveTag('v9.9.9'))).toEqual({ exists: false, tag: 'v9.9.9' })
  })

  it('a repository the token cannot see is not-found, not a missing tag', async () => {
    const gh = createGitHubClient({ ...options(), repository: { owner: 'baseline-gate', repo: 'private' } })
    const result = await gh.resolveTag(TAG)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toBe('not-found')
  })

  it('fileAtRef returns the exact bytes (base64 JSON; the blob API over 1 MB); 404 is not-found', async () => {
    const gh = producerClient()
    expect(value(await gh.fileAtRef(MANIFEST_PATH, history.published)).toString('utf8')).toBe(mirror)
    const big = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.alloc(1_500_000, 'a')]).toString(
      'latin1'
    )
    const sha = fake.addBranch(PRODUCER, 'big', { 'big.txt': big })
    const bytes = value(await gh.fileAtRef('big.txt', sha))
    expect(bytes.equals(Buffer.from(big, 'utf8'))).toBe(true)
    expect(fake.requests.some((r) => r.route === 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}')).toBe(true)
    const missing = await gh.fileAtRef('nope.json', history.published)
    expect(missing.ok).toBe(false)
    if (!missing.ok) expect(missing.reason).toBe('not-found')
  })

  it('isAncestor: identical and ahead descend, behind and diverged do not', async () => {
    const gh = producerClient()
    const status = async (base: string, head: string) => value(await gh.isAncestor(base, head))
    expect(await status(history.pinned, history.pinned)).toMatchObject({
      status: 'identical',
      descends: true
    })
    expect(await status(history.pinned, history.published)).toMatchObject({
      status: 'ahead',
      descends: true,
      aheadBy: 1
    })
    expect(await status(history.pinned, history.before)).toMatchObject({ status: 'behind', descends: false })
    expect(await status(history.pinned, history.unrelated)).toMatchObject({
      status: 'diverged',
      descends: false
    })
  })

  it('commitAtRef: a commit, its parents and the paths it changed; a ref that names no commit is null', async () => {
    const gh = producerClient()
    expect(value(await gh.commitAtRef(history.pinned))).toEqual({
      sha: history.pinned,
      parents: [history.before],
      changed: [MANIFEST_PATH]
    })
    // by branch name; the seeded tree replaces the initial README: both paths changed
    expect(value(await gh.commitAtRef('docs'))).toEqual({
      sha: history.unrelated,
      parents: [history.initial],
      changed: ['README.md', MANIFEST_PATH]
    })
    expect(value(await gh.commitAtRef('no-such-branch'))).toBeNull()
    expect((await gh.commitAtRef('-x')).ok).toBe(false)
  })

  it('parses the producer repository from the pin URL (GitHub and GitHub Enterprise)', () => {
    expect(parseRepositoryUrl('https://github.com/baseline-gate/memorykernel')).toEqual({
      owner: 'baseline-gate',
      repo: 'memorykernel'
    })
    expect(parseRepositoryUrl('https://ghe.example.com/platform/memorykernel.git/')).toEqual({
      owner: 'platform',
      repo: 'memorykernel'
    })
    for (const bad of [
      'git@github.com:a/b.git',
      'https://github.com/a',
      'https://github.com/a/b/tree/main',
      'x'
    ])
      expect(parseRepositoryUrl(bad)).toBeNull()
  })
})

describe('producer identity findings', () => {
  it('a tag on a descendant of the pinned commit, with the pinned manifest bytes: no finding', async () => {
    fake.addTag(PRODUCER, TAG, history.published, { annotated: true })
    expect(await identityFindings()).toEqual([])
  })

  it('a tag on the pinned commit itself (identical): no finding', async () => {
    pinCommit(history.published)
    fake.addTag(PRODUCER, TAG, history.published)
    expect(await identityFindings()).toEqual([])
  })

  it('a tag that points elsewhere (a diverged history): BG312 on the pin commit_sha', async () => {
    fake.addTag(PRODUCER, TAG, history.unrelated, { annotated: true })
    const findings = await identityFindings()
    expect(rules(findings)).toEqual(['BG312'])
    const [f] = findings
    expect(f!.message).toContain('the tag points elsewhere')
    expect(f!.message).toContain(history.unrelated)
    expect(f!.message).toContain(history.pinned)
    expect(f!.message).toContain('diverged')
    expect(f).toMatchObject({ file: PIN, severity: 'error', line: fx.lineOf(PIN, '"commit_sha"') })
  })

  it('a tag on an ancestor of the pinned commit (behind): BG312', async () => {
    fake.addTag(PRODUCER, TAG, history.before)
    const findings = await identityFindings()
    expect(rules(findings)).toEqual(['BG312'])
    expect(findings[0]!.message).toContain('an ancestor of the pinned commit')
  })

  it('a pinned commit the producer repository does not have: BG312', async () => {
    pinCommit('f'.repeat(40))
    fake.addTag(PRODUCER, TAG, history.published)
    expect(rules(await identityFindings())).toEqual(['BG312'])
  })

  it('a manifest whose bytes differ at the tag: BG311 naming both digests', async () => {
    fake.addTag(PRODUCER, TAG, history.pinned) // identical commit, unfinished manifest
    pinCommit(history.pinned)
    const findings = await identityFindings()
    expect(rules(findings)).toEqual(['BG311'])
    const expected = createHash('sha256').update(mirror).digest('hex')
    const actual = createHash('sha256').update(`${mirror.trim()} \n`).digest('hex')
    expect(findings[0]!.message).toContain(expected)
    expect(findings[0]!.message).toContain(actual)
    expect(findings[0]!.line).toBe(fx.lineOf(PIN, '"expected_producer_manifest_sha256"'))
  })

  it('no manifest at the tag: BG311', async () => {
    fake.addTag(PRODUCER, TAG, history.initial)
    pinCommit(history.initial)
    const findings = await identityFindings()
    expect(rules(findings)).toEqual(['BG311'])
    expect(findings[0]!.message).toContain('does not exist')
  })

  it('a tag that does not exist: BG313, and nothing else is read', async () => {
    const findings = await identityFindings()
    expect(rules(findings)).toEqual(['BG313'])
    expect(findings[0]!.message).toContain(`${TAG} does not exist in the producer repository ${PRODUCER}`)
    expect(fake.requests.filter((r) => r.route === COMPARE_ROUTE || r.route === CONTENTS_ROUTE)).toEqual([])
  })

  it('an unreachable API (closed port): BG314 "could not verify", never a pass', async () => {
    const closed = await startFakeGitHub()
    await closed.close()
    const findings = await identityFindings({ apiUrl: closed.url })
    expect(rules(findings)).toEqual(['BG314'])
    expect(findings[0]!.severity).toBe('error')
    expect(findings[0]!.message).toContain('could not verify the producer identity')
    expect(findings[0]!.message).toContain('ECONNREFUSED')
    expect(findings[0]!.message).toContain('GITHUB_API_URL')
  })

  it('403 (a token that cannot read the producer repository): BG314 saying what to grant, no further reads', async () => {
    fake.addTag(PRODUCER, TAG, history.published)
    fake.failNext(REF_ROUTE, 403)
    const findings = await identityFindings()
    expect(new Set(rules(findings))).toEqual(new Set(['BG314']))
    expect(findings[0]!.message).toContain('403')
    expect(findings[0]!.message).toContain('contents: read')
    expect(fake.requests.filter((r) => r.route === REF_ROUTE)).toHaveLength(1)
    expect(fake.requests.filter((r) => r.route === COMPARE_ROUTE || r.route === CONTENTS_ROUTE)).toEqual([])
  })

  it('a private repository the token cannot see (404): BG314, not "tag missing"', async () => {
    fx.editJson(PIN, (pin) => {
      pin.memorykernel_repo = 'https://github.com/baseline-gate/private-producer'
    })
    expect(new Set(rules(await identityFindings()))).toEqual(new Set(['BG314']))
  })

  it("a timeout uses the client's timeout: BG314, the hung read is not retried and stops the rest", async () => {
    fake.addTag(PRODUCER, TAG, history.published)
    fake.hangNext(COMPARE_ROUTE, 5)
    // the fake's clock runs the timeout out once the compare is held: no real time passes
    const findings = await identityFindings({ timeoutMs: 300 })
    expect(rules(findings)).toEqual(['BG314', 'BG314'])
    expect(findings.map((f) => f.message).join('\n')).toContain('did not answer within 300 ms')
    expect(fake.requests.filter((r) => r.route === COMPARE_ROUTE)).toHaveLength(1)
    expect(fake.requests.filter((r) => r.route === CONTENTS_ROUTE)).toEqual([])
  })

  it('a pin URL that names no repository: BG314 before any request', async () => {
    fx.editJson(PIN, (pin) => {
      pin.memorykernel_repo = 'https://github.com/baseline-gate'
    })
    const findings = await identityFindings()
    expect(rules(findings)).toEqual(['BG314'])
    expect(fake.requests).toEqual([])
  })
})

describe('health with the remote identity check', () => {
  async function remoteHealth(remote: ReturnType<typeof reader> | null) {
    const policy = loadPolicy({ root: fx.root, cwd: fx.root })
    return runHealth(
      {
        root: fx.root,
        policy,
        clock: () => NOW,
        runContext: async () => ({
          repository: null,
          commit: null,
          ref: null,
          event: 'test',
          run_id: null,
          run_attempt: null
        }),
        evidence: createEvidenceStore(tempDir('bg-evidence-')),
        toolVersion: '0.0.0-test',
        env: {}
      },
      { baselines: selectBaselines(policy, undefined), probe: false, remote }
    )
  }

  it('the findings go into the health findings and the evidence packet; FAIL when the tag points elsewhere', async () => {
    fake.addTag(PRODUCER, TAG, history.unrelated)
    const result = await remoteHealth(reader())
    expect(result.verdict).toBe('FAIL')
    const [b] = result.baselines
    expect(b!.findings.filter((f) => IDENTITY_RULES.includes(f.rule)).map((f) => f.rule)).toEqual(['BG312'])
    expect(readFileSync(b!.evidence, 'utf8')).toContain('BG312')
  })

  it('without the reader nothing is requested', async () => {
    await remoteHealth(null)
    expect(fake.requests).toEqual([])
  })
})

describe('baseline-gate health --remote', () => {
  const run = async (env: NodeJS.ProcessEnv) => {
    const r = await runMain(
      ['health', '--remote', '--no-probe', '--json', '--evidence-dir', tempDir('bg-ev-')],
      fx.root,
      env
    )
    return { code: r.status, stdout: r.stdout, stderr: r.stderr }
  }

  it('without GITHUB_TOKEN or GH_TOKEN: a usage error saying so', async () => {
    const { code, stderr } = await run({})
    expect(code).toBe(2)
    expect(stderr).toContain('GITHUB_TOKEN or GH_TOKEN')
    expect(fake.requests).toEqual([])
  })

  it('reads the producer repository through GITHUB_API_URL with GH_TOKEN', async () => {
    fake.addTag(PRODUCER, TAG, history.unrelated)
    const { stdout, stderr } = await run({ GH_TOKEN: TOKEN, GITHUB_API_URL: fake.url })
    expect(stderr).not.toContain(TOKEN)
    expect(stdout).not.toContain(TOKEN)
    expect(stdout).toContain('BG312')
    expect(fake.requests.every((r) => r.auth)).toBe(true)
  })
})

describe('the health action input remote-identity', () => {
  const inputs = (values: Record<string, string>) =>
    readHealthInputs((name) => values[name] ?? '', {
      GITHUB_WORKSPACE: fx.root,
      RUNNER_TEMP: tempDir('bg-rt-')
    })

  it('is "false" by default, and only "true" or "false"', () => {
    expect(inputs({}).remoteIdentity).toBe(false)
    expect(inputs({ 'remote-identity': 'true', token: TOKEN }).remoteIdentity).toBe(true)
    expect(() => inputs({ 'remote-identity': 'yes' })).toThrow(InputError)
  })

  it('without a token it is an input error, not a silent skip', () => {
    expect(() => producerReader('', {})).toThrow(/no GitHub token was given/)
    expect(
      producerReader(TOKEN, { GITHUB_API_URL: fake.url }).forRepository({ owner: 'a', repo: 'b' })
    ).toBeDefined()
  })
})
