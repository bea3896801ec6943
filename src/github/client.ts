// The GitHub API client of baseline-gate (infra, DESIGN.md §2): the sticky pull-request comment, the
// joint approval of the consumer and producer owners, and what a rollback writes (a commit on a branch,
// its pull request, the incident issue), and the reads of a producer repository for the producer identity
// check (RepositoryReadApi: a file at a ref, a tag's commit, ancestry). Built on @actions/github's octokit, so it honours
// GITHUB_API_URL (or an explicit apiUrl) and the runner's proxy settings.
//
// Every ref, branch, tag or file path that goes into a URL is encoded once, by url-path.ts; which reviews
// count toward the joint approval is decided by approvers.ts.
//
// Nothing here throws: every method resolves to a Result, and a failure says what could not be done
// and what to do about it. The token never appears in a message or a log line.
//
// Requests: each HTTP request has its own timeout (`timeoutMs`, default 10 s). A 5xx answer or a
// network error is retried once after a short backoff (Retry-After honoured up to 5 s); nothing else is
// retried: not a timeout (a hung API costs one timeout, not two), not a 4xx, not a rate limit, and not a
// POST whose connection broke after it may have been sent (a refused connection is retried). A request
// that still fails ends the operation.
import { formatDuration } from '../text/duration.js'
import { getOctokit } from '@actions/github'
import { TOOL_VERSION } from '../version.js'
import { countApprovals, jointDecision } from './approvers.js'
import type { NotCounted } from './approvers.js'
import {
  ALREADY_ENCODED,
  alreadyEncoded,
  compareRange,
  encodePath,
  fullRefName,
  refPath
} from './url-path.js'

export type FailureReason =
  'no-token' | 'forbidden' | 'not-found' | 'unreachable' | 'timeout' | 'rate-limited' | 'error'

export type Result<T> = { ok: true; value: T } | { ok: false; reason: FailureReason; message: string }

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
}

export interface StickyComment {
  id: number
  url: string
  /** true: a new comment was posted; false: our existing comment was updated (or already current). */
  created: boolean
  /** The body was cut to fit GitHub's comment limit (the comment says so). */
  truncated: boolean
}

export interface Owners {
  /** GitHub logins or `org/team-slug` */
  consumer: string[]
  producer: string[]
}

export interface JointApproval {
  /** Consumer owners whose latest review on the head commit approves (sorted). */
  consumer: string[]
  /** Producer owners whose latest review on the head commit approves (sorted). */
  producer: string[]
  headSha: string
  /** An approving consumer owner and a DIFFERENT approving producer owner. */
  approved: boolean
  /**
   * Approvals that do not count, and why (sorted by login): the author's, a bot's, one on an older commit,
   * one withdrawn by a later request for changes, a dismissed review, one by a person who owns neither side.
   */
  notCounted: NotCounted[]
}

export interface FileToCommit {
  /** Relative to the repository top, POSIX separators. */
  path: string
  content: Buffer
}

export interface BranchCommit {
  branch: string
  /** The new commit. */
  sha: string
  /** The html url of the branch tree. */
  url: string
  /** true: the branch was created; false: an existing branch was moved to the new commit. */
  created: boolean
}

export interface PullRequestRef {
  number: number
  url: string
  /** true: a new pull request was opened; false: the open one was updated (or already current). */
  created: boolean
  /** The body was cut to fit GitHub's limit (the body says so). */
  truncated: boolean
}

export interface IssueRef {
  number: number
  url: string
  /** true: a new issue was opened; false: the open one was updated (or already current). */
  created: boolean
  /** The body was cut to fit GitHub's limit (the body says so). */
  truncated: boolean
}

export interface GitHubClient extends RepositoryReadApi, DriftApi {
  readonly repository: Repository
  readonly apiUrl: string
  /**
   * Create or update, in place, the one comment of this tool on a pull request that carries the hidden
   * marker `<!-- baseline-gate:<marker> -->` (all pages of comments are searched). The body is cut to
   * stay under GitHub's 65,536-character limit, with a note saying so.
   */
  upsertStickyComment(pr: number, marker: string, body: string): Promise<Result<StickyComment>>
  /**
   * Joint approval on the pull request's CURRENT head commit (or `options.headSha`, the head a run tested):
   * reviews on other commits are ignored, the
   * latest APPROVED / CHANGES_REQUESTED / DISMISSED review of each user counts (COMMENTED does not
   * change it), owners are logins or `org/team` (members read through the API). The pull request's
   * author and bots never count (src/github/approvers.ts). Approved when an approving consumer owner and an
   * approving producer owner are two different people: someone listed on both sides never satisfies both
   * sides alone.
   */
  jointApproval(pr: number, owners: Owners, options?: { headSha?: string }): Promise<Result<JointApproval>>
  /**
   * Commit `files` on top of `parentSha` (whose tree is `baseTreeSha`) as one new commit through the git
   * data API (blobs, one tree with base_tree, one commit), then point `refs/heads/<branch>` at it:
   * created when missing, force-updated when it exists (a re-run replaces its own branch). The
   * repository's default branch is never moved. Needs `contents: write`.
   */
  commitToBranch(input: {
    branch: string
    parentSha: string
    baseTreeSha: string
    message: string
    files: FileToCommit[]
  }): Promise<Result<BranchCommit>>
  /**
   * The one OPEN pull request from `head` (a branch of this repository) into `base`: updated in place
   * (title, body) when one exists, else created. The body is cut to stay under GitHub's 65,536-character
   * limit, with a note saying so. Needs `pull-requests: write`.
   */
  upsertPullRequest(input: {
    head: string
    base: string
    title: string
    body: string
  }): Promise<Result<PullRequestRef>>
  /**
   * The one OPEN issue carrying `label` whose body starts with the hidden marker line
   * `stickyMarker(marker)` (all pages searched, pull requests skipped): updated in place (title, body)
   * when found, else created with that label. The body is cut like a pull request's. Needs
   * `issues: write`.
   */
  upsertIssue(input: {
    marker: string
    label: string
    title: string
    body: string
  }): Promise<Result<IssueRef>>
}

// ---------------------------------------------------------------------------------------------------
// Producer identity: reads from the PRODUCER's repository (a client created for that repository)

/** A release tag resolved to the commit it names. */
export type ResolvedTag =
  | {
      exists: true
      tag: string
      /** The commit the tag names (an annotated tag is followed to its commit). */
      commitSha: string
      /** An annotated tag (a tag object) rather than a lightweight one. */
      annotated: boolean
    }
  /** The repository is readable and has no such tag. */
  | { exists: false; tag: string }

/** How `head` relates to `base` (GitHub's compare). */
export interface Ancestry {
  status: 'identical' | 'ahead' | 'behind' | 'diverged'
  /** identical or ahead: `base` is `head` or one of its ancestors. */
  descends: boolean
  aheadBy: number
  behindBy: number
}

/** Read-only calls on a repository's contents and git data (`contents: read`). */
export interface RepositoryReadApi {
  /**
   * The bytes of `path` (relative, POSIX) at `ref` (a tag, branch or commit sha), exactly as committed.
   * A 404 (no such file, ref or visible repository) answers `not-found`.
   */
  fileAtRef(path: string, ref: string): Promise<Result<Buffer>>
  /**
   * The commit `refs/tags/<tag>` names, following annotated tags (tag objects) to their commit. A tag
   * the readable repository does not have answers `{ exists: false }`; a repository the token cannot
   * see answers `not-found`.
   */
  resolveTag(tag: string): Promise<Result<ResolvedTag>>
  /** Whether `head` is `base` or descends from it: GET compare/{base}...{head}. */
  isAncestor(base: string, head: string): Promise<Result<Ancestry>>
}

/** GitHub refuses comment bodies longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536
/** What a sticky comment may use, marker and truncation note included (a margin below the limit). */
export const STICKY_COMMENT_BUDGET = 65_000

// ---------------------------------------------------------------------------------------------------
// Drift: the one open issue of a baseline, its comments, and the runs of a scheduled workflow

/** An open issue found by its label and hidden marker line. */
export interface MarkedIssue {
  number: number
  url: string
  title: string
  /** The body, line endings normalised to \n. */
  body: string
  /** Who opened it (this tool's account when this tool opened it); null when GitHub does not say. */
  author: string | null
}

/** A conversation comment of an issue or pull request. */
export interface IssueComment {
  id: number
  url: string
  /** The body, line endings normalised to \n. */
  body: string
  author: string | null
  createdAt: string
}

export interface CommentRef {
  id: number
  url: string
  /** The body was cut to fit GitHub's comment limit (the comment says so). */
  truncated: boolean
}

/** A workflow run, as far as the schedule check needs it. */
export interface WorkflowRun {
  id: number
  workflowId: number
  /** The event that started it: "schedule", "workflow_dispatch", ... */
  event: string
  status: string | null
  conclusion: string | null
  /** When GitHub created the run (for a scheduled run: about when the schedule fired). */
  createdAt: string
  url: string
}

/** What a scheduled drift check writes and reads (`issues: write`, `actions: read`). */
export interface DriftApi {
  /**
   * The oldest OPEN issue carrying `label` whose body starts with `stickyMarker(marker)` (all pages
   * searched, pull requests skipped), the same one upsertIssue updates; null when there is none.
   * Needs `issues: read`.
   */
  findMarkedIssue(input: { marker: string; label: string }): Promise<Result<MarkedIssue | null>>
  /** Every conversation comment of an issue, oldest first (all pages). Needs `issues: read`. */
  listIssueComments(issue: number): Promise<Result<IssueComment[]>>
  /**
   * A new comment on an issue; the body is cut to stay under GitHub's 65,536-character limit, with a
   * note saying so. Never retried after it may have been sent. Needs `issues: write`.
   */
  commentOnIssue(issue: number, body: string): Promise<Result<CommentRef>>
  /** Close an issue as completed (already closed: no change). Needs `issues: write`. */
  closeIssue(issue: number): Promise<Result<{ number: number; url: string }>>
  /** One workflow run (GITHUB_RUN_ID names the current one). Needs `actions: read`. */
  getWorkflowRun(runId: number): Promise<Result<WorkflowRun>>
  /**
   * The newest runs of one workflow (its id or file name), newest first: the first page only, at most
   * `perPage` (1-100, default 30), filtered by `event` and `status` as GitHub filters them. Needs
   * `actions: read`.
   */
  listWorkflowRuns(
    workflowId: number | string,
    filter?: { event?: string; status?: string; perPage?: number }
  ): Promise<Result<WorkflowRun[]>>
}

const DEFAULT_API_URL = 'https://api.github.com'
const DEFAULT_TIMEOUT_MS = 10_000
const DEFAULT_RETRY_DELAY_MS = 500
const MAX_RETRY_AFTER_MS = 5_000
const MARKER = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/

// ---------------------------------------------------------------------------------------------------
// The comment body

/** The hidden marker line that identifies a sticky comment. */
export function stickyMarker(marker: string): string {
  return `<!-- baseline-gate:${marker} -->`
}

const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/**
 * The full comment text: the marker line, then the body, cut (on a line boundary where one is near,
 * never inside a surrogate pair, closing an open code fence) so the whole stays within `budget`.
 */
export function renderStickyComment(
  marker: string,
  body: string,
  budget: number = STICKY_COMMENT_BUDGET
): { text: string; truncated: boolean } {
  const head = `${stickyMarker(marker)}\n`
  const { text, truncated } = fitBody(body, budget - head.length, 'comment')
  return { text: head + text, truncated }
}

/**
 * `body` as it is when it fits in `budget` characters; else cut as renderStickyComment cuts it, with a
 * note naming what GitHub limits (`per`: "comment", "pull request body", ...).
 */
export function fitBody(
  body: string,
  budget: number = STICKY_COMMENT_BUDGET,
  per = 'comment'
): { text: string; truncated: boolean } {
  if (body.length <= budget) return { text: body, truncated: false }
  const note = (shown: number): string =>
    `\n\n---\n> **Truncated by baseline-gate:** ${thousands(shown)} of ${thousands(body.length)} characters ` +
    `of this report are shown, to stay under GitHub's limit of ${thousands(GITHUB_COMMENT_LIMIT)} characters ` +
    `per ${per}. The full report is in the job summary and in the evidence artifact.\n`
  const fenceReserve = 1 + 16 // "\n" + the longest fence we would close with
  let cut = Math.max(0, budget - note(body.length).length - fenceReserve)
  const newline = body.lastIndexOf('\n', cut)
  if (newline > 0 && newline > cut - 2_000) cut = newline
  else if (cut > 0 && isHighSurrogate(body.charCodeAt(cut - 1))) cut -= 1
  let kept = body.slice(0, cut)
  const open = openFence(kept)
  if (open) kept += `\n${open}`
  return { text: kept + note(cut), truncated: true }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/** The fence (``` or ~~~ run) left open at the end of `markdown`, or null. */
function openFence(markdown: string): string | null {
  let open: string | null = null
  for (const line of markdown.split('\n')) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    if (!m) continue
    const fence = m[1] as string
    if (open === null) open = fence.slice(0, 16)
    else if (fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = null
  }
  return open
}

// ---------------------------------------------------------------------------------------------------
// Failures

/** What a step was doing, to say what could not be done and which permission it needs. */
interface Doing {
  what: string
  permission: string
  /** What to check on a 404. */
  subject: string
  /** Said after the permission on a 403. */
  note403?: string
}

class TimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${formatDuration(ms)}`)
    this.name = 'TimeoutError'
  }
}

/** A classified failure, thrown inside an operation and turned into its Result at the boundary. */
class Failure extends Error {
  constructor(
    readonly reason: FailureReason,
    message: string
  ) {
    super(message)
  }
}

interface HttpErrorLike {
  status: number
  message: string
  response?: { status: number; headers: Record<string, string | undefined>; data: unknown }
  cause?: unknown
}

function asHttpError(error: unknown): HttpErrorLike | null {
  if (typeof error !== 'object' || error === null) return null
  const status = (error as { status?: unknown }).status
  return typeof status === 'number' ? (error as HttpErrorLike) : null
}

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

/** ECONNREFUSED, ENOTFOUND, ... from a network failure, or its message. */
function networkCause(error: unknown): string {
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

function isNetworkError(error: unknown): boolean {
  const http = asHttpError(error)
  return http !== null && http.response === undefined && !(error instanceof TimeoutError)
}

function isServerError(error: unknown): boolean {
  const http = asHttpError(error)
  return http?.response !== undefined && http.response.status >= 500
}

// ---------------------------------------------------------------------------------------------------
// The client

type Octokit = ReturnType<typeof getOctokit>

interface OwnerSpec {
  kind: 'login' | 'team'
  /** login, or org/team-slug, as written (minus a leading @) */
  name: string
}

function parseOwner(entry: string): OwnerSpec | null {
  const name = entry.trim().replace(/^@/, '')
  if (/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/.test(name)) return { kind: 'login', name }
  if (/^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name))
    return { kind: 'team', name }
  return null
}

/** Why `name` cannot be a branch name (git check-ref-format's rules for refs/heads/<name>), or null. */
function branchProblem(name: unknown): string | null {
  if (typeof name !== 'string' || name.length === 0) return 'is empty'
  if (name.length > 200) return 'is longer than 200 characters'
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(name))
    return 'contains a space, a control character or one of ~ ^ : ? * [ \\'
  if (name.includes('..') || name.includes('@{') || name === '@') return 'contains ".." or "@{" or is "@"'
  if (alreadyEncoded(name)) return ALREADY_ENCODED
  if (name.startsWith('-')) return 'starts with "-"'
  if (name.startsWith('refs/')) return 'starts with "refs/" (give the branch name alone)'
  if (name === 'HEAD') return 'is HEAD'
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) return 'has an empty path component'
  if (name.endsWith('.')) return 'ends with "."'
  if (name.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock')))
    return 'has a component that starts with "." or ends with ".lock"'
  return null
}

/** Why `path` cannot name a file of a commit (relative, POSIX, inside the repository), or null. */
function filePathProblem(path: unknown): string | null {
  if (typeof path !== 'string' || path.length === 0) return 'is empty'
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return 'contains a control character or a backslash'
  if (alreadyEncoded(path)) return ALREADY_ENCODED
  const parts = path.split('/')
  if (parts.some((part) => part === '' || part === '.' || part === '..'))
    return 'is not a relative POSIX path (empty, "." or ".." component, or a leading "/")'
  if (parts.some((part) => part.toLowerCase() === '.git')) return 'is inside .git'
  return null
}

const SHA = /^[0-9a-f]{40}$/

/** Why `label` cannot name a label to search by (the search takes a comma-separated list), or null. */
function labelProblem(label: unknown): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  const unsafe = /[,\u0000-\u001f\u007f]/
  if (typeof label === 'string' && label.trim() !== '' && label.length <= 50 && !unsafe.test(label))
    return null
  return `the label ${JSON.stringify(label)} must be 1-50 characters, without a comma or a control character.`
}

/** Why `marker` cannot be a sticky marker (it must not break out of the HTML comment), or null. */
function markerProblem(marker: unknown): string | null {
  if (typeof marker === 'string' && MARKER.test(marker) && !marker.includes('--')) return null
  return `the marker ${JSON.stringify(marker)} must be 1-100 letters, digits or . _ : / - (and no "--").`
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const token = options.token?.trim() ?? ''
  const apiUrl = (options.apiUrl || process.env.GITHUB_API_URL || DEFAULT_API_URL).replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS
  const { owner, repo } = options.repository
  const fullName = `${owner}/${repo}`

  /** Errors that were already retried once. */
  const retried = new WeakSet<object>()
  const again = (error: unknown): string =>
    typeof error === 'object' && error !== null && retried.has(error) ? ', also on a retry' : ''

  /** Remove the token from any text that leaves this module. */
  const scrub = (text: string): string => (token.length >= 4 ? text.split(token).join('***') : text)
  const log = (line: string): void => {
    try {
      options.log?.(scrub(line))
    } catch {
      // a failing logger must not fail the request
    }
  }

  const failureOf = (error: unknown, doing: Doing): Failure => {
    const could = `Could not ${doing.what}`
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
        `${could}: the GitHub API at ${apiUrl} is unreachable (${networkCause(error)}${again(error)}). ` +
          "Check GITHUB_API_URL and the runner's network access."
      )
    }
    const { status, headers, data } = http.response
    const said = githubMessage(data, http.message)
    const remaining = headers['x-ratelimit-remaining']
    if (status === 429 || (status === 403 && (remaining === '0' || /rate limit/i.test(said)))) {
      const reset = Number(headers['x-ratelimit-reset'])
      const retryAfter = Number(headers['retry-after'])
      const when =
        Number.isFinite(reset) && reset > 0
          ? ` It resets at ${new Date(reset * 1000).toISOString()}.`
          : Number.isFinite(retryAfter) && retryAfter > 0
            ? ` Wait ${formatDuration(retryAfter * 1000)}.`
            : ''
      return new Failure(
        'rate-limited',
        `${could}: the GitHub API rate limit is exhausted (${status} ${said}).${when} Run again after that.`
      )
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
        `${could}: GitHub answered ${status} ${said}${again(error)}. GitHub may be degraded ` +
          '(https://www.githubstatus.com); run again later.'
      )
    }
    return new Failure('error', `${could}: GitHub answered ${status} ${said}.`)
  }

  const fail = <T>(error: unknown, doing: Doing): Result<T> => {
    const failure = failureOf(error, doing)
    return { ok: false, reason: failure.reason, message: scrub(failure.message) }
  }
  const noToken = <T>(doing: Doing): Result<T> => ({
    ok: false,
    reason: 'no-token',
    message:
      `Could not ${doing.what}: no GitHub token was given. Pass a token with ${doing.permission} ` +
      '(in a workflow, the job token `github.token`).'
  })

  /** Run one API step; a failure becomes a Failure naming that step. */
  const step = async <T>(doing: Doing, run: () => Promise<T>): Promise<T> => {
    try {
      return await run()
    } catch (error) {
      throw failureOf(error, doing)
    }
  }

  let octokit: Octokit | null = null
  const api = (): Octokit => {
    if (octokit) return octokit
    const silent = (): void => {}
    const client = getOctokit(token, {
      baseUrl: apiUrl,
      userAgent: `baseline-gate/${TOOL_VERSION}`,
      log: { debug: silent, info: silent, warn: (m: string) => log(`warning: ${m}`), error: silent }
    })
    // every request (pages included): its own timeout, and at most one retry on 5xx or network errors
    client.hook.wrap('request', async (request, requestOptions) => {
      let url = String(requestOptions.url)
      try {
        url = client.request.endpoint.parse(requestOptions).url // expand {owner}/{repo}, add the query
      } catch {
        // keep the template
      }
      const label = `${String(requestOptions.method)} ${url.startsWith(apiUrl) ? url.slice(apiUrl.length) : url}`
      for (let attempt = 1; ; attempt++) {
        const started = Date.now()
        const controller = new AbortController()
        let timer: NodeJS.Timeout | undefined
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            reject(new TimeoutError(timeoutMs))
            controller.abort()
          }, timeoutMs)
        })
        try {
          const response = await Promise.race([
            request({ ...requestOptions, request: { ...requestOptions.request, signal: controller.signal } }),
            timeout
          ])
          log(`github: ${label} -> ${response.status} in ${Date.now() - started} ms`)
          return response
        } catch (error) {
          const http = asHttpError(error)
          const what =
            error instanceof TimeoutError
              ? `timed out after ${formatDuration(timeoutMs)}`
              : http?.response
                ? String(http.response.status)
                : `network error ${networkCause(error)}`
          // a POST that may have reached GitHub is not sent twice (it could post a second comment)
          const resendable =
            String(requestOptions.method).toUpperCase() !== 'POST' || networkCause(error) === 'ECONNREFUSED'
          const retry = attempt === 1 && (isServerError(error) || (isNetworkError(error) && resendable))
          if (!retry) {
            log(`github: ${label} -> ${what} in ${Date.now() - started} ms`)
            if (attempt > 1 && typeof error === 'object' && error !== null) retried.add(error)
            throw error
          }
          const retryAfter = Number(http?.response?.headers['retry-after'])
          const delay =
            Number.isFinite(retryAfter) && retryAfter > 0
              ? Math.min(retryAfter * 1000, MAX_RETRY_AFTER_MS)
              : retryDelayMs
          log(`github: ${label} -> ${what}; retrying once in ${delay} ms`)
          await new Promise((resolve) => setTimeout(resolve, delay))
        } finally {
          clearTimeout(timer)
        }
      }
    })
    octokit = client
    return client
  }

  /**
   * A request on this repository whose route carries a path from url-path.ts (encoded there, once): octokit
   * expands {owner} and {repo} and leaves the rest of the route as it is.
   */
  const requestAt = async <T>(route: string, params: Record<string, unknown> = {}): Promise<T> => {
    const { data } = await api().request(route, { owner, repo, ...params })
    return data as T
  }

  // The login behind the token, to recognise our own comments; null when the token cannot say (an
  // installation token such as GITHUB_TOKEN answers 403 on /user).
  let viewer: Promise<string | null> | null = null
  const whoAmI = (doing: Doing): Promise<string | null> => {
    viewer ??= (async () => {
      try {
        const { data } = await api().rest.users.getAuthenticated()
        return data.login
      } catch (error) {
        const status = asHttpError(error)?.response?.status
        const rateLimited = asHttpError(error)?.response?.headers['x-ratelimit-remaining'] === '0'
        if ((status === 403 && !rateLimited) || status === 404) return null
        viewer = null // ask again next time
        throw failureOf(error, doing)
      }
    })()
    return viewer
  }

  /** A refused input: said before any request. */
  const invalid = <T>(doing: Doing, problem: string): Result<T> =>
    fail(new Failure('error', `Could not ${doing.what}: ${problem}`), doing)

  const pullRequestNumber = (pr: number, doing: Doing): Failure | null =>
    Number.isSafeInteger(pr) && pr > 0
      ? null
      : new Failure('error', `Could not ${doing.what}: ${String(pr)} is not a pull request number.`)

  // --- reads for the producer identity (RepositoryReadApi): this client's repository is the producer's
  const readDoing = (what: string, subject: string): Doing => ({
    what: `${what} of ${fullName}`,
    permission:
      `\`contents: read\` on ${fullName} (the job token \`github.token\` reads only its own repository: ` +
      'for a private producer repository pass a GitHub App or fine-grained token that can read it)',
    subject
  })
  const refProblem = (ref: unknown): string | null =>
    typeof ref === 'string' && SHA.test(ref) ? null : branchProblem(ref)
  const MAX_TAG_DEPTH = 5

  const fileAtRef = async (path: string, ref: string): Promise<Result<Buffer>> => {
    const doing = readDoing(
      `read ${String(path)} at ${String(ref)}`,
      `that ${String(path)} exists at ${String(ref)} in ${fullName}`
    )
    try {
      const badPath = filePathProblem(path)
      if (badPath) return invalid(doing, `the file path ${JSON.stringify(path)} ${badPath}.`)
      const badRef = refProblem(ref)
      if (badRef) return invalid(doing, `the ref ${JSON.stringify(ref)} ${badRef}.`)
      if (!token) return noToken(doing)
      type Contents = { type: string; content?: string; encoding?: string; size?: number; sha: string }
      const file = await step(doing, () =>
        requestAt<Contents | Contents[]>(`GET /repos/{owner}/{repo}/contents/${encodePath(path)}`, { ref })
      )
      if (Array.isArray(file) || file.type !== 'file') {
        return invalid(doing, `${path} is a ${Array.isArray(file) ? 'directory' : file.type}, not a file.`)
      }
      if (file.encoding === 'base64' && typeof file.content === 'string') {
        const bytes = Buffer.from(file.content, 'base64')
        if (file.size === undefined || bytes.length === file.size) return { ok: true, value: bytes }
      }
      // over 1 MB the contents API leaves `content` empty: the blob API serves up to 100 MB, byte-exact
      const { data: blob } = await step(doing, () =>
        api().rest.git.getBlob({ owner, repo, file_sha: file.sha })
      )
      const bytes = Buffer.from(blob.content, blob.encoding === 'base64' ? 'base64' : 'utf8')
      return { ok: true, value: bytes }
    } catch (error) {
      return fail(error, doing)
    }
  }

  const resolveTag = async (tag: string): Promise<Result<ResolvedTag>> => {
    const doing = readDoing(`resolve the tag ${String(tag)}`, `the repository ${fullName}`)
    try {
      const badTag = branchProblem(tag)
      if (badTag) return invalid(doing, `the tag name ${JSON.stringify(tag)} ${badTag}.`)
      if (!token) return noToken(doing)
      const target = await step(doing, async () => {
        try {
          const data = await requestAt<{ object: { type: string; sha: string } }>(
            `GET /repos/{owner}/{repo}/git/ref/${refPath('tags', tag)}`
          )
          return data.object
        } catch (error) {
          if (asHttpError(error)?.response?.status === 404) return null
          throw error
        }
      })
      if (target === null) {
        // GitHub answers 404 for a missing tag AND for a repository the token cannot see: tell them apart
        await step(doing, () => api().rest.repos.get({ owner, repo }))
        return { ok: true, value: { exists: false, tag } }
      }
      let object: { type: string; sha: string } = target
      for (let depth = 0; object.type === 'tag'; depth++) {
        if (depth >= MAX_TAG_DEPTH) {
          return invalid(doing, `the tag ${tag} is a chain of more than ${MAX_TAG_DEPTH} tag objects.`)
        }
        const tagSha = object.sha
        const { data } = await step(doing, () => api().rest.git.getTag({ owner, repo, tag_sha: tagSha }))
        object = data.object
      }
      if (object.type !== 'commit') {
        return invalid(doing, `the tag ${tag} names a ${object.type} (${object.sha}), not a commit.`)
      }
      return {
        ok: true,
        value: { exists: true, tag, commitSha: object.sha, annotated: target.type === 'tag' }
      }
    } catch (error) {
      return fail(error, doing)
    }
  }

  const isAncestor = async (base: string, head: string): Promise<Result<Ancestry>> => {
    const doing = readDoing(
      `compare ${String(base)}...${String(head)}`,
      `that both ${String(base)} and ${String(head)} are commits of ${fullName}`
    )
    try {
      for (const [name, ref] of [
        ['base', base],
        ['head', head]
      ] as const) {
        const bad = refProblem(ref)
        if (bad) return invalid(doing, `the ${name} ${JSON.stringify(ref)} ${bad}.`)
      }
      if (!token) return noToken(doing)
      const data = await step(doing, () =>
        requestAt<{ status: Ancestry['status']; ahead_by: number; behind_by: number }>(
          `GET /repos/{owner}/{repo}/compare/${compareRange(base, head)}`,
          { per_page: 1 }
        )
      )
      const status = data.status
      return {
        ok: true,
        value: {
          status,
          descends: status === 'identical' || status === 'ahead',
          aheadBy: data.ahead_by,
          behindBy: data.behind_by
        }
      }
    } catch (error) {
      return fail(error, doing)
    }
  }

  const upsertStickyComment = async (
    pr: number,
    marker: string,
    body: string
  ): Promise<Result<StickyComment>> => {
    const doing: Doing = {
      what: `post the baseline-gate comment on pull request #${pr} of ${fullName}`,
      permission: '`pull-requests: write` (or `issues: write`)',
      subject: `the repository ${fullName} and the pull request number ${pr}`,
      note403:
        'A workflow run for a pull request from a fork gets a read-only token: the verdict is still in ' +
        'the job summary and the evidence.'
    }
    try {
      const bad = pullRequestNumber(pr, doing)
      if (bad) return fail(bad, doing)
      const badMarker = markerProblem(marker)
      if (badMarker) return invalid(doing, badMarker)
      if (!token) return noToken(doing)
      const markerLine = stickyMarker(marker)
      const { text, truncated } = renderStickyComment(marker, String(body))
      const me = (await whoAmI(doing))?.toLowerCase() ?? null

      // Our comment: the first one that starts with the marker and was written by the token's user;
      // when the token cannot tell who it is, the first such comment written by a bot. A comment by
      // anyone else that happens to start with the marker is never edited.
      type Found = { id: number; html_url: string; body: string }
      let mine: Found | null = null
      let bots: Found | null = null
      const listed = await step(doing, async () => {
        const pages = api().paginate.iterator(api().rest.issues.listComments, {
          owner,
          repo,
          issue_number: pr,
          per_page: 100
        })
        for await (const page of pages) {
          for (const c of page.data) {
            if (!c.body?.startsWith(markerLine) || !c.user) continue
            const candidate = { id: c.id, html_url: c.html_url, body: c.body }
            if (me !== null && c.user.login.toLowerCase() === me) {
              mine ??= candidate
            } else if (c.user.type === 'Bot') {
              bots ??= candidate
            }
          }
          if (mine || (me === null && bots)) break
        }
        return mine ?? bots
      })
      const existing: Found | null = listed

      if (existing) {
        if (existing.body.replace(/\r\n/g, '\n') === text) {
          return { ok: true, value: { id: existing.id, url: existing.html_url, created: false, truncated } }
        }
        const { data } = await step(doing, () =>
          api().rest.issues.updateComment({ owner, repo, comment_id: existing.id, body: text })
        )
        return { ok: true, value: { id: data.id, url: data.html_url, created: false, truncated } }
      }
      const { data } = await step(doing, () =>
        api().rest.issues.createComment({ owner, repo, issue_number: pr, body: text })
      )
      return { ok: true, value: { id: data.id, url: data.html_url, created: true, truncated } }
    } catch (error) {
      return fail(error, doing)
    }
  }

  const jointApproval = async (
    pr: number,
    owners: Owners,
    options: { headSha?: string } = {}
  ): Promise<Result<JointApproval>> => {
    const doing: Doing = {
      what: `check the joint approval of pull request #${pr} of ${fullName}`,
      permission: '`pull-requests: read`',
      subject: `the repository ${fullName} and the pull request number ${pr}`
    }
    try {
      const bad = pullRequestNumber(pr, doing)
      if (bad) return fail(bad, doing)
      const specs = { consumer: [] as OwnerSpec[], producer: [] as OwnerSpec[] }
      for (const side of ['consumer', 'producer'] as const) {
        const list = owners?.[side] ?? []
        for (const entry of list) {
          const spec = parseOwner(String(entry))
          if (!spec) {
            return fail(
              new Failure(
                'error',
                `Could not ${doing.what}: the ${side} owner ${JSON.stringify(entry)} is neither a GitHub ` +
                  'login nor org/team. Fix the owners in the policy.'
              ),
              doing
            )
          }
          specs[side].push(spec)
        }
        if (specs[side].length === 0) {
          return fail(
            new Failure(
              'error',
              `Could not ${doing.what}: the policy names no ${side} owners, so no joint approval is ` +
                'possible. Add GitHub logins or org/team entries to its owners.'
            ),
            doing
          )
        }
      }
      if (!token) return noToken(doing)

      const { data: pull } = await step(doing, () => api().rest.pulls.get({ owner, repo, pull_number: pr }))
      // the commit the run tested (a later push makes a new run): reviews on any other commit do not count
      const headSha =
        options.headSha && /^[0-9a-f]{40}$/.test(options.headSha) ? options.headSha : pull.head.sha
      const reviews = await step(doing, () =>
        api().paginate(api().rest.pulls.listReviews, { owner, repo, pull_number: pr, per_page: 100 })
      )
      const author = pull.user ? { login: pull.user.login, type: pull.user.type ?? null } : null
      const counted = countApprovals(
        reviews
          .filter((r) => r.user)
          .map((r) => ({
            login: (r.user as { login: string }).login,
            userType: r.user?.type ?? null,
            state: r.state,
            commitId: r.commit_id ?? null,
            submittedAt: r.submitted_at ?? null
          })),
        { headSha, author }
      )

      const teamCache = new Map<string, Set<string>>()
      const members = async (team: string): Promise<Set<string>> => {
        const key = team.toLowerCase()
        const known = teamCache.get(key)
        if (known) return known
        const [org, slug] = team.split('/') as [string, string]
        const teamDoing: Doing = {
          what: `resolve the members of team ${team} (an owner of ${fullName}) for pull request #${pr}`,
          permission:
            'organization `members: read` (a workflow GITHUB_TOKEN cannot read teams: use a GitHub App or ' +
            'fine-grained token, or list the owners by login)',
          subject: `that the team ${team} exists`
        }
        const list = await step(teamDoing, () =>
          api().paginate(api().rest.teams.listMembersInOrg, { org, team_slug: slug, per_page: 100 })
        )
        const set = new Set(list.filter((m) => m !== null).map((m) => m.login.toLowerCase()))
        teamCache.set(key, set)
        return set
      }
      const logins = async (side: OwnerSpec[]): Promise<Set<string>> => {
        const set = new Set<string>()
        if (counted.approvers.length === 0) return set // nobody's approval counts: no need to read any team
        for (const spec of side) {
          if (spec.kind === 'login') set.add(spec.name.toLowerCase())
          else for (const m of await members(spec.name)) set.add(m)
        }
        return set
      }
      const decision = jointDecision(counted.approvers, {
        consumer: await logins(specs.consumer),
        producer: await logins(specs.producer)
      })
      const { consumer, producer, approved } = decision
      const notCounted = [...counted.notCounted, ...decision.notOwners].sort((a, b) =>
        a.login.toLowerCase().localeCompare(b.login.toLowerCase())
      )
      return { ok: true, value: { consumer, producer, headSha, approved, notCounted } }
    } catch (error) {
      return fail(error, doing)
    }
  }

  /** `doing`, naming the step of a multi-step write that failed and what was left behind. */
  const during = (doing: Doing, stepAndState: string): Doing => ({
    ...doing,
    what: `${doing.what} (${stepAndState})`
  })

  /** The html url of `branch`'s tree, next to a commit's page (GitHub Enterprise has its own host). */
  const treeUrl = (commitHtmlUrl: string | undefined, branch: string): string => {
    const path = encodePath(branch)
    const at = commitHtmlUrl?.lastIndexOf('/commit/') ?? -1
    if (commitHtmlUrl && at > 0) return `${commitHtmlUrl.slice(0, at)}/tree/${path}`
    const web = apiUrl === DEFAULT_API_URL ? 'https://github.com' : apiUrl.replace(/\/api\/v3$/, '')
    return `${web}/${fullName}/tree/${path}`
  }

  const commitToBranch = async (input: {
    branch: string
    parentSha: string
    baseTreeSha: string
    message: string
    files: FileToCommit[]
  }): Promise<Result<BranchCommit>> => {
    // a missing input is refused below, not thrown
    const { branch, parentSha, baseTreeSha, message, files } = input ?? ({} as typeof input)
    const doing: Doing = {
      what: `commit to the branch ${String(branch)} of ${fullName}`,
      permission: '`contents: write`',
      subject: `the repository ${fullName}`
    }
    try {
      const badBranch = branchProblem(branch)
      if (badBranch) return invalid(doing, `the branch name ${JSON.stringify(branch)} ${badBranch}.`)
      for (const [name, sha] of [
        ['parent commit', parentSha],
        ['base tree', baseTreeSha]
      ] as const) {
        if (typeof sha !== 'string' || !SHA.test(sha)) {
          return invalid(
            doing,
            `the ${name} ${JSON.stringify(sha)} is not a full 40-character lower-case hex SHA.`
          )
        }
      }
      if (typeof message !== 'string' || message.trim() === '')
        return invalid(doing, 'the commit message is empty.')
      if (!Array.isArray(files) || files.length === 0) return invalid(doing, 'there are no files to commit.')
      const paths = new Set<string>()
      for (const file of files) {
        const badPath = filePathProblem(file?.path)
        if (badPath) return invalid(doing, `the file path ${JSON.stringify(file?.path)} ${badPath}.`)
        if (paths.has(file.path)) return invalid(doing, `the file ${file.path} is given twice.`)
        paths.add(file.path)
        if (!Buffer.isBuffer(file.content))
          return invalid(doing, `the content of ${file.path} is not a Buffer.`)
      }
      if (!token) return noToken(doing)

      // Read before writing anything: force-moving the default branch would drop its history.
      const reading = during(doing, 'reading the branch failed; nothing was written')
      const current = await step(reading, async () => {
        try {
          const data = await requestAt<{ object: { sha: string } }>(
            `GET /repos/{owner}/{repo}/git/ref/${refPath('heads', branch)}`
          )
          return data.object.sha
        } catch (error) {
          if (asHttpError(error)?.response?.status === 404) return null
          throw error
        }
      })
      if (current !== null) {
        const { data: about } = await step(reading, () => api().rest.repos.get({ owner, repo }))
        if (about.default_branch === branch) {
          return invalid(
            doing,
            `${branch} is the default branch of ${fullName}, which is never force-moved. Commit on a branch ` +
              'of its own and open a pull request.'
          )
        }
      }

      const tree: { path: string; mode: '100644'; type: 'blob'; sha: string }[] = []
      for (const file of files) {
        const { data } = await step(during(doing, `storing ${file.path} failed; nothing was committed`), () =>
          api().rest.git.createBlob({
            owner,
            repo,
            content: file.content.toString('base64'),
            encoding: 'base64'
          })
        )
        tree.push({ path: file.path, mode: '100644', type: 'blob', sha: data.sha })
      }
      const { data: newTree } = await step(
        during(doing, 'creating the tree failed; nothing was committed'),
        () => api().rest.git.createTree({ owner, repo, base_tree: baseTreeSha, tree })
      )
      const { data: commit } = await step(
        during(doing, 'creating the commit failed; the branch was not moved'),
        () => api().rest.git.createCommit({ owner, repo, message, tree: newTree.sha, parents: [parentSha] })
      )

      let created = current === null
      const moving = during(
        doing,
        `created the commit ${commit.sha} but could not ${created ? 'create' : 'move'} the branch`
      )
      await step(moving, async () => {
        if (created) {
          try {
            // the ref travels in the body here, as a plain name
            await api().rest.git.createRef({
              owner,
              repo,
              ref: fullRefName('heads', branch),
              sha: commit.sha
            })
            return
          } catch (error) {
            // created since it was read (a concurrent run): move it like an existing one
            const http = asHttpError(error)
            const said = http?.response ? githubMessage(http.response.data, '') : ''
            if (http?.response?.status !== 422 || !/already exists/i.test(said)) throw error
            created = false
          }
        }
        await requestAt(`PATCH /repos/{owner}/{repo}/git/refs/${refPath('heads', branch)}`, {
          sha: commit.sha,
          force: true
        })
      })
      return {
        ok: true,
        value: { branch, sha: commit.sha, url: treeUrl(commit.html_url, branch), created }
      }
    } catch (error) {
      return fail(error, doing)
    }
  }

  const upsertPullRequest = async (input: {
    head: string
    base: string
    title: string
    body: string
  }): Promise<Result<PullRequestRef>> => {
    const { head, base, title, body } = input ?? ({} as typeof input)
    const doing: Doing = {
      what: `open or update the pull request from ${String(head)} into ${String(base)} of ${fullName}`,
      permission: '`pull-requests: write`',
      subject: `the repository ${fullName} and its branches ${String(head)} and ${String(base)}`
    }
    try {
      for (const [name, branch] of [
        ['head', head],
        ['base', base]
      ] as const) {
        const bad = branchProblem(branch)
        if (bad) return invalid(doing, `the ${name} branch name ${JSON.stringify(branch)} ${bad}.`)
      }
      if (head === base) return invalid(doing, 'the head and the base are the same branch.')
      if (typeof title !== 'string' || title.trim() === '') return invalid(doing, 'the title is empty.')
      if (!token) return noToken(doing)
      const { text, truncated } = fitBody(String(body ?? ''), STICKY_COMMENT_BUDGET, 'pull request body')

      type Found = { number: number; html_url: string; title: string; body: string | null }
      const findOpen = (): Promise<Found | null> =>
        step(doing, async () => {
          const pages = api().paginate.iterator(api().rest.pulls.list, {
            owner,
            repo,
            state: 'open',
            head: `${owner}:${head}`,
            base,
            per_page: 100
          })
          for await (const page of pages) {
            for (const pull of page.data) {
              // GitHub filters already; checked again so that a fork's branch of the same name never matches
              const from = pull.head.repo?.full_name?.toLowerCase()
              if (pull.head.ref === head && pull.base.ref === base && from === fullName.toLowerCase())
                return pull
            }
          }
          return null
        })
      const update = async (found: Found): Promise<Result<PullRequestRef>> => {
        if (found.title === title && (found.body ?? '').replace(/\r\n/g, '\n') === text) {
          return { ok: true, value: { number: found.number, url: found.html_url, created: false, truncated } }
        }
        const { data } = await step(doing, () =>
          api().rest.pulls.update({ owner, repo, pull_number: found.number, title, body: text })
        )
        return { ok: true, value: { number: data.number, url: data.html_url, created: false, truncated } }
      }

      const existing = await findOpen()
      if (existing) return await update(existing)
      try {
        const { data } = await api().rest.pulls.create({ owner, repo, head, base, title, body: text })
        return { ok: true, value: { number: data.number, url: data.html_url, created: true, truncated } }
      } catch (error) {
        // opened since the list was read (a concurrent run): update that one
        const http = asHttpError(error)
        const said = http?.response ? githubMessage(http.response.data, '') : ''
        if (http?.response?.status === 422 && /already exists/i.test(said)) {
          const raced = await findOpen()
          if (raced) return await update(raced)
        }
        throw failureOf(error, doing)
      }
    } catch (error) {
      return fail(error, doing)
    }
  }

  /**
   * Ours: the oldest open issue with the label whose body starts with the marker line. Pull requests are
   * issues to this endpoint too; none of them is ever ours.
   */
  const openMarkedIssue = (doing: Doing, label: string, markerLine: string): Promise<MarkedIssue | null> =>
    step(doing, async () => {
      const pages = api().paginate.iterator(api().rest.issues.listForRepo, {
        owner,
        repo,
        labels: label,
        state: 'open',
        sort: 'created',
        direction: 'asc',
        per_page: 100
      })
      for await (const page of pages) {
        for (const issue of page.data) {
          if (issue.pull_request) continue
          const named = issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? '')).toLowerCase())
          if (!named.includes(label.toLowerCase())) continue
          const now = issue.body?.replace(/\r\n/g, '\n') ?? ''
          if (now.startsWith(markerLine)) {
            return {
              number: issue.number,
              url: issue.html_url,
              title: issue.title,
              body: now,
              author: issue.user?.login ?? null
            }
          }
        }
      }
      return null
    })

  const upsertIssue = async (input: {
    marker: string
    label: string
    title: string
    body: string
  }): Promise<Result<IssueRef>> => {
    const { marker, label, title, body } = input ?? ({} as typeof input)
    const doing: Doing = {
      what: `open or update the issue ${String(marker)} (label ${JSON.stringify(label)}) of ${fullName}`,
      permission: '`issues: write`',
      subject: `the repository ${fullName} and that it has issues enabled`
    }
    try {
      const badMarker = markerProblem(marker)
      if (badMarker) return invalid(doing, badMarker)
      const badLabel = labelProblem(label)
      if (badLabel) return invalid(doing, badLabel)
      if (typeof title !== 'string' || title.trim() === '') return invalid(doing, 'the title is empty.')
      if (!token) return noToken(doing)
      const markerLine = stickyMarker(marker)
      const fitted = fitBody(String(body ?? ''), STICKY_COMMENT_BUDGET - markerLine.length - 1, 'issue body')
      const text = `${markerLine}\n${fitted.text}`
      const truncated = fitted.truncated

      const existing = await openMarkedIssue(doing, label, markerLine)

      if (existing) {
        if (existing.title === title && existing.body === text) {
          return {
            ok: true,
            value: { number: existing.number, url: existing.url, created: false, truncated }
          }
        }
        const { data } = await step(doing, () =>
          api().rest.issues.update({ owner, repo, issue_number: existing.number, title, body: text })
        )
        return { ok: true, value: { number: data.number, url: data.html_url, created: false, truncated } }
      }
      const { data } = await step(doing, () =>
        api().rest.issues.create({ owner, repo, title, body: text, labels: [label] })
      )
      return { ok: true, value: { number: data.number, url: data.html_url, created: true, truncated } }
    } catch (error) {
      return fail(error, doing)
    }
  }

  // --- drift: the open issue of a baseline, its comments, closing it; the runs of a scheduled workflow

  const issueNumber = (issue: number, doing: Doing): Failure | null =>
    Number.isSafeInteger(issue) && issue > 0
      ? null
      : new Failure('error', `Could not ${doing.what}: ${String(issue)} is not an issue number.`)

  const findMarkedIssue = async (input: {
    marker: string
    label: string
  }): Promise<Result<MarkedIssue | null>> => {
    const { marker, label } = input ?? ({} as typeof input)
    const doing: Doing = {
      what: `find the open issue ${String(marker)} (label ${JSON.stringify(label)}) of ${fullName}`,
      permission: '`issues: read`',
      subject: `the repository ${fullName} and that it has issues enabled`
    }
    try {
      const badMarker = markerProblem(marker)
      if (badMarker) return invalid(doing, badMarker)
      const badLabel = labelProblem(label)
      if (badLabel) return invalid(doing, badLabel)
      if (!token) return noToken(doing)
      return { ok: true, value: await openMarkedIssue(doing, label, stickyMarker(marker)) }
    } catch (error) {
      return fail(error, doing)
    }
  }

  const listIssueComments = async (issue: number): Promise<Result<IssueComment[]>> => {
    const doing: Doing = {
      what: `read the comments of issue #${issue} of ${fullName}`,
      permission: '`issues: read`',
      subject: `the repository ${fullName} and the issue number ${issue}`
    }
    try {
      const bad = issueNumber(issue, doing)
      if (bad) return fail(bad, doing)
      if (!token) return noToken(doing)
      const comments = await step(doing, () =>
        api().paginate(api().rest.issues.listComments, { owner, repo, issue_number: issue, per_page: 100 })
      )
      return {
        ok: true,
        value: comments.map((c) => ({
          id: c.id,
          url: c.html_url,
          body: c.body?.replace(/\r\n/g, '\n') ?? '',
          author: c.user?.login ?? null,
          createdAt: c.created_at
        }))
      }
    } catch (error) {
      return fail(error, doing)
    }
  }

  const commentOnIssue = async (issue: number, body: string): Promise<Result<CommentRef>> => {
    const doing: Doing = {
      what: `comment on issue #${issue} of ${fullName}`,
      permission: '`issues: write`',
      subject: `the repository ${fullName} and the issue number ${issue}`
    }
    try {
      const bad = issueNumber(issue, doing)
      if (bad) return fail(bad, doing)
      if (typeof body !== 'string' || body.trim() === '') return invalid(doing, 'the comment is empty.')
      if (!token) return noToken(doing)
      const { text, truncated } = fitBody(body, STICKY_COMMENT_BUDGET, 'comment')
      const { data } = await step(doing, () =>
        api().rest.issues.createComment({ owner, repo, issue_number: issue, body: text })
      )
      return { ok: true, value: { id: data.id, url: data.html_url, truncated } }
    } catch (error) {
      return fail(error, doing)
    }
  }

  const closeIssue = async (issue: number): Promise<Result<{ number: number; url: string }>> => {
    const doing: Doing = {
      what: `close issue #${issue} of ${fullName}`,
      permission: '`issues: write`',
      subject: `the repository ${fullName} and the issue number ${issue}`
    }
    try {
      const bad = issueNumber(issue, doing)
      if (bad) return fail(bad, doing)
      if (!token) return noToken(doing)
      const { data } = await step(doing, () =>
        api().rest.issues.update({
          owner,
          repo,
          issue_number: issue,
          state: 'closed',
          state_reason: 'completed'
        })
      )
      return { ok: true, value: { number: data.number, url: data.html_url } }
    } catch (error) {
      return fail(error, doing)
    }
  }

  type RunData = {
    id: number
    workflow_id: number
    event: string
    status: string | null
    conclusion: string | null
    created_at: string
    html_url: string
  }
  const workflowRun = (run: RunData): WorkflowRun => ({
    id: run.id,
    workflowId: run.workflow_id,
    event: run.event,
    status: run.status ?? null,
    conclusion: run.conclusion ?? null,
    createdAt: run.created_at,
    url: run.html_url
  })
  const actionsNote =
    'A workflow token gets it from `permissions: actions: read` in the job (a job with a `permissions:` ' +
    'block has no permission it does not list).'

  const getWorkflowRun = async (runId: number): Promise<Result<WorkflowRun>> => {
    const doing: Doing = {
      what: `read the workflow run ${runId} of ${fullName}`,
      permission: '`actions: read`',
      subject: `the repository ${fullName} and the run id ${runId} (GITHUB_RUN_ID)`,
      note403: actionsNote
    }
    try {
      if (!Number.isSafeInteger(runId) || runId <= 0) {
        return invalid(doing, `${String(runId)} is not a workflow run id.`)
      }
      if (!token) return noToken(doing)
      const { data } = await step(doing, () =>
        api().rest.actions.getWorkflowRun({ owner, repo, run_id: runId })
      )
      return { ok: true, value: workflowRun(data) }
    } catch (error) {
      return fail(error, doing)
    }
  }

  const listWorkflowRuns = async (
    workflowId: number | string,
    filter: { event?: string; status?: string; perPage?: number } = {}
  ): Promise<Result<WorkflowRun[]>> => {
    const doing: Doing = {
      what: `list the runs of the workflow ${String(workflowId)} of ${fullName}`,
      permission: '`actions: read`',
      subject: `the repository ${fullName} and the workflow ${String(workflowId)}`,
      note403: actionsNote
    }
    try {
      const byId = typeof workflowId === 'number' && Number.isSafeInteger(workflowId) && workflowId > 0
      const byFile = typeof workflowId === 'string' && /^[A-Za-z0-9._-]{1,200}\.ya?ml$/.test(workflowId)
      if (!byId && !byFile) {
        return invalid(
          doing,
          `${JSON.stringify(workflowId)} is neither a workflow id nor a workflow file name.`
        )
      }
      const perPage = filter.perPage ?? 30
      if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
        return invalid(doing, `per page must be 1-100, not ${String(perPage)}.`)
      }
      if (!token) return noToken(doing)
      const { data } = await step(doing, () =>
        api().rest.actions.listWorkflowRuns({
          owner,
          repo,
          workflow_id: workflowId,
          per_page: perPage,
          ...(filter.event ? { event: filter.event } : {}),
          ...(filter.status ? { status: filter.status as 'completed' } : {})
        })
      )
      return { ok: true, value: data.workflow_runs.map(workflowRun) }
    } catch (error) {
      return fail(error, doing)
    }
  }

  return {
    repository: { owner, repo },
    apiUrl,
    fileAtRef,
    resolveTag,
    isAncestor,
    upsertStickyComment,
    jointApproval,
    commitToBranch,
    upsertPullRequest,
    upsertIssue,
    findMarkedIssue,
    listIssueComments,
    commentOnIssue,
    closeIssue,
    getWorkflowRun,
    listWorkflowRuns
  }
}
