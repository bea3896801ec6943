// The job summary is the gate's, whole: what a suite left in the step's summary file is replaced, a file it made
// unwritable is replaced by a new one, and a summary that still cannot be written fails the step (what the runner
// would show is then not this run's). In process: @actions/core reads GITHUB_STEP_SUMMARY from process.env.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeSummary } from '../../src/actions/shared/report.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'

let out: string[]
let saved: { summary: string | undefined; exitCode: typeof process.exitCode }

beforeEach(() => {
  out = []
  saved = { summary: process.env.GITHUB_STEP_SUMMARY, exitCode: process.exitCode }
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk))
    return true
  })
})
afterEach(() => {
  jest.restoreAllMocks()
  if (saved.summary === undefined) delete process.env.GITHUB_STEP_SUMMARY
  else process.env.GITHUB_STEP_SUMMARY = saved.summary
  process.exitCode = saved.exitCode
  cleanupFixtures()
})

async function write(path: string): Promise<void> {
  process.env.GITHUB_STEP_SUMMARY = path
  await writeSummary('## ❌ FAIL · the real verdict\n', null, { GITHUB_STEP_SUMMARY: path })
}

describe('writeSummary', () => {
  it('replaces what a suite appended to the file before it', async () => {
    const path = join(tempDir('bg-summary-'), 'step_summary')
    writeFileSync(path, '## ✅ forged PASS\n<!--\n')
    await write(path)
    expect(readFileSync(path, 'utf8')).toBe('## ❌ FAIL · the real verdict\n')
    expect(process.exitCode).toBe(saved.exitCode)
  })

  it('replaces a file it cannot write (here a link a suite put in its place) with a new one, and says so', async () => {
    const dir = tempDir('bg-summary-')
    mkdirSync(join(dir, 'elsewhere'))
    const path = join(dir, 'step_summary')
    symlinkSync(join(dir, 'elsewhere'), path)
    await write(path)
    expect(lstatSync(path).isFile()).toBe(true)
    expect(readFileSync(path, 'utf8')).toBe('## ❌ FAIL · the real verdict\n')
    expect(out.join('')).toMatch(/^::warning::baseline-gate replaced the job summary file/m)
    expect(process.exitCode).toBe(saved.exitCode)
  })

  it('fails the step when the summary cannot be written at all', async () => {
    // a directory in its place: neither written nor removed
    const path = tempDir('bg-summary-dir-')
    await write(path)
    expect(out.join('')).toMatch(
      /^::error::baseline-gate could not write the job summary \(.+\): what the summary shows is not this run's verdict/m
    )
    expect(process.exitCode).toBe(1)
  })
})
