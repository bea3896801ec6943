// BG521: what the working tree holds beside a restored trio, which the rollback suites test along with it.
import { isWithin } from '../fs/contain.js'
import { uncommittedPaths } from '../git/uncommitted.js'
import type { BaselinePolicy } from '../policy/types.js'
import { finding } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'
import { plural } from '../text/plural.js'
import { TRIO_ROLES } from '../trio/model.js'
import { join } from 'node:path'

/** At most this many paths are named in the message; the rest are counted. */
const SHOWN = 5

/**
 * The warning for files changed and not committed below the root, outside the trio and the evidence directory
 * (and the staged copies a restore writes beside the trio); none when the tree is clean or git cannot say.
 */
export async function uncommittedBeside(
  root: string,
  baseline: BaselinePolicy,
  evidenceDir: string
): Promise<Finding[]> {
  const paths = await uncommittedPaths(root)
  if (!paths) return []
  const trio = new Set<string>(TRIO_ROLES.map((r) => baseline.trio[r]))
  const ours = (path: string) =>
    trio.has(path) ||
    path.startsWith('.baseline-gate/') ||
    path.endsWith('.baseline-gate-staged') ||
    isWithin(evidenceDir, join(root, path))
  const others = paths.filter((p) => !ours(p))
  if (others.length === 0) return []
  const shown = others.slice(0, SHOWN).join(', ')
  const more = others.length > SHOWN ? `; and ${others.length - SHOWN} more` : ''
  return [
    finding(
      'BG521',
      null,
      null,
      `${plural(others.length, 'uncommitted change')} outside the trio ${others.length === 1 ? 'is' : 'are'} part of what the rollback suites test (${shown}${more}): a suite failing on ${others.length === 1 ? 'it' : 'them'} is not the last-known-good failing; commit ${others.length === 1 ? 'it' : 'them'}, or set ${others.length === 1 ? 'it' : 'them'} aside alone (git stash push --include-untracked -- <path>...: a plain stash would take the restored trio too), and run the rollback again`
    )
  ]
}
