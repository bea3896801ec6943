// The one sticky comment of this tool on a pull request: found by its hidden marker and its author,
// updated in place, posted when there is none.
import { normalised, renderStickyComment, stickyMarker } from './comment-body.js'
import { markerProblem, numberProblem } from './input-checks.js'
import type { Doing, Result } from './result.js'
import { byToken } from './session.js'
import type { Session } from './session.js'
import { upsert } from './upsert.js'

export interface StickyComment {
  id: number
  url: string
  /** true: a new comment was posted; false: our existing comment was updated (or already current). */
  created: boolean
  /** The body was cut to fit GitHub's comment limit (the comment says so). */
  truncated: boolean
}

export interface StickyCommentApi {
  /**
   * Create or update, in place, the one comment of this tool on a pull request that carries the hidden
   * marker `<!-- baseline-gate:<marker> -->` (all pages of comments are searched). The body is cut to
   * stay under GitHub's 65,536-character limit, with a note saying so.
   */
  upsertStickyComment(pr: number, marker: string, body: string): Promise<Result<StickyComment>>
}

export function stickyCommentApi(session: Session): StickyCommentApi {
  const { owner, repo, fullName, api, step, call, whoAmI } = session

  return {
    upsertStickyComment: (pr, marker, body) => {
      const doing: Doing = {
        what: `post the baseline-gate comment on pull request #${pr} of ${fullName}`,
        permission: '`pull-requests: write` (or `issues: write`)',
        subject: `the repository ${fullName} and the pull request number ${pr}`,
        note403:
          'A workflow run for a pull request from a fork gets a read-only token: the verdict is still in ' +
          'the job summary and the evidence.'
      }
      const problem = () => numberProblem(pr, 'a pull request') ?? markerProblem(marker)
      return call(doing, problem, async () => {
        const markerLine = stickyMarker(marker)
        const { text, truncated } = renderStickyComment(marker, String(body))
        const me = (await whoAmI(doing))?.toLowerCase() ?? null

        // Our comment: the first one that starts with the marker and was written by the token's user;
        // when the token cannot tell who it is, the first such comment written by a bot. A comment by
        // anyone else that happens to start with the marker is never edited.
        type Found = { id: number; html_url: string; body: string }
        const find = () =>
          step(doing, async () => {
            const pages = api().paginate.iterator(api().rest.issues.listComments, {
              owner,
              repo,
              issue_number: pr,
              per_page: 100
            })
            for await (const page of pages) {
              for (const c of page.data) {
                if (c.body?.startsWith(markerLine) && byToken(c.user, me))
                  return { id: c.id, html_url: c.html_url, body: c.body } satisfies Found
              }
            }
            return null
          })
        const posted = (data: { id: number; html_url: string }, created: boolean): StickyComment => ({
          id: data.id,
          url: data.html_url,
          created,
          truncated
        })
        return upsert({
          find,
          isCurrent: (found) => normalised(found.body) === text,
          unchanged: (found) => posted(found, false),
          update: async (found) => {
            const { data } = await step(doing, () =>
              api().rest.issues.updateComment({ owner, repo, comment_id: found.id, body: text })
            )
            return posted(data, false)
          },
          create: async () => {
            const { data } = await step(doing, () =>
              api().rest.issues.createComment({ owner, repo, issue_number: pr, body: text })
            )
            return posted(data, true)
          }
        })
      })
    }
  }
}
