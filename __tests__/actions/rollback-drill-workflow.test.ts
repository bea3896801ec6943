// .github/workflows/rollback-drill.yml, offline: on a schedule and by hand, one drill job per baseline of the
// policy (the matrix from `baseline-gate plan --json`), the least permissions (contents: read, issues: write), the
// full history checked out, the rollback action in drill mode, no expression inside a script.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT } from '../helpers/fixture.js'

interface Step {
  name?: string
  uses?: string
  run?: string
  shell?: string
  with?: Record<string, unknown>
}
interface Job {
  needs?: string | string[]
  permissions?: Record<string, string>
  strategy?: { 'fail-fast'?: boolean; matrix?: unknown }
  outputs?: Record<string, string>
  steps: Step[]
}
interface Workflow {
  on: Record<string, unknown>
  permissions?: unknown
  concurrency?: { group: string; 'cancel-in-progress'?: boolean }
  jobs: Record<string, Job>
}

const text = readFileSync(join(REPO_ROOT, '.github/workflows/rollback-drill.yml'), 'utf8')
const workflow = parse(text) as Workflow

describe('.github/workflows/rollback-drill.yml', () => {
  it('runs on a schedule and by hand, nothing else', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch'])
    expect((workflow.on.schedule as { cron: string }[])[0]!.cron).toMatch(/^\d+ \d+ /)
  })

  it('asks for nothing by default; the drill job reads the contents and writes issues, nothing else', () => {
    expect(workflow.permissions).toEqual({})
    expect(workflow.jobs.plan!.permissions).toEqual({ contents: 'read' })
    expect(workflow.jobs.drill!.permissions).toEqual({ contents: 'read', issues: 'write' })
  })

  it('one drill at a time: a manual run waits for the scheduled one instead of racing it on the issues', () => {
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(false)
  })

  it('fans out over the baselines of the policy (baseline-gate plan --json), every one drilled', () => {
    const plan = workflow.jobs.plan!
    expect(plan.steps.some((s) => s.run?.includes('npx --no -- baseline-gate plan --json'))).toBe(true)
    const drill = workflow.jobs.drill!
    expect(drill.needs).toBe('plan')
    expect(drill.strategy?.['fail-fast']).toBe(false)
    expect(drill.strategy?.matrix).toBe('${{ fromJSON(needs.plan.outputs.matrix) }}')
  })

  it('checks out the full history without credentials and runs the rollback action in drill mode', () => {
    const steps = workflow.jobs.drill!.steps
    const checkout = steps.find((s) => s.uses?.startsWith('actions/checkout@'))
    expect(checkout?.with).toMatchObject({ 'fetch-depth': 0, 'persist-credentials': false })
    const action = steps.at(-1)!
    expect(action.uses).toBe('./actions/rollback')
    expect(action.with).toMatchObject({
      baseline: '${{ matrix.baseline }}',
      drill: true,
      trigger: 'contract-drift',
      token: '${{ github.token }}'
    })
    expect(action.with).not.toHaveProperty('dry-run')
  })

  it('no expression inside a script; every script in bash; every third-party action pinned by SHA', () => {
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps) {
        if (step.run !== undefined) {
          expect(step.run).not.toContain('${{')
          expect(step.shell).toBe('bash')
        }
        if (step.uses && !step.uses.startsWith('./')) expect(step.uses).toMatch(/@[0-9a-f]{40}$/)
      }
    }
    // every uses: line, its comments aside (the header says what another repository writes there)
    for (const line of text.split('\n').filter((l) => !/^\s*#/.test(l) && /uses: [^.]/.test(l)))
      expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/)
  })
})
