// A child process in its own process group, so stopping it stops everything it started (cargo run ->
// the service). A process can leave the group (setsid): where /proc exists, a StepWatch also tracks its
// descendants and every process that carries its token, and stops them with the group. Output is captured
// within a bound. Children still running when we exit are killed; if we are killed outright, the guardian
// (guardian.ts) kills them.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { BoundedOutput } from './bounded-output.js'
import { newStepToken, StepWatch, STEP_MARKER, stepMarker } from './step-watch.js'
import type { Containment, KilledProcess } from './step-watch.js'
import { dieOfHangUp, interruptedLine, STOP_NAMES, STOP_SIGNALS } from './stop-signals.js'
import { dismissGuardian, tellGuardian } from './guardian-link.js'
import type { StopSignal } from './stop-signals.js'

export interface GroupOptions {
  cwd: string
  env?: NodeJS.ProcessEnv
  /** Called with each complete line of stdout (for readiness lines). */
  onStdoutLine?: (line: string) => void
  /** Called with every chunk of output, stdout and stderr (for live display); not retained. */
  onOutput?: (chunk: Buffer) => void
  /** The timer of the linger after the leader exits (a test's clock); a real, unreferenced timer by default. */
  after?: (ms: number, fire: () => void) => () => void
}

export interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
  /** Set when the process could not be started at all (ENOENT, EACCES). */
  error?: string
  /** Something outside the group (it left for its own session) still held the output when we closed it. */
  outputForcedClosed?: boolean
  /** The processes it left running (or, stopped, still had running) that were killed; the leader aside. */
  killed: KilledProcess[]
  containment: Containment
}

/** After the leader exits, how long a process that escaped the group may hold the output open. */
export const LINGER_MS = 5000

export interface GroupHandle {
  pid: number | undefined
  output: BoundedOutput
  /** Resolves once the process has exited (or failed to start). */
  exited: Promise<Exit>
  /** Whether it has exited. */
  done(): boolean
  /** Whether its leader has exited, its output perhaps not closed yet (the linger: LINGER_MS). */
  leaderExited(): boolean
  /** SIGTERM to the group (and what left it), then SIGKILL after `graceMs`; resolves when the leader has exited. */
  stop(graceMs?: number): Promise<Exit>
}

/** A started child: its process, and its watch where /proc allows one. */
interface Running {
  child: ChildProcess
  watch: StepWatch | null
}

const live = new Set<Running>()
let exitHookInstalled = false

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    try {
      child.kill(signal)
    } catch {
      // already gone
    }
  }
}

/** The group, and where tracked, every process of the step that left it. */
function stopAll(running: Running, signal: NodeJS.Signals): void {
  if (running.watch) {
    running.watch.sweep(signal)
    // the leader itself, should it have changed its group
    if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill(signal)
  } else killGroup(running.child, signal)
}

function killAll(): void {
  for (const running of live) stopAll(running, 'SIGKILL')
}

/**
 * A signal that ends us (Ctrl-C, a cancelled CI job) must end the groups we started: they are not in our
 * process group, so the terminal or the runner does not reach them. Installed only while children run.
 * While a run aborts its operation on a signal itself (deferSignals: the command line and the actions, whose
 * abort stops the steps and still writes the evidence, and lets a rollback put the old trio back), the first
 * signal is left to it: exiting here first left a rollback's restored trio on disk, unverified and unrecorded.
 * A second signal ends everything at once.
 */
let deferring = 0
let deferred = false
function onSignal(signal: StopSignal): void {
  if (deferring > 0 && !deferred) {
    deferred = true
    return
  }
  killAll()
  // the line index.ts's exit hook would have written: a hang-up ends the process before any exit hook
  if (signal === 'SIGHUP') dieOfHangUp(interruptedLine(STOP_SIGNALS.SIGHUP))
  process.exit(STOP_SIGNALS[signal])
}

/**
 * For a run that aborts its operation on SIGINT, SIGTERM or SIGHUP: the first such signal is its to handle (the
 * steps are stopped by the abort), a second one ends every group and the process. Returns the undo.
 */
export function deferSignals(): () => void {
  deferring++
  return () => {
    deferring--
    if (deferring === 0) deferred = false
  }
}

function track(child: Running): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true
    // 'exit' handlers must be synchronous: a last SIGKILL to every group still running; then the guardian, which
    // has nothing left to guard (and might never have come up)
    process.on('exit', () => {
      killAll()
      dismissGuardian()
    })
  }
  if (live.size === 0) for (const sig of STOP_NAMES) process.on(sig, onSignal)
  live.add(child)
}

function untrack(child: Running): void {
  live.delete(child)
  if (live.size === 0) for (const sig of STOP_NAMES) process.off(sig, onSignal)
}

export function spawnGroup(argv: string[], options: GroupOptions): GroupHandle {
  const [command, ...args] = argv
  if (!command) throw new Error('spawnGroup: empty argv')
  const output = new BoundedOutput()
  const token = newStepToken()
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...(options.env ?? process.env), [STEP_MARKER]: stepMarker(token) },
    detached: true, // a new process group: -pid reaches the grandchildren too
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true
  })
  // now, before the event loop can reap the leader: its start time names it
  const watch = child.pid === undefined ? null : StepWatch.start(child.pid, token)
  // no process at all (the spawn failed): nothing escaped, and /proc's absence is not what kept it from tracking
  const containment: Containment = watch || child.pid === undefined ? 'tracked' : 'group-only'
  const running: Running = { child, watch }
  track(running)
  // should we die outright (SIGKILL), with no exit hook to stop the group: the guardian does (guardian.ts)
  if (child.pid !== undefined)
    tellGuardian({ kind: 'step', token, pid: child.pid, start: watch?.leader().start ?? null })
  let pending = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    output.write(chunk)
    options.onOutput?.(chunk)
    if (!options.onStdoutLine) return
    pending += chunk.toString('utf8')
    if (pending.length > 64 * 1024) pending = pending.slice(-64 * 1024)
    let nl: number
    while ((nl = pending.indexOf('\n')) !== -1) {
      options.onStdoutLine(pending.slice(0, nl).replace(/\r$/, ''))
      pending = pending.slice(nl + 1)
    }
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output.write(chunk)
    options.onOutput?.(chunk)
  })
  let finished = false
  let leaderExited = false
  let forcedClosed = false
  let cancelLinger: (() => void) | undefined
  // The run is over when the leader exits: what it left behind is killed now, not when the output pipes
  // close (a background server holding them would keep us waiting). A process that escaped everything we
  // track may still hold them: after a bound, we stop reading.
  child.once('exit', () => {
    leaderExited = true
    tellGuardian({ kind: 'leader-exited', token })
    if (watch) watch.leaderExited()
    else killGroup(child, 'SIGKILL')
    const forceClose = () => {
      forcedClosed = true
      child.stdout?.destroy()
      child.stderr?.destroy()
    }
    if (options.after) cancelLinger = options.after(LINGER_MS, forceClose)
    else {
      const timer = setTimeout(forceClose, LINGER_MS)
      timer.unref()
      cancelLinger = () => clearTimeout(timer)
    }
  })
  const ended = (): Pick<Exit, 'killed' | 'containment'> => {
    finished = true
    untrack(running)
    watch?.close()
    // after the last sweep: a gate killed before it has the guardian's
    tellGuardian({ kind: 'end', token })
    return { killed: watch?.killed() ?? [], containment }
  }
  const exited = new Promise<Exit>((resolve) => {
    child.once('error', (e) => {
      resolve({ code: null, signal: null, error: (e as NodeJS.ErrnoException).code ?? e.message, ...ended() })
    })
    child.once('close', (code, signal) => {
      cancelLinger?.()
      resolve({ code, signal, ...(forcedClosed ? { outputForcedClosed: true } : {}), ...ended() })
    })
  })
  return {
    pid: child.pid,
    output,
    exited,
    done: () => finished,
    leaderExited: () => leaderExited,
    async stop(graceMs = 2000) {
      if (!finished) {
        stopAll(running, 'SIGTERM')
        const timer = setTimeout(() => stopAll(running, 'SIGKILL'), graceMs)
        const exit = await exited
        clearTimeout(timer)
        return exit
      }
      return exited
    }
  }
}
