// The runtime preflight: start the producer, send every probe request, validate the bodies, stop it.
// The producer is always stopped (also on timeout, failure or exception), with its whole process group.
import { join, resolve } from 'node:path'
import { childEnv } from '../exec/child-env.js'
import type { KilledProcess } from '../exec/step-watch.js'
import { launchProducer } from './launch.js'
import type { Launch, LaunchFailure } from './launch.js'
import { PROBE_REQUESTS, sendProbe } from './probe.js'
import type { Exchange } from './probe.js'
import { loadResponseSchemas } from './response-schemas.js'

/** The policy's `producer` block: where the producer lives, how to start it and how to probe it. */
export interface ProducerSettings {
  root: string
  /** Relative to the producer root. */
  manifest: string
  /** Relative to the producer root. */
  handoff: string
  start: { run: string[]; cwd: string }
  probe: { enabled: boolean; ready_timeout_s: number; request_timeout_s: number; schemas: string }
}

/** How the start went, without the process handle (the producer is stopped by the time anyone reads this). */
export type LaunchOutcome = { ok: true; baseUrl: string; ms: number } | LaunchFailure

export interface PreflightReport {
  launch: LaunchOutcome
  exchanges: Exchange[]
  /** The producer's captured output (bounded), for the evidence. */
  outputTail: string
  /**
   * How it was stopped (null when nothing was started): the processes it left that were killed, and whether
   * something that left the gate's tracking still held its output (it may still run).
   */
  stopped: { killed: KilledProcess[]; escaped: boolean; ms: number } | null
  durationMs: number
}

export async function runPreflight(
  root: string,
  baseline: { producer: ProducerSettings },
  env: NodeJS.ProcessEnv
): Promise<PreflightReport> {
  const started = Date.now()
  const producerRoot = join(root, baseline.producer.root)
  // function replacers: a `$` in a path is not a replacement pattern
  const expand = (s: string) =>
    s.replace(/\{repo_root\}/g, () => root).replace(/\{producer_root\}/g, () => producerRoot)
  const probe = baseline.producer.probe
  const launch = await launchProducer({
    argv: baseline.producer.start.run.map(expand),
    cwd: resolve(root, expand(baseline.producer.start.cwd)),
    env: childEnv(env, { CARGO_NET_OFFLINE: env.CARGO_NET_OFFLINE ?? 'true' }),
    readyTimeoutMs: probe.ready_timeout_s * 1000
  })
  const exchanges: Exchange[] = []
  let stopped: PreflightReport['stopped'] | undefined
  try {
    if (launch.ok) {
      const schemas = loadResponseSchemas(
        root,
        join(baseline.producer.root, probe.schemas),
        PROBE_REQUESTS.map((r) => r.schema)
      )
      for (const request of PROBE_REQUESTS) {
        const sent = await sendProbe(launch.baseUrl, request, probe.request_timeout_s * 1000)
        const schema = schemas.get(request.schema)!
        exchanges.push({
          ...sent,
          schemaErrors: schema.ok && sent.json !== undefined ? schema.check(sent.json) : null,
          schemaProblem: schema.ok ? null : schema.problem
        })
      }
    }
  } finally {
    const stopping = Date.now()
    const exit = await launch.handle?.stop()
    if (exit)
      stopped = { killed: exit.killed, escaped: exit.outputForcedClosed === true, ms: Date.now() - stopping }
  }
  return {
    launch: outcomeOf(launch),
    exchanges,
    outputTail: launch.handle?.output.lastLines(20) ?? '',
    // found by review: a producer's daemon that held its output was neither said nor failed, as a suite step's is
    stopped: stopped ?? null,
    durationMs: Date.now() - started
  }
}

function outcomeOf(launch: Launch): LaunchOutcome {
  if (launch.ok) return { ok: true, baseUrl: launch.baseUrl.href, ms: launch.ms }
  return {
    ok: false,
    reason: launch.reason,
    message: launch.message,
    outputTail: launch.outputTail,
    ms: launch.ms
  }
}
