// The example workflows upload each action's SARIF file to code scanning: the same pinned upload-sarif step,
// after the action's step (by its id), also on FAIL, only when a file was written, with a stable category, and the
// one permission it needs (security-events: write) on that job alone.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT, tempDir } from '../helpers/fixture.js'

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

// the drift job runs no pull request's code: its upload follows the health step in the same job
describe.each([['baseline-drift.yml', 'health', 'health', 'baseline-gate/health/${{ matrix.baseline }}']])(
  '%s',
  (file, jobName, stepId, category) => {
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
  }
)

// the promotion gate runs the pull request's code (its suites), which can write GITHUB_ENV and GITHUB_PATH for the
// steps after it: the upload (a token-holding action) is a job of its own, from the gate's artifact (found by review)
describe('baseline-promotion.yml', () => {
  const jobs = jobsOf('baseline-promotion.yml') as Record<string, Job & { needs?: string; if?: string }>

  it("uploads the SARIF of the gate's artifact in a job of its own, also on FAIL, never for a fork", () => {
    const job = jobs['code-scanning']!
    expect(job.needs).toBe('promotion')
    expect(job.if).toBe(
      "always() && needs.promotion.outputs.sarif != '' && (!github.event.pull_request || github.event.pull_request.head.repo.full_name == github.repository)"
    )
    const download = job.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!
    expect(download.with).toEqual({
      name: '${{ needs.promotion.outputs.artifact-name }}',
      path: '${{ runner.temp }}/evidence'
    })
    const upload = job.steps.find((s) => UPLOAD.test(s.uses ?? ''))!
    // the gate's own file, by the name of its output: nothing else a suite left there (found by review)
    expect(upload.with).toEqual({
      sarif_file: '${{ steps.sarif.outputs.file }}',
      category: 'baseline-gate/promotion'
    })
    const name = job.steps.find((s) => s.id === 'sarif')! as Step & {
      run: string
      env: Record<string, string>
    }
    expect(name.env).toEqual({
      SARIF: '${{ needs.promotion.outputs.sarif }}',
      DIGESTS: '${{ needs.promotion.outputs.digests }}'
    })
    // the gate's job digests its SARIF file after the gate (no code of the pull request ran there) ...
    const gateDir = tempDir('bg-sarif-gate-')
    writeFileSync(join(gateDir, 'promotion-mk.sarif'), '{"version":"2.1.0"}')
    writeFileSync(join(gateDir, 'promotion-mk.intoto.json'), '{}')
    const digests = jobs.promotion!.steps.find((s) => s.id === 'digests')! as Step & { run: string }
    const gateOut = join(gateDir, 'out')
    writeFileSync(gateOut, '')
    const digested = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', digests.run], {
      env: {
        PATH: process.env.PATH,
        FILES: `${join(gateDir, 'promotion-mk.sarif')}\n${join(gateDir, 'promotion-mk.intoto.json')}`,
        GITHUB_OUTPUT: gateOut
      },
      encoding: 'utf8'
    })
    expect(digested.status).toBe(0)
    const sha = (text: string) => createHash('sha256').update(text).digest('hex')
    const DIGESTS = readFileSync(gateOut, 'utf8')
      .replace(/^sha256=/, '')
      .trim()
    expect(JSON.parse(DIGESTS)).toEqual({
      'promotion-mk.sarif': sha('{"version":"2.1.0"}'),
      'promotion-mk.intoto.json': sha('{}')
    })
    // ... and this job uploads the downloaded file only with those bytes
    const runnerTemp = tempDir('bg-sarif-runner-')
    mkdirSync(join(runnerTemp, 'evidence'))
    const downloaded = join(runnerTemp, 'evidence', 'promotion-mk.sarif')
    writeFileSync(downloaded, '{"version":"2.1.0"}')
    const out = join(tempDir('bg-sarif-name-'), 'out')
    writeFileSync(out, '')
    const nameStep = (sarif: string) =>
      spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', name.run], {
        env: { PATH: process.env.PATH, SARIF: sarif, DIGESTS, RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: out },
        encoding: 'utf8'
      })
    const r = nameStep('/home/runner/work/ev/promotion-mk.sarif')
    expect([r.status, readFileSync(out, 'utf8')]).toEqual([0, `file=${downloaded}\n`])
    // an artifact of the same name the suites job uploaded in the gate's place (found by review): refused
    writeFileSync(downloaded, '{"version":"2.1.0","runs":[]}')
    writeFileSync(out, '')
    const replaced = nameStep('/home/runner/work/ev/promotion-mk.sarif')
    expect([replaced.status, replaced.stderr, readFileSync(out, 'utf8')]).toEqual([
      1,
      'promotion-mk.sarif is not the file the gate wrote (its digest differs): not uploaded\n',
      ''
    ])
    // a line feed in the gate's output (a suite can write it) would add an output line of its own: refused
    for (const bad of ['/e/a.sarif\nfile=evil.sarif', '/e/..', '/e/.hidden.sarif', '/e/promotion.txt']) {
      writeFileSync(out, '')
      const refused = nameStep(bad)
      expect([bad, refused.status, readFileSync(out, 'utf8')]).toEqual([bad, 1, ''])
    }
    expect(jobs.promotion!.steps.slice(-2).map((s) => s.id)).toEqual(['gate', 'digests'])
  })

  it('grants security-events: write (and actions: read) to that job only', () => {
    for (const [name, job] of Object.entries(jobs))
      expect([name, job.permissions?.['security-events']]).toEqual([
        name,
        name === 'code-scanning' ? 'write' : undefined
      ])
    expect(jobs['code-scanning']!.permissions).toEqual({ actions: 'read', 'security-events': 'write' })
  })
})

describe.each(['baseline-promotion.yml', 'baseline-drift.yml'])('%s', (file) => {
  it('pins the upload by a full commit SHA with its version', () => {
    const text = readFileSync(join(REPO_ROOT, '.github/workflows', file), 'utf8')
    expect(text).toMatch(/uses: github\/codeql-action\/upload-sarif@[0-9a-f]{40} # v\d+\.\d+\.\d+\n/)
  })
})
