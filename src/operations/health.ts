// health: for each baseline, load the trio, run every rule, decide, and write the evidence packet.
import { basename } from 'node:path'
import { buildPacket, packetName } from '../evidence/packet.js'
import { renderPacketMarkdown } from '../evidence/markdown.js'
import type { BaselinePolicy } from '../policy/types.js'
import { trioRules } from '../rules/index.js'
import { aggregateVerdict, decideVerdict } from '../rules/verdict.js'
import { identityOf, postureOf } from '../trio/identity.js'
import { loadTrio } from '../trio/load.js'
import type { BaselineResult, OperationContext, OperationResult } from './context.js'

export interface HealthOptions {
  baselines: BaselinePolicy[]
}

export async function runHealth(ctx: OperationContext, options: HealthOptions): Promise<OperationResult> {
  // git runs in a child process: let it work while the rules do
  const gitContext = ctx.runContext()
  const tools = { node: process.version }
  const results: BaselineResult[] = []
  for (const baseline of options.baselines) {
    const startedAt = ctx.clock()
    const trio = loadTrio(ctx.root, baseline)
    const findings = trioRules(trio, { baseline, now: startedAt })
    const verdict = decideVerdict(findings)
    const identity = identityOf(trio)
    const posture = postureOf(trio)
    const git = await gitContext
    const packet = buildPacket({
      toolVersion: ctx.toolVersion,
      operation: 'health',
      baseline: baseline.name,
      startedAt,
      finishedAt: ctx.clock(),
      git,
      policy: ctx.policy,
      trio,
      identity,
      posture,
      findings,
      tools,
      verdict
    })
    const name = packetName('health', baseline.name)
    const evidence = ctx.evidence.write(`${name}.json`, `${JSON.stringify(packet, null, 2)}\n`)
    ctx.evidence.write(`${name}.md`, renderPacketMarkdown(packet))
    results.push({ name: baseline.name, identity, posture, findings, steps: [], verdict, evidence })
  }
  const verdict = aggregateVerdict(results.map((r) => r.verdict))
  let evidence = results[0]?.evidence ?? ''
  if (results.length !== 1) {
    const index = {
      schema: 'evidence-index.v1',
      operation: 'health',
      verdict,
      packets: results.map((r) => ({ baseline: r.name, verdict: r.verdict, file: basename(r.evidence) }))
    }
    evidence = ctx.evidence.write('health.json', `${JSON.stringify(index, null, 2)}\n`)
  }
  return { operation: 'health', verdict, baselines: results, evidence }
}
