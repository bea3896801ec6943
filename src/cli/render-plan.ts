// plan: the policy's baselines as a GitHub job matrix (`strategy.matrix: ${{ fromJSON(...) }}`). Pure.
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
    ...baselines.map((b) => `  ${b.name}  ${b.display_name}  (pin ${b.trio.pin})`)
  ].join('\n')
}
