// The labels of an issue or pull request: listed, added (a label already there is not added twice, as on
// GitHub), removed one by one.
import type { RouteSpec } from '../router.js'
import type { FakeIssue, FakePull, FakeRepo } from '../state.js'

const labelJson = (name: string) => ({ id: 0, name, color: 'ededed', default: false })

function itemOf(repo: FakeRepo | undefined, issueNumber: string): FakeIssue | FakePull | null {
  const number = Number(issueNumber)
  return (repo && (repo.issues[number] ?? repo.pulls[number])) ?? null
}

export const labelsRoutes: RouteSpec[] = [
  {
    route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/labels',
    handler: ({ params, h }) => {
      const item = itemOf(h.repo(params), params.issue_number)
      if (!item) return h.notFound()
      return h.page(item.labels.map(labelJson))
    }
  },
  {
    route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
    handler: ({ params, body, caller, h }) => {
      const item = itemOf(h.repo(params), params.issue_number)
      if (!item) return h.notFound()
      if (!caller.grant.write) return h.error(403, 'Resource not accessible by integration')
      const labels = (body as { labels?: unknown } | null)?.labels
      if (!Array.isArray(labels) || labels.some((l) => typeof l !== 'string' || l === ''))
        return h.invalid('Label', 'labels', 'invalid')
      for (const name of labels as string[])
        if (!item.labels.some((have) => have.toLowerCase() === name.toLowerCase())) item.labels.push(name)
      return { status: 200, body: item.labels.map(labelJson) }
    }
  },
  {
    route: 'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
    handler: ({ params, caller, h }) => {
      const item = itemOf(h.repo(params), params.issue_number)
      if (!item) return h.notFound()
      if (!caller.grant.write) return h.error(403, 'Resource not accessible by integration')
      const at = item.labels.findIndex((have) => have.toLowerCase() === params.name.toLowerCase())
      if (at < 0) return h.error(404, 'Label does not exist')
      item.labels.splice(at, 1)
      return { status: 200, body: item.labels.map(labelJson) }
    }
  }
]
