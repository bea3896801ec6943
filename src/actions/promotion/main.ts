// The promotion action: inputs and event -> the promotion gate -> outputs, annotations, the suites' logs in
// collapsible groups, the sticky pull-request comment and the job summary. Fails the step on FAIL; never for a
// comment it could not post alone.
import * as core from '@actions/core'
import { code, escapeMarkdown } from '../../evidence/markdown.js'
import { createEvidenceStore } from '../../files/evidence-store.js'
import { RevisionError } from '../../git/git.js'
import { createGitHubClient } from '../../github/client.js'
import type { GitHubClient, Repository } from '../../github/client.js'
import type { OperationResult } from '../../operations/context.js'
import { runPromotion } from '../../operations/promotion.js'
import type { ReviewSource } from '../../operations/promotion.js'
import type { SuiteReporter } from '../../operations/suites.js'
import { loadPolicy, selectBaselines } from '../../policy/load.js'
import { PolicyError } from '../../policy/types.js'
import { secretsFromEnv } from '../../redact/known-secrets.js'
import { createRedactor } from '../../redact/redactor.js'
import type { Redactor } from '../../redact/redactor.js'
import { actionContext, annotate } from '../shared/run.js'
import { commentMarker, renderComment } from '../shared/comment.js'
import { revisionsFromEvent } from '../shared/event.js'
import type { EventRevisions } from '../shared/event.js'
import {
  artifactName,
  checkNodeVersion,
  InputError,
  readEventPayload,
  readPromotionInputs
} from '../shared/inputs.js'
import type { PromotionInputs } from '../shared/inputs.js'
import { combinedClassification, combinedPosture } from '../shared/outputs.js'
import { printStepLog } from '../shared/step-log.js'
import { renderSummary } from '../shared/summary.js'

/** Warnings the action itself may emit (a comment it could not post, a scanner failure): slots kept free. */
const OWN_WARNINGS = 2

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // a cancelled job (SIGINT, then SIGTERM) stops the suites; the evidence still says what ran
  const controller = new AbortController()
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) return
    core.warning(`baseline-gate: ${signal} received; stopping the suites and writing the evidence`)
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    checkNodeVersion()
    const inputs = readPromotionInputs((name) => core.getInput(name), env)
    if (inputs.token) core.setSecret(inputs.token)
    const revs = revisionsFromEvent({
      eventName: env.GITHUB_EVENT_NAME,
      payload: readEventPayload(env),
      sha: env.GITHUB_SHA,
      base: inputs.base,
      head: inputs.head
    })
    const policy = loadPolicy({ root: inputs.root, policyPath: inputs.policy })
    const baselines = selectBaselines(policy, inputs.baseline)
    const evidence = createEvidenceStore(inputs.evidenceDir)
    let scannerFailed = false
    const redactor = createRedactor({
      // the token input, and every variable of the environment whose name says it holds a secret
      secrets: [...(inputs.token ? [inputs.token] : []), ...secretsFromEnv(env, ['INPUT_TOKEN'])],
      onScannerError: () => {
        scannerFailed = true
      }
    })
    const repository = parseRepository(env.GITHUB_REPOSITORY)
    const client =
      inputs.token && repository
        ? createGitHubClient({
            token: inputs.token,
            apiUrl: env.GITHUB_API_URL || undefined,
            repository,
            log: (line) => core.debug(line)
          })
        : null
    const review = reviewSource(client, revs, inputs, repository)

    core.info(
      `baseline-gate promotion: ${revs.base} -> ${revs.head} (${revs.source}); evidence in ${evidence.dir}`
    )
    const result = await runPromotion(actionContext(inputs.root, policy, evidence, env), {
      baselines,
      base: revs.base,
      head: revs.head,
      suites: inputs.suites,
      redactor,
      review,
      reporter: actionsReporter(),
      signal: controller.signal
    })

    const findings = result.baselines.flatMap((b) => b.findings)
    const failing = result.verdict === 'FAIL'
    const artifact = artifactName('promotion', inputs.baseline, env)
    const changes = result.baselines.flatMap((b) => (b.change ? [b.change] : []))
    core.setOutput('verdict', result.verdict)
    core.setOutput('trio-changed', String(changes.some((c) => c.trio_changed)))
    core.setOutput('classification', combinedClassification(changes.map((c) => c.classification)))
    core.setOutput('posture', combinedPosture(result.baselines.map((b) => b.posture)))
    core.setOutput('findings-count', String(findings.length))
    core.setOutput('evidence-dir', evidence.dir)
    core.setOutput('artifact-name', artifact)
    core.setOutput('upload-evidence', String(inputs.uploadEvidence))

    const plan = annotate(findings, inputs.root, env, failing, OWN_WARNINGS)

    const notes = [`Compared ${code(revs.base)} → ${code(revs.head)} (${escapeMarkdown(revs.source)}).`]
    notes.push(await postComment(result, { inputs, revs, client, redactor, artifact, env }))
    if (scannerFailed) {
      const text =
        'The secret scanner (secretlint) failed on some captured output; the known secrets and the built-in detectors were still removed.'
      core.warning(text)
      notes.push(`> ${text}`)
    }
    await writeSummary(renderSummary(result, plan.overflow, artifact, { notes }), redactor, env)
    core.info(
      `baseline-gate promotion: ${result.verdict} (${findings.length} findings); evidence in ${evidence.dir}`
    )
    if (failing) core.setFailed(failureMessage(result))
  } catch (e) {
    if (e instanceof InputError || e instanceof PolicyError) core.setFailed(e.message)
    else if (e instanceof RevisionError) {
      core.setFailed(
        `${e.message}. In a workflow, check out the full history (actions/checkout with fetch-depth: 0) so the base commit is there.`
      )
    } else core.setFailed(`baseline-gate internal error: ${(e as Error)?.message ?? String(e)}`)
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

/** GITHUB_REPOSITORY as owner and name, or null. */
function parseRepository(value: string | undefined): Repository | null {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value ?? '')
  return m ? { owner: m[1]!, repo: m[2]! } : null
}

/** Where the reviews come from, or why there are none to read. */
function reviewSource(
  client: GitHubClient | null,
  revs: EventRevisions,
  inputs: PromotionInputs,
  repository: Repository | null
): ReviewSource {
  if (revs.pullRequest === null) {
    return {
      unavailable: `this run (${revs.source}) is for no pull request, so there are no reviews to read`
    }
  }
  if (!inputs.token) {
    return {
      unavailable: `no GitHub token was given (input 'token'), so the reviews of pull request #${revs.pullRequest} cannot be read`
    }
  }
  if (!client || !repository) {
    return { unavailable: 'GITHUB_REPOSITORY is not set, so the pull request cannot be found' }
  }
  return {
    client,
    pullRequest: revs.pullRequest,
    ...(revs.reviewedHead ? { headSha: revs.reviewedHead } : {})
  }
}

/** Each step's redacted log in a collapsible group, printed when the step ends. */
function actionsReporter(): SuiteReporter {
  return {
    stepStarted: (suite, name) => core.info(`▶ ${oneLine(suite)} › ${oneLine(name)}: started`),
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

// eslint-disable-next-line no-control-regex
const oneLine = (s: string): string => s.replace(/[\u0000-\u001f\u007f]+/g, ' ')

interface CommentInput {
  inputs: PromotionInputs
  revs: EventRevisions
  client: GitHubClient | null
  redactor: Redactor
  artifact: string
  env: NodeJS.ProcessEnv
}

/**
 * Post or update the sticky comment; returns the summary's line about it. A comment that cannot be posted is a
 * warning and a line of the summary, never a failure of the step.
 */
async function postComment(result: OperationResult, c: CommentInput): Promise<string> {
  const pr = c.revs.pullRequest
  if (!c.inputs.comment) return 'No pull-request comment: switched off (input `comment: false`).'
  if (pr === null)
    return `No pull-request comment: this run (${escapeMarkdown(c.revs.source)}) is for no pull request.`
  const cannot = (why: string): string => {
    core.warning(`baseline-gate could not post its comment on pull request #${pr}: ${why}`)
    return `> **The verdict comment could not be posted on pull request #${pr}:** ${escapeMarkdown(why)} The verdict above stands; it is also in the evidence artifact.`
  }
  if (!c.inputs.token) {
    return cannot(
      "no GitHub token was given (input 'token'). Pass one with `pull-requests: write`, e.g. the job token `github.token`."
    )
  }
  if (!c.client) return cannot('GITHUB_REPOSITORY is not set, so the pull request cannot be found.')
  const marker = commentMarker('promotion', c.inputs.baseline)
  const body = renderComment(result, { runUrl: runUrl(c.env), artifact: c.artifact, marker })
  // a last guard: the comment is made of redacted evidence, and redacted once more
  const redacted = await c.redactor.redact(body)
  const posted = await c.client.upsertStickyComment(pr, marker, redacted.text)
  if (!posted.ok) return cannot(posted.message)
  const v = posted.value
  core.info(`baseline-gate: ${v.created ? 'posted' : 'updated'} the verdict comment ${v.url}`)
  const link = /^https?:\/\/[^\s()<>]+$/.test(v.url)
    ? `[the verdict comment](${v.url})`
    : 'the verdict comment'
  return `${v.created ? 'Posted' : 'Updated'} ${link} on pull request #${pr}${v.truncated ? ' (shortened to fit GitHub’s limit)' : ''}.`
}

/** The run's page, when the environment says where it is. */
function runUrl(env: NodeJS.ProcessEnv): string | null {
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  const repo = env.GITHUB_REPOSITORY
  const id = env.GITHUB_RUN_ID
  if (!repo || !id || !/^\d+$/.test(id) || !/^https?:\/\/[^\s()]+$/.test(server)) return null
  return `${server.replace(/\/+$/, '')}/${repo}/actions/runs/${id}`
}

/** The job summary, redacted once more; a summary that cannot be written is a warning (the verdict stands). */
async function writeSummary(text: string, redactor: Redactor, env: NodeJS.ProcessEnv): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) {
    core.info('baseline-gate: no job summary (GITHUB_STEP_SUMMARY is not set)')
    return
  }
  const redacted = await redactor.redact(text)
  try {
    await core.summary.addRaw(redacted.text).write()
  } catch (e) {
    core.warning(`baseline-gate could not write the job summary: ${(e as Error).message}`)
  }
}

function failureMessage(result: OperationResult): string {
  const findings = result.baselines.flatMap((b) => b.findings)
  const errors = findings.filter((f) => f.severity === 'error').length
  const steps = result.baselines.flatMap((b) => b.steps).filter((s) => s.required && s.status !== 'passed')
  const parts = [`${errors} error${errors === 1 ? '' : 's'}`]
  if (steps.length > 0) parts.push(`${steps.length} step${steps.length === 1 ? '' : 's'} did not pass`)
  return `baseline promotion FAIL: ${parts.join(', ')} (see the annotations and the job summary)`
}
