// The rollback action's inputs, parsed once into one typed object, and the run helpers both actions share.
import { describe, expect, it } from '@jest/globals'
import { parseRepository, runUrl } from '../../src/actions/shared/github.js'
import { InputError, readRollbackInputs } from '../../src/actions/shared/inputs.js'
import { failureMessage } from '../../src/actions/shared/report.js'
import type { OperationResult } from '../../src/operations/context.js'

const ENV = { GITHUB_WORKSPACE: '/w', RUNNER_TEMP: '/t', GITHUB_REF: 'refs/heads/main' }

function read(inputs: Record<string, string>, env: NodeJS.ProcessEnv = ENV) {
  const all: Record<string, string> = { trigger: 'contract-drift', reason: 'it broke', ...inputs }
  return readRollbackInputs((name) => all[name] ?? '', env)
}

describe('readRollbackInputs', () => {
  it('defaults: the last-known-good target, no dry run, suites on, no token and so no branch to target', () => {
    expect(read({})).toMatchObject({
      root: '/w',
      trigger: 'contract-drift',
      reason: 'it broke',
      target: undefined,
      dryRun: false,
      suites: true,
      token: '',
      baseBranch: '',
      uploadEvidence: true
    })
    expect(read({}).evidenceDir).toMatch(/^\/t\/baseline-gate-evidence\/baseline-gate-rollback-/)
  })

  it('takes every trigger of the runbook and refuses anything else, naming the valid ones', () => {
    for (const trigger of ['contract-drift', 'preflight-failure', 'fallback-regression']) {
      expect(read({ trigger }).trigger).toBe(trigger)
    }
    for (const trigger of ['', 'drift', 'CONTRACT-DRIFT']) {
      expect(() => read({ trigger })).toThrow(
        new InputError(
          `input 'trigger' must be one of: contract-drift, preflight-failure, fallback-regression${trigger === '' ? ' (it is required)' : ''}`
        )
      )
    }
  })

  it('requires a reason, and keeps it exactly as given (several lines, shell syntax and all)', () => {
    expect(() => read({ reason: '' })).toThrow(/input 'reason' is required/)
    expect(() => read({ reason: ' \n\t' })).toThrow(/input 'reason' is required/)
    const reason = 'line 1 $(touch x) `y`\n"quoted" \'too\'\n::set-output name=verdict::PASS\n'
    expect(read({ reason }).reason).toBe(reason)
  })

  it('a target is a release tag', () => {
    expect(read({ target: 'v0.5.0' }).target).toBe('v0.5.0')
    expect(read({ target: 'v1.0.0-rc.1+build.7' }).target).toBe('v1.0.0-rc.1+build.7')
    for (const target of ['-v1', 'v1 v2', '../x', '.v1', 'a/b', `v${'1'.repeat(100)}`]) {
      expect(() => read({ target })).toThrow(
        /input 'target' must be a release tag to restore, or empty for the last-known-good baseline/
      )
    }
  })

  it('dry-run, suites and upload-evidence are "true" or "false"', () => {
    expect(read({ 'dry-run': 'TRUE', suites: 'false', 'upload-evidence': 'false' })).toMatchObject({
      dryRun: true,
      suites: false,
      uploadEvidence: false
    })
    expect(() => read({ 'dry-run': 'yes' })).toThrow(`input 'dry-run' must be "true" or "false"`)
  })

  it('base-branch: the input over GITHUB_REF; an error without either; never an option or a range', () => {
    const token = { token: 'ghs_x' }
    expect(read({ ...token, 'base-branch': 'release/1.x' }).baseBranch).toBe('release/1.x')
    expect(read(token, { ...ENV, GITHUB_REF: 'refs/heads/feature/x' }).baseBranch).toBe('feature/x')
    expect(() => read(token, { ...ENV, GITHUB_REF: 'refs/tags/v1' })).toThrow(
      /input 'base-branch' is required/
    )
    expect(() => read(token, { ...ENV, GITHUB_REF: undefined })).toThrow(/input 'base-branch' is required/)
    for (const branch of ['-x', 'a..b', 'a b', 'a~1', 'x@{1}']) {
      expect(() => read({ ...token, 'base-branch': branch })).toThrow(/must be a branch name/)
    }
  })

  it('a run that proposes nothing (a dry run, a drill, no token) needs no branch to target (found by review)', () => {
    const onTag = { ...ENV, GITHUB_REF: 'refs/tags/v1' }
    const runs: Record<string, string>[] = [
      { token: 'ghs_x', 'dry-run': 'true' },
      { token: 'ghs_x', drill: 'true' },
      {}
    ]
    for (const inputs of runs) expect(read(inputs, onTag).baseBranch).toBe('')
  })
})

describe('the shared run helpers', () => {
  it('parseRepository: owner/name or null', () => {
    expect(parseRepository('octo/app')).toEqual({ owner: 'octo', repo: 'app' })
    for (const bad of [undefined, '', 'octo', 'octo/app/x', 'octo/a b'])
      expect(parseRepository(bad)).toBeNull()
  })

  it('runUrl: the run page, or null when the environment does not say', () => {
    expect(
      runUrl({ GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '12', GITHUB_SERVER_URL: 'https://ghe.x/' })
    ).toBe('https://ghe.x/o/r/actions/runs/12')
    expect(runUrl({ GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '12' })).toBe(
      'https://github.com/o/r/actions/runs/12'
    )
    expect(runUrl({ GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '1 2' })).toBeNull()
    expect(runUrl({ GITHUB_REPOSITORY: 'o/r' })).toBeNull()
  })

  it('failureMessage names the operation, the errors and the steps that did not pass', () => {
    const result = {
      operation: 'rollback',
      verdict: 'FAIL',
      evidence: '/e.json',
      baselines: [
        {
          findings: [{ severity: 'error' }, { severity: 'warning' }],
          steps: [
            { required: true, status: 'failed' },
            { required: false, status: 'failed' }
          ]
        }
      ]
    } as unknown as OperationResult
    expect(failureMessage(result)).toBe(
      'baseline rollback FAIL: 1 error, 1 step did not pass (see the annotations and the job summary)'
    )
  })
})
