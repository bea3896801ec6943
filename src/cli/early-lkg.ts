// lkg's walks over the history, begun before the rest of the command line loads. lkg's time is mostly git's walk
// of the trio's history (git diffs the trio's paths of every commit against its parent's), and the walk needs only
// the root, HEAD and the trio's paths: this small part (dist/cli/early-lkg.cjs) finds them as main does and
// starts git, and main.cjs loads while git walks. main then finds them again and takes each walk asked for in
// exactly the same words (git/early-walks.ts); the ones it does not take are stopped when the command ends.
import { EarlyWalks } from '../git/early-walks.js'
import { headCommit } from '../git/git.js'
import { beginTrioWalk } from '../operations/trio-walk.js'
import { parseCommand } from './args.js'
import type { Io } from './io.js'
import { commandBaselines, commandRoot } from './scope.js'

/** The walks begun for `argv`; null when it is no lkg that can walk (main then says why, in its own words). */
export async function beginLkgWalks(argv: string[], io: Pick<Io, 'cwd' | 'env'>): Promise<EarlyWalks | null> {
  const early = new EarlyWalks()
  try {
    const cmd = parseCommand(argv)
    if (cmd.command !== 'lkg') return null
    const { root } = await commandRoot(cmd, io)
    const { baselines } = commandBaselines(cmd, io, root)
    const head = await headCommit(root)
    if (!head) return null
    for (const baseline of baselines) beginTrioWalk(early, root, head, baseline)
    return early
  } catch {
    // a usage, root or policy error is main's to report, with everything else it says
    void early.stopAll()
    return null
  }
}
