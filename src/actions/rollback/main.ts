// The rollback action: inputs -> the incident rollback -> outputs, annotations, the suites' logs in collapsible
// groups, the job summary (the incident note first). With a token that may write, the restored trio is proposed
// as a pull request with an incident issue; what could not be proposed is a warning (BG512), never a failure of
// the step on its own. Fails the step on FAIL. Drill mode (`drill: true`, a scheduled workflow): a dry run that
// proves the last-known-good restorable, and with a token one drift issue per baseline while it is not (opened,
// commented on, closed when a later drill passes), as the health action's drift mode does.
import * as core from '@actions/core'
import { escapeMarkdown } from '../../evidence/markdown.js'
import type { BaselineResult, OperationResult } from '../../operations/context.js'
import { runRollback } from '../../operations/rollback.js'
import type { RollbackPublisher } from '../../operations/rollback-publish.js'
import { githubClient, parseRepository, presentLinks } from '../shared/github.js'
import { readRollbackInputs } from '../shared/inputs.js'
import type { RollbackInputs } from '../shared/inputs.js'
import { actionRedactor, actionsReporter, scannerNote } from '../shared/report.js'
import { syncDriftIssues } from '../shared/drift-issues.js'
import { actionEntry } from '../shared/shell.js'
import type { ActionRun, Operated } from '../shared/shell.js'
import { renderSummary } from '../../present/summary.js'

export const run = actionEntry({
  action: 'rollback',
  readInputs: readRollbackInputs,
  operate: rollBack,
  cancellable: true,
  historyNeeded: 'the last-known-good trio can be read from it'
})

async function rollBack(run: ActionRun<RollbackInputs>): Promise<Operated<'rollback'>> {
  const { inputs, env } = run
  const redaction = actionRedactor(inputs.token, env)
  const repository = parseRepository(env.GITHUB_REPOSITORY)
  const client = inputs.dryRun ? null : githubClient(inputs.token, repository, env)
  const publish: RollbackPublisher | null = client ? { client, baseBranch: inputs.baseBranch } : null
  core.info(
    `baseline-gate rollback (${inputs.trigger}${inputs.drill ? ', drill' : inputs.dryRun ? ', dry run' : ''}): evidence in ${run.evidence.dir}`
  )
  const result = await runRollback(run.ctx, {
    baselines: run.baselines,
    trigger: inputs.trigger,
    reason: inputs.reason,
    to: inputs.target ?? null,
    dryRun: inputs.dryRun,
    drill: inputs.drill,
    suites: inputs.suites,
    redactor: redaction.redactor,
    publish,
    reporter: actionsReporter(),
    signal: run.signal
  })
  const reports = result.baselines.flatMap((b) => (b.rollback ? [b.rollback] : []))
  // drill mode before the annotations: its warnings keep their slots
  const drift = inputs.drill
    ? (
        await syncDriftIssues(result, {
          token: inputs.token,
          root: inputs.root,
          env,
          check: 'rollback-drill',
          input: 'drill'
        })
      ).report
    : null
  return {
    result,
    outputs: {
      'target-tag': joined(result.baselines.map(targetTag)),
      'pull-request-url': joined(reports.map((r) => r.pullRequestUrl)),
      'incident-issue-url': joined(reports.map((r) => r.incidentIssueUrl)),
      'drift-issue-url': drift?.urls.join(',') ?? '',
      'upload-evidence': String(inputs.uploadEvidence)
    },
    // a scanner failure
    ownWarnings: 1 + (drift?.warnings.length ?? 0),
    summary: async (overflow) => {
      for (const warning of drift?.warnings ?? []) core.warning(warning)
      const notes = [
        ...proposalNotes(result, inputs, publish !== null, repository !== null),
        ...(drift?.notes ?? [])
      ]
      const scanner = scannerNote(redaction)
      if (scanner) notes.push(scanner)
      const incidentNotes = reports.map((r) => r.note.trimEnd()).join('\n\n---\n\n')
      // the restored files are in no commit yet: no file links
      const summary = renderSummary(result, {
        links: presentLinks(env, inputs.root, null, run.artifactShown),
        trigger: `trigger ${inputs.trigger}${inputs.drill ? ' (rollback drill)' : ''}`,
        overflow,
        notes
      })
      // a drill is no incident: it has no incident note
      if (inputs.drill) return summary
      // the verdict and what to do first, then the incident note as the teams will read it
      return incidentNotes ? `${summary}\n---\n\n${incidentNotes}\n` : summary
    },
    redactor: redaction.redactor
  }
}

/** The release tag the baseline is (or, in a dry run, would be) back on; '' when nothing was restored. */
function targetTag(b: BaselineResult): string {
  const r = b.rollback
  if (!r) return ''
  if (r.status === 'restored') return b.identity.release_tag ?? ''
  if (r.status === 'dry-run') return r.target?.identity.release_tag ?? ''
  if (r.status === 'already-current') return r.from.release_tag ?? ''
  return ''
}

/** One output over the baselines: the non-empty values, comma-separated ('' when none). */
const joined = (values: (string | null)[]): string => values.filter((v): v is string => !!v).join(',')

/** The summary's lines about the pull request and the incident issue: where they are, or why there are none. */
function proposalNotes(
  result: OperationResult,
  inputs: RollbackInputs,
  published: boolean,
  hasRepository: boolean
): string[] {
  // a drill never proposes: its report says so once, with what else it does not run
  if (inputs.drill) return []
  if (!published) {
    const why = inputs.dryRun
      ? 'this is a dry run (input `dry-run: true`): nothing was written, committed or opened.'
      : !inputs.token
        ? "no GitHub token was given (input 'token'). Pass one with `contents`, `pull-requests` and `issues: write` to have the rollback proposed as a pull request."
        : !hasRepository
          ? 'GITHUB_REPOSITORY is not set, so the repository is unknown.'
          : 'the GitHub client could not be created.'
    const restored = result.baselines.some((b) => b.rollback?.restored)
    return [
      `> **No pull request and no incident issue were opened:** ${why}${restored ? ' The restored trio is in the workspace; the note and the evidence are in the artifact.' : ''}`
    ]
  }
  const notes: string[] = []
  for (const b of result.baselines) {
    const r = b.rollback
    if (!r) continue
    const links: string[] = []
    if (r.pullRequestUrl) links.push(`pull request ${link(r.pullRequestUrl)}`)
    if (r.incidentIssueUrl) links.push(`incident issue ${link(r.incidentIssueUrl)}`)
    if (links.length > 0) notes.push(`${escapeMarkdown(b.name)}: ${links.join(', ')}.`)
    const problems = b.findings.filter((f) => f.rule === 'BG512')
    if (problems.length > 0) {
      notes.push(
        `> **${escapeMarkdown(b.name)}: not everything could be proposed on GitHub.** ${problems.map((p) => escapeMarkdown(p.message)).join(' ')}`
      )
    }
  }
  return notes
}

function link(url: string): string {
  return /^https?:\/\/[^\s()<>]+$/.test(url) ? `[${url}](${url})` : escapeMarkdown(url)
}
