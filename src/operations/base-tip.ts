// What the repin and rollback actions commit goes on top of the checked-out commit, into a pull request to the
// base branch: the checked-out commit must be that branch's tip. Run on another ref (a workflow dispatched on an
// unreviewed branch, with `base-branch: main`), the bot's commit carried that branch's commits into a pull
// request to main, written by the bot, which the branch's author could then approve.
import type { GitHubClient } from '../github/client.js'

/** Why `head` may not be proposed into `baseBranch` (it is not the branch's tip on GitHub), or null when it may. */
export async function notBaseTip(
  client: Pick<GitHubClient, 'branchHead'>,
  baseBranch: string,
  head: string
): Promise<string | null> {
  const tip = await client.branchHead(baseBranch)
  if (!tip.ok) return `the head of ${baseBranch} could not be read: ${tip.message}`
  if (tip.value === null) return `the base branch ${baseBranch} does not exist on GitHub.`
  if (tip.value !== head)
    return `the checked-out commit ${head.slice(0, 12)} is not the tip of ${baseBranch} (${tip.value.slice(0, 12)}): what is proposed into ${baseBranch} is built on its tip alone; run the workflow on ${baseBranch} (again, if it moved meanwhile).`
  return null
}
