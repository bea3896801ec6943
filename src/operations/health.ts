// health: for each baseline, load the trio and the producer's files, run every rule, probe the running
// producer (unless told not to), decide; then write every baseline's evidence packet in one batch. What does not
// depend on the baseline is done once per run: the policy (loaded by the entry), the adapter scan and the findings of
// each adapter configuration, the git context, the journals' listing, the directories on the way to the trios, and
// the producer's files of baselines that share a producer.
import { existsSync } from 'node:fs'
import { journalsLeft, journalState } from '../fs/atomic-set.js'
import { markPath, unverifiedRestore } from './unverified-restore.js'
import type { EvidenceFile } from '../fs/evidence-store.js'
import { createRepoScan } from '../fs/scan.js'
import { createContainMemo } from '../fs/contain.js'
import type { BaselinePolicy } from '../policy/types.js'
import { driftRules, withdrawnContract } from '../rules/drift.js'
import { finding, sortFindings } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'
import { trioRules } from '../rules/index.js'
import { preflightRules } from '../rules/preflight.js'
import { redactStrings } from './redact-findings.js'
import { decideVerdict } from '../rules/verdict.js'
import { identityOf, postureOf } from '../trio/identity.js'
import { loadProducerFiles, loadTrio } from '../trio/load.js'
import type { BaselineResult, OperationContext, OperationResult } from './context.js'
import { adapterFindings } from './adapter-input.js'
import { operationResult } from './outcome.js'
import { baselinePacket, packetFiles, startRun } from './packet.js'
import { checkProducerIdentity } from './producer-identity.js'
import { unrunSteps } from './declared-steps.js'
import type { ProducerReader } from './producer-identity.js'

export interface HealthOptions {
  baselines: BaselinePolicy[]
  /** Start and probe the producer (the runtime preflight). */
  probe: boolean
  /**
   * Check the producer identity in the producer repository through the GitHub API (BG311-BG314):
   * the reader the entry made with its token; null or absent: not checked.
   */
  remote?: ProducerReader | null
}

/** Why health records the steps a policy declares for it as skipped. */
export const HEALTH_RUNS_NO_STEPS =
  "health runs no suite steps (its contract test is the runtime preflight); the promotion gate and the rollback run them: take 'health' out of their operations in the policy (or remove a step declared for health alone)"

export async function runHealth(ctx: OperationContext, options: HealthOptions): Promise<OperationResult> {
  // git may run in a child process: let it work while the rules do. Health runs no suites: node is its tool
  const run = await startRun(ctx, Promise.resolve({ node: process.version }))
  const instant = run.instant
  const scan = createRepoScan(ctx.root)
  const producers = new Map<string, ReturnType<typeof loadProducerFiles>>()
  const producerFiles = (baseline: BaselinePolicy) => {
    const p = baseline.producer
    const key = JSON.stringify([p.root, p.manifest, p.handoff])
    let files = producers.get(key)
    if (!files) producers.set(key, (files = loadProducerFiles(ctx.root, baseline)))
    return files
  }
  // what interrupted writes left, listed once for every baseline
  const journals = journalsLeft(ctx.root)
  // the directories on the way to the trios, looked at once for all of them (the reads end before any producer runs)
  const trioReads = createContainMemo()
  const results: Omit<BaselineResult, 'evidence'>[] = []
  const files: EvidenceFile[] = []
  /** Where each baseline's packet JSON is in `files`. */
  const jsonAt: number[] = []
  // every file is read and judged before any producer starts: a producer runs the repository's code, which could
  // rewrite what is read after it (another baseline's trio, the sources the adapter scan searches)
  const read = options.baselines.map((baseline) => {
    const startedAt = ctx.clock()
    const now = instant.source === 'wall-clock' ? startedAt : instant.at
    const trio = loadTrio(ctx.root, baseline, trioReads)
    const producer = producerFiles(baseline)
    const onDisk = [
      ...interruptedWrites(ctx.root, baseline, journals),
      ...trioRules(trio, { baseline, now }),
      ...driftRules(trio, producer, { now }),
      ...adapterFindings(ctx.root, baseline, scan)
    ]
    return { baseline, startedAt, now, trio, producer, onDisk }
  })
  // where the run happened, before any producer runs the repository's code: a repository git names objects of with
  // SHA-256 is refused there (found by review: a producer was started first, then the run refused)
  await run.gitContext
  for (const { baseline, startedAt, now, trio, producer, onDisk } of read) {
    const report = options.probe && baseline.producer.probe.enabled ? await preflight(ctx, baseline) : null
    const judged = preflightRules({
      report,
      skippedBy: options.probe ? 'policy' : 'run',
      pin: trio.pin,
      producerManifest: producer.manifest.data,
      producerManifestPath: producer.manifest.path,
      heldBack: withdrawnContract(trio, producer)
    })
    const remote = options.remote ? await checkProducerIdentity(trio, baseline, options.remote) : []
    const findings = sortFindings([...onDisk, ...judged.findings, ...remote])
    // a killed process is named by its command, which the producer chose. The suite steps the policy declares for
    // health are recorded as skipped, so that every surface says they did not run (found by review: a step
    // declared for health never ran, and nothing said so)
    const steps = [
      ...redactStrings(ctx, judged.steps),
      ...unrunSteps(baseline, 'health', ctx.env, { status: 'skipped', skip_reason: HEALTH_RUNS_NO_STEPS })
    ]
    const verdict = decideVerdict(findings, steps)
    const identity = identityOf(trio)
    const posture = postureOf(trio)
    const packet = await baselinePacket(ctx, run, {
      operation: 'health',
      baseline: baseline.name,
      startedAt,
      judgedAt: instant.source === 'wall-clock' ? { ...instant, at: now } : instant,
      trio,
      identity,
      posture,
      findings,
      steps,
      verdict
    })
    jsonAt.push(files.length)
    files.push(...packetFiles(packet))
    results.push({ name: baseline.name, identity, posture, findings, steps, verdict })
  }
  // each baseline's JSON, Markdown and statement (the index of several comes after them all)
  const written = ctx.evidence.writeAll(files)
  return operationResult(
    ctx,
    'health',
    results.map((r, i) => ({ ...r, evidence: written[jsonAt[i]!]! })),
    run.instant
  )
}

/** A set write of the trio that a crash interrupted: the files may mix two trios until it is finished. */
function interruptedWrites(
  root: string,
  baseline: BaselinePolicy,
  journals: ReturnType<typeof journalsLeft>
): Finding[] {
  const rollback = journals.path(`rollback-${baseline.name}`)
  return (['repin', 'rollback', 'migrate'] as const)
    .flatMap((command) => {
      const journal = journals.path(`${command}-${baseline.name}`)
      if (!journals.mayBeLeft(journal) || !existsSync(journal)) return []
      // what the journal says of how far it got (found by review: a write stopped before its first rename was said
      // to mix two trios)
      const state = journalState(journal)
      const message =
        state === 'prepared'
          ? `a baseline-gate ${command} of ${baseline.name} was interrupted before it changed any trio file (journal ${journal}): the trio is whole; the next ${command} removes what it left (its journal and staged copies)`
          : `a baseline-gate ${command} of ${baseline.name} was interrupted while writing the trio (journal ${journal}): the files may mix the old and the new trio; run baseline-gate ${command} again to finish it (if the trio was restored from git since, that run drops the interrupted write instead)`
      return [finding('BG215', null, null, message)]
    })
    .concat(journals.mayBeLeft(markPath(rollback)) ? unverifiedRestore(root, rollback, baseline.name) : [])
}

/** Loaded on demand: the preflight (and the JSON Schema compiler it needs) costs start-up time otherwise. */
async function preflight(ctx: OperationContext, baseline: BaselinePolicy) {
  const { runPreflight } = await import('../producer/preflight.js')
  return runPreflight(ctx.root, baseline, ctx.env)
}
