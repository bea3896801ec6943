// Acceptance: the BUILT rollback action on a repository adopted after years of hand-made baselines (init's policy
// committed, the trio still in the pre-adoption format), against the loopback fake GitHub API: the previous
// baseline is restored on the rollback branch (the mirror byte for byte, the pin but for its posture, NO-GO),
// and the pull request body, the incident note, lists the documentation findings as follow-up.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startFakeGitHub } from '../../__fixtures__/fake-github.js'
import type { FakeGitHub } from '../../__fixtures__/fake-github.js'
import { builtAction, runBuiltAction } from '../helpers/action-run.js'
import type { ActionRun } from '../helpers/action-run.js'
import { requireBuiltCli, runCli } from '../helpers/cli-run.js'
import { cleanupFixtures } from '../helpers/fixture.js'
import { legacyRepository } from '../helpers/legacy-repo.js'
import type { LegacyRepo } from '../helpers/legacy-repo.js'

const REPOSITORY = 'assist/support'
const BRANCH = 'baseline-gate/rollback-memorykernel'

let fake: FakeGitHub
let r: LegacyRepo
let run: ActionRun

beforeAll(async () => {
  builtAction('rollback')
  requireBuiltCli()
  fake = await startFakeGitHub()
  fake.addRepo(REPOSITORY)
  r = legacyRepository()
  expect(runCli(['init'], r.root).status).toBe(0)
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
      cwd: r.root,
      encoding: 'utf8'
    })
  git('add', 'config/baseline-policy.json')
  git('commit', '-qm', 'adopt: the policy')
  const token = ['fake', 'legacy', 'token', randomBytes(12).toString('hex')].join('-')
  fake.addToken(token, 'github-actions[bot]', { write: true })
  // main on "GitHub" is the commit the workflow checked out (the rollback is built on its tip alone)
  fake.pointBranch(REPOSITORY, 'main', git('rev-parse', 'HEAD').trim())
  run = await runBuiltAction({
    action: 'rollback',
    workspace: r.root,
    runId: '7001',
    job: 'rollback',
    repository: REPOSITORY,
    sha: git('rev-parse', 'HEAD').trim(),
    ref: 'refs/heads/main',
    eventName: 'workflow_dispatch',
    apiUrl: fake.url,
    home: true,
    inputs: {
      trigger: 'contract-drift',
      reason: 'v0.4.0 broke the error envelope',
      target: '',
      'dry-run': 'false',
      // the legacy consumer's suites are pnpm scripts this machine has no project for: the rules decide
      suites: 'false',
      token,
      'base-branch': '',
      'upload-evidence': 'true'
    }
  })
})

afterAll(async () => {
  await fake?.close()
  cleanupFixtures()
})

describe('the rollback action on a repository whose history predates adoption', () => {
  it('PASS: restores the previous hand-made baseline at NO-GO and proposes it', () => {
    expect([run.status, run.stderr]).toEqual([0, ''])
    expect(run.outputs).toMatchObject({ verdict: 'PASS', 'target-tag': 'v0.3.2' })
    const target = r.commits.matrixTypo
    expect(fake.fileAt(REPOSITORY, BRANCH, r.paths.manifest)).toBe(
      r.show(target, r.paths.manifest).toString('utf8')
    )
    const pin = fake.fileAt(REPOSITORY, BRANCH, r.paths.pin)!
    expect(JSON.parse(pin).runtime_cutover_posture).toBe('NO-GO')
    expect(pin.replace(/,\n\s*"runtime_cutover_posture": "NO-GO"/, '')).toBe(
      r.show(target, r.paths.pin).toString('utf8')
    )
    expect(fake.fileAt(REPOSITORY, BRANCH, r.paths.matrix)).toContain('- Runtime cutover posture: `NO-GO`')
  })

  it('the pull request body and the incident issue say the target predates adoption and list the follow-up', () => {
    const pulls = Object.values(fake.state.repos[REPOSITORY]!.pulls)
    expect(pulls).toHaveLength(1)
    const body = pulls[0]!.body
    expect(body).toContain('Follow-up (does not block the rollback)')
    expect(body).toContain('written before baseline-gate was adopted')
    expect(body).toMatch(/`docs\/MEMORYKERNEL_COMPATIBILITY_MATRIX\.md:\d+` `BG216`/)
    const issue = Object.values(fake.state.repos[REPOSITORY]!.issues).find((i) =>
      i.labels.includes('baseline-incident')
    )
    expect(issue?.body).toContain('`BG216`')
    const packet = JSON.parse(
      readFileSync(join(run.outputs['evidence-dir']!, 'rollback-memorykernel.json'), 'utf8')
    ) as {
      incident: { target_profile: string; follow_up: { rule: string }[] }
      judged_at: { source: string }
    }
    expect(packet.incident.target_profile).toBe('legacy')
    expect(packet.incident.follow_up.map((f) => f.rule)).toEqual(['BG216'])
    expect(packet.judged_at.source).toBe('wall-clock')
  })
})
