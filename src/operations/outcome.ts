// The end of every operation: one verdict over its baselines, and an evidence index when there are several.
import { basename } from 'node:path'
import type { EvidenceStore } from '../fs/evidence-store.js'
import type { OperationName } from '../policy/types.js'
import { aggregateVerdict } from '../rules/verdict.js'
import type { BaselineResult, OperationResult } from './context.js'

export function operationResult(
  evidence: EvidenceStore,
  operation: OperationName,
  baselines: BaselineResult[]
): OperationResult {
  const verdict = aggregateVerdict(baselines.map((r) => r.verdict))
  let file = baselines[0]?.evidence ?? ''
  if (baselines.length !== 1) {
    const index = {
      schema: 'evidence-index.v1',
      operation,
      verdict,
      packets: baselines.map((r) => ({ baseline: r.name, verdict: r.verdict, file: basename(r.evidence) }))
    }
    file = evidence.write(`${operation}.json`, `${JSON.stringify(index, null, 2)}\n`)
  }
  return { operation, verdict, baselines, evidence: file }
}
