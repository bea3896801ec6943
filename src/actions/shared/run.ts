// What every action does around its operation: the repository root from the inputs, and the annotations.
import * as core from '@actions/core'
import { findRoot, RootError } from '../../git/root.js'
import { DEFAULT_POLICY_PATH } from '../../policy/defaults.js'
import { planAnnotations, workspacePrefix } from './annotations.js'
import { InputError } from './inputs.js'
import type { AnnotationPlan, BaselineFinding } from './annotations.js'

/**
 * The inputs with their root resolved as the command line resolves it (src/git/root.ts): the top of the
 * checkout's work tree, or the directory below it holding the policy (a consumer inside a monorepo).
 */
export async function withRepositoryRoot<T extends { root: string }>(
  inputs: T,
  env: NodeJS.ProcessEnv
): Promise<T & { rootFrom: string }> {
  try {
    const found = await findRoot({
      given: inputs.root,
      cwd: env.GITHUB_WORKSPACE || process.cwd(),
      marker: DEFAULT_POLICY_PATH,
      label: "input 'root'"
    })
    return { ...inputs, root: found.root, rootFrom: found.start }
  } catch (e) {
    if (e instanceof RootError)
      throw new InputError(`${e.message} (check out the repository with actions/checkout first)`)
    throw e
  }
}

/**
 * Findings as annotations (paths from the workspace), within GitHub's per-kind cap. A failing step's own
 * message is one more error annotation, and `ownWarnings` the warnings the action itself will print: their
 * slots are kept free.
 */
export function annotate(
  findings: readonly BaselineFinding[],
  root: string,
  env: NodeJS.ProcessEnv,
  failing: boolean,
  ownWarnings = 0
): AnnotationPlan {
  const prefix = workspacePrefix(env.GITHUB_WORKSPACE || process.cwd(), root)
  const plan = planAnnotations(findings, prefix, failing ? 1 : 0, ownWarnings)
  for (const a of plan.annotations) {
    if (a.severity === 'error') core.error(a.message, a.properties)
    else if (a.severity === 'warning') core.warning(a.message, a.properties)
    else core.notice(a.message, a.properties)
  }
  return plan
}
