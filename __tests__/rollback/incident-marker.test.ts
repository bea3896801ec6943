// The incident issue is found again by its marker: a withdrawn release whose tag the marker cannot hold as it is
// (a pin's tag is a pull request's to write) is named by its digest, so the issue is still opened (found by review:
// a tag over 69 characters made a marker the client refuses, and no incident issue was opened).
import { describe, expect, it } from '@jest/globals'
import { markerProblem } from '../../src/github/input-checks.js'
import { incidentMarker } from '../../src/operations/rollback-publish.js'

describe('incidentMarker', () => {
  it('holds a plain tag as it is, and a long or odd one by its digest, always one the client accepts', () => {
    expect(incidentMarker('memorykernel', 'v0.6.0')).toBe('incident-rollback:memorykernel:v0.6.0')
    const long = `v1.2.${'9'.repeat(60_000)}`
    for (const tag of [long, 'v1.2.3 (hotfix)', null]) {
      const marker = incidentMarker('memorykernel', tag)
      expect(markerProblem(marker)).toBeNull()
      expect(marker.length).toBeLessThanOrEqual(100)
    }
    expect(incidentMarker('memorykernel', long)).toMatch(
      /^incident-rollback:memorykernel:sha256-[0-9a-f]{16}$/
    )
    expect(incidentMarker('memorykernel', long)).not.toBe(incidentMarker('memorykernel', `${long}8`))
  })
})
