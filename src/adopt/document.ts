// What baseline-gate init proposes: the policy document (only what it decided; the rest is left to the
// defaults) and what it says about it.
import type { StepDocument } from './suites.js'

/** One thing init says: what it found, what it could not decide, or a note. */
export interface InitItem {
  /** The baseline it is about; null: the repository as a whole. */
  baseline: string | null
  /** The policy field it decides (`trio.pin`, `producer.start`, ...). */
  field: string
  /** Where: a path relative to the root, or null. */
  path: string | null
  /** What, and why. */
  message: string
  /** For what could not be decided: what to do. */
  todo?: string
}

export interface PolicyDocument {
  policy_version: 'baseline-policy.v1'
  baselines: Record<string, BaselineDocument>
}

/** A baseline as the policy file writes it: only what init decided; the rest is left to the defaults. */
export interface BaselineDocument {
  display_name?: string
  trio: { pin: string; manifest?: string; matrix?: string }
  producer?: {
    root: string
    manifest: string
    handoff?: string
    start?: { run: string[]; cwd: string }
    probe?: { schemas: string }
  }
  adapter?: {
    file?: string | string[]
    endpoints?: string[]
    unused?: string[]
    scan: string[]
    exclude: string[]
  }
  suites?: { consumer?: StepDocument[]; producer?: StepDocument[] }
  owners?: { consumer?: string[]; producer?: string[] }
  repin?: { mentions?: string[]; handoff?: { run: string[]; cwd: string } }
}

export interface Proposal {
  /** The policy to write; null when no pin was found (nothing to adopt). */
  document: PolicyDocument | null
  /** The document's text, exactly as it would be written. */
  text: string | null
  found: InitItem[]
  undecided: InitItem[]
  notes: InitItem[]
  /** Baselines whose pin predates adoption (no runtime_cutover_posture): `baseline-gate migrate` is next. */
  migrate: string[]
  /** What was looked at, for a report that found nothing. */
  looked: { files: number; json: number; markdown: number; cargo: number }
}
