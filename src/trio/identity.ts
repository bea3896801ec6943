// The identity and posture of a baseline, read from the pin (the runtime authority).
import type { Identity, Pin, Posture, Trio } from './model.js'

export function identityOf(trio: Trio): Identity {
  const pin = trio.pin.data ?? {}
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

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null
}
