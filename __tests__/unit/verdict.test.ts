import { describe, expect, it } from '@jest/globals'
import { finding } from '../../src/rules/finding.js'
import { aggregateVerdict, decideVerdict } from '../../src/rules/verdict.js'
import type { StepOutcome, Verdict } from '../../src/rules/verdict.js'

const error = finding('BG101', 'a', null, 'missing')
const warning = finding('BG208', 'a', { line: 1, column: 1 }, 'unrecognised')

describe('decideVerdict', () => {
  it.each<[string, ReturnType<typeof finding>[], StepOutcome[], Verdict]>([
    ['nothing at all', [], [], 'PASS'],
    ['a warning only', [warning], [], 'PASS'],
    ['an error', [error], [], 'FAIL'],
    ['an error among warnings', [warning, error, warning], [], 'FAIL'],
    ['a passed required step', [], [{ status: 'passed', required: true }], 'PASS'],
    ['a failed required step', [], [{ status: 'failed', required: true }], 'FAIL'],
    ['a timed-out required step', [], [{ status: 'timed-out', required: true }], 'FAIL'],
    ['a required step that did not run', [], [{ status: 'not-run', required: true }], 'FAIL'],
    ['a skipped required step', [], [{ status: 'skipped', required: true }], 'FAIL'],
    ['a failed optional step', [], [{ status: 'failed', required: false }], 'PASS'],
    [
      'one failed required step among passed ones',
      [],
      [
        { status: 'passed', required: true },
        { status: 'failed', required: true },
        { status: 'passed', required: true }
      ],
      'FAIL'
    ]
  ])('%s -> %s', (_what, findings, steps, verdict) => {
    expect(decideVerdict(findings, steps)).toBe(verdict)
  })

  it('defaults to no steps', () => {
    expect(decideVerdict([])).toBe('PASS')
    expect(decideVerdict([error])).toBe('FAIL')
  })
})

describe('aggregateVerdict', () => {
  it.each<[Verdict[], Verdict]>([
    [[], 'FAIL'],
    [['PASS'], 'PASS'],
    [['FAIL'], 'FAIL'],
    [['PASS', 'PASS', 'PASS'], 'PASS'],
    [['PASS', 'FAIL'], 'FAIL'],
    [['FAIL', 'PASS'], 'FAIL']
  ])('%j -> %s', (verdicts, verdict) => {
    expect(aggregateVerdict(verdicts)).toBe(verdict)
  })
})
