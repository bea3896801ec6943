// The guardian (src/exec/guardian.ts): a gate killed outright (SIGKILL) no longer leaves its steps running. Real
// processes: a gate (process-group.ts bundled, in a child process of its own) starts a step that forks a grandchild
// and one that leaves the step's session (setsid); the test kills the gate, and every one of them is gone.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
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
        pid: fc.integer({ min: 1, max: 2 ** 31 }),
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
 * A gate in a child process of its own: process-group.ts starts a shell step that forks `sleep 300` and a
 * `setsid sleep 301` (out of the step's group and session), writes the pids (the guardian's too) and waits.
 */
function gateWithStep(ending: 'runs' | 'exits'): { gate: ReturnType<typeof spawn>; pidFile: string } {
  const processGroup = bundleModule('exec/process-group.ts')
  const dir = tempDir('bg-guardian-')
  const pidFile = join(dir, 'pids')
  const code = `
    import { readFileSync, writeFileSync } from 'node:fs'
    import { spawnGroup } from ${JSON.stringify(processGroup)}
    const script = 'sleep 300 & a=$!; setsid sleep 301 & b=$!; echo $$ $a $b > "$1.step"; wait'
    const g = spawnGroup(['sh', '-c', script, 'sh', ${JSON.stringify(pidFile)}], { cwd: ${JSON.stringify(dir)} })
    const ready = () => {
      try {
        const step = readFileSync(${JSON.stringify(pidFile)} + '.step', 'utf8').trim()
        writeFileSync(${JSON.stringify(pidFile)}, step)
        ${ending === 'exits' ? 'process.exit(0)' : ''}
      } catch {
        setTimeout(ready, 20)
      }
    }
    ready()
    setInterval(() => {}, 1000)
  `
  const gate = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: 'ignore' })
  return { gate, pidFile }
}

/** The step's three pids, and the guardian's: the gate's other child. */
async function recorded(pidFile: string, gate: number): Promise<number[]> {
  for (let i = 0; i < 400 && !existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 25))
  const step = readFileSync(pidFile, 'utf8').trim().split(/\s+/).map(Number)
  const guardians = readProcTable()!.filter((p) => p.ppid === gate && p.pid !== step[0])
  return [...step, ...guardians.map((p) => p.pid)]
}

describe('a gate killed outright', () => {
  it('SIGKILL to the gate: the step, its grandchild and the process that left its session are stopped', async () => {
    const { gate, pidFile } = gateWithStep('runs')
    const pids = await recorded(pidFile, gate.pid!)
    try {
      expect(pids).toHaveLength(4)
      expect(pids.every(alive)).toBe(true)
      const closed = new Promise((r) => gate.once('close', r))
      gate.kill('SIGKILL')
      await closed
      // the three processes of the step, and the guardian, which exits once it has stopped them
      await expectGone(pids)
    } finally {
      killLeftovers([gate.pid!, ...pids])
    }
  })

  it('a gate that exits: its exit hook stops the step, and the guardian ends with it', async () => {
    const { gate, pidFile } = gateWithStep('exits')
    const closed = new Promise((r) => gate.once('close', r))
    const pids = await recorded(pidFile, gate.pid!)
    try {
      await closed
      expect(gate.exitCode).toBe(0)
      await expectGone(pids)
    } finally {
      killLeftovers(pids)
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
