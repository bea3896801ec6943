// How a failed request is told: an octokit error (an HTTP answer or a network failure) or a timeout becomes
// a Failure that says what could not be done, why, and what to do about it (grant a permission, check
// GITHUB_API_URL, wait for the rate limit, run again later).
import { formatDuration } from '../text/duration.js'
import { Failure } from './result.js'
import type { Doing } from './result.js'

/** A request that got no answer within its timeout. */
export class TimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${formatDuration(ms)}`)
    this.name = 'TimeoutError'
  }
}

interface HttpErrorLike {
  status: number
  message: string
  response?: { status: number; headers: Record<string, string | undefined>; data: unknown }
  cause?: unknown
}

export function asHttpError(error: unknown): HttpErrorLike | null {
  if (typeof error !== 'object' || error === null) return null
  const status = (error as { status?: unknown }).status
  return typeof status === 'number' ? (error as HttpErrorLike) : null
}

/** The HTTP status GitHub answered, or undefined when there was no answer. */
export const statusOf = (error: unknown): number | undefined => asHttpError(error)?.response?.status

/** GitHub's own message from an error body, with validation errors. */
function githubMessage(data: unknown, fallback: string): string {
  if (typeof data !== 'object' || data === null) return fallback
  const { message, errors } = data as { message?: unknown; errors?: unknown }
  let text = typeof message === 'string' ? message : fallback
  if (Array.isArray(errors) && errors.length > 0) {
    const details = errors.map((e) =>
      typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string'
        ? (e as { message: string }).message
        : JSON.stringify(e)
    )
    text += `: ${details.join('; ')}`
  }
  return text
}

/** A 422 saying that what was to be created exists already (created meanwhile by a concurrent run). */
export function alreadyExists(error: unknown): boolean {
  const http = asHttpError(error)
  const said = http?.response ? githubMessage(http.response.data, '') : ''
  return http?.response?.status === 422 && /already exists/i.test(said)
}

/** ECONNREFUSED, ENOTFOUND, ... from a network failure, or its message. */
export function networkCause(error: unknown): string {
  let current: unknown = error
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown }
    if (typeof code === 'string' && code.length > 0) return code
    if (cause === undefined) break
    current = cause
  }
  const message = error instanceof Error ? error.message : String(error)
  return message || 'network error'
}

export function isNetworkError(error: unknown): boolean {
  const http = asHttpError(error)
  return http !== null && http.response === undefined && !(error instanceof TimeoutError)
}

export function isServerError(error: unknown): boolean {
  const http = asHttpError(error)
  return http?.response !== undefined && http.response.status >= 500
}

/** Where a request went, to name it in a failure. */
export interface FailureContext {
  apiUrl: string
  /** owner/repo */
  fullName: string
  /** Whether this error came back from the one retry. */
  retried: (error: unknown) => boolean
}

/**
 * Which rate limit an answer says was hit: the primary one (no requests left until its reset), a secondary one
 * (too many at once: `retry-after`, or GitHub's message), or none. A 403 is a rate limit only when it says so.
 */
export function rateLimitOf(error: unknown): 'primary' | 'secondary' | null {
  const response = asHttpError(error)?.response
  if (!response) return null
  const { status, headers } = response
  if (status !== 403 && status !== 429) return null
  const said = githubMessage(response.data, '')
  if (
    /secondary rate limit/i.test(said) ||
    (headers['retry-after'] !== undefined && headers['x-ratelimit-remaining'] !== '0')
  )
    return 'secondary'
  if (status === 429 || headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(said)) return 'primary'
  return null
}

/** `error`, thrown while doing `doing`, as a Failure that says what to do about it. */
export function describeFailure(error: unknown, doing: Doing, context: FailureContext): Failure {
  const { apiUrl, fullName } = context
  const could = `Could not ${doing.what}`
  const again = context.retried(error) ? ', also on a retry' : ''
  if (error instanceof Failure) return error
  if (error instanceof TimeoutError) {
    return new Failure(
      'timeout',
      `${could}: ${apiUrl} did not answer within ${formatDuration(error.ms)}. Run again later, or raise the timeout.`
    )
  }
  const http = asHttpError(error)
  if (!http) {
    const text = error instanceof Error ? error.message : String(error)
    return new Failure('error', `${could}: ${text}.`)
  }
  if (!http.response) {
    return new Failure(
      'unreachable',
      `${could}: the GitHub API at ${apiUrl} is unreachable (${networkCause(error)}${again}). ` +
        "Check GITHUB_API_URL and the runner's network access."
    )
  }
  const { status, headers, data } = http.response
  const said = githubMessage(data, http.message)
  const limit = rateLimitOf(error)
  if (limit) {
    const reset = Number(headers['x-ratelimit-reset'])
    const retryAfter = Number(headers['retry-after'])
    // a secondary limit's wait is its retry-after; x-ratelimit-reset is the primary window's, hours away
    const wait =
      Number.isFinite(retryAfter) && retryAfter > 0 ? ` Wait ${formatDuration(retryAfter * 1000)}.` : ''
    const when =
      limit === 'secondary'
        ? wait
        : Number.isFinite(reset) && reset > 0
          ? ` It resets at ${new Date(reset * 1000).toISOString()}.`
          : wait
    const what =
      limit === 'secondary'
        ? "GitHub's secondary rate limit was hit (too many requests at once)"
        : 'the GitHub API rate limit is exhausted'
    return new Failure('rate-limited', `${could}: ${what} (${status} ${said}).${when} Run again after that.`)
  }
  if (status === 401) {
    return new Failure(
      'forbidden',
      `${could}: GitHub rejected the token (401 ${said}). Check that the token is valid and not expired.`
    )
  }
  if (status === 403 && /not permitted to create or approve pull requests/i.test(said)) {
    // a repository setting, not a token scope: granting `pull-requests: write` alone does not help
    return new Failure(
      'forbidden',
      `${could}: GitHub refused (403 ${said}). Enable "Allow GitHub Actions to create and approve pull ` +
        `requests" in the settings of ${fullName} (Settings > Actions > General > Workflow permissions), ` +
        `or pass another token (a GitHub App or fine-grained token with ${doing.permission}).`
    )
  }
  if (status === 403) {
    return new Failure(
      'forbidden',
      `${could}: the token is not allowed to (403 ${said}). Grant it ${doing.permission}.` +
        (doing.note403 ? ` ${doing.note403}` : '')
    )
  }
  if (status === 404) {
    return new Failure(
      'not-found',
      `${could}: GitHub answered 404 ${said}. Check ${doing.subject}; GitHub also answers 404 when the ` +
        'token cannot see a private repository or team.'
    )
  }
  if (status >= 500) {
    return new Failure(
      'error',
      `${could}: GitHub answered ${status} ${said}${again}. GitHub may be degraded ` +
        '(https://www.githubstatus.com); run again later.'
    )
  }
  return new Failure('error', `${could}: GitHub answered ${status} ${said}.`)
}
