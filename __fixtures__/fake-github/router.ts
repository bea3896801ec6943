// A route of the fake: the route as octokit names it ("METHOD /path/{param}") and the handler that answers
// it, compiled into a pattern over the request path.
import type { Helpers } from './helpers.js'
import type { FakeAccount, FakeState, FakeToken } from './state.js'

export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export interface Caller {
  token: string
  grant: FakeToken
  account: FakeAccount
}

export interface RouteContext {
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

export type Handler = (ctx: RouteContext) => Reply

export interface RouteSpec {
  /** "METHOD /path/{param}" as octokit names routes. */
  route: string
  handler: Handler
}

export interface CompiledRoute extends RouteSpec {
  method: string
  pattern: RegExp
  keys: string[]
}

export function compile(spec: RouteSpec): CompiledRoute {
  const [method, template] = spec.route.split(' ') as [string, string]
  const keys: string[] = []
  const source = template
    .split('/')
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part)
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      keys.push(m[1] as string)
      // a ref ("heads/topic/x"), a file path or a compare range of branches with slashes may arrive with
      // its slashes literal (as GitHub documents them) or as %2F: GitHub takes both, and so does the fake.
      // Either way a parameter is decoded ONCE, so a double-encoded name (heads%252Fx) names another ref.
      return ['ref', 'path', 'basehead'].includes(m[1] as string) ? '(.+)' : '([^/]+)'
    })
    .join('/')
  return { ...spec, method, pattern: new RegExp(`^${source}$`), keys }
}
