// Issues: the one open issue of this tool that carries a label and starts with a hidden marker line
// (found, opened or updated in place, closed), and the conversation comments of an issue.
import { fitBody, normalised, STICKY_COMMENT_BUDGET, stickyMarker } from './comment-body.js'
import type { TitleAndBody } from './comment-body.js'
import { labelProblem, markerProblem, numberProblem, titleProblem } from './input-checks.js'
import type { Doing, Result } from './result.js'
import { byToken } from './session.js'
import type { Session } from './session.js'
import { upsert } from './upsert.js'

export interface IssueRef {
  number: number
  url: string
  /** true: a new issue was opened; false: the open one was updated (or already current). */
  created: boolean
  /** The body was cut to fit GitHub's limit (the body says so). */
  truncated: boolean
}

/** An open issue found by its label and hidden marker line. */
export interface MarkedIssue {
  number: number
  url: string
  title: string
  /** The body, line endings normalised to \n. */
  body: string
  /** Who opened it (this tool's account when this tool opened it); null when GitHub does not say. */
  author: string | null
}

/** A conversation comment of an issue or pull request. */
export interface IssueComment {
  id: number
  url: string
  /** The body, line endings normalised to \n. */
  body: string
  author: string | null
  createdAt: string
}

export interface CommentRef {
  id: number
  url: string
  /** The body was cut to fit GitHub's comment limit (the comment says so). */
  truncated: boolean
}

/** What marks the one issue of a kind: its label and the hidden marker its body starts with. */
export interface IssueMark {
  marker: string
  label: string
}

export interface IssueApi {
  /**
   * The one OPEN issue carrying `label` whose body starts with the hidden marker line
   * `stickyMarker(marker)` (all pages searched, pull requests skipped): updated in place (title, body)
   * when found, else created with that label. The body is cut like a pull request's. Needs
   * `issues: write`.
   */
  upsertIssue(input: IssueMark & TitleAndBody): Promise<Result<IssueRef>>
  /**
   * The oldest OPEN issue carrying `label` whose body starts with `stickyMarker(marker)` (all pages
   * searched, pull requests skipped), the same one upsertIssue updates; null when there is none.
   * Needs `issues: read`.
   */
  findMarkedIssue(input: IssueMark): Promise<Result<MarkedIssue | null>>
  /** Every conversation comment of an issue, oldest first (all pages). Needs `issues: read`. */
  listIssueComments(issue: number): Promise<Result<IssueComment[]>>
  /**
   * A new comment on an issue; the body is cut to stay under GitHub's 65,536-character limit, with a
   * note saying so. Never retried after it may have been sent. Needs `issues: write`.
   */
  commentOnIssue(issue: number, body: string): Promise<Result<CommentRef>>
  /** Close an issue as completed (already closed: no change). Needs `issues: write`. */
  closeIssue(issue: number): Promise<Result<{ number: number; url: string }>>
}

export function issueApi(session: Session): IssueApi {
  const { owner, repo, fullName, api, step, call, whoAmI } = session

  const markedDoing = (verb: string, marker: string, label: string, permission: string): Doing => ({
    what: `${verb} issue ${String(marker)} (label ${JSON.stringify(label)}) of ${fullName}`,
    permission,
    subject: `the repository ${fullName} and that it has issues enabled`
  })
  /** The check of an issue number, as `call` takes it. */
  const issueNumber = (issue: number) => (): string | null => numberProblem(issue, 'an issue')
  const numberedDoing = (verb: string, issue: number, permission: string): Doing => ({
    what: `${verb} issue #${issue} of ${fullName}`,
    permission,
    subject: `the repository ${fullName} and the issue number ${issue}`
  })

  /**
   * Ours: the oldest open issue with the label whose body starts with the marker line, opened by the token's
   * user, or by a bot when the token cannot tell who it is (as the sticky comment is found). An issue anyone else
   * opened with the label and the marker (an issue template can set a label) is never taken: the bot would
   * report into an issue its author edits or closes. Pull requests are issues to this endpoint too; none of them
   * is ever ours.
   */
  const openMarkedIssue = (doing: Doing, label: string, markerLine: string): Promise<MarkedIssue | null> =>
    step(doing, async () => {
      const me = (await whoAmI(doing))?.toLowerCase() ?? null
      const pages = api().paginate.iterator(api().rest.issues.listForRepo, {
        owner,
        repo,
        labels: label,
        state: 'open',
        sort: 'created',
        direction: 'asc',
        per_page: 100
      })
      for await (const page of pages) {
        for (const issue of page.data) {
          if (issue.pull_request) continue
          const named = issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? '')).toLowerCase())
          if (!named.includes(label.toLowerCase())) continue
          const by = issue.user
          if (!byToken(by, me)) continue
          const now = normalised(issue.body)
          if (now.startsWith(markerLine)) {
            return {
              number: issue.number,
              url: issue.html_url,
              title: issue.title,
              body: now,
              author: issue.user?.login ?? null
            }
          }
        }
      }
      return null
    })

  return {
    upsertIssue: (input) => {
      const { marker, label, title, body } = input ?? ({} as typeof input)
      const doing = markedDoing('open or update the', marker, label, '`issues: write`')
      const problem = () => markerProblem(marker) ?? labelProblem(label) ?? titleProblem(title)
      return call(doing, problem, () => {
        const markerLine = stickyMarker(marker)
        const fitted = fitBody(
          String(body ?? ''),
          STICKY_COMMENT_BUDGET - markerLine.length - 1,
          'issue body'
        )
        const text = `${markerLine}\n${fitted.text}`
        const written = (data: { number: number; html_url: string }, created: boolean): IssueRef => ({
          number: data.number,
          url: data.html_url,
          created,
          truncated: fitted.truncated
        })
        return upsert({
          find: () => openMarkedIssue(doing, label, markerLine),
          isCurrent: (found) => found.title === title && found.body === text,
          unchanged: (found) => written({ number: found.number, html_url: found.url }, false),
          update: async (found) => {
            const { data } = await step(doing, () =>
              api().rest.issues.update({ owner, repo, issue_number: found.number, title, body: text })
            )
            return written(data, false)
          },
          create: async () => {
            const { data } = await step(doing, () =>
              api().rest.issues.create({ owner, repo, title, body: text, labels: [label] })
            )
            return written(data, true)
          }
        })
      })
    },

    findMarkedIssue: (input) => {
      const { marker, label } = input ?? ({} as typeof input)
      const doing = markedDoing('find the open', marker, label, '`issues: read`')
      return call(
        doing,
        () => markerProblem(marker) ?? labelProblem(label),
        () => openMarkedIssue(doing, label, stickyMarker(marker))
      )
    },

    listIssueComments: (issue) => {
      const doing = numberedDoing('read the comments of', issue, '`issues: read`')
      return call(doing, issueNumber(issue), async () => {
        const params = { owner, repo, issue_number: issue, per_page: 100 }
        const comments = await step(doing, () => api().paginate(api().rest.issues.listComments, params))
        return comments.map((c) => ({
          id: c.id,
          url: c.html_url,
          body: normalised(c.body),
          author: c.user?.login ?? null,
          createdAt: c.created_at
        }))
      })
    },

    commentOnIssue: (issue, body) => {
      const doing = numberedDoing('comment on', issue, '`issues: write`')
      const problem = () =>
        numberProblem(issue, 'an issue') ??
        (typeof body !== 'string' || body.trim() === '' ? 'the comment is empty.' : null)
      return call(doing, problem, async () => {
        const { text, truncated } = fitBody(body, STICKY_COMMENT_BUDGET, 'comment')
        const { data } = await step(doing, () =>
          api().rest.issues.createComment({ owner, repo, issue_number: issue, body: text })
        )
        return { id: data.id, url: data.html_url, truncated }
      })
    },

    closeIssue: (issue) => {
      const doing = numberedDoing('close', issue, '`issues: write`')
      return call(doing, issueNumber(issue), async () => {
        const closed = { state: 'closed', state_reason: 'completed' } as const
        const { data } = await step(doing, () =>
          api().rest.issues.update({ owner, repo, issue_number: issue, ...closed })
        )
        return { number: data.number, url: data.html_url }
      })
    }
  }
}
