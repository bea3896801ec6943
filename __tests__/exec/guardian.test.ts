// The guardian (src/exec/guardian.ts): a gate killed outright (SIGKILL) no longer leaves its steps running. Real
// processes: a gate (process-group.ts bundled, in a child process of its own) starts a step that forks a grandchild
// and one that leaves the step's session (setsid); the test kills the gate, and every one of them is gone.
import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { applyMessage, formatMessage, parseMessage, stopStep } from '../../src/exec/guardian.js'
import type { GuardedStep, GuardianMessage } from '../../src/exec/guardian.js'
import { readProc, readProcTable } from '../../src/exec/proc-table.js'
import { GUARDIAN_SOURCE } from '../../src/generated/guardian.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'
import { bundleModule } from '../helpers/module-bundle.js'
import { alive, expectGone, killLeftovers } from '../helpers/processes.js'

afterAll(cleanupFixtures)

const TOKEN = 'a'.repeat(32)

describe('the guardian pipe', () => {
  it('reads back every message it writes', () => {
    const token = fc.stringMatching(/^[0-9a-f]{32}$/)
    const message: fc.Arbitrary<GuardianMessage> = fc.oneof(
      fc.record({
        kind: fc.constant('step' as const),
        token,
        pid: fc.integer({ min: 2, max: 2 ** 31 }),
        start: fc.option(fc.integer({ min: 0, max: 2 ** 40 }), { nil: null })
      }),
      fc.record({ kind: fc.constantFrom('leader-exited' as const, 'end' as const), token })
    )
    fc.assert(fc.property(message, (m) => expect(parseMessage(formatMessage(m))).toEqual(m)))
  })

  it.each([
    '',
    'step',
    `step ${TOKEN}`,
    `step ${TOKEN} 12`,
    `step ${TOKEN} 0 5`,
    `step ${TOKEN} -3 5`,
    `step ${TOKEN} 12 05`,
    `step ${TOKEN} 12 5 extra`,
    // pid 1 and below: kill(-1) would signal every process the user owns
    `step ${TOKEN} 1 -`,
    `step ${TOKEN} 1 5`,
    `step ${'A'.repeat(32)} 12 5`,
    `step ${TOKEN.slice(1)} 12 5`,
    `end ${TOKEN} 12`,
    `kill ${TOKEN}`,
    `leader-exited  ${TOKEN}`
  ])('ignores %j', (line) => {
    expect(parseMessage(line)).toBeNull()
  })

  it('keeps the steps the gate has not seen end, and whether their group is still open', () => {
    const steps = new Map<string, GuardedStep>()
    const other = 'b'.repeat(32)
    applyMessage(steps, { kind: 'step', token: TOKEN, pid: 10, start: 99 })
    applyMessage(steps, { kind: 'step', token: other, pid: 11, start: null })
    applyMessage(steps, { kind: 'leader-exited', token: TOKEN })
    applyMessage(steps, { kind: 'leader-exited', token: 'c'.repeat(32) })
    expect(Object.fromEntries(steps)).toEqual({
      [TOKEN]: { pid: 10, start: 99, groupOpen: false },
      [other]: { pid: 11, start: null, groupOpen: true }
    })
    applyMessage(steps, { kind: 'end', token: other })
    expect([...steps.keys()]).toEqual([TOKEN])
  })
})

describe('stopping a step the gate left', () => {
  it('signals a leader only while it is the process the gate started (same pid, same start time)', async () => {
    const sleeper = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' })
    try {
      const start = readProc(sleeper.pid!)!.start
      // a later process with the leader's pid: never the step's, whatever its group
      stopStep(TOKEN, { pid: sleeper.pid!, start: start - 1, groupOpen: true })
      await new Promise((r) => setTimeout(r, 200))
      expect(alive(sleeper.pid!)).toBe(true)
      stopStep(TOKEN, { pid: sleeper.pid!, start, groupOpen: true })
      await expectGone([sleeper.pid!])
    } finally {
      killLeftovers([sleeper.pid!])
    }
  })
})

/**
 * A gate: a child process of its own that starts one step with process-group.ts (`node gate.mjs <pid file> <mode>
 * <argv...>`), writes the step's pids once the step has written them to `<pid file>.step` (three of them, or
 * whatever the step wrote), and then waits (`runs`) or exits (`exits`); `again` waits for `<pid file>.go`, then starts
 * the same step a second time, writing to `<pid file>2`.
 */
let gateScript: string | undefined
function gateFile(): string {
  if (gateScript) return gateScript
  const processGroup = bundleModule('exec/process-group.ts')
  gateScript = join(tempDir('bg-guardian-gate-'), 'gate.mjs')
  writeFileSync(
    gateScript,
    `import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { spawnGroup } from ${JSON.stringify(processGroup)}
const [pidFile, mode, ...argv] = process.argv.slice(2)
// as a suite step gets it (exec/child-env.ts): an allowlist, without the gate's own marker
const STEP_ENV = { PATH: process.env.PATH }
const ready = (file, then) => {
  let step = ''
  try {
    step = readFileSync(file + '.step', 'utf8').trim()
  } catch {}
  if (step.split(/\\s+/).length < 3) return setTimeout(() => ready(file, then), 20)
  writeFileSync(file + '.tmp', step)
  // whole or not at all: the test reads it as soon as it is there
  renameSync(file + '.tmp', file)
  then()
}
const again = () => {
  if (!existsSync(pidFile + '.go')) return setTimeout(again, 20)
  spawnGroup([...argv.slice(0, -1), pidFile + '2'], { cwd: '/', env: STEP_ENV })
  ready(pidFile + '2', () => {})
}
spawnGroup(argv, { cwd: '/', env: STEP_ENV })
ready(pidFile, () => (mode === 'exits' ? process.exit(0) : mode === 'again' ? again() : undefined))
setInterval(() => {}, 1000)
`
  )
  return gateScript
}

/** A step that forks `sleep 300`, `setsid sleep 301` in the background and `(setsid sleep 302 &)`, which leaves
 * its tree too (its parent, the subshell, exits at once): the marker alone finds it. */
const STEP =
  'sleep 300 & a=$!; setsid sleep 301 & b=$!; (setsid sleep 302 & echo $! > "$1.escaped"); echo $$ $a $b > "$1.step"; wait'

function gate(pidFile: string, mode: 'runs' | 'exits' | 'again', argv: string[]): ChildProcess {
  return spawn(process.execPath, [gateFile(), pidFile, mode, ...argv], { stdio: 'ignore' })
}

function stepArgv(pidFile: string): string[] {
  return ['sh', '-c', STEP, 'sh', pidFile]
}

/** The pids in a file the test waits for (written whole); each > 1. */
async function pidsIn(file: string): Promise<number[]> {
  for (let i = 0; i < 400 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 25))
  const pids = readFileSync(file, 'utf8').trim().split(/\s+/).map(Number)
  expect(pids.every((p) => Number.isSafeInteger(p) && p > 1)).toBe(true)
  return pids
}

/** The gate's children other than its step's leader: its guardian. */
function guardiansOf(gatePid: number, leader: number): number[] {
  return readProcTable()!
    .filter((p) => p.ppid === gatePid && p.pid !== leader)
    .map((p) => p.pid)
}

/** The step's pids, the escaped one's, and the guardian's. */
async function started(g: ChildProcess, pidFile: string): Promise<{ step: number[]; guardian: number[] }> {
  const step = [...(await pidsIn(pidFile)), ...(await pidsIn(`${pidFile}.escaped`))]
  return { step, guardian: guardiansOf(g.pid!, step[0]!) }
}

describe('a gate killed outright', () => {
  it('SIGKILL to the gate: the step, its grandchild, and the processes that left its session and its tree are stopped', async () => {
    const pidFile = join(tempDir('bg-guardian-'), 'pids')
    const g = gate(pidFile, 'runs', stepArgv(pidFile))
    const closed = new Promise((r) => g.once('close', r))
    const { step, guardian } = await started(g, pidFile)
    try {
      expect(step).toHaveLength(4)
      expect(guardian).toHaveLength(1)
      expect(step.every(alive)).toBe(true)
      // the guardian as it was started: none of the gate's environment, in no directory of the repository
      // (once it has replaced the image of the gate it was forked from)
      const cmdline = () => readFileSync(`/proc/${guardian[0]}/cmdline`, 'latin1')
      for (let i = 0; i < 200 && !/--v8-pool-size|^baseline-gate-guardian/.test(cmdline()); i++)
        await new Promise((r) => setTimeout(r, 20))
      expect(readFileSync(`/proc/${guardian[0]}/environ`, 'latin1')).toBe('')
      expect(readlinkSync(`/proc/${guardian[0]}/cwd`)).toBe('/')
      g.kill('SIGKILL')
      await closed
      // the four processes of the step, and the guardian, which exits once it has stopped them
      await expectGone([...step, ...guardian])
    } finally {
      killLeftovers([g.pid!, ...step, ...guardian])
    }
  })

  it('a gate that exits: its exit hook stops the step, and the guardian ends with it', async () => {
    const pidFile = join(tempDir('bg-guardian-'), 'pids')
    const g = gate(pidFile, 'exits', stepArgv(pidFile))
    const closed = new Promise((r) => g.once('close', r))
    const { step, guardian } = await started(g, pidFile).catch(() => ({ step: [], guardian: [] }))
    try {
      await closed
      expect(g.exitCode).toBe(0)
      expect(step).toHaveLength(4)
      await expectGone([...step, ...guardian])
    } finally {
      killLeftovers([...step, ...guardian])
    }
  })

  it('a guardian killed meanwhile: the next step starts another, which learns of every step still running', async () => {
    const pidFile = join(tempDir('bg-guardian-'), 'pids')
    const g = gate(pidFile, 'again', stepArgv(pidFile))
    const closed = new Promise((r) => g.once('close', r))
    const first = await started(g, pidFile)
    let second: number[] = []
    let guardians: number[] = []
    try {
      expect(first.guardian).toHaveLength(1)
      process.kill(first.guardian[0]!, 'SIGKILL')
      await expectGone(first.guardian)
      writeFileSync(`${pidFile}.go`, '')
      second = [...(await pidsIn(`${pidFile}2`)), ...(await pidsIn(`${pidFile}2.escaped`))]
      guardians = guardiansOf(g.pid!, first.step[0]!).filter((p) => p !== second[0])
      expect(guardians).toHaveLength(1)
      expect(guardians[0]).not.toBe(first.guardian[0])
      g.kill('SIGKILL')
      await closed
      // both steps' processes: the first one's too, which the new guardian was told of when it started
      await expectGone([...first.step, ...second, ...guardians])
    } finally {
      killLeftovers([g.pid!, ...first.step, ...second, ...guardians])
    }
  })

  it("a gate run by another gate's step: killing the outer one stops what the inner one's step left, though both guardians fall with the outer step", async () => {
    const dir = tempDir('bg-guardian-nested-')
    const inner = join(dir, 'inner')
    const outer = gate(join(dir, 'outer'), 'runs', [
      process.execPath,
      gateFile(),
      inner,
      'runs',
      ...stepArgv(inner)
    ])
    const closed = new Promise((r) => outer.once('close', r))
    const step = [...(await pidsIn(inner)), ...(await pidsIn(`${inner}.escaped`))]
    try {
      expect(step.every(alive)).toBe(true)
      outer.kill('SIGKILL')
      await closed
      await expectGone(step)
    } finally {
      killLeftovers([outer.pid!, ...step])
    }
  })
})

describe('the guardian program', () => {
  it('reads its pipe to the end and exits 0, with no output, whatever it is sent', () => {
    const r = spawnSync(process.execPath, ['-e', GUARDIAN_SOURCE], {
      input: `junk\nstep ${TOKEN} 999999999 5\nend ${TOKEN}\n${'x'.repeat(10_000)}\n`,
      encoding: 'utf8',
      timeout: 10_000,
      env: {}
    })
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', ''])
  })
})
