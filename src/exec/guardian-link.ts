// The gate's side of the guardian (guardian.ts): started with the first step, and told of each step's start, of its
// leader's exit and of its end. Nothing here may fail a run: without a guardian, the gate's own exit hook and signal
// handlers still stop the steps (process-group.ts); only a gate killed outright then leaves them running.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import type { Socket } from 'node:net'
import { GUARDIAN_SOURCE } from '../generated/guardian.js'
import { applyMessage, formatMessage } from './guardian.js'
import type { GuardedStep, GuardianMessage } from './guardian.js'

/** The guardian now, if one runs; null where none can (this platform has no process groups). */
let guardian: ChildProcess | null | undefined
/** The steps it must know of: told again to a guardian started after the last one ended (killed, or never up). */
const steps = new Map<string, GuardedStep>()

/** A new guardian; null where none can run, undefined when this one could not start (the next message tries again). */
function startGuardian(): ChildProcess | null | undefined {
  if (process.platform === 'win32') return null
  let child: ChildProcess
  try {
    child = spawn(process.execPath, ['--v8-pool-size=1', '-e', GUARDIAN_SOURCE], {
      // a session of its own: the Ctrl-C or hang-up that reaches the gate's group must not end it first
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
      // none of the gate's environment (its tokens), but what a runner finds its processes by: GitHub's runner ends
      // what carries its RUNNER_TRACKING_ID when the job ends, a guardian stuck on its way up included
      env: process.env.RUNNER_TRACKING_ID ? { RUNNER_TRACKING_ID: process.env.RUNNER_TRACKING_ID } : {},
      // holds no directory of the repository
      cwd: '/'
    })
  } catch {
    return undefined
  }
  const ended = () => {
    if (guardian === child) guardian = undefined
  }
  child.on('error', ended)
  child.on('exit', ended)
  const input = child.stdin as Socket
  // it was killed: there is nobody to tell any more (the next step starts another)
  input.on('error', () => {})
  // the gate's run ends when its own work does, whatever the guardian does
  child.unref()
  input.unref()
  return child
}

/** Tell the guardian, starting one if none runs (a step's start, or any message after the last one ended). */
export function tellGuardian(m: GuardianMessage): void {
  applyMessage(steps, m)
  if (guardian === null || (guardian === undefined && steps.size === 0)) return
  const fresh = guardian === undefined
  if (fresh) guardian = startGuardian()
  if (!guardian?.stdin?.writable) return
  if (fresh) {
    // a new guardian learns every step still running, this one included
    for (const [token, s] of steps) {
      guardian.stdin.write(`${formatMessage({ kind: 'step', token, pid: s.pid, start: s.start })}\n`)
      if (!s.groupOpen) guardian.stdin.write(`${formatMessage({ kind: 'leader-exited', token })}\n`)
    }
  } else guardian.stdin.write(`${formatMessage(m)}\n`)
}

/** The gate is exiting, its steps stopped by its own hook: the guardian has nothing left to do. */
export function dismissGuardian(): void {
  try {
    guardian?.kill('SIGKILL')
  } catch {
    // gone already
  }
}
