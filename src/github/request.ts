// Every HTTP request of the client (pages included) goes through one octokit whose request hook gives it
// its own timeout and at most one retry. A 5xx answer or a network error is retried once after a short
// backoff (Retry-After honoured up to 5 s); nothing else is retried: not a timeout (a hung API costs one
// timeout, not two), not a 4xx, not a rate limit, and not a POST that may have been carried out (its
// connection broke after it was sent, or GitHub answered 5xx after doing it: an issue or a comment would be
// made twice), unless sending it twice does no harm (IDEMPOTENT_POSTS) or the connection was refused.
//
// The waits go through `sleep` and the durations logged through `now`, so that a test can run them on a
// clock of its own.
import { getOctokit } from '@actions/github'
import { formatDuration } from '../text/duration.js'
import { TOOL_VERSION } from '../version.js'
import { asHttpError, isNetworkError, isServerError, networkCause, TimeoutError } from './http-failure.js'

export type Octokit = ReturnType<typeof getOctokit>

/** Resolves after `ms`; never settles once `signal` aborts (the wait is no longer wanted). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => clearTimeout(timer), { once: true })
  })

const MAX_RETRY_AFTER_MS = 5_000

/**
 * POSTs that may be sent twice: git objects are named by their content (a second is the same object), a ref or a
 * pull request that exists already is answered 422 and found again, labels are added as a set.
 */
const IDEMPOTENT_POSTS =
  /^\/repos\/\{owner\}\/\{repo\}\/(?:git\/(?:blobs|trees|commits|refs)|pulls|issues\/\{issue_number\}\/labels)$/

export interface RequestSettings {
  token: string
  apiUrl: string
  timeoutMs: number
  retryDelayMs: number
  sleep: Sleep
  /** Milliseconds, for the durations logged. */
  now: () => number
  /** Receives one line per request; already scrubbed of the token by the caller. */
  log: (line: string) => void
  /** Collects the errors that came back from the one retry. */
  retried: WeakSet<object>
}

export function createOctokit(settings: RequestSettings): Octokit {
  const { apiUrl, timeoutMs, retryDelayMs, sleep, now, log } = settings
  const silent = (): void => {}
  const client = getOctokit(settings.token, {
    baseUrl: apiUrl,
    userAgent: `baseline-gate/${TOOL_VERSION}`,
    log: { debug: silent, info: silent, warn: (m: string) => log(`warning: ${m}`), error: silent }
  })
  client.hook.wrap('request', async (request, requestOptions) => {
    // the route as octokit names it ("/repos/{owner}/{repo}/pulls"), before its parameters are filled in
    const template = String(requestOptions.url)
    let url = template
    try {
      url = client.request.endpoint.parse(requestOptions).url // expand {owner}/{repo}, add the query
    } catch {
      // keep the template
    }
    const label = `${String(requestOptions.method)} ${url.startsWith(apiUrl) ? url.slice(apiUrl.length) : url}`
    for (let attempt = 1; ; attempt++) {
      const started = now()
      const controller = new AbortController()
      const answered = new AbortController() // ends the timeout's wait
      const timeout = new Promise<never>((_, reject) => {
        void sleep(timeoutMs, answered.signal).then(() => {
          reject(new TimeoutError(timeoutMs))
          controller.abort()
        })
      })
      // The signal goes on the options object this request's hooks share (before-after-hook binds each hook to
      // it, and octokit's auth hook reads that one, not what it is called with): passed as an argument, it was
      // dropped, a timed-out request was never aborted, and its open socket kept the process alive. A new
      // object for `request`: the one there may be the defaults every request shares.
      requestOptions.request = { ...requestOptions.request, signal: controller.signal }
      try {
        const response = await Promise.race([request(requestOptions), timeout])
        log(`github: ${label} -> ${response.status} in ${now() - started} ms`)
        return response
      } catch (error) {
        const http = asHttpError(error)
        const what =
          error instanceof TimeoutError
            ? `timed out after ${formatDuration(timeoutMs)}`
            : http?.response
              ? String(http.response.status)
              : `network error ${networkCause(error)}`
        // a POST that may have been carried out is not sent twice (a second comment, a second issue)
        const resendable =
          String(requestOptions.method).toUpperCase() !== 'POST' ||
          networkCause(error) === 'ECONNREFUSED' ||
          IDEMPOTENT_POSTS.test(template)
        const retry = attempt === 1 && resendable && (isServerError(error) || isNetworkError(error))
        if (!retry) {
          log(`github: ${label} -> ${what} in ${now() - started} ms`)
          if (attempt > 1 && typeof error === 'object' && error !== null) settings.retried.add(error)
          throw error
        }
        const retryAfter = Number(http?.response?.headers['retry-after'])
        const delay =
          Number.isFinite(retryAfter) && retryAfter > 0
            ? Math.min(retryAfter * 1000, MAX_RETRY_AFTER_MS)
            : retryDelayMs
        log(`github: ${label} -> ${what}; retrying once in ${delay} ms`)
        await sleep(delay)
      } finally {
        answered.abort()
      }
    }
  })
  return client
}
