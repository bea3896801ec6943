// A change that leaves the trio alone passes the promotion gate, but may still move the producer away from the pin
// (a producer release, before its repin): the drift health will report once it is merged is said, as a warning.
// Pure: the bytes come from the gate's one read of git.
import { driftRules } from '../rules/drift.js'
import { finding } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'
import type { BaselinePolicy } from '../policy/types.js'
import { producerFilesFromBytes, producerPaths } from '../trio/load.js'
import type { Trio } from '../trio/model.js'
import { sameBytes } from './trio-files.js'

export interface ProducerBytes {
  manifest: Buffer | null
  handoff: Buffer | null
}

/** BG518 when the producer's published files changed between base and head and no longer agree with the head trio. */
export function producerMoved(
  baseline: BaselinePolicy,
  trio: Trio,
  producer: { base: ProducerBytes; head: ProducerBytes },
  now: Date
): Finding[] {
  const paths = producerPaths(baseline)
  const moved = (['manifest', 'handoff'] as const).filter(
    (k) => !sameBytes(producer.base[k], producer.head[k])
  )
  if (moved.length === 0) return []
  const drift = driftRules(trio, producerFilesFromBytes(baseline, producer.head), { now }).filter(
    (f) => f.severity === 'error'
  )
  if (drift.length === 0) return []
  const rules = [...new Set(drift.map((f) => f.rule))]
  return [
    finding(
      'BG518',
      paths[moved[0]!],
      null,
      `this change edits the producer's ${moved.map((k) => paths[k]).join(' and ')} and leaves the trio as it is; health fails on them once it is merged (${rules.join(', ')}; first: ${drift[0]!.message}): fix them here, or, for a producer release, update the trio from the release's tag (baseline-gate repin)`
    )
  ]
}
