// The rollback drill's checks as Markdown (the job summary, right under the headline): its verdict, then one line
// per check, proven, failed or not reached. What it does not run is said once, with the rest that did not run. Pure.
import { escapeMarkdown } from '../evidence/markdown-text.js'
import type { BaselineResult } from '../operations/context.js'
import type { DrillReport } from '../operations/rollback-drill.js'

const MARK = { true: '✅', false: '❌', null: '➖' } as const

/**
 * A failed drill whose own checks all held: the last-known-good is restorable, and what fails is something else a
 * rollback run now would stop on (the trio edited on disk, BG511; an untested restore, BG220). Found by review: the
 * drill said "NOT restorable" beside six passed checks.
 */
export const stopsOnOtherFindings = (d: DrillReport): boolean =>
  d.verdict === 'FAIL' && d.noTarget === null && !d.checks.some((c) => c.ok === false)

/** The drill's verdict in words, as every surface says it. */
export function drillVerdictWords(d: DrillReport): string {
  if (d.verdict === 'PASS') return 'the last-known-good is restorable'
  if (stopsOnOtherFindings(d))
    return 'the last-known-good is restorable, but a rollback run now would stop on the errors found'
  switch (d.noTarget) {
    case 'only-baseline':
      return 'nothing to restore yet, no earlier baseline was ever pinned'
    case 'shallow':
      return 'the last-known-good could not be searched for, the clone is shallow'
    case 'requested':
      return 'the baseline asked for (--to) is NOT restorable'
    default:
      return 'the last-known-good is NOT restorable as recorded'
  }
}

/** The drill section of one baseline ([] when the rollback was no drill). */
export function drillMarkdown(b: BaselineResult): string[] {
  const d = b.rollback?.drill
  if (!d) return []
  const words = drillVerdictWords(d)
  const head = `**Rollback drill of ${escapeMarkdown(b.name)}: ${words}** (nothing was written).`
  return [
    head,
    '',
    // what the drill does not run is said once, under "Did not run"
    ...d.checks.map(
      (c) => `- ${MARK[String(c.ok) as keyof typeof MARK]} ${c.check}: ${escapeMarkdown(c.detail)}`
    ),
    ''
  ]
}
