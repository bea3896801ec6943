// What the actions print besides the reports (pure): the suite step logs in the Actions log, the outputs.
// The summary and the comment: __tests__/present/.
import { describe, expect, it } from '@jest/globals'
import { planAnnotations } from '../../src/actions/shared/annotations.js'
import { combinedClassification, combinedPosture } from '../../src/actions/shared/outputs.js'
import { printStepLog, stepResultLine, stopToken } from '../../src/actions/shared/step-log.js'
import { finding } from '../../src/rules/finding.js'
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

  it('the log forges no line of the log viewer: escapes, CRs and bidi controls dropped or shown, ##[ escaped', () => {
    const out: string[] = []
    const log =
      '\u001b[32mok\u001b[0m \u001b]8;;https://evil.example\u0007docs\u001b]8;;\u0007 \u001b[2K\u001b[1A\r\n' +
      'FAIL\rPASS\tall\r\n##[error]forged\n  ##[group]x\n##[endgroup]\n\u202eSSAP\u200b \u009b31m\n'
    printStepLog(
      { startGroup: () => {}, endGroup: () => {}, info: (t) => out.push(t) },
      step('test', 'failed'),
      log,
      'bg-token'
    )
    expect(out[1]).toBe(
      'ok docs \n' +
        'FAILPASS\tall\n\\u0023#[error]forged\n  \\u0023#[group]x\n\\u0023#[endgroup]\n' +
        '\\u202eSSAP\\u200b \\u009b31m'
    )
  })

  it('the stop token never occurs in the log it guards', () => {
    const values = ['abc', 'abc', 'def']
    expect(stopToken('see bg-abc here', () => values.shift()!)).toBe('bg-def')
    expect(stopToken('x')).toMatch(/^bg-[0-9a-f]{32}$/)
  })
})

describe('annotations', () => {
  it('a file name the runner would pass on raw gives no location: it heads the message, shown as data', () => {
    const at = { line: 3, column: 7 }
    const plain = finding('BG201', 'api/contract.json', at, 'differs')
    const hostile = [
      'a\u001b]8;;https://x.example\u0007b.json',
      'src/\u202enosj.ts',
      'x\u200b.json',
      'x\r##[error]y'
    ]
    const plan = planAnnotations(
      [plain, ...hostile.map((file) => finding('BG201', file, at, 'differs \u202eKO'))],
      'repo'
    )
    const [first, ...rest] = plan.annotations
    expect(first).toMatchObject({
      message: 'differs',
      properties: { file: 'repo/api/contract.json', startLine: 3, startColumn: 7 }
    })
    expect(rest.map((a) => a.message)).toEqual([
      'repo/a\\u001b]8;;https://x.example\\u0007b.json:3:7: differs \\u202eKO',
      'repo/src/\\u202enosj.ts:3:7: differs \\u202eKO',
      'repo/x\\u200b.json:3:7: differs \\u202eKO',
      'repo/x\\u000d\\u0023#[error]y:3:7: differs \\u202eKO'
    ])
    for (const a of rest) expect(Object.keys(a.properties)).toEqual(['title'])
    const lineOnly = planAnnotations([{ ...finding('BG201', 'x\u200b.json', at, 'm'), column: null }], '')
    expect(lineOnly.annotations[0]!.message).toBe('x\\u200b.json:3: m')
  })
})

describe('annotations over several baselines', () => {
  it("each title names its finding's baseline (a finding of no file says it nowhere else), shown as data", () => {
    const plan = planAnnotations(
      [
        { ...finding('BG407', null, null, 'the producer did not start'), baseline: 'billing' },
        {
          ...finding('BG201', 'config/pin.json', { line: 2, column: 3 }, 'differs'),
          baseline: 'ledger\u202e'
        },
        finding('BG201', 'config/pin.json', { line: 2, column: 3 }, 'one baseline')
      ],
      ''
    )
    expect(plan.annotations.map((a) => a.properties.title)).toEqual([
      'billing: BG407 Runtime preflight skipped',
      'ledger\\u202e: BG201 Pin and mirror disagree',
      'BG201 Pin and mirror disagree'
    ])
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
