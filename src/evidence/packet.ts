// The evidence packet (DESIGN.md §7): what ran, on which bytes, with which result. Built by a pure function.
import type { RunContext } from '../git/run-context.js'
import type { Policy } from '../policy/types.js'
import type { Finding } from '../rules/finding.js'
import type { StepResult, Verdict } from '../rules/verdict.js'
import type { Identity, Posture, Trio, TrioRole } from '../trio/model.js'
import type { IncidentEvidence } from './incident-note.js'

// the operations that build a packet also name it
export { packetName } from './packet-name.js'

export const EVIDENCE_SCHEMA = 'evidence-packet.v1'
export const TOOL_NAME = 'baseline-gate'

export interface TrioDigest {
  path: string
  /** Null when the file could not be read. */
  sha256: string | null
  bytes: number | null
}

/** Promotion: the change between the base and the head revision (schema: `change`). */
export interface ChangeEvidence {
  base: string
  head: string
  trio_changed: boolean
  changed_files: string[]
  classification: 'none' | 'additive' | 'breaking'
  /** The change withdraws the base baseline and reinstates an earlier one. */
  rollback?: boolean
  codes_added: string[]
  codes_removed: string[]
  posture_from: Posture | null
  posture_to: Posture | null
  /** Null when no approval was needed. */
  approval: {
    approved: boolean
    consumer: string[]
    producer: string[]
    head_sha: string | null
    /** Why the approval could not be checked, if it could not. */
    problem: string | null
  } | null
}

export interface EvidencePacket {
  schema: typeof EVIDENCE_SCHEMA
  tool: { name: typeof TOOL_NAME; version: string }
  operation: string
  baseline: string
  started_at: string
  finished_at: string
  duration_ms: number
  /** The instant the time-dependent rules judged at, and where it came from. */
  judged_at: JudgedAt
  git: RunContext
  policy: {
    source: Policy['source']
    path: string | null
    sha256: string
    /**
     * A promotion judged by the base revision's policy where it differs from this one (the change edits it, and
     * the gate took the baseline's files, owners and suites from the base): that policy.
     */
    judged_by?: { revision: string; source: Policy['source']; path: string | null; sha256: string }
  }
  trio: Record<TrioRole, TrioDigest>
  identity: Identity
  posture: Posture | null
  findings: Finding[]
  steps: StepResult[]
  change?: ChangeEvidence
  /** Rollback: the incident note's data (schema: `incident`). */
  incident?: IncidentEvidence
  tools: Record<string, string>
  redactions: number
  verdict: Verdict
}

/** `wall-clock` in a live run; `given` (--now); `commit`: the judged commit's date (--replay). */
export interface JudgedAt {
  at: string
  source: 'wall-clock' | 'given' | 'commit'
  commit: string | null
}

/** The packet's own fields as they are, and the rest as the run has them. */
export interface PacketInput extends Pick<
  EvidencePacket,
  | 'operation'
  | 'baseline'
  | 'git'
  | 'identity'
  | 'posture'
  | 'findings'
  | 'steps'
  | 'change'
  | 'incident'
  | 'tools'
  | 'verdict'
> {
  toolVersion: string
  startedAt: Date
  finishedAt: Date
  judgedAt: { at: Date; source: JudgedAt['source']; commit: string | null }
  policy: Policy
  /** The base revision's policy, where a promotion was judged by it and it differs from `policy`. */
  judgedBy?: { revision: string; policy: Policy } | null
  trio: Trio
  /** Secrets removed from the captured output before it was hashed or written. */
  redactions?: number
}

export function buildPacket(input: PacketInput): EvidencePacket {
  const digest = (f: Trio[TrioRole]): TrioDigest => ({
    path: f.path,
    sha256: f.sha256,
    bytes: f.read.kind === 'ok' ? f.read.bytes.length : null
  })
  return {
    schema: EVIDENCE_SCHEMA,
    tool: { name: TOOL_NAME, version: input.toolVersion },
    operation: input.operation,
    baseline: input.baseline,
    started_at: input.startedAt.toISOString(),
    finished_at: input.finishedAt.toISOString(),
    duration_ms: Math.max(0, input.finishedAt.getTime() - input.startedAt.getTime()),
    judged_at: {
      at: input.judgedAt.at.toISOString(),
      source: input.judgedAt.source,
      commit: input.judgedAt.commit
    },
    git: input.git,
    policy: {
      source: input.policy.source,
      path: input.policy.path,
      sha256: input.policy.sha256,
      ...(input.judgedBy && input.judgedBy.policy.sha256 !== input.policy.sha256
        ? {
            judged_by: {
              revision: input.judgedBy.revision,
              source: input.judgedBy.policy.source,
              path: input.judgedBy.policy.path,
              sha256: input.judgedBy.policy.sha256
            }
          }
        : {})
    },
    trio: {
      pin: digest(input.trio.pin),
      manifest: digest(input.trio.manifest),
      matrix: digest(input.trio.matrix)
    },
    identity: input.identity,
    posture: input.posture,
    findings: input.findings,
    steps: input.steps,
    ...(input.change ? { change: input.change } : {}),
    ...(input.incident ? { incident: input.incident } : {}),
    tools: input.tools,
    redactions: input.redactions ?? 0,
    verdict: input.verdict
  }
}
