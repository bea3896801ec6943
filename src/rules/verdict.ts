// The verdict: FAIL on any error, on any required step that did not pass, or on anything unknown.
import type { Finding } from './finding.js'

export type Verdict = 'PASS' | 'FAIL'

export interface StepOutcome {
  status: 'passed' | 'failed' | 'timed-out' | 'not-run' | 'skipped'
  required: boolean
}

export function decideVerdict(findings: Finding[], steps: StepOutcome[] = []): Verdict {
  if (findings.some((f) => f.severity === 'error')) return 'FAIL'
  if (steps.some((s) => s.required && s.status !== 'passed')) return 'FAIL'
  return 'PASS'
}

/** One verdict over several baselines: PASS only when there is at least one and all passed. */
export function aggregateVerdict(verdicts: Verdict[]): Verdict {
  return verdicts.length > 0 && verdicts.every((v) => v === 'PASS') ? 'PASS' : 'FAIL'
}
