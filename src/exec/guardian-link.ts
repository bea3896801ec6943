// The gate's side of the guardian (guardian.ts): started with the first step, and told of each step's start, of its
// leader's exit and of its end. Nothing here may fail a run: without a guardian, the gate's own exit hook and signal
// handlers still stop the steps (process-group.ts); only a gate killed outright then leaves them running.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import type { Socket } from 'node:net'
import { GUARDIAN_SOURCE } from '../generated/guardian.js'
import { applyMessage, formatMessage } from './guardian.js'
import type { GuardedStep, GuardianMessage } from './guardian.js'

/** The guardian now, if one runs; null where none can (no process groups here, or five could not stay up). */
let guardian: ChildProcess | null | undefined
/** The steps it must know of: told again to a guardian started after the last one ended (killed, or never up). */
const steps = new Map<string, GuardedStep>()
/**
 * Guardians started by this process: a few replace one a step killed; more means none can run here (an executable
 * that is no node, a library it cannot find), and each try would be another failed process for every message.
 */
let starts = 0
const MAX_STARTS = 5

/** A new guardian; null where none can run, undefined when this one could not start (the next message tries again). */
function startGuardian(): ChildProcess | null | undefined {
  if (process.platform === 'win32' || ++starts > MAX_STARTS) return null
  let child: ChildProcess
  try {
    child = spawn(process.execPath, ['--v8-pool-size=1', '-e', GUARDIAN_SOURCE], {
      // a session of its own: the Ctrl-C or hang-up that reaches the gate's group must not end it first
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
      env: guardianEnv(process.env),
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

/**
 * None of the gate's environment (its tokens), but what a runner finds its processes by (GitHub's runner ends what
 * carries its RUNNER_TRACKING_ID when the job ends, a guardian stuck on its way up included) and what a node built
 * against libraries of its own needs to start at all.
 */
function guardianEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {}
  for (const name of ['RUNNER_TRACKING_ID', 'LD_LIBRARY_PATH', 'DYLD_LIBRARY_PATH'])
    if (env[name]) out[name] = env[name]
  return out
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
