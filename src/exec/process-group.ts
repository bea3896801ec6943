// A child process in its own process group, so stopping it stops everything it started (cargo run ->
// the service). Output is captured within a bound. Children still running when we exit are killed.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { BoundedOutput } from './bounded-output.js'

export interface GroupOptions {
  cwd: string
  env?: NodeJS.ProcessEnv
  /** Called with each complete line of stdout (for readiness lines). */
  onStdoutLine?: (line: string) => void
  /** Called with every chunk of output, stdout and stderr (for live display); not retained. */
  onOutput?: (chunk: Buffer) => void
}

export interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
  /** Set when the process could not be started at all (ENOENT, EACCES). */
  error?: string
  /** Something outside the group (it left for its own session) still held the output when we closed it. */
  outputForcedClosed?: boolean
}

/** After the leader exits, how long a process that escaped the group may hold the output open. */
const LINGER_MS = 5000

export interface GroupHandle {
  pid: number | undefined
  output: BoundedOutput
  /** Resolves once the process has exited (or failed to start). */
  exited: Promise<Exit>
  /** Whether it has exited. */
  done(): boolean
  /** SIGTERM to the group, then SIGKILL after `graceMs`; resolves when the leader has exited. */
  stop(graceMs?: number): Promise<Exit>
}

const live = new Set<ChildProcess>()
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

function killAll(): void {
  for (const child of live) killGroup(child, 'SIGKILL')
}

/**
 * A signal that ends us (Ctrl-C, a cancelled CI job) must end the groups we started: they are not in our
 * process group, so the terminal or the runner does not reach them. Installed only while children run.
 */
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const
function onSignal(signal: keyof typeof SIGNALS): void {
  killAll()
  process.exit(SIGNALS[signal])
}

function track(child: ChildProcess): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true
    // 'exit' handlers must be synchronous: a last SIGKILL to every group still running
    process.on('exit', killAll)
  }
  if (live.size === 0)
    for (const sig of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) process.on(sig, onSignal)
  live.add(child)
}

function untrack(child: ChildProcess): void {
  live.delete(child)
  if (live.size === 0)
    for (const sig of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) process.off(sig, onSignal)
}

export function spawnGroup(argv: string[], options: GroupOptions): GroupHandle {
  const [command, ...args] = argv
  if (!command) throw new Error('spawnGroup: empty argv')
  const output = new BoundedOutput()
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true, // a new process group: -pid reaches the grandchildren too
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true
  })
  track(child)
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
  let forcedClosed = false
  let linger: NodeJS.Timeout | undefined
  // The run is over when the leader exits: what it left behind in its group is killed now, not when the
  // output pipes close (a background server holding them would keep us waiting). A process that escaped
  // the group may still hold them: after a bound, we stop reading.
  child.once('exit', () => {
    killGroup(child, 'SIGKILL')
    linger = setTimeout(() => {
      forcedClosed = true
      child.stdout?.destroy()
      child.stderr?.destroy()
    }, LINGER_MS)
    linger.unref()
  })
  const exited = new Promise<Exit>((resolve) => {
    child.once('error', (e) => {
      finished = true
      untrack(child)
      resolve({ code: null, signal: null, error: (e as NodeJS.ErrnoException).code ?? e.message })
    })
    child.once('close', (code, signal) => {
      finished = true
      clearTimeout(linger)
      untrack(child)
      resolve(forcedClosed ? { code, signal, outputForcedClosed: true } : { code, signal })
    })
  })
  return {
    pid: child.pid,
    output,
    exited,
    done: () => finished,
    async stop(graceMs = 2000) {
      if (!finished) {
        killGroup(child, 'SIGTERM')
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs)
        const exit = await exited
        clearTimeout(timer)
        return exit
      }
      return exited
    }
  }
}
