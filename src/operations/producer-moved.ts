// A change that leaves the trio alone passes the promotion gate as no baseline change, but it may still break what
// health checks once it is merged: the producer's published manifest and handoff payload against the pin. Pure: the
// bytes come from the gate's one read of git.
// - A producer release (the manifest's release_tag moves): BG518, a warning that names the rules health will fail
//   on and the repin that ends it; the release and its repin are one pull request where they can be.
// - Any other edit of those files that breaks them: the drift errors themselves, which fail the change. Only the
//   failures this change brings: a rule that already failed at the base is not the change's.
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

/** The drift findings health would give once the change is merged, that it did not give at the base. */
export function producerMoved(
  baseline: BaselinePolicy,
  trio: Trio,
  producer: { base: ProducerBytes; head: ProducerBytes },
  now: Date
): Finding[] {
  const moved = (['manifest', 'handoff'] as const).filter(
    (k) => !sameBytes(producer.base[k], producer.head[k])
  )
  if (moved.length === 0) return []
  const base = producerFilesFromBytes(baseline, producer.base)
  const head = producerFilesFromBytes(baseline, producer.head)
  const errors = (files: typeof head) =>
    driftRules(trio, files, { now }).filter((f) => f.severity === 'error')
  const before = new Set(errors(base).map((f) => f.rule))
  const introduced = errors(head).filter((f) => !before.has(f.rule))
  if (introduced.length === 0) return []
  const from = base.manifest.data?.release_tag
  const to = head.manifest.data?.release_tag
  // not a release: the edit broke the producer's files, which is this change's to fix
  if (typeof to !== 'string' || to === from) return introduced
  const rules = [...new Set(introduced.map((f) => f.rule))].join(', ')
  return [
    finding(
      'BG518',
      producerPaths(baseline).manifest,
      null,
      `the producer's manifest moves to the release ${to}${typeof from === 'string' ? ` from ${from}` : ''} and the trio stays pinned to ${trio.pin.data?.release_tag ?? 'its baseline'}: once this is merged, health fails (${rules}) until the trio is repinned to ${to}; run baseline-gate repin in this pull request (the release and its trio in one change), or right after it`
    )
  ]
}
