// The health action: inputs -> operation -> outputs, job summary, annotations. Fails the step on FAIL.
// Drift mode (`drift-issue: true`, a scheduled workflow): one issue per failing baseline, commented on while it
// fails and closed when it passes; on a `schedule` event, a warning when the previous scheduled run is much older
// than the schedule implies. Neither ever changes the verdict: what could not be done is a warning (or a notice).
import * as core from '@actions/core'
import { escapeMarkdown } from '../../evidence/markdown.js'
import type { GitHubClient } from '../../github/client.js'
import type { OperationResult } from '../../operations/context.js'
import { runHealth } from '../../operations/health.js'
import {
  eventWords,
  githubClient,
  parseRepository,
  presentLinks,
  producerReader,
  runUrl
} from '../shared/github.js'
import { readHealthInputs } from '../shared/inputs.js'
import type { HealthInputs } from '../shared/inputs.js'
import { combinedPosture } from '../shared/outputs.js'
import { actionRedactor } from '../shared/report.js'
import { runAction } from '../shared/shell.js'
import { renderSummary } from '../../present/summary.js'
import { driftItems, syncDriftIssue } from './drift.js'
import { checkSchedule } from './schedule.js'
import { plural } from '../../text/plural.js'

export function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return runAction(
    {
      action: 'health',
      readInputs: readHealthInputs,
      operate: async ({ inputs, env, ctx, baselines, artifact }) => {
        const result = await runHealth(ctx, {
          baselines,
          probe: inputs.probe,
          remote: inputs.remoteIdentity ? producerReader(inputs.token, env) : null
        })
        // drift mode before the annotations: its warnings keep their slots
        const drift = inputs.driftIssue ? await driftMode(inputs, result, env) : null
        return {
          result,
          outputs: {
            posture: combinedPosture(result.baselines.map((b) => b.posture)),
            'drift-issue-url': drift?.urls.join(',') ?? ''
          },
          ownWarnings: drift?.warnings.length ?? 0,
          summary: async (overflow) => {
            for (const warning of drift?.warnings ?? []) core.warning(warning)
            for (const notice of drift?.notices ?? []) core.notice(notice)
            return renderSummary(result, {
              links: presentLinks(env, inputs.root, env.GITHUB_SHA ?? null, artifact),
              trigger: eventWords(env),
              overflow,
              notes: drift?.notes ?? []
            })
          },
          redactor: null
        }
      },
      failure: (result) => {
        // the preflight's steps that did not pass are errors already: they are not counted twice
        const errors = result.baselines
          .flatMap((b) => b.findings)
          .filter((f) => f.severity === 'error').length
        return `baseline health FAIL: ${plural(errors, 'error')} (see the annotations and the job summary)`
      }
    },
    env
  )
}

interface DriftReport {
  /** Printed as ::warning (the verdict stands). */
  warnings: string[]
  /** Printed as ::notice. */
  notices: string[]
  /** Lines (Markdown) for the job summary. */
  notes: string[]
  /** The drift issues left open by this run. */
  urls: string[]
}

/** The drift issue of each baseline, and on a `schedule` event the schedule check. Never throws. */
async function driftMode(
  inputs: HealthInputs,
  result: OperationResult,
  env: NodeJS.ProcessEnv
): Promise<DriftReport> {
  const report: DriftReport = { warnings: [], notices: [], notes: [], urls: [] }
  const repository = parseRepository(env.GITHUB_REPOSITORY)
  const client: GitHubClient | null = githubClient(inputs.token, repository, env)
  if (!client) {
    const why = !inputs.token
      ? "no GitHub token was given (input 'token'); pass one with `issues: write`"
      : 'GITHUB_REPOSITORY is not set, so the repository is unknown'
    const text = `baseline-gate drift mode: no drift issue was opened, commented on or closed: ${why}. The verdict stands.`
    report.warnings.push(text)
    report.notes.push(`> **Drift issue:** ${escapeMarkdown(text)}`)
    return report
  }

  const { redactor } = actionRedactor(inputs.token, env)
  const redact = async (text: string): Promise<string> => (await redactor.redact(text)).text
  const runKey = env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}.${env.GITHUB_RUN_ATTEMPT || '1'}` : ''
  for (const b of result.baselines) {
    try {
      const synced = await syncDriftIssue(client, {
        baseline: b.name,
        verdict: b.verdict,
        items: driftItems(b),
        sha: env.GITHUB_SHA ?? '',
        run: runKey,
        runUrl: runUrl(env),
        fileUrl: presentLinks(env, inputs.root, env.GITHUB_SHA ?? null, null).file,
        redact
      })
      if (!synced.ok) {
        const text = `baseline-gate: the drift issue of ${b.name} could not be updated: ${synced.message} The verdict stands.`
        report.warnings.push(text)
        report.notes.push(`> **Drift issue of ${escapeMarkdown(b.name)}:** ${escapeMarkdown(synced.message)}`)
        continue
      }
      const o = synced.value
      const said =
        o.action === 'none'
          ? 'passes; no drift issue is open'
          : o.action === 'opened'
            ? `opened the drift issue #${o.number}`
            : o.action === 'commented'
              ? `commented on the drift issue #${o.number}`
              : o.action === 'closed'
                ? `closed the drift issue #${o.number}`
                : `the drift issue #${o.number} already has this run's comment`
      core.info(`baseline-gate drift: ${b.name} ${said}${'url' in o ? ` (${o.url})` : ''}`)
      report.notes.push(
        `Drift issue of ${escapeMarkdown(b.name)}: ${said}${'url' in o ? ` (${o.url})` : ''}.`
      )
      if (o.action !== 'none' && o.action !== 'closed') report.urls.push(o.url)
    } catch (e) {
      const text = `baseline-gate: the drift issue of ${b.name} could not be updated: ${(e as Error)?.message ?? String(e)}. The verdict stands.`
      report.warnings.push(text)
      report.notes.push(`> **Drift issue of ${escapeMarkdown(b.name)}:** could not be updated.`)
    }
  }

  if (env.GITHUB_EVENT_NAME === 'schedule') {
    try {
      const check = await checkSchedule(client, env.GITHUB_RUN_ID, inputs.scheduleIntervalHours)
      if (check.kind === 'stale') {
        report.warnings.push(`baseline-gate schedule: ${check.message}`)
        report.notes.push(`> **Schedule:** ${escapeMarkdown(check.message)}`)
      } else if (check.kind === 'unknown') {
        const text = `baseline-gate schedule: the previous scheduled run could not be checked: ${check.message}`
        report.notices.push(text)
        report.notes.push(
          `> **Schedule:** the previous scheduled run could not be checked. ${escapeMarkdown(check.message)}`
        )
      } else {
        core.info(
          `baseline-gate schedule: the previous scheduled run started ${check.hours.toFixed(1)} hours before this one`
        )
      }
    } catch (e) {
      report.notices.push(
        `baseline-gate schedule: the previous scheduled run could not be checked: ${(e as Error)?.message ?? String(e)}`
      )
    }
  }
  return report
}
