// The job summary: identity, posture and findings per baseline (promotion: the change, the suite steps and the
// log tails of the steps that failed), kept well under GitHub's 1 MiB limit by degrading detail. Pure.
import {
  changeTable,
  code,
  failedStepTails,
  findingsTable,
  identityTable,
  stepsTable
} from '../../evidence/markdown.js'
import type { BaselineResult, OperationResult } from '../../operations/context.js'
import { countBySeverity } from '../../rules/finding.js'
import type { Severity } from '../../rules/catalog.js'
import { plural } from '../../text/plural.js'

/** GitHub drops a summary over 1 MiB entirely; stay far below and degrade detail first. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 64 * 1024

/** How much of each baseline a rendering shows. */
export interface Detail {
  /** Findings listed (the rest are counted). */
  findings: number
  /** Characters of each failed step's log tail (0: no tails). */
  tailChars: number
}

/**
 * The ladder of details, most first: the log tails go first (shorter, then none), then the findings list. The
 * full packet is always in the evidence artifact.
 */
export const DETAIL_LADDER: readonly Detail[] = [
  { findings: Infinity, tailChars: Infinity },
  { findings: Infinity, tailChars: 1000 },
  { findings: Infinity, tailChars: 0 },
  { findings: 200, tailChars: 0 },
  { findings: 50, tailChars: 0 },
  { findings: 10, tailChars: 0 },
  { findings: 0, tailChars: 0 }
]

export interface SummaryExtras {
  /** Lines (Markdown) said after the baselines at every level of detail: what could not be posted, links. */
  notes?: string[]
  /** A limit other than SUMMARY_LIMIT_BYTES (tests). */
  limitBytes?: number
}

export function renderSummary(
  result: OperationResult,
  overflow: Record<Severity, number>,
  artifact: string | null,
  extras: SummaryExtras = {}
): string {
  const limit = extras.limitBytes ?? SUMMARY_LIMIT_BYTES
  for (const detail of DETAIL_LADDER) {
    const text = render(result, overflow, artifact, detail, extras.notes ?? [])
    if (Buffer.byteLength(text, 'utf8') <= limit) return text
  }
  const short = [
    `## ${result.verdict === 'PASS' ? '✅' : '❌'} baseline-gate ${result.operation}: ${result.verdict}`,
    '',
    'The summary was too large; the full report is in the evidence artifact.',
    '',
    ...(artifact ? [`Evidence: artifact \`${artifact}\`.`, ''] : []),
    ...(extras.notes ?? []).flatMap((n) => [n, ''])
  ].join('\n')
  // the notes themselves could be the problem (they are ours, and short): never exceed the limit
  return Buffer.byteLength(short, 'utf8') <= limit ? short : short.slice(0, Math.floor(limit / 4))
}

function render(
  result: OperationResult,
  overflow: Record<Severity, number>,
  artifact: string | null,
  detail: Detail,
  notes: string[]
): string {
  const icon = result.verdict === 'PASS' ? '✅' : '❌'
  const out = [`## ${icon} baseline-gate ${result.operation}: ${result.verdict}`, '']
  for (const b of result.baselines) out.push(...baselineSection(b, detail))
  const hidden = overflow.error + overflow.warning + overflow.notice
  if (hidden > 0) {
    out.push(
      `> Annotations show at most 10 findings per kind; ${hidden} more (${plural(overflow.error, 'error')}, ${plural(overflow.warning, 'warning')}, ${plural(overflow.notice, 'notice')}) are listed above and in the evidence.`,
      ''
    )
  }
  if (detail.tailChars < Infinity && result.baselines.some((b) => failedTails(b).length > 0)) {
    out.push(
      detail.tailChars === 0
        ? '> The log tails of the failed steps were left out to keep this summary under GitHub’s limit; every log is in the evidence artifact.'
        : `> The log tails of the failed steps are cut to their last ${detail.tailChars} characters to keep this summary under GitHub’s limit; every log is in the evidence artifact.`,
      ''
    )
  }
  for (const note of notes) out.push(note, '')
  if (artifact) out.push(`Evidence: artifact \`${artifact}\`.`, '')
  return out.join('\n')
}

function failedTails(b: BaselineResult) {
  return b.steps.filter((s) => s.required && s.status !== 'passed' && s.log_tail !== undefined)
}

function baselineSection(b: BaselineResult, detail: Detail): string[] {
  const c = countBySeverity(b.findings)
  const out = [`### ${b.verdict === 'PASS' ? '✅' : '❌'} ${b.name}: ${b.verdict}`, '']
  if (b.change) {
    out.push(
      b.change.trio_changed
        ? `The trio changed (classification **${b.change.classification}**); checked with the rules${b.steps.some((s) => s.status !== 'skipped') ? ' and the suites' : ', without the suites'}.`
        : `The trio did not change between ${code(b.change.base.slice(0, 12))} and ${code(b.change.head.slice(0, 12))}: nothing to gate.`,
      ''
    )
  }
  out.push(identityTable(b.identity, b.posture), '')
  if (b.change) out.push('#### Change', '', changeTable(b.change), '')
  out.push(
    `**Findings:** ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.notice, 'notice')}`,
    '',
    findingsTable(b.findings, detail.findings),
    ''
  )
  if (b.change) out.push('#### Steps', '')
  out.push(stepsTable(b.steps), '')
  if (detail.tailChars > 0) {
    const tails = failedStepTails(b.steps, detail.tailChars)
    if (tails !== '') out.push(tails)
  }
  if (b.redactions !== undefined && b.redactions > 0) {
    out.push(`Secrets redacted from the captured output: ${b.redactions}.`, '')
  }
  return out
}
