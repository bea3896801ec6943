// The suites of the promotion gate with real processes: a step that hangs is killed at its timeout with the
// children it started, a failing step and a missing program each fail the verdict with their own rule, and
// secrets a step prints never reach any file of the evidence directory.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import type { BaselineResult } from '../../src/operations/context.js'
import { lineToText } from '../../src/present/inline.js'
import { nextSteps } from '../../src/present/next-steps.js'
import type { SuiteReporter } from '../../src/operations/suites.js'
import { cleanupFixtures, EMBEDDED, nextTag, tempDir, trioFixture } from '../helpers/fixture.js'
import {
  gitRepo,
  nodeStep,
  OLD_DATE,
  producerRelease,
  promote,
  repin,
  writePolicy
} from '../helpers/git-repo.js'
import type { PolicyStep, PromotionRun } from '../helpers/git-repo.js'
import { expectGone, recordedPids } from '../helpers/processes.js'

afterAll(cleanupFixtures)

/** The next minor release after the embedded one (v0.4.0 -> v0.5.0). */
const NEXT = nextTag(EMBEDDED.tag, 'minor')

/** A repository with a committed producer release (the embedded one -> NEXT) and these suites; the gate run with them. */
async function promoteWithSuites(
  suites: { consumer?: PolicyStep[]; producer?: PolicyStep[]; concurrent?: boolean },
  options: { secrets?: string[]; reporter?: SuiteReporter; signal?: AbortSignal } = {}
): Promise<{ run: PromotionRun; b: BaselineResult }> {
  const fx = trioFixture()
  writePolicy(fx, suites)
  const repo = gitRepo(fx)
  const base = repo.commit(`the approved baseline ${EMBEDDED.tag}`, OLD_DATE)
  producerRelease(fx, NEXT)
  repin(fx)
  repo.commit(`promote memorykernel ${NEXT}`)
  const run = await promote(fx, { base, suites: true, ...options })
  expect(run.result.baselines).toHaveLength(1)
  return { run, b: run.result.baselines[0]! }
}

describe('promotion: suite steps that do not pass', () => {
  it('a hanging step is killed at its timeout with its child (BG702), a step exiting 3 fails (BG701), a missing program cannot run (BG703); all run, and the verdict is FAIL', async () => {
    const pidFile = join(tempDir(), 'pids')
    // the step starts a child that also hangs, records both pids, then waits for ever
    const hang = [
      'const { spawn } = require("child_process")',
      'const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" })',
      'require("fs").writeFileSync(process.argv[1], process.pid + " " + child.pid)',
      'console.log("started child " + child.pid)',
      'setInterval(() => {}, 1000)'
    ].join('\n')
    const { b, run } = await promoteWithSuites({
      consumer: [
        nodeStep('hangs', hang, [pidFile], { timeout_s: 2 }),
        nodeStep('exits 3', 'console.error("2 tests failed"); process.exit(3)')
      ],
      producer: [{ name: 'missing program', run: ['bg-no-such-program-0f3a'] }]
    })

    expect(b.verdict).toBe('FAIL')
    expect(b.steps.map((s) => [s.name, s.status, s.exit_code])).toEqual([
      ['hangs', 'timed-out', null],
      ['exits 3', 'failed', 3],
      ['missing program', 'not-run', null]
    ])
    const pids = recordedPids(pidFile)
    expect(pids).toHaveLength(2) // the step and its child
    await expectGone(pids)

    const byRule = (rule: string) => b.findings.filter((f) => f.rule === rule)
    expect(byRule('BG702').map((f) => f.message)).toEqual([expect.stringContaining('consumer › hangs')])
    expect(byRule('BG701').map((f) => f.message)).toEqual([
      expect.stringContaining('consumer › exits 3" failed (exit code 3')
    ])
    expect(byRule('BG703').map((f) => f.message)).toEqual([
      expect.stringContaining('producer › missing program" could not start, so it tested nothing')
    ])
    expect(b.findings.every((f) => f.severity === 'error')).toBe(true)
    expect(b.steps.find((s) => s.name === 'hangs')!.log_tail).toContain('started child')
    expect(b.steps.find((s) => s.name === 'exits 3')!.log_tail).toContain('2 tests failed')
    // the step that could not start has no log to read: what to give the machine, said on its own (found by review)
    const next = nextSteps(run.result).map(lineToText)
    expect(next).toContain(
      'Give this machine what the step that could not start (producer › missing program) needs: BG703 under Findings names the missing program or directory (in a workflow, a setup step before this one), then run again. What it tests was not tested.'
    )
    expect(next).toContain(
      'Read the log of the 2 steps that did not pass (consumer › hangs, consumer › exits 3): their last lines are in this report, the whole logs in the evidence.'
    )
  }, 30_000)
})

describe('promotion: a cancelled run', () => {
  it('stops the running step with its group, does not start the rest, and the verdict is FAIL', async () => {
    const pidFile = join(tempDir(), 'pids')
    const controller = new AbortController()
    const reporter: SuiteReporter = {
      stepStarted: (_suite, name) => {
        if (name !== 'long') return
        // cancel once the step is surely running (it has written its pid)
        const poll = setInterval(() => {
          if (recordedPids(pidFile).length === 0) return
          clearInterval(poll)
          controller.abort()
        }, 20)
      }
    }
    const { b, run } = await promoteWithSuites(
      {
        concurrent: false,
        consumer: [
          nodeStep(
            'long',
            'require("fs").writeFileSync(process.argv[1], String(process.pid)); setInterval(() => {}, 1000)',
            [pidFile],
            { timeout_s: 600 }
          ),
          nodeStep('after', 'console.log("ran")')
        ],
        producer: [nodeStep('producer', 'console.log("ran")')]
      },
      { reporter, signal: controller.signal }
    )
    expect(b.verdict).toBe('FAIL')
    expect(b.steps.map((s) => [s.name, s.status])).toEqual([
      ['long', 'failed'],
      ['after', 'not-run'],
      ['producer', 'not-run']
    ])
    const pids = recordedPids(pidFile)
    expect(pids).toHaveLength(1)
    await expectGone(pids)
    expect(b.findings.map((f) => [f.rule, f.message])).toEqual([
      [
        'BG703',
        'suite step "consumer › long" was stopped with its child processes before it finished (the run was cancelled)'
      ],
      ['BG703', 'suite step "consumer › after" did not run (the run was stopped)'],
      ['BG703', 'suite step "producer › producer" did not run (the run was stopped)']
    ])
    // what to do says the run was cancelled, not "read the log" of a step it stopped
    expect(nextSteps(run.result).map(lineToText)).toContain(
      'The run was cancelled while its suites ran (Ctrl-C, or a cancelled job): the steps it stopped or did not start are no verdict on the change; run it again.'
    )
  }, 30_000)
})

// Every planted value is a fake built at run time from parts, so this source holds no literal a scanner flags.
const fill = (pattern: string, n: number): string => pattern.repeat(Math.ceil(n / pattern.length)).slice(0, n)
const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
const PRIVATE = ' PRIVATE' + ' KEY'
const KEY_BODY = ['MIIEowIBAAKCAQEA' + fill('FakeRsaKeyMaterial0+/', 48), fill('FakeKeyLine1+/', 64)].join(
  '\n'
)

interface Plant {
  kind: string
  /** The value that must never appear in the evidence. */
  secret: string
  /** How a step prints it. */
  line: (secret: string) => string
}

const PLANTS: Plant[] = [
  { kind: 'github pat (ghp_)', secret: 'gh' + 'p_' + fill('FakeGhpToken0', 36), line: (s) => `token=${s}` },
  {
    kind: 'github oauth (gho_)',
    secret: 'gh' + 'o_' + fill('FakeGhoToken1', 36),
    line: (s) => `GH_TOKEN="${s}"`
  },
  { kind: 'github user (ghu_)', secret: 'gh' + 'u_' + fill('FakeGhuToken2', 36), line: (s) => `user ${s}` },
  {
    kind: 'github server (ghs_)',
    secret: 'gh' + 's_' + fill('FakeGhsToken3', 36),
    line: (s) => `origin https://x-access-token:${s}@github.com/org/app.git (fetch)`
  },
  {
    kind: 'github fine-grained',
    secret: 'github' + '_pat_' + '11FAKE0000' + fill('FakePat5', 12) + '_' + fill('FakeFineGrained6', 59),
    line: (s) => `curl -H "Authorization: token ${s}" https://api.github.com/user`
  },
  { kind: 'aws key id', secret: 'AK' + 'IA' + 'FAKEKEY0TEST0001', line: (s) => `aws_access_key_id = ${s}` },
  {
    kind: 'aws secret key',
    secret: fill('Fake/Aws+Secret0', 40),
    line: (s) => `aws_secret_access_key = ${s}`
  },
  {
    kind: 'slack bot token',
    secret: 'xo' + 'xb-' + '1234FAKE5678-9012FAKE34567-' + fill('FakeSlackBot0', 24),
    line: (s) => `notify: posting with ${s}`
  },
  {
    kind: 'jwt',
    secret:
      b64url({ alg: 'HS256', typ: 'JWT' }) +
      '.' +
      b64url({ sub: 'fake-user', iat: 0 }) +
      '.' +
      fill('FakeSignature0_-', 43),
    line: (s) => `ACTIONS_ID_TOKEN: ${s}`
  },
  {
    kind: 'private key block',
    secret: KEY_BODY,
    line: (s) => `could not parse key\n-----BEGIN RSA${PRIVATE}-----\n${s}\n-----END RSA${PRIVATE}-----`
  },
  {
    kind: 'url credentials',
    secret: 'Fake-Url-Pa55word',
    line: (s) => `Cloning https://deploy-bot:${s}@git.example.com/org/repo.git`
  },
  {
    kind: 'bearer header',
    secret: fill('FakeBearerToken0', 40),
    line: (s) => `> Authorization: Bearer ${s}`
  },
  {
    kind: 'known secret (declared to the redactor)',
    secret: 'Fake Known/Secret+Value 42',
    line: (s) => `the deploy passphrase is ${s}; url-encoded ${encodeURIComponent(s)}`
  }
]
const KNOWN = PLANTS.at(-1)!.secret

describe('promotion: secrets in suite output', () => {
  it('never appear in any file of the evidence directory, and are counted as redactions', async () => {
    // the step reads what it prints from a file outside the repository: argv (which the packet records) holds
    // only that file's path
    const plantFile = join(tempDir(), 'plants.txt')
    const printed = PLANTS.map((p) => p.line(p.secret))
    const half = Math.ceil(printed.length / 2)
    writeFileSync(plantFile, printed.slice(0, half).join('\n') + '\n')
    const stderrFile = join(tempDir(), 'plants-stderr.txt')
    writeFileSync(stderrFile, printed.slice(half).join('\n') + '\n')
    const print = 'process.stdout.write(require("fs").readFileSync(process.argv[1], "utf8"))'
    const printErr =
      'process.stderr.write(require("fs").readFileSync(process.argv[1], "utf8")); process.exit(1)'

    // what the entry layer is given to show live: only redacted logs
    const shown: string[] = []
    const reporter: SuiteReporter = {
      stepFinished: (step, log) => shown.push(JSON.stringify(step), log)
    }
    const { run, b } = await promoteWithSuites(
      {
        consumer: [nodeStep('prints secrets', print, [plantFile])],
        producer: [nodeStep('prints secrets and fails', printErr, [stderrFile])]
      },
      { secrets: [KNOWN], reporter }
    )
    expect(shown).toHaveLength(4)
    const files = run.files()
    expect(Object.keys(files).sort()).toEqual([
      'promotion-memorykernel-01-consumer-prints-secrets.log',
      'promotion-memorykernel-02-producer-prints-secrets-and-fails.log',
      'promotion-memorykernel.intoto.json',
      'promotion-memorykernel.json',
      'promotion-memorykernel.md'
    ])
    const leaks: string[] = []
    const everything = [
      ...Object.entries(files),
      ...shown.map((text, i) => [`reporter #${i}`, Buffer.from(text)] as const)
    ]
    for (const [name, bytes] of everything) {
      const text = bytes.toString('utf8')
      for (const p of PLANTS) {
        for (const form of [p.secret, encodeURIComponent(p.secret), JSON.stringify(p.secret).slice(1, -1)]) {
          if (text.includes(form)) leaks.push(`${p.kind} in ${name}`)
        }
      }
    }
    expect(leaks).toEqual([])

    // the output around the secrets is still there, and the steps did run
    const log = files['promotion-memorykernel-01-consumer-prints-secrets.log']!.toString('utf8')
    expect(log).toContain('aws_access_key_id = ')
    expect(log).toContain('[REDACTED:')
    expect(b.steps.map((s) => s.status)).toEqual(['passed', 'failed'])
    expect(b.redactions).toBeGreaterThanOrEqual(PLANTS.length)
    const packet = JSON.parse(readFileSync(b.evidence, 'utf8')) as { redactions: number }
    expect(packet.redactions).toBe(b.redactions)
    expect(b.verdict).toBe('FAIL') // the second step exited 1
  }, 30_000)
})

describe('promotion: the suites come from the base policy', () => {
  it('a change that also strips the failing suite from the policy still runs it (BG706 says so), and fails', async () => {
    const fx = trioFixture()
    writePolicy(fx, { consumer: [nodeStep('test', 'console.error("1 test failed"); process.exit(1)')] })
    const repo = gitRepo(fx)
    const base = repo.commit(`the approved baseline ${EMBEDDED.tag}`, OLD_DATE)
    producerRelease(fx, NEXT)
    repin(fx)
    writePolicy(fx, { consumer: [] }) // the same pull request removes the failing test from the gate
    repo.commit(`promote memorykernel ${NEXT}`)
    const run = await promote(fx, { base, suites: true })
    const b = run.result.baselines[0]!
    expect(b.steps.map((s) => [s.name, s.status])).toEqual([['test', 'failed']])
    expect(b.findings.map((f) => f.rule).sort()).toEqual(['BG701', 'BG706'])
    expect(b.verdict).toBe('FAIL')
    // the next steps say the failing suite is the base's, before they send the reader to its log (found by review)
    expect(nextSteps(run.result).map(lineToText).slice(0, 2)).toEqual([
      "The suites that ran are the base revision's, not this change's policy's (BG706): its notice under Findings says why and how to land a change of them.",
      'Read the log of the 1 step that did not pass (consumer › test): its last lines are in this report, the whole log in the evidence.'
    ])
  })
})

describe('promotion: a step that floods its output', () => {
  it('prints 1 GiB and fails: every byte is counted, the log keeps a bounded head and tail, the verdict is FAIL', async () => {
    const GiB = 1024 * 1024 * 1024
    const flood = [
      'const b = Buffer.alloc(1 << 20, 97); let i = 0',
      ';(function w() { while (i < 1024) { i++; if (!process.stdout.write(b)) return process.stdout.once("drain", w) }',
      '  process.stdout.write("\\nthe last line\\n", () => process.exit(1)) })()'
    ].join('\n')
    const { run, b } = await promoteWithSuites({
      consumer: [nodeStep('floods', flood, [], { timeout_s: 120 })]
    })
    const step = b.steps[0]!
    expect([step.status, step.exit_code, step.output_bytes]).toEqual([
      'failed',
      1,
      GiB + '\nthe last line\n'.length
    ])
    expect(b.findings.map((f) => f.rule)).toContain('BG701')
    expect(b.verdict).toBe('FAIL')
    const log = run.files()[step.log_file!]!
    expect(log.length).toBeLessThan(4 * 1024 * 1024)
    expect(log.toString('utf8')).toContain('the last line')
    expect(step.log_tail).toContain('the last line')
  })
})
