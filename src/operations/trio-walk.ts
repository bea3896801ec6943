// git's walk over the history of a baseline's trio, newest first, as lkg and rollback read it
// (operations/last-known-good.ts); begun early by the command line's lkg (cli/early-lkg.ts) in the same words.
import type { EarlyWalks } from '../git/early-walks.js'
import { beginWalkRevisionsTouching, walkRevisionsTouching } from '../git/history.js'
import type { Revision } from '../git/history.js'
import type { GitStream } from '../git/git.js'
import type { BaselinePolicy } from '../policy/types.js'
import { TRIO_ROLES } from '../trio/model.js'

const trioPaths = (baseline: BaselinePolicy) => TRIO_ROLES.map((r) => baseline.trio[r])

// the baselines the branch had, as the promotion gate reads the pin's history (BG509): a pull request's own
// commits, merged with a merge commit, were never the branch's baseline (a rebase merge puts each of them on the
// branch: the gate refuses a change whose commits leave the trio as neither end of it has it, BG529)
const FIRST_PARENT = { firstParent: true }

/** The trio's revisions in the history of `head` (a resolved commit), each handed to `onRevision` as git finds it. */
export function walkTrio(
  root: string,
  head: string,
  baseline: BaselinePolicy,
  onRevision: (rev: Revision) => void,
  early?: EarlyWalks
): GitStream {
  return walkRevisionsTouching(root, head, trioPaths(baseline), onRevision, { ...FIRST_PARENT, early })
}

/** walkTrio's walk begun now, for walkTrio to take once the rest of the command has loaded. */
export function beginTrioWalk(early: EarlyWalks, root: string, head: string, baseline: BaselinePolicy): void {
  beginWalkRevisionsTouching(early, root, head, trioPaths(baseline), FIRST_PARENT)
}
