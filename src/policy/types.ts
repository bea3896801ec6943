// The resolved policy: every baseline with every field filled in (the file's own shape, defaults applied).
import type { StepCommand } from '../exec/run-steps.js'
import type { ProducerSettings } from '../producer/preflight.js'

export type OperationName = 'health' | 'promotion' | 'rollback'

export interface SuiteStep extends StepCommand {
  operations: OperationName[]
}

export interface TrioPaths {
  pin: string
  manifest: string
  matrix: string
}

export interface BaselinePolicy {
  name: string
  display_name: string
  trio: TrioPaths
  producer: ProducerSettings
  suites: { concurrent: boolean; consumer: SuiteStep[]; producer: SuiteStep[] }
  owners: { consumer: string[]; producer: string[] }
  /** The adapter boundary; `files` empty: not checked (BG604). */
  /**
   * `endpoints`: what the adapter names (BG602); `unused`: the producer's other endpoints, which the consumer does
   * not call. No scanned file but the adapter names either (BG603).
   */
  adapter: { files: string[]; endpoints: string[]; unused: string[]; scan: string[]; exclude: string[] }
  /** What else names a baseline: repin brings it along or says what is left to do. */
  repin: {
    /** Files (relative to the root, {producer_root} expanded) that must mention a new release tag. */
    mentions: string[]
    /** The command that regenerates the producer's handoff payload (printed, never run); null: none known. */
    handoff: { run: string[]; cwd: string } | null
  }
}

export interface Policy {
  /** 'file' when read from a policy file, 'defaults' when none exists and the built-in defaults apply. */
  source: 'file' | 'defaults'
  /** Path of the policy file relative to the root (or as given), null for defaults. */
  path: string | null
  /** SHA-256 of the policy file's bytes, or of the resolved defaults' JSON. */
  sha256: string
  baselines: BaselinePolicy[]
}

/** A policy that cannot be used: reported as one line on stderr, exit 2 (never a finding). */
export class PolicyError extends Error {
  override name = 'PolicyError'
}
