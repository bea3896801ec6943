// A made-up baseline identity for the tests that judge histories of pins: its commit drawn from the tag's digits.
import type { Identity } from '../../src/trio/model.js'

export function identityFor(tag: string, service = 'service.v3'): Identity {
  return {
    release_tag: tag,
    commit_sha: tag.replace(/\D/g, '').padEnd(40, 'a'),
    service_contract_version: service,
    api_contract_version: 'api.v1',
    integration_baseline: 'integration/v1',
    manifest_sha256: 'b'.repeat(64)
  }
}
