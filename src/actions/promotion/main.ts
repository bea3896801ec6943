// The promotion action: inputs and event -> the promotion gate -> outputs, annotations, what is judged, the
// suites' logs in collapsible groups (or why they were skipped), the sticky pull-request comment and the job
// summary. Fails the step on FAIL; never for a comment it could not post alone.
import * as core from '@actions/core'
import { code, escapeMarkdown } from '../../evidence/markdown.js'
import type { GitHubClient, Repository } from '../../github/client.js'
import type { OperationResult } from '../../operations/context.js'
import { runPromotion } from '../../operations/promotion.js'
import type { ReviewSource } from '../../operations/reviews.js'
import type { Redactor } from '../../redact/redactor.js'
import type { Links } from '../../present/links.js'
import type { Trigger } from '../../present/headline.js'
import { commentMarker, renderComment } from '../../present/comment.js'
import { revisionsFromEvent } from '../shared/event.js'
import { eventWords, githubClient, parseRepository, presentLinks, repositoryUrl } from '../shared/github.js'
import type { EventRevisions } from '../shared/event.js'
import { readEventPayload, readPromotionInputs } from '../shared/inputs.js'
import type { PromotionInputs } from '../shared/inputs.js'
import { combinedClassification, combinedPosture } from '../shared/outputs.js'
import { actionRedactor, scannerNote } from '../shared/report.js'
import { actionEntry } from '../shared/shell.js'
import type { ActionRun, Operated } from '../shared/shell.js'
import { renderSummary } from '../../present/summary.js'
import { promotionReporter } from './progress.js'

export const run = actionEntry({
  action: 'promotion',
  readInputs: readPromotionInputs,
  operate: promote,
  cancellable: true,
  historyNeeded: 'the base commit is there'
})

async function promote(run: ActionRun<PromotionInputs>): Promise<Operated<'promotion'>> {
  const { inputs, env, evidence } = run
  const revs = revisionsFromEvent({
    eventName: env.GITHUB_EVENT_NAME,
    payload: readEventPayload(env),
    sha: env.GITHUB_SHA,
    base: inputs.base,
    head: inputs.head
  })
  const redaction = actionRedactor(inputs.token, env)
  const redactor = redaction.redactor
  const repository = parseRepository(env.GITHUB_REPOSITORY)
  const client = githubClient(inputs.token, repository, env)
  core.info(
    `baseline-gate promotion: ${revs.base} -> ${revs.head} (${revs.source}); evidence in ${evidence.dir}`
  )
  const shared = sharedJob(inputs, revs)
  if (shared) core.warning(shared)
  const result = await runPromotion(run.ctx, {
    baselines: run.baselines,
    base: revs.base,
    head: revs.head,
    suites: inputs.suites,
    suitesAnyway: inputs.suitesAnyway,
    redactor,
    review: reviewSource(client, revs, inputs, repository),
    reporter: promotionReporter({
      startGroup: (title) => core.startGroup(title),
      endGroup: () => core.endGroup(),
      info: (text) => core.info(text)
    }),
    signal: run.signal
  })
  const changes = result.baselines.flatMap((b) => (b.change ? [b.change] : []))
  return {
    result,
    outputs: {
      'trio-changed': String(changes.some((c) => c.trio_changed)),
      classification: combinedClassification(changes.map((c) => c.classification)),
      posture: combinedPosture(result.baselines.map((b) => b.posture)),
      'upload-evidence': String(inputs.uploadEvidence)
    },
    // a comment it could not post, a scanner failure, the suites beside the token
    ownWarnings: 3,
    summary: async (overflow) => {
      const notes = [`Compared ${code(revs.base)} → ${code(revs.head)} (${escapeMarkdown(revs.source)}).`]
      const headSha = result.baselines.find((b) => b.change)?.change?.head ?? null
      const links = presentLinks(env, inputs.root, headSha, run.artifactShown)
      const trigger =
        revs.pullRequest !== null ? pullRequestWords(env, revs.pullRequest, revs.fork) : eventWords(env)
      if (shared) notes.push(`> **Warning:** ${escapeMarkdown(shared)}`)
      notes.push(await postComment(result, { inputs, revs, client, redactor, links, trigger, env }))
      const scanner = scannerNote(redaction)
      if (scanner) notes.push(scanner)
      return renderSummary(result, { links, trigger, overflow, notes })
    },
    redactor
  }
}

/**
 * The warning for a step that runs a pull request's suites while it holds a token that writes (to post the comment),
 * in the job that gives the verdict: the single-job setup the README once showed (found by review). Null for the
 * example workflow's two jobs, a fork's read-only token, and a run for no pull request.
 */
export function sharedJob(inputs: PromotionInputs, revs: EventRevisions): string | null {
  if (!inputs.suites || revs.pullRequest === null || !inputs.comment || !inputs.token || revs.fork)
    return null
  return "this step runs the pull request's code (its suites) in the job that holds the token that writes the comment and that gives the verdict: on GitHub's hosted runners that code can use sudo to read the token and set this step's result. Give the verdict in a job that runs none of it (suites: 'false') and run the suites in a job of their own with a read-only token (actions/promotion/README.md)"
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

interface CommentInput {
  inputs: PromotionInputs
  revs: EventRevisions
  client: GitHubClient | null
  redactor: Redactor
  links: Links
  trigger: Trigger | null
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
  const body = renderComment(result, { links: c.links, trigger: c.trigger, marker })
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

/** "pull request #12", linked to it where the environment names the server and the repository. */
function pullRequestWords(env: NodeJS.ProcessEnv, pullRequest: number, fromFork: boolean): Trigger {
  const words = `pull request #${pullRequest}`
  const repository = repositoryUrl(env)
  const fork = fromFork ? ' from a fork' : ''
  return repository ? [{ text: words, link: `${repository}/pull/${pullRequest}` }, fork] : `${words}${fork}`
}
