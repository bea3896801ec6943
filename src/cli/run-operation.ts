// A long operation (promote, rollback) on the command line: live progress on stderr while its suites run,
// Ctrl-C stopping the running steps' process groups (the evidence is still written), then the report or
// the one JSON object on stdout, and the exit code of its verdict.
import { deferSignals } from '../exec/process-group.js'
import { signalExit, STOP_NAMES } from '../exec/stop-signals.js'
import { shorten } from '../text/shorten.js'
import type { OperationContext, OperationResult } from '../operations/context.js'
import type { BaselinePolicy } from '../policy/types.js'
import type { Io } from './io.js'
import { createProgress } from './progress.js'
import type { Progress } from './progress.js'
import { renderReport, styleFor, toJson } from './render.js'
import { writeSarif } from './sarif.js'
import type { SarifWriter } from './sarif.js'

/** What main hands a command that judges and runs suites (promote, rollback): where, which baselines, the outputs. */
export interface Judging {
  io: Io
  ctx: OperationContext
  baselines: BaselinePolicy[]
  json: boolean
  sarif: SarifWriter
}

/** What every judging operation is given from the command line: the baselines, the live progress, Ctrl-C. */
export interface JudgedRun {
  baselines: BaselinePolicy[]
  reporter: Progress
  signal: AbortSignal
}

/** How long a failure waits for a signal that caused it to be handled (a dead git's pipe fails first). */
const SIGNAL_GRACE_MS = 100

/**
 * The operation ended in an error after a signal (Ctrl-C, a cancelled job) asked it to stop: exit 128 + the
 * signal, and one line saying so. What it writes in the repository it puts back first (rollback.ts).
 */
export class InterruptedError extends Error {
  override name = 'InterruptedError'
  constructor(
    readonly signal: NodeJS.Signals,
    cause: unknown
  ) {
    super(`interrupted by ${signal} before it finished (${failedWhile(cause)})`)
  }
}

/** What failed, in a few words: the first line of the failure, not the command line git was given. */
function failedWhile(cause: unknown): string {
  const first = ((cause as Error | undefined)?.message ?? String(cause)).split(/\r?\n/)[0]!
  return shorten(first.split(': Command failed')[0]!, 80, 'word')
}

/** runOperation for a command that judges: its report, `--json` and SARIF as `judging` asks. */
export function judge(
  judging: Judging,
  operation: (ctx: OperationContext, run: JudgedRun) => Promise<OperationResult>
): Promise<number> {
  const { io, ctx, json, sarif, baselines } = judging
  return runOperation(io, { json, sarif, root: ctx.root }, (reporter, signal) =>
    operation(ctx, { baselines, reporter, signal })
  )
}

export async function runOperation(
  io: Io,
  options: { json: boolean; sarif?: SarifWriter; root?: string },
  operation: (reporter: Progress, signal: AbortSignal) => Promise<OperationResult>
): Promise<number> {
  // the live line moves the cursor itself: it writes to stderr as it is (io.live), every value in it made safe
  const live = io.live ?? io.stderr
  const progress = createProgress(live, styleFor(live, io.env))
  const controller = new AbortController()
  let received: NodeJS.Signals | null = null
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) {
      // a second signal, of any of the three names, ends the run at once: delivered again with this run's
      // listeners gone, to the process groups' (which stop every step) or to the default (found by review: a
      // second signal of another name was swallowed)
      for (const s of STOP_NAMES) process.off(s, onSignal)
      process.kill(process.pid, signal)
      return
    }
    received = signal
    controller.abort()
  }
  // the first Ctrl-C aborts (the steps stop, the evidence is written, a rollback puts the old trio back); a
  // second one ends the run at once
  const undefer = deferSignals()
  // SIGHUP too: the first one is deferred to this run like the others (found by review: a hang-up was swallowed, and
  // a Ctrl-C after it ended a rollback at once, its restored trio unverified on disk)
  for (const s of STOP_NAMES) process.on(s, onSignal)
  try {
    let result: OperationResult
    try {
      result = await operation(progress, controller.signal)
    } catch (e) {
      // the terminal's Ctrl-C reaches the git processes too (they share its process group): what fails after
      // it is the interruption's doing, not a defect of the tool. A pipe to a git that died of it can fail
      // before our own handler has run: a failure gets a moment for a signal on its way
      if (!received) await new Promise((r) => setTimeout(r, SIGNAL_GRACE_MS))
      if (received) throw new InterruptedError(received, e)
      throw e
    }
    progress.close()
    const sarif = writeSarif(options.sarif ?? null, result)
    if (options.json) io.stdout.write(`${JSON.stringify(toJson(result, { sarif: sarif.report }), null, 2)}\n`)
    else
      io.stdout.write(
        `${renderReport(result, io.cwd, styleFor(io.stdout, io.env), { sarif: sarif.report, root: options.root })}\n`
      )
    if (sarif.error) throw sarif.error
    // interrupted, its verdict written (a rollback put the previous trio back): the exit says so, as the shell's
    // would, so that a script tells it from a verdict of the suites. A signal that came when nothing was left to
    // stop (the suites over, the trio written) cut nothing short: the verdict stands, and its exit with it (found
    // by review: a completed rollback exited 130, which says the previous trio is back)
    if (received && cutShort(result)) return signalExit(received)
    return result.verdict === 'PASS' ? 0 : 1
  } finally {
    progress.close()
    for (const s of STOP_NAMES) process.off(s, onSignal)
    undefer()
  }
}

/** Whether the run stopped something on a signal: a step it aborted, a rollback it put back. */
function cutShort(result: OperationResult): boolean {
  return result.baselines.some(
    (b) => b.rollback?.interrupted === true || b.steps.some((s) => s.error === 'aborted')
  )
}
