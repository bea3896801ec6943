// The incident note never claims checks that did not run: a rollback with its suites skipped (--no-suites, the
// input suites: false) says the rule checks passed and the suites were not run, and its next milestone is running
// them, not the joint summary.
import { describe, expect, it } from '@jest/globals'
import { nextMilestone, renderIncidentNote } from '../../src/evidence/incident-note.js'
import type { IncidentEvidence } from '../../src/evidence/incident-note.js'
import type { Identity } from '../../src/trio/model.js'

const STARTED = new Date('2026-03-02T10:00:00.000Z')
const id = (tag: string, commit: string): Identity => ({
  release_tag: tag,
  commit_sha: commit.repeat(40),
  service_contract_version: 'service.v2',
  api_contract_version: 'api.v1',
  integration_baseline: 'integration/v1',
  manifest_sha256: 'c'.repeat(64)
})

function note(suitesRan: boolean): IncidentEvidence {
  return {
    trigger: 'contract-drift',
    severity: 'SEV-2',
    reason: 'drill',
    posture: 'NO-GO',
    rolled_back_from: id('v0.4.0', 'a'),
    active: id('v0.3.2', 'b'),
    target_revision: 'd'.repeat(40),
    status: 'restored',
    dry_run: false,
    suites_ran: suitesRan,
    timeline: [{ at: STARTED.toISOString(), event: 'rollback suites: not run: all 7 steps skipped' }],
    next_milestone: nextMilestone(STARTED, 'restored', suitesRan),
    pull_request_url: null,
    incident_issue_url: null,
    target_profile: 'legacy',
    follow_up: []
  }
}

const render = (n: IncidentEvidence) =>
  renderIncidentNote(n, { displayName: 'MemoryKernel', baseline: 'memorykernel', verdict: 'PASS' })

describe('an incident note of a rollback whose suites were skipped', () => {
  it('says the suites were not run, never that its checks passed', () => {
    const text = render(note(false))
    expect(text).not.toContain('its checks passed')
    expect(text).toContain('Its rule checks passed; the rollback suites were **not run** on it.')
    expect(text).toContain('its rule checks passed, the rollback suites were not run')
  })

  it('makes running them the next milestone (within 30 minutes), not the joint summary', () => {
    expect(nextMilestone(STARTED, 'restored', false)).toEqual({
      due: '2026-03-02T10:30:00.000Z',
      what: 'consumer re-pin confirmation: run the rollback suites on the restored baseline (this rollback skipped them) and they pass'
    })
    expect(nextMilestone(STARTED, 'restored', true).what).toBe(
      'joint incident summary by the consumer and producer owners'
    )
  })

  it('with the suites run, the note says its checks passed', () => {
    expect(render(note(true))).toContain(
      'the trio pins `v0.3.2` (commit `bbbbbbbbbbbb`) again, and its rule checks and the rollback suites passed. It takes effect once the restored trio is merged'
    )
  })
})
