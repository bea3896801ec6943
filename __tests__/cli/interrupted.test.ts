// A Ctrl-C in a terminal reaches git's processes too (they share its process group), so the operation fails on a
// git read it was in the middle of: that failure is the interruption's, said as such (InterruptedError, exit 130
// from main), never "internal error"; and a cat-file git killed under a request is a GitError, not an unhandled
// EPIPE.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from '@jest/globals'
import { runOperation } from '../../src/cli/run-operation.js'
import type { OperationResult } from '../../src/operations/context.js'
import { promotionPass, promotionSuiteFail } from '../present/fixtures.js'
import { BlobReader, GitError } from '../../src/git/git.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'
import { afterAll } from '@jest/globals'

afterAll(cleanupFixtures)

const io = () => {
  let out = ''
  return {
    io: {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (out += s) },
      env: { NO_COLOR: '1' },
      cwd: '/'
    },
    out: () => out
  }
}

describe('an operation that fails after a Ctrl-C', () => {
  it('is interrupted, naming the signal and what failed; without a signal the error is its own', async () => {
    const failing = (signal: boolean) => async (_reporter: unknown, abort: AbortSignal) => {
      if (signal) process.emit('SIGINT', 'SIGINT')
      expect(abort.aborted).toBe(signal)
      throw new GitError('git log HEAD -- config/pin.json: killed by a signal')
    }
    const interrupted = runOperation(io().io, { json: false }, failing(true))
    await expect(interrupted).rejects.toMatchObject({
      name: 'InterruptedError',
      signal: 'SIGINT',
      message:
        'interrupted by SIGINT before it finished (git log HEAD -- config/pin.json: killed by a signal)'
    })
    await expect(runOperation(io().io, { json: false }, failing(false))).rejects.toBeInstanceOf(GitError)
    // the listeners are gone: a later SIGINT is not this run's
    expect(process.listenerCount('SIGINT')).toBe(0)
  })
})

describe('BlobReader whose git was killed', () => {
  it('rejects its requests with a GitError naming the signal, and a later write is no unhandled EPIPE', async () => {
    const dir = tempDir('bg-blob-killed-')
    execFileSync('git', ['init', '-q'], { cwd: dir })
    const reader = new BlobReader(dir)
    const child = (
      reader as unknown as { child: { kill: (s: string) => void; once: (e: string, f: () => void) => void } }
    ).child
    const closed = new Promise<void>((resolve) => child.once('close', resolve))
    // killed before the request is written: git, woken by it, meets the signal first and never answers (the other
    // order raced: git could answer "missing" before the signal reached it)
    child.kill('SIGINT')
    const pending = reader.read('HEAD:nothing')
    await expect(pending).rejects.toBeInstanceOf(GitError)
    await closed
    // written after git ended: the stream's EPIPE is the request's failure
    await expect(reader.read('HEAD:other')).rejects.toBeInstanceOf(GitError)
    await new Promise((r) => setTimeout(r, 50))
    reader.close()
  })
})

describe('an operation a Ctrl-C reached', () => {
  it('exits 130 only when it cut something short; a run that had finished keeps its verdict (found by review)', async () => {
    const run = (result: OperationResult) =>
      runOperation(io().io, { json: false }, async () => {
        process.emit('SIGINT', 'SIGINT')
        return result
      })
    // nothing was left to stop: the run had finished
    expect(await run(promotionPass())).toBe(0)
    expect(await run(promotionSuiteFail())).toBe(1)
    // a step it stopped: interrupted
    const cut = promotionPass()
    cut.baselines[0]!.steps[0] = { ...cut.baselines[0]!.steps[0]!, status: 'failed', error: 'aborted' }
    cut.verdict = 'FAIL'
    expect(await run(cut)).toBe(130)
  })
})
