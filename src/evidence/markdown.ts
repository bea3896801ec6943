// Markdown renderings shared by the evidence file and the job summary. Every untrusted string is escaped.
import { findingsMarkdown } from './findings-markdown.js'
import type { StepResult } from '../rules/verdict.js'
import { renderIncidentNote } from './incident-note.js'
import { leftRunning } from './left-running.js'
import {
  hasSuiteSteps,
  NOTHING_TO_GATE,
  failedOnlyToStart,
  preflightNotRun,
  rollbackNotProbed,
  rollbackNotTested,
  suitesNotRun
} from './not-run.js'
import { code, escapeMarkdown, fenced, identityTable } from './markdown-text.js'
import { packetName } from './packet.js'
import type { ChangeEvidence, EvidencePacket } from './packet.js'
import { formatDuration } from '../text/duration.js'

// The primitives moved to a leaf module (the incident note needs them too); their importers keep this path.
export { code, escapeMarkdown, fenced, identityTable, linkText, withCodeSpans } from './markdown-text.js'

const STEP_ICON: Record<StepResult['status'], string> = {
  passed: '✅',
  failed: '❌',
  'timed-out': '⏱️',
  'not-run': '⛔',
  skipped: '⏭️'
}

export function stepsTable(steps: StepResult[]): string {
  if (steps.length === 0) return '_No steps._'
  return [
    '| | Suite | Step | Status | Exit code | Duration |',
    '| --- | --- | --- | --- | --- | --- |',
    ...steps.map(
      (st) =>
        `| ${STEP_ICON[st.status]} | ${escapeMarkdown(st.suite)} | ${escapeMarkdown(st.name)} | ${st.error === 'aborted' ? 'stopped' : st.status} | ${st.exit_code ?? '-'} | ${st.status === 'skipped' || st.status === 'not-run' ? '-' : formatDuration(st.duration_ms)} |`
    )
  ].join('\n')
}

/** The change a promotion gates, as a small table. */
export function changeTable(c: ChangeEvidence): string {
  const list = (xs: string[]) => (xs.length > 0 ? xs.map((x) => code(x)).join(', ') : '-')
  const rows: [string, string][] = [
    ['Base → head', `${code(c.base.slice(0, 12))} → ${code(c.head.slice(0, 12))}`],
    ['Trio changed', c.trio_changed ? `yes: ${list(c.changed_files)}` : 'no'],
    ['Classification', `**${c.classification}**${c.rollback ? ' (a rollback)' : ''}`],
    ['Error codes added', list(c.codes_added)],
    ['Error codes removed', list(c.codes_removed)],
    [
      'Posture',
      // no posture at the base: a trio adopted in this change (its pin had none)
      c.posture_from === c.posture_to
        ? code(c.posture_to ?? 'none')
        : `${code(c.posture_from ?? 'none')} → ${code(c.posture_to ?? 'none')}`
    ]
  ]
  if (c.approval) {
    const a = c.approval
    const who = (xs: string[]) => (xs.length > 0 ? xs.map((x) => code(x)).join(', ') : 'nobody')
    rows.push([
      'Joint approval',
      a.problem !== null
        ? `could not be checked: ${escapeMarkdown(a.problem)}`
        : `${a.approved ? 'given' : '**missing**'} (consumer: ${who(a.consumer)}; producer: ${who(a.producer)})`
    ])
  }
  return ['| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n')
}

/** The log tails of the steps that did not pass, each in a collapsed block. */
export function failedStepTails(steps: StepResult[], maxChars = Infinity): string {
  // a step a cancellation stopped has no failure to read
  const failed = steps.filter(
    (s) => s.required && s.status !== 'passed' && s.error !== 'aborted' && s.log_tail !== undefined
  )
  const out: string[] = []
  for (const s of failed) {
    const tail = (s.log_tail ?? '').slice(-maxChars)
    out.push(
      `<details><summary>${STEP_ICON[s.status]} ${escapeMarkdown(s.suite)} › ${escapeMarkdown(s.name)}: last lines of its log${s.log_file ? ` (${escapeMarkdown(s.log_file)})` : ''}</summary>`,
      '',
      fenced(tail === '' ? '(no output)' : tail),
      '',
      '</details>',
      ''
    )
  }
  return out.join('\n')
}

const JUDGED_AT: Record<EvidencePacket['judged_at']['source'], string> = {
  'wall-clock': 'the wall clock of a live run',
  given: 'an instant given on the command line (--now)',
  commit: 'the committer date of the commit judged (--replay), commit'
}

/** @param options.displayName the producer's name for the incident note (the packet records only the baseline's key) */
export function renderPacketMarkdown(p: EvidencePacket, options: { displayName?: string } = {}): string {
  const trio = (['pin', 'manifest', 'matrix'] as const).map(
    (role) =>
      `| ${role} | ${code(p.trio[role].path)} | ${code(p.trio[role].sha256)} | ${p.trio[role].bytes ?? '-'} |`
  )
  const git = Object.entries(p.git).map(([k, v]) => `| ${k} | ${code(v)} |`)
  const left = leftRunning(p.steps)
  const missing = packetNotRun(p)
  return [
    // a drill is no rollback attempted: its title says so before its incident section does
    `# baseline-gate ${escapeMarkdown(p.incident?.drill ? 'rollback drill' : p.operation)}: ${escapeMarkdown(p.baseline)} — ${p.verdict}`,
    '',
    `Tool ${code(`${p.tool.name} ${p.tool.version}`)}, started ${code(p.started_at)}, finished ${code(p.finished_at)} (${formatDuration(p.duration_ms)}).`,
    '',
    `Time-dependent rules judged at ${code(p.judged_at.at)}: ${JUDGED_AT[p.judged_at.source]}${p.judged_at.commit ? ` ${code(p.judged_at.commit)}` : ''}.`,
    '',
    // what the verdict does not cover, before anything else a reader takes as checked (a rollback's note too)
    '## What did not run',
    '',
    ...(missing.length > 0
      ? missing.map((m) => `- ${escapeMarkdown(m)}`)
      : [
          p.steps.length > 0
            ? 'Nothing was left out: every step listed under Steps ran.'
            : 'Nothing: this run lists no step to run.'
        ]),
    '',
    // then a rollback's incident note, one heading level down under the packet's title
    ...(p.incident
      ? [
          renderIncidentNote(p.incident, {
            displayName: options.displayName ?? p.baseline,
            baseline: p.baseline,
            verdict: p.verdict,
            evidenceName: `${packetName(p.operation, p.baseline)}.json`,
            headingLevel: 2,
            postureNow: p.posture,
            problems: p.findings.filter((f) => f.severity === 'error'),
            // the run's own words for a restored trio that went untested (the packet records the steps)
            notStarted: failedOnlyToStart(p)
          })
        ]
      : []),
    // a dry run's identity and trio are the plan: said in the headings, as nothing was written
    !p.incident?.dry_run
      ? '## Baseline'
      : p.incident.status === 'failed'
        ? '## Baseline pinned now (dry run: a rollback would not complete)'
        : '## Baseline a rollback would pin (dry run: nothing was written)',
    '',
    identityTable(p.identity, p.posture),
    '',
    !p.incident?.dry_run
      ? '## Trio'
      : p.incident.status === 'failed'
        ? '## Trio on disk (dry run: a rollback would not complete)'
        : '## Trio a rollback would write (dry run: nothing was written)',
    '',
    // health reads the files on disk and runs no git: the commit under Run is the checkout's, which they may not be
    ...(p.operation === 'health'
      ? [
          p.git.commit
            ? 'Read from the working tree, uncommitted edits included: the commit under Run is the one checked out, and health does not compare the files with it (`git status` shows any difference).'
            : 'Read from the working tree, uncommitted edits included.',
          ''
        ]
      : []),
    '| Role | Path | SHA-256 | Bytes |',
    '| --- | --- | --- | --- |',
    ...trio,
    '',
    `Policy: ${p.policy.source === 'file' ? code(p.policy.path) : 'built-in defaults'} (SHA-256 ${code(p.policy.sha256)}).`,
    ...(p.policy.judged_by
      ? [
          '',
          `Judged by the base revision's policy: ${p.policy.judged_by.source === 'file' ? code(p.policy.judged_by.path) : 'built-in defaults'} at ${code(p.policy.judged_by.revision.slice(0, 12))} (SHA-256 ${code(p.policy.judged_by.sha256)}); this change's edits of it apply once it is merged.`
        ]
      : []),
    '',
    ...(p.change ? ['## Change', '', changeTable(p.change), ''] : []),
    '## Findings',
    '',
    findingsMarkdown(p.findings),
    '',
    '## Steps',
    '',
    stepsTable(p.steps),
    '',
    ...(left ? ['**Processes left running by the steps**', '', left, ''] : []),
    failedStepTails(p.steps),
    `Secrets redacted from the captured output: ${p.redactions}.`,
    '',
    '## Run',
    '',
    '| | |',
    '| --- | --- |',
    ...git,
    ...Object.entries(p.tools).map(([k, v]) => `| ${escapeMarkdown(k)} | ${code(v)} |`),
    '',
    `Verdict: **${p.verdict}**`,
    ''
  ].join('\n')
}

/** What the packet's verdict does not cover, from the packet alone: the terminal and the summary say the same. */
function packetNotRun(p: EvidencePacket): string[] {
  const out = preflightNotRun(p)
  const unprobed = p.incident ? rollbackNotProbed(p.incident.status) : null
  if (unprobed) out.push(unprobed)
  const untested = !hasSuiteSteps(p.steps)
  if (p.incident && untested && !p.incident.suites_ran)
    out.push(rollbackNotTested(p.incident.status, p.incident.dry_run))
  if (p.change && !p.change.trio_changed && untested) out.push(NOTHING_TO_GATE)
  return [...out, ...suitesNotRun(p)]
}
