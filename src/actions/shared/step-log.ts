// A suite step in the Actions log: one line, and its (redacted) log in a collapsible group, printed when the step
// ends (suites run concurrently: groups printed as they end never interleave). Workflow commands are stopped
// around the log, so `::add-mask::`, `::set-output` or `::endgroup::` printed by a pull request's tests are shown,
// never obeyed.
import { randomBytes } from 'node:crypto'
import { formatDuration } from '../../exec/step-report.js'
import type { StepResult } from '../../rules/verdict.js'

const LABEL: Record<StepResult['status'], string> = {
  passed: 'PASS',
  failed: 'FAIL',
  'timed-out': 'TIME',
  'not-run': 'NOT RUN',
  skipped: 'SKIP'
}

/** Names come from the policy file: keep them on one line. */
// eslint-disable-next-line no-control-regex
const oneLine = (s: string): string => s.replace(/[\u0000-\u001f\u007f]+/g, ' ')

/** How the step ended: exit 0, exit 1, timed out, not run. */
function outcome(step: StepResult): string {
  if (step.status === 'not-run' || step.status === 'skipped')
    return step.error ? `not run: ${step.error}` : 'not run'
  const parts: string[] = []
  if (step.status === 'timed-out') parts.push('timed out')
  if (step.error) parts.push(step.error)
  else if (step.exit_code !== null) parts.push(`exit ${step.exit_code}`)
  else if (step.status === 'failed') parts.push('killed by a signal')
  return parts.join(', ')
}

/** One line: `PASS consumer › typecheck (12.3 s, exit 0)`, like stepLine of src/exec/step-report.ts. */
export function stepResultLine(step: StepResult): string {
  const where = step.suite ? `${oneLine(step.suite)} › ${oneLine(step.name)}` : oneLine(step.name)
  const detail =
    step.status === 'not-run' || step.status === 'skipped'
      ? outcome(step)
      : `${formatDuration(step.duration_ms)}, ${outcome(step)}`
  return `${LABEL[step.status]} ${where} (${oneLine(detail)})`
}

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
