// The repin action: a producer release tag (workflow_dispatch or repository_dispatch) -> `repin` on the producer's
// manifest at that tag -> one pull request per baseline on `baseline-gate/repin-<baseline>`, opened or updated,
// labelled with the repin label and the release's kind. Fails the step on FAIL (a tag that is not a release, a
// trio repin refuses, a pull request that could not be opened).
import * as core from '@actions/core'
import { runRepinRelease } from '../../operations/repin-release.js'
import type { RepinPublisher } from '../../operations/repin-release.js'
import { renderRepinSummary } from '../../present/repin-summary.js'
import { githubClient, parseRepository } from '../shared/github.js'
import { readRepinInputs } from '../shared/repin-inputs.js'
import type { RepinInputs } from '../shared/repin-inputs.js'
import { actionEntry } from '../shared/shell.js'
import type { ActionRun, Operated } from '../shared/shell.js'

export const run = actionEntry({ action: 'repin', readInputs: readRepinInputs, operate: repin })

async function repin(run: ActionRun<RepinInputs>): Promise<Operated<'repin'>> {
  const { inputs, env } = run
  const client = githubClient(inputs.token, parseRepository(env.GITHUB_REPOSITORY), env)
  const publish: RepinPublisher | null = client ? { client, baseBranch: inputs.baseBranch } : null
  core.info(
    `baseline-gate repin ${inputs.tag}${publish ? ` -> a pull request into ${inputs.baseBranch}` : ''}`
  )
  const { result, reports } = await runRepinRelease(run.ctx, {
    baselines: run.baselines,
    tag: inputs.tag,
    publish
  })
  const joined = (values: (string | null)[]) => values.filter((v): v is string => !!v).join(',')
  return {
    result,
    outputs: {
      classification: joined(reports.map((r) => r.kind)),
      'pull-request-url': joined(reports.map((r) => r.pullRequestUrl))
    },
    ownWarnings: 0,
    summary: () => Promise.resolve(renderRepinSummary(result, reports)),
    redactor: null
  }
}
