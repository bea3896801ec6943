// What every part of the client shares: the repository, the token (scrubbed from every message and log
// line), the lazily made octokit (request.ts), and `call`, the shell of every method: refuse a bad input
// before any request, answer `no-token` without one, and turn whatever fails into the method's Result.
import { describeFailure, rateLimitOf, statusOf } from './http-failure.js'
import { createOctokit, realSleep } from './request.js'
import type { Octokit, Sleep } from './request.js'
import { refuse } from './result.js'
import { refPath } from './url-path.js'
import type { Doing, Result } from './result.js'

export interface Repository {
  owner: string
  repo: string
}

export interface GitHubClientOptions {
  /** A GitHub token; empty or undefined: every method answers `no-token` without a request. */
  token: string | undefined
  /** The REST API base URL; default GITHUB_API_URL, then https://api.github.com. */
  apiUrl?: string
  repository: Repository
  /** Timeout of each HTTP request in milliseconds; default 10,000. */
  timeoutMs?: number
  /** Delay before the one retry of a 5xx or network failure; default 500 ms. */
  retryDelayMs?: number
  /** Receives one line per HTTP request (method, path, status, duration); never the token. */
  log?: (line: string) => void
  /** Waits out the timeouts and the retry delay; default a real timer (tests pass a clock of their own). */
  sleep?: Sleep
  /** The time in milliseconds, for the durations logged; default Date.now. */
  now?: () => number
  /**
   * The login the token writes as, when the caller knows it (the workflow's own token: github-actions[bot]);
   * otherwise asked of GET /user, which cannot answer for an app's token.
   */
  login?: string
}

/**
 * Whether an account wrote something with this token: the token's own login (`me`, lower case) when it can say
 * who it is, else any bot (an app's token, which cannot). The one rule for the gate's comments, issues and pull
 * requests: anything anyone else wrote, marker or not, is never taken for the gate's.
 */
export function byToken(
  user: { login: string; type?: string } | null | undefined,
  me: string | null
): boolean {
  if (!user) return false
  return me !== null ? user.login.toLowerCase() === me : user.type === 'Bot'
}

export interface Session {
  owner: string
  repo: string
  /** owner/repo */
  fullName: string
  apiUrl: string
  api: () => Octokit
  /**
   * A request on this repository whose route carries a path from url-path.ts (encoded there, once): octokit
   * expands {owner} and {repo} and leaves the rest of the route as it is.
   */
  requestAt: <T>(route: string, params?: Record<string, unknown>) => Promise<T>
  /** Run one API step; a failure becomes a Failure naming that step. */
  step: <T>(doing: Doing, run: () => Promise<T>) => Promise<T>
  /**
   * One method: `problem` (a refused input, or null) is said before any request; without a token the
   * answer is `no-token`; else `run`, whose failure becomes the Result.
   */
  call: <T>(doing: Doing, problem: () => string | null, run: () => Promise<T>) => Promise<Result<T>>
  /**
   * The login behind the token, asked once, to recognise what this tool wrote (a sticky comment, a drift or
   * incident issue); null when the token cannot say (an installation token such as GITHUB_TOKEN answers 403 on
   * /user).
   */
  whoAmI: (doing: Doing) => Promise<string | null>
  /** The commit `refs/heads/<branch>` points at (GET git/ref, never a tag of that name); null when no such branch. */
  branchSha: (doing: Doing, branch: string) => Promise<string | null>
}

export const DEFAULT_API_URL = 'https://api.github.com'
const DEFAULT_TIMEOUT_MS = 10_000
const DEFAULT_RETRY_DELAY_MS = 500

export function openSession(options: GitHubClientOptions): Session {
  const token = options.token?.trim() ?? ''
  const apiUrl = (options.apiUrl || process.env.GITHUB_API_URL || DEFAULT_API_URL).replace(/\/+$/, '')
  const { owner, repo } = options.repository
  const fullName = `${owner}/${repo}`

  /** Errors that were already retried once. */
  const retried = new WeakSet<object>()
  const context = {
    apiUrl,
    fullName,
    retried: (error: unknown) => typeof error === 'object' && error !== null && retried.has(error)
  }

  /** Remove the token from any text that leaves this module. */
  const scrub = (text: string): string => (token.length >= 4 ? text.split(token).join('***') : text)
  const log = (line: string): void => {
    try {
      options.log?.(scrub(line))
    } catch {
      // a failing logger must not fail the request
    }
  }

  let octokit: Octokit | null = null
  const api = (): Octokit =>
    (octokit ??= createOctokit({
      token,
      apiUrl,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      retryDelayMs: options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
      sleep: options.sleep ?? realSleep,
      now: options.now ?? Date.now,
      log,
      retried
    }))

  const step: Session['step'] = async (doing, run) => {
    try {
      return await run()
    } catch (error) {
      throw describeFailure(error, doing, context)
    }
  }
  let viewer: Promise<string | null> | null = options.login ? Promise.resolve(options.login) : null
  const whoAmI = (doing: Doing): Promise<string | null> =>
    (viewer ??= step(doing, async () => {
      try {
        const { data } = await api().rest.users.getAuthenticated()
        return data.login
      } catch (error) {
        // a token that cannot say who it is (403, 404); a rate limit is a failure, not an answer: taken for one,
        // the run's own comment and drift issue went unrecognised and were written again (found by review)
        if ((statusOf(error) === 403 && !rateLimitOf(error)) || statusOf(error) === 404) return null
        viewer = null // ask again next time
        throw error
      }
    }))

  const branchSha = (doing: Doing, branch: string): Promise<string | null> =>
    step(doing, async () => {
      try {
        const { data } = await api().request(
          `GET /repos/{owner}/{repo}/git/ref/${refPath('heads', branch)}`,
          {
            owner,
            repo
          }
        )
        return (data as { object: { sha: string } }).object.sha
      } catch (error) {
        if (statusOf(error) === 404) return null
        throw error
      }
    })

  return {
    owner,
    repo,
    fullName,
    apiUrl,
    api,
    whoAmI,
    branchSha,
    requestAt: async <T>(route: string, params: Record<string, unknown> = {}): Promise<T> => {
      const { data } = await api().request(route, { owner, repo, ...params })
      return data as T
    },
    step,
    call: async (doing, problem, run) => {
      try {
        const refused = problem()
        if (refused) refuse(doing, refused)
        if (!token) {
          return {
            ok: false,
            reason: 'no-token',
            message:
              `Could not ${doing.what}: no GitHub token was given. Pass a token with ${doing.permission} ` +
              '(in a workflow, the job token `github.token`).'
          }
        }
        return { ok: true, value: await run() }
      } catch (error) {
        const failure = describeFailure(error, doing, context)
        return { ok: false, reason: failure.reason, message: scrub(failure.message) }
      }
    }
  }
}
