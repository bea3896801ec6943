// Drift mode of the health action (issue 6): one issue per baseline while its scheduled health check fails.
// On FAIL the open issue (label `baseline-drift`, hidden marker `drift:<baseline>`) gets a comment saying what
// changed since the last run, or is opened when there is none; on PASS it is closed with a comment. Never a new
// issue per run. The findings of each run are kept in a hidden machine-readable block of the issue body or of the
// comment, so the next run can compare with them.
import { code, escapeMarkdown } from '../../evidence/markdown.js'
import type { GitHubClient, Result } from '../../github/client.js'
import { stickyMarker } from '../../github/client.js'
import type { BaselineResult } from '../../operations/context.js'
import { plural } from '../../text/plural.js'
import { shorten } from '../../source/shorten.js'

export const DRIFT_LABEL = 'baseline-drift'

/** The hidden marker of a baseline's drift issue (and of the comments this tool adds to it). */
export const driftMarker = (baseline: string): string => `drift:${baseline}`

/** One thing that makes health fail or warn, as compared from run to run (by rule, file and line). */
export interface DriftItem {
  rule: string
  file: string | null
  line: number | null
  severity: 'error' | 'warning'
  message: string
}

/** What one run recorded in its hidden block. */
export interface DriftRecord {
  /** The commit checked. */
  sha: string
  /** "<run id>.<attempt>", or "" outside a workflow run. */
  run: string
  items: DriftItem[]
}

/** At most this many items are recorded (the rest are counted), so the block stays far below GitHub's limit. */
export const MAX_RECORDED_ITEMS = 200
const MAX_MESSAGE = 160
/** At most this many lines per section of a comment. */
const MAX_LISTED = 50

const BLOCK_START = '<!-- baseline-gate:findings '
const BLOCK_END = ' -->'

/** The errors and warnings of a baseline, and the required steps that did not pass (notices are no drift). */
export function driftItems(b: BaselineResult): DriftItem[] {
  const items: DriftItem[] = []
  for (const f of b.findings) {
    if (f.severity === 'notice') continue
    items.push({ rule: f.rule, file: f.file, line: f.line, severity: f.severity, message: f.message })
  }
  for (const s of b.steps) {
    if (!s.required || s.status === 'passed' || s.status === 'skipped') continue
    items.push({ rule: 'step', file: s.name, line: null, severity: 'error', message: `step ${s.status}` })
  }
  return items
}

export const itemKey = (i: Pick<DriftItem, 'rule' | 'file' | 'line'>): string =>
  `${i.rule}|${i.file ?? ''}|${i.line ?? ''}`

/**
 * The hidden block: JSON inside an HTML comment. Every `-`, `<` and `>` (which only occur inside JSON strings
 * here) is written as a \u escape, so nothing in a message or a path can close the comment.
 */
export function renderBlock(record: DriftRecord): string {
  const items = record.items.slice(0, MAX_RECORDED_ITEMS).map((i) => ({
    rule: i.rule,
    file: i.file,
    line: i.line,
    severity: i.severity,
    message: shorten(i.message, MAX_MESSAGE)
  }))
  const json = JSON.stringify({ v: 1, sha: record.sha, run: record.run, items }).replace(
    /[-<>]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
  return `${BLOCK_START}${json}${BLOCK_END}`
}

/** The last well-formed block of `text`, or null. */
export function parseBlock(text: string): DriftRecord | null {
  let found: DriftRecord | null = null
  let from = 0
  for (;;) {
    const start = text.indexOf(BLOCK_START, from)
    if (start < 0) return found
    const end = text.indexOf(BLOCK_END, start + BLOCK_START.length)
    if (end < 0) return found
    from = end + BLOCK_END.length
    try {
      const value = JSON.parse(text.slice(start + BLOCK_START.length, end)) as unknown
      const record = asRecord(value)
      if (record) found = record
    } catch {
      // not ours, or damaged: keep looking
    }
  }
}

function asRecord(value: unknown): DriftRecord | null {
  if (typeof value !== 'object' || value === null) return null
  const { v, sha, run, items } = value as Record<string, unknown>
  if (v !== 1 || typeof sha !== 'string' || typeof run !== 'string' || !Array.isArray(items)) return null
  const parsed: DriftItem[] = []
  for (const raw of items as unknown[]) {
    if (typeof raw !== 'object' || raw === null) return null
    const i = raw as Record<string, unknown>
    if (typeof i.rule !== 'string' || typeof i.message !== 'string') return null
    if (i.file !== null && typeof i.file !== 'string') return null
    if (i.line !== null && typeof i.line !== 'number') return null
    parsed.push({
      rule: i.rule,
      file: i.file,
      line: i.line,
      severity: i.severity === 'warning' ? 'warning' : 'error',
      message: i.message
    })
  }
  return { sha, run, items: parsed }
}

export interface DriftDiff {
  added: DriftItem[]
  resolved: DriftItem[]
  still: DriftItem[]
}

/** What changed from `before` to `now`, by rule, file and line. */
export function diffItems(before: DriftItem[], now: DriftItem[]): DriftDiff {
  const was = new Set(before.map(itemKey))
  const is = new Set(now.map(itemKey))
  return {
    added: now.filter((i) => !was.has(itemKey(i))),
    resolved: before.filter((i) => !is.has(itemKey(i))),
    still: now.filter((i) => was.has(itemKey(i)))
  }
}

export interface DriftInput {
  baseline: string
  verdict: 'PASS' | 'FAIL'
  items: DriftItem[]
  /** The commit checked (GITHUB_SHA). */
  sha: string
  /** "<run id>.<attempt>", or "". */
  run: string
  /** The run's page, or null. */
  runUrl: string | null
  /** Applied to every text before it is posted (the redactor). */
  redact?: (text: string) => Promise<string>
}

export type DriftOutcome =
  | { action: 'opened' | 'commented' | 'closed'; number: number; url: string }
  /** PASS and no open issue: nothing to do. */
  | { action: 'none' }
  /** This very run (same id and attempt) already commented: not said twice. */
  | { action: 'already-recorded'; number: number; url: string }

export type DriftClient = Pick<
  GitHubClient,
  'findMarkedIssue' | 'listIssueComments' | 'commentOnIssue' | 'closeIssue' | 'upsertIssue'
>

/** Open, comment on or close the baseline's drift issue. A failure is a Result, never a throw. */
export async function syncDriftIssue(client: DriftClient, input: DriftInput): Promise<Result<DriftOutcome>> {
  const marker = driftMarker(input.baseline)
  const redact = input.redact ?? ((t: string) => Promise.resolve(t))
  const record: DriftRecord = { sha: input.sha, run: input.run, items: input.items }
  const found = await client.findMarkedIssue({ marker, label: DRIFT_LABEL })
  if (!found.ok) return found
  const issue = found.value

  if (!issue) {
    if (input.verdict === 'PASS') return { ok: true, value: { action: 'none' } }
    const body = await redact(`${renderBlock(record)}\n${openingText(input)}`)
    const opened = await client.upsertIssue({
      marker,
      label: DRIFT_LABEL,
      title: `Baseline drift: ${input.baseline} health fails`,
      body
    })
    if (!opened.ok) return opened
    return { ok: true, value: { action: 'opened', number: opened.value.number, url: opened.value.url } }
  }

  // the previous findings: the newest block this tool wrote (a comment of the issue's author, else the body)
  const comments = await client.listIssueComments(issue.number)
  if (!comments.ok) return comments
  const markerLine = stickyMarker(marker)
  const ours = comments.value.filter(
    (c) => c.body.startsWith(markerLine) && (issue.author === null || c.author === issue.author)
  )
  let previous: DriftRecord | null = null
  for (const c of [...ours].reverse()) {
    previous = parseBlock(c.body)
    if (previous) break
  }
  previous ??= parseBlock(issue.body)
  if (previous && input.run !== '' && previous.run === input.run && input.verdict === 'FAIL') {
    return { ok: true, value: { action: 'already-recorded', number: issue.number, url: issue.url } }
  }

  const text =
    input.verdict === 'FAIL' ? failingText(input, previous) : passingText(input, previous, issue.number)
  const body = await redact(`${markerLine}\n${renderBlock(record)}\n${text}`)
  const commented = await client.commentOnIssue(issue.number, body)
  if (!commented.ok) return commented
  if (input.verdict === 'FAIL') {
    return { ok: true, value: { action: 'commented', number: issue.number, url: issue.url } }
  }
  const closed = await client.closeIssue(issue.number)
  if (!closed.ok) return closed
  return { ok: true, value: { action: 'closed', number: issue.number, url: issue.url } }
}

// ---------------------------------------------------------------------------------------------------
// The texts

const ICON = { error: '❌', warning: '⚠️' } as const

function at(input: DriftInput): string {
  const sha = code(input.sha ? input.sha.slice(0, 12) : 'unknown')
  return input.runUrl ? `${sha} ([run](${input.runUrl}))` : sha
}

function list(items: DriftItem[]): string[] {
  const lines = items.slice(0, MAX_LISTED).map((i) => {
    const where = !i.file ? '' : ` ${code(i.line ? `${i.file}:${i.line}` : i.file)}`
    return `- ${ICON[i.severity]} ${i.rule}${where}: ${escapeMarkdown(i.message)}`
  })
  if (items.length > MAX_LISTED)
    lines.push(`- … and ${items.length - MAX_LISTED} more (see the evidence artifact)`)
  return lines
}

function openingText(input: DriftInput): string {
  const errors = input.items.filter((i) => i.severity === 'error').length
  return [
    `## Baseline drift: ${code(input.baseline)} health fails`,
    '',
    `The scheduled health check of the baseline ${code(input.baseline)} failed at ${at(input)}: ` +
      `${plural(errors, 'error')}, ${plural(input.items.length - errors, 'warning')}.`,
    '',
    'This issue stays open while the check fails: each failing run comments with what changed since the run ' +
      'before, and the first passing run closes it. The full report is in the job summary and the evidence ' +
      'artifact of each run.',
    '',
    '### Findings',
    '',
    ...(input.items.length > 0 ? list(input.items) : ['_No findings: a required step did not pass._']),
    ''
  ].join('\n')
}

function failingText(input: DriftInput, previous: DriftRecord | null): string {
  const out = [`### ❌ Health still fails at ${at(input)}`, '']
  if (!previous) {
    out.push('The findings of the previous run could not be read; these are the current ones.', '')
    out.push(...list(input.items), '')
    return out.join('\n')
  }
  const d = diffItems(previous.items, input.items)
  const since = `since the last run (at ${code(previous.sha ? previous.sha.slice(0, 12) : 'unknown')})`
  if (d.added.length === 0 && d.resolved.length === 0) {
    out.push(
      `Nothing changed ${since}: ${d.still.length} finding${d.still.length === 1 ? '' : 's'} still there.`,
      ''
    )
  } else {
    out.push(
      `${d.added.length} new, ${d.resolved.length} resolved, ${d.still.length} still there ${since}.`,
      ''
    )
  }
  if (d.added.length > 0) out.push('#### New', '', ...list(d.added), '')
  if (d.resolved.length > 0) out.push('#### Resolved', '', ...list(d.resolved), '')
  if (d.still.length > 0) out.push('#### Still there', '', ...list(d.still), '')
  return out.join('\n')
}

function passingText(input: DriftInput, previous: DriftRecord | null, issue: number): string {
  const out = [`### ✅ Health passes again at ${at(input)}`, '']
  const resolved = previous ? diffItems(previous.items, input.items).resolved : []
  if (resolved.length > 0) out.push('Resolved since the last run:', '', ...list(resolved), '')
  if (input.items.length > 0) {
    out.push('Warnings that remain (they do not fail health):', '', ...list(input.items), '')
  }
  out.push(`Closing #${issue}; a new failure opens a new issue.`, '')
  return out.join('\n')
}
