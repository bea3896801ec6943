// Names, tails and the one-line summary of the suite step logs written beside an evidence packet. Pure.
import { formatDuration } from '../text/duration.js'
import { inlineSafe } from '../text/terminal.js'
import type { StepResult } from '../rules/verdict.js'

/** The last lines of a log that the packet, the summary and the comment show. */
export const TAIL_LINES = 40
export const TAIL_CHARS = 4000

/** `<packet>-<nn>-<suite>-<step>.log`: flat (the schema allows no directories), unique by its index. */
/**
 * The most a step's log file can hold: the runner keeps 32 KiB of a step's output's head and 32 KiB of its tail
 * (exec/bounded-output.ts), and the log adds a few lines about the step; anything larger is not one of ours.
 */
export const MAX_LOG_BYTES = 1024 * 1024

/** Every step log of a packet, as logFileName names them. */
export function packetLogs(packet: string): RegExp {
  return new RegExp(
    `^${packet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d{2,}-(?:consumer|producer)(?:-[a-z0-9._-]*)?\\.log$`
  )
}

export function logFileName(packet: string, index: number, suite: string, name: string): string {
  const slug = `${suite}-${name}`
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 60)
  return `${packet}-${String(index + 1).padStart(2, '0')}-${slug || 'step'}.log`
}

/** The last `lines` lines, at most `chars` characters (cut at a line start when one is near). */
export function logTail(text: string, lines = TAIL_LINES, chars = TAIL_CHARS): string {
  const trimmed = text.replace(/\s+$/, '')
  let start = trimmed.length
  for (let i = 0; i < lines && start > 0; i++) {
    const nl = trimmed.lastIndexOf('\n', start - 1)
    start = nl === -1 ? 0 : nl
  }
  let tail = trimmed.slice(start).replace(/^\n/, '')
  if (tail.length > chars) {
    const cut = tail.length - chars
    const nl = tail.indexOf('\n', cut)
    tail = tail.slice(nl !== -1 && nl - cut < 200 ? nl + 1 : cut)
  }
  return tail
}

const LABEL: Record<StepResult['status'], string> = {
  passed: 'PASS',
  failed: 'FAIL',
  'timed-out': 'TIME',
  'not-run': 'NOT RUN',
  skipped: 'SKIP'
}

/** How the step ended: exit 0, exit 1, timed out, not run. */
function outcome(step: StepResult): string {
  // the reason is said once, for all the steps it skipped (the group's title, the summary's "did not run")
  if (step.status === 'skipped') return 'skipped'
  if (step.status === 'not-run') return step.error ? `not run: ${step.error}` : 'not run'
  const parts: string[] = []
  if (step.status === 'timed-out') parts.push('timed out')
  if (step.error) parts.push(step.error)
  else if (step.exit_code !== null) parts.push(`exit ${step.exit_code}`)
  else if (step.status === 'failed') parts.push('killed by a signal')
  return parts.join(', ')
}

/**
 * One line for the terminal and the Actions log: `PASS consumer › typecheck (12.3 s, exit 0)`.
 * `label` styles the status word (colours in a terminal).
 */
export function stepResultLine(
  step: StepResult,
  label: (text: string, step: StepResult) => string = (t) => t
): string {
  const where = step.suite ? `${inlineSafe(step.suite)} › ${inlineSafe(step.name)}` : inlineSafe(step.name)
  const detail =
    step.status === 'not-run' || step.status === 'skipped'
      ? outcome(step)
      : `${formatDuration(step.duration_ms)}, ${outcome(step)}`
  return `${label(LABEL[step.status], step)} ${where} (${inlineSafe(detail)})`
}
