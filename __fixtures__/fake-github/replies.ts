// The answers handlers give as GitHub gives them: errors with GitHub's body, 422 validation failures, a
// page of a list with its `Link` header, and the lookups every handler needs (the repository, an account).
import type { Helpers } from './helpers.js'
import type { Reply } from './router.js'
import { accountOf, EPOCH } from './state.js'
import type { FakeAccount, FakeRepo, FakeState } from './state.js'

const DOCS = 'https://docs.github.com/rest'
export const COMMENT_BODY_LIMIT = 65_536

export interface Replies {
  now(): string
  account(login: string): FakeAccount & { html_url: string; url: string; node_id: string }
  repo(params: Record<string, string>): FakeRepo | undefined
  issueExists(repo: FakeRepo, number: number): boolean
  notFound(): Reply
  error(status: number, message: string, extra?: Record<string, unknown>): Reply
  validateBody(body: unknown, resource: string): Reply | null
  page(items: unknown[]): Reply
  /** 422 Validation Failed naming one field. */
  invalid(resource: string, field: string, code: string, message?: string): Reply
  /** 422 when an optional text field is not a string or longer than GitHub allows; else null. */
  checkText(body: unknown, resource: string, field: string): Reply | null
  /** The next issue / pull request number (they share one sequence). */
  nextNumber(repo: FakeRepo): number
}

export function replies(
  h: Helpers,
  state: FakeState,
  base: string,
  path: string,
  query: Record<string, string>
): Replies {
  const web = 'https://github.com'
  return {
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
    invalid: (resource, field, code, message) =>
      h.error(422, 'Validation Failed', {
        errors: [{ resource, code, field, ...(message === undefined ? {} : { message }) }]
      }),
    checkText: (body, resource, field) => {
      const value = (body as Record<string, unknown> | null)?.[field]
      if (value === undefined || value === null) return null
      if (typeof value !== 'string') return h.invalid(resource, field, 'invalid')
      if (value.length > COMMENT_BODY_LIMIT) {
        return h.invalid(
          resource,
          field,
          'custom',
          `${field} is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`
        )
      }
      return null
    },
    nextNumber: (repo) => {
      const used = [...Object.keys(repo.pulls), ...Object.keys(repo.issues)].map(Number)
      return Math.max(0, ...used) + 1
    }
  }
}
