// The Markdown report of an operation, shared by the job summary and the pull-request comment: the verdict and
// what was judged first, then what to do next and what did not run, then the findings by severity with links,
// then the details collapsed. `Detail` says how much of the long parts to show (the budget ladders). Pure.
import {
  changeTable,
  code,
  escapeMarkdown,
  failedStepTails,
  identityTable,
  stepsTable
} from '../evidence/markdown.js'
import { leftRunning } from '../evidence/left-running.js'
import type { BaselineResult, OperationResult } from '../operations/context.js'
import type { StepResult } from '../rules/verdict.js'
import { plural, thousands } from '../text/plural.js'
import { countsLine, findingsMarkdown } from '../evidence/findings-markdown.js'
import { drillMarkdown } from './drill.js'
import { context, judged, subject } from './headline.js'
import type { Trigger } from './headline.js'
import { lineToMarkdown, safeUrl } from './inline.js'
import type { Links } from './links.js'
import { nextSteps } from './next-steps.js'
import { notRun } from './not-run.js'

/** How much of each baseline a rendering shows. */
export interface Detail {
  /** Findings listed (the rest are counted). */
  findings: number
  /** Characters of each failed step's log tail (0: no tails). */
  tailChars: number
  /** Whether the collapsed details (steps, identity, change) are shown. */
  details: boolean
}

const FULL: Detail = { findings: Infinity, tailChars: Infinity, details: true }

export interface ReportOptions {
  links: Links
  /** How the run was started ("schedule", the pull request linked); null when unknown. */
  trigger: Trigger | null
  /** Markdown paragraphs of the entry (a comment it could not post, a scanner failure), said before the footer. */
  notes?: string[]
  /** What the surface is called in the cut notice: "summary", "comment". */
  surface: string
  /** Its limit in words, for the cut notice: "GitHub’s 1 MiB limit". */
  limit: string
  /** The surface's fullest rendering (the comment lists 30 findings by design): only a cut below it is said. */
  designed?: Detail
}

const icon = (v: 'PASS' | 'FAIL'): string => (v === 'PASS' ? '✅' : '❌')

export function reportMarkdown(result: OperationResult, detail: Detail, o: ReportOptions): string {
  const out = [`## ${icon(result.verdict)} ${result.verdict} · ${lineToMarkdown(judged(result))}`, '']
  const ctx = lineToMarkdown(context(result, o.trigger))
  if (ctx) out.push(ctx, '')
  // said first: a reader must know the page is not the whole report before reading it
  const cut = cutNotice(result, detail, o)
  if (cut) out.push(cut, '')
  // a rollback drill's own verdict and checks come straight under the headline
  out.push(...result.baselines.flatMap(drillMarkdown))
  const next = nextSteps(result)
  if (next.length > 0) {
    out.push('**What to do next**', '', ...next.map((l, i) => `${i + 1}. ${lineToMarkdown(l)}`), '')
  }
  const single = result.baselines.length === 1
  if (!single) out.push(...overview(result))
  for (const b of result.baselines) out.push(...baselineSection(result, b, detail, o.links, single))
  for (const note of o.notes ?? []) out.push(note, '')
  const footer: string[] = []
  if (o.links.run && safeUrl(o.links.run)) footer.push(`[The run](${o.links.run})`)
  if (o.links.artifact) footer.push(`evidence artifact ${code(o.links.artifact)}`)
  if (footer.length > 0) out.push('---', '', `${footer.join(' · ')}.`, '')
  return out.join('\n')
}

function overview(result: OperationResult): string[] {
  return [
    '| Baseline | Verdict | Judged | Findings |',
    '| --- | --- | --- | --- |',
    ...result.baselines.map(
      (b) =>
        `| ${escapeMarkdown(b.name)} | ${icon(b.verdict)} ${b.verdict} | ${lineToMarkdown(subject(b))} | ${countsLine(b.findings)} |`
    ),
    ''
  ]
}

function stepsWords(steps: StepResult[]): string {
  const by = (st: StepResult['status']) => steps.filter((s) => s.status === st).length
  const words: Record<StepResult['status'], string> = {
    passed: 'passed',
    failed: 'failed',
    'timed-out': 'timed out',
    'not-run': 'did not start',
    skipped: 'skipped'
  }
  const parts = (Object.keys(words) as StepResult['status'][])
    .filter((st) => by(st) > 0)
    .map((st) => `${by(st)} ${words[st]}`)
  return `${plural(steps.length, 'step')}: ${parts.join(', ')}`
}

function collapsed(summary: string, body: string): string[] {
  return [`<details><summary>${summary}</summary>`, '', body, '', '</details>', '']
}

function baselineSection(
  result: OperationResult,
  b: BaselineResult,
  detail: Detail,
  links: Links,
  single: boolean
): string[] {
  const out: string[] = []
  if (!single) out.push(`### ${icon(b.verdict)} ${escapeMarkdown(b.name)}: ${b.verdict}`, '')
  const missing = notRun(b)
  if (missing.length > 0)
    out.push(`**Did not run:**`, '', ...missing.map((l) => `- ${lineToMarkdown(l)}`), '')
  out.push(`${single ? '### ' : '**'}Findings: ${countsLine(b.findings)}${single ? '' : '**'}`, '')
  if (b.findings.length > 0) out.push(findingsMarkdown(b.findings, links.file, detail.findings), '')
  if (detail.tailChars > 0) {
    const tails = failedStepTails(b.steps, detail.tailChars)
    if (tails !== '') out.push(tails)
  }
  if (!detail.details) return out
  if (b.steps.length > 0) out.push(...collapsed(stepsWords(b.steps), stepsTable(b.steps)))
  const left = leftRunning(b.steps)
  const killed = b.steps.reduce((n, st) => n + (st.killed?.length ?? 0), 0)
  if (left && killed > 0)
    out.push(...collapsed(`⚠️ ${plural(killed, 'process', 'processes')} the steps left running`, left))
  if (b.change) out.push(...collapsed('The change', changeTable(b.change)))
  out.push(
    ...collapsed(
      `The baseline ${result.operation !== 'rollback' ? 'judged' : b.rollback?.status === 'dry-run' && b.rollback.target ? 'a rollback would pin (nothing was written)' : b.rollback?.status === 'dry-run' ? 'pinned (nothing was written)' : 'now pinned'}`,
      identityTable(b.identity, b.posture)
    )
  )
  if (b.redactions !== undefined && b.redactions > 0)
    out.push(`Secrets redacted from the captured output: ${b.redactions}.`, '')
  return out
}

/** What a shorter rendering left out, in words; null when nothing was. */
function cutNotice(result: OperationResult, detail: Detail, o: ReportOptions): string | null {
  const designed = o.designed ?? FULL
  const cut: string[] = []
  const findings = result.baselines.reduce(
    (n, b) => n + Math.max(0, Math.min(b.findings.length, designed.findings) - detail.findings),
    0
  )
  if (findings > 0) cut.push(`${plural(findings, 'finding')} not listed`)
  const tails = result.baselines.some((b) =>
    b.steps.some((s) => s.required && s.status !== 'passed' && s.log_tail)
  )
  if (tails && detail.tailChars === 0) cut.push('the log tails of the failed steps left out')
  else if (tails && detail.tailChars < designed.tailChars)
    cut.push(`the log tails cut to their last ${thousands(detail.tailChars)} characters`)
  if (designed.details && !detail.details) cut.push('the step, change and baseline tables left out')
  if (cut.length === 0) return null
  return `> ✂️ This ${o.surface} was shortened to fit ${o.limit}: ${cut.join('; ')}. The evidence artifact has all of it.`
}
