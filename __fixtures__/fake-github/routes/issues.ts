// Issues (pull requests are listed as issues too, with a `pull_request` key): listed, opened, updated.
import type { RouteSpec } from '../router.js'
import type { FakeIssue, FakePull } from '../state.js'

/** Label names from a request: strings or { name } objects; null when neither. */
function labelNames(labels: unknown): string[] | null {
  if (labels === undefined || labels === null) return []
  if (!Array.isArray(labels)) return null
  const names: string[] = []
  for (const label of labels as unknown[]) {
    const name = typeof label === 'string' ? label : (label as { name?: unknown } | null)?.name
    if (typeof name !== 'string' || name === '') return null
    if (!names.includes(name)) names.push(name)
  }
  return names
}

export const issuesRoutes: RouteSpec[] = [
  {
    route: 'GET /repos/{owner}/{repo}/issues',
    handler: ({ params, query, h }) => {
      const repo = h.repo(params)
      if (!repo) return h.notFound()
      const state = query.state ?? 'open'
      if (!['open', 'closed', 'all'].includes(state)) return h.invalid('Issue', 'state', 'invalid')
      const wanted = (query.labels ?? '')
        .split(',')
        .map((l) => l.trim().toLowerCase())
        .filter((l) => l !== '')
      const items: (FakeIssue | FakePull)[] = [...Object.values(repo.issues), ...Object.values(repo.pulls)]
      const listed = items
        .filter((item) => state === 'all' || item.state === state)
        .filter((item) => wanted.every((l) => item.labels.some((have) => have.toLowerCase() === l)))
        .sort((a, b) => (query.direction === 'asc' ? a.number - b.number : b.number - a.number))
      return h.page(listed.map((item) => h.issueJson(repo, item)))
    }
  },
  {
    route: 'POST /repos/{owner}/{repo}/issues',
    handler: ({ params, body, caller, h }) => {
      const repo = h.repo(params)
      if (!repo) return h.notFound()
      if (!caller.grant.write) return h.error(403, 'Resource not accessible by integration')
      const input = (body ?? {}) as { title?: unknown; body?: unknown; labels?: unknown }
      if (typeof input.title !== 'string' || input.title === '')
        return h.invalid('Issue', 'title', 'missing_field')
      const tooLong = h.checkText(input, 'Issue', 'body')
      if (tooLong) return tooLong
      const labels = labelNames(input.labels)
      if (!labels) return h.invalid('Issue', 'labels', 'invalid')
      const issue: FakeIssue = {
        number: h.nextNumber(repo),
        title: input.title,
        body: typeof input.body === 'string' ? input.body : '',
        state: 'open',
        labels,
        login: caller.account.login
      }
      repo.issues[issue.number] = issue
      const json = h.issueJson(repo, issue)
      return { status: 201, body: json, headers: { location: json.url } }
    }
  },
  {
    route: 'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
    handler: ({ params, body, caller, h }) => {
      const repo = h.repo(params)
      const number = Number(params.issue_number)
      const item = repo && (repo.issues[number] ?? repo.pulls[number])
      if (!repo || !item) return h.notFound()
      if (!caller.grant.write) return h.error(403, 'Resource not accessible by integration')
      const input = (body ?? {}) as { title?: unknown; body?: unknown; state?: unknown; labels?: unknown }
      if (input.title !== undefined && (typeof input.title !== 'string' || input.title === '')) {
        return h.invalid('Issue', 'title', 'invalid')
      }
      if (input.state !== undefined && input.state !== 'open' && input.state !== 'closed') {
        return h.invalid('Issue', 'state', 'invalid')
      }
      const tooLong = h.checkText(input, 'Issue', 'body')
      if (tooLong) return tooLong
      const labels = input.labels === undefined ? item.labels : labelNames(input.labels)
      if (!labels) return h.invalid('Issue', 'labels', 'invalid')
      if (typeof input.title === 'string') item.title = input.title
      if (input.body !== undefined) item.body = typeof input.body === 'string' ? input.body : ''
      if (input.state === 'open' || input.state === 'closed') item.state = input.state
      item.labels = labels
      return { status: 200, body: h.issueJson(repo, item) }
    }
  }
]
