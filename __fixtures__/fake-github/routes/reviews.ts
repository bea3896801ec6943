// A pull request, its reviews, and the members of a team: what a joint approval reads.
import type { RouteSpec } from '../router.js'

export const reviewsRoutes: RouteSpec[] = [
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
    route: 'GET /orgs/{org}/teams/{team_slug}/members',
    handler: ({ params, caller, state, h }) => {
      const members = state.teams[`${params.org}/${params.team_slug}`.toLowerCase()]
      if (!members) return h.notFound()
      if (!caller.grant.readOrg) return h.error(403, 'Resource not accessible by integration')
      return h.page(members.map((login) => h.account(login)))
    }
  }
]
