// An in-memory GitHub REST API on loopback, for tests that run the real octokit code over real HTTP.
//
// It answers the way api.github.com does for the routes the suite uses: JSON bodies, the status codes
// GitHub gives (401 without or with a bad token, 403 for a token without the permission, 404 with
// {"message":"Not Found"}, 422 for invalid bodies), `Link` pagination honouring per_page / page, and
// the rate-limit headers. Tests seed and inspect `fake.state`, read what was asked in `fake.requests`
// (the Authorization header is recorded only as present or absent), and inject faults with
// `failNext` / `hangNext`.
//
// Adding a route: append one entry to ROUTES below: the route as octokit names it
// ("METHOD /path/{param}") and a handler that returns { status, body, headers }.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

// ---------------------------------------------------------------------------------------------------
// State

export interface FakeAccount {
  login: string
  id: number
  type: 'User' | 'Bot'
}

/** What a token may do. A `Bot` account models an installation token such as GITHUB_TOKEN. */
export interface FakeToken {
  login: string
  /** Write access to the repositories' issues and pull requests (false: a fork's read-only token). */
  write: boolean
  /** Can read organization team membership (GITHUB_TOKEN cannot). */
  readOrg: boolean
}

export interface FakeComment {
  id: number
  issue_number: number
  body: string
  login: string
  created_at: string
  updated_at: string
}

export type FakeReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING'

export interface FakeReview {
  id: number
  login: string
  state: FakeReviewState
  commit_id: string
  body: string
  submitted_at: string
}

export interface FakePull {
  number: number
  title: string
  state: 'open' | 'closed'
  login: string
  head: { sha: string; ref: string }
  base: { sha: string; ref: string }
  reviews: FakeReview[]
}

export interface FakeIssue {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  labels: string[]
  login: string
}

export interface FakeRepo {
  owner: string
  name: string
  pulls: Record<number, FakePull>
  issues: Record<number, FakeIssue>
  /** Issue and pull-request conversation comments, oldest first. */
  comments: FakeComment[]
}

export interface FakeState {
  /** token -> what it may do */
  tokens: Record<string, FakeToken>
  /** login -> account (created on first use) */
  accounts: Record<string, FakeAccount>
  /** "owner/repo" -> repository */
  repos: Record<string, FakeRepo>
  /** "org/team-slug" -> member logins */
  teams: Record<string, string[]>
  /** The next id for comments, reviews, accounts. */
  nextId: number
  /** Seconds since 2026-01-01T00:00:00Z: every created object advances it, so timestamps are ordered. */
  tick: number
}

export interface FakeRequest {
  method: string
  /** The path without the query string, e.g. /repos/o/r/pulls/1 */
  path: string
  query: Record<string, string>
  body: unknown
  /** Whether an Authorization header was sent (its value is never recorded). */
  auth: boolean
  /** The route template that matched, e.g. "GET /repos/{owner}/{repo}/pulls/{pull_number}", or null. */
  route: string | null
  /** The status answered, or null while unanswered (a hang). */
  status: number | null
}

export interface FailOptions {
  /** Replace the default error body. */
  body?: unknown
  headers?: Record<string, string>
}

export interface FakeGitHub {
  /** Base URL to put in GITHUB_API_URL, e.g. http://127.0.0.1:40123 (no trailing slash). */
  url: string
  state: FakeState
  requests: FakeRequest[]
  /** The route templates this server answers. */
  routes: string[]
  /** The next `times` requests matching `route` answer `status` (with GitHub's body for it). */
  failNext(route: string, status: number, times?: number, options?: FailOptions): void
  /** The next `times` requests matching `route` are accepted and never answered. */
  hangNext(route: string, times?: number): void
  /** The next `times` requests matching `route` are read, then their connection is closed unanswered. */
  dropNext(route: string, times?: number): void
  /** Seeding helpers; they only write to `state`. */
  addToken(token: string, login: string, options?: Partial<Omit<FakeToken, 'login'>>): FakeToken
  addRepo(fullName: string): FakeRepo
  addPull(
    fullName: string,
    pull: { number?: number; headSha?: string; title?: string; login?: string; baseSha?: string }
  ): FakePull
  addReview(
    fullName: string,
    pullNumber: number,
    login: string,
    state: FakeReviewState,
    commitId?: string
  ): FakeReview
  addComment(fullName: string, issueNumber: number, login: string, body: string): FakeComment
  setTeam(orgSlashTeam: string, logins: string[]): void
  /** Comments of one issue or pull request, oldest first. */
  commentsOf(fullName: string, issueNumber: number): FakeComment[]
  close(): Promise<void>
}

// ---------------------------------------------------------------------------------------------------
// Router

interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

interface Caller {
  token: string
  grant: FakeToken
  account: FakeAccount
}

interface RouteContext {
  params: Record<string, string>
  query: Record<string, string>
  body: unknown
  caller: Caller
  state: FakeState
  /** The server's base URL. */
  base: string
  path: string
  /** Helpers shared by handlers. */
  h: Helpers
}

type Handler = (ctx: RouteContext) => Reply

interface RouteSpec {
  /** "METHOD /path/{param}" as octokit names routes. */
  route: string
  handler: Handler
}

const DOCS = 'https://docs.github.com/rest'

const ROUTES: RouteSpec[] = [
  {
    route: 'GET /user',
    handler: ({ caller, h }) => {
      // installation tokens (GITHUB_TOKEN) cannot read /user
      if (caller.account.type === 'Bot') return h.error(403, 'Resource not accessible by integration')
      return { status: 200, body: h.account(caller.account.login) }
    }
  },
  {
    route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
    handler: ({ params, h }) => {
      const repo = h.repo(params)
      const pull = repo && repo.pulls[Number(params.pull_number)]
      if (!repo || !pull) return h.notFound()
      return { status: 200, body: h.pullJson(repo, pull) }
    }
  },
  {
    route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    handler: ({ params, h }) => {
      const repo = h.repo(params)
      const pull = repo && repo.pulls[Number(params.pull_number)]
      if (!repo || !pull) return h.notFound()
      // pending reviews are visible to their author only; the list is in submission order
      const reviews = pull.reviews.filter((r) => r.state !== 'PENDING')
      return h.page(reviews.map((r) => h.reviewJson(repo, pull, r)))
    }
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    handler: ({ params, h }) => {
      const repo = h.repo(params)
      const number = Number(params.issue_number)
      if (!repo || !h.issueExists(repo, number)) return h.notFound()
      return h.page(repo.comments.filter((c) => c.issue_number === number).map((c) => h.commentJson(repo, c)))
    }
  },
  {
    route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    handler: ({ params, body, caller, state, h }) => {
      const repo = h.repo(params)
      const number = Number(params.issue_number)
      if (!repo || !h.issueExists(repo, number)) return h.notFound()
      if (!caller.grant.write) return h.error(403, 'Resource not accessible by integration')
      const invalid = h.validateBody(body, 'IssueComment')
      if (invalid) return invalid
      const now = h.now()
      const comment: FakeComment = {
        id: state.nextId++,
        issue_number: number,
        body: (body as { body: string }).body,
        login: caller.account.login,
        created_at: now,
        updated_at: now
      }
      repo.comments.push(comment)
      const json = h.commentJson(repo, comment)
      return { status: 201, body: json, headers: { location: json.url } }
    }
  },
  {
    route: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    handler: ({ params, body, caller, h }) => {
      const repo = h.repo(params)
      const comment = repo && repo.comments.find((c) => c.id === Number(params.comment_id))
      if (!repo || !comment) return h.notFound()
      // anyone with write access may edit any comment of the repository
      if (!caller.grant.write) return h.error(403, 'Resource not accessible by integration')
      const invalid = h.validateBody(body, 'IssueComment')
      if (invalid) return invalid
      comment.body = (body as { body: string }).body
      comment.updated_at = h.now()
      return { status: 200, body: h.commentJson(repo, comment) }
    }
  },
  {
    route: 'GET /orgs/{org}/teams/{team_slug}/members',
    handler: ({ params, caller, state, h }) => {
      const members = state.teams[`${params.org}/${params.team_slug}`.toLowerCase()]
      if (!members) return h.notFound()
      if (!caller.grant.readOrg) return h.error(403, 'Resource not accessible by integration')
      return h.page(members.map((login) => h.account(login)))
    }
  }
]

interface CompiledRoute extends RouteSpec {
  method: string
  pattern: RegExp
  keys: string[]
}

function compile(spec: RouteSpec): CompiledRoute {
  const [method, template] = spec.route.split(' ') as [string, string]
  const keys: string[] = []
  const source = template
    .split('/')
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part)
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      keys.push(m[1] as string)
      return '([^/]+)'
    })
    .join('/')
  return { ...spec, method, pattern: new RegExp(`^${source}$`), keys }
}

// ---------------------------------------------------------------------------------------------------
// Helpers shared by handlers

interface Helpers {
  now(): string
  account(login: string): FakeAccount & { html_url: string; url: string; node_id: string }
  repo(params: Record<string, string>): FakeRepo | undefined
  issueExists(repo: FakeRepo, number: number): boolean
  notFound(): Reply
  error(status: number, message: string, extra?: Record<string, unknown>): Reply
  validateBody(body: unknown, resource: string): Reply | null
  page(items: unknown[]): Reply
  pullJson(repo: FakeRepo, pull: FakePull): Record<string, unknown>
  reviewJson(repo: FakeRepo, pull: FakePull, review: FakeReview): Record<string, unknown>
  commentJson(repo: FakeRepo, comment: FakeComment): { url: string } & Record<string, unknown>
}

const EPOCH = Date.parse('2026-01-01T00:00:00Z')
export const COMMENT_BODY_LIMIT = 65_536

function accountOf(state: FakeState, login: string): FakeAccount {
  const key = login.toLowerCase()
  let account = state.accounts[key]
  if (!account) {
    account = { login, id: state.nextId++, type: login.endsWith('[bot]') ? 'Bot' : 'User' }
    state.accounts[key] = account
  }
  return account
}

function helpers(state: FakeState, base: string, path: string, query: Record<string, string>): Helpers {
  const web = 'https://github.com'
  const h: Helpers = {
    now: () => new Date(EPOCH + 1000 * state.tick++).toISOString().replace('.000Z', 'Z'),
    account: (login) => {
      const a = accountOf(state, login)
      return {
        ...a,
        node_id: `U_${a.id}`,
        url: `${base}/users/${encodeURIComponent(a.login)}`,
        html_url: `${web}/${a.login}`
      }
    },
    repo: (params) => state.repos[`${params.owner}/${params.repo}`.toLowerCase()],
    issueExists: (repo, number) => number in repo.pulls || number in repo.issues,
    notFound: () => h.error(404, 'Not Found'),
    error: (status, message, extra = {}) => ({
      status,
      body: { message, documentation_url: DOCS, status: String(status), ...extra }
    }),
    validateBody: (body, resource) => {
      const text = (body as { body?: unknown } | null)?.body
      if (typeof text !== 'string' || text.length === 0) {
        return h.error(422, 'Validation Failed', {
          errors: [{ resource, code: 'missing_field', field: 'body' }]
        })
      }
      if (text.length > COMMENT_BODY_LIMIT) {
        return h.error(422, 'Validation Failed', {
          errors: [
            {
              resource,
              code: 'custom',
              field: 'body',
              message: `body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`
            }
          ]
        })
      }
      return null
    },
    page: (items) => {
      // GitHub: per_page defaults to 30 and is capped at 100; page defaults to 1
      const asked = Number.parseInt(query.per_page ?? '', 10)
      const perPage = Number.isInteger(asked) && asked > 0 ? Math.min(asked, 100) : 30
      const askedPage = Number.parseInt(query.page ?? '', 10)
      const page = Number.isInteger(askedPage) && askedPage > 0 ? askedPage : 1
      const last = Math.max(1, Math.ceil(items.length / perPage))
      const link = (n: number, rel: string): string => {
        const params = new URLSearchParams(query)
        params.set('per_page', String(perPage))
        params.set('page', String(n))
        return `<${base}${path}?${params.toString()}>; rel="${rel}"`
      }
      const links: string[] = []
      if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'))
      if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
      if (page > 1) links.push(link(1, 'first'))
      const reply: Reply = {
        status: 200,
        body: items.slice((page - 1) * perPage, page * perPage),
        headers: links.length > 0 ? { link: links.join(', ') } : undefined
      }
      return reply
    },
    pullJson: (repo, pull) => {
      const full = `${repo.owner}/${repo.name}`
      return {
        url: `${base}/repos/${full}/pulls/${pull.number}`,
        html_url: `${web}/${full}/pull/${pull.number}`,
        number: pull.number,
        state: pull.state,
        title: pull.title,
        user: h.account(pull.login),
        draft: false,
        merged: false,
        head: { ref: pull.head.ref, sha: pull.head.sha, repo: { full_name: full } },
        base: { ref: pull.base.ref, sha: pull.base.sha, repo: { full_name: full } }
      }
    },
    reviewJson: (repo, pull, review) => {
      const full = `${repo.owner}/${repo.name}`
      return {
        id: review.id,
        node_id: `PRR_${review.id}`,
        user: h.account(review.login),
        body: review.body,
        state: review.state,
        html_url: `${web}/${full}/pull/${pull.number}#pullrequestreview-${review.id}`,
        pull_request_url: `${base}/repos/${full}/pulls/${pull.number}`,
        author_association: 'MEMBER',
        submitted_at: review.submitted_at,
        commit_id: review.commit_id
      }
    },
    commentJson: (repo, comment) => {
      const full = `${repo.owner}/${repo.name}`
      const kind = comment.issue_number in repo.pulls ? 'pull' : 'issues'
      return {
        id: comment.id,
        node_id: `IC_${comment.id}`,
        url: `${base}/repos/${full}/issues/comments/${comment.id}`,
        html_url: `${web}/${full}/${kind}/${comment.issue_number}#issuecomment-${comment.id}`,
        issue_url: `${base}/repos/${full}/issues/${comment.issue_number}`,
        body: comment.body,
        user: h.account(comment.login),
        created_at: comment.created_at,
        updated_at: comment.updated_at,
        author_association: 'MEMBER'
      }
    }
  }
  return h
}

// ---------------------------------------------------------------------------------------------------
// Server

interface Fault {
  kind: 'fail' | 'hang' | 'drop'
  status: number
  remaining: number
  options: FailOptions
}

const DEFAULT_MESSAGES: Record<number, string> = {
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  422: 'Validation Failed',
  429: 'API rate limit exceeded',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
  504: 'We couldn\u2019t respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.'
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function tokenOf(header: string | undefined): string | null {
  if (!header) return null
  const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim())
  return m ? (m[1] as string) : null
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const state: FakeState = { tokens: {}, accounts: {}, repos: {}, teams: {}, nextId: 1000, tick: 0 }
  const requests: FakeRequest[] = []
  const routes = ROUTES.map(compile)
  const faults = new Map<string, Fault[]>()
  const sockets = new Set<Socket>()
  let base = ''
  let requestSeq = 0

  const knownRoute = (route: string): string => {
    if (!routes.some((r) => r.route === route)) {
      throw new Error(`fake-github: no route "${route}"; known: ${routes.map((r) => r.route).join(', ')}`)
    }
    return route
  }
  const takeFault = (route: string): Fault | null => {
    const queue = faults.get(route)
    const fault = queue?.[0]
    if (!queue || !fault) return null
    fault.remaining -= 1
    if (fault.remaining <= 0) queue.shift()
    return fault
  }

  const send = (res: ServerResponse, entry: FakeRequest, reply: Reply): void => {
    entry.status = reply.status
    const remaining = String(Math.max(0, 5000 - requests.length))
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `FAKE:${(++requestSeq).toString(16).toUpperCase()}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': remaining,
      'x-ratelimit-used': String(5000 - Number(remaining)),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      ...reply.headers
    }
    res.writeHead(reply.status, headers)
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body))
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', base)
    const query = Object.fromEntries(url.searchParams)
    const raw = await readBody(req)
    let body: unknown = null
    let badJson = false
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw)
      } catch {
        body = raw
        badJson = true
      }
    }
    const method = (req.method ?? 'GET').toUpperCase()
    const path = url.pathname.replace(/\/+$/, '') || '/'
    let match: { route: CompiledRoute; params: Record<string, string> } | null = null
    for (const route of routes) {
      if (route.method !== method) continue
      const m = route.pattern.exec(path)
      if (!m) continue
      const params: Record<string, string> = {}
      route.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1] as string)))
      match = { route, params }
      break
    }
    const entry: FakeRequest = {
      method,
      path,
      query,
      body,
      auth: typeof req.headers.authorization === 'string',
      route: match ? match.route.route : null,
      status: null
    }
    requests.push(entry)
    const h = helpers(state, base, path, query)

    if (!match) return send(res, entry, h.notFound())
    const fault = takeFault(match.route.route)
    if (fault?.kind === 'hang') return // accepted, never answered (close() ends the socket)
    if (fault?.kind === 'drop') {
      req.socket.destroy()
      return
    }
    if (fault) {
      const headers = { ...fault.options.headers }
      if (fault.status === 429) headers['x-ratelimit-remaining'] ??= '0'
      const reply =
        fault.options.body !== undefined
          ? { status: fault.status, body: fault.options.body, headers }
          : { ...h.error(fault.status, DEFAULT_MESSAGES[fault.status] ?? 'Error'), headers }
      return send(res, entry, reply)
    }

    const token = tokenOf(req.headers.authorization)
    if (!token) return send(res, entry, h.error(401, 'Requires authentication'))
    const grant = state.tokens[token]
    if (!grant) return send(res, entry, h.error(401, 'Bad credentials'))
    if (badJson) return send(res, entry, h.error(400, 'Problems parsing JSON'))
    const caller: Caller = { token, grant, account: accountOf(state, grant.login) }
    let reply: Reply
    try {
      reply = match.route.handler({ params: match.params, query, body, caller, state, base, path, h })
    } catch (error) {
      reply = h.error(500, `fake-github handler failed: ${(error as Error).message}`)
    }
    send(res, entry, reply)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify({ message: `fake-github: ${(error as Error).message}` }))
      }
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const repoOf = (fullName: string): FakeRepo => {
    const repo = state.repos[fullName.toLowerCase()]
    if (!repo) throw new Error(`fake-github: no repository ${fullName}; call addRepo first`)
    return repo
  }
  const h = (): Helpers => helpers(state, base, '/', {})

  const fake: FakeGitHub = {
    url: base,
    state,
    requests,
    routes: routes.map((r) => r.route),
    failNext(route, status, times = 1, options = {}) {
      const list = faults.get(knownRoute(route)) ?? []
      list.push({ kind: 'fail', status, remaining: times, options })
      faults.set(route, list)
    },
    hangNext(route, times = 1) {
      const list = faults.get(knownRoute(route)) ?? []
      list.push({ kind: 'hang', status: 0, remaining: times, options: {} })
      faults.set(route, list)
    },
    dropNext(route, times = 1) {
      const list = faults.get(knownRoute(route)) ?? []
      list.push({ kind: 'drop', status: 0, remaining: times, options: {} })
      faults.set(route, list)
    },
    addToken(token, login, options = {}) {
      accountOf(state, login)
      const grant: FakeToken = { login, write: options.write ?? true, readOrg: options.readOrg ?? true }
      state.tokens[token] = grant
      return grant
    },
    addRepo(fullName) {
      const [owner, name] = fullName.split('/') as [string, string]
      const repo: FakeRepo = { owner, name, pulls: {}, issues: {}, comments: [] }
      state.repos[fullName.toLowerCase()] = repo
      return repo
    },
    addPull(fullName, spec) {
      const repo = repoOf(fullName)
      const used = [...Object.keys(repo.pulls), ...Object.keys(repo.issues)].map(Number)
      const number = spec.number ?? Math.max(0, ...used) + 1
      const pull: FakePull = {
        number,
        title: spec.title ?? `Pull request ${number}`,
        state: 'open',
        login: spec.login ?? 'octocat',
        head: { sha: spec.headSha ?? 'a'.repeat(40), ref: `topic-${number}` },
        base: { sha: spec.baseSha ?? 'b'.repeat(40), ref: 'main' },
        reviews: []
      }
      accountOf(state, pull.login)
      repo.pulls[number] = pull
      return pull
    },
    addReview(fullName, pullNumber, login, reviewState, commitId) {
      const pull = repoOf(fullName).pulls[pullNumber]
      if (!pull) throw new Error(`fake-github: no pull request #${pullNumber} in ${fullName}`)
      accountOf(state, login)
      const review: FakeReview = {
        id: state.nextId++,
        login,
        state: reviewState,
        commit_id: commitId ?? pull.head.sha,
        body: '',
        submitted_at: h().now()
      }
      pull.reviews.push(review)
      return review
    },
    addComment(fullName, issueNumber, login, body) {
      const repo = repoOf(fullName)
      accountOf(state, login)
      const now = h().now()
      const comment: FakeComment = {
        id: state.nextId++,
        issue_number: issueNumber,
        body,
        login,
        created_at: now,
        updated_at: now
      }
      repo.comments.push(comment)
      return comment
    },
    setTeam(orgSlashTeam, logins) {
      for (const login of logins) accountOf(state, login)
      state.teams[orgSlashTeam.toLowerCase()] = [...logins]
    },
    commentsOf(fullName, issueNumber) {
      return repoOf(fullName).comments.filter((c) => c.issue_number === issueNumber)
    },
    close() {
      return new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
    }
  }
  return fake
}
