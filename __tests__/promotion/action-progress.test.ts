// The promotion action's log: what is judged, the suites' groups, and a visible group when the suites are
// skipped (why, and every step it skipped); the input suites-anyway.
import { describe, expect, it } from '@jest/globals'
import { promotionReporter } from '../../src/actions/promotion/progress.js'
import { InputError, readPromotionInputs } from '../../src/actions/shared/inputs.js'
import type { StepResult } from '../../src/rules/verdict.js'

function log() {
  const lines: string[] = []
  return {
    lines,
    out: {
      startGroup: (title: string) => lines.push(`::group::${title}`),
      endGroup: () => lines.push('::endgroup::'),
      info: (text: string) => lines.push(text)
    }
  }
}

const skipped = (name: string, reason: string): StepResult => ({
  suite: 'producer',
  name,
  status: 'skipped',
  exit_code: null,
  duration_ms: 0,
  required: false,
  skip_reason: reason
})

describe('the promotion action log', () => {
  it('says what is judged, then, after a rule FAIL, a group naming why the suites were skipped and how to run them', () => {
    const { lines, out } = log()
    const reporter = promotionReporter(out, {})
    reporter.judging!({
      baseline: 'memorykernel',
      base: 'a'.repeat(40),
      head: 'b'.repeat(40),
      from: 'v0.4.0',
      to: null,
      changedFiles: ['config/memorykernel-integration-pin.json']
    })
    const reason = 'the rules already decide FAIL (2 errors)'
    reporter.suitesSkipped!({ reason, ruleErrors: 2 }, [
      skipped('cargo fmt', reason),
      skipped('cargo test', reason)
    ])
    expect(lines).toEqual([
      'baseline-gate promotion · memorykernel: v0.4.0 -> release unknown (base aaaaaaaaaaaa, head bbbbbbbbbbbb; changed: config/memorykernel-integration-pin.json)',
      '::group::Suites skipped (2 steps): the rules already decide FAIL (2 errors); set the input suites-anyway: true to run them',
      'SKIP producer › cargo fmt (skipped)',
      'SKIP producer › cargo test (skipped)',
      '::endgroup::'
    ])
  })

  it('keeps the shared step groups, and says when the suites start', () => {
    const { lines, out } = log()
    const finished: string[] = []
    const reporter = promotionReporter(out, { stepFinished: (s) => finished.push(s.name) })
    reporter.suitesStarted!(11)
    reporter.stepFinished!({ ...skipped('x', 'y'), status: 'passed' }, '')
    expect([lines, finished]).toEqual([['Running 11 suite steps'], ['x']])
  })

  it('a skip on request names no override', () => {
    const { lines, out } = log()
    promotionReporter(out, {}).suitesSkipped!({ reason: 'on request' }, [])
    expect(lines[0]).toBe('::group::Suites skipped (0 steps): on request')
  })
})

describe('input suites-anyway', () => {
  const env = { GITHUB_WORKSPACE: '/work/repo', RUNNER_TEMP: '/runner/tmp' }
  const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? ''

  it('is false by default, read as a boolean', () => {
    expect(readPromotionInputs(reader({}), env).suitesAnyway).toBe(false)
    expect(readPromotionInputs(reader({ 'suites-anyway': 'True' }), env).suitesAnyway).toBe(true)
    expect(() => readPromotionInputs(reader({ 'suites-anyway': 'yes' }), env)).toThrow(
      `input 'suites-anyway' must be "true" or "false"`
    )
  })

  it('contradicts suites: false', () => {
    expect(() => readPromotionInputs(reader({ suites: 'false', 'suites-anyway': 'true' }), env)).toThrow(
      InputError
    )
  })
})
