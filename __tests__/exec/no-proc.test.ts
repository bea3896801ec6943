// On a platform without /proc (macOS), only the process group is reached: the step says so
// (`group-only`), and a process that left the group and holds the output open cannot make the runner hang.
// /proc is hidden by mocking the module that reads it; the processes are real.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, jest } from '@jest/globals'
import { expectGone, killLeftovers, recordedPids } from '../helpers/processes.js'
import { manualClock } from './manual-clock.js'
import type { RunnerClock } from '../../src/exec/clock.js'

jest.unstable_mockModule('../../src/exec/proc-table.js', () => ({
  parseStat: () => null,
  procAvailable: () => false,
  readProc: () => null,
  readProcTable: () => null,
  readEnvValues: () => []
}))
const { runSuite } = await import('../../src/exec/run-steps.js')
const { LINGER_MS } = await import('../../src/exec/process-group.js')
const { ESCAPED_OUTPUT } = await import('../../src/exec/step-errors.js')

const dir = mkdtempSync(join(tmpdir(), 'bg-no-proc-'))

/**
 * The clock, but the linger after a step's exit (how long an escaped process may hold the output) fires at
 * once for the first `times` steps that exit. Only for those: a step whose output closes normally may see its
 * exit before the close, and a linger fired at once would take it for an escaped holder.
 */
function lingerAtOnce<C extends RunnerClock>(clock: C, times = 1): C {
  const after = clock.after.bind(clock)
  let left = times
  return {
    ...clock,
    after: (ms: number, fire: () => void) => {
      if (ms !== LINGER_MS || left === 0) return after(ms, fire)
      left--
      const t = setImmediate(fire)
      return () => clearImmediate(t)
    }
  }
}
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/**
 * A node script that starts `sleep 300` in a session of its own holding our stdout and stderr (out of reach of
 * the group kill, and of /proc, which these tests hide), writes its pid to `pidFile`, then runs `then`.
 */
const holder = (pidFile: string, then = '') =>
  `const c = require('child_process').spawn('sleep', ['300'], { detached: true, stdio: ['ignore', 'inherit', 'inherit'] }); require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(c.pid)); c.unref(); ${then}`

/** A suite step running a node script. */
const nodeSpec = (name: string, script: string, timeoutMs = 120_000) => ({
  suite: 'test',
  name,
  argv: [process.execPath, '-e', script],
  cwd: tmpdir(),
  timeoutMs,
  env: process.env
})

describe('without /proc', () => {
  it('the group is still stopped, and the step says escaped processes could not be tracked', async () => {
    const pidFile = join(dir, 'group')
    const [run] = await runSuite([
      {
        suite: 'test',
        name: 'group',
        argv: ['sh', '-c', 'sleep 300 & echo $! > "$1"', 'sh', pidFile],
        cwd: tmpdir(),
        timeoutMs: 120_000,
        env: process.env
      }
    ])
    expect(run).toMatchObject({ status: 'passed', containment: 'group-only', killed: [] })
    await expectGone(recordedPids(pidFile))
  })

  it('a process that left the group and holds the output open cannot make the runner hang', async () => {
    const pidFile = join(dir, 'escaped')
    // a new session: out of reach of the group kill, with our stdout and stderr
    // then it says ready and waits for its timeout, which the test's clock fires only then
    const escape = holder(pidFile, "console.log('ready'); setInterval(() => {}, 1000)")
    try {
      const clock = lingerAtOnce(manualClock())
      const [run, next] = await runSuite(
        [nodeSpec('escapes', escape, 3000), nodeSpec('next', 'console.log(1)')],
        { onOutput: (_s, chunk) => chunk.toString().includes('ready') && clock.advance(3000) },
        undefined,
        clock
      )
      expect(run).toMatchObject({
        status: 'timed-out',
        error: 'output still open after SIGKILL',
        containment: 'group-only'
      })
      expect(next!.status).toBe('passed')
    } finally {
      killLeftovers(recordedPids(pidFile))
    }
    const pids = recordedPids(pidFile)
    expect(pids).toHaveLength(1)
    await expectGone(pids)
  })

  it('a cancellation after the step itself exited does not make it "stopped": its own ending is judged', async () => {
    const pidFile = join(dir, 'exited')
    const escape = holder(pidFile)
    const controller = new AbortController()
    const clock = manualClock()
    // the linger is asked for once the step's process has exited: the run is cancelled then, and the linger
    // fires after that
    const at = clock.after.bind(clock)
    const cancelledAfterExit = {
      ...clock,
      after: (ms: number, fire: () => void) => {
        if (ms !== LINGER_MS) return at(ms, fire)
        const t = setImmediate(() => {
          controller.abort()
          setImmediate(fire)
        })
        return () => clearImmediate(t)
      }
    }
    try {
      const [run] = await runSuite([nodeSpec('exits', escape)], {}, controller.signal, cancelledAfterExit)
      // not 'aborted' (BG703, "stopped before it finished"): it finished, leaving a process holding its output
      expect(run).toMatchObject({ status: 'failed', exitCode: 0, error: ESCAPED_OUTPUT })
    } finally {
      killLeftovers(recordedPids(pidFile))
    }
  })

  it('a step that ends while a process it started holds its output open does not pass: that process escaped', async () => {
    const pidFile = join(dir, 'holder')
    // exits at once, leaving a process of its own session with our stdout and stderr
    const escape = holder(pidFile)
    // the linger after the exit fires as soon as it is asked for; the step's own timeout never does
    const clock = lingerAtOnce(manualClock())
    try {
      const [run] = await runSuite([nodeSpec('holds', escape)], {}, undefined, clock)
      expect(run).toMatchObject({ status: 'failed', exitCode: 0, error: ESCAPED_OUTPUT })
    } finally {
      killLeftovers(recordedPids(pidFile))
    }
    await expectGone(recordedPids(pidFile))
  })
})
