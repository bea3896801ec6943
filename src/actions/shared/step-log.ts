// A suite step in the Actions log: one line, and its (redacted) log in a collapsible group, printed when the step
// ends (suites run concurrently: groups printed as they end never interleave). Workflow commands are stopped
// around the log, so `::add-mask::`, `::set-output` or `::endgroup::` printed by a pull request's tests are shown,
// never obeyed; escape sequences, CRs, bidirectional controls and the log viewer's `##[` markers are not
// replayed either (logText).
import { randomBytes } from 'node:crypto'
import { stepResultLine } from '../../evidence/step-log.js'
import { logText } from '../../text/terminal.js'
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
 * log is the REDACTED text (the suite runner hands nothing else out), shown as the terminal shows its tail
 * (logText): no escape sequence, CR or bidirectional override, and no `##[` marker, forges a line of the log viewer.
 */
export function printStepLog(out: LogWriter, step: StepResult, log: string, token?: string): void {
  out.startGroup(stepResultLine(step))
  if (log.length > 0) {
    const shown = logText(log).replace(/\n$/, '')
    const stop = token ?? stopToken(shown)
    out.info(`::stop-commands::${stop}`)
    out.info(shown)
    out.info(`::${stop}::`)
  } else {
    out.info('(no output)')
  }
  out.endGroup()
}
