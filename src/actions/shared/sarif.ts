// The action's SARIF file (code scanning): written beside the packets, its path the `sarif` output. A file that
// cannot be written is a warning and an empty output (the upload step's `if:` then skips): the verdict stands.
import * as core from '@actions/core'
import type { EvidenceStore } from '../../fs/evidence-store.js'
import type { OperationResult } from '../../operations/context.js'
import type { BaselinePolicy } from '../../policy/types.js'
import { actionRulesDoc, checkoutPrefix, sarifOf } from '../../present/sarif.js'

/** Writes `<evidence-dir>/<operation>[-<baseline>].sarif`; returns its path, or '' when it could not be written. */
export function writeSarif(
  evidence: EvidenceStore,
  result: OperationResult,
  baselines: readonly BaselinePolicy[],
  root: string,
  env: NodeJS.ProcessEnv
): string {
  try {
    const sarif = sarifOf(result, baselines, {
      root,
      // code scanning resolves paths from the checkout (upload-sarif's checkout_path, the workspace)
      prefix: checkoutPrefix(env.GITHUB_WORKSPACE || process.cwd(), root),
      rulesDoc: actionRulesDoc(env)
    })
    return evidence.write(sarif.name, sarif.text)
  } catch (e) {
    core.warning(`baseline-gate could not write the SARIF file: ${(e as Error).message}`)
    return ''
  }
}
