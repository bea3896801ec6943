// Keeps track of every process a step starts, and kills them all when the step ends or times out, whatever
// they did with sessions or process groups (containment.ts decides which processes are the step's; this module
// reads /proc and sends the signals). One poller serves every running step: one read of /proc per tick.
//
// The limit: a process that clears its environment (or makes itself unreadable: non-dumpable, another user)
// AND leaves the step's tree (setsid + its parent exits) between two polls is not found; on a platform
// without /proc only the process group is stopped (`group-only`), and a process that left it is not found.
// A process running as another user (sudo) is found but cannot be killed: the evidence says so.
import { randomBytes } from 'node:crypto'
import { claim, groupIsTheSteps, isDead, procKey, targets } from './containment.js'
import type { FoundBy, Scope, Via } from './containment.js'
import { procAvailable, readEnvValues, readProc, readProcTable } from './proc-table.js'
import type { ProcEntry } from './proc-table.js'

/** The variable that carries a step's token: inherited by everything it starts that keeps its environment. */
export const STEP_MARKER = 'BASELINE_GATE_STEP'

/** `tracked`: group, descendants and marker; `group-only`: no /proc here, only the process group is reached. */
export type Containment = 'tracked' | 'group-only'

/** A process of the step that was still running when the step ended (or timed out), and was signalled. */
export interface KilledProcess {
  pid: number
  /** Its command name (the kernel's, at most 15 bytes). */
  command: string
  found: FoundBy
  /** Set when it could not be signalled (EPERM: it runs as another user); absent when it was. */
  error?: string
}

/** Between two looks at /proc while steps run. */
const POLL_MS = 100
/** Killing can race with forking: sweep again until a pass finds no process it had not signalled. */
const MAX_SWEEPS = 16

const watches = new Set<StepWatch>()
let poller: NodeJS.Timeout | undefined
/** Marker values by process (pid:start), read once: environments are read only for new processes. */
const markers = new Map<string, string[]>()

function markersOf(p: ProcEntry): string[] {
  const key = procKey(p)
  let values = markers.get(key)
  if (!values) {
    values = readEnvValues(p.pid, STEP_MARKER).flatMap(markerTokens)
    markers.set(key, values)
  }
  return values
}

/** Whether `text` is a step's token as newStepToken makes them (the guardian's pipe and the markers read them). */
export function isStepToken(text: string): boolean {
  return /^[0-9a-f]{32}$/.test(text)
}

/** The tokens a marker value carries: the step's own, after those of the steps it runs inside. */
export function markerTokens(value: string): string[] {
  return value.split(',').filter(isStepToken)
}

/**
 * The marker of a step this process starts: the tokens of the steps this process already runs inside (a gate run by
 * another gate's step: its own environment carries them, whatever environment the step is given), then its own. A
 * process that leaves both steps' trees is then found by either gate, and by either guardian (found by review: a
 * gate killed with the inner gate and its guardian left the inner step's escaped processes running).
 */
export function stepMarker(token: string, own: NodeJS.ProcessEnv = process.env): string {
  // a few levels at most: a marker that grew without bound is no gate's
  const outer = markerTokens(own[STEP_MARKER] ?? '').slice(-8)
  return [...outer, token].join(',')
}

function tick(): void {
  const table = readProcTable()
  if (!table) return
  for (const w of watches) w.observe(table)
  // forget the environments of processes that are gone
  const present = new Set(table.map(procKey))
  for (const key of markers.keys()) if (!present.has(key)) markers.delete(key)
}

function register(w: StepWatch): void {
  watches.add(w)
  if (!poller) {
    poller = setInterval(() => {
      try {
        tick()
      } catch (e) {
        process.emitWarning(`step watch: ${(e as Error)?.message ?? String(e)}`)
      }
    }, POLL_MS)
    poller.unref()
  }
}

function unregister(w: StepWatch): void {
  watches.delete(w)
  if (watches.size === 0 && poller) {
    clearInterval(poller)
    poller = undefined
    markers.clear()
  }
}

/** A new token for a step's environment. */
export function newStepToken(): string {
  return randomBytes(16).toString('hex')
}

/**
 * Signal one process if it is still the one we mean (same start time): 'gone', 'ok' or the errno. Between the
 * check and the kill the pid could in theory be freed and reused: microseconds, against a pid space cycled by
 * forks (Node has no pidfd to close that gap).
 */
function signalProcess(pid: number, start: number, signal: NodeJS.Signals): string {
  const now = readProc(pid)
  if (!now || now.start !== start || isDead(now)) return 'gone'
  try {
    process.kill(pid, signal)
    return 'ok'
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error'
    return code === 'ESRCH' ? 'gone' : code
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal)
  } catch {
    // nobody left in it
  }
}

export class StepWatch {
  private readonly scope: Scope
  private known = new Map<string, Via>()
  /** Every process signalled, by pid:start, in the order found. */
  private readonly killedByKey = new Map<string, KilledProcess>()
  /** The last signal each process got, so that a sweep repeats only for processes it had not reached. */
  private readonly lastSignal = new Map<string, NodeJS.Signals>()
  private closed = false

  private constructor(
    leader: { pid: number; start: number },
    private readonly token: string,
    groupOpen = true
  ) {
    this.scope = {
      leader: { pid: leader.pid, start: leader.start },
      protectedPids: new Set([process.pid, process.ppid]),
      groupOpen
    }
    register(this)
  }

  /**
   * Watch the step whose leader was just spawned with `token` in its environment. Call it before returning to
   * the event loop: until then the leader cannot have been reaped, so its start time is still readable.
   * Null without /proc (or when the leader cannot be read): only the group can be reached then.
   */
  static start(leaderPid: number, token: string): StepWatch | null {
    if (!procAvailable()) return null
    const leader = readProc(leaderPid)
    return leader ? new StepWatch(leader, token) : null
  }

  /**
   * The watch of a step another process started (the guardian's, once the gate that started it is gone): known
   * by its leader's pid and start time, and whether the gate had seen the leader exit (the group closed).
   */
  static adopt(leader: { pid: number; start: number }, token: string, groupOpen: boolean): StepWatch | null {
    return procAvailable() ? new StepWatch(leader, token, groupOpen) : null
  }

  /** A poll: learn the step's new processes from a snapshot of the table. */
  observe(table: readonly ProcEntry[]): void {
    if (this.closed) return
    this.known = claim(this.scope, this.known, table, (p) => markersOf(p).includes(this.token))
  }

  /**
   * Signal every process of the step still running (the group, the descendants, the marked), the leader aside.
   * With SIGKILL, sweeps again until nothing new turns up (a process may fork while we kill its parent).
   */
  sweep(signal: NodeJS.Signals): void {
    for (let round = 0; round < MAX_SWEEPS; round++) {
      const table = readProcTable()
      if (!table) {
        if (this.scope.groupOpen) signalGroup(this.scope.leader.pid, signal)
        return
      }
      this.observe(table)
      // the group first: one signal stops all its members at once, before they can fork again
      if (groupIsTheSteps(this.scope, this.known, table)) signalGroup(this.scope.leader.pid, signal)
      let fresh = 0
      for (const t of targets(this.scope, this.known, table)) {
        const key = procKey(t)
        if (this.lastSignal.get(key) === signal) continue
        fresh++
        this.lastSignal.set(key, signal)
        const outcome = signalProcess(t.pid, t.start, signal)
        // a group member 'gone' by now was stopped by the group signal just sent
        if (outcome === 'gone' && t.found !== 'group') continue
        const prior = this.killedByKey.get(key)
        if (prior && prior.error === undefined) continue
        const entry: KilledProcess = { pid: t.pid, command: t.comm, found: prior?.found ?? t.found }
        if (outcome !== 'ok' && outcome !== 'gone') entry.error = outcome
        this.killedByKey.set(key, entry)
      }
      if (fresh === 0 || signal !== 'SIGKILL') return
    }
  }

  /** The leader, as the watch knows it (its start time names it, whatever later process gets its pid). */
  leader(): { pid: number; start: number } {
    return { ...this.scope.leader }
  }

  /** Signal the leader, if it is still the process the watch began with. */
  signalLeader(signal: NodeJS.Signals): void {
    signalProcess(this.scope.leader.pid, this.scope.leader.start, signal)
  }

  /** The leader has exited: sweep (SIGKILL), and from then on the group id alone no longer proves a process is ours. */
  leaderExited(): void {
    this.sweep('SIGKILL')
    this.scope.groupOpen = false
  }

  /** What was signalled, in the order found. */
  killed(): KilledProcess[] {
    return [...this.killedByKey.values()].map((k) => ({ ...k }))
  }

  /** A last sweep, and no more polling. */
  close(): void {
    if (this.closed) return
    this.sweep('SIGKILL')
    this.closed = true
    unregister(this)
  }
}
