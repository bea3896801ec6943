// Conversation comments of issues and pull requests, and who the token is (GET /user).
import type { RouteSpec } from '../router.js'
import type { FakeComment } from '../state.js'

export const commentsRoutes: RouteSpec[] = [
  {
    route: 'GET /user',
    handler: ({ caller, h }) => {
      // installation tokens (GITHUB_TOKEN) cannot read /user
      if (caller.account.type === 'Bot') return h.error(403, 'Resource not accessible by integration')
      return { status: 200, body: h.account(caller.account.login) }
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
  }
]
