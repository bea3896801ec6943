// A suite step in the Actions log: one line, and its (redacted) log in a collapsible group, printed when the step
// ends (suites run concurrently: groups printed as they end never interleave). Workflow commands are stopped
// around the log, so `::add-mask::`, `::set-output` or `::endgroup::` printed by a pull request's tests are shown,
// never obeyed.
import { randomBytes } from 'node:crypto'
import { stepResultLine } from '../../evidence/step-log.js'
import type { StepResult } from '../../rules/verdict.js'

export { stepResultLine }

export interface LogWriter {
  startGroup(title: string): void
  endGroup(): void
  /** One line (or lines) to stdout. */
  info(text: string): void
}

/** A token no line of `text` holds, for `::stop-commands::<token>` ... `::<token>::`. */
export function stopToken(
  text: string,
  random: () => string = () => randomBytes(16).toString('hex')
): string {
  for (;;) {
    const token = `bg-${random()}`
    if (!text.includes(token)) return token
  }
}

/**
 * The step's line as a group title, its log inside with workflow commands stopped, then the group closed. The
 * log is the REDACTED text (the suite runner hands nothing else out).
 */
export function printStepLog(out: LogWriter, step: StepResult, log: string, token = stopToken(log)): void {
  out.startGroup(stepResultLine(step))
  if (log.length > 0) {
    out.info(`::stop-commands::${token}`)
    out.info(log.replace(/\r?\n$/, ''))
    out.info(`::${token}::`)
  } else {
    out.info('(no output)')
  }
  out.endGroup()
}
