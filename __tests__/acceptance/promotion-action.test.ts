// Acceptance: the BUILT promotion action (dist/promotion/index.js) as a real child process, in a runner-like
// environment, on a real git repository with a real trio change, against the loopback fake GitHub API.
//
// Every planted secret below is built at run time from parts, so no string in this file is a secret a scanner
// would flag.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startFakeGitHub } from '../../__fixtures__/fake-github.js'
import type { FakeGitHub } from '../../__fixtures__/fake-github.js'
import { builtAction, lines, runBuiltAction } from '../helpers/action-run.js'
import type { ActionRun } from '../helpers/action-run.js'
import { cleanupFixtures, EMBEDDED, MATRIX, PIN, POLICY, REPO_ROOT, trioFixture } from '../helpers/fixture.js'

const REPOSITORY = 'octo/consumer'
const PR = 7
const RUN_ID = '424242'
/** Commits dated well before now: the stability window of the baseline being replaced is over. */
const COMMIT_DATE = '2026-10-01T12:00:00Z'
const MARKER = '<!-- baseline-gate:promotion -->'

let fake: FakeGitHub
beforeAll(async () => {
  builtAction('promotion')
  fake = await startFakeGitHub()
  fake.addRepo(REPOSITORY)
})
afterAll(async () => {
  await fake?.close()
  cleanupFixtures()
})

// ---------------------------------------------------------------------------------------------------
// The repository

interface Step {
  name: string
  run: string[]
  timeout_s?: number
}

/** The repository's policy with owners and the given consumer suite (no producer suite). */
function policyWith(consumer: Step[]): string {
  const policy = JSON.parse(readFileSync(join(REPO_ROOT, POLICY), 'utf8')) as {
    baselines: Record<string, Record<string, unknown>>
  }
  const b = policy.baselines.memorykernel!
  b.owners = { consumer: ['alice'], producer: ['bob'] }
  b.suites = { concurrent: true, consumer, producer: [] }
  return `${JSON.stringify(policy, null, 2)}\n`
}

function git(root: string, args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: root,
      GIT_AUTHOR_DATE: COMMIT_DATE,
      GIT_COMMITTER_DATE: COMMIT_DATE
    }
  }).trim()
}

interface Repo {
  root: string
  base: string
  head: string
}

/**
 * Two commits: BASE with the posture NO-GO (pin and matrix), HEAD with GO: a posture-only change, which needs
 * the joint approval of the consumer and producer owners.
 */
function noGoToGo(consumer: Step[]): Repo {
  const fx = trioFixture()
  fx.write(POLICY, policyWith(consumer))
  const GO = '"runtime_cutover_posture": "GO"'
  const LINE = '- Runtime cutover posture: `GO`'
  fx.replace(PIN, GO, '"runtime_cutover_posture": "NO-GO"')
  fx.replace(MATRIX, LINE, '- Runtime cutover posture: `NO-GO`')
  git(fx.root, ['add', '-A'])
  git(fx.root, ['commit', '-q', '-m', `baseline ${EMBEDDED.tag}, NO-GO`])
  const base = git(fx.root, ['rev-parse', 'HEAD'])
  fx.replace(PIN, '"runtime_cutover_posture": "NO-GO"', GO)
  fx.replace(MATRIX, '- Runtime cutover posture: `NO-GO`', LINE)
  git(fx.root, ['commit', '-q', '-a', '-m', 'cutover: NO-GO -> GO'])
  return { root: fx.root, base, head: git(fx.root, ['rev-parse', 'HEAD']) }
}

// ---------------------------------------------------------------------------------------------------
// The runner

interface RunOptions {
  token?: string
  /** The token on descriptor 3, as action.yml hands it on. */
  tokenOnDescriptor?: boolean
  event?: string
  payload?: unknown
  sha?: string
  inputs?: Record<string, string>
}

/** Run the bundle on the repository's pull request (unless the options say otherwise). */
function runAction(repo: Repo, options: RunOptions = {}): Promise<ActionRun> {
  return runBuiltAction({
    action: 'promotion',
    workspace: repo.root,
    runId: RUN_ID,
    job: 'promotion',
    repository: REPOSITORY,
    sha: options.sha ?? repo.head,
    ref: `refs/pull/${PR}/merge`,
    eventName: options.event ?? 'pull_request',
    eventPayload: options.payload ?? {
      action: 'synchronize',
      number: PR,
      pull_request: {
        number: PR,
        base: { sha: repo.base, ref: 'main', repo: { full_name: REPOSITORY } },
        head: { sha: repo.head, ref: 'cutover', repo: { full_name: REPOSITORY } }
      }
    },
    apiUrl: fake.url,
    home: true,
    tokenOnDescriptor: options.tokenOnDescriptor,
    inputs: {
      base: '',
      head: '',
      suites: 'true',
      token: options.token ?? '',
      comment: 'true',
      'upload-evidence': 'true',
      ...options.inputs
    }
  })
}

interface Packet {
  verdict: string
  findings: { rule: string; severity: string }[]
  steps: { name: string; status: string; log_file?: string }[]
  change: { trio_changed: boolean; classification: string; approval: { approved: boolean } | null }
}
const packetOf = (run: ActionRun): Packet =>
  JSON.parse(
    readFileSync(join(run.outputs['evidence-dir']!, 'promotion-memorykernel.json'), 'utf8')
  ) as Packet

/** A fresh token the fake API knows, acting as the workflow's GITHUB_TOKEN (a bot: /user answers 403). */
function actionToken(): string {
  // not shaped like any known token: only the known-secret redaction can find it
  const token = ['fake', 'action', 'token', randomBytes(12).toString('hex')].join('-')
  fake.addToken(token, 'github-actions[bot]', { write: true })
  return token
}

const SMOKE: Step = { name: 'smoke', run: [process.execPath, '-e', "console.log('consumer suite ok')"] }

/**
 * A step that goes through the environments of every process above it, as a pull request's suite can: it says
 * which hold a token of this file (actionToken), and appends a forged verdict to the job summary it finds there.
 */
const ANCESTRY: Step = {
  name: 'ancestry',
  run: [
    process.execPath,
    '-e',
    [
      "const { appendFileSync, readFileSync } = require('node:fs')",
      'const found = []',
      'for (let p = process.ppid; p > 1; ) {',
      '  let environ = ""',
      "  try { environ = readFileSync(`/proc/${p}/environ`, 'latin1') } catch {}",
      "  if (environ.includes('fake-action-token-')) found.push(p)",
      '  const summary = /(?:^|\\0)GITHUB_STEP_SUMMARY=([^\\0]+)/.exec(environ)',
      "  if (summary) appendFileSync(summary[1], '## ✅ forged PASS, safe to merge\\n<!--\\n')",
      // SIGUSR1 would open Node's debugger in the gate (its heap: the token; its exit code)
      "  if (readFileSync(`/proc/${p}/cmdline`, 'latin1').includes('dist/promotion/index.js')) process.kill(p, 'SIGUSR1')",
      "  const stat = readFileSync(`/proc/${p}/stat`, 'latin1')",
      "  p = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])",
      '}',
      "console.log(`token in the environment of: ${found.join(', ') || 'no process above this step'}`)"
    ].join('\n')
  ]
}

// ---------------------------------------------------------------------------------------------------

describe('the promotion action (built bundle): NO-GO -> GO on a pull request', () => {
  let repo: Repo
  let token: string
  let first: ActionRun
  let second: ActionRun
  beforeAll(async () => {
    repo = noGoToGo([SMOKE, ANCESTRY])
    token = actionToken()
    fake.addPull(REPOSITORY, { number: PR, headSha: repo.head, baseSha: repo.base })
    first = await runAction(repo, { token })
    // both owners approve on the pull request's head commit; the gate runs again, the token handed on as
    // action.yml hands it on (descriptor 3)
    fake.addReview(REPOSITORY, PR, 'alice', 'APPROVED', repo.head)
    fake.addReview(REPOSITORY, PR, 'bob', 'APPROVED', repo.head)
    second = await runAction(repo, { token, tokenOnDescriptor: true })
  })

  it('without approvals: FAIL (BG801), with every output written', () => {
    expect(first.status).toBe(1)
    expect(first.outputs).toMatchObject({
      verdict: 'FAIL',
      'trio-changed': 'true',
      classification: 'none',
      posture: 'GO',
      'upload-evidence': 'true'
    })
    expect(first.outputs['artifact-name']).toMatch(/^baseline-gate-promotion-all-promotion-424242-1$/)
    const packet = packetOf(first)
    expect(packet.verdict).toBe('FAIL')
    expect(packet.change.approval).toMatchObject({ approved: false })
    expect(packet.findings.map((f) => f.rule)).toContain('BG801')
    expect(lines(first.stdout, '::error title=BG801')).toHaveLength(1)
    expect(first.stdout).toMatch(/^::error::baseline promotion FAIL/m)
    expect(first.summary).toContain('## ❌ FAIL · promotion of `memorykernel`')
    expect(first.summary).toContain('**missing**')
  })

  it('without approvals the rules already decide FAIL: the log says what is judged, then that the suites were skipped and why', () => {
    expect(packetOf(first).steps.map((s) => [s.name, s.status])).toEqual([
      ['smoke', 'skipped'],
      ['ancestry', 'skipped']
    ])
    const out = first.stdout.split('\n')
    const judging = out.findIndex((l) => l.startsWith('baseline-gate promotion · memorykernel: '))
    const skipped = out.findIndex((l) =>
      /^::group::Suites skipped \(2 steps\): the rules already decide FAIL \(\d+ errors?\); set the input suites-anyway: true to run them$/.test(
        l
      )
    )
    expect(judging).toBeGreaterThan(-1)
    expect(skipped).toBeGreaterThan(judging)
    expect(out.slice(skipped + 1, skipped + 4)).toEqual([
      'SKIP consumer › smoke (skipped)',
      'SKIP consumer › ancestry (skipped)',
      '::endgroup::'
    ])
    expect(first.stdout).not.toContain('consumer suite ok')
  })

  it('posts exactly one sticky comment, with the verdict and a link to the run', () => {
    // the first run's comment, as it was then (the second run updates it in place)
    expect(first.summary).toMatch(
      /Posted \[the verdict comment\]\(https:\/\/github\.com\/octo\/consumer\/pull\/7#issuecomment-\d+\)/
    )
    const posts = fake.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith(`/issues/${PR}/comments`)
    )
    expect(posts).toHaveLength(1)
    const body = (posts[0]!.body as { body: string }).body
    expect(body.startsWith(MARKER)).toBe(true)
    expect(body).toContain('## ❌ FAIL · promotion of `memorykernel`')
    expect(body).toContain(`https://github.example/${REPOSITORY}/actions/runs/${RUN_ID}`)
    expect(body).toContain('BG801')
  })

  it('with both approvals on the head commit: PASS, and the same comment is updated', () => {
    expect(second.status).toBe(0)
    expect(second.outputs.verdict).toBe('PASS')
    expect(packetOf(second).change.approval).toMatchObject({ approved: true })
    expect(packetOf(second).findings.map((f) => f.rule)).toContain('BG803')
    const comments = fake.commentsOf(REPOSITORY, PR)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body.startsWith(MARKER)).toBe(true)
    expect(comments[0]!.body).toContain('## ✅ PASS · promotion of `memorykernel`')
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1)
    expect(second.summary).toMatch(/Updated \[the verdict comment\]/)
  })

  it('the token on descriptor 3 reaches the API, and no process above a suite step holds it in its environment', () => {
    // the comment was updated with it (the fake API answers 401 to a missing or unknown token)
    expect(fake.commentsOf(REPOSITORY, PR)[0]!.body).toContain('## ✅ PASS')
    expect(second.stdout).toContain('token in the environment of: no process above this step')
  })

  it('a suite step that sends the gate SIGUSR1 opens no debugger in it', () => {
    expect(second.stderr).not.toContain('Debugger listening')
    expect(second.status).toBe(0)
  })

  it('what a suite step appended to the job summary is replaced by the verdict', () => {
    expect(second.summary).not.toContain('forged')
    expect(second.summary).toMatch(/^## ✅ PASS · promotion of `memorykernel`/)
  })

  it("prints each suite step's log in a group, with workflow commands stopped around it", () => {
    const out = second.stdout.split('\n')
    const start = out.findIndex((l) => l.startsWith('::group::PASS consumer › smoke ('))
    expect(start).toBeGreaterThanOrEqual(0)
    const stop = /^::stop-commands::(\S+)$/.exec(out[start + 1]!)
    expect(stop).not.toBeNull()
    expect(out[start + 2]).toBe('consumer suite ok')
    expect(out[start + 3]).toBe(`::${stop![1]}::`)
    expect(out[start + 4]).toBe('::endgroup::')
  })
})

// ---------------------------------------------------------------------------------------------------

/** `pattern` repeated and cut to `n` characters. */
const fill = (pattern: string, n: number): string => pattern.repeat(Math.ceil(n / pattern.length)).slice(0, n)
const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
const PRIVATE = ' PRIVATE' + ' KEY'
const KEY_BODY = [
  'MIIEowIBAAKCAQEA' + fill('FakeRsaKeyMaterial0+/', 48),
  fill('FakeKeyLine1+/', 64),
  fill('FakeKeyLine2+/', 64)
].join('\n')

/** [kind, the secret, the line that prints it, the part that must vanish (default: the secret)] */
function plants(actionTokenValue: string): [string, string, string, string?][] {
  const list: [string, string, (s: string) => string, string?][] = [
    ['github ghp_', 'gh' + 'p_' + fill('FakeGhToken0', 36), (s) => `//npm.pkg.github.com/:_authToken=${s}`],
    [
      'github gho_',
      'gh' + 'o_' + fill('FakeOauth1', 36),
      (s) => `MEMORYKERNEL_GITHUB_TOKEN="${s}" pnpm run x`
    ],
    ['github ghu_', 'gh' + 'u_' + fill('FakeUser2', 36), (s) => `warning: token ${s} expires in 7 days`],
    [
      'github ghs_',
      'gh' + 's_' + fill('FakeServer3', 36),
      (s) => `origin https://x-access-token:${s}@github.com/o/a.git`
    ],
    [
      'github ghr_',
      'gh' + 'r_' + fill('FakeRefresh4', 76),
      (s) => `{"refresh_token":"${s}","expires_in":15811200}`
    ],
    [
      'github_pat_',
      'github' + '_pat_' + '11FAKE0000' + fill('FakePat5', 12) + '_' + fill('FakeFineGrained6', 59),
      (s) => `curl -H "Authorization: token ${s}" https://api.github.com/user`
    ],
    ['aws access key id', 'AK' + 'IA' + 'FAKEKEY0TEST0001', (s) => `aws configure list: access_key ${s}`],
    ['aws secret access key', fill('Fake/Aws+Secret0', 40), (s) => `aws_secret_access_key = ${s}`],
    [
      'slack xoxb',
      'xo' + 'xb-' + '1234FAKE5678-9012FAKE34567-' + fill('FakeSlackBot0', 24),
      (s) => `notify with ${s}`
    ],
    [
      'slack xoxp',
      'xo' + 'xp-' + '1234FAKE5678-1234FAKE5678-' + fill('FakeSlackUser0', 32),
      (s) => `SLACK_USER=${s}`
    ],
    [
      'jwt',
      b64url({ alg: 'HS256', typ: 'JWT' }) +
        '.' +
        b64url({ sub: 'fake-user', iat: 0 }) +
        '.' +
        fill('FakeSignature0_-', 43),
      (s) => `ACTIONS_ID_TOKEN: ${s}`
    ],
    [
      'private key block',
      `-----BEGIN RSA${PRIVATE}-----\n${KEY_BODY}\n-----END RSA${PRIVATE}-----`,
      (s) => `panicked: could not parse key\n${s}\nnote: run with RUST_BACKTRACE=1`,
      fill('FakeKeyLine1+/', 64)
    ],
    [
      'credentials in a URL',
      'Fake-Url-Pa55word',
      (s) => `Cloning https://deploy-bot:${s}@git.example.com/org/repo.git`
    ],
    ['bearer header', fill('FakeBearerToken0', 40), (s) => `> Authorization: Bearer ${s}`],
    ['npm token', 'np' + 'm_' + fill('FakeNpmToken0', 36), (s) => `//registry.npmjs.org/:_authToken=${s}`],
    [
      'slack webhook',
      'https://hooks.slack.com/services/' + 'T0FAKE0001/B0FAKE0002/' + fill('FakeWebhook0', 24),
      (s) => `POST ${s}`,
      'T0FAKE0001/B0FAKE0002/' + fill('FakeWebhook0', 24)
    ],
    ['stripe key', 'sk' + '_live_' + fill('FakeStripeKey0', 24), (s) => `STRIPE=${s}`],
    ['password assignment', 'Fake-Pa55-Value', (s) => `+ export DB_PASSWORD=${s}`],
    [
      // only secretlint's preset knows this one: proves the bundled scanner (with its stubs) runs
      'openai key',
      'sk-' + 'proj-' + fill('FakeOpenAiKey0', 74) + 'T3Blbk' + 'FJ' + fill('FakeOpenAiKey1', 74),
      (s) => `OPENAI=${s}`
    ],
    ["the action's own token", actionTokenValue, (s) => `echo ${s} (the workflow token, printed by a test)`],
    [
      "the action's own token, base64",
      Buffer.from(actionTokenValue).toString('base64'),
      (s) => `Basic-ish ${s}`
    ]
  ]
  return list.map(([kind, secret, line, part]) => [kind, secret, line(secret), part])
}

describe('the promotion action (built bundle): secrets printed by a failing suite step', () => {
  let repo: Repo
  let token: string
  let run: ActionRun
  let planted: ReturnType<typeof plants>
  const PR_SECRETS = 8
  beforeAll(async () => {
    // the step prints what the test planted in an untracked file (so neither the policy nor the argv holds a
    // secret), a few workflow commands, whether it can see the action's token, and fails
    const leak: Step = {
      name: 'leaky test',
      run: [
        process.execPath,
        '-e',
        [
          "process.stdout.write(require('fs').readFileSync('planted.txt', 'utf8'))",
          "console.log('::error::injected by a test')",
          "console.log('::set-output name=verdict::PASS')",
          "console.log('::endgroup::')",
          "console.log('INPUT_TOKEN in the suite environment: ' + (process.env.INPUT_TOKEN === undefined ? 'absent' : 'present'))",
          'process.exit(3)'
        ].join(';')
      ]
    }
    repo = noGoToGo([SMOKE, leak])
    token = actionToken()
    planted = plants(token)
    writeFileSync(join(repo.root, 'planted.txt'), planted.map(([, , line]) => line).join('\n') + '\n')
    fake.addPull(REPOSITORY, { number: PR_SECRETS, headSha: repo.head, baseSha: repo.base })
    // the change lacks its approvals (a rule FAIL): the suites run only because they are asked for anyway
    run = await runAction(repo, {
      token,
      inputs: { 'suites-anyway': 'true' },
      payload: {
        number: PR_SECRETS,
        pull_request: {
          number: PR_SECRETS,
          base: { sha: repo.base, repo: { full_name: REPOSITORY } },
          head: { sha: repo.head, repo: { full_name: REPOSITORY } }
        }
      }
    })
  })

  it('plants at least 15 kinds of secret', () => {
    expect(new Set(planted.map(([kind]) => kind)).size).toBeGreaterThanOrEqual(15)
  })

  it('the step failed, so the gate fails; its redacted log tail is in the summary and the comment', () => {
    expect(run.status).toBe(1)
    expect(run.outputs.verdict).toBe('FAIL')
    const step = packetOf(run).steps.find((s) => s.name === 'leaky test')!
    expect(step.status).toBe('failed')
    expect(run.summary).toContain('[REDACTED:')
    expect(run.summary).toContain('INPUT_TOKEN in the suite environment: absent')
    // secretlint ran inside the bundle, and never failed
    expect(run.summary).toContain('OPENAI=[REDACTED:openai-api-key]')
    expect(run.stdout).not.toContain('secret scanner')
    const body = fake.commentsOf(REPOSITORY, PR_SECRETS)[0]!.body
    expect(body).toContain('[REDACTED:')
    expect(body).toContain('leaky test')
  })

  it('no planted secret appears in the summary, the comment, the outputs, the evidence or the log', () => {
    const evidenceDir = run.outputs['evidence-dir']!
    const evidence = readdirSync(evidenceDir).map((f) => [f, readFileSync(join(evidenceDir, f), 'utf8')])
    expect(evidence.length).toBeGreaterThanOrEqual(4) // packet JSON + Markdown, two step logs
    // the runner consumes ::add-mask:: lines (they register the token as a secret); nothing else may hold it
    const masks = lines(run.stdout, '::add-mask::')
    expect(masks).toEqual([`::add-mask::${token}`])
    const log = run.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n')
    const places: [string, string][] = [
      ['job summary', run.summary],
      [
        'comment',
        fake
          .commentsOf(REPOSITORY, PR_SECRETS)
          .map((c) => c.body)
          .join('\n')
      ],
      ['GITHUB_OUTPUT', readFileSync(run.outputFile, 'utf8')],
      ['stdout (the Actions log)', log],
      ['stderr', run.stderr],
      ...evidence.map(([f, text]) => [`evidence ${f}`, text] as [string, string])
    ]
    const leaks: string[] = []
    for (const [kind, secret, , part] of planted) {
      for (const [where, text] of places) {
        if (text.includes(secret) || (part !== undefined && text.includes(part)))
          leaks.push(`${kind} in ${where}`)
      }
    }
    expect(leaks).toEqual([])
  })

  it('the workflow commands a step prints are inside ::stop-commands:: and are never obeyed', () => {
    const out = run.stdout.split('\n')
    const at = out.indexOf('::error::injected by a test')
    expect(at).toBeGreaterThan(0)
    const opened = out
      .slice(0, at)
      .reverse()
      .find((l) => l.startsWith('::stop-commands::'))
    expect(opened).toBeDefined()
    const token = opened!.slice('::stop-commands::'.length)
    const resumed = out.indexOf(`::${token}::`, at)
    expect(resumed).toBeGreaterThan(at)
    expect(out.slice(at, resumed)).toContain('::set-output name=verdict::PASS')
    expect(run.outputs.verdict).toBe('FAIL')
  })
})

// ---------------------------------------------------------------------------------------------------

describe('the promotion action (built bundle): without a token', () => {
  let run: ActionRun
  beforeAll(async () => {
    run = await runAction(noGoToGo([SMOKE]), { token: '' })
  })

  it('still gives its verdict, and says in the summary and a warning that it could not comment', () => {
    expect(run.status).toBe(1)
    expect(run.outputs.verdict).toBe('FAIL')
    // the approval could not be read: BG802 says so
    expect(packetOf(run).findings.map((f) => f.rule)).toContain('BG802')
    expect(run.summary).toContain('The verdict comment could not be posted on pull request #7')
    expect(run.summary).toContain('no GitHub token was given')
    expect(lines(run.stdout, '::warning::baseline-gate could not post its comment')).toHaveLength(1)
    // the step fails for the verdict, not for the comment
    expect(lines(run.stdout, '::error::')).toEqual([
      expect.stringMatching(/^::error::baseline promotion FAIL/)
    ])
  })
})

describe('the promotion action (built bundle): events', () => {
  it('a pull request that does not touch the trio passes at once: trio-changed false, classification none', async () => {
    const fx = trioFixture()
    git(fx.root, ['add', '-A'])
    git(fx.root, ['commit', '-q', '-m', 'base'])
    const base = git(fx.root, ['rev-parse', 'HEAD'])
    fx.write('README.md', 'hello\n')
    git(fx.root, ['add', '-A'])
    git(fx.root, ['commit', '-q', '-m', 'docs'])
    const repo = { root: fx.root, base, head: git(fx.root, ['rev-parse', 'HEAD']) }
    const run = await runAction(repo, { inputs: { comment: 'false' } })
    expect(run.status).toBe(0)
    expect(run.outputs).toMatchObject({ verdict: 'PASS', 'trio-changed': 'false', classification: 'none' })
    expect(run.summary).toContain('did not change')
    expect(run.summary).toContain('switched off')
  })

  it('a merge_group event takes base and head from the queue, and the pull request from its branch', async () => {
    const repo = noGoToGo([SMOKE])
    const run = await runAction(repo, {
      event: 'merge_group',
      payload: {
        merge_group: {
          base_sha: repo.base,
          head_sha: repo.head,
          base_ref: 'refs/heads/main',
          head_ref: `refs/heads/gh-readonly-queue/main/pr-${PR}-${repo.head}`
        }
      },
      sha: repo.head
    })
    expect(run.outputs['trio-changed']).toBe('true')
    // no token: the summary names the pull request of the queue entry
    expect(run.summary).toContain(`pull request #${PR}`)
  })

  it('pull_request_target is refused with a clear error', async () => {
    const repo = noGoToGo([SMOKE])
    const run = await runAction(repo, { event: 'pull_request_target' })
    expect(run.status).toBe(1)
    expect(lines(run.stdout, '::error::')).toEqual([expect.stringMatching(/pull_request_target/)])
    expect(run.outputs.verdict).toBeUndefined()
  })

  it('a base that names no commit fails with a hint about fetch-depth', async () => {
    const repo = noGoToGo([SMOKE])
    const run = await runAction(repo, { inputs: { base: 'no-such-branch' } })
    expect(run.status).toBe(1)
    expect(lines(run.stdout, '::error::')).toEqual([expect.stringMatching(/no-such-branch.*fetch-depth: 0/)])
  })
})
