// Drift mode of the health action (issue 6), and of the rollback drill (issue 17, its own issue per baseline):
// one issue per baseline while its scheduled check fails.
// On FAIL the open issue (label `baseline-drift`, hidden marker `drift:<baseline>`) gets a comment saying what
// changed since the last run, or is opened when there is none; on PASS it is closed with a comment. Never a new
// issue per run. The findings of each run are kept in a hidden machine-readable block of the issue body or of the
// comment, so the next run can compare with them.
import { code, escapeMarkdown, linkText, withCodeSpans } from '../../evidence/markdown.js'
import type { GitHubClient, Result } from '../../github/client.js'
import { stickyMarker } from '../../github/client.js'
import type { BaselineResult } from '../../operations/context.js'
import { plural } from '../../text/plural.js'
import { shorten, shortenMiddle } from '../../text/shorten.js'

export const DRIFT_LABEL = 'baseline-drift'

/** Which scheduled check a drift issue is about: each has its own issue per baseline. */
export type DriftCheck = 'health' | 'rollback-drill'

/** The hidden marker of a baseline's drift issue (and of the comments this tool adds to it). */
export const driftMarker = (baseline: string, check: DriftCheck = 'health'): string =>
  check === 'health' ? `drift:${baseline}` : `drift:${baseline}:${check}`

/** How each check is named in its issue: the title, what was judged, and the command that reproduces it. */
const CHECK_WORDS: Record<
  DriftCheck,
  { title: (b: string) => string; judged: string; command: (b: string) => string; noun: string }
> = {
  health: {
    title: (b) => `Baseline drift: ${b} health fails`,
    judged: 'health',
    // npx --no: the package is on no registry, so only the checkout's own install may run (never a download)
    command: (b) => `npx --no baseline-gate health --baseline ${b}`,
    noun: 'health'
  },
  'rollback-drill': {
    title: (b) => `Baseline drift: ${b} last-known-good is not restorable (rollback drill)`,
    judged: 'the rollback drill',
    command: (b) =>
      `npx --no baseline-gate rollback --drill --baseline ${b} --trigger contract-drift --reason "rollback drill"`,
    noun: 'the rollback drill'
  }
}

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
    items.push({ rule: 'step', file: s.name, line: null, severity: 'error', message: s.status })
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
    message: shorten(i.message, MAX_MESSAGE, 'quote')
  }))
  const json = JSON.stringify({ v: 1, sha: record.sha, run: record.run, items }).replace(
    /[-<>]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
  return `${BLOCK_START}${json}${BLOCK_END}`
}

/**
 * The block of a body this tool wrote (an issue's or a comment's), or null: the line right after the marker
 * line, where this tool puts it, and nowhere else. The text below quotes paths and messages of the pull request
 * (inline code keeps a `<`), so a block found further down may be a forged one, which would set what the next
 * run calls new, still failing and resolved.
 */
export function parseBlock(body: string): DriftRecord | null {
  // a body edited on GitHub comes back with CRLF line ends
  const line = body.split(/\r?\n/, 2)[1]
  if (line === undefined || !line.startsWith(BLOCK_START) || !line.endsWith(BLOCK_END)) return null
  try {
    return asRecord(JSON.parse(line.slice(BLOCK_START.length, -BLOCK_END.length)) as unknown)
  } catch {
    // damaged: no previous findings
    return null
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
  /** A finding's file and line at the commit checked (a blob URL), or null (no link). */
  fileUrl?: (path: string, line: number | null) => string | null
  /** Applied to every text before it is posted (the redactor). */
  redact?: (text: string) => Promise<string>
  /** The scheduled check (default health). */
  check?: DriftCheck
  /** The command that reproduces the check (default: the check's own, with its default words). */
  command?: string
  /** A rule's help (docs/rules.md of the action's repository at its ref, as the SARIF's helpUri), or null. */
  ruleUrl?: (rule: string) => string | null
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
  const marker = driftMarker(input.baseline, input.check)
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
      title: CHECK_WORDS[input.check ?? 'health'].title(input.baseline),
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
// The texts, shaped as the on-call operator reads them: the first line says the verdict, what was judged and
// what to do next; then what is new, what is still failing, what is resolved (each list capped, saying how many
// more there are and where).

/** A finding of this run (marked by severity), or one of the previous run that this run no longer has. */
type Kind = 'current' | 'resolved'

/** A message longer than this is cut in its middle, at words, in a list: the evidence artifact has it whole. */
const MAX_SHOWN = 480
/** At most this many rules are named in the next step. */
const MAX_RULES_NAMED = 3

const shortSha = (sha: string): string => code(sha ? sha.slice(0, 12) : 'unknown')

/** "run 1002" (or "run 1002, attempt 2") from "<run id>.<attempt>"; "" outside a workflow run. */
function runLabel(run: string): string {
  const [id = '', attempt = '1'] = run.split('.')
  if (id === '') return ''
  return escapeMarkdown(attempt === '1' ? `run ${id}` : `run ${id}, attempt ${attempt}`)
}

/** This run, linked to its page when known. */
function thisRun(input: DriftInput): string {
  const label = runLabel(input.run) || 'this run'
  return input.runUrl ? `[${label}](${input.runUrl})` : label
}

/** Where the findings a list leaves out are: the evidence artifact of the run that found them. */
function inEvidenceOf(run: DriftInput | DriftRecord | null): string {
  const which = run === null ? '' : 'runUrl' in run ? thisRun(run) : runLabel(run.run)
  return `see the evidence artifact of ${which || 'the previous run'}`
}

/** What was judged: the baseline at the commit, in the run. */
function judged(input: DriftInput): string {
  const run = input.run || input.runUrl ? ` (${thisRun(input)})` : ''
  return `${CHECK_WORDS[input.check ?? 'health'].judged} of ${code(input.baseline)} at ${shortSha(input.sha)}${run}`
}

/** "a", "a and b", "a, b and c". */
function joined(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
}

/** Errors first; the order within a severity is kept. */
const bySeverity = (items: DriftItem[]): DriftItem[] =>
  [...items].sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'))

/** What to do about a failure: reproduce it locally, and read the fix of the rules that fail it (errors first). */
function nextStep(input: DriftInput, failing: DriftItem[]): string {
  const command = input.command ?? CHECK_WORDS[input.check ?? 'health'].command(input.baseline)
  const local = `**Next:** run ${code(command)} locally`
  const errors = failing.filter((i) => i.severity === 'error')
  const rules = [...new Set((errors.length > 0 ? errors : failing).map((i) => i.rule))].filter(
    (r) => r !== 'step'
  )
  if (rules.length === 0) return `${local}; the log of ${thisRun(input)} says why the step did not pass.`
  // a link that works from the consumer's repository (the tool's docs at the action's ref), else the code alone:
  // docs/rules.md is not in the consumer's repository
  const urls = rules.map((r) => input.ruleUrl?.(r) ?? null)
  const named = rules
    .slice(0, MAX_RULES_NAMED)
    .map((r, i) =>
      urls[i] && /^https?:\/\/[^\s()<>]+$/.test(urls[i]) ? `[${linkText(r)}](${urls[i]})` : code(r)
    )
  if (rules.length > MAX_RULES_NAMED) named.push(plural(rules.length - MAX_RULES_NAMED, 'more rule'))
  const where = urls.some((u) => u !== null) ? '' : " in baseline-gate's docs/rules.md"
  return `${local}; see the ${rules.length === 1 ? 'fix' : 'fixes'} of ${joined(named)}${where}.`
}

function listLine(i: DriftItem, kind: Kind, input: DriftInput): string {
  const loc = i.file ? code(i.line ? `${i.file}:${i.line}` : i.file) : ''
  // a current finding links to its line at the commit checked; a resolved one is not there any more
  const url =
    i.file && i.rule !== 'step' && kind === 'current' ? (input.fileUrl?.(i.file, i.line) ?? null) : null
  const where = loc ? ` ${url ? `[${loc}](${url})` : loc}` : ''
  // cut in the middle: the message's close says what to do
  const message = withCodeSpans(shortenMiddle(i.message, MAX_SHOWN))
  // a resolved finding's message says what was wrong: read as current, it would contradict the check mark
  if (kind === 'resolved') return `- ✅ ${escapeMarkdown(i.rule)}${where}, was: ${message}`
  return `- ${i.severity === 'error' ? '❌' : '⚠️'} ${escapeMarkdown(i.rule)}${where}: ${message}`
}

/** A titled list, errors first, at most MAX_LISTED lines; `rest` says where the ones left out are. */
function section(title: string, items: DriftItem[], kind: Kind, rest: string, input: DriftInput): string[] {
  if (items.length === 0) return []
  const lines = bySeverity(items)
    .slice(0, MAX_LISTED)
    .map((i) => listLine(i, kind, input))
  const more = items.length - MAX_LISTED
  if (more > 0) lines.push(`- … and ${plural(more, 'more finding')}: ${rest}.`)
  return [`#### ${title} (${items.length})`, '', ...lines, '']
}

const counts = (items: DriftItem[]): string => {
  const errors = items.filter((i) => i.severity === 'error').length
  return `${plural(errors, 'error')}, ${plural(items.length - errors, 'warning')}`
}

/** What the check does not run, said on every text of its issue ([] when it runs everything). */
function notChecked(input: DriftInput): string[] {
  return input.check === 'rollback-drill'
    ? ['_Not checked: the rollback suites (a real rollback runs them)._', '']
    : []
}

function openingText(input: DriftInput): string {
  return [
    `❌ **FAIL** · ${judged(input)} · ${counts(input.items)}. ${nextStep(input, input.items)}`,
    '',
    ...notChecked(input),
    ...(input.items.length > 0
      ? section('Findings', input.items, 'current', inEvidenceOf(input), input)
      : ['_No findings: a required step did not pass._', '']),
    'This issue stays open while the check fails: each failing run comments with what changed since the run ' +
      'before, and the first passing run closes it. The full report of each run is in its job summary and ' +
      'evidence artifact.',
    ''
  ].join('\n')
}

function failingText(input: DriftInput, previous: DriftRecord | null): string {
  const current = inEvidenceOf(input)
  if (!previous) {
    return [
      `❌ **Still FAIL** · ${judged(input)} · ${counts(input.items)}; the findings of the previous run could ` +
        `not be read, so all are listed. ${nextStep(input, input.items)}`,
      '',
      ...notChecked(input),
      ...section('Findings', input.items, 'current', current, input)
    ].join('\n')
  }
  const d = diffItems(previous.items, input.items)
  const since = `since ${shortSha(previous.sha)}`
  const change =
    d.added.length === 0 && d.resolved.length === 0
      ? `nothing changed ${since}: ${d.still.length} still failing`
      : `${d.added.length} new, ${d.still.length} still failing, ${d.resolved.length} resolved ${since}`
  return [
    `❌ **Still FAIL** · ${judged(input)} · ${change}. ${nextStep(input, [...d.added, ...d.still])}`,
    '',
    ...notChecked(input),
    ...section('New', d.added, 'current', current, input),
    ...section('Still failing', d.still, 'current', current, input),
    ...section('Resolved', d.resolved, 'resolved', inEvidenceOf(previous), input)
  ].join('\n')
}

function passingText(input: DriftInput, previous: DriftRecord | null, issue: number): string {
  const resolved = previous ? diffItems(previous.items, input.items).resolved : []
  const since = previous
    ? `${plural(resolved.length, 'finding')} resolved since ${shortSha(previous.sha)}; `
    : ''
  const next =
    input.items.length > 0
      ? `**Next:** nothing is required: warnings do not fail ${CHECK_WORDS[input.check ?? 'health'].noun}.`
      : '**Next:** nothing; a new failure opens a new issue.'
  return [
    `✅ **PASS** · ${judged(input)} · ${since}closing #${issue}. ${next}`,
    '',
    ...notChecked(input),
    ...section('Warnings that remain', input.items, 'current', inEvidenceOf(input), input),
    ...section('Resolved', resolved, 'resolved', inEvidenceOf(previous), input)
  ].join('\n')
}
