// The gate's side of the guardian (guardian.ts): started with the first step, and told of each step's start, of its
// leader's exit and of its end. Nothing here may fail a run: without a guardian, the gate's own exit hook and signal
// handlers still stop the steps (process-group.ts); only a gate killed outright then leaves them running.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import type { Socket } from 'node:net'
import { GUARDIAN_SOURCE } from '../generated/guardian.js'
import { formatMessage } from './guardian.js'
import type { GuardianMessage } from './guardian.js'

/** undefined: not started yet; null: it could not start (or this platform has no process groups). */
let guardian: ChildProcess | null | undefined

function startGuardian(): ChildProcess | null {
  if (process.platform === 'win32') return null
  try {
    const child = spawn(process.execPath, ['-e', GUARDIAN_SOURCE], {
      // a session of its own: the Ctrl-C or hang-up that reaches the gate's group must not end it first
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
      // nothing of the gate's environment (its tokens): the guardian needs none of it
      env: {},
      // holds no directory of the repository
      cwd: '/'
    })
    child.on('error', () => {
      guardian = null
    })
    const input = child.stdin as Socket
    // it was killed: there is nobody to tell any more
    input.on('error', () => {})
    // the gate's run ends when its own work does, whatever the guardian does
    child.unref()
    input.unref()
    return child
  } catch {
    return null
  }
}

/** Tell the guardian; a step's start starts it. */
export function tellGuardian(m: GuardianMessage): void {
  if (guardian === undefined) {
    if (m.kind !== 'step') return
    guardian = startGuardian()
  }
  if (!guardian?.stdin?.writable) return
  guardian.stdin.write(`${formatMessage(m)}\n`)
}
