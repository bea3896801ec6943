// Which revisions a gate compares, and for which pull request, from the workflow event. Pure: the caller reads
// GITHUB_EVENT_PATH (readEventPayload in inputs.ts) and passes the parsed payload in.
import { InputError } from './inputs.js'

export interface EventInput {
  /** GITHUB_EVENT_NAME */
  eventName: string | undefined
  /** The parsed JSON of GITHUB_EVENT_PATH (null when there is none). */
  payload: unknown
  /** GITHUB_SHA */
  sha: string | undefined
  /** The `base` input: overrides the event's base. */
  base?: string | undefined
  /** The `head` input: overrides the event's head. */
  head?: string | undefined
}

export interface EventRevisions {
  base: string
  head: string
  /** The pull request the run is for (null: none, e.g. a push). */
  pullRequest: number | null
  /** Where base and head came from, for the log and the summary. */
  source: string
  /** A pull request from a fork: its token is read-only, so no comment can be posted. */
  fork: boolean
  /**
   * The pull request's head commit this run tests (pull_request.head.sha): approvals must be on it. Null when
   * the event does not say (merge_group: the pull request's current head is used).
   */
  reviewedHead: string | null
}

const ZERO_SHA = /^0+$/

type Json = Record<string, unknown>
const obj = (v: unknown): Json | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/**
 * The pull request number of a merge queue branch: `refs/heads/gh-readonly-queue/<base>/pr-<N>-<sha>` (the base
 * branch may itself hold slashes). Null when the ref is not one.
 */
export function mergeQueuePullRequest(ref: string | null | undefined): number | null {
  if (!ref) return null
  const m = /^(?:refs\/heads\/)?gh-readonly-queue\/.+\/pr-(\d{1,10})-[0-9a-f]{40}(?:[0-9a-f]{24})?$/.exec(ref)
  if (!m) return null
  const n = Number(m[1])
  return Number.isSafeInteger(n) && n > 0 ? n : null
}

function pullRequestNumber(pr: Json | null): number | null {
  const n = pr?.number
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null
}

function isFork(pr: Json | null): boolean {
  const head = str(obj(obj(pr?.head)?.repo)?.full_name)
  const base = str(obj(obj(pr?.base)?.repo)?.full_name)
  return head !== null && base !== null && head.toLowerCase() !== base.toLowerCase()
}

/**
 * Base, head and pull request of a run:
 * - pull_request (and pull_request_review): base = pull_request.base.sha, head = GITHUB_SHA (the merge commit
 *   actions/checkout checks out), the pull request's number;
 * - merge_group: merge_group.base_sha / merge_group.head_sha, the number from merge_group.head_ref;
 * - push: event.before (unless a new branch: all zeros) / GITHUB_SHA;
 * - any other event: the `base` input is required; head = GITHUB_SHA.
 * pull_request_target is refused: it would run the pull request's code with a write token.
 * The `base` and `head` inputs override what the event says.
 */
export function revisionsFromEvent(input: EventInput): EventRevisions {
  const event = input.eventName ?? ''
  const payload = obj(input.payload)
  const sha = str(input.sha)
  if (event === 'pull_request_target') {
    throw new InputError(
      'the promotion gate refuses the pull_request_target event: it would run the pull request’s code (the suites) ' +
        'with a token that can write to the repository. Run it on pull_request (and merge_group) instead.'
    )
  }
  let base: string | null = null
  let head: string | null
  let pullRequest: number | null = null
  let fork = false
  let reviewedHead: string | null = null
  let source: string
  if (event === 'pull_request' || event === 'pull_request_review') {
    const pr = obj(payload?.pull_request)
    if (!pr) throw new InputError(`the ${event} event has no pull_request in its payload (GITHUB_EVENT_PATH)`)
    base = str(obj(pr.base)?.sha)
    head = sha
    pullRequest = pullRequestNumber(pr)
    fork = isFork(pr)
    reviewedHead = str(obj(pr.head)?.sha)
    source = `${event} #${pullRequest ?? '?'}${fork ? ' from a fork' : ''}`
  } else if (event === 'merge_group') {
    const group = obj(payload?.merge_group)
    if (!group)
      throw new InputError('the merge_group event has no merge_group in its payload (GITHUB_EVENT_PATH)')
    base = str(group.base_sha)
    head = str(group.head_sha) ?? sha
    pullRequest = mergeQueuePullRequest(str(group.head_ref))
    source = `merge_group${pullRequest ? ` for #${pullRequest}` : ''}`
  } else if (event === 'push') {
    const before = str(payload?.before)
    base = before && !ZERO_SHA.test(before) ? before : null
    head = sha
    source = 'push'
  } else {
    head = sha
    source = event ? `${event} event` : 'no event'
  }
  if (input.base) base = input.base
  if (input.head) head = input.head
  if (input.base || input.head)
    source += ` (${[input.base && 'base', input.head && 'head'].filter(Boolean).join(' and ')} from the inputs)`
  if (!base) {
    const why =
      event === 'push'
        ? 'this push created a branch, so the event names no previous commit'
        : event === 'pull_request' || event === 'pull_request_review' || event === 'merge_group'
          ? `the ${event} payload names no base commit`
          : `the ${event || 'unknown'} event names no base commit`
    throw new InputError(
      `input 'base' is required: ${why}. Give the revision the change is compared against.`
    )
  }
  return { base, head: head ?? 'HEAD', pullRequest, source, fork, reviewedHead }
}
