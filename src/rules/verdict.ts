// The verdict: FAIL on any error, on any required step that did not pass, or on anything unknown.
import type { Finding } from './finding.js'

export type Verdict = 'PASS' | 'FAIL'

/** One measured step of a run (a probe request now; a suite step with the runner). */
export interface StepResult {
  suite: string
  name: string
  status: 'passed' | 'failed' | 'timed-out' | 'not-run' | 'skipped'
  exit_code: number | null
  duration_ms: number
  /** A required step that did not pass fails the verdict even without a finding. */
  required: boolean
  /** Suite steps: the argv as the policy writes it (placeholders kept: no runner paths in evidence). */
  argv?: string[]
  /** Suite steps: the working directory relative to the repository root ('.' for the root). */
  cwd?: string
  /** Why the step did not run to an exit of its own (could not start, aborted, output still open). */
  error?: string
  /** A skipped step: why it was not run (on request, a dry run, the rules already decide FAIL). */
  skip_reason?: string
  /** Every byte the step printed, kept or not. */
  output_bytes?: number
  /** The redacted log beside the packet, its SHA-256, and its last lines. */
  log_file?: string
  log_sha256?: string
  log_tail?: string
  /** Suite steps that ran: the processes it left running (or, stopped, still had running) that were killed. */
  killed?: KilledStepProcess[]
  /** `group-only`: no /proc on the runner; a process that left the step's process group could not be tracked. */
  containment?: 'tracked' | 'group-only'
}

/** A process of a step killed when the step ended, and how it was found (src/exec/step-watch.ts). */
export interface KilledStepProcess {
  pid: number
  /** The kernel's command name of the process (redacted). */
  command: string
  /** `group`: still in the step's process group; `descendant`: left it, found by its parent; `marker`: left the step's process tree, found by the token in its environment. */
  found: 'group' | 'descendant' | 'marker'
  /** Set when it could not be killed (EPERM: another user's process). */
  error?: string
}

/** What the verdict needs of a step. */
export type StepOutcome = Pick<StepResult, 'status' | 'required'>

export function decideVerdict(findings: Finding[], steps: StepOutcome[] = []): Verdict {
  if (findings.some((f) => f.severity === 'error')) return 'FAIL'
  if (steps.some((s) => s.required && s.status !== 'passed')) return 'FAIL'
  return 'PASS'
}

/** One verdict over several baselines: PASS only when there is at least one and all passed. */
export function aggregateVerdict(verdicts: Verdict[]): Verdict {
  return verdicts.length > 0 && verdicts.every((v) => v === 'PASS') ? 'PASS' : 'FAIL'
}
