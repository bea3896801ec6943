// The suite steps a policy declares for an operation, as every surface names them, and as the evidence records
// them when none of them runs (skipped, or refused). Apart from the suite runner: health, which runs no steps,
// says which it did not run without loading it.
import type { BaselinePolicy, OperationName, SuiteStep } from '../policy/types.js'
import type { StepResult } from '../rules/verdict.js'
import { runRedactor } from './redact-findings.js'

interface DeclaredStep {
  suite: string
  step: SuiteStep
  /** The argv and the directory as every surface shows them: redacted. */
  shownArgv: string[]
  shownCwd: string
}

/**
 * The policy's steps for an operation, by suite, in order; each named and run as every surface shows it, the run's
 * secrets removed (found by review: a token in a step's name reached the terminal, the packet and a log's file
 * name). The argv and the directory a step runs with are the policy's own: only what is shown of them is redacted.
 */
export function stepsFor(
  baseline: BaselinePolicy,
  operation: OperationName,
  env: NodeJS.ProcessEnv
): DeclaredStep[] {
  const redact = runRedactor({ env })
  const out: DeclaredStep[] = []
  for (const suite of ['consumer', 'producer'] as const) {
    for (const step of baseline.suites[suite])
      if (step.operations.includes(operation))
        out.push({
          suite,
          step: { ...step, name: redact(step.name) },
          shownArgv: step.run.map(redact),
          shownCwd: redact(step.cwd)
        })
  }
  return out
}

/** The policy's steps for an operation as the evidence shows them when none of them ran. */
export function unrunSteps(
  baseline: BaselinePolicy,
  operation: OperationName,
  env: NodeJS.ProcessEnv,
  outcome: { status: 'skipped'; skip_reason: string } | { status: 'not-run' }
): StepResult[] {
  return stepsFor(baseline, operation, env).map(({ suite, step, shownArgv, shownCwd }) => ({
    suite,
    name: step.name,
    status: outcome.status,
    exit_code: null,
    duration_ms: 0,
    // a step skipped on purpose is not required; one refused (not-run) fails the verdict
    required: outcome.status === 'not-run',
    argv: shownArgv,
    cwd: shownCwd,
    ...(outcome.status === 'skipped' ? { skip_reason: outcome.skip_reason } : {})
  }))
}
