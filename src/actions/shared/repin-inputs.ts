// The inputs of the repin action, read once into one typed object (the readers of the other actions are in
// inputs.ts; the shared parts come from there).
import { baseBranchInput, readCommonInputs, releaseTagInput } from './inputs.js'
import type { CommonInputs } from './inputs.js'
import type { GetInput } from './io.js'

export interface RepinInputs extends CommonInputs {
  /** The producer release tag to propose (strictly checked: it only ever names refs/tags/<tag>). */
  tag: string
  /** A GitHub token ('' when none): the branch, the pull request and its labels. */
  token: string
  /** The branch the repin pull request targets. */
  baseBranch: string
}

export function readRepinInputs(get: GetInput<'repin'>, env: NodeJS.ProcessEnv): RepinInputs {
  const common = readCommonInputs(get, env, 'repin')
  const tag = releaseTagInput(get, 'tag', {
    required: true,
    what: "the producer's release tag (e.g. v1.4.0)",
    hint: `${get('tag').trim() === '' ? ' (it is required: the workflow_dispatch input tag, or client_payload.tag of a repository_dispatch)' : ''}. Nothing was written.`
  })
  const token = get('token').trim()
  return {
    ...common,
    tag,
    token,
    // without a token repin writes the workspace only: no pull request, no branch to target
    baseBranch: token === '' ? '' : baseBranchInput(get, env, 'the repin pull request')
  }
}
