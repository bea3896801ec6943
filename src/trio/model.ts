// The trio as loaded from disk: each file with its bytes, positions, parse results and schema problems.
import type { ReadResult } from '../fs/read.js'
import type { Ledger } from '../ledger/model.js'
import type { JsonDocument } from '../document/json-document.js'
import type { LimitProblem } from '../document/limits.js'
import type { SchemaProblem } from '../document/schema-errors.js'
import type { SourceFile } from '../document/source-file.js'

/** The trio's files, in the order every list of them follows. */
export const TRIO_ROLES = ['pin', 'manifest', 'matrix'] as const
export type TrioRole = (typeof TRIO_ROLES)[number]
/** Every file the rules read: the trio, and the producer's own manifest and handoff payload. */
export type FileRole = TrioRole | 'producer-manifest' | 'handoff'
export type Posture = 'GO' | 'NO-GO'

export interface Pin {
  memorykernel_repo: string
  release_tag: string
  commit_sha: string
  expected_service_contract_version: string
  expected_api_contract_version: string
  expected_integration_baseline: string
  expected_producer_manifest_sha256: string
  default_base_url: string
  default_timeout_ms: number
  runtime_cutover_posture: Posture
}

export interface Manifest {
  manifest_contract_version: string
  release_tag: string
  commit_sha: string
  expected_service_contract_version: string
  expected_api_contract_version: string
  integration_baseline: string
  error_code_enum: string[]
  stability_window: { minimum_sprint_days: number }
  additive_error_code_notice_policy: {
    standard_business_days: number
    emergency_notice_hours: number
    emergency_requires_same_day_docs_spec_tests: boolean
  }
  service_v3_transition_guard?: Record<string, boolean>
}

/** What identifies a baseline (DESIGN.md §1). */
export interface Identity {
  release_tag: string | null
  commit_sha: string | null
  service_contract_version: string | null
  api_contract_version: string | null
  integration_baseline: string | null
  manifest_sha256: string | null
}

export interface RepoFile {
  role: FileRole
  path: string
  read: ReadResult
  /** Present when the file could be read. */
  source: SourceFile | null
  /** SHA-256 of the raw bytes, when read. */
  sha256: string | null
}

export interface JsonFile<T> extends RepoFile {
  doc: JsonDocument | null
  /** The parsed top-level object when the syntax is valid (fields may still violate the schema). */
  data: Partial<T> | null
  schemaProblems: SchemaProblem[]
}

export interface MatrixFile extends RepoFile {
  /** Null when the file is missing, empty or over a limit. */
  ledger: Ledger | null
  /** The limit the text is over (BG111); it was then not parsed. */
  limit: LimitProblem | null
}

export interface Handoff {
  handoff_generated_at_utc: string
  handoff_mode: 'stable' | 'service-v3-candidate'
  release_tag: string
  commit_sha: string
  expected_service_contract_version: string
  expected_api_contract_version: string
  integration_baseline: string
  active_runtime_baseline: Record<string, string>
  error_code_enum: string[]
  non_2xx_envelope_policy: Record<string, { requires: string[]; optional?: string[]; forbids: string[] }>
  manifest_contract_version: string
  rehearsal_candidate?: Record<string, unknown>
  compatibility_expectations?: Record<string, string[]>
  required_consumer_validation_commands?: string[]
}

/** The producer's own files, as it publishes them in the repository. */
export interface ProducerFiles {
  manifest: JsonFile<Manifest>
  handoff: JsonFile<Handoff>
}

export interface Trio {
  pin: JsonFile<Pin>
  manifest: JsonFile<Manifest>
  matrix: MatrixFile
}
