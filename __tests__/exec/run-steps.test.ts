// The suite runner with real child processes: exit codes, a missing command, a hang killed with its
// grandchild, a step printing 1 GiB within a memory bound, order, concurrency, abort, and placeholders.
// Processes that leave the group: escapes.test.ts; without /proc: no-proc.test.ts.
// Nothing asserted depends on how fast the machine is: order and overlap come from the order the hooks are
// called in, and a timeout fires when the test's clock says so, once the step has said it is ready.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { expandStep, runSuite, runSuites } from '../../src/exec/run-steps.js'
import type { RunnerHooks, StepRun, StepSpec } from '../../src/exec/run-steps.js'
import { formatDuration } from '../../src/text/duration.js'
import { manualClock } from './manual-clock.js'
import type { SuiteStep } from '../../src/policy/types.js'
import { expectGone, recordedPids } from '../helpers/processes.js'

const made: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bg-steps-'))
  made.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const NODE = process.execPath
const GiB = 1024 * 1024 * 1024

function spec(name: string, argv: string[], extra: Partial<StepSpec> = {}): StepSpec {
  return { suite: 'test', name, argv, cwd: tmpdir(), timeoutMs: 60_000, env: process.env, ...extra }
}
const nodeStep = (name: string, script: string, extra: Partial<StepSpec> = {}) =>
  spec(name, [NODE, '-e', script], extra)
const sleepStep = (name: string, ms: number, extra: Partial<StepSpec> = {}) =>
  nodeStep(name, `setTimeout(() => {}, ${ms})`, extra)

/** Every pid in the file is gone (waits for the kernel to finish the kill, bounded). */
async function expectNoneLeft(pidFile: string, expected: number): Promise<void> {
  const pids = recordedPids(pidFile)
  expect(pids).toHaveLength(expected)
  await expectGone(pids)
}

/**
 * A shell that starts a grandchild `sleep 600`, writes both pids, says "ready" once the grandchild is `sleep`
 * (no longer the shell it forked as: a kill at once would find `sh`) and waits.
 */
function hangingStep(name: string, pidFile: string, extra: Partial<StepSpec> = {}, preamble = ''): StepSpec {
  const untilSleeping = 'until [ "$(cat /proc/$p/comm 2>/dev/null)" = sleep ]; do sleep 0.01; done'
  return spec(
    name,
    [
      'sh',
      '-c',
      `${preamble} sleep 600 & p=$!; echo $$ $p > "$1"; ${untilSleeping}; echo ready; wait`,
      'sh',
      pidFile
    ],
    extra
  )
}

/** When every step started and ended, as the count of hook calls before it: an order, not a time. */
function timeline(): { hooks: RunnerHooks; spans: Map<string, { start: number; end: number }> } {
  const spans = new Map<string, { start: number; end: number }>()
  let calls = 0
  return {
    spans,
    hooks: {
      onStart: (s) => spans.set(`${s.suite}/${s.name}`, { start: ++calls, end: NaN }),
      onEnd: (s) => {
        const span = spans.get(`${s.suite}/${s.name}`)
        if (span) span.end = ++calls
      }
    }
  }
}

/** Hooks that run out the clock (the step's timeout) once the step has printed "ready". */
function timeoutWhenReady(clock: ReturnType<typeof manualClock>): RunnerHooks {
  return { onOutput: (_s, chunk) => chunk.toString().includes('ready') && clock.advance(clock.asked.at(-1)!) }
}

describe('runSuite: status of a step', () => {
  it('exit 0 is passed, anything else failed, with the exit code and the output of both streams', async () => {
    const clock = manualClock()
    const [ok, bad] = await runSuite(
      [
        nodeStep('ok', 'console.log("to stdout"); console.error("to stderr")'),
        nodeStep('bad', 'console.log("about to fail"); process.exit(3)')
      ],
      { onOutput: () => clock.advance(5) },
      undefined,
      clock
    )
    expect(ok).toMatchObject({ status: 'passed', exitCode: 0, signal: null, error: null })
    expect(ok!.output).toContain('to stdout')
    expect(ok!.output).toContain('to stderr')
    expect(ok!.outputBytes).toBe(Buffer.byteLength('to stdout\nto stderr\n'))
    expect(ok!.startedAt).toBe('2026-11-25T12:00:00.000Z')
    // the clock moved 5 ms for each of the step's chunks of output
    expect(ok!.durationMs).toBeGreaterThanOrEqual(5)
    expect(bad!.startedAt).toBe(new Date(Date.parse(ok!.startedAt) + ok!.durationMs).toISOString())
    expect(bad).toMatchObject({ status: 'failed', exitCode: 3, signal: null, error: null, name: 'bad' })
    expect(bad!.output).toBe('about to fail\n')
  })

  it('a step killed by a signal is failed, with the signal recorded', async () => {
    const [run] = await runSuite([spec('self-kill', ['sh', '-c', 'kill -KILL $$'])])
    expect(run).toMatchObject({ status: 'failed', exitCode: null, signal: 'SIGKILL', error: null })
  })

  it('a command that does not exist did not run (ENOENT), without throwing, and the next step still runs', async () => {
    const runs = await runSuite([
      spec('missing', ['no-such-command-bg-xyz', '--flag']),
      sleepStep('after', 1)
    ])
    // not started, never "failed": it tested nothing (found by review: a rollback read it as the target failing)
    expect(runs[0]).toMatchObject({ status: 'not-run', exitCode: null, signal: null, error: 'ENOENT' })
    // no process, so nothing escaped: never "this runner has no /proc" (found by review)
    expect(runs[0]!.containment).toBe('tracked')
    expect(runs[1]!.status).toBe('passed')
  })

  it('a working directory that does not exist: the step did not run, saying why', async () => {
    const cwd = join(tempDir(), 'absent')
    const [run] = await runSuite([sleepStep('nowhere', 1, { cwd })])
    expect(run!.status).toBe('not-run')
    expect(run!.error).toContain('ENOENT')
    expect(run!.error).toContain(cwd)
  })

  it('a step that hangs is killed at its timeout with its grandchild, and no process is left', async () => {
    const pidFile = join(tempDir(), 'pids')
    const clock = manualClock()
    const [run, next] = await runSuite(
      [hangingStep('hang', pidFile, { timeoutMs: 500 }), nodeStep('next', 'console.log("still ran")')],
      timeoutWhenReady(clock),
      undefined,
      clock
    )
    expect(clock.asked.slice(0, 1)).toEqual([500])
    expect(run).toMatchObject({ status: 'timed-out', exitCode: null, signal: 'SIGTERM', durationMs: 500 })
    expect(run!.output).toContain('ready')
    await expectNoneLeft(pidFile, 2)
    // the grandchild is listed, the leader (the step itself) is not
    const [, grandchild] = recordedPids(pidFile)
    expect(run!.killed).toEqual([{ pid: grandchild, command: 'sleep', found: 'group' }])
    expect(next!.status).toBe('passed')
  })

  it('a step that ignores SIGTERM gets SIGKILL after the grace period, grandchild too', async () => {
    const pidFile = join(tempDir(), 'pids')
    const clock = manualClock()
    const [run] = await runSuite(
      [hangingStep('stubborn', pidFile, { timeoutMs: 300 }, "trap '' TERM;")],
      timeoutWhenReady(clock),
      undefined,
      clock
    )
    expect(run).toMatchObject({ status: 'timed-out', signal: 'SIGKILL' })
    await expectNoneLeft(pidFile, 2)
  })

  it('a background process left holding the output is killed when the step ends; the step passes', async () => {
    const pidFile = join(tempDir(), 'pids')
    const [run] = await runSuite([
      spec('leaves a server', ['sh', '-c', 'sleep 600 & echo $$ $! > "$1"; echo done', 'sh', pidFile])
    ])
    expect(run).toMatchObject({ status: 'passed', exitCode: 0, output: 'done\n' })
    await expectNoneLeft(pidFile, 2)
  })

  it('a step printing 1 GiB keeps every byte counted, the text bounded, and our memory bounded', async () => {
    // 1 MiB chunks of 'a' 1024 times, honouring back-pressure, then a last line the tail must keep
    const script =
      "const b = Buffer.alloc(1 << 20, 97); let i = 0; (function w() { while (i < 1024) { i++; if (!process.stdout.write(b)) return process.stdout.once('drain', w) } process.stdout.write('\\nTHE END\\n') })()"
    const before = process.memoryUsage.rss()
    let peak = before
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10)
    let chunks = 0
    let seen = 0
    let run: StepRun | undefined
    try {
      ;[run] = await runSuite([nodeStep('flood', script)], {
        onOutput: (_s, chunk) => {
          chunks++
          seen += chunk.length
        }
      })
    } finally {
      clearInterval(sampler)
    }
    peak = Math.max(peak, process.memoryUsage.rss())
    const extra = Buffer.byteLength('\nTHE END\n')
    expect(run!.status).toBe('passed')
    expect(run!.outputBytes).toBe(GiB + extra)
    expect(seen).toBe(GiB + extra)
    expect(chunks).toBeGreaterThan(1)
    expect(run!.output.length).toBeLessThan(100 * 1024)
    expect(run!.output).toMatch(/\[… \d+ bytes omitted …\]/)
    // a gibibyte of one token-like run with no line break keeps none of it: a cut through it could split a secret
    expect(run!.output.startsWith('[… ')).toBe(true)
    expect(run!.output.endsWith('\nTHE END\n')).toBe(true)
    expect(peak - before).toBeLessThan(64 * 1024 * 1024)
  })
})

describe('runSuite: the suite', () => {
  it('runs every step after a failure, in order, one at a time', async () => {
    const dir = tempDir()
    const log = join(dir, 'log')
    writeFileSync(log, '')
    const append = (n: string, code: number) =>
      nodeStep(
        `step ${n}`,
        `require('fs').appendFileSync(${JSON.stringify(log)}, '${n}\\n'); process.exit(${code})`
      )
    const { hooks, spans } = timeline()
    const runs = await runSuite([append('1', 1), append('2', 0), append('3', 2), append('4', 0)], hooks)
    expect(runs.map((r) => [r.name, r.status, r.exitCode])).toEqual([
      ['step 1', 'failed', 1],
      ['step 2', 'passed', 0],
      ['step 3', 'failed', 2],
      ['step 4', 'passed', 0]
    ])
    expect(readFileSync(log, 'utf8')).toBe('1\n2\n3\n4\n')
    const ordered = [...spans.values()]
    for (let i = 1; i < ordered.length; i++)
      expect(ordered[i]!.start).toBeGreaterThanOrEqual(ordered[i - 1]!.end)
  })

  it('an abort kills the running step and its grandchild; the steps not started are not-run', async () => {
    const pidFile = join(tempDir(), 'pids')
    const controller = new AbortController()
    const ended: string[] = []
    const runs = await runSuite(
      [
        sleepStep('before', 1),
        hangingStep('running', pidFile),
        sleepStep('later 1', 1),
        sleepStep('later 2', 1)
      ],
      {
        onOutput: (s, chunk) => {
          if (s.name === 'running' && chunk.toString().includes('ready')) controller.abort()
        },
        onEnd: (s) => ended.push(s.name)
      },
      controller.signal
    )
    expect(runs.map((r) => [r.name, r.status, r.error])).toEqual([
      ['before', 'passed', null],
      ['running', 'failed', 'aborted'],
      ['later 1', 'not-run', null],
      ['later 2', 'not-run', null]
    ])
    expect(runs.slice(2).map((r) => [r.durationMs, r.exitCode, r.outputBytes])).toEqual([
      [0, null, 0],
      [0, null, 0]
    ])
    expect(ended).toEqual(['before', 'running', 'later 1', 'later 2'])
    await expectNoneLeft(pidFile, 2)
  })

  it('an already aborted signal runs nothing', async () => {
    const controller = new AbortController()
    controller.abort()
    const started: string[] = []
    const runs = await runSuite(
      [sleepStep('a', 1)],
      { onStart: (s) => started.push(s.name) },
      controller.signal
    )
    expect(runs.map((r) => r.status)).toEqual(['not-run'])
    expect(started).toEqual([])
  })

  it('a hook that throws costs no step its result (it becomes a process warning)', async () => {
    const ended: string[] = []
    const runs = await runSuite([sleepStep('a', 1), nodeStep('b', 'console.log(1)')], {
      onStart: () => {
        throw new Error('renderer bug')
      },
      onOutput: () => {
        throw new Error('renderer bug')
      },
      onEnd: (s) => {
        ended.push(s.name)
        throw new Error('renderer bug')
      }
    })
    expect(runs.map((r) => [r.status, r.outputBytes])).toEqual([
      ['passed', 0],
      ['passed', 2]
    ])
    expect(ended).toEqual(['a', 'b'])
  })
})

describe('runSuites', () => {
  const suites = () => [
    ['a1', 'a2', 'a3'].map((n) => sleepStep(n, 1, { suite: 'consumer' })),
    ['b1', 'b2', 'b3'].map((n) => sleepStep(n, 1, { suite: 'producer' }))
  ]
  const span = (spans: Map<string, { start: number; end: number }>, suite: string) => {
    const mine = [...spans.entries()].filter(([k]) => k.startsWith(`${suite}/`)).map(([, v]) => v)
    return { start: Math.min(...mine.map((s) => s.start)), end: Math.max(...mine.map((s) => s.end)) }
  }

  it('concurrent: the suites overlap in time, each keeping its own order', async () => {
    const { hooks, spans } = timeline()
    const result = await runSuites(suites(), { concurrent: true }, hooks)
    expect(result.map((runs) => runs.map((r) => `${r.suite}/${r.name}:${r.status}`))).toEqual([
      ['consumer/a1:passed', 'consumer/a2:passed', 'consumer/a3:passed'],
      ['producer/b1:passed', 'producer/b2:passed', 'producer/b3:passed']
    ])
    const a = span(spans, 'consumer')
    const b = span(spans, 'producer')
    expect(Math.max(a.start, b.start)).toBeLessThan(Math.min(a.end, b.end))
    for (const suite of ['consumer', 'producer']) {
      const steps = [...spans.entries()].filter(([k]) => k.startsWith(`${suite}/`)).map(([, v]) => v)
      for (let i = 1; i < steps.length; i++) expect(steps[i]!.start).toBeGreaterThanOrEqual(steps[i - 1]!.end)
    }
  })

  it('sequential: the second suite starts after the first has ended', async () => {
    const { hooks, spans } = timeline()
    const result = await runSuites(suites(), { concurrent: false }, hooks)
    expect(result.flat().every((r) => r.status === 'passed')).toBe(true)
    expect(span(spans, 'producer').start).toBeGreaterThanOrEqual(span(spans, 'consumer').end)
  })

  it('sequential with an abort: the suites after the abort are not-run', async () => {
    const controller = new AbortController()
    const result = await runSuites(
      [[sleepStep('a', 1, { suite: 'one' })], [sleepStep('b', 1, { suite: 'two' })]],
      { concurrent: false },
      { onEnd: (s) => s.suite === 'one' && controller.abort() },
      controller.signal
    )
    expect(result.map((runs) => runs.map((r) => r.status))).toEqual([['passed'], ['not-run']])
  })
})

describe('expandStep', () => {
  const step: SuiteStep = {
    name: 'verify',
    run: ['bash', 'scripts/verify.sh', '--root', '{producer_root}', '--repo={repo_root}', '{port}'],
    cwd: '{producer_root}',
    timeout_s: 90,
    operations: ['promotion']
  }

  it('replaces the placeholders in argv and cwd, and turns seconds into milliseconds', () => {
    const s = expandStep(step, { repoRoot: '/repo', producerRoot: '/repo/services/mk' }, { PATH: '/bin' })
    expect(s).toMatchObject({
      name: 'verify',
      argv: ['bash', 'scripts/verify.sh', '--root', '/repo/services/mk', '--repo=/repo', '{port}'],
      cwd: '/repo/services/mk',
      timeoutMs: 90_000
    })
  })

  it('resolves a relative cwd and a relative producer root against the repo root', () => {
    const roots = { repoRoot: '/repo', producerRoot: 'services/mk' }
    expect(expandStep({ ...step, cwd: 'packages/app' }, roots, {}).cwd).toBe('/repo/packages/app')
    expect(expandStep(step, roots, {}).cwd).toBe('/repo/services/mk')
    expect(expandStep({ ...step, cwd: '{repo_root}' }, roots, {}).cwd).toBe('/repo')
  })

  it('takes a `$` in a path literally', () => {
    const s = expandStep(step, { repoRoot: "/r$&$'", producerRoot: '/p$1' }, {})
    expect(s.argv.slice(3, 5)).toEqual(['/p$1', "--repo=/r$&$'"])
  })

  it('passes the environment through the allowlist: no token reaches the step', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'app'))
    const env = {
      PATH: process.env.PATH,
      GITHUB_TOKEN: 'ghs_notforsteps',
      ACTIONS_RUNTIME_TOKEN: 'x',
      HOME: dir,
      // kept by the allowlist's prefixes, but credentials all the same (found by review)
      NPM_CONFIG__AUTH: 'dXNlcjpwYXNz',
      npm_config__authtoken: 'npm_x',
      NPM_CONFIG_KEY: '-----BEGIN PRIVATE KEY-----',
      CARGO_REGISTRIES_CORP_CREDENTIAL_PROVIDER: 'cargo:token',
      NPM_CONFIG_HTTPS_PROXY: 'http://user:pass@proxy.internal:3128',
      NPM_CONFIG_PROXY: 'http://proxy.internal:3128'
    }
    const s = expandStep(
      { ...step, run: [NODE, '-e', 'console.log(JSON.stringify(process.env))'], cwd: 'app' },
      { repoRoot: dir, producerRoot: 'svc' },
      env
    )
    expect(s.env).toEqual({
      PATH: process.env.PATH,
      HOME: dir,
      NPM_CONFIG_PROXY: 'http://proxy.internal:3128'
    })
    const [run] = await runSuite([{ ...s, suite: 'consumer' }])
    expect(run!.status).toBe('passed')
    expect(run!.cwd).toBe(join(dir, 'app'))
    const seen = JSON.parse(run!.output) as Record<string, string>
    expect(seen.GITHUB_TOKEN).toBeUndefined()
    expect(seen.ACTIONS_RUNTIME_TOKEN).toBeUndefined()
  })
})

describe('step-report', () => {
  it.each<[number, string]>([
    [0, '0 ms'],
    [850.4, '850 ms'],
    [1000, '1.0 s'],
    [12_345, '12.3 s'],
    [59_999, '59.9 s'],
    [245_000, '4 min 5 s'],
    [125_000, '2 min 5 s'],
    [3_720_000, '1 h 2 min'],
    [-5, '0 ms'],
    [NaN, '0 ms']
  ])('formatDuration(%p) is %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
})
