// baseline-gate aggregate: the packets of a fanned-out run -> one verdict, one summary (stdout, job summary).
import { appendFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { aggregateEvidence } from '../evidence/aggregate.js'
import { renderAggregateMarkdown } from '../evidence/aggregate-markdown.js'
import { scanEvidenceDirs } from '../operations/aggregate.js'
import { redactStrings } from '../operations/redact-findings.js'
import { loadPolicy } from '../policy/load.js'
import type { AggregateCommand } from './commands.js'
import { EXIT } from './io.js'
import type { Io } from './io.js'

export function aggregate(cmd: AggregateCommand, io: Io): number {
  // the policy is read first: a policy error is a usage error (exit 2), before any verdict
  const expected =
    cmd.expect ??
    (cmd.root !== undefined || cmd.policy !== undefined
      ? loadPolicy({
          root: resolve(io.cwd, cmd.root ?? '.'),
          policyPath: cmd.policy,
          cwd: io.cwd
        }).baselines.map((b) => b.name)
      : null)
  // in a workflow, the run it belongs to: only that run's later attempts replace earlier ones
  const runId = io.env.GITHUB_ACTIONS === 'true' ? io.env.GITHUB_RUN_ID : undefined
  const attempt = Number(io.env.GITHUB_RUN_ATTEMPT)
  const run = runId && Number.isSafeInteger(attempt) && attempt >= 1 ? { runId, attempt } : null
  // what the packets state is shown redacted, as every output: a packet is a run's, and a pin's values in it are
  // a pull request's (found by review)
  const result = redactStrings(
    { env: io.env },
    aggregateEvidence(scanEvidenceDirs(io.cwd, cmd.dirs), expected, run)
  )
  const markdown = renderAggregateMarkdown(result)
  if (cmd.json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  else io.stdout.write(markdown)
  const summary = io.env.GITHUB_STEP_SUMMARY
  if (summary) {
    try {
      appendFileSync(summary, markdown)
    } catch (e) {
      // the verdict stands without the summary; say why it is absent
      io.stderr.write(`baseline-gate: cannot append to GITHUB_STEP_SUMMARY: ${(e as Error).message}\n`)
    }
  }
  return result.verdict === 'PASS' ? EXIT.pass : EXIT.fail
}
