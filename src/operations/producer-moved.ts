// A change that leaves the trio alone passes the promotion gate as no baseline change, but it may still break what
// health checks once it is merged: the producer's published manifest and handoff payload against the pin. Pure: the
// bytes come from the gate's one read of git.
// - A producer release (the manifest's release_tag moves): BG518, a warning that names the rules health will fail
//   on that a repin ends (BG301, BG304); the release and its repin are one pull request where they can be.
// - Anything else the edit breaks (a release's own files as well: an invalid manifest, a handoff that disagrees
//   with it): the drift errors themselves, which fail the change. Only the failures this change brings: a finding
//   the base already had is not the change's.
import { driftRules } from '../rules/drift.js'
import { finding } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'
import type { BaselinePolicy } from '../policy/types.js'
import { producerFilesFromBytes, producerPaths } from '../trio/load.js'
import type { Committed } from '../trio/load.js'
import type { Trio } from '../trio/model.js'
import { sameBytes } from './trio-files.js'

/** The drift a repin ends: the mirror is the producer's manifest again, the pin names its release. */
const REPIN_ENDS = new Set(['BG301', 'BG304'])

export interface ProducerBytes {
  manifest: Committed
  handoff: Committed
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
  // a finding is the change's when the base did not have it: the same rule on the same file saying the same
  // (a second BG304 is new though the base had one; the line is left out, as an edit above it moves it)
  const key = (f: Finding) => `${f.rule}\0${f.file ?? ''}\0${f.message}`
  const before = new Set(errors(base).map(key))
  const introduced = errors(head).filter((f) => !before.has(key(f)))
  if (introduced.length === 0) return []
  const from = base.manifest.data?.release_tag
  const to = head.manifest.data?.release_tag
  // a release: what a repin ends (the mirror, the pin's identity against the producer's) is a warning; what is
  // wrong with the producer's own files stays an error, as repin would refuse them too
  const release = typeof to === 'string' && to !== from
  const broken = release ? introduced.filter((f) => !REPIN_ENDS.has(f.rule)) : introduced
  const repinned = release ? introduced.filter((f) => REPIN_ENDS.has(f.rule)) : []
  if (repinned.length === 0) return broken
  const rules = [...new Set(repinned.map((f) => f.rule))].join(', ')
  return [
    ...broken,
    finding(
      'BG518',
      producerPaths(baseline).manifest,
      null,
      `the producer's manifest moves to the release ${to}${typeof from === 'string' ? ` from ${from}` : ''} and the trio stays pinned to ${trio.pin.data?.release_tag ?? 'its baseline'}: once this is merged, health fails (${rules}) until the trio is repinned to ${to}; run baseline-gate repin in this pull request (the release and its trio in one change), or right after it`
    )
  ]
}
