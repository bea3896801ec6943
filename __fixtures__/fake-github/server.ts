// The fake GitHub's HTTP server on loopback: it matches each request to a route, records it, injects the
// faults a test asked for (fail, hang, drop), checks the token and answers with the handler's reply and
// GitHub's headers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { helpers } from './helpers.js'
import { compile } from './router.js'
import type { Caller, CompiledRoute, Reply, RouteSpec } from './router.js'
import { commentsRoutes } from './routes/comments.js'
import { commitsRoutes } from './routes/commits.js'
import { gitDataRoutes } from './routes/git-data.js'
import { issuesRoutes } from './routes/issues.js'
import { labelsRoutes } from './routes/labels.js'
import { pullRequestsRoutes } from './routes/pull-requests.js'
import { repositoryReadsRoutes } from './routes/repository-reads.js'
import { reviewsRoutes } from './routes/reviews.js'
import { workflowRunsRoutes } from './routes/workflow-runs.js'
import { seeding } from './seeding.js'
import type { FakeSeeding } from './seeding.js'
import { accountOf } from './state.js'
import type { FailOptions, FakeRequest, FakeState } from './state.js'

export interface FakeGitHub extends FakeSeeding {
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
  /**
   * The first request held unanswered by hangNext, once it has arrived: a test's clock runs a client's
   * timeout out then, rather than after real time.
   */
  held(): Promise<FakeRequest>
  /** Resolves once the client has closed the connection of the first request held by hangNext (gave up on it). */
  heldClosed(): Promise<void>
  /** The next `times` requests matching `route` are read, then their connection is closed unanswered. */
  dropNext(route: string, times?: number): void
  /**
   * `act` runs when the next request matching `route` arrives, before it is answered: what another client did
   * meanwhile (a concurrent run moving a branch between this run's read and its write).
   */
  beforeNext(route: string, act: () => void): void
  close(): Promise<void>
}

const ROUTES: RouteSpec[] = [
  ...commentsRoutes,
  ...reviewsRoutes,
  ...repositoryReadsRoutes,
  ...commitsRoutes,
  ...gitDataRoutes,
  ...pullRequestsRoutes,
  ...issuesRoutes,
  ...labelsRoutes,
  ...workflowRunsRoutes
]

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
  let hold: (request: FakeRequest) => void = () => {}
  const held = new Promise<FakeRequest>((resolve) => (hold = resolve))
  let heldSocketClosed: () => void = () => {}
  const heldClosed = new Promise<void>((resolve) => (heldSocketClosed = resolve))
  const before = new Map<string, (() => void)[]>()
  const queueFault = (route: string, fault: Fault): void => {
    faults.set(route, [...(faults.get(knownRoute(route)) ?? []), fault])
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
    const target = req.url ?? '/'
    const mark = target.indexOf('?')
    const rawPath = mark < 0 ? target : target.slice(0, mark)
    const rawQuery = mark < 0 ? '' : target.slice(mark + 1)
    const url = new URL(target, base)
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
      rawPath,
      rawQuery,
      query,
      body,
      auth: typeof req.headers.authorization === 'string',
      route: match ? match.route.route : null,
      status: null
    }
    requests.push(entry)
    const h = helpers(state, base, path, query)

    if (!match) return send(res, entry, h.notFound())
    const acts = before.get(match.route.route)
    if (acts?.length) acts.shift()!()
    const fault = takeFault(match.route.route)
    if (fault?.kind === 'hang') {
      // accepted, never answered (close() ends the socket)
      req.socket.once('close', () => heldSocketClosed())
      return hold(entry)
    }
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

  const fake: FakeGitHub = {
    url: base,
    state,
    requests,
    routes: routes.map((r) => r.route),
    failNext: (route, status, times = 1, options = {}) =>
      queueFault(route, { kind: 'fail', status, remaining: times, options }),
    hangNext: (route, times = 1) =>
      queueFault(route, { kind: 'hang', status: 0, remaining: times, options: {} }),
    held: () => held,
    heldClosed: () => heldClosed,
    beforeNext: (route, act) =>
      before.set(knownRoute(route), [...(before.get(knownRoute(route)) ?? []), act]),
    dropNext: (route, times = 1) =>
      queueFault(route, { kind: 'drop', status: 0, remaining: times, options: {} }),
    ...seeding(state, () => base),
    close() {
      return new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
    }
  }
  return fake
}
