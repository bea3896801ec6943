// The incident note of a rollback (runbook: trigger -> severity, timeline protocol, communication template).
// Pure: the same evidence renders the same bytes; every claim in it comes from the evidence.
import { shortCommit } from '../text/short-commit.js'
import type { Finding } from '../rules/finding.js'
import type { Identity, Posture } from '../trio/model.js'
import {
  code,
  escapeMarkdown,
  identityRows,
  keyValueTable,
  literalBlock,
  withCodeSpans
} from './markdown-text.js'
import { packetName } from './packet-name.js'
import { shownMessage } from '../text/shorten.js'

export const ROLLBACK_TRIGGERS = ['contract-drift', 'preflight-failure', 'fallback-regression'] as const
export type RollbackTrigger = (typeof ROLLBACK_TRIGGERS)[number]
export type Severity = 'SEV-1' | 'SEV-2'

/** The runbook's protocol: a deterministic fallback regression and an unexpected runtime preflight failure are user-facing (SEV-1); contract drift caught before runtime is SEV-2. */
export function severityOf(trigger: RollbackTrigger): Severity {
  return trigger === 'contract-drift' ? 'SEV-2' : 'SEV-1'
}

export type RollbackStatus = 'restored' | 'verification-failed' | 'already-current' | 'dry-run' | 'failed'

/** What a rollback records for its incident note (the evidence packet's `incident`). */
export interface IncidentEvidence {
  trigger: RollbackTrigger
  severity: Severity
  /** The operator's text, recorded literally (already redacted by the caller). */
  reason: string
  /** Always NO-GO after a rollback. */
  posture: Posture
  rolled_back_from: Identity
  /** The baseline now active (the restored one). */
  active: Identity
  /** The commit the restored trio was read from. */
  target_revision: string | null
  status: RollbackStatus
  dry_run: boolean
  /** A rollback drill: a dry run that proves the last-known-good restorable, and no incident (absent otherwise). */
  drill?: true
  /** Whether the rollback suites ran on the restored trio (false: skipped on request, or not reached). */
  suites_ran: boolean
  /** ISO instants, UTC. */
  timeline: { at: string; event: string }[]
  /** `due` is null for a dry run: it starts no incident clock. */
  next_milestone: { due: string | null; what: string }
  pull_request_url: string | null
  incident_issue_url: string | null
  /**
   * Which rules judged the restored revision: `legacy` when it was written before adoption, in the older format
   * (the restore brought it to the current one); null when nothing was restored.
   */
  target_profile: 'current' | 'legacy' | null
  /** Documentation findings of the restored files, for a follow-up change; they never block a rollback. */
  follow_up: Finding[]
}

const MINUTE_MS = 60_000
const REPIN_CONFIRMATION_MIN = 30
const JOINT_SUMMARY_MIN = 24 * 60

/**
 * The protocol's timeline: consumer re-pin confirmation within 30 min after the rollback, joint summary within
 * 24 h. Returns the next milestone given when the rollback started and its status. A dry run is no incident and
 * starts no clock: its next step has no due time.
 */
export function nextMilestone(
  startedAt: Date,
  status: RollbackStatus,
  suitesRan = true,
  dryRun = false,
  /** Why the restored trio went untested and was put back: the run was stopped, or a suite step could not start. */
  untested: 'interrupted' | 'not-started' | null = null
): { due: string | null; what: string } {
  const m = untested
    ? {
        due: new Date(startedAt.getTime() + REPIN_CONFIRMATION_MIN * MINUTE_MS).toISOString(),
        what:
          untested === 'interrupted'
            ? 'consumer re-pin confirmation: run the rollback again (this one was interrupted) and its checks pass on the restored baseline'
            : 'consumer re-pin confirmation: give the runner what the suite step that could not start needs (BG703), run the rollback again, and its checks pass on the restored baseline'
      }
    : milestone(startedAt, status, suitesRan, dryRun)
  return dryRun || status === 'dry-run' ? { ...m, due: null } : m
}

function milestone(
  startedAt: Date,
  status: RollbackStatus,
  suitesRan: boolean,
  dryRun: boolean
): { due: string; what: string } {
  const after = (minutes: number) => new Date(startedAt.getTime() + minutes * MINUTE_MS).toISOString()
  const repin = (what: string) => ({
    due: after(REPIN_CONFIRMATION_MIN),
    what: `consumer re-pin confirmation: ${what}`
  })
  switch (status) {
    // the rollback re-ran the suites on the restored trio and they passed: that is the re-pin confirmation
    case 'restored':
      if (!suitesRan)
        return repin(
          'run the rollback suites on the restored baseline (this rollback skipped them) and they pass'
        )
      return {
        due: after(JOINT_SUMMARY_MIN),
        what: 'joint incident summary by the consumer and producer owners'
      }
    case 'already-current':
      return {
        due: after(JOINT_SUMMARY_MIN),
        what: 'joint incident summary by the consumer and producer owners'
      }
    case 'verification-failed':
      return repin('the last-known-good baseline is in place and its checks pass (they failed on it)')
    case 'dry-run':
      return repin('run the rollback for real and its checks pass on the restored baseline')
    case 'failed':
      // a dry run restores nothing: what comes next is a rollback that can complete, not the one that failed
      return repin(
        dryRun
          ? 'fix what this dry run found (a rollback would not complete; nothing was written), then roll back and its checks pass'
          : 'restore the last-known-good baseline (the rollback did not complete) and its checks pass'
      )
  }
}

const dueWords = (due: string | null) =>
  due === null ? 'no due time (a dry run starts no incident clock)' : `due ${code(due)}`
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

const TRIGGER_WORDS: Record<RollbackTrigger, string> = {
  'contract-drift': 'contract drift (a contract mismatch or schema drift caught before runtime)',
  'preflight-failure': 'an unexpected runtime preflight failure after a baseline update',
  'fallback-regression': 'a deterministic fallback regression'
}

const STATUS_WORDS: Record<RollbackStatus, string> = {
  restored:
    'restored: the last-known-good trio is back in place; its rule checks and the rollback suites passed',
  'verification-failed': 'verification failed: the checks did not pass on the restored trio',
  'already-current':
    'already current: the rollback target was already the active baseline; nothing was changed',
  'dry-run': 'dry run: nothing was written',
  failed: 'failed: the rollback did not complete'
}

/** A baseline in a sentence: its tag and short commit. */
function baselineLabel(id: Identity): string {
  return `${code(id.release_tag)} (commit ${code(id.commit_sha ? shortCommit(id.commit_sha) : null)})`
}

/** Only a plain http(s) URL becomes a link; anything else is shown as inert code. */
function link(url: string): string {
  return /^https?:\/\/[^\s<>`]+$/.test(url) ? `<${url}>` : code(url)
}

const INTERRUPTED_STATUS =
  'interrupted: the run was stopped while the rollback suites ran, and the previous trio was put back'

const NOT_STARTED_STATUS =
  'not fully tested: a rollback suite step could not start (BG703), so what it tests was not tested on the restored trio, and the previous trio was put back'

/** The impact of a rollback whose suites could not start: nothing was learned of the target, nothing rolled back. */
function notStartedImpact(note: IncidentEvidence, product: string): string {
  return `The rollback of the ${product} baseline ${baselineLabel(note.rolled_back_from)} could not finish testing the restored trio: a suite step could not start (a program or directory missing on the runner, BG703), which says nothing of the restored baseline. ${baselineLabel(note.active)} is in place again; fix the runner and run the rollback again.`
}

/** The impact of a rollback interrupted while its suites ran: nothing failed, nothing was rolled back. */
function interruptedImpact(note: IncidentEvidence, product: string): string {
  return `The rollback of the ${product} baseline ${baselineLabel(note.rolled_back_from)} was interrupted while its suites ran on the restored trio, and ${baselineLabel(note.active)} is in place again; run it again to roll back.`
}

/** The one factual impact sentence: what the rollback did, by its status; nothing it did not measure. */
function impact(note: IncidentEvidence, product: string): string {
  const from = baselineLabel(note.rolled_back_from)
  const to = baselineLabel(note.active)
  switch (note.status) {
    case 'restored':
      return note.suites_ran
        ? `The ${product} baseline ${from} was withdrawn; the trio pins ${to} again, and its rule checks and the rollback suites passed. It takes effect once the restored trio is merged (the rollback pull request).`
        : `The ${product} baseline ${from} was withdrawn; the trio pins ${to} again. Its rule checks passed; the rollback suites were **not run** on it. It takes effect once the restored trio is merged (the rollback pull request).`
    // the operation may put the withdrawn trio back after failed checks: `active` says what is in place
    case 'verification-failed':
      return `The rollback of the ${product} baseline ${from} did not pass its checks on the restored trio; ${to} is the baseline active now.`
    case 'already-current':
      return `The ${product} rollback target ${to} was already the active baseline; no file was changed.`
    case 'dry-run':
      return `Dry run, nothing was changed: a rollback would withdraw the ${product} baseline ${from} and restore ${to}.`
    case 'failed':
      return note.dry_run
        ? `Dry run, nothing was changed: a rollback of the ${product} baseline ${from} would not complete; ${to} stays the baseline active.`
        : `The rollback of the ${product} baseline ${from} did not complete; ${to} is the baseline active now.`
  }
}

/** Where a finding is, in words: `file:line`, or the file, or nothing. */
function where(f: Pick<Finding, 'file' | 'line'>): string {
  if (!f.file) return ''
  return `${code(f.line ? `${f.file}:${f.line}` : f.file)} `
}

/** The follow-up section: what to fix in the restored files once the incident is over, and the run's warnings. */
function followUp(
  note: IncidentEvidence,
  h: string,
  warnings: readonly Pick<Finding, 'rule' | 'message' | 'file' | 'line'>[]
): string[] {
  const legacy =
    note.target_profile === 'legacy'
      ? [
          note.dry_run
            ? `The trio revision a rollback would restore was written before baseline-gate was adopted, in the older format: the identity rules judged it (pin, mirror digest, Baseline Pin lines and Approved row agree), and the restore would bring it to the current format (runtime cutover posture, Baseline Pin lines).`
            : `The restored trio revision was written before baseline-gate was adopted, in the older format: the identity rules judged it (pin, mirror digest, Baseline Pin lines and Approved row agree), and the restore brought it to the current format (runtime cutover posture, Baseline Pin lines).`,
          ''
        ]
      : []
  // what the run warned of (BG310: the producer's code is still the withdrawn release), said where it is read
  const warned =
    warnings.length > 0
      ? [
          'Warnings of this run:',
          '',
          ...warnings.map((f) => `- ${where(f)}${code(f.rule)} ${withCodeSpans(shownMessage(f.message))}`),
          ''
        ]
      : []
  if (note.follow_up.length === 0 && legacy.length === 0 && warned.length === 0) return []
  const items =
    note.follow_up.length === 0
      ? ['_No documentation findings in the restored files._']
      : note.follow_up.map((f) => `- ${where(f)}${code(f.rule)} ${withCodeSpans(shownMessage(f.message))}`)
  return [
    `${h}# Follow-up (does not block the rollback)`,
    '',
    ...warned,
    ...legacy,
    ...(note.follow_up.length > 0
      ? ['Documentation findings in the restored files, to fix in a later change:', '']
      : []),
    ...items,
    ''
  ]
}

/** The incident note as Markdown, following the runbook's communication template. */
export function renderIncidentNote(
  note: IncidentEvidence,
  context: {
    displayName: string
    baseline: string
    verdict: 'PASS' | 'FAIL'
    evidenceName?: string
    /** 1 for a document of its own; 2 inside the evidence packet's Markdown, under its title. */
    headingLevel?: 1 | 2
    /** The posture the pin on disk holds once the run is over (what a rollback that changed nothing left). */
    postureNow?: Posture | null
    /** The run's error findings: why a rollback that did not complete stopped. */
    problems?: readonly Pick<Finding, 'rule' | 'message'>[]
    /** The run was interrupted while its suites ran (the previous trio was put back), not failed by them. */
    interrupted?: boolean
    /** A suite step could not start (the previous trio was put back): the restored trio was not tested. */
    notStarted?: boolean
    /** The run's warnings (redacted), listed under Follow-up. */
    warnings?: readonly Pick<Finding, 'rule' | 'message' | 'file' | 'line'>[]
    /** Why the restored trio was not proposed (no branch or no pull request): said where the note is read. */
    notProposed?: readonly string[]
  }
): string {
  const h = '#'.repeat(context.headingLevel ?? 1)
  const product = escapeMarkdown(context.displayName)
  const evidence = context.evidenceName ?? `${packetName('rollback', context.baseline)}.json`
  // a rollback that did not complete (or had nothing to do) left the pin as it was: its posture is the pin's
  const unchanged = !note.dry_run && note.status !== 'restored'
  // a dry run that found a rollback would not complete: no posture would be set, the pin's stays
  const wouldNotComplete = note.dry_run && note.status === 'failed'
  const now = context.postureNow ? code(context.postureNow) : 'not recorded in the pin'
  const posture = note.dry_run
    ? `A rollback sets runtime cutover posture to ${code(note.posture)} until the consumer and producer owners jointly approve.`
    : unchanged
      ? `Nothing was rolled back: the runtime cutover posture is the pin's, ${now}; a completed rollback sets ${code(note.posture)}.`
      : `Runtime cutover posture is ${code(note.posture)} until the consumer and producer owners jointly approve.`
  const problems = context.problems ?? []
  const why = problems.slice(0, 3).map((p) => `${p.rule}: ${withCodeSpans(shownMessage(p.message))}`)
  const status: [string, string][] = [
    [
      'Status',
      note.status === 'restored' && !note.suites_ran
        ? 'restored: the last-known-good trio is back in place; its rule checks passed, the rollback suites were not run'
        : context.interrupted
          ? INTERRUPTED_STATUS
          : context.notStarted && note.status === 'verification-failed'
            ? NOT_STARTED_STATUS
            : note.status === 'failed' && note.dry_run
              ? 'dry run: a rollback would not complete; nothing was written'
              : STATUS_WORDS[note.status]
    ],
    ['Verdict', `**${context.verdict}**`],
    ['Dry run', note.dry_run ? 'yes' : 'no'],
    ...(why.length > 0 && context.verdict === 'FAIL'
      ? [
          ['Why', why.join('; ') + (problems.length > 3 ? ` (and ${problems.length - 3} more)` : '')] as [
            string,
            string
          ]
        ]
      : []),
    [
      note.dry_run
        ? 'Trio a rollback would restore, read from'
        : unchanged
          ? 'Last-known-good trio (not restored)'
          : 'Restored trio read from',
      code(note.target_revision)
    ]
  ]
  const notProposed = note.pull_request_url === null ? (context.notProposed ?? []) : []
  if (note.pull_request_url !== null) status.push(['Pull request', link(note.pull_request_url)])
  else if (notProposed.length > 0) status.push(['Pull request', 'none was opened (see below)'])
  if (note.incident_issue_url !== null) status.push(['Incident issue', link(note.incident_issue_url)])
  const timeline =
    note.timeline.length > 0
      ? note.timeline.map((t) => `- ${code(t.at)} ${escapeMarkdown(t.event)}`).join('\n')
      : '_No events recorded._'
  // the on-call reader gets the verdict, the state and the next deadline first; the template's sections follow
  const lead = [
    `**${context.verdict === 'PASS' ? '✅ PASS' : '❌ FAIL'}:** ${status[0]![1]}. Runtime cutover posture ${unchanged || wouldNotComplete ? `${now} (unchanged)` : code(note.posture)}${note.dry_run && !wouldNotComplete ? ' (what a rollback sets)' : ''}.`,
    // a failed drill or dry run says why at once too (found by review: a drill's note read FAIL with no reason)
    ...((unchanged || note.dry_run) && why.length > 0 && context.verdict === 'FAIL'
      ? ['', `**Why:** ${why.join('; ')}.`]
      : []),
    // the rollback takes effect once merged: a note read where no pull request was opened says so first
    ...notProposed.flatMap((p) => ['', `**No pull request:** ${withCodeSpans(p)}`]),
    '',
    `**Next:** ${dueWords(note.next_milestone.due)}: ${escapeMarkdown(note.next_milestone.what)}.`,
    '',
    ...(note.pull_request_url !== null || note.incident_issue_url !== null
      ? [
          [
            ...(note.pull_request_url !== null ? [`Pull request ${link(note.pull_request_url)}`] : []),
            ...(note.incident_issue_url !== null ? [`incident issue ${link(note.incident_issue_url)}`] : [])
          ].join(' · ') + '.',
          ''
        ]
      : [])
  ]
  return [
    note.drill
      ? `${h} Rollback drill: ${product} baseline ${code(context.baseline)}, trigger ${code(note.trigger)} (no incident: nothing was written)`
      : `${h} ${note.severity} incident rollback: ${product} baseline ${code(context.baseline)}, trigger ${code(note.trigger)}${note.dry_run ? ' (dry run)' : ''}`,
    '',
    ...lead,
    `${h}# Impact summary`,
    '',
    `${context.interrupted ? interruptedImpact(note, product) : context.notStarted && note.status === 'verification-failed' ? notStartedImpact(note, product) : impact(note, product)} ${posture}`,
    '',
    // a dry run changed nothing: its sections are titled for what a rollback would do, not for what is so
    note.dry_run && !wouldNotComplete
      ? `${h}# Runtime posture a rollback would set`
      : `${h}# Current runtime posture`,
    '',
    // a dry run sets nothing: the posture shown is the one the rollback would set
    wouldNotComplete
      ? `${now} (the pin's, unchanged: a rollback would not complete; one that does sets ${code(note.posture)})`
      : note.dry_run
        ? `${code(note.posture)} (what the rollback sets; this dry run changed nothing)`
        : unchanged
          ? `${now} (the pin's, unchanged: nothing was rolled back)`
          : code(note.posture),
    '',
    !note.dry_run
      ? `${h}# Baseline now active`
      : note.status === 'failed'
        ? `${h}# Baseline active now`
        : `${h}# Baseline a rollback would make active`,
    '',
    ...(note.dry_run
      ? [
          note.status === 'failed'
            ? 'The baseline active now (a rollback would not complete; this dry run changed nothing):'
            : 'The baseline a rollback makes active (this dry run changed nothing):',
          ''
        ]
      : []),
    keyValueTable(identityRows(note.active)),
    '',
    note.dry_run && note.status !== 'failed'
      ? `${h}# Baseline a rollback would replace`
      : unchanged || note.dry_run
        ? `${h}# Rollback asked from`
        : `${h}# Rolled back from`,
    '',
    keyValueTable(identityRows(note.rolled_back_from)),
    '',
    `${h}# Rollback action status`,
    '',
    keyValueTable(status),
    '',
    `${h}# Trigger and reason`,
    '',
    `Trigger: ${TRIGGER_WORDS[note.trigger]}; severity ${note.severity}.`,
    '',
    'Reason, as the operator gave it:',
    '',
    // literal: a fence longer than any backtick run in it, so nothing in it is Markdown, HTML or a mention
    note.reason === '' ? '(none given)' : literalBlock(note.reason),
    '',
    `${h}# Timeline (UTC)`,
    '',
    timeline,
    '',
    ...followUp(note, h, context.warnings ?? []),
    `${h}# Next validation milestone`,
    '',
    `${capitalised(dueWords(note.next_milestone.due))}: ${escapeMarkdown(note.next_milestone.what)}.`,
    '',
    `${closingPosture(note, unchanged, now)} until the consumer and producer owners both approve it: a posture-only change from NO-GO to GO, with an approving review from each side. The evidence is in ${code(evidence)}.`,
    ''
  ].join('\n')
}

/** The closing line's posture: only a completed rollback holds NO-GO; a dry run or one that stopped sets nothing. */
function closingPosture(note: IncidentEvidence, unchanged: boolean, now: string): string {
  if (unchanged || (note.dry_run && note.status === 'failed'))
    return `Nothing was rolled back, so the posture is the pin's (${now}). A completed rollback sets ${code('NO-GO')}, and it stays`
  if (note.dry_run)
    return `This dry run changed nothing. A rollback sets runtime cutover posture ${code('NO-GO')}, and it stays`
  return `Runtime cutover posture stays ${code('NO-GO')}`
}
