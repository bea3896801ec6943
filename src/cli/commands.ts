// What the command line can be asked: one typed object per command (the parser in args.ts builds them).
import type { RollbackTrigger } from '../evidence/incident-note.js'
import type { SignerPolicy } from '../evidence/signer-policy.js'
import type { InstantRequest } from '../operations/instant.js'

export class UsageError extends Error {
  override name = 'UsageError'
}

/** When the time-dependent rules judge (BG203, BG308, BG504). */
export type NowOption = InstantRequest

/** Where a command looks: the repository and which of its policy's baselines. */
interface Selection {
  /** --root as given (undefined: the current directory); the root is found from it (src/git/root.ts). */
  root: string | undefined
  policy: string | undefined
  baseline: string | undefined
}

/** The options of the commands that judge and write evidence (health, promote, rollback). */
interface JudgingOptions extends Selection {
  json: boolean
  evidenceDir: string | undefined
  /** --sarif FILE: the findings as SARIF 2.1.0 (code scanning). */
  sarif: string | undefined
  now: NowOption
}

export interface HealthCommand extends JudgingOptions {
  command: 'health'
  probe: boolean
  /** Also check the producer identity in the producer repository (a token from GITHUB_TOKEN / GH_TOKEN). */
  remote: boolean
}

export interface RepinCommand extends Selection {
  command: 'repin'
  now: NowOption
}

/** Write config/baseline-policy.json fitted to the repository. */
export interface InitCommand {
  command: 'init'
  root: string | undefined
  /** Print the policy it would write; write nothing. */
  dryRun: boolean
  /** Overwrite an existing policy file. */
  force: boolean
  json: boolean
}

/** Bring the trio written before adoption to the current format, as one atomic change. */
export interface MigrateCommand extends Selection {
  command: 'migrate'
  dryRun: boolean
  /** The posture a pin without one gets (default NO-GO: GO needs the joint approval of both teams). */
  posture: 'GO' | 'NO-GO'
  json: boolean
  now: NowOption
}

export interface PromoteCommand extends JudgingOptions {
  command: 'promote'
  /** A revision: the state before the change. */
  base: string
  /** A revision: the change (default HEAD). */
  head: string
  suites: boolean
  /** Run the suites even when the rules already decide FAIL. */
  suitesAnyway: boolean
}

export interface LkgCommand extends Selection {
  command: 'lkg'
  json: boolean
}

/** The policy's baselines as a GitHub job matrix. Same options as lkg. */
export interface PlanCommand extends Omit<LkgCommand, 'command'> {
  command: 'plan'
}

export interface AggregateCommand {
  command: 'aggregate'
  /** Evidence directories, as given. */
  dirs: string[]
  json: boolean
  /** Baselines that must each have a packet; null: those of the policy when --root/--policy is given. */
  expect: string[] | null
  root: string | undefined
  policy: string | undefined
}

export interface RollbackCommand extends JudgingOptions {
  command: 'rollback'
  trigger: RollbackTrigger
  /** Recorded literally (after redaction); never run or interpreted. */
  reason: string
  to: string | null
  dryRun: boolean
  /** A rollback drill (implies the dry run). */
  drill: boolean
  suites: boolean
}

export interface VerifyEvidenceCommand {
  command: 'verify-evidence'
  file: string
  /** --root as given (undefined: the current directory); the root is found from it (src/git/root.ts). */
  root: string | undefined
  /** A Sigstore bundle of the statement, and what it must be signed by (both or neither). */
  bundle: { file: string; trustRoot: string; signer: SignerPolicy | null } | null
}

export type Command =
  | HealthCommand
  | RepinCommand
  | InitCommand
  | MigrateCommand
  | PromoteCommand
  | LkgCommand
  | PlanCommand
  | AggregateCommand
  | RollbackCommand
  | VerifyEvidenceCommand
  | { command: 'help'; topic?: CommandName }
  | { command: 'version' }

/** The commands, in the order the help lists them. */
export const COMMAND_NAMES = [
  'health',
  'promote',
  'repin',
  'init',
  'migrate',
  'lkg',
  'rollback',
  'verify-evidence',
  'plan',
  'aggregate'
] as const
export type CommandName = (typeof COMMAND_NAMES)[number]
