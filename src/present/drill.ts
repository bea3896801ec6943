// The rollback drill's checks as Markdown (the job summary, right under the headline): its verdict, then one line
// per check, proven, failed or not reached. What it does not run is said once, with the rest that did not run. Pure.
import { escapeMarkdown } from '../evidence/markdown-text.js'
import type { BaselineResult } from '../operations/context.js'

const MARK = { true: '✅', false: '❌', null: '➖' } as const

/** The drill section of one baseline ([] when the rollback was no drill). */
export function drillMarkdown(b: BaselineResult): string[] {
  const d = b.rollback?.drill
  if (!d) return []
  const head =
    d.verdict === 'PASS'
      ? `**Rollback drill of ${escapeMarkdown(b.name)}: the last-known-good is restorable** (nothing was written).`
      : d.noTarget === 'only-baseline'
        ? `**Rollback drill of ${escapeMarkdown(b.name)}: nothing to restore yet, no earlier baseline was ever pinned** (nothing was written).`
        : `**Rollback drill of ${escapeMarkdown(b.name)}: the last-known-good is NOT restorable as recorded** (nothing was written).`
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
