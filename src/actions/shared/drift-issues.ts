// Drift mode's issues (the health action's `drift-issue: true`, the rollback action's `drill: true`): for each
// baseline, its drift issue of that check opened, commented on or closed (drift.ts), and what happened said in the
// log, the job summary and the warnings. Never throws and never changes the verdict: what could not be done is a
// warning.
import * as core from '@actions/core'
import { escapeMarkdown, withCodeSpans } from '../../evidence/markdown.js'
import type { GitHubClient } from '../../github/client.js'
import type { OperationResult } from '../../operations/context.js'
import { driftItems, syncDriftIssue } from './drift.js'
import type { DriftCheck } from './drift.js'
import { githubClient, parseRepository, presentLinks, runUrl } from './github.js'
import { actionRedactor } from './report.js'
import { drillCommand } from '../../present/next-steps.js'
import { actionRulesDoc } from '../../present/sarif.js'
import { headCommit } from '../../git/git.js'

export interface DriftReport {
  /** Printed as ::warning (the verdict stands). */
  warnings: string[]
  /** Printed as ::notice. */
  notices: string[]
  /** Lines (Markdown) for the job summary. */
  notes: string[]
  /** The drift issues left open by this run. */
  urls: string[]
}

/** The drift issue of each baseline of the result; `client` is null when there was none to use. */
export async function syncDriftIssues(
  result: OperationResult,
  o: { token: string; root: string; env: NodeJS.ProcessEnv; check: DriftCheck; input: string }
): Promise<{ report: DriftReport; client: GitHubClient | null }> {
  const { env } = o
  const report: DriftReport = { warnings: [], notices: [], notes: [], urls: [] }
  const repository = parseRepository(env.GITHUB_REPOSITORY)
  const client: GitHubClient | null = githubClient(o.token, repository, env)
  if (!client) {
    const why = !o.token
      ? "no GitHub token was given (input 'token'); pass one with `issues: write`"
      : 'GITHUB_REPOSITORY is not set, so the repository is unknown'
    const text = `baseline-gate drift mode (${o.input}): no drift issue was opened, commented on or closed: ${why}. The verdict stands.`
    report.warnings.push(text)
    report.notes.push(`> **Drift issue:** ${withCodeSpans(text)}`)
    return { report, client }
  }

  // the drift issues are the default branch's: a run on another ref (a dispatch on a feature branch) that passes
  // would close main's issue while main still drifts, and one that fails would report a branch's drift as main's
  const onDefault = await client.defaultBranch()
  const ref = env.GITHUB_REF ?? ''
  if (!onDefault.ok || ref !== `refs/heads/${onDefault.value}`) {
    const why = onDefault.ok
      ? `this run is on ${ref || 'no branch'}, not on the default branch ${onDefault.value}, whose drift the issues track`
      : `the default branch could not be read (${onDefault.message})`
    const text = `baseline-gate drift mode (${o.input}): no drift issue was opened, commented on or closed: ${why}. The verdict stands.`
    report.warnings.push(text)
    report.notes.push(`> **Drift issue:** ${withCodeSpans(text)}`)
    return { report, client }
  }

  const { redactor } = actionRedactor(o.token, env)
  const redact = async (text: string): Promise<string> => (await redactor.redact(text)).text
  // the rules' help as the SARIF links it: the action's repository at its ref (null: no link)
  const rulesDoc = actionRulesDoc(env)
  const runKey = env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}.${env.GITHUB_RUN_ATTEMPT || '1'}` : ''
  // the commit whose files were judged (the one checked out, as the evidence names it), not GITHUB_SHA, which a
  // checkout's ref: makes another
  const sha = (await headCommit(o.root).catch(() => null)) ?? env.GITHUB_SHA ?? ''
  for (const b of result.baselines) {
    try {
      const synced = await syncDriftIssue(client, {
        baseline: b.name,
        verdict: b.verdict,
        items: driftItems(b),
        sha,
        run: runKey,
        runUrl: runUrl(env),
        fileUrl: presentLinks(env, o.root, sha || null, null).file,
        redact,
        check: o.check,
        ...(b.rollback?.drill ? { command: drillCommand(b) } : {}),
        ruleUrl: (rule) => (rulesDoc ? `${rulesDoc}#${rule.toLowerCase()}` : null)
      })
      if (!synced.ok) {
        const text = `baseline-gate: the drift issue of ${b.name} could not be updated: ${synced.message} The verdict stands.`
        report.warnings.push(text)
        report.notes.push(`> **Drift issue of ${escapeMarkdown(b.name)}:** ${escapeMarkdown(synced.message)}`)
        continue
      }
      const v = synced.value
      const said =
        v.action === 'none'
          ? 'passes; no drift issue is open'
          : v.action === 'opened'
            ? `opened the drift issue #${v.number}`
            : v.action === 'commented'
              ? `commented on the drift issue #${v.number}`
              : v.action === 'closed'
                ? `closed the drift issue #${v.number}`
                : `the drift issue #${v.number} already has this run's comment`
      core.info(`baseline-gate drift: ${b.name} ${said}${'url' in v ? ` (${v.url})` : ''}`)
      report.notes.push(
        `Drift issue of ${escapeMarkdown(b.name)}: ${said}${'url' in v ? ` (${v.url})` : ''}.`
      )
      if (v.action !== 'none' && v.action !== 'closed') report.urls.push(v.url)
    } catch (e) {
      const text = `baseline-gate: the drift issue of ${b.name} could not be updated: ${(e as Error)?.message ?? String(e)}. The verdict stands.`
      report.warnings.push(text)
      report.notes.push(`> **Drift issue of ${escapeMarkdown(b.name)}:** could not be updated.`)
    }
  }
  return { report, client }
}
