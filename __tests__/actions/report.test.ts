// What the actions print besides the reports (pure): the suite step logs in the Actions log, the outputs.
// The summary and the comment: __tests__/present/.
import { describe, expect, it } from '@jest/globals'
import { combinedClassification, combinedPosture } from '../../src/actions/shared/outputs.js'
import { printStepLog, stepResultLine, stopToken } from '../../src/actions/shared/step-log.js'
import type { StepResult } from '../../src/rules/verdict.js'

function step(name: string, status: StepResult['status'], tail = ''): StepResult {
  return {
    suite: 'consumer',
    name,
    status,
    exit_code: status === 'passed' ? 0 : 1,
    duration_ms: 1234,
    required: true,
    log_file: `promotion-memorykernel-01-consumer-${name}.log`,
    log_tail: tail
  }
}

describe('the Actions log of a suite step', () => {
  it('one line per step, like the terminal', () => {
    expect(stepResultLine(step('typecheck', 'passed'))).toBe('PASS consumer › typecheck (1.2 s, exit 0)')
    expect(stepResultLine({ ...step('t', 'timed-out'), exit_code: null })).toBe(
      'TIME consumer › t (1.2 s, timed out)'
    )
    expect(stepResultLine({ ...step('t', 'not-run'), error: 'aborted' })).toBe(
      'NOT RUN consumer › t (not run: aborted)'
    )
    expect(stepResultLine({ ...step('a\nb', 'failed') })).toBe('FAIL consumer › a\\nb (1.2 s, exit 1)')
  })

  it('the log sits in a group, between ::stop-commands:: and the resume token', () => {
    const out: string[] = []
    const log = 'line 1\n::error::from a test\n::endgroup::\n'
    printStepLog(
      {
        startGroup: (t) => out.push(`::group::${t}`),
        endGroup: () => out.push('::endgroup::'),
        info: (t) => out.push(t)
      },
      step('test', 'failed'),
      log,
      'bg-token'
    )
    expect(out).toEqual([
      '::group::FAIL consumer › test (1.2 s, exit 1)',
      '::stop-commands::bg-token',
      'line 1\n::error::from a test\n::endgroup::',
      '::bg-token::',
      '::endgroup::'
    ])
  })

  it('the stop token never occurs in the log it guards', () => {
    const values = ['abc', 'abc', 'def']
    expect(stopToken('see bg-abc here', () => values.shift()!)).toBe('bg-def')
    expect(stopToken('x')).toMatch(/^bg-[0-9a-f]{32}$/)
  })
})

describe('outputs over several baselines', () => {
  it('classification: the most severe', () => {
    expect(combinedClassification([])).toBe('none')
    expect(combinedClassification(['none', 'additive'])).toBe('additive')
    expect(combinedClassification(['breaking', 'additive', 'none'])).toBe('breaking')
  })

  it('posture: NO-GO wins, unknown is empty', () => {
    expect(combinedPosture(['GO', 'NO-GO'])).toBe('NO-GO')
    expect(combinedPosture(['GO', null])).toBe('')
    expect(combinedPosture(['GO'])).toBe('GO')
  })
})
