// The labels of an issue or pull request, brought to what is wanted: the missing ones added (never twice), the
// ones of a mutually exclusive set that are no longer wanted removed, every other label left as it is.
import { statusOf } from './http-failure.js'
import { labelProblem, numberProblem } from './input-checks.js'
import type { Doing, Result } from './result.js'
import type { Session } from './session.js'

export interface LabelChange {
  /** The labels after the change, as GitHub lists them. */
  labels: string[]
  added: string[]
  removed: string[]
}

export interface LabelApi {
  /**
   * Give issue (or pull request) `issue` every label of `wanted` it lacks (created in the repository by GitHub
   * when new) and take off those of `exclusive` not in `wanted`; others stay. Nothing is sent when the labels
   * already are as wanted. Names compare case-insensitively, as GitHub's do. Needs `issues: write` (or
   * `pull-requests: write` for a pull request).
   */
  syncLabels(issue: number, input: { wanted: string[]; exclusive: string[] }): Promise<Result<LabelChange>>
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()

export function labelApi(session: Session): LabelApi {
  const { owner, repo, fullName, api, step, call } = session
  return {
    syncLabels: (issue, input) => {
      const { wanted, exclusive } = input ?? ({} as typeof input)
      const doing: Doing = {
        what: `set the labels of #${String(issue)} of ${fullName}`,
        permission: '`issues: write` or `pull-requests: write`',
        subject: `the repository ${fullName} and the number ${String(issue)}`
      }
      const problem = (): string | null => {
        const bad = numberProblem(issue, 'an issue')
        if (bad) return bad
        if (!Array.isArray(wanted) || !Array.isArray(exclusive)) return 'the labels are not lists.'
        for (const label of [...wanted, ...exclusive]) {
          const badLabel = labelProblem(label)
          if (badLabel) return badLabel
        }
        return null
      }
      return call(doing, problem, async () => {
        const listed = await step(doing, () =>
          api().paginate(api().rest.issues.listLabelsOnIssue, {
            owner,
            repo,
            issue_number: issue,
            per_page: 100
          })
        )
        let labels = listed.map((l) => l.name)
        const added = wanted.filter(
          (w, i) => !labels.some((l) => same(l, w)) && wanted.findIndex((x) => same(x, w)) === i
        )
        const removed = labels.filter(
          (l) => exclusive.some((e) => same(e, l)) && !wanted.some((w) => same(w, l))
        )
        if (added.length > 0) {
          const { data } = await step(doing, () =>
            api().rest.issues.addLabels({ owner, repo, issue_number: issue, labels: added })
          )
          labels = data.map((l) => l.name)
        }
        for (const name of removed) {
          await step(doing, async () => {
            try {
              await api().rest.issues.removeLabel({ owner, repo, issue_number: issue, name })
            } catch (error) {
              // already gone (a concurrent run, a person): what was wanted
              if (statusOf(error) !== 404) throw error
            }
          })
          labels = labels.filter((l) => !same(l, name))
        }
        return { labels, added, removed }
      })
    }
  }
}
