// One value per output over several baselines. Pure.
import type { ChangeEvidence } from '../../evidence/packet.js'

/** One posture for the whole run: NO-GO if any baseline is NO-GO, unknown ('') if any is unknown. */
export function combinedPosture(postures: (string | null)[]): string {
  if (postures.some((p) => p === 'NO-GO')) return 'NO-GO'
  if (postures.length === 0 || postures.some((p) => p === null)) return ''
  return 'GO'
}

const SEVERITY: Record<ChangeEvidence['classification'], number> = { none: 0, additive: 1, breaking: 2 }

/** The most severe classification over the baselines: breaking, then additive, else none. */
export function combinedClassification(
  classifications: ChangeEvidence['classification'][]
): ChangeEvidence['classification'] {
  let worst: ChangeEvidence['classification'] = 'none'
  for (const c of classifications) if (SEVERITY[c] > SEVERITY[worst]) worst = c
  return worst
}
