// The 7xx findings of suite steps: each names the step and says what to do.
import { describe, expect, it } from '@jest/globals'
import { ESCAPED_OUTPUT } from '../../src/exec/step-errors.js'
import { suiteRules } from '../../src/rules/suites.js'
import type { StepResult } from '../../src/rules/verdict.js'

const step = (over: Partial<StepResult>): StepResult => ({
  suite: 'consumer',
  name: 'test',
  status: 'failed',
  exit_code: 3,
  duration_ms: 1200,
  required: true,
  ...over
})

describe('suiteRules', () => {
  it('BG701: a failed step names itself and how it failed, and says what to do', () => {
    const [f] = suiteRules([step({})])
    expect(f!.rule).toBe('BG701')
    expect(f!.message).toMatch(/^suite step "consumer › test" failed \(exit code 3, /)
    expect(f!.message).toMatch(/fix what it reports, then run again$/)
  })

  it('BG701: a step whose output a process it started held open after it ended says that process escaped', () => {
    const [f] = suiteRules([step({ exit_code: 0, error: ESCAPED_OUTPUT })])
    expect(f!.rule).toBe('BG701')
    expect(f!.message).toBe(
      `suite step "consumer › test" ended (exit code 0), but a process it started held its output open afterwards and escaped being found and stopped (a new session with a cleared environment): it may still run and write the evidence or the runner's files; a suite must stop what it starts`
    )
  })

  it('BG703: a step stopped by a cancellation is stopped, whatever exit code its stopping left (never "fix what it reports")', () => {
    for (const exit_code of [null, 0, 143]) {
      const [f] = suiteRules([step({ exit_code, error: 'aborted' })])
      expect([f!.rule, f!.message]).toEqual([
        'BG703',
        'suite step "consumer › test" was stopped with its child processes before it finished (the run was cancelled)'
      ])
    }
  })

  it('durations are written as everywhere else: 34 ms, not 0.0 s; 2 min 5 s', () => {
    const [fast, slow] = suiteRules([
      step({ duration_ms: 34 }),
      step({ status: 'timed-out', exit_code: null, duration_ms: 125_000 })
    ])
    expect(fast!.message).toContain('(exit code 3, 34 ms)')
    expect(slow!.message).toContain('timed out after 2 min 5 s and')
  })

  it('BG702 and BG703 keep their fix text', () => {
    const found = suiteRules([
      step({ status: 'timed-out', exit_code: null }),
      step({ status: 'not-run', exit_code: null, error: 'spawn bg-x ENOENT', argv: ['bg-x'] })
    ])
    expect(found.map((f) => f.rule)).toEqual(['BG702', 'BG703'])
    expect(found[1]!.message).toContain('could not start, so it tested nothing: spawn bg-x ENOENT')
    expect(found[0]!.message).toContain('raise its timeout_s in the policy')
    expect(found[1]!.message).toContain('is bg-x installed and on PATH?')
  })

  it('BG703 for a missing working directory says that, not PATH', () => {
    const [f] = suiteRules([
      step({
        status: 'not-run',
        exit_code: null,
        error: 'ENOENT: no working directory /r/tools',
        argv: ['bg-x']
      })
    ])
    expect(f!.message).toContain(
      'could not start, so it tested nothing: ENOENT: no working directory /r/tools'
    )
    expect(f!.message).not.toContain('PATH')
  })
})
