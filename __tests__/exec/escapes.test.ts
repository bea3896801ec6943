// Processes that leave a step's process group (setsid, a double fork, setsid -f, a cleared environment) are
// killed when the step ends, times out or is aborted, and the step's result lists them; nothing else is
// touched: not a process the test started beside the step, not another step's. Real processes; each one
// writes its pid to a file so the test can check it is gone; whatever the runner missed is killed after each
// test. No assertion is on a time: timeouts are upper bounds.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from '@jest/globals'
import { runSuite, runSuites } from '../../src/exec/run-steps.js'
import type { StepRun, StepSpec } from '../../src/exec/run-steps.js'
import { STEP_MARKER } from '../../src/exec/step-watch.js'
import { alive, expectGone, killLeftovers, recordedPids } from '../helpers/processes.js'
import { manualClock } from './manual-clock.js'

const dir = mkdtempSync(join(tmpdir(), 'bg-escapes-'))
const pidFiles: string[] = []
let n = 0
function pidFile(): string {
  const file = join(dir, `pids-${++n}`)
  pidFiles.push(file)
  return file
}
afterEach(() => killLeftovers(pidFiles.splice(0).flatMap(recordedPids)))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** `sh -c script sh <file>`: the script finds the pid file as "$1". */
function shStep(name: string, script: string, file: string, extra: Partial<StepSpec> = {}): StepSpec {
  return {
    suite: 'test',
    name,
    argv: ['sh', '-c', script, 'sh', file],
    cwd: tmpdir(),
    timeoutMs: 120_000,
    env: process.env,
    ...extra
  }
}

/** The recorded pids are gone, and the step's result lists each of them as found in one of `ways`. */
async function expectKilled(run: StepRun, file: string, count: number, ways: string[]): Promise<void> {
  const pids = recordedPids(file)
  expect(pids).toHaveLength(count)
  await expectGone(pids)
  for (const pid of pids) {
    const entry = run.killed.find((k) => k.pid === pid)
    expect(entry).toBeDefined()
    expect(ways).toContain(entry!.found)
    expect(entry!.error).toBeUndefined()
  }
}

const LEFT_THE_TREE = ['descendant', 'marker']
/** Shell: wait until process $p has become `sleep` (setsid has run before that exec: it has left the group). */
const UNTIL_SLEEPING = 'until [ "$(cat /proc/$p/comm 2>/dev/null)" = sleep ]; do sleep 0.01; done'
/** These tests need /proc (Linux): elsewhere only the group is reached (no-proc.test.ts). */
const linux = existsSync('/proc/self/stat')

;(linux ? describe : describe.skip)('a process that left the step’s process group', () => {
  it('setsid: a grandchild in its own session, orphaned, is killed when the step ends', async () => {
    const file = pidFile()
    const [run] = await runSuite([
      // the inner shell waits until its child is `sleep` (not the shell between fork and exec) before it reports
      shStep(
        'setsid',
        `setsid sh -c 'sleep 300 & p=$!; ${UNTIL_SLEEPING}; echo $p > "$1"' inner "$1"; echo done`,
        file
      )
    ])
    expect(run).toMatchObject({ status: 'passed', exitCode: 0, containment: 'tracked', output: 'done\n' })
    await expectKilled(run!, file, 1, LEFT_THE_TREE)
    expect(run!.killed).toEqual([expect.objectContaining({ command: 'sleep' })])
  })

  it('a double fork: (setsid sleep &) from a subshell that exits at once', async () => {
    const file = pidFile()
    const script = `(setsid sleep 300 & echo $! > "$1"); p=$(cat "$1"); ${UNTIL_SLEEPING}`
    const [run] = await runSuite([shStep('double fork', script, file)])
    expect(run).toMatchObject({ status: 'passed', exitCode: 0 })
    await expectKilled(run!, file, 1, LEFT_THE_TREE)
  })

  it('setsid -f: a forked session leader and its child, after the step has exited', async () => {
    const file = pidFile()
    // the step waits for the pids, so that they are written before it ends (the fork returns at once)
    const script = `setsid -f sh -c 'sleep 300 & echo $$ $! > "$1.tmp"; mv "$1.tmp" "$1"; wait' inner "$1"
      while [ ! -s "$1" ]; do sleep 0.01; done`
    const [run] = await runSuite([shStep('setsid -f', script, file)])
    expect(run).toMatchObject({ status: 'passed', exitCode: 0 })
    await expectKilled(run!, file, 2, LEFT_THE_TREE)
    expect(run!.killed.map((k) => k.command).sort()).toEqual(['sh', 'sleep'])
  })

  it('a detached child holding the output open is killed at once: the step passes, no waiting on the pipe', async () => {
    const file = pidFile()
    const script = `const c = require('child_process').spawn('sleep', ['300'], { detached: true, stdio: ['ignore', 'inherit', 'inherit'] }); require('fs').writeFileSync(${JSON.stringify(file)}, String(c.pid)); c.unref()`
    const [run] = await runSuite([
      { ...shStep('detached', '', file), argv: [process.execPath, '-e', script] }
    ])
    expect(run).toMatchObject({ status: 'passed', exitCode: 0, error: null })
    await expectKilled(run!, file, 1, LEFT_THE_TREE)
  })

  it('a step that times out: its escaped grandchild is killed with it', async () => {
    const file = pidFile()
    // the timeout fires once the step has started its grandchild and said so, however long that took
    const script = `setsid sh -c 'sleep 300 & echo $! > "$1"' inner "$1"; echo ready; exec sleep 300`
    const clock = manualClock()
    const [run] = await runSuite(
      [shStep('times out', script, file, { timeoutMs: 3000 })],
      { onOutput: (_s, chunk) => chunk.toString().includes('ready') && clock.advance(3000) },
      undefined,
      clock
    )
    expect(run).toMatchObject({ status: 'timed-out', signal: 'SIGTERM' })
    expect(run!.output).toBe('ready\n')
    await expectKilled(run!, file, 1, LEFT_THE_TREE)
    // the leader is the step itself: its end is the status, not an entry of the list
    expect(run!.killed).toHaveLength(1)
  })

  it('an aborted step: a grandchild with a cleared environment in its own session is found through its parent', async () => {
    const file = pidFile()
    const controller = new AbortController()
    const script = `env -i setsid sleep 300 & p=$!; echo $p > "$1"; ${UNTIL_SLEEPING}; echo ready; wait`
    const [run] = await runSuite(
      [shStep('env -i', script, file)],
      { onOutput: (_s, chunk) => chunk.toString().includes('ready') && controller.abort() },
      controller.signal
    )
    expect(run).toMatchObject({ status: 'failed', error: 'aborted' })
    await expectKilled(run!, file, 1, ['descendant'])
  })

  it('a background process still in the group is listed as found in the group', async () => {
    const file = pidFile()
    const [run] = await runSuite([shStep('group', `sleep 300 & echo $! > "$1"`, file)])
    expect(run).toMatchObject({ status: 'passed' })
    await expectKilled(run!, file, 1, ['group'])
  })

  it('a step that leaves nothing behind has an empty list', async () => {
    const [run] = await runSuite([shStep('clean', 'echo hello', pidFile())])
    expect(run).toMatchObject({ status: 'passed', killed: [], containment: 'tracked' })
  })
})

;(linux ? describe : describe.skip)('what is never killed', () => {
  it('a process started beside the step, while it runs, in its own session, with or without another marker', async () => {
    const flag = join(dir, 'flag')
    const strangers: number[] = []
    const start = (env: NodeJS.ProcessEnv) => {
      const c = spawn('sleep', ['300'], { detached: true, stdio: 'ignore', env })
      c.unref()
      strangers.push(c.pid!)
    }
    try {
      const [run] = await runSuite(
        [shStep('waits', `echo ready; while [ ! -e "$1" ]; do sleep 0.02; done`, flag)],
        {
          onOutput: (_s, chunk) => {
            if (!chunk.toString().includes('ready')) return
            start({ ...process.env, [STEP_MARKER]: 'another-step' })
            start({ PATH: process.env.PATH })
            writeFileSync(flag, '')
          }
        }
      )
      expect(run).toMatchObject({ status: 'passed', killed: [] })
      expect(strangers.filter(alive)).toEqual(strangers)
      expect(alive(process.pid)).toBe(true)
    } finally {
      killLeftovers(strangers)
    }
  })

  it('another step’s processes, when two suites run at once', async () => {
    const flag = join(dir, 'first-ended')
    const firstFile = pidFile()
    const file = pidFile()
    // the second step checks its own background child after the first step has ended and been swept
    const second = `sleep 300 & echo $! > "$1"; while [ ! -e "${flag}" ]; do sleep 0.02; done
      kill -0 $! && echo still running`
    const [[first], [other]] = await runSuites(
      [
        [shStep('first', `(setsid sleep 300 & echo $! > "$1"); p=$(cat "$1"); ${UNTIL_SLEEPING}`, firstFile)],
        [shStep('second', second, file)]
      ],
      { concurrent: true },
      { onEnd: (s) => s.name === 'first' && writeFileSync(flag, '') }
    )
    await expectKilled(first!, firstFile, 1, LEFT_THE_TREE)
    expect(other).toMatchObject({ status: 'passed', output: 'still running\n' })
    await expectKilled(other!, file, 1, ['group'])
  })
})
