// The evidence packet of each baseline an operation judges: the facts its whole run shares (git's run context,
// the tool versions, the instant judged at), the baseline's own judgement, and the files it is written as.
import { renderPacketMarkdown } from '../evidence/markdown.js'
import { buildPacket, packetName } from '../evidence/packet.js'
import { buildStatement, statementFileName } from '../evidence/statement.js'
import type { EvidencePacket, PacketInput } from '../evidence/packet.js'
import type { EvidenceFile, EvidenceStore } from '../fs/evidence-store.js'
import { runTools } from '../exec/tool-versions.js'
import { resolveCommit } from '../git/git.js'
import type { RunContext } from '../git/run-context.js'
import type { OperationContext } from './context.js'
import { redactFindings, redactStrings } from './redact-findings.js'
import { resolveInstant } from './instant.js'
import type { Instant } from './instant.js'

/** What every baseline of one run shares; the promises are awaited when a packet needs them. */
export interface RunFacts {
  gitContext: Promise<RunContext>
  tools: PromiseLike<Record<string, string>>
  instant: Instant
  /** Said when a suite is about to run (startSuiteRun: cargo and rustc are asked only then). */
  suitesRun?: () => void
}

/**
 * The start of a run: git's run context is read in the background while the instant is resolved.
 * @param commit the commit judged (promotion: its head); default HEAD, asked for only by --replay
 */
export async function startRun(
  ctx: OperationContext,
  tools: PromiseLike<Record<string, string>>,
  commit?: string
): Promise<RunFacts> {
  const gitContext = ctx.runContext()
  // awaited by each packet; a refusal (a repository of SHA-256 names) surfaces there, not as an unhandled rejection
  gitContext.catch(() => {})
  const instant = await resolveInstant(ctx.judgeAt, {
    clock: ctx.clock,
    root: ctx.root,
    commit: commit ?? (() => resolveCommit(ctx.root, 'HEAD'))
  })
  return { gitContext, tools, instant }
}

/**
 * The start of a run that may run suites (promotion, rollback): cargo and rustc are asked for the evidence only
 * once `suitesRun()` says a suite runs, since rustup starts the toolchain the checkout names
 * (exec/tool-versions.ts: runTools).
 */
export async function startSuiteRun(ctx: OperationContext, commit?: string): Promise<RunFacts> {
  const tools = runTools(ctx.env)
  return { ...(await startRun(ctx, tools.versions, commit)), suitesRun: tools.suitesRun }
}

/** What the run and the context supply to every packet. */
type Shared = 'toolVersion' | 'finishedAt' | 'git' | 'policy' | 'tools'

/** The baseline's packet, finished now. */
export async function baselinePacket(
  ctx: OperationContext,
  run: RunFacts,
  judged: Omit<PacketInput, Shared>
): Promise<EvidencePacket> {
  const finishedAt = ctx.clock()
  return buildPacket({
    ...judged,
    findings: redactFindings(ctx, judged.findings),
    identity: redactStrings(ctx, judged.identity),
    ...(judged.change ? { change: redactStrings(ctx, judged.change) } : {}),
    ...(judged.incident ? { incident: redactStrings(ctx, judged.incident) } : {}),
    toolVersion: ctx.toolVersion,
    finishedAt,
    git: await run.gitContext,
    policy: ctx.policy,
    tools: await run.tools
  })
}

/**
 * The packet's files: its JSON (what verify-evidence reads), its Markdown rendering, and the packet as an in-toto
 * Statement (what a workflow signs with actions/attest).
 */
export function packetFiles(packet: EvidencePacket, markdown: { displayName?: string } = {}): EvidenceFile[] {
  const name = packetName(packet.operation, packet.baseline)
  return [
    { name: `${name}.json`, content: `${JSON.stringify(packet, null, 2)}\n` },
    { name: `${name}.md`, content: renderPacketMarkdown(packet, markdown) },
    {
      name: statementFileName(`${name}.json`),
      content: `${JSON.stringify(buildStatement(packet), null, 2)}\n`
    }
  ]
}

/** Writes the packet's files; returns the path of its JSON. */
export function writePacket(
  evidence: EvidenceStore,
  packet: EvidencePacket,
  markdown: { displayName?: string } = {}
): string {
  return evidence.writeAll(packetFiles(packet, markdown))[0]!
}
