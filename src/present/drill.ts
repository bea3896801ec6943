// The rollback drill's checks as Markdown (the job summary): one line per check, proven, failed or not reached,
// and what the drill does not check. Pure.
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
      : `**Rollback drill of ${escapeMarkdown(b.name)}: the last-known-good is NOT restorable as recorded** (nothing was written).`
  return [
    head,
    '',
    ...d.checks.map(
      (c) => `- ${MARK[String(c.ok) as keyof typeof MARK]} ${c.check}: ${escapeMarkdown(c.detail)}`
    ),
    ...d.notRun.map((n) => `- ➖ not checked: ${escapeMarkdown(n.text)}`),
    ''
  ]
}
