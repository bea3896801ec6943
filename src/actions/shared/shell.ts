// The one shell of every action's entry point: read the inputs, set the operation up (root, policy, baselines,
// evidence directory, context), run it, then set the outputs, annotate the findings, write the job summary and
// fail the step on FAIL. What stops the run before a verdict fails the step with one message, never a stack.
import { inlineSafe } from '../../text/terminal.js'
import * as core from '@actions/core'
import { ContainmentError } from '../../fs/contain.js'
import { createEvidenceStore, EvidenceDirError } from '../../fs/evidence-store.js'
import { FileSetError } from '../../fs/atomic-set.js'
import type { EvidenceStore } from '../../fs/evidence-store.js'
import { GitError, RevisionError, UnsupportedRepositoryError } from '../../git/git.js'
import { createOperationContext, policyBaselineCount } from '../../operations/context.js'
import type { OperationContext, OperationResult } from '../../operations/context.js'
import { loadPolicy, selectBaselines } from '../../policy/load.js'
import { PolicyError } from '../../policy/types.js'
import type { BaselinePolicy } from '../../policy/types.js'
import type { Redactor } from '../../redact/redactor.js'
import { plural } from '../../text/plural.js'
import { installQuoteRedaction } from '../../text/quote.js'
import { runRedactor } from '../../operations/redact-findings.js'
import type { AnnotationPlan } from './annotations.js'
import { artifactName, checkNodeVersion, InputError } from './inputs.js'
import type { CommonInputs } from './inputs.js'
import { ACTION_IO } from './io.js'
import type { ActionName, GetInput, OutputName } from './io.js'
import { actionRedactor, cancellation, failureMessage, writeSummary } from './report.js'
import { withCodeSpans } from '../../evidence/markdown-text.js'
import { annotate, withRepositoryRoot } from './run.js'
import { writeSarif } from './sarif.js'
import { tokenFromDescriptor } from './token-fd.js'
import { statementFileName } from '../../evidence/statement.js'

/** What the shell set up for the operation. */
export interface ActionRun<I> {
  inputs: I
  env: NodeJS.ProcessEnv
  baselines: BaselinePolicy[]
  evidence: EvidenceStore
  ctx: OperationContext
  artifact: string
  /** The artifact a summary may name: null when the workflow uploads none (upload-evidence: false). */
  artifactShown: string | null
  /** Aborted when the job is cancelled (never, for an action that is not `cancellable`). */
  signal: AbortSignal
}

/** The outputs the shell sets from the result, each for the actions that declare it. */
type StandardOutput =
  'verdict' | 'findings-count' | 'evidence-dir' | 'artifact-name' | 'sarif' | 'attestation'

/** What the operation came to, and what the action makes of it. */
export interface Operated<A extends ActionName> {
  result: OperationResult
  /** The action's own outputs (the registry's, the standard ones excepted). */
  outputs: Record<Exclude<OutputName<A>, StandardOutput>, string>
  /** Warnings the action prints after the annotations: their annotation slots are kept free. */
  ownWarnings: number
  /** The job summary's Markdown, given what the annotations could not show. */
  summary(overflow: AnnotationPlan['overflow']): Promise<string>
  /** Redacts the summary once more; null when it holds no captured output. */
  redactor: Redactor | null
}

export interface ActionSpec<A extends ActionName, I extends CommonInputs & { token: string }> {
  action: A
  readInputs(get: GetInput<A>, env: NodeJS.ProcessEnv): I
  operate(run: ActionRun<I>): Promise<Operated<A>>
  /** The operation runs suites: a cancelled job (SIGINT, SIGTERM) stops them, and the evidence is still written. */
  cancellable?: boolean
  /** Why this action needs the full history: said after a missing revision's message, with how to fetch it. */
  historyNeeded?: string
  /** The step's failure message on FAIL (default: the errors and the required steps that did not pass). */
  failure?(result: OperationResult): string
}

/** An action's entry point: its spec run in the environment given (the process's, or a test's in process). */
export function actionEntry<A extends ActionName, I extends CommonInputs & { token: string }>(
  spec: ActionSpec<A, I>
): (env?: NodeJS.ProcessEnv) => Promise<void> {
  return (env = process.env) => runAction(spec, env)
}

async function runAction<A extends ActionName, I extends CommonInputs & { token: string }>(
  spec: ActionSpec<A, I>,
  env: NodeJS.ProcessEnv
): Promise<void> {
  const cancel = spec.cancellable ? cancellation() : null
  let token: string | undefined
  // before the verdict's own summary is written, a stop leaves a summary that says why (found by review: empty)
  let summarised = false
  // the operation's own end: its evidence is written, whatever stops the report after it
  let operated = false
  try {
    checkNodeVersion()
    // the token from its descriptor when action.yml passed it there (never in the environment: token-fd.ts)
    token = tokenFromDescriptor(env)
    // masked from the first line the step prints: an input error may quote what it was given
    if (token) core.setSecret(token)
    // the readers trim what they parse: the rollback's reason is recorded as typed, whitespace too
    const get: GetInput<A> = (name) =>
      name === 'token' && token !== undefined ? token : core.getInput(name, { trimWhitespace: false })
    const inputs = await withRepositoryRoot(spec.readInputs(get, env), env)
    if (inputs.token) core.setSecret(inputs.token)
    // every value a message quotes is redacted whole before it is cut (text/quote.ts), the token input with them
    installQuoteRedaction(runRedactor({ env }))
    const policy = loadPolicy({ root: inputs.root, policyPath: inputs.policy })
    const baselines = selectBaselines(policy, inputs.baseline)
    const evidence = createEvidenceStore(inputs.evidenceDir, { root: inputs.root })
    const artifact = artifactName(spec.action, inputs.baseline, env)
    const run: ActionRun<I> = {
      inputs,
      env,
      baselines,
      evidence,
      ctx: createOperationContext({ root: inputs.root, rootFrom: inputs.rootFrom, policy, evidence, env }),
      artifact,
      // never an artifact that is not uploaded (found by review: the summary named one)
      artifactShown: 'uploadEvidence' in inputs && inputs.uploadEvidence === false ? null : artifact,
      signal: cancel?.signal ?? new AbortController().signal
    }
    const done = await spec.operate(run)
    operated = true
    await conclude(spec, run, done, () => {
      summarised = true
    })
  } catch (e) {
    // redacted before it is escaped for Markdown, which would hide a secret from the redactor (found by review)
    const redactor = actionRedactor(token ?? '', env).redactor
    const message = (await redactor.redact(failureOf(e, spec.historyNeeded))).text
    // one line, every value it quotes shown as data (text/terminal.ts), as on the command line
    core.setFailed(inlineSafe(message))
    // a stop before the verdict's own summary (in conclude too: an output file a suite removed) leaves one that
    // says why, never an empty one (found by review)
    if (!summarised) await writeSummary(stoppedSummary(spec.action, message, operated), redactor, env)
  } finally {
    cancel?.dispose()
  }
}

async function conclude<A extends ActionName, I extends CommonInputs & { token: string }>(
  spec: ActionSpec<A, I>,
  run: ActionRun<I>,
  done: Operated<A>,
  /** Called once the verdict's summary is written: a later stop must not replace it. */
  summarised: () => void
): Promise<void> {
  const { result } = done
  const findings = result.baselines.flatMap((b) => b.findings)
  const failing = result.verdict === 'FAIL'
  const declared: readonly string[] = ACTION_IO[spec.action].outputs
  const standard: Record<StandardOutput, string> = {
    verdict: result.verdict,
    'findings-count': String(findings.length),
    'evidence-dir': run.evidence.dir,
    'artifact-name': run.artifact,
    // the in-toto statement beside each packet (one path per line when several baselines were judged)
    attestation: result.baselines
      .filter((b) => b.evidence)
      .map((b) => statementFileName(b.evidence))
      .join('\n'),
    sarif: declared.includes('sarif')
      ? writeSarif(run.evidence, result, run.baselines, run.inputs.root, run.env)
      : ''
  }
  for (const [name, value] of Object.entries(standard))
    if (declared.includes(name)) core.setOutput(name, value)
  for (const [name, value] of Object.entries<string>(done.outputs)) core.setOutput(name, value)
  const several = policyBaselineCount(result) > 1
  const labelled = result.baselines.flatMap((b) =>
    several ? b.findings.map((f) => ({ ...f, baseline: b.name })) : b.findings
  )
  const plan = annotate(labelled, run.inputs.root, run.env, failing, done.ownWarnings)
  await writeSummary(await done.summary(plan.overflow), done.redactor, run.env)
  summarised()
  core.info(
    `baseline-gate ${spec.action}: ${result.verdict} (${plural(findings.length, 'finding')}); evidence in ${run.evidence.dir}`
  )
  if (failing) core.setFailed((spec.failure ?? failureMessage)(result))
}

/** The job summary of a run that stopped before its verdict: why, and that nothing else was written. */
function stoppedSummary(action: ActionName, message: string, operated: boolean): string {
  return [
    `## ❌ baseline-gate ${action}: no verdict`,
    '',
    operated
      ? `**The run judged, but stopped before it reported its verdict:** ${withCodeSpans(message)}`
      : `**The run stopped before a verdict:** ${withCodeSpans(message)}`,
    '',
    operated
      ? 'Its evidence packet is in the evidence directory; its outputs may be incomplete, and the step failed: run the workflow again.'
      : 'No verdict, evidence packet or outputs were written, and the step failed: fix what the message says, then run the workflow again.',
    ''
  ].join('\n')
}

/** The step's message when the run stops before a verdict: what to fix, or an internal error. */
function failureOf(e: unknown, historyNeeded: string | undefined): string {
  if (
    e instanceof InputError ||
    e instanceof PolicyError ||
    e instanceof ContainmentError ||
    e instanceof EvidenceDirError ||
    // a set of files that could not be written says what was and was not changed, and what to do
    e instanceof FileSetError
  )
    return e.message
  // a revision that is not there (a shallow clone, a wrong ref) is the workflow's to fix, never an internal error
  if (e instanceof RevisionError) {
    // more history helps a revision that is not there, never a repository of SHA-256 names (found by review)
    return historyNeeded && !(e instanceof UnsupportedRepositoryError)
      ? `${e.message}. In a workflow, check out the full history (actions/checkout with fetch-depth: 0) so ${historyNeeded}.`
      : e.message
  }
  // git could not do what was asked (a partial clone's remote out of reach, a corrupt object): its own words
  if (e instanceof GitError) return `git failed: ${e.message}`
  return `baseline-gate internal error: ${(e as Error)?.message ?? String(e)}`
}
