// The one open pull request from a branch of this repository into another: updated in place, or opened.
import { fitBody, normalised, STICKY_COMMENT_BUDGET } from './comment-body.js'
import type { TitleAndBody } from './comment-body.js'
import { alreadyExists } from './http-failure.js'
import { branchProblem, titleProblem } from './input-checks.js'
import { refuse } from './result.js'
import type { Doing, Result } from './result.js'
import { byToken } from './session.js'
import type { Session } from './session.js'
import { upsert } from './upsert.js'

export interface PullRequestRef {
  number: number
  url: string
  /** true: a new pull request was opened; false: the open one was updated (or already current). */
  created: boolean
  /** false: the open pull request already had this title and body, and was left as it was. */
  changed: boolean
  /** The body was cut to fit GitHub's limit (the body says so). */
  truncated: boolean
}

export interface PullRequestApi {
  /**
   * The one OPEN pull request from `head` (a branch of this repository) into `base`: updated in place
   * (title, body) when one exists, else created. The body is cut to stay under GitHub's 65,536-character
   * limit, with a note saying so. Needs `pull-requests: write`.
   */
  upsertPullRequest(input: BranchPair & TitleAndBody): Promise<Result<PullRequestRef>>
  /** The OPEN pull request from `head` (a branch of this repository) into `base`, whoever opened it; null: none. */
  openPullRequest(input: BranchPair): Promise<Result<OpenPullRequest | null>>
}

/** A pull request's branches: from `head` (a branch of this repository) into `base`. */
export interface BranchPair {
  head: string
  base: string
}

export interface OpenPullRequest {
  number: number
  url: string
  /** Who opened it (null when GitHub does not say). */
  author: string | null
  /** Opened with this token (as upsertPullRequest decides): the only one it edits. */
  ours: boolean
}

/** The refusal of a pull request from the gate's branch that someone else opened. */
export function notOurs(pull: { number: number; author: string | null }, head: string): string {
  return `pull request #${pull.number} from ${head} was opened by ${pull.author ?? 'someone else'}, not with this token, and is not edited: close it, or delete the branch ${head} (baseline-gate's own: the next run makes it again), and run the workflow again`
}

/** Why a pull request from `head` into `base` titled `title` cannot be asked for, or null. */
function inputProblem(head: unknown, base: unknown, title: unknown): string | null {
  for (const [name, branch] of [
    ['head', head],
    ['base', base]
  ] as const) {
    const bad = branchProblem(branch)
    if (bad) return `the ${name} branch name ${JSON.stringify(branch)} ${bad}.`
  }
  if (head === base) return 'the head and the base are the same branch.'
  return titleProblem(title)
}

export function pullRequestApi(session: Session): PullRequestApi {
  const { owner, repo, fullName, api, step, call, whoAmI } = session
  /** As comments and issues: opened with this token; a pull request whose author GitHub does not give is no one's. */
  const openedByToken = async (user: { login: string; type?: string } | null, doing: Doing) =>
    byToken(user, (await whoAmI(doing))?.toLowerCase() ?? null)
  /** The open pull request from `head` into `base` of this repository (never a fork's branch of that name). */
  const findOpen = async (head: string, base: string) => {
    const pages = api().paginate.iterator(api().rest.pulls.list, {
      owner,
      repo,
      state: 'open',
      head: `${owner}:${head}`,
      base,
      per_page: 100
    })
    for await (const page of pages) {
      for (const pull of page.data) {
        // GitHub filters already; checked again so that a fork's branch of the same name never matches
        const from = pull.head.repo?.full_name?.toLowerCase()
        if (pull.head.ref === head && pull.base.ref === base && from === fullName.toLowerCase()) return pull
      }
    }
    return null
  }
  return {
    openPullRequest: (input) => {
      const { head, base } = input ?? ({} as typeof input)
      const doing: Doing = {
        what: `read the open pull request from ${String(head)} into ${String(base)} of ${fullName}`,
        permission: '`pull-requests: read`',
        subject: `the repository ${fullName}`
      }
      return call(
        doing,
        () => inputProblem(head, base, 'x'),
        () =>
          step(doing, async () => {
            const pull = await findOpen(head, base)
            if (!pull) return null
            return {
              number: pull.number,
              url: pull.html_url,
              author: pull.user?.login ?? null,
              ours: await openedByToken(pull.user, doing)
            }
          })
      )
    },
    upsertPullRequest: (input) => {
      const { head, base, title, body } = input ?? ({} as typeof input)
      const doing: Doing = {
        what: `open or update the pull request from ${String(head)} into ${String(base)} of ${fullName}`,
        permission: '`pull-requests: write`',
        subject: `the repository ${fullName} and its branches ${String(head)} and ${String(base)}`
      }
      return call(
        doing,
        () => inputProblem(head, base, title),
        () => {
          const { text, truncated } = fitBody(String(body ?? ''), STICKY_COMMENT_BUDGET, 'pull request body')
          type Found = { number: number; html_url: string; title: string; body: string | null }
          const opened = (data: Found, created: boolean, changed = true): PullRequestRef => ({
            number: data.number,
            url: data.html_url,
            created,
            changed,
            truncated
          })
          return upsert({
            find: () =>
              step(doing, async (): Promise<Found | null> => {
                const pull = await findOpen(head, base)
                if (!pull) return null
                // a person's pull request from the gate's branch keeps its title and description
                if (!(await openedByToken(pull.user, doing)))
                  refuse(
                    doing,
                    notOurs({ number: pull.number, author: pull.user?.login ?? null }, String(head))
                  )
                return pull
              }),
            isCurrent: (found) => found.title === title && normalised(found.body) === text,
            unchanged: (found) => opened(found, false, false),
            update: async (found) => {
              const { data } = await step(doing, () =>
                api().rest.pulls.update({ owner, repo, pull_number: found.number, title, body: text })
              )
              return opened(data, false)
            },
            // not a step: a pull request opened meanwhile (a concurrent run) is updated instead
            create: async () => {
              const { data } = await api().rest.pulls.create({ owner, repo, head, base, title, body: text })
              return opened(data, true)
            },
            createdMeanwhile: alreadyExists
          })
        }
      )
    }
  }
}
