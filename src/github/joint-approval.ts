// The joint approval of a pull request: its reviews are read here, the owners' teams resolved through the
// API, and approvers.ts decides which reviews count.
import { countApprovals, jointDecision } from './approvers.js'
import type { NotCounted } from './approvers.js'
import { numberProblem, SHA } from './input-checks.js'
import type { Doing, Result } from './result.js'
import type { Session } from './session.js'

export interface Owners {
  /** GitHub logins or `org/team-slug` */
  consumer: string[]
  producer: string[]
}

export interface JointApproval {
  /** Consumer owners whose latest review on the head commit approves (sorted). */
  consumer: string[]
  /** Producer owners whose latest review on the head commit approves (sorted). */
  producer: string[]
  headSha: string
  /** An approving consumer owner and a DIFFERENT approving producer owner. */
  approved: boolean
  /**
   * Approvals that do not count, and why (sorted by login): the author's, a bot's, one on an older commit,
   * one withdrawn by a later request for changes, a dismissed review, one by a person who owns neither side.
   */
  notCounted: NotCounted[]
}

export interface JointApprovalApi {
  /**
   * Joint approval on the pull request's CURRENT head commit (or `options.headSha`, the head a run tested):
   * reviews on other commits are ignored, the
   * latest APPROVED / CHANGES_REQUESTED / DISMISSED review of each user counts (COMMENTED does not
   * change it), owners are logins or `org/team` (members read through the API). The pull request's
   * author and bots never count (src/github/approvers.ts). Approved when an approving consumer owner and an
   * approving producer owner are two different people: someone listed on both sides never satisfies both
   * sides alone.
   */
  jointApproval(pr: number, owners: Owners, options?: { headSha?: string }): Promise<Result<JointApproval>>
}

interface OwnerSpec {
  kind: 'login' | 'team'
  /** login, or org/team-slug, as written (minus a leading @) */
  name: string
}

function parseOwner(entry: string): OwnerSpec | null {
  const name = entry.trim().replace(/^@/, '')
  if (/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/.test(name)) return { kind: 'login', name }
  if (/^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name))
    return { kind: 'team', name }
  return null
}

/** Each side's owners parsed, or why the owners allow no joint approval. */
function parseOwners(owners: Owners): { consumer: OwnerSpec[]; producer: OwnerSpec[] } | string {
  const specs = { consumer: [] as OwnerSpec[], producer: [] as OwnerSpec[] }
  for (const side of ['consumer', 'producer'] as const) {
    for (const entry of owners?.[side] ?? []) {
      const spec = parseOwner(String(entry))
      if (!spec) {
        return (
          `the ${side} owner ${JSON.stringify(entry)} is neither a GitHub login nor org/team. Fix the owners ` +
          'in the policy.'
        )
      }
      specs[side].push(spec)
    }
    if (specs[side].length === 0) {
      return (
        `the policy names no ${side} owners, so no joint approval is possible. Add GitHub logins or ` +
        'org/team entries to its owners.'
      )
    }
  }
  return specs
}

export function jointApprovalApi(session: Session): JointApprovalApi {
  const { owner, repo, fullName, api, step, call } = session
  return {
    jointApproval: (pr, owners, options = {}) => {
      const doing: Doing = {
        what: `check the joint approval of pull request #${pr} of ${fullName}`,
        permission: '`pull-requests: read`',
        subject: `the repository ${fullName} and the pull request number ${pr}`
      }
      let specs: Exclude<ReturnType<typeof parseOwners>, string> = { consumer: [], producer: [] }
      const problem = () => {
        const parsed = numberProblem(pr, 'a pull request') ?? parseOwners(owners)
        if (typeof parsed === 'string') return parsed
        specs = parsed
        return null
      }
      return call(doing, problem, async () => {
        const { data: pull } = await step(doing, () => api().rest.pulls.get({ owner, repo, pull_number: pr }))
        // the commit the run tested (a later push makes a new run): reviews on any other commit do not count
        const headSha = options.headSha && SHA.test(options.headSha) ? options.headSha : pull.head.sha
        const reviews = await step(doing, () =>
          api().paginate(api().rest.pulls.listReviews, { owner, repo, pull_number: pr, per_page: 100 })
        )
        const author = pull.user ? { login: pull.user.login, type: pull.user.type ?? null } : null
        const counted = countApprovals(
          reviews
            .filter((r) => r.user)
            .map((r) => ({
              login: (r.user as { login: string }).login,
              userType: r.user?.type ?? null,
              state: r.state,
              commitId: r.commit_id ?? null,
              submittedAt: r.submitted_at ?? null
            })),
          { headSha, author }
        )

        const teamCache = new Map<string, Set<string>>()
        const members = async (team: string): Promise<Set<string>> => {
          const key = team.toLowerCase()
          const known = teamCache.get(key)
          if (known) return known
          const [org, slug] = team.split('/') as [string, string]
          const teamDoing: Doing = {
            what: `resolve the members of team ${team} (an owner of ${fullName}) for pull request #${pr}`,
            permission:
              'organization `members: read` (a workflow GITHUB_TOKEN cannot read teams: use a GitHub App or ' +
              'fine-grained token, or list the owners by login)',
            subject: `that the team ${team} exists`
          }
          const list = await step(teamDoing, () =>
            api().paginate(api().rest.teams.listMembersInOrg, { org, team_slug: slug, per_page: 100 })
          )
          const set = new Set(list.filter((m) => m !== null).map((m) => m.login.toLowerCase()))
          teamCache.set(key, set)
          return set
        }
        const logins = async (side: OwnerSpec[]): Promise<Set<string>> => {
          const set = new Set<string>()
          if (counted.approvers.length === 0) return set // nobody's approval counts: no need to read any team
          for (const spec of side) {
            if (spec.kind === 'login') set.add(spec.name.toLowerCase())
            else for (const m of await members(spec.name)) set.add(m)
          }
          return set
        }
        const decision = jointDecision(counted.approvers, {
          consumer: await logins(specs.consumer),
          producer: await logins(specs.producer)
        })
        const { consumer, producer, approved } = decision
        const notCounted = [...counted.notCounted, ...decision.notOwners].sort((a, b) =>
          a.login.toLowerCase().localeCompare(b.login.toLowerCase())
        )
        return { consumer, producer, headSha, approved, notCounted }
      })
    }
  }
}
