// The terminal's second line says what was judged; when the pin could not be read it says so in words instead
// of a row of question marks ("? · commit ? · ? · ? · ? · posture ?").
import { describe, expect, it } from '@jest/globals'
import { identityLine } from '../../src/cli/render.js'

const NONE = {
  release_tag: null,
  commit_sha: null,
  service_contract_version: null,
  api_contract_version: null,
  integration_baseline: null,
  manifest_sha256: null
}

describe('identityLine', () => {
  it('names the pinned identity and posture', () => {
    const identity = {
      ...NONE,
      release_tag: 'v0.4.0',
      commit_sha: '603d38d8dee7a1b2c3d4e5f60718293a4b5c6d7e',
      service_contract_version: 'service.v3',
      api_contract_version: 'api.v1',
      integration_baseline: 'integration/v1'
    }
    expect(identityLine({ identity, posture: 'GO' })).toBe(
      'v0.4.0 · commit 603d38d8dee7 · service.v3 · api.v1 · integration/v1 · posture GO'
    )
  })

  it('says there is no identity when the pin could not be read', () => {
    const line = identityLine({ identity: NONE, posture: null })
    expect(line).toBe('no baseline identity: the pin could not be read (see the findings below)')
    expect(line).not.toContain('?')
  })

  it('names each field it does not know, and a posture the pin does not record', () => {
    expect(identityLine({ identity: { ...NONE, release_tag: 'v0.3.0' }, posture: null })).toBe(
      'v0.3.0 · commit unknown · service contract unknown · API contract unknown · integration baseline unknown · posture not recorded'
    )
  })
})
