// What every action prints around its operation: the suites' logs, the redactor, the job summary, the failure
// message, and the cancellation of a job.
import { unlinkSync, writeFileSync } from 'node:fs'
import * as core from '@actions/core'
import { deferSignals } from '../../exec/process-group.js'
import { STOP_NAMES } from '../../exec/stop-signals.js'
import type { OperationResult } from '../../operations/context.js'
import type { SuiteReporter } from '../../operations/suites.js'
import { secretsFromEnv } from '../../redact/known-secrets.js'
import { createRedactor } from '../../redact/redactor.js'
import type { Redactor } from '../../redact/redactor.js'
import { printStepLog } from './step-log.js'
import { plural } from '../../text/plural.js'
import { inlineSafe } from '../../text/terminal.js'

/** Each step's redacted log in a collapsible group, printed when the step ends. */
export function actionsReporter(): SuiteReporter {
  return {
    stepStarted: (suite, name) => core.info(`▶ ${inlineSafe(suite)} › ${inlineSafe(name)}: started`),
    stepFinished: (step, log) =>
      printStepLog(
        {
          startGroup: (title) => core.startGroup(title),
          endGroup: () => core.endGroup(),
          info: (text) => core.info(text)
        },
        step,
        log
      )
  }
}

export interface ActionRedactor {
  redactor: Redactor
  /** Whether the secret scanner failed on some text (the known secrets and built-in detectors still applied). */
  scannerFailed(): boolean
}

/** The redactor of an action: the token input, and every variable of the environment whose name says it holds a secret. */
export function actionRedactor(token: string, env: NodeJS.ProcessEnv): ActionRedactor {
  let failed = false
  const redactor = createRedactor({
    secrets: [...(token ? [token] : []), ...secretsFromEnv(env, ['INPUT_TOKEN'])],
    onScannerError: () => {
      failed = true
    }
  })
  return { redactor, scannerFailed: () => failed }
}

/** The summary's note (and a warning) when the secret scanner failed; null when it did not. */
export function scannerNote(r: ActionRedactor): string | null {
  if (!r.scannerFailed()) return null
  const text =
    'The secret scanner (secretlint) failed on some captured output; the known secrets and the built-in detectors were still removed.'
  core.warning(text)
  return `> ${text}`
}

/**
 * The job summary, redacted once more when it holds captured output. It replaces what the step's file holds: the
 * gate writes its summary once, at the end, and anything already there was written by the suites (a pull
 * request's code, which can find the file through the gate's /proc entry), such as a forged PASS ending in `<!--`
 * to hide the real verdict. A file a suite made read-only is replaced by a new one; a summary that still cannot be
 * written fails the step, since what the runner would show then is not this run's.
 */
export async function writeSummary(
  text: string,
  redactor: Redactor | null,
  env: NodeJS.ProcessEnv
): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) {
    core.info('baseline-gate: no job summary (GITHUB_STEP_SUMMARY is not set)')
    return
  }
  const redacted = redactor ? (await redactor.redact(text)).text : text
  const path = env.GITHUB_STEP_SUMMARY
  try {
    await core.summary.addRaw(redacted).write({ overwrite: true })
  } catch (first) {
    core.summary.emptyBuffer()
    try {
      // a new file in its place (the directory is the runner's, ours to write): its mode is ours again
      unlinkSync(path)
      writeFileSync(path, redacted, { flag: 'wx', mode: 0o644 })
      core.warning(
        `baseline-gate replaced the job summary file, which could not be written (${(first as Error).message}): a suite step may have changed it`
      )
    } catch (e) {
      core.setFailed(
        `baseline-gate could not write the job summary (${(e as Error).message}): what the summary shows is not this run's verdict`
      )
    }
  }
}

/** The step's failure message: the errors and the required steps that did not pass. */
export function failureMessage(result: OperationResult): string {
  const findings = result.baselines.flatMap((b) => b.findings)
  const errors = findings.filter((f) => f.severity === 'error').length
  const steps = result.baselines.flatMap((b) => b.steps).filter((s) => s.required && s.status !== 'passed')
  const parts = [plural(errors, 'error')]
  if (steps.length > 0) parts.push(`${steps.length} step${steps.length === 1 ? '' : 's'} did not pass`)
  return `baseline ${result.operation} FAIL: ${parts.join(', ')} (see the annotations and the job summary)`
}

/**
 * A cancelled job (SIGINT, then SIGTERM) stops the suites; the evidence still says what ran. `dispose` removes
 * the handlers.
 */
export function cancellation(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController()
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) return
    core.warning(`baseline-gate: ${signal} received; stopping the suites and writing the evidence`)
    controller.abort()
  }
  for (const s of STOP_NAMES) process.on(s, onSignal)
  // the runner's SIGINT is ours to handle (the abort writes the evidence); its SIGTERM after it ends the steps
  const undefer = deferSignals()
  return {
    signal: controller.signal,
    dispose: () => {
      for (const s of STOP_NAMES) process.off(s, onSignal)
      undefer()
    }
  }
}
