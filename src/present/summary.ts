// The job summary of an action: the shared Markdown report, kept under GitHub's 1 MiB limit by walking down
// the detail ladder, with the annotations it could not show counted. Pure.
import type { OperationResult } from '../operations/context.js'
import type { Severity } from '../rules/catalog.js'
import { plural } from '../text/plural.js'
import { fit, SUMMARY_LADDER, SUMMARY_LIMIT_BYTES } from './budget.js'
import { judged } from './headline.js'
import type { Trigger } from './headline.js'
import { lineToMarkdown } from './inline.js'
import type { Links } from './links.js'
import { reportMarkdown } from './report-markdown.js'

export interface SummaryInput {
  links: Links
  trigger: Trigger | null
  /** Markdown paragraphs said at every level of detail: what could not be posted, links. */
  notes?: string[]
  /** Findings the annotations could not show, by kind. */
  overflow?: Record<Severity, number>
  /** A limit other than SUMMARY_LIMIT_BYTES (tests). */
  limitBytes?: number
}

export function renderSummary(result: OperationResult, input: SummaryInput): string {
  const limit = input.limitBytes ?? SUMMARY_LIMIT_BYTES
  const notes = [...overflowNote(input.overflow), ...(input.notes ?? [])]
  const options = {
    links: input.links,
    trigger: input.trigger,
    notes,
    surface: 'summary',
    limit: 'GitHub’s 1 MiB limit'
  }
  const fits = (text: string) => Buffer.byteLength(text, 'utf8') <= limit
  const text = fit((detail) => reportMarkdown(result, detail, options), SUMMARY_LADDER, fits)
  if (text !== null) return text
  const short = [
    `## ${result.verdict === 'PASS' ? '✅' : '❌'} ${result.verdict} · ${lineToMarkdown(judged(result))}`,
    '',
    '> ✂️ The report was too large for a job summary even without its findings; the evidence artifact has all of it.',
    '',
    ...(input.links.artifact ? [`Evidence: artifact \`${input.links.artifact}\`.`, ''] : []),
    ...notes.flatMap((n) => [n, ''])
  ].join('\n')
  // the notes are ours and short, but never exceed the limit
  return fits(short) ? short : short.slice(0, Math.floor(limit / 4))
}

function overflowNote(overflow: Record<Severity, number> | undefined): string[] {
  if (!overflow) return []
  const hidden = overflow.error + overflow.warning + overflow.notice
  if (hidden === 0) return []
  return [
    `> Annotations show at most 10 findings per kind; ${hidden} more (${plural(overflow.error, 'error')}, ${plural(overflow.warning, 'warning')}, ${plural(overflow.notice, 'notice')}) are listed above and in the evidence.`
  ]
}
