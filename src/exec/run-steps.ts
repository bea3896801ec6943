// The suite runner: a policy's steps, one at a time per suite, every one of them (never fail-fast: the
// evidence shows every result). Each step is a process group with a timeout that kills the whole group,
// output captured within a fixed memory bound (head + tail), its exit code or signal, and its duration.
// When a step ends or is stopped, every process it started is killed, also those that left its group
// (step-watch.ts), and the step's result lists them.
// Suites run concurrently or one after another; steps inside a suite always keep their order.
import { ESCAPED_OUTPUT } from './step-errors.js'
import { errorCode } from '../text/error-code.js'
import { resolve } from 'node:path'
import { childEnv } from './child-env.js'
import { realClock } from './clock.js'
import type { RunnerClock } from './clock.js'
import { spawnGroup } from './process-group.js'
import type { Exit, GroupHandle } from './process-group.js'
import { procAvailable } from './proc-table.js'
import { workingDirectoryProblem } from './working-directory.js'
import type { Containment, KilledProcess } from './step-watch.js'

/** A step as a policy states it (the policy's SuiteStep adds when it runs). */
export interface StepCommand {
  name: string
  /** argv, never a shell string. May hold {repo_root} and {producer_root}. */
  run: string[]
  cwd: string
  timeout_s: number
}

/** A step ready to run: placeholders replaced, cwd absolute, the environment already filtered. */
export interface StepSpec {
  suite: string
  name: string
  argv: string[]
  cwd: string
  timeoutMs: number
  env: NodeJS.ProcessEnv
}

export type StepStatus = 'passed' | 'failed' | 'timed-out' | 'not-run'

/** What one step did. Raw output: redact it before it is hashed, stored or shown. */
export interface StepRun {
  suite: string
  name: string
  argv: string[]
  cwd: string
  status: StepStatus
  exitCode: number | null
  signal: string | null
  /**
   * Why it did not run to an exit of its own: ENOENT/EACCES or a missing cwd (could not start: status not-run),
   * 'aborted', a runner error.
   */
  error: string | null
  durationMs: number
  /** ISO 8601. */
  startedAt: string
  /** BoundedOutput.text(): the head, a marker with the number of bytes dropped, the tail (stdout + stderr). */
  output: string
  /** Every byte the step printed, kept or not. */
  outputBytes: number
  /** Processes the step left running (or, timed out or aborted, still had running) that were killed. */
  killed: KilledProcess[]
  /** `group-only`: no /proc here; a process that left the step's group could be neither found nor killed. */
  containment: Containment
}

/**
 * Live reporting. Hooks are for rendering only: an exception thrown by one is reported as a process
 * warning and otherwise ignored, so a rendering bug never costs a step its result. onEnd is called for
 * every step, also the ones that did not run (without an onStart before it).
 */
export interface RunnerHooks {
  onStart?(spec: StepSpec): void
  /** Every chunk of stdout and stderr as it arrives (not retained by the runner beyond its bound). */
  onOutput?(spec: StepSpec, chunk: Buffer): void
  onEnd?(spec: StepSpec, run: StepRun): void
}

/** Between SIGTERM to a step's group and SIGKILL. */
export const KILL_GRACE_MS = 2000

/** Replace {repo_root} and {producer_root} (a function replacer: `$` in a path is not a pattern). */
function substitute(s: string, roots: { repoRoot: string; producerRoot: string }): string {
  return s.replace(/\{(repo_root|producer_root)\}/g, (_m, key: string) =>
    key === 'repo_root' ? roots.repoRoot : roots.producerRoot
  )
}

/** A policy step as the runner takes it. A relative producer root or cwd is resolved against the repo root. */
export function expandStep(
  step: StepCommand,
  roots: { repoRoot: string; producerRoot: string },
  env: NodeJS.ProcessEnv,
  suite = ''
): StepSpec {
  const repoRoot = resolve(roots.repoRoot)
  const abs = { repoRoot, producerRoot: resolve(repoRoot, roots.producerRoot) }
  return {
    suite,
    name: step.name,
    argv: step.run.map((a) => substitute(a, abs)),
    cwd: resolve(repoRoot, substitute(step.cwd, abs)),
    timeoutMs: step.timeout_s * 1000,
    env: childEnv(env)
  }
}

function callHook(run: () => void): void {
  try {
    run()
  } catch (e) {
    process.emitWarning(`suite runner hook threw: ${(e as Error)?.message ?? String(e)}`)
  }
}

function notRun(spec: StepSpec, clock: RunnerClock): StepRun {
  return {
    suite: spec.suite,
    name: spec.name,
    argv: spec.argv,
    cwd: spec.cwd,
    status: 'not-run',
    exitCode: null,
    signal: null,
    error: null,
    durationMs: 0,
    startedAt: clock.date().toISOString(),
    output: '',
    outputBytes: 0,
    killed: [],
    containment: procAvailable() ? 'tracked' : 'group-only'
  }
}

async function runStep(
  spec: StepSpec,
  hooks: RunnerHooks,
  signal: AbortSignal | undefined,
  clock: RunnerClock
): Promise<StepRun> {
  const startedAt = clock.date().toISOString()
  const t0 = clock.now()
  callHook(() => hooks.onStart?.(spec))
  const base = { suite: spec.suite, name: spec.name, argv: spec.argv, cwd: spec.cwd, startedAt }
  // a step that could not be started (its directory or program missing) did not run: it says nothing of what it
  // tests, and is recorded so (not-run, with why), never as a failure of the suite (found by review)
  const fail = (error: string): StepRun => ({
    ...base,
    status: 'not-run',
    exitCode: null,
    signal: null,
    error,
    durationMs: clock.now() - t0,
    output: '',
    outputBytes: 0,
    killed: [],
    containment: procAvailable() ? 'tracked' : 'group-only'
  })

  const cwdProblem = workingDirectoryProblem(spec.cwd)
  if (cwdProblem) return fail(cwdProblem)
  let handle: GroupHandle
  const onOutput = hooks.onOutput?.bind(hooks)
  try {
    handle = spawnGroup(spec.argv, {
      cwd: spec.cwd,
      env: spec.env,
      ...(clock !== realClock ? { after: clock.after } : {}),
      ...(onOutput ? { onOutput: (chunk: Buffer) => callHook(() => onOutput(spec, chunk)) } : {})
    })
  } catch (e) {
    return fail(errorCode(e))
  }

  let reason: 'timeout' | 'aborted' | null = null
  const stop = (why: 'timeout' | 'aborted') => {
    // a step whose own process has exited has its verdict: what is left is its output closing (or the linger
    // after it), which a cancellation must not turn into "stopped" (a step that passed, recorded failed)
    if (reason !== null || handle.done() || handle.leaderExited()) return
    reason = why
    void handle.stop(KILL_GRACE_MS)
  }
  const cancelTimeout = clock.after(spec.timeoutMs, () => stop('timeout'))
  const onAbort = () => stop('aborted')
  signal?.addEventListener('abort', onAbort, { once: true })
  if (signal?.aborted) onAbort()

  let exit: Exit
  try {
    exit = await handle.exited
  } finally {
    cancelTimeout()
    signal?.removeEventListener('abort', onAbort)
  }

  const ended = {
    ...base,
    exitCode: exit.code,
    signal: exit.signal,
    durationMs: clock.now() - t0,
    output: handle.output.text(),
    outputBytes: handle.output.total,
    killed: exit.killed,
    containment: exit.containment
  }
  if (exit.error !== undefined && reason === null)
    return handle.pid === undefined ? fail(exit.error) : { ...ended, status: 'failed', error: exit.error }
  if (reason === 'timeout') {
    const error = exit.outputForcedClosed ? 'output still open after SIGKILL' : (exit.error ?? null)
    return { ...ended, status: 'timed-out', error }
  }
  if (reason === 'aborted') return { ...ended, status: 'failed', error: 'aborted' }
  // the step ended, yet something held its output open until we stopped reading: a process it started that
  // escaped every way we find them (a new session with a cleared environment), still running, free to write
  // the evidence or the runner's files after the gate: the step does not pass
  if (exit.outputForcedClosed) return { ...ended, status: 'failed', error: ESCAPED_OUTPUT }
  return { ...ended, status: exit.code === 0 && exit.signal === null ? 'passed' : 'failed', error: null }
}

/**
 * The steps in order, one at a time, every one of them whatever the ones before did. When `signal`
 * aborts, the running step's group is killed (failed, error 'aborted') and the rest are 'not-run'.
 * Never throws for anything a step does.
 */
export async function runSuite(
  steps: StepSpec[],
  hooks: RunnerHooks = {},
  signal?: AbortSignal,
  clock: RunnerClock = realClock
): Promise<StepRun[]> {
  const runs: StepRun[] = []
  for (const spec of steps) {
    let run: StepRun
    if (signal?.aborted) {
      run = notRun(spec, clock)
    } else {
      try {
        run = await runStep(spec, hooks, signal, clock)
      } catch (e) {
        // a bug of ours, not the step's: recorded on the step, and the suite goes on
        run = {
          ...notRun(spec, clock),
          status: 'failed',
          error: `runner error: ${(e as Error)?.message ?? e}`
        }
      }
    }
    runs.push(run)
    callHook(() => hooks.onEnd?.(spec, run))
  }
  return runs
}

/** Several suites, all at once (`concurrent`) or one after another; the result is in the order given. */
export async function runSuites(
  suites: StepSpec[][],
  options: { concurrent: boolean; clock?: RunnerClock },
  hooks: RunnerHooks = {},
  signal?: AbortSignal
): Promise<StepRun[][]> {
  const run = (steps: StepSpec[]) => runSuite(steps, hooks, signal, options.clock)
  if (options.concurrent) return Promise.all(suites.map(run))
  const results: StepRun[][] = []
  for (const steps of suites) results.push(await run(steps))
  return results
}
