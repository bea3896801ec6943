// The guardian: a small process of its own that outlives the gate and stops the steps the gate leaves running when
// it dies without its exit hook (SIGKILL, the kernel's out-of-memory killer, a lost runner). The steps are process
// groups of their own (process-group.ts), so nothing else reaches them then. The gate tells the guardian of each
// step over a pipe; the guardian reads until the pipe closes, which happens however the gate ends, and then stops
// every step the gate had not seen end, as the gate's own StepWatch would have (step-watch.ts).
//
// This module is the guardian's side: the lines of the pipe, and what the guardian does with them. The gate's side is
// guardian-link.ts; the program is guardian-main.ts, bundled into src/generated/guardian.js.
import { isStepToken, StepWatch } from './step-watch.js'

/** A step the gate started: its leader (the start time is null without /proc) and whether the leader still runs. */
export interface GuardedStep {
  pid: number
  start: number | null
  groupOpen: boolean
}

export type GuardianMessage =
  | { kind: 'step'; token: string; pid: number; start: number | null }
  | { kind: 'leader-exited'; token: string }
  | { kind: 'end'; token: string }

const NUMBER = /^[1-9]\d{0,15}$/
/** A leader is never pid 1 (init) nor below: `kill(-1)` would signal every process the user owns. */
const MIN_PID = 2

/** One line of the pipe (no line break). */
export function formatMessage(m: GuardianMessage): string {
  if (m.kind === 'step') return `step ${m.token} ${m.pid} ${m.start ?? '-'}`
  return `${m.kind} ${m.token}`
}

/** A line of the pipe; null for anything else (the guardian ignores what it cannot read). */
export function parseMessage(line: string): GuardianMessage | null {
  const [kind, token, pid, start, ...rest] = line.split(' ')
  if (rest.length > 0 || token === undefined || !isStepToken(token)) return null
  if (kind === 'step') {
    if (pid === undefined || !NUMBER.test(pid) || start === undefined) return null
    if (start !== '-' && start !== '0' && !NUMBER.test(start)) return null
    const n = Number(pid)
    if (n < MIN_PID) return null
    return { kind, token, pid: n, start: start === '-' ? null : Number(start) }
  }
  if ((kind === 'leader-exited' || kind === 'end') && pid === undefined) return { kind, token }
  return null
}

/** The steps the gate has not seen end, after `m`. */
export function applyMessage(steps: Map<string, GuardedStep>, m: GuardianMessage): void {
  if (m.kind === 'step') steps.set(m.token, { pid: m.pid, start: m.start, groupOpen: true })
  else if (m.kind === 'end') steps.delete(m.token)
  else {
    const step = steps.get(m.token)
    if (step) step.groupOpen = false
  }
}

/**
 * Stop one step the gate left: its group, its descendants and every process carrying its token, and its leader,
 * each named by pid and start time (a pid reused since is never signalled). Without /proc only the group is
 * signalled, and only while the gate had not seen its leader exit.
 */
export function stopStep(token: string, step: GuardedStep): void {
  if (!Number.isSafeInteger(step.pid) || step.pid < MIN_PID) return
  const watch =
    step.start === null ? null : StepWatch.adopt({ pid: step.pid, start: step.start }, token, step.groupOpen)
  if (watch) {
    watch.sweep('SIGKILL')
    watch.signalLeader('SIGKILL')
    watch.close()
    return
  }
  if (!step.groupOpen) return
  try {
    process.kill(-step.pid, 'SIGKILL')
  } catch {
    // nobody left in it
  }
}

/** The guardian: reads `input` to its end, then stops what is left. `done` once it has. */
export function guard(input: NodeJS.ReadableStream, done: () => void): void {
  const steps = new Map<string, GuardedStep>()
  let pending = ''
  input.setEncoding?.('latin1')
  input.on('data', (chunk: string) => {
    pending += chunk
    let nl: number
    while ((nl = pending.indexOf('\n')) !== -1) {
      const m = parseMessage(pending.slice(0, nl))
      pending = pending.slice(nl + 1)
      if (m) applyMessage(steps, m)
    }
    // the gate writes short lines: a long one is no message of it
    if (pending.length > 4096) pending = ''
  })
  let ended = false
  const end = () => {
    if (ended) return
    ended = true
    for (const [token, step] of steps) stopStep(token, step)
    steps.clear()
    done()
  }
  input.once('end', end)
  input.once('error', end)
}
