import { afterAll, describe, expect, it } from '@jest/globals'
import { cleanupFixtures, findingsOf, health, REPO_ROOT, trioFixture } from './helpers/fixture.js'

afterAll(cleanupFixtures)

describe('the embedded default baseline', () => {
  it('passes every rule in the repository itself', async () => {
    const result = await health(REPO_ROOT)
    expect(result.baselines.map((b) => b.name)).toEqual(['memorykernel'])
    expect(result.baselines[0]!.findings).toEqual([])
    expect(result.verdict).toBe('PASS')
    expect(result.baselines[0]!.posture).toBe('GO')
    expect(result.baselines[0]!.identity.release_tag).toMatch(/^v\d+\.\d+\.\d+$/)
  })

  it('passes with no policy file at all (the built-in defaults describe the runbook layout)', async () => {
    const fx = trioFixture({ policy: false })
    // the defaults name no adapter file: the boundary is not checked, and a warning says so
    const findings = await findingsOf(fx.root)
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['BG604', 'warning']])
    // the files that name the endpoints are named, and init is where they go into the policy
    expect(findings[0]!.message).toContain('these files name producer endpoints: src/producer/endpoints.ts')
  })
})
