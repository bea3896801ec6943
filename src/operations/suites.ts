// The suites of one baseline for one operation (promotion, rollback): run them, redact every log before it
// is hashed, written or shown, and turn each run into the evidence of a step. Shared by both operations.
import { relative } from 'node:path'
import { logFileName, logTail, packetLogs } from '../evidence/step-log.js'
import { sha256 } from '../fs/digest.js'
import { expandStep, runSuites } from '../exec/run-steps.js'
import type { StepRun, StepSpec } from '../exec/run-steps.js'
import type { BaselinePolicy, OperationName, SuiteStep } from '../policy/types.js'
import type { Redactor } from '../redact/redactor.js'
import type { StepResult } from '../rules/verdict.js'
import type { EvidenceStore } from '../fs/evidence-store.js'
import { finding } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'
import { suiteRules } from '../rules/suites.js'
import { plural } from '../text/plural.js'
import { stepsFor, unrunSteps } from './declared-steps.js'

/** Live progress for the entry layer: rendering only. */
export interface SuiteReporter {
  /** The suites start: this many steps will run. */
  suitesStarted?(steps: number): void
  /** The suites are not run: why, and the steps recorded as skipped. */
  suitesSkipped?(skip: SuiteSkip, steps: StepResult[]): void
  stepStarted?(suite: string, name: string): void
  /** A step ended: its evidence and its redacted log (never the raw output). */
  stepFinished?(step: StepResult, log: string): void
}

/** How a skip reason starts when the rules' errors already decided FAIL (a promotion's rules-first gate). */
export const RULES_ALREADY_FAIL = 'the rules already decide FAIL'

/** Why the suites are not run. */
export interface SuiteSkip {
  /** In words, recorded on every skipped step and in the notice BG704. */
  reason: string
  /** Set when the rules' errors already decide FAIL (a promotion): the entry can offer to run the suites anyway. */
  ruleErrors?: number
}

export interface SuiteRunInput {
  root: string
  baseline: BaselinePolicy
  operation: OperationName
  env: NodeJS.ProcessEnv
  redactor: Redactor
  evidence: EvidenceStore
  /** The packet's name: log files are named after it. */
  packet: string
  reporter?: SuiteReporter
  signal?: AbortSignal
}

export interface SuiteRunResult {
  steps: StepResult[]
  redactions: number
  /** Redactions by kind of secret. */
  kinds: Record<string, number>
}

export async function runBaselineSuites(input: SuiteRunInput): Promise<SuiteRunResult> {
  const { baseline, root } = input
  const roots = { repoRoot: root, producerRoot: baseline.producer.root }
  const selected = stepsFor(baseline, input.operation, input.env)
  const policyStep = new Map<StepSpec, { index: number; step: SuiteStep }>()
  const bySuite: StepSpec[][] = []
  for (const suite of ['consumer', 'producer']) {
    const specs: StepSpec[] = []
    selected.forEach(({ suite: s, step }, index) => {
      if (s !== suite) return
      const spec = expandStep(step, roots, input.env, suite)
      policyStep.set(spec, { index, step })
      specs.push(spec)
    })
    if (specs.length > 0) bySuite.push(specs)
  }

  const steps: StepResult[] = new Array<StepResult>(selected.length)
  const kinds: Record<string, number> = {}
  let redactions = 0
  // each log is redacted as its step ends, while the other steps go on; one at a time (the scanner is CPU)
  let queue: Promise<void> = Promise.resolve()
  // the first record that failed (a log the evidence directory refused: a step swapped it for a link), thrown once
  // the steps are over: a rejection left without a handler while they run would end the process without a verdict
  let failed: { error: unknown } | null = null
  const finish = (spec: StepSpec, run: StepRun): void => {
    queue = queue
      .then(() => record(spec, run))
      .catch((error: unknown) => {
        failed ??= { error }
      })
  }
  const record = async (spec: StepSpec, run: StepRun): Promise<void> => {
    const { index, step } = policyStep.get(spec)!
    // the raw output never leaves this function: only its redacted text is hashed, written or shown
    const redacted = await input.redactor.redact(run.output)
    redactions += redacted.count
    for (const [k, n] of Object.entries(redacted.kinds)) kinds[k] = (kinds[k] ?? 0) + n
    const logFile = logFileName(input.packet, index, spec.suite, spec.name)
    input.evidence.write(logFile, redacted.text)
    const result: StepResult = {
      suite: spec.suite,
      name: spec.name,
      status: run.status,
      exit_code: run.exitCode,
      duration_ms: Math.round(run.durationMs),
      required: true,
      // the policy's argv (placeholders kept), with any known secret in it removed all the same
      argv: await Promise.all(step.run.map(async (a) => (await input.redactor.redact(a)).text)),
      cwd: (await input.redactor.redact(relative(root, spec.cwd).split('\\').join('/') || '.')).text,
      ...(run.error !== null ? { error: (await input.redactor.redact(run.error)).text } : {}),
      output_bytes: run.outputBytes,
      log_file: logFile,
      log_sha256: sha256(redacted.text),
      log_tail: logTail(redacted.text),
      // a command name is the process's own choice: redacted like its output
      killed: await Promise.all(
        run.killed.map(async (k) => ({ ...k, command: (await input.redactor.redact(k.command)).text }))
      ),
      containment: run.containment
    }
    steps[index] = result
    try {
      input.reporter?.stepFinished?.(result, redacted.text)
    } catch {
      // rendering must not cost a step its evidence
    }
  }

  input.reporter?.suitesStarted?.(selected.length)
  await runSuites(
    bySuite,
    { concurrent: baseline.suites.concurrent },
    {
      onStart: (spec) => input.reporter?.stepStarted?.(spec.suite, spec.name),
      onEnd: (spec, run) => finish(spec, run)
    },
    input.signal
  )
  await queue
  if (failed) throw (failed as { error: unknown }).error
  return { steps, redactions, kinds }
}

export interface OperationSuitesInput extends SuiteRunInput {
  /** Why the suites are not run, when they are not (a request: --no-suites, a dry run, the rules' FAIL); null: run them. */
  skip: string | SuiteSkip | null
  /** Why they must not run although requested (the files on disk are not the ones checked): not run, and FAIL. */
  blocked?: Finding | null
}

/**
 * The suites of an operation as the verdict sees them: skipped (on request, a dry run, the rules' FAIL: BG704,
 * a notice), none in the policy (BG705), refused (the blocking finding, every step not-run), or run, with a finding per step that
 * did not pass.
 */
export async function operationSuites(
  input: OperationSuitesInput
): Promise<{ steps: StepResult[]; redactions: number; findings: Finding[] }> {
  const { baseline, operation } = input
  // the packet about to be written names the logs of this run only: an earlier run's are removed first
  input.evidence.removeMatching(packetLogs(input.packet))
  if (input.skip !== null) {
    const skip = typeof input.skip === 'string' ? { reason: input.skip } : input.skip
    const steps = unrunSteps(baseline, operation, input.env, { status: 'skipped', skip_reason: skip.reason })
    input.reporter?.suitesSkipped?.(skip, steps)
    return { steps, redactions: 0, findings: [skipNote(skip, steps.length)] }
  }
  if (stepsFor(baseline, operation, input.env).length === 0) {
    const note = finding(
      'BG705',
      null,
      null,
      `the policy has no suite step for ${operation}; only the rules ran`
    )
    return { steps: [], redactions: 0, findings: [note] }
  }
  if (input.blocked) {
    const steps = unrunSteps(baseline, operation, input.env, { status: 'not-run' })
    return { steps, redactions: 0, findings: [input.blocked] }
  }
  const run = await runBaselineSuites(input)
  return { steps: run.steps, redactions: run.redactions, findings: suiteRules(run.steps) }
}

/** BG704: what did not run and why; after a rule FAIL, how to run the suites all the same. */
function skipNote(skip: SuiteSkip, steps: number): Finding {
  const skipped = `${plural(steps, 'step')} skipped`
  const message =
    skip.ruleErrors === undefined
      ? `the suites were not run (${skip.reason}): ${skipped}; this verdict covers the rules only`
      : `the suites were not run because ${skip.reason}: ${skipped}; --suites-anyway (input suites-anyway: true) runs them all the same`
  return finding('BG704', null, null, message)
}

/** The steps in a few words, for a timeline: how many passed, or that none ran. */
export function describeSteps(steps: StepResult[]): string {
  const passed = steps.filter((s) => s.status === 'passed').length
  const skipped = steps.filter((s) => s.status === 'skipped').length
  if (steps.length === 0) return 'no steps'
  if (skipped === steps.length)
    return `not run: ${steps.length === 1 ? 'its' : 'all'} ${plural(steps.length, 'step')} skipped`
  return `${passed} of ${plural(steps.length, 'step')} passed${skipped > 0 ? `, ${skipped} skipped` : ''}`
}

/** Whether any rollback suite step actually ran (a skipped or never-started step did not). */
export function suitesRan(steps: StepResult[]): boolean {
  return steps.some((s) => s.status !== 'skipped' && s.status !== 'not-run')
}
