// A change that moves the baseline's files in the policy is judged on the files the base revision's policy names,
// so that a pull request cannot point the gate at copies it left alone (BG707). Once it is merged, health judges
// the files the new policy names: what is wrong with those is the change's too. Judged here at the head revision
// and reported where the new paths are, for the moved files only (the others are judged as ever). Pure: the bytes
// come from the gate's one read of git.
import type { BaselinePolicy } from '../policy/types.js'
import { driftRules } from '../rules/drift.js'
import type { Finding } from '../rules/finding.js'
import { trioRules } from '../rules/index.js'
import { producerFilesFromBytes, trioFromBytes } from '../trio/load.js'
import type { Committed } from '../trio/load.js'
import type { TrioRole } from '../trio/model.js'
import { movedFiles } from './policy-at-base.js'
import type { ProducerBytes } from './producer-moved.js'

/** The errors health will give, once the change is merged, on the files at the paths the change moved them to. */
export function afterMerge(
  inTree: BaselinePolicy,
  judged: BaselinePolicy,
  head: { trio: Record<TrioRole, Committed>; producer: ProducerBytes },
  now: Date
): Finding[] {
  const moved = new Set(movedFiles(inTree, judged).map((m) => m.to))
  if (moved.size === 0) return []
  const trio = trioFromBytes(inTree, head.trio)
  return [
    ...trioRules(trio, { baseline: inTree, now }),
    ...driftRules(trio, producerFilesFromBytes(inTree, head.producer), { now })
  ]
    .filter((f) => f.severity === 'error' && f.file !== null && moved.has(f.file))
    .map((f) => ({
      ...f,
      message: `${f.message} (at the path this change gives the policy: health judges this file once it is merged)`
    }))
}
