// What an operation receives from its entry (CLI or action): everything with a side effect is injected.
import type { LastKnownGood } from '../classify/last-known-good.js'
import type { RollbackStatus } from '../evidence/incident-note.js'
import type { ChangeEvidence } from '../evidence/packet.js'
import type { Recovery } from '../fs/atomic-set.js'
import type { EvidenceStore } from '../fs/evidence-store.js'
import { readRunContext } from '../git/run-context.js'
import type { RunContext } from '../git/run-context.js'
import type { OperationName, Policy } from '../policy/types.js'
import type { Instant, InstantRequest } from './instant.js'
import type { Finding } from '../rules/finding.js'
import type { StepResult, Verdict } from '../rules/verdict.js'
import type { Identity, Posture } from '../trio/model.js'
import { TOOL_VERSION } from '../version.js'
import type { DrillNoTarget, DrillReport } from './rollback-drill.js'

export interface OperationContext {
  /** Absolute path of the repository root. */
  root: string
  /**
   * The directory the root was found from (--root, input 'root', or the current one): the promotion gate finds
   * the root the base revision had from it (absent: the root).
   */
  rootFrom?: string
  policy: Policy
  clock: () => Date
  runContext: () => Promise<RunContext>
  evidence: EvidenceStore
  toolVersion: string
  /** The environment, from which the producer gets an allowlisted copy. */
  env: NodeJS.ProcessEnv
  /** When the time-dependent rules judge (absent: the wall clock, `clock`). */
  judgeAt?: InstantRequest
}

/** The context of a live run, the same from the command line and from an action: the wall clock, git's run context. */
export function createOperationContext(o: {
  root: string
  rootFrom?: string
  policy: Policy
  evidence: EvidenceStore
  env: NodeJS.ProcessEnv
  judgeAt?: InstantRequest
}): OperationContext {
  return {
    root: o.root,
    ...(o.rootFrom ? { rootFrom: o.rootFrom } : {}),
    policy: o.policy,
    clock: () => new Date(),
    runContext: () => readRunContext(o.root, o.env),
    evidence: o.evidence,
    toolVersion: TOOL_VERSION,
    env: o.env,
    ...(o.judgeAt ? { judgeAt: o.judgeAt } : {})
  }
}

export interface BaselineResult {
  name: string
  identity: Identity
  posture: Posture | null
  findings: Finding[]
  steps: StepResult[]
  verdict: Verdict
  /** Absolute path of this baseline's evidence JSON. */
  evidence: string
  /** Promotion: what the change does to the baseline. */
  change?: ChangeEvidence
  /** Promotion: the baseline the base revision pinned (the "old" of old -> new), null when it had none. */
  previous?: Identity | null
  /** Secrets removed from the captured suite output. */
  redactions?: number
  /** Rollback: what was restored, from where, and where it was proposed. */
  rollback?: RollbackReport
}

export interface RollbackReport {
  status: RollbackStatus
  /** A dry run (or a drill): nothing was written, whatever the status says a rollback would do. */
  dryRun: boolean
  /** Why there was nothing to restore, when lkg found no target (null otherwise). */
  noTarget: DrillNoTarget | null
  /** The restored trio is on disk and verified. */
  restored: boolean
  /** The run was interrupted (Ctrl-C, a cancelled job) while the suites ran: the previous trio was put back. */
  interrupted: boolean
  /**
   * A rollback suite step could not start (its program missing on the runner), and nothing else failed: the
   * previous trio was put back, and the restored one was not tested at all (no verdict on it).
   */
  notStarted: boolean
  from: Identity
  /** The posture pinned now, before the rollback (a dry run and a drill leave it). */
  fromPosture?: Posture | null
  target: LastKnownGood['target']
  /** The target is a shallow clone's oldest commit (see LkgReport). */
  targetAtCut?: boolean
  passedOver: LastKnownGood['passedOver']
  /** What the restore does to the ledger, in words. */
  ledger: string[]
  /** Files written, relative to the root (empty when the old trio is on disk). */
  written: string[]
  /** What became of a restore a crash had interrupted. */
  recovered: Recovery
  /** Documentation findings of the restored files, listed for a follow-up change (they never block it). */
  followUp: Finding[]
  /** The incident note (Markdown); '' in a drill, which is no incident. */
  note: string
  branch: string | null
  pullRequestUrl: string | null
  incidentIssueUrl: string | null
  /** A rollback drill's checks (only in a drill). */
  drill?: DrillReport
}

export interface OperationResult {
  /** The operation; `repin` is the repin action's (a producer release proposed as a pull request). */
  operation: OperationName | 'repin'
  verdict: Verdict
  baselines: BaselineResult[]
  /** Absolute path of the evidence JSON (the baseline's packet, or an index when several baselines ran). */
  evidence: string
  /** When the time-dependent rules judged, when not the wall clock (--now, --replay): said, and carried on. */
  judgeAt?: Instant & { source: 'given' | 'commit' }
  /** How many baselines the policy has: a command the next steps give for fewer names its own (`--baseline`). */
  policyBaselines?: number
}

/** How many baselines the run's policy has (at least those it judged): more than one, and each output names its own. */
export function policyBaselineCount(result: Pick<OperationResult, 'policyBaselines' | 'baselines'>): number {
  return Math.max(result.policyBaselines ?? 0, result.baselines.length)
}
