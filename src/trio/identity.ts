// The identity and posture of a baseline, read from the pin (the runtime authority).
import type { Identity, Pin, Posture, Trio } from './model.js'
import semverCompare from 'semver/functions/compare.js'
import semverValid from 'semver/functions/valid.js'

export function identityOf(trio: Trio): Identity {
  return identityOfPin(trio.pin.data ?? {})
}

/** The identity a pin names (any field it lacks is null). */
export function identityOfPin(pin: Partial<Pin>): Identity {
  return {
    release_tag: str(pin.release_tag),
    commit_sha: str(pin.commit_sha),
    service_contract_version: str(pin.expected_service_contract_version),
    api_contract_version: str(pin.expected_api_contract_version),
    integration_baseline: str(pin.expected_integration_baseline),
    manifest_sha256: str(pin.expected_producer_manifest_sha256)
  }
}

export function postureOf(trio: Trio): Posture | null {
  const p = (trio.pin.data as Partial<Pin> | null)?.runtime_cutover_posture
  return p === 'GO' || p === 'NO-GO' ? p : null
}

/** The identity of a pin's bytes as committed; null when they are not a JSON object. */
export function identityOfPinBytes(bytes: Buffer): Identity | null {
  try {
    const data: unknown = JSON.parse(bytes.toString('utf8'))
    return data && typeof data === 'object' && !Array.isArray(data)
      ? identityOfPin(data as Partial<Pin>)
      : null
  } catch {
    return null
  }
}

export interface PinFacts {
  identity: Identity
  /** The pin records runtime_cutover_posture (the current format; adoption's marker). */
  hasPosture: boolean
}

/** What the history walk needs of a pin's bytes as committed; null when they are not a JSON object. */
export function pinFacts(bytes: Buffer): PinFacts | null {
  try {
    const data: unknown = JSON.parse(bytes.toString('utf8'))
    if (!data || typeof data !== 'object' || Array.isArray(data)) return null
    const pin = data as Partial<Pin>
    return { identity: identityOfPin(pin), hasPosture: pin.runtime_cutover_posture !== undefined }
  } catch {
    return null
  }
}

/** Same baseline: every identity field equal. */
export function sameIdentity(a: Identity, b: Identity): boolean {
  return (Object.keys(a) as (keyof Identity)[]).every((k) => a[k] === b[k])
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null
}

/**
 * Release tag `a` against `b` as versions (a leading `v` ignored): below 0 when `a` is lower, 0 when equal, above 0
 * when higher; null when either is no version semver can compare exactly (it refuses a number past 2^53 - 1, which
 * the schema's tag format keeps out). A caller that gates on the order treats null as a refusal, never a pass.
 */
export function compareReleases(a: string | null | undefined, b: string | null | undefined): number | null {
  const x = typeof a === 'string' ? semverValid(a.replace(/^v/, '')) : null
  const y = typeof b === 'string' ? semverValid(b.replace(/^v/, '')) : null
  return x !== null && y !== null ? semverCompare(x, y) : null
}

/** Whether release tag `a` is a lower version than `b` (both semver tags, `v` or not; false otherwise). */
export function olderRelease(a: string | null | undefined, b: string | null | undefined): boolean {
  return (compareReleases(a, b) ?? 0) < 0
}
