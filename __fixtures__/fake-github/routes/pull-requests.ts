// Pull requests: listed, opened, updated.
import { isAncestor } from '../git-objects.js'
import type { RouteSpec } from '../router.js'
import type { FakePull } from '../state.js'

export const pullRequestsRoutes: RouteSpec[] = [
  {
    route: 'GET /repos/{owner}/{repo}/pulls',
    handler: ({ params, query, h }) => {
      const repo = h.repo(params)
      if (!repo) return h.notFound()
      const state = query.state ?? 'open'
      if (!['open', 'closed', 'all'].includes(state)) return h.invalid('PullRequest', 'state', 'invalid')
      let pulls = Object.values(repo.pulls).filter((p) => state === 'all' || p.state === state)
      // head is "owner:branch"; GitHub ignores a head without the owner
      const colon = query.head?.indexOf(':') ?? -1
      if (query.head !== undefined && colon > 0) {
        const user = query.head.slice(0, colon).toLowerCase()
        const ref = query.head.slice(colon + 1)
        pulls = pulls.filter((p) => user === repo.owner.toLowerCase() && p.head.ref === ref)
      }
      if (query.base !== undefined) pulls = pulls.filter((p) => p.base.ref === query.base)
      // sort=created (the default) is the creation order, which the numbers follow; newest first by default
      pulls.sort((a, b) => (query.direction === 'asc' ? a.number - b.number : b.number - a.number))
      return h.page(pulls.map((p) => h.pullJson(repo, p)))
    }
  },
  {
    route: 'POST /repos/{owner}/{repo}/pulls',
    handler: ({ params, body, caller, h }) => {
      const repo = h.repo(params)
      if (!repo) return h.notFound()
      if (!caller.grant.write) return h.error(403, 'Resource not accessible by integration')
      if (caller.account.login === 'github-actions[bot]' && !repo.actionsCanCreatePullRequests) {
        return h.error(403, 'GitHub Actions is not permitted to create or approve pull requests.')
      }
      const input = (body ?? {}) as { title?: unknown; head?: unknown; base?: unknown; body?: unknown }
      for (const field of ['title', 'head', 'base'] as const) {
        const value = input[field]
        if (typeof value !== 'string' || value === '') return h.invalid('PullRequest', field, 'missing_field')
      }
      const tooLong = h.checkText(input, 'PullRequest', 'body')
      if (tooLong) return tooLong
      let head = input.head as string
      const colon = head.indexOf(':')
      if (colon >= 0) {
        // forks are not modelled: only this repository's owner
        if (head.slice(0, colon).toLowerCase() !== repo.owner.toLowerCase()) {
          return h.invalid('PullRequest', 'head', 'invalid')
        }
        head = head.slice(colon + 1)
      }
      const base = input.base as string
      const headSha = repo.git.refs[`refs/heads/${head}`]
      const baseSha = repo.git.refs[`refs/heads/${base}`]
      if (!headSha) return h.invalid('PullRequest', 'head', 'invalid')
      if (!baseSha) return h.invalid('PullRequest', 'base', 'invalid')
      const open = Object.values(repo.pulls).find(
        (p) => p.state === 'open' && p.head.ref === head && p.base.ref === base
      )
      if (open) {
        return h.error(422, 'Validation Failed', {
          errors: [
            {
              resource: 'PullRequest',
              code: 'custom',
              message: `A pull request already exists for ${repo.owner}:${head}.`
            }
          ]
        })
      }
      if (isAncestor(repo.git, headSha, baseSha)) {
        return h.error(422, 'Validation Failed', {
          errors: [
            { resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${head}` }
          ]
        })
      }
      const pull: FakePull = {
        number: h.nextNumber(repo),
        title: input.title as string,
        body: typeof input.body === 'string' ? input.body : '',
        state: 'open',
        login: caller.account.login,
        labels: [],
        head: { sha: headSha, ref: head },
        base: { sha: baseSha, ref: base },
        reviews: []
      }
      repo.pulls[pull.number] = pull
      const json = h.pullJson(repo, pull)
      return { status: 201, body: json, headers: { location: json.url as string } }
    }
  },
  {
    route: 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}',
    handler: ({ params, body, caller, h }) => {
      const repo = h.repo(params)
      const pull = repo && repo.pulls[Number(params.pull_number)]
      if (!repo || !pull) return h.notFound()
      if (!caller.grant.write) return h.error(403, 'Resource not accessible by integration')
      const input = (body ?? {}) as { title?: unknown; body?: unknown; state?: unknown }
      if (input.title !== undefined && (typeof input.title !== 'string' || input.title === '')) {
        return h.invalid('PullRequest', 'title', 'invalid')
      }
      if (input.state !== undefined && input.state !== 'open' && input.state !== 'closed') {
        return h.invalid('PullRequest', 'state', 'invalid')
      }
      const tooLong = h.checkText(input, 'PullRequest', 'body')
      if (tooLong) return tooLong
      if (typeof input.title === 'string') pull.title = input.title
      if (input.body !== undefined) pull.body = typeof input.body === 'string' ? input.body : ''
      if (input.state === 'open' || input.state === 'closed') pull.state = input.state
      return { status: 200, body: h.pullJson(repo, pull) }
    }
  }
]
