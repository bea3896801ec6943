// The example workflows upload each action's SARIF file to code scanning: the same pinned upload-sarif step,
// after the action's step (by its id), also on FAIL, only when a file was written, with a stable category, and the
// one permission it needs (security-events: write) on that job alone.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT } from '../helpers/fixture.js'

interface Step {
  id?: string
  if?: string
  uses?: string
  with?: Record<string, unknown>
}
interface Job {
  permissions?: Record<string, string>
  steps: Step[]
}

const jobsOf = (file: string) =>
  (parse(readFileSync(join(REPO_ROOT, '.github/workflows', file), 'utf8')) as { jobs: Record<string, Job> })
    .jobs
const UPLOAD = /^github\/codeql-action\/upload-sarif@[0-9a-f]{40}$/

describe.each([
  ['baseline-promotion.yml', 'promotion', 'gate', 'baseline-gate/promotion'],
  ['baseline-drift.yml', 'health', 'health', 'baseline-gate/health/${{ matrix.baseline }}']
])('%s', (file, jobName, stepId, category) => {
  const jobs = jobsOf(file)

  it("uploads the action's sarif output after the action's step, also on FAIL, with its category", () => {
    const steps = jobs[jobName]!.steps
    const action = steps.findIndex((s) => s.id === stepId)
    const upload = steps.findIndex((s) => UPLOAD.test(s.uses ?? ''))
    expect(action).toBeGreaterThan(-1)
    expect(upload).toBeGreaterThan(action)
    expect(steps[upload]!.if).toMatch(
      new RegExp(`^always\\(\\) && steps\\.${stepId}\\.outputs\\.sarif != ''`)
    )
    expect(steps[upload]!.with).toEqual({ sarif_file: `\${{ steps.${stepId}.outputs.sarif }}`, category })
  })

  it('grants security-events: write to that job only', () => {
    for (const [name, job] of Object.entries(jobs))
      expect([name, job.permissions?.['security-events']]).toEqual([
        name,
        name === jobName ? 'write' : undefined
      ])
  })

  it('pins the upload by a full commit SHA with its version', () => {
    const text = readFileSync(join(REPO_ROOT, '.github/workflows', file), 'utf8')
    expect(text).toMatch(/uses: github\/codeql-action\/upload-sarif@[0-9a-f]{40} # v\d+\.\d+\.\d+\n/)
  })
})
