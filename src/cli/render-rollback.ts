// The terminal and JSON renderings of `lkg` and of a rollback's outcome. Pure.
import { shortCommit } from '../text/short-commit.js'
import { mapStrings } from '../text/map-strings.js'
import { inlineSafe } from '../text/terminal.js'
import type { PassedOver } from '../classify/last-known-good.js'
import type { RollbackReport } from '../operations/context.js'
import { AT_SHALLOW_CUT } from '../operations/last-known-good.js'
import type { LkgReport } from '../operations/last-known-good.js'
import type { DrillReport } from '../operations/rollback-drill.js'
import { drillVerdictWords } from '../present/drill.js'
import type { Identity } from '../trio/model.js'
import type { Style } from './style.js'
import { plural } from '../text/plural.js'
import { shownMessage, shownValue } from '../text/shorten.js'

function describe(id: Identity | null | undefined): string {
  if (!id) return '?'
  const shown = (v: string | null) => shownValue(v ?? '?')
  return `${shown(id.release_tag)} (commit ${id.commit_sha ? shortCommit(id.commit_sha) : '?'}, ${shown(id.service_contract_version)}, ${shown(id.api_contract_version)})`
}

/** Passed-over revisions: a long run of one reason is one line, so a deep history stays readable. */
function passedOverLines(over: PassedOver[], s: Style): string[] {
  const out: string[] = []
  for (let i = 0; i < over.length;) {
    let j = i
    while (j + 1 < over.length && over[j + 1]!.reason === over[i]!.reason && over[i]!.reason !== 'invalid')
      j++
    const p = over[i]!
    if (j - i >= 2) {
      out.push(
        `    ${s.dim(`${p.commit.slice(0, 12)}..${over[j]!.commit.slice(0, 12)}`)}  ${j - i + 1} revisions: ${p.reason}`
      )
    } else {
      for (let k = i; k <= j; k++) {
        const q = over[k]!
        // the rules that judged it (or would have), said as such: "[current]" read like a reason
        out.push(
          `    ${s.dim(q.commit.slice(0, 12))}  ${shownValue(q.release_tag ?? '?')} (${q.profile} rules): ${shownMessage(q.detail)}`
        )
      }
    }
    i = j + 1
  }
  return out
}

/** @param policyBaselines how many baselines the policy has: a command for fewer names its own */
export function renderLkg(given: LkgReport[], s: Style, policyBaselines = given.length): string {
  // what the pins state, on one line each: a newline in a value must not print a line of its own (the parsed trio
  // the report also holds is not rendered)
  const reports = given.map(({ baseline, head, identity, lkg, targetAtCut }) => ({
    ...mapStrings({ baseline, head, identity, lkg }, inlineSafe),
    targetAtCut
  }))
  const out: string[] = []
  for (const r of reports) {
    out.push(s.bold(`baseline-gate lkg · ${r.baseline}`))
    out.push(
      s.dim(
        `  current: ${describe(r.identity)} at ${r.head.slice(0, 12)}; ${plural(r.lkg.revisions, 'trio revision')} read`
      )
    )
    const t = r.lkg.target
    if (t) {
      out.push(`  ${s.green('last-known-good')}: ${describe(t.identity)}`)
      out.push(`    trio revision ${t.commit} (${t.date}); ${judgedBy(t.profile, t.reported.length)}`)
      if (r.targetAtCut) out.push(`    ${s.yellow(`this revision is ${AT_SHALLOW_CUT}`)}`)
      out.push('    not Rolled back in the ledger')
    } else {
      out.push(`  ${s.red('no last-known-good baseline')}: ${r.lkg.problem ?? ''}`)
    }
    if (r.lkg.passedOver.length > 0) {
      out.push(`  passed over (newest first):`)
      out.push(...passedOverLines(r.lkg.passedOver, s))
    }
    out.push('')
  }
  // what to do with the answer (found by review: lkg named a target and left the reader there); with several
  // baselines, each step names whose it is (found by review: one without a target was left out)
  out.push('next:')
  out.push(...lkgNext(reports, policyBaselines).map((line, i) => `  ${i + 1}. ${line}`))
  return out.join('\n')
}

function lkgNext(
  reports: readonly { baseline: string; lkg: { target: unknown } }[],
  total: number
): string[] {
  const restorable = reports.filter((r) => r.lkg.target).map((r) => r.baseline)
  const none = reports.filter((r) => !r.lkg.target).map((r) => r.baseline)
  const whose = (names: string[]) => (reports.length > 1 ? `${names.join(', ')}: ` : '')
  const steps = (flag: string) => [
    `Prove the restore without writing anything: npx --no baseline-gate rollback --drill${flag} --trigger KIND --reason "WHY"`,
    `In an incident, restore it: npx --no baseline-gate rollback${flag} --trigger KIND --reason "WHY" (or the rollback workflow; docs/runbook.md)`
  ]
  // a rollback is one incident's: with several baselines in the policy, each command names its own, even when all
  // could be restored (found by review: a command for all rolled back the healthy ones too)
  const restore =
    restorable.length === 0
      ? []
      : total <= 1
        ? steps('')
        : restorable.flatMap((name) => steps(` --baseline ${name}`).map((s) => `${whose([name])}${s}`))
  return [
    ...restore,
    ...(none.length > 0
      ? [
          `${whose(none)}Nothing can be restored: the reasons are above (docs/troubleshooting.md, "No last-known-good baseline: BG510").`
        ]
      : [])
  ]
}

/** How the target was judged, in words. */
function judgedBy(profile: 'current' | 'legacy', reported: number): string {
  if (profile === 'current') return 'valid at that revision under the current rules'
  const old =
    reported === 0
      ? ''
      : `; ${plural(reported, 'finding')} of the older format not held against it (a rollback brings it to the current format)`
  return `written before adoption: valid under the legacy profile (pin, mirror digest, Baseline Pin lines and Approved row agree)${old}`
}

/** @param policyBaselines as renderLkg's: the same next steps as the terminal (found by review: JSON had none) */
export function lkgJson(reports: LkgReport[], policyBaselines = reports.length): object {
  return {
    next_steps: lkgNext(
      reports.map((r) => ({ baseline: r.baseline, lkg: { target: r.lkg.target } })),
      policyBaselines
    ),
    baselines: reports.map((r) => ({
      name: r.baseline,
      head: r.head,
      current: r.identity,
      shallow: r.shallow,
      revisions: r.lkg.revisions,
      target: r.lkg.target,
      passed_over: r.lkg.passedOver,
      problem: r.lkg.problem
    }))
  }
}

const STATUS: Record<RollbackReport['status'], string> = {
  restored: 'restored; the rules passed on it (the suites: see below)',
  'verification-failed': 'restored, but it failed verification: the previous trio was put back',
  'already-current': 'nothing to do: the target is already the current baseline',
  'dry-run': 'dry run: nothing was written',
  failed: 'not restored'
}

/** What the rollback did, in words: never an arrow to an unknown. */
function headline(r: RollbackReport): string {
  if (r.status === 'already-current')
    return `  rollback: ${shownValue(r.from.release_tag ?? 'the target')} is already the current baseline: nothing to restore`
  if (!r.target)
    return r.noTarget === 'requested'
      ? `  rollback: the baseline asked for with --to cannot be restored (BG510 says why); ${describe(r.from)} stays pinned, nothing restored`
      : `  rollback: ${describe(r.from)}: no last-known-good baseline to restore it to, nothing restored`
  // a dry run (and a drill) leaves the pin as it is: what a rollback would do is said as such
  if (r.status === 'dry-run')
    return `  a rollback would restore ${describe(r.target.identity)} in place of ${describe(r.from)} · posture would become NO-GO`
  return `  rollback: ${describe(r.from)} -> ${describe(r.target.identity)} · posture NO-GO`
}

export function rollbackLines(r: RollbackReport, s: Style): string[] {
  const status =
    r.drill && r.status === 'dry-run'
      ? 'rollback drill: nothing was written'
      : r.dryRun && r.status === 'failed'
        ? 'dry run: nothing was written; a rollback would not complete'
        : r.interrupted
          ? 'interrupted while its suites ran: the previous trio was put back'
          : r.notStarted
            ? 'not fully tested: a suite step could not start; the previous trio was put back'
            : STATUS[r.status]
  const out = [
    // a drill's verdict and checks first: they are what it is for
    ...(r.drill ? drillLines(r.drill, s) : []),
    // a drill without a target: its checks have said there is none
    ...(r.drill && !r.target ? [] : [headline(r)]),
    `  status: ${r.status === 'restored' ? s.green(status) : r.status === 'dry-run' || r.status === 'already-current' ? status : s.red(status)}`
  ]
  if (r.recovered !== 'none')
    out.push(
      s.dim(`  an interrupted restore was ${r.recovered === 'completed' ? 'completed' : 'undone'} first`)
    )
  if (r.target)
    out.push(
      s.dim(
        `  from trio revision ${r.target.commit.slice(0, 12)} (${r.target.date}${r.targetAtCut ? `: ${AT_SHALLOW_CUT}` : ''})`
      )
    )
  // what the restore wrote to the ledger: when the previous trio was put back, what it would have written
  const undone = r.status === 'verification-failed' || r.interrupted
  // a rollback stopped before its write (BG511, BG527) wrote none of it (found by review: it read as done)
  // a dry run and a drill write nothing: what a rollback would write (found by review: it read as done)
  const label = undone
    ? 'ledger (undone): '
    : r.status === 'failed'
      ? 'ledger (not written): '
      : r.status === 'dry-run'
        ? 'ledger (a rollback would write): '
        : 'ledger: '
  for (const l of r.ledger) out.push(s.dim(`  ${label}${l}`))
  if (r.written.length > 0)
    out.push(s.dim(`  wrote ${r.written.join(', ')} (review the diff and open one pull request)`))
  if (r.target?.profile === 'legacy')
    out.push(
      s.dim(
        r.status === 'dry-run'
          ? '  the revision a rollback would restore predates adoption: the restore would bring it to the current format (posture NO-GO)'
          : '  the restored revision predates adoption: the restore brought it to the current format (posture NO-GO)'
      )
    )
  if (r.followUp.length > 0 && !undone) {
    out.push(`  follow-up (documentation findings in the restored files; they do not block the rollback):`)
    for (const f of r.followUp)
      out.push(`    ${f.file ?? ''}${f.line ? `:${f.line}` : ''}  ${f.rule}  ${f.message}`)
  }
  if (r.pullRequestUrl) out.push(`  pull request: ${r.pullRequestUrl}`)
  if (r.incidentIssueUrl) out.push(`  incident issue: ${r.incidentIssueUrl}`)
  return out
}

/** The drill's verdict and checks, one line each (what it does not run is said under "did not run"). */
function drillLines(d: DrillReport, s: Style): string[] {
  const mark = (ok: boolean | null) => (ok === null ? s.dim('-') : ok ? s.green('✓') : s.red('✗'))
  return [
    `  drill: ${d.verdict === 'PASS' ? s.green(drillVerdictWords(d)) : s.red(drillVerdictWords(d))}`,
    ...d.checks.map((c) => `    ${mark(c.ok)} ${c.check}: ${c.detail}`)
  ]
}
