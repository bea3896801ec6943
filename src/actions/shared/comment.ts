// The sticky pull-request comment of a gate: a compact verdict report (per baseline: verdict, classification,
// the change, the findings, the steps, the tails of failed steps) with a link to the run, kept under GitHub's
// comment limit by degrading detail. Pure.
import { STICKY_COMMENT_BUDGET, stickyMarker } from '../../github/client.js'
import {
  changeTable,
  code,
  escapeMarkdown,
  failedStepTails,
  findingsTable,
  stepsTable
} from '../../evidence/markdown.js'
import type { BaselineResult, OperationResult } from '../../operations/context.js'
import { countBySeverity } from '../../rules/finding.js'
import type { Detail } from './summary.js'
import { plural } from '../../text/plural.js'

/** The marker of the sticky comment: one per operation, or per baseline when the run gates one baseline. */
export function commentMarker(operation: string, baseline: string | undefined): string {
  return baseline ? `${operation}:${baseline}` : operation
}

/** The comment shows fewer findings than the summary from the start: it is read on every push. */
export const COMMENT_LADDER: readonly Detail[] = [
  { findings: 30, tailChars: Infinity },
  { findings: 30, tailChars: 1500 },
  { findings: 30, tailChars: 0 },
  { findings: 10, tailChars: 0 },
  { findings: 0, tailChars: 0 }
]

export interface CommentContext {
  /** The run's page, or null when the environment does not say. */
  runUrl: string | null
  artifact: string | null
  /** The hidden marker the client adds (its length counts against the budget). */
  marker: string
  /** Characters the whole comment may use, marker included (default: the client's budget). */
  budget?: number
}

/** The comment body (without the marker line, which upsertStickyComment adds). */
export function renderComment(result: OperationResult, ctx: CommentContext): string {
  const budget = (ctx.budget ?? STICKY_COMMENT_BUDGET) - stickyMarker(ctx.marker).length - 1
  let text = ''
  for (const detail of COMMENT_LADDER) {
    text = render(result, ctx, detail)
    if (text.length <= budget) return text
  }
  return text // the client cuts it at a line, closing any open fence, with a note
}

function render(result: OperationResult, ctx: CommentContext, detail: Detail): string {
  const icon = result.verdict === 'PASS' ? '✅' : '❌'
  const out = [`## ${icon} baseline-gate ${result.operation}: ${result.verdict}`, '']
  if (result.baselines.length > 1) {
    out.push('| Baseline | Verdict | Classification |', '| --- | --- | --- |')
    for (const b of result.baselines) {
      out.push(`| ${escapeMarkdown(b.name)} | ${b.verdict} | ${b.change?.classification ?? '-'} |`)
    }
    out.push('')
  }
  for (const b of result.baselines) out.push(...section(b, detail))
  const hiddenTails = detail.tailChars < Infinity && result.baselines.some((b) => hasFailedTails(b))
  if (hiddenTails) {
    out.push(
      '> Some log tails are shortened or left out to fit GitHub’s comment limit; the job summary and the evidence artifact have them.',
      ''
    )
  }
  const links: string[] = []
  if (ctx.runUrl) links.push(`[The run](${ctx.runUrl})`)
  if (ctx.artifact) links.push(`evidence artifact ${code(ctx.artifact)}`)
  if (links.length > 0) out.push(`${links.join(' · ')}.`, '')
  return out.join('\n')
}

function hasFailedTails(b: BaselineResult): boolean {
  return b.steps.some((s) => s.required && s.status !== 'passed' && s.log_tail !== undefined)
}

function section(b: BaselineResult, detail: Detail): string[] {
  const c = countBySeverity(b.findings)
  const change = b.change
  const what = change
    ? change.trio_changed
      ? `${change.classification} change of the trio`
      : 'the trio did not change'
    : ''
  const out = [
    `### ${b.verdict === 'PASS' ? '✅' : '❌'} ${escapeMarkdown(b.name)}: ${b.verdict}${what ? ` (${what})` : ''}`,
    ''
  ]
  if (change) out.push(changeTable(change), '')
  out.push(
    `**Findings:** ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.notice, 'notice')}`,
    ''
  )
  if (b.findings.length > 0) out.push(findingsTable(b.findings, detail.findings), '')
  if (b.steps.length > 0) out.push(stepsTable(b.steps), '')
  if (detail.tailChars > 0) {
    const tails = failedStepTails(b.steps, detail.tailChars)
    if (tails !== '') out.push(tails)
  }
  return out
}
