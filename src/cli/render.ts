// The terminal report: one block per baseline, findings as path:line:col, a verdict line. Pure.
import { resolve } from 'node:path'
import { location } from '../evidence/findings-markdown.js'
import type { ChangeEvidence } from '../evidence/packet.js'
import type { BaselineResult, OperationResult } from '../operations/context.js'
import type { RepinResult } from '../operations/repin.js'
import type { Finding } from '../rules/finding.js'
import { bySeverity, countBySeverity } from '../rules/finding.js'
import { judged, operationWords, subject } from '../present/headline.js'
import { statementFileName } from '../evidence/statement.js'
import { incidentNoteFileName } from '../evidence/packet-name.js'
import { lineToText } from '../present/inline.js'
import { nextSteps } from '../present/next-steps.js'
import { notRun } from '../present/not-run.js'
import { mapStrings } from '../text/map-strings.js'
import { inlineSafe, logText } from '../text/terminal.js'
import { rollbackLines } from './render-rollback.js'
import { plural } from '../text/plural.js'
import { formatDuration } from '../text/duration.js'
import { shortCommit } from '../text/short-commit.js'
import { shownMessage, shownValue } from '../text/shorten.js'
import { plain } from './style.js'
import type { Style } from './style.js'

// the commands take their styles from the renderer
export { colors, styleFor } from './style.js'
export type { Style } from './style.js'

/**
 * What was judged, in words: the pinned identity, or that there is none to show (the pin could not be read), never
 * a row of question marks.
 */
export function identityLine(b: Pick<BaselineResult, 'identity' | 'posture'>): string {
  const id = b.identity
  const fields = [
    id.release_tag,
    id.commit_sha,
    id.service_contract_version,
    id.api_contract_version,
    id.integration_baseline
  ]
  if (fields.every((f) => f === null || f === undefined))
    return 'no baseline identity: the pin could not be read (see the findings below)'
  const known = (v: string | null | undefined, what: string) => (v ? shownValue(v) : `${what} unknown`)
  const commit = id.commit_sha ? `commit ${shortCommit(id.commit_sha)}` : 'commit unknown'
  return [
    known(id.release_tag, 'release tag'),
    commit,
    known(id.service_contract_version, 'service contract'),
    known(id.api_contract_version, 'API contract'),
    known(id.integration_baseline, 'integration baseline'),
    b.posture ? `posture ${b.posture}` : 'posture not recorded'
  ].join(' · ')
}

/** Where `--sarif FILE` went (absolute): written, or not (the error follows the report). */
export interface SarifReport {
  file: string
  written: boolean
}

/** The files beside the result the report names: the SARIF file, when --sarif was given. */
export interface ReportFiles {
  sarif?: SarifReport | undefined
  /** The repository root: from a subdirectory, the files and commands the report names are said to be its. */
  root?: string
}

/**
 * Run anywhere but the root (a subdirectory, or elsewhere with --root): the line that says the files and commands
 * a report names are the repository root's; null at the root.
 */
export function relativeToRootNote(from: string, root: string, commandsFromHere = false): string | null {
  if (resolve(from) === resolve(root)) return null
  // init reads the directory it runs from as the consumer's: its commands are run again from here, not the root
  return commandsFromHere
    ? `(files here are relative to the repository root, ${inlineSafe(root)}, where the policy goes; init looked for the consumer from this directory, and the commands below run from here as well)`
    : `(files and commands here are relative to the repository root: cd ${inlineSafe(root)} first)`
}

/** The in-toto statement written beside a baseline's packet (`<packet>.intoto.json`); null without a packet. */
function statementOf(b: Pick<BaselineResult, 'evidence'>): string | null {
  return b.evidence.endsWith('.json') ? statementFileName(b.evidence) : null
}

function sarifLine(from: string, sarif: SarifReport): string {
  return `sarif: ${relativeTo(from, sarif.file)}${sarif.written ? '' : ' not written (the error follows)'}`
}

/** Multi-line by design: a step's log tail (its escapes dropped below) and a rollback's incident note (Markdown). */
const MULTI_LINE = new Set(['log_tail', 'note'])

/**
 * @param from the directory the paths printed are read from (the user's working directory): a path below it is
 *   shown relative to it, any other whole (run from a subdirectory, `.baseline-gate/...` named nothing there)
 */
export function renderReport(
  given: OperationResult,
  from: string,
  s: Style = plain,
  files: ReportFiles = {}
): string {
  // every value the result quotes on one line: a newline in a pin's value must not print a line of its own
  const result = mapStrings(given, inlineSafe, MULTI_LINE)
  // a finding's lines as written (a producer's last output): each shown as the log tails are, never one line of \n
  const lines = new Map<Finding, string>()
  result.baselines.forEach((b, i) =>
    b.findings.forEach((f, j) => lines.set(f, given.baselines[i]!.findings[j]!.message))
  )
  const out: string[] = []
  const one = result.baselines.length === 1
  const next = nextSteps(result)
  for (const b of result.baselines) {
    // first what was judged and the verdict, then what to do, then why (findings, steps), then the details
    const verdict = b.verdict === 'PASS' ? s.green(s.bold('PASS')) : s.red(s.bold('FAIL'))
    out.push(`${verdict} ${s.bold(`· ${operationWords(result)} of ${lineToText(subject(b))}`)}`)
    // a dry run (and a drill) leaves the pin as it is: the identity shown is the one pinned now
    const r = b.rollback
    out.push(
      s.dim(
        `  ${r?.status === 'dry-run' && r.fromPosture !== undefined ? `pinned now (as committed): ${identityLine({ identity: r.from, posture: r.fromPosture })}` : identityLine(b)}`
      )
    )
    // a verdict judged at another instant than now says so where it is read: a PASS of --now is not today's
    const j = result.judgeAt
    if (j) {
      const when = j.at.toISOString()
      const whose = j.commit ? `commit ${shortCommit(j.commit)}` : 'the commit judged'
      out.push(
        s.dim(
          j.source === 'given'
            ? `  judged at ${when} (--now), not at the time of this run`
            : `  judged at ${when}, the committer date of ${whose} (--replay), not at the time of this run`
        )
      )
    }
    if (b.change) out.push(...changeLines(b.change, s))
    if (b.rollback) out.push(...rollbackLines(b.rollback, s))
    const missing = notRun(b)
    if (missing.length > 0) {
      out.push('', `  ${s.yellow('did not run:')}`)
      for (const l of missing) out.push(`    - ${lineToText(l)}`)
    }
    out.push('')
    const ran = b.steps.filter((st) => st.status !== 'skipped')
    for (const st of ran) {
      // a step a cancellation stopped did not fail: it was not let finish
      const shown = st.error === 'aborted' ? 'stopped' : st.status
      const status = st.status === 'passed' ? s.green(shown) : s.red(shown)
      out.push(`  ${s.dim(st.suite)}  ${st.name}  ${status}${s.dim(`  ${formatDuration(st.duration_ms)}`)}`)
    }
    if (ran.length > 0) out.push('')
    for (const st of b.steps) {
      // a step that never ran, or that a cancellation stopped, has no failure to read
      if (!st.required || st.status === 'passed' || st.log_tail === undefined) continue
      if (st.status === 'not-run' || st.error === 'aborted') continue
      out.push(
        `  ${s.bold(`${st.suite} › ${st.name}`)} ${s.dim(`last lines of ${st.log_file ?? 'its log'}:`)}`
      )
      // a step's output may hold terminal escapes: colours, cursor moves and links are dropped, not replayed
      const tail = logText(st.log_tail).replace(/\n$/, '').split('\n').slice(-15)
      out.push(
        ...(tail.length > 0 && tail.join('') !== '' ? tail : ['(no output)']).map(
          (l) => `    ${s.dim('│')} ${l}`
        )
      )
      out.push('')
    }
    const c = countBySeverity(b.findings)
    out.push(
      `  findings: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.notice, 'notice')}`
    )
    for (const f of bySeverity(b.findings)) out.push(`  ${findingLine(f, s, lines.get(f))}`)
    out.push('', s.dim(`  evidence: ${relativeTo(from, b.evidence)}`))
    const statement = statementOf(b)
    if (statement) out.push(s.dim(`  statement: ${relativeTo(from, statement)}`))
    // the note the next steps point to (a drill writes none)
    if (b.rollback?.note && b.evidence)
      out.push(s.dim(`  incident note: ${relativeTo(from, incidentNoteFileName(b.evidence))}`))
    if (files.sarif && one) out.push(s.dim(`  ${sarifLine(from, files.sarif)}`))
    out.push('')
  }
  // one SARIF file holds every baseline's findings
  if (files.sarif && !one) out.push(s.dim(`${sarifLine(from, files.sarif)} (every baseline)`), '')
  // findings, what a rollback wrote and the commands of the next steps name files as the repository has them
  const namesFiles = result.baselines.some(
    (b) => b.findings.some((f) => f.file) || (b.rollback?.written.length ?? 0) > 0
  )
  const rootNote = namesFiles && files.root ? relativeToRootNote(from, files.root) : null
  if (rootNote) out.push(s.dim(rootNote), '')
  if (next.length > 0) {
    out.push(s.bold('next:'))
    next.forEach((l, i) => out.push(`  ${i + 1}. ${lineToText(l)}`))
    out.push('')
  }
  if (result.baselines.length > 1) {
    out.push(
      `${s.bold('verdict')} ${result.verdict === 'PASS' ? s.green('PASS') : s.red('FAIL')} · ${lineToText(judged(result))}`
    )
  }
  return out.join('\n')
}

function changeLines(c: ChangeEvidence, s: Style): string[] {
  const range = `${c.base.slice(0, 12)}..${c.head.slice(0, 12)}`
  if (!c.trio_changed)
    return [s.dim(`  change ${range}: the trio did not change; no baseline change to test`)]
  // no posture at the base: a trio adopted in this change (its pin had none)
  const posture =
    c.posture_from === c.posture_to
      ? `${c.posture_to ?? 'none'}`
      : `${c.posture_from ?? 'none'} -> ${c.posture_to ?? 'none'}`
  const codes = [
    c.codes_added.length > 0 ? `+${c.codes_added.join(' +')}` : '',
    c.codes_removed.length > 0 ? `-${c.codes_removed.join(' -')}` : ''
  ]
    .filter(Boolean)
    .join(' ')
  return [
    s.dim(
      `  change ${range}: ${c.changed_files.join(', ')} · ${c.rollback ? 'rollback · ' : ''}${c.classification}${codes ? ` (${codes})` : ''} · posture ${posture}`
    )
  ]
}

/** A finding on one line; a message of several lines (`raw`, unsanitised) its first there, the rest below it. */
function findingLine(f: Finding, s: Style, raw?: string): string {
  const where = location(f)
  const sev =
    f.severity === 'error'
      ? s.red('error  ')
      : f.severity === 'warning'
        ? s.yellow('warning')
        : s.dim('notice ')
  const nl = raw?.indexOf('\n') ?? -1
  const message = shownMessage(nl === -1 ? f.message : inlineSafe(raw!.slice(0, nl)))
  const rest =
    nl === -1
      ? []
      : logText(raw!.slice(nl + 1))
          .replace(/\n+$/, '')
          .split('\n')
          .map((l) => s.dim(`      | ${l}`))
  return [`${where ? `${s.bold(where)}  ` : ''}${sev}  ${s.dim(f.rule)}  ${message}`, ...rest].join('\n')
}

function relativeTo(from: string, path: string): string {
  const prefix = from.endsWith('/') ? from : `${from}/`
  return path.startsWith(prefix) ? path.slice(prefix.length) : path
}

/** A finding in `--json`: the promised fields only (no `subject`, which is internal). */
const findingJson = (f: Finding) => ({
  rule: f.rule,
  severity: f.severity,
  file: f.file,
  line: f.line,
  column: f.column,
  message: f.message
})

/** The `--json` document: exactly the shape the command line promises. */
export function toJson(result: OperationResult, files: ReportFiles = {}): object {
  return {
    operation: result.operation,
    verdict: result.verdict,
    // the same words as every other surface: what was judged, what to do next, what did not run
    summary: `${result.verdict} · ${lineToText(judged(result))}`,
    next_steps: nextSteps(result).map(lineToText),
    // judged at another instant than now (--now, --replay): said here as in the terminal, as the evidence records it
    ...(result.judgeAt
      ? {
          judged_at: {
            at: result.judgeAt.at.toISOString(),
            source: result.judgeAt.source,
            commit: result.judgeAt.commit
          }
        }
      : {}),
    baselines: result.baselines.map((b) => ({
      name: b.name,
      // which of several failed, without reading its findings (found by review)
      verdict: b.verdict,
      not_run: notRun(b).map(lineToText),
      identity: b.identity,
      posture: b.posture,
      findings: b.findings.map(findingJson),
      ...(b.change
        ? {
            trio_changed: b.change.trio_changed,
            classification: b.change.classification,
            rollback: b.change.rollback ?? false
          }
        : {}),
      ...(b.rollback
        ? {
            target: b.rollback.target
              ? {
                  ...b.rollback.target.identity,
                  trio_revision: b.rollback.target.commit,
                  profile: b.rollback.target.profile
                }
              : null,
            restored: b.rollback.restored,
            follow_up: b.rollback.followUp.map(findingJson),
            status: b.rollback.status,
            pull_request_url: b.rollback.pullRequestUrl,
            incident_issue_url: b.rollback.incidentIssueUrl,
            ...(b.rollback.drill
              ? {
                  drill: {
                    verdict: b.rollback.drill.verdict,
                    checks: b.rollback.drill.checks,
                    not_run: b.rollback.drill.notRun.map((n) => n.text)
                  }
                }
              : {})
          }
        : {}),
      steps: b.steps.map((s) => ({
        suite: s.suite,
        name: s.name,
        status: s.status,
        exit_code: s.exit_code,
        duration_ms: s.duration_ms,
        ...(s.skip_reason ? { skip_reason: s.skip_reason } : {})
      })),
      // the baseline's packet and the in-toto statement beside it (absolute paths)
      evidence: b.evidence,
      statement: statementOf(b),
      // a rollback's incident note beside the packet (absolute; a drill writes none)
      ...(b.rollback ? { incident_note: b.rollback.note ? incidentNoteFileName(b.evidence) : null } : {})
    })),
    evidence: result.evidence,
    // the SARIF file of --sarif FILE (absolute), null when it was not asked for or could not be written
    sarif: files.sarif?.written ? files.sarif.file : null
  }
}

/**
 * @param place where the command ran and the root: from a subdirectory, the paths and commands of what is left to
 * do (relative to the root, as the repin pull request's body has them) are said to be so
 */
export function renderRepin(given: RepinResult[], place?: { cwd: string; root: string }): string {
  const out: string[] = []
  // what the pins and the producer's manifest state, each value on its line (the parsed trio is not rendered)
  const results = given.map((r) => ({
    ...r,
    ...mapStrings(
      {
        baseline: r.baseline,
        from: r.from,
        to: r.to,
        written: r.written,
        left: r.left,
        findings: r.findings
      },
      inlineSafe
    )
  }))
  for (const r of results) {
    const from = shownValue(r.from.release_tag ?? '?')
    const to = shownValue(r.to?.release_tag ?? '?')
    if (r.status === 'unchanged')
      out.push(
        `${r.baseline}: already pinned to the producer's release ${from}; the trio needs nothing${r.left.length > 0 ? ', but:' : ''}`
      )
    else if (r.status === 'repinned') {
      // with something left the command exits 1: its first line says so (found by review: it read as done)
      out.push(
        `${r.baseline}: repinned ${from} -> ${to}; wrote ${r.written.join(', ')}${r.left.length > 0 ? `; ${plural(r.left.length, 'thing')} left to do (below)` : ''}`
      )
      // the promotion fails on some of them (a stale handoff: BG304), not on all (repin.mentions is repin's own)
      if (r.left.length > 0) out.push('  left to do before the pull request is complete:')
    }
    if (r.status !== 'refused') {
      if (r.left.length > 0 && place && resolve(place.cwd) !== resolve(place.root))
        out.push(
          `  (paths and commands below are relative to the repository root: cd ${inlineSafe(place.root)} first)`
        )
      for (const l of r.left) out.push(`  - ${l}`)
      if (r.status === 'repinned')
        out.push(
          r.left.length > 0
            ? '  then run `npx --no baseline-gate health` and open one pull request with the trio and those files'
            : '  review the diff, run `npx --no baseline-gate health`, and open one pull request with all three files'
        )
    } else {
      out.push(`${r.baseline}: not repinned (nothing was written):`)
      for (const f of r.findings) out.push(`  ${findingLine(f, plain)}`)
    }
  }
  return out.join('\n')
}
