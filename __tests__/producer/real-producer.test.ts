// The runtime preflight against the real reference producer: `cargo run` builds and starts it on a free
// loopback port, every probe request passes, and the producer is stopped afterwards.
import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from '@jest/globals'
import { validateEvidence } from '../../src/generated/evidence-validators.js'
import { cleanupFixtures, health, REPO_ROOT } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

describe('health on the embedded default, with the runtime preflight', () => {
  it('builds, starts and probes the reference producer, and passes', async () => {
    const result = await health(REPO_ROOT, { probe: true })
    const b = result.baselines[0]!
    expect(b.findings.filter((f) => f.severity !== 'notice')).toEqual([])
    expect(b.steps.length).toBe(6)
    expect(b.steps.every((s) => s.suite === 'preflight' && s.status === 'passed')).toBe(true)
    expect(result.verdict).toBe('PASS')
    expect(validateEvidence(JSON.parse(readFileSync(result.evidence, 'utf8')))).toBe(true)
  }, 600_000)
})
