// The health action: inputs -> operation -> outputs, job summary, annotations. Fails the step on FAIL.
// Drift mode (`drift-issue: true`, a scheduled workflow): one issue per failing baseline, commented on while it
// fails and closed when it passes; on a `schedule` event, a warning when the previous scheduled run is much older
// than the schedule implies. Neither ever changes the verdict: what could not be done is a warning (or a notice).
import * as core from '@actions/core'
import { escapeMarkdown } from '../../evidence/markdown.js'
import type { OperationResult } from '../../operations/context.js'
import { headCommit } from '../../git/git.js'
import { runHealth } from '../../operations/health.js'
import { eventWords, presentLinks, producerReader } from '../shared/github.js'
import { readHealthInputs } from '../shared/inputs.js'
import type { HealthInputs } from '../shared/inputs.js'
import { combinedPosture } from '../shared/outputs.js'
import { actionEntry } from '../shared/shell.js'
import { renderSummary } from '../../present/summary.js'
import { syncDriftIssues } from '../shared/drift-issues.js'
import type { DriftReport } from '../shared/drift-issues.js'
import { checkSchedule } from './schedule.js'
import { plural } from '../../text/plural.js'

export const run = actionEntry({
  action: 'health',
  readInputs: readHealthInputs,
  operate: async ({ inputs, env, ctx, baselines, artifactShown }) => {
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
        'drift-issue-url': drift?.urls.join(',') ?? '',
        'upload-evidence': String(inputs.uploadEvidence)
      },
      ownWarnings: drift?.warnings.length ?? 0,
      summary: async (overflow) => {
        for (const warning of drift?.warnings ?? []) core.warning(warning)
        for (const notice of drift?.notices ?? []) core.notice(notice)
        return renderSummary(result, {
          // the files as read: the commit checked out, which a checkout's ref: makes other than GITHUB_SHA
          links: presentLinks(
            env,
            inputs.root,
            await headCommit(inputs.root).catch(() => null),
            artifactShown
          ),
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
    const errors = result.baselines.flatMap((b) => b.findings).filter((f) => f.severity === 'error').length
    return `baseline health FAIL: ${plural(errors, 'error')} (see the annotations and the job summary)`
  }
})

/** The drift issue of each baseline, and on a `schedule` event the schedule check. Never throws. */
async function driftMode(
  inputs: HealthInputs,
  result: OperationResult,
  env: NodeJS.ProcessEnv
): Promise<DriftReport> {
  const { report, client } = await syncDriftIssues(result, {
    token: inputs.token,
    root: inputs.root,
    env,
    check: 'health',
    input: 'drift-issue'
  })
  if (!client) return report

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
