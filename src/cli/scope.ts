// Where a command looks: the root it works on and the policy's baselines it selects. main finds them so, and so
// does lkg's walk begun before main has loaded (early-lkg.ts), which must ask git in the same words.
import { findRoot } from '../git/root.js'
import type { RepositoryRoot } from '../git/root.js'
import { DEFAULT_POLICY_PATH } from '../policy/defaults.js'
import { loadPolicy, selectBaselines } from '../policy/load.js'
import type { BaselinePolicy, Policy } from '../policy/types.js'
import type { LkgCommand } from './commands.js'
import type { Io } from './io.js'

type Where = Pick<Io, 'cwd' | 'env'>

/** The root is the repository's, wherever in it the command runs: never a stray subdirectory. */
export function commandRoot(cmd: { root: string | undefined }, io: Where): Promise<RepositoryRoot> {
  return findRoot({ given: cmd.root, cwd: io.cwd, logicalCwd: io.env.PWD, marker: DEFAULT_POLICY_PATH })
}

/** The policy (--policy, or the root's) and the baselines --baseline selects of it. */
export function commandBaselines(
  cmd: Pick<LkgCommand, 'policy' | 'baseline'>,
  io: Where,
  root: string
): { policy: Policy; baselines: BaselinePolicy[] } {
  const policy = loadPolicy({ root, policyPath: cmd.policy, cwd: io.cwd })
  return { policy, baselines: selectBaselines(policy, cmd.baseline) }
}
