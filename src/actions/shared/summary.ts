// The job summary: identity, posture and findings per baseline, kept well under GitHub's 1 MiB limit. Pure.
import { findingsTable, identityTable, stepsTable } from '../../evidence/markdown.js'
import type { OperationResult } from '../../operations/context.js'
import { countBySeverity } from '../../rules/finding.js'
import type { Severity } from '../../rules/catalog.js'

/** GitHub drops a summary over 1 MiB entirely; stay far below and degrade detail first. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 64 * 1024

export function renderSummary(
  result: OperationResult,
  overflow: Record<Severity, number>,
  artifact: string | null
): string {
  for (const limit of [Infinity, 200, 50, 10, 0]) {
    const text = render(result, overflow, artifact, limit)
    if (Buffer.byteLength(text, 'utf8') <= SUMMARY_LIMIT_BYTES) return text
  }
  return `## baseline-gate ${result.operation}: ${result.verdict}\n\nThe summary was too large; the full report is in the evidence artifact.\n`
}

function render(
  result: OperationResult,
  overflow: Record<Severity, number>,
  artifact: string | null,
  limit: number
): string {
  const icon = result.verdict === 'PASS' ? '✅' : '❌'
  const out = [`## ${icon} baseline-gate ${result.operation}: ${result.verdict}`, '']
  for (const b of result.baselines) {
    const c = countBySeverity(b.findings)
    out.push(
      `### ${b.verdict === 'PASS' ? '✅' : '❌'} ${b.name}: ${b.verdict}`,
      '',
      identityTable(b.identity, b.posture),
      '',
      `**Findings:** ${c.error} errors, ${c.warning} warnings, ${c.notice} notices`,
      '',
      findingsTable(b.findings, limit),
      '',
      stepsTable(b.steps),
      ''
    )
  }
  const hidden = overflow.error + overflow.warning + overflow.notice
  if (hidden > 0) {
    out.push(
      `> Annotations show at most 10 findings per kind; ${hidden} more (${overflow.error} errors, ${overflow.warning} warnings, ${overflow.notice} notices) are listed above and in the evidence.`,
      ''
    )
  }
  if (artifact) out.push(`Evidence: artifact \`${artifact}\`.`, '')
  return out.join('\n')
}
