// plan: the policy's baselines as a GitHub job matrix (`strategy.matrix: ${{ fromJSON(...) }}`). Pure.
import { inlineSafe } from '../text/terminal.js'
import type { BaselinePolicy } from '../policy/types.js'

export interface JobMatrix {
  include: { baseline: string }[]
}

export function jobMatrix(baselines: BaselinePolicy[]): JobMatrix {
  return { include: baselines.map((b) => ({ baseline: b.name })) }
}

export function renderPlan(baselines: BaselinePolicy[]): string {
  const n = baselines.length
  return [
    `${n} baseline${n === 1 ? '' : 's'}:`,
    // the policy's names, each on its line whatever the policy file holds
    ...baselines.map(
      (b) => `  ${inlineSafe(b.name)}  ${inlineSafe(b.display_name)}  (pin ${inlineSafe(b.trio.pin)})`
    )
  ].join('\n')
}
