import { afterAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HEALTH_RUNS_NO_STEPS } from '../src/operations/health.js'
import { notRun } from '../src/present/not-run.js'
import { lineToText } from '../src/present/inline.js'
import { cleanupFixtures, findingsOf, health, REPO_ROOT, trioFixture } from './helpers/fixture.js'
import { nodeStep, writePolicy } from './helpers/git-repo.js'

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

describe('suite steps the policy declares for health', () => {
  it('are recorded as skipped with the reason, never run, and said on every surface (found by review: nothing said so)', async () => {
    const fx = trioFixture()
    const marker = join(fx.root, 'ran')
    writePolicy(fx, {
      consumer: [
        {
          ...nodeStep('contract-smoke', 'require("fs").writeFileSync(process.argv[1], "x")', [marker]),
          operations: ['health']
        },
        nodeStep('typecheck', '0')
      ]
    })
    const result = await health(fx.root)
    const b = result.baselines[0]!
    expect(result.verdict).toBe('PASS')
    expect(existsSync(marker)).toBe(false)
    const suite = b.steps.filter((s) => s.suite !== 'preflight')
    expect(suite.map((s) => [s.suite, s.name, s.status, s.required, s.skip_reason])).toEqual([
      ['consumer', 'contract-smoke', 'skipped', false, HEALTH_RUNS_NO_STEPS]
    ])
    expect(notRun(b).map((l) => lineToText(l))).toContain(
      `1 suite step of 1 skipped: ${HEALTH_RUNS_NO_STEPS}.`
    )
    const md = readFileSync(b.evidence.replace(/\.json$/, '.md'), 'utf8')
    expect(md).toContain(`1 suite step of 1 skipped: ${HEALTH_RUNS_NO_STEPS}.`)
  })
})
