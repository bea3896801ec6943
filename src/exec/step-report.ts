// Plain-text renderings of a suite step's result, shared by the terminal and the Actions log.
import type { StepRun } from './run-steps.js'

/** 850 ms, 12.3 s, 4 min 05 s, 1 h 02 min. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) ms = 0
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`
  const s = Math.floor(ms / 1000)
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`
  return `${Math.floor(s / 3600)} h ${String(Math.floor(s / 60) % 60).padStart(2, '0')} min`
}

/** How the step ended, in a few words: exit 0, exit 1, signal SIGKILL, ENOENT, not run. */
export function stepOutcome(run: StepRun): string {
  if (run.status === 'not-run') return 'not run'
  const parts: string[] = []
  if (run.status === 'timed-out') parts.push('timed out')
  if (run.error !== null) parts.push(run.error)
  else if (run.signal !== null) parts.push(`signal ${run.signal}`)
  else if (run.exitCode !== null) parts.push(`exit ${run.exitCode}`)
  return parts.join(', ')
}

const LABEL: Record<StepRun['status'], string> = {
  passed: 'PASS',
  failed: 'FAIL',
  'timed-out': 'TIME',
  'not-run': 'SKIP'
}

/** Names come from the policy file: keep them on one line. */
// eslint-disable-next-line no-control-regex
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ')

/** One line: `PASS consumer › typecheck (12.3 s, exit 0)`. */
export function stepLine(run: StepRun): string {
  const where = run.suite ? `${oneLine(run.suite)} › ${oneLine(run.name)}` : oneLine(run.name)
  const detail =
    run.status === 'not-run' ? 'not run' : `${formatDuration(run.durationMs)}, ${stepOutcome(run)}`
  return `${LABEL[run.status]} ${where} (${oneLine(detail)})`
}
