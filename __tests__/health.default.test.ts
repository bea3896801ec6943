import { afterAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HEALTH_RUNS_NO_STEPS, runHealth } from '../src/operations/health.js'
import { createEvidenceStore } from '../src/fs/evidence-store.js'
import { UnsupportedRepositoryError } from '../src/git/git.js'
import { loadPolicy, selectBaselines } from '../src/policy/load.js'
import { notRun } from '../src/present/not-run.js'
import { lineToText } from '../src/present/inline.js'
import {
  cleanupFixtures,
  findingsOf,
  health,
  NOW,
  POLICY,
  REPO_ROOT,
  tempDir,
  trioFixture
} from './helpers/fixture.js'
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

describe('where the run happened', () => {
  it('is known before any producer runs the repository code: a repository refused there starts none (found by review)', async () => {
    const fx = trioFixture()
    const started = join(tempDir('bg-started-'), 'started')
    fx.editJson(POLICY, (policy) => {
      const b = (policy.baselines as Record<string, { producer: { start: { run: string[] } } }>).memorykernel!
      b.producer.start.run = [
        process.execPath,
        '-e',
        'require("fs").writeFileSync(process.argv[1], "x")',
        started
      ]
    })
    const policy = loadPolicy({ root: fx.root, cwd: fx.root })
    const refused = new UnsupportedRepositoryError('this repository names its objects with SHA-256')
    const run = runHealth(
      {
        root: fx.root,
        policy,
        clock: () => NOW,
        runContext: () => Promise.reject(refused),
        evidence: createEvidenceStore(tempDir('bg-evidence-')),
        toolVersion: '0.0.0-test',
        env: process.env
      },
      { baselines: selectBaselines(policy, undefined), probe: true }
    )
    await expect(run).rejects.toBe(refused)
    expect(existsSync(started)).toBe(false)
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
