// The end of every operation: one verdict over its baselines, and an evidence index when there are several.
import { basename } from 'node:path'
import type { OperationName } from '../policy/types.js'
import { aggregateVerdict } from '../rules/verdict.js'
import type { BaselineResult, OperationContext, OperationResult } from './context.js'
import type { Instant } from './instant.js'
import { redactFindings, redactStrings } from './redact-findings.js'

/** @param instant when the time-dependent rules judged (the run's, from startRun) */
export function operationResult(
  ctx: Pick<OperationContext, 'evidence' | 'env' | 'policy'>,
  operation: OperationName,
  judged: BaselineResult[],
  instant: Instant
): OperationResult {
  const evidence = ctx.evidence
  // what every surface is rendered from: no secret of the run, and nothing shaped like a token, in a finding's
  // message or in what the trio states (the evidence path and the steps' logs, redacted as they ran, aside)
  const baselines = judged.map((b) => ({
    ...b,
    findings: redactFindings(ctx, b.findings),
    identity: redactStrings(ctx, b.identity),
    ...(b.previous ? { previous: redactStrings(ctx, b.previous) } : {}),
    ...(b.change ? { change: redactStrings(ctx, b.change) } : {}),
    ...(b.rollback ? { rollback: redactStrings(ctx, b.rollback) } : {})
  }))
  const verdict = aggregateVerdict(baselines.map((r) => r.verdict))
  let file = baselines[0]?.evidence ?? ''
  if (baselines.length !== 1) {
    const index = {
      schema: 'evidence-index.v1',
      operation,
      verdict,
      packets: baselines.map((r) => ({ baseline: r.name, verdict: r.verdict, file: basename(r.evidence) }))
    }
    file = evidence.write(`${operation}.json`, `${JSON.stringify(index, null, 2)}\n`)
  }
  const { source } = instant
  const judgeAt = source === 'wall-clock' ? undefined : { ...instant, source }
  return {
    operation,
    verdict,
    baselines,
    evidence: file,
    ...(judgeAt ? { judgeAt } : {}),
    policyBaselines: ctx.policy.baselines.length
  }
}
