// The health action: inputs -> operation -> outputs, job summary, annotations. Fails the step on FAIL.
import * as core from '@actions/core'
import { createEvidenceStore } from '../../files/evidence-store.js'
import { runHealth } from '../../operations/health.js'
import { loadPolicy, selectBaselines } from '../../policy/load.js'
import { PolicyError } from '../../policy/types.js'
import { actionContext, annotate } from '../shared/run.js'
import { artifactName, checkNodeVersion, InputError, readHealthInputs } from '../shared/inputs.js'
import { combinedPosture } from '../shared/outputs.js'
import { renderSummary } from '../shared/summary.js'

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    checkNodeVersion()
    const inputs = readHealthInputs((name) => core.getInput(name), env)
    const policy = loadPolicy({ root: inputs.root, policyPath: inputs.policy })
    const baselines = selectBaselines(policy, inputs.baseline)
    const evidence = createEvidenceStore(inputs.evidenceDir)
    const result = await runHealth(actionContext(inputs.root, policy, evidence, env), {
      baselines,
      probe: inputs.probe
    })
    const findings = result.baselines.flatMap((b) => b.findings)
    const failing = result.verdict === 'FAIL'
    const plan = annotate(findings, inputs.root, env, failing)
    const artifact = artifactName('health', inputs.baseline, env)
    core.setOutput('verdict', result.verdict)
    core.setOutput('posture', combinedPosture(result.baselines.map((b) => b.posture)))
    core.setOutput('findings-count', String(findings.length))
    core.setOutput('evidence-dir', evidence.dir)
    core.setOutput('artifact-name', artifact)
    await core.summary.addRaw(renderSummary(result, plan.overflow, artifact)).write()
    core.info(
      `baseline-gate health: ${result.verdict} (${findings.length} findings); evidence in ${evidence.dir}`
    )
    if (failing) {
      const errors = findings.filter((f) => f.severity === 'error').length
      core.setFailed(
        `baseline health FAIL: ${errors} error${errors === 1 ? '' : 's'} (see the annotations and the job summary)`
      )
    }
  } catch (e) {
    if (e instanceof InputError || e instanceof PolicyError) core.setFailed(e.message)
    else core.setFailed(`baseline-gate internal error: ${(e as Error)?.message ?? String(e)}`)
  }
}
