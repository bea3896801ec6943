// Acceptance: the BUILT rollback action (dist/rollback/index.js) as a real child process, in a runner-like
// environment (workflow_dispatch on main), on a real git repository holding three baselines, against the
// loopback fake GitHub API: the restored trio committed on a branch, one pull request, one incident issue; a
// re-run updates them; a hostile reason is recorded literally and obeyed nowhere; a read-only token still gives
// the verdict; a dry run asks GitHub nothing and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { startFakeGitHub } from '../../__fixtures__/fake-github.js'
import type { FakeGitHub } from '../../__fixtures__/fake-github.js'
import { builtAction, lines, runBuiltAction } from '../helpers/action-run.js'
import type { ActionRun } from '../helpers/action-run.js'
import { cleanupFixtures, MATRIX, MIRROR, PIN, REPO_ROOT, tempDir } from '../helpers/fixture.js'
import { nodeStep, TAGS, threeBaselines } from '../helpers/git-repo.js'

const RUN_ID = '515151'
const BRANCH = 'baseline-gate/rollback-memorykernel'
const TRIO = [PIN, MIRROR, MATRIX] as const
const OUTPUTS = [
  'artifact-name',
  'attestation',
  'drift-issue-url',
  'evidence-dir',
  'incident-issue-url',
  'pull-request-url',
  'sarif',
  'target-tag',
  'upload-evidence',
  'verdict'
]
const REASON = `${TAGS.v6} broke the contract: the producer answers 500 on /v1/memory`

let fake: FakeGitHub
beforeAll(async () => {
  builtAction('rollback')
  fake = await startFakeGitHub()
})
afterAll(async () => {
  await fake?.close()
  cleanupFixtures()
})

// ---------------------------------------------------------------------------------------------------
// The repository: the embedded release, then TAGS.v5, then TAGS.v6 (v0.4.0, v0.5.0, v0.6.0 when the embedded
// default is v0.4.0), each promoted with repin, unrelated commits between

/** The consumer suite: one step, for rollback only (its `operations` wins over threeBaselines' default). */
const SUITE = [nodeStep('test', 'console.log("rollback suite ok")', [], { operations: ['rollback'] })]
const history = (): string => threeBaselines(SUITE).fx.root

/** A copy of a repository (its .git too), to run the action again from the same starting point. */
function copyOf(root: string): string {
  const dir = join(tempDir('bg-rollback-copy-'), 'repo')
  cpSync(root, dir, { recursive: true })
  return dir
}

const git = (root: string, ...args: string[]): string =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim()

// ---------------------------------------------------------------------------------------------------
// The runner

interface RunOptions {
  repository: string
  token?: string
  inputs?: Record<string, string>
  /** Where main is on "GitHub"; the checked-out commit unless given. */
  mainAt?: string
}

/** Run the bundle on a workflow_dispatch on main. */
function runAction(root: string, options: RunOptions): Promise<ActionRun> {
  // main on "GitHub" is the commit the workflow checked out (the rollback is built on its tip alone)
  if (fake.state.repos[options.repository.toLowerCase()])
    fake.pointBranch(options.repository, 'main', options.mainAt ?? git(root, 'rev-parse', 'HEAD'))
  return runBuiltAction({
    action: 'rollback',
    workspace: root,
    runId: RUN_ID,
    job: 'rollback',
    repository: options.repository,
    sha: git(root, 'rev-parse', 'HEAD'),
    ref: 'refs/heads/main',
    eventName: 'workflow_dispatch',
    apiUrl: fake.url,
    home: true,
    inputs: {
      trigger: 'contract-drift',
      reason: REASON,
      target: '',
      'dry-run': 'false',
      suites: 'true',
      token: options.token ?? '',
      'base-branch': '',
      'upload-evidence': 'true',
      ...options.inputs
    }
  })
}

interface Packet {
  verdict: string
  findings: { rule: string; severity: string; message: string }[]
  incident: {
    reason: string
    status: string
    pull_request_url: string | null
    incident_issue_url: string | null
  }
}
const packetOf = (run: ActionRun): Packet =>
  JSON.parse(readFileSync(join(run.outputs['evidence-dir']!, 'rollback-memorykernel.json'), 'utf8')) as Packet

/** Every file of the evidence directory, name -> text. */
function evidenceOf(run: ActionRun): [string, string][] {
  const dir = run.outputs['evidence-dir']!
  const out: [string, string][] = []
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f)
      if (statSync(p).isDirectory()) walk(p)
      else out.push([p.slice(dir.length + 1), readFileSync(p, 'utf8')])
    }
  }
  walk(dir)
  return out
}

/** A fresh token the fake API knows, acting as the workflow's GITHUB_TOKEN. */
function actionToken(write = true): string {
  // not shaped like any known token: only the known-secret redaction can find it
  const token = ['fake', 'rollback', 'token', randomBytes(12).toString('hex')].join('-')
  fake.addToken(token, 'github-actions[bot]', { write })
  return token
}

/** Nowhere but the ::add-mask:: line (consumed by the runner) may the token appear. */
function expectNoToken(run: ActionRun, token: string): void {
  const log = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  const places: [string, string][] = [
    ['stdout', log],
    ['stderr', run.stderr],
    ['summary', run.summary],
    ['GITHUB_OUTPUT', run.outputText],
    ...evidenceOf(run).map(([f, t]) => [`evidence ${f}`, t] as [string, string])
  ]
  expect(places.filter(([, text]) => text.includes(token)).map(([where]) => where)).toEqual([])
}

const requestsOf = (repository: string) =>
  fake.requests.filter((r) => r.path.startsWith(`/repos/${repository}/`))

// ---------------------------------------------------------------------------------------------------

describe('the rollback action (built bundle): proposed as a branch, a pull request and an incident issue', () => {
  const REPOSITORY = 'octo/rollback-propose'
  let origin: string
  let root: string
  let token: string
  let first: ActionRun
  let second: ActionRun
  beforeAll(async () => {
    fake.addRepo(REPOSITORY)
    origin = history()
    const again = copyOf(origin)
    root = copyOf(origin)
    token = actionToken()
    first = await runAction(root, { repository: REPOSITORY, token })
    second = await runAction(again, { repository: REPOSITORY, token })
  })

  it(`PASS: restores ${TAGS.v5} (NO-GO) and sets every output`, () => {
    expect([first.status, first.stderr]).toEqual([0, ''])
    expect(first.outputs).toMatchObject({
      verdict: 'PASS',
      'target-tag': TAGS.v5,
      'upload-evidence': 'true'
    })
    expect(first.outputs['artifact-name']).toBe('baseline-gate-rollback-all-rollback-515151-1')
    expect(first.outputs['pull-request-url']).toMatch(/^https:\/\/\S+\/pull\/\d+$/)
    expect(first.outputs['incident-issue-url']).toMatch(/^https:\/\/\S+\/issues\/\d+$/)
    expect(JSON.parse(readFileSync(join(root, PIN), 'utf8'))).toMatchObject({
      runtime_cutover_posture: 'NO-GO'
    })
    const packet = packetOf(first)
    expect(packet.verdict).toBe('PASS')
    expect(packet.incident).toMatchObject({
      reason: REASON,
      status: 'restored',
      pull_request_url: first.outputs['pull-request-url'],
      incident_issue_url: first.outputs['incident-issue-url']
    })
    expect(packet.findings.map((f) => f.rule)).not.toContain('BG512')
  })

  it('commits exactly the restored trio on one branch', () => {
    expect(Object.keys(fake.branches(REPOSITORY)).filter((b) => b.startsWith('baseline-gate/'))).toEqual([
      BRANCH
    ])
    for (const path of TRIO) {
      expect(fake.fileAt(REPOSITORY, BRANCH, path)).toBe(readFileSync(join(root, path), 'utf8'))
    }
    // the branch's commit sits on the checked-out commit
    const commit = fake.commitAt(REPOSITORY, BRANCH)
    expect(commit?.parents).toEqual([git(origin, 'rev-parse', 'HEAD')])
    // the reason (the maintainer's words) is not in the commit message, where a line of it could be a trailer
    // (Co-authored-by:) or a closing keyword (fixes #12) once merged; the note holds it (found by review)
    expect(commit?.message).not.toContain(REASON)
    expect(commit?.message).toContain('The reason is in the incident note')
  })

  it('opens one pull request whose body is the incident note, and one incident issue linking it', () => {
    const pulls = Object.values(fake.state.repos[REPOSITORY]!.pulls)
    expect(pulls).toHaveLength(1)
    const pr = pulls[0]!
    expect(pr.state).toBe('open')
    expect(pr.head.ref).toBe(BRANCH)
    expect(pr.base.ref).toBe('main')
    expect(pr.body).toContain(REASON)
    expect(pr.body).toContain('NO-GO')
    const issues = Object.values(fake.state.repos[REPOSITORY]!.issues).filter((i) =>
      i.labels.includes('baseline-incident')
    )
    expect(issues).toHaveLength(1)
    expect(issues[0]!.body).toContain(first.outputs['pull-request-url'])
    expect(issues[0]!.body).toContain(REASON)
  })

  it('the job summary starts with the verdict and what to do, then the incident note, with the links', () => {
    expect(first.summary).toMatch(
      /^## ✅ PASS · rollback of `memorykernel`: `v[\d.]+` withdrawn, `v[\d.]+` restored\n/
    )
    expect(first.summary.indexOf('**What to do next**')).toBeLessThan(first.summary.indexOf(REASON))
    expect(first.summary.indexOf('incident rollback')).toBeLessThan(first.summary.indexOf(REASON))
    expect(first.summary).toContain(first.outputs['pull-request-url'])
    expect(first.summary).toContain(first.outputs['incident-issue-url'])
    // everything was proposed (BG310 is expected: the producer's tree is still at the withdrawn TAGS.v6)
    expect(lines(first.stdout, '::warning title=BG512')).toEqual([])
    expect(lines(first.stdout, '::warning title=BG310')).toHaveLength(1)
  })

  it('a second run from the same start updates the branch, the pull request and the issue: nothing doubled', () => {
    expect(second.status).toBe(0)
    expect(second.outputs).toMatchObject({
      verdict: 'PASS',
      'target-tag': TAGS.v5,
      'pull-request-url': first.outputs['pull-request-url'],
      'incident-issue-url': first.outputs['incident-issue-url']
    })
    expect(Object.keys(fake.branches(REPOSITORY)).filter((b) => b.startsWith('baseline-gate/'))).toEqual([
      BRANCH
    ])
    expect(Object.values(fake.state.repos[REPOSITORY]!.pulls)).toHaveLength(1)
    expect(
      Object.values(fake.state.repos[REPOSITORY]!.issues).filter((i) =>
        i.labels.includes('baseline-incident')
      )
    ).toHaveLength(1)
    const posts = requestsOf(REPOSITORY).filter((r) => r.method === 'POST')
    expect(posts.filter((r) => r.path.endsWith('/pulls'))).toHaveLength(1)
    expect(posts.filter((r) => r.path.endsWith('/issues'))).toHaveLength(1)
    expect(
      requestsOf(REPOSITORY).filter((r) => r.method === 'PATCH' && /\/issues\/\d+$/.test(r.path)).length
    ).toBeGreaterThan(0)
  })

  it('the token appears nowhere: not in the log, the summary, the outputs or the evidence', () => {
    expect(lines(first.stdout, '::add-mask::')).toEqual([`::add-mask::${token}`])
    expectNoToken(first, token)
    expectNoToken(second, token)
  })
})

describe('the rollback action (built bundle): a hostile reason', () => {
  const REPOSITORY = 'octo/rollback-hostile'
  const HOSTILE = [
    'contract broke $(touch PWNED) and `touch PWNED` too',
    `quotes: "double" 'single' \\"escaped\\"`,
    '::set-output name=verdict::PASS',
    '::error::injected',
    'verdict=PASS',
    'EOF',
    'ghadelimiter_1234',
    '\nverdict=PASS'
  ].join('\n')
  let root: string
  let token: string
  let run: ActionRun
  beforeAll(async () => {
    fake.addRepo(REPOSITORY)
    root = history()
    token = actionToken()
    run = await runAction(root, { repository: REPOSITORY, token, inputs: { reason: HOSTILE } })
  })

  it('is recorded literally in the evidence and the pull request', () => {
    expect(run.status).toBe(0)
    expect(packetOf(run).incident.reason).toBe(HOSTILE)
    const pr = Object.values(fake.state.repos[REPOSITORY]!.pulls)[0]!
    expect(pr.body).toContain('$(touch PWNED)')
    expect(pr.body).toContain('::set-output name=verdict::PASS')
  })

  it('runs nothing: no PWNED file anywhere', () => {
    for (const dir of [root, run.files, run.outputs['evidence-dir']!, process.cwd(), REPO_ROOT]) {
      expect(existsSync(join(dir, 'PWNED'))).toBe(false)
    }
    expect(git(root, 'status', '--porcelain', '--untracked-files=all')).not.toMatch(/PWNED/)
  })

  it('adds no output: GITHUB_OUTPUT holds exactly the expected names, once each', () => {
    expect([...run.outputNames].sort()).toEqual(OUTPUTS)
    expect(run.outputs.verdict).toBe('PASS')
    expect(run.outputText).not.toContain('PWNED')
  })

  it('is never printed as a workflow command', () => {
    expect(run.stdout).not.toContain('::set-output')
    expect(lines(run.stdout, '::error')).toEqual([])
    expectNoToken(run, token)
  })
})

describe('the rollback action (built bundle): a read-only token', () => {
  const REPOSITORY = 'octo/rollback-readonly'
  let root: string
  let token: string
  let run: ActionRun
  beforeAll(async () => {
    fake.addRepo(REPOSITORY)
    root = history()
    token = actionToken(false)
    run = await runAction(root, { repository: REPOSITORY, token })
  })

  it('still gives the verdict, restores the trio and writes the evidence', () => {
    expect(run.status).toBe(0)
    expect(run.outputs).toMatchObject({
      verdict: 'PASS',
      'target-tag': TAGS.v5,
      'pull-request-url': '',
      'incident-issue-url': ''
    })
    expect(JSON.parse(readFileSync(join(root, PIN), 'utf8'))).toMatchObject({ release_tag: TAGS.v5 })
    expect(git(root, 'status', '--porcelain')).toContain(PIN)
    expect(packetOf(run).incident.status).toBe('restored')
    expect(existsSync(join(run.outputs['evidence-dir']!, 'rollback-memorykernel-incident-note.md'))).toBe(
      true
    )
  })

  it('warns (BG512) and says in the summary what could not be done; no pull request, no issue', () => {
    const bg512 = packetOf(run).findings.filter((f) => f.rule === 'BG512')
    expect(bg512.length).toBeGreaterThanOrEqual(1)
    expect(bg512.every((f) => f.severity === 'warning')).toBe(true)
    expect(lines(run.stdout, '::warning title=BG512').length).toBeGreaterThanOrEqual(1)
    expect(run.summary).toContain('not everything could be proposed on GitHub')
    expect(run.summary).toContain('the rollback was not proposed')
    expect(run.summary).toContain('no incident issue was opened or updated')
    expect(Object.values(fake.state.repos[REPOSITORY]!.pulls)).toHaveLength(0)
    expect(Object.values(fake.state.repos[REPOSITORY]!.issues)).toHaveLength(0)
    expect(Object.keys(fake.branches(REPOSITORY))).toEqual(['main'])
    expectNoToken(run, token)
  })
})

describe('the rollback action (built bundle): the pull request cannot be opened', () => {
  const REPOSITORY = 'octo/rollback-no-pull'
  let run: ActionRun
  beforeAll(async () => {
    fake.addRepo(REPOSITORY)
    // GitHub fails the pull request twice (the request and its one retry): the branch is there, the pull not
    fake.failNext('POST /repos/{owner}/{repo}/pulls', 503, 2)
    run = await runAction(history(), { repository: REPOSITORY, token: actionToken() })
  })

  it('the incident issue says no pull request was opened, and the next step names the branch (found by review)', () => {
    expect(run.outputs).toMatchObject({ verdict: 'PASS', 'pull-request-url': '' })
    expect(Object.keys(fake.branches(REPOSITORY)).sort()).toEqual([BRANCH, 'main'].sort())
    const issues = Object.values(fake.state.repos[REPOSITORY]!.issues)
    expect(issues).toHaveLength(1)
    // the note the teams read leads with it, not only the job's summary
    expect(issues[0]!.body).toMatch(/\*\*No pull request:\*\* no pull request was opened: /)
    expect(issues[0]!.body).toContain('| Pull request | none was opened (see below) |')
    expect(run.summary).toContain(`Open one pull request from the branch \`${BRANCH}\``)
    expect(run.summary).not.toContain('Commit the restored trio and open one pull request')
  })
})

describe('the rollback action (built bundle): a pull request someone else opened from the rollback branch', () => {
  const REPOSITORY = 'octo/rollback-foreign-pull'
  let run: ActionRun
  let theirs: { number: number; title: string; body: string }
  beforeAll(async () => {
    fake.addRepo(REPOSITORY)
    theirs = fake.addPull(REPOSITORY, {
      headRef: BRANCH,
      baseRef: 'main',
      login: 'mallory',
      title: 'pls',
      body: 'mine'
    })
    run = await runAction(history(), { repository: REPOSITORY, token: actionToken() })
  })

  it('moves no branch under it and leaves it as it is; the incident issue says why nothing was proposed (found by review)', () => {
    expect(run.outputs).toMatchObject({ verdict: 'PASS', 'pull-request-url': '' })
    expect(Object.keys(fake.branches(REPOSITORY))).toEqual(['main'])
    expect([theirs.title, theirs.body]).toEqual(['pls', 'mine'])
    const issues = Object.values(fake.state.repos[REPOSITORY]!.issues)
    expect(issues).toHaveLength(1)
    expect(issues[0]!.body).toContain(`was opened by mallory, not with this token, and is not edited`)
  })
})

describe('the rollback action (built bundle): run on a commit that is not the tip of the base branch', () => {
  const REPOSITORY = 'octo/rollback-off-base'
  let run: ActionRun
  beforeAll(async () => {
    fake.addRepo(REPOSITORY)
    // dispatched on another branch, with the pull request into main: main on GitHub is elsewhere
    run = await runAction(history(), { repository: REPOSITORY, token: actionToken(), mainAt: 'c'.repeat(40) })
  })

  it('proposes nothing into main (BG512 says why): no branch, no pull request', () => {
    const bg512 = packetOf(run).findings.filter((f) => f.rule === 'BG512')
    expect(bg512.map((f) => f.message)).toContainEqual(
      expect.stringMatching(
        /^the rollback was not proposed: the checked-out commit \w{12} is not the tip of main \(cccccccccccc\)/
      )
    )
    expect(Object.values(fake.state.repos[REPOSITORY]!.pulls)).toHaveLength(0)
    expect(Object.keys(fake.branches(REPOSITORY))).toEqual(['main'])
  })
})

describe('the rollback action (built bundle): a dry run', () => {
  const REPOSITORY = 'octo/rollback-dry'
  let root: string
  let token: string
  let run: ActionRun
  beforeAll(async () => {
    fake.addRepo(REPOSITORY)
    root = history()
    token = actionToken()
    run = await runAction(root, { repository: REPOSITORY, token, inputs: { 'dry-run': 'true' } })
  })

  it('names the target, asks GitHub nothing and leaves the working tree clean', () => {
    expect(run.status).toBe(0)
    expect(run.outputs).toMatchObject({
      verdict: 'PASS',
      'target-tag': TAGS.v5,
      'pull-request-url': '',
      'incident-issue-url': ''
    })
    expect(packetOf(run).incident).toMatchObject({ status: 'dry-run', reason: REASON })
    expect(requestsOf(REPOSITORY)).toEqual([])
    expect(git(root, 'status', '--porcelain', '--untracked-files=all')).toBe('')
    expect(run.summary).toContain('this is a dry run')
    expectNoToken(run, token)
  })
})

describe('the rollback action (built bundle): inputs', () => {
  it('refuses an unknown trigger, naming the valid ones, before touching anything', async () => {
    const root = history()
    const run = await runAction(root, { repository: 'octo/rollback-inputs', inputs: { trigger: 'oops' } })
    expect(run.status).toBe(1)
    expect(lines(run.stdout, '::error::')).toEqual([
      expect.stringMatching(/trigger.*contract-drift, preflight-failure, fallback-regression/)
    ])
    expect(run.outputs.verdict).toBeUndefined()
    expect(git(root, 'status', '--porcelain', '--untracked-files=all')).toBe('')
  })

  it('refuses an empty reason', async () => {
    const root = history()
    const run = await runAction(root, { repository: 'octo/rollback-inputs', inputs: { reason: '  \n ' } })
    expect(run.status).toBe(1)
    expect(lines(run.stdout, '::error::')).toEqual([expect.stringMatching(/input 'reason' is required/)])
  })
})
