// The promotion action's renderings (pure): the job summary and the sticky comment degrade detail to stay under
// GitHub's limits (log tails first, then the findings list), the suite step logs in the Actions log, the outputs.
import { describe, expect, it } from '@jest/globals'
import { COMMENT_LADDER, commentMarker, renderComment } from '../../src/actions/shared/comment.js'
import { combinedClassification, combinedPosture } from '../../src/actions/shared/outputs.js'
import { printStepLog, stepResultLine, stopToken } from '../../src/actions/shared/step-log.js'
import { DETAIL_LADDER, renderSummary, SUMMARY_LIMIT_BYTES } from '../../src/actions/shared/summary.js'
import type { ChangeEvidence } from '../../src/evidence/packet.js'
import { STICKY_COMMENT_BUDGET, stickyMarker } from '../../src/github/client.js'
import type { BaselineResult, OperationResult } from '../../src/operations/context.js'
import { finding } from '../../src/rules/finding.js'
import type { StepResult } from '../../src/rules/verdict.js'

const NONE = { error: 0, warning: 0, notice: 0 }

const change = (extra: Partial<ChangeEvidence> = {}): ChangeEvidence => ({
  base: 'a'.repeat(40),
  head: 'b'.repeat(40),
  trio_changed: true,
  changed_files: ['config/memorykernel-integration-pin.json'],
  classification: 'additive',
  codes_added: ['NEW_CODE'],
  codes_removed: [],
  posture_from: 'GO',
  posture_to: 'GO',
  approval: null,
  ...extra
})

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

/** A promotion result with `findings` error findings and failed steps whose tails hold `tailChars` characters. */
function result(options: { findings: number; failedSteps: number; tailChars: number }): OperationResult {
  const findings = Array.from({ length: options.findings }, (_, i) =>
    finding(
      'BG701',
      'config/memorykernel-integration-pin.json',
      { line: i + 1, column: 1 },
      `problem number ${i} `.repeat(10)
    )
  )
  const steps = [
    step('typecheck', 'passed'),
    ...Array.from({ length: options.failedSteps }, (_, i) =>
      step(`test-${i}`, 'failed', `TAIL-OF-${i} `.padEnd(options.tailChars, 'x'))
    )
  ]
  const baseline: BaselineResult = {
    name: 'memorykernel',
    identity: {
      release_tag: 'v0.5.0',
      commit_sha: 'c'.repeat(40),
      service_contract_version: 'service.v3',
      api_contract_version: 'api.v1',
      integration_baseline: 'integration/v1',
      manifest_sha256: 'd'.repeat(64)
    },
    posture: 'GO',
    findings,
    steps,
    verdict: 'FAIL',
    evidence: '/tmp/evidence/promotion-memorykernel.json',
    change: change(),
    redactions: 3
  }
  return { operation: 'promotion', verdict: 'FAIL', baselines: [baseline], evidence: baseline.evidence }
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8')

describe('renderSummary (promotion)', () => {
  it('shows per baseline the identity, the change, the findings, the steps and the failed tails', () => {
    const text = renderSummary(result({ findings: 2, failedSteps: 1, tailChars: 100 }), NONE, 'artifact-1', {
      notes: ['A NOTE']
    })
    for (const part of [
      'baseline-gate promotion: FAIL',
      '| Release tag | `v0.5.0` |',
      '| Classification | **additive** |',
      '`NEW_CODE`',
      'problem number 1',
      '| ❌ | consumer | test-0 | failed |',
      'TAIL-OF-0',
      'Secrets redacted from the captured output: 3.',
      'A NOTE',
      'artifact `artifact-1`'
    ])
      expect(text).toContain(part)
  })

  it('a small result keeps every detail', () => {
    const text = renderSummary(result({ findings: 300, failedSteps: 3, tailChars: 4000 }), NONE, null)
    expect(text).toContain('problem number 299')
    expect(text).toContain('TAIL-OF-2')
    expect(text).not.toContain('left out')
  })

  it('cuts the log tails first, then leaves them out, and only then shortens the findings list', () => {
    const r = result({ findings: 100, failedSteps: 4, tailChars: 4000 })
    const full = renderSummary(r, NONE, null)
    const noTails = renderSummary(r, NONE, null, { limitBytes: bytes(full) - 1000 })
    // the tails were cut to their last 1000 characters: the heads of the tails are gone, every finding is there
    expect(bytes(noTails)).toBeLessThanOrEqual(bytes(full) - 1000)
    expect(noTails).toContain('problem number 99')
    expect(noTails).not.toContain('TAIL-OF-')
    expect(noTails).toContain('cut to their last 1000 characters')

    const withoutTails = renderSummary(r, NONE, null, { limitBytes: bytes(noTails) - 3000 })
    expect(withoutTails).not.toContain('<details>')
    expect(withoutTails).toContain('were left out')
    expect(withoutTails).toContain('problem number 99')

    const fewer = renderSummary(r, NONE, null, { limitBytes: bytes(withoutTails) - 100 })
    expect(fewer).not.toContain('problem number 99')
    expect(fewer).toContain('problem number 49')
    expect(fewer).toContain('50 more findings are in the evidence artifact')
  })

  it('stays under the limit for a huge result, and keeps the notes at every level', () => {
    const r = result({ findings: 20_000, failedSteps: 10, tailChars: 4000 })
    const text = renderSummary(r, NONE, 'artifact-x', {
      notes: ['**The verdict comment could not be posted**']
    })
    expect(bytes(text)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    expect(text).toContain('The verdict comment could not be posted')
    expect(text).toContain('artifact `artifact-x`')
  })

  it('falls back to a short note when even the least detail is too large', () => {
    const r = result({ findings: 10, failedSteps: 1, tailChars: 100 })
    const text = renderSummary(r, NONE, 'artifact-x', { notes: ['NOTE'], limitBytes: 400 })
    expect(bytes(text)).toBeLessThanOrEqual(400)
    expect(text).toContain('baseline-gate promotion: FAIL')
    expect(text).toContain('too large')
    expect(text).toContain('NOTE')
  })

  it('the ladder drops tails before findings', () => {
    const firstWithoutTails = DETAIL_LADDER.findIndex((d) => d.tailChars === 0)
    const firstWithFewerFindings = DETAIL_LADDER.findIndex((d) => d.findings < Infinity)
    expect(firstWithoutTails).toBeGreaterThan(0)
    expect(firstWithFewerFindings).toBeGreaterThan(firstWithoutTails)
  })

  it('says when the trio did not change', () => {
    const r = result({ findings: 0, failedSteps: 0, tailChars: 0 })
    r.baselines[0]!.change = change({ trio_changed: false, changed_files: [], classification: 'none' })
    expect(renderSummary(r, NONE, null)).toContain('The trio did not change')
  })
})

describe('renderComment', () => {
  const marker = commentMarker('promotion', undefined)

  it('marker: per operation, or per baseline', () => {
    expect(marker).toBe('promotion')
    expect(commentMarker('promotion', 'memorykernel')).toBe('promotion:memorykernel')
  })

  it('a compact report with the change, findings, steps, failed tails and a link to the run', () => {
    const text = renderComment(result({ findings: 3, failedSteps: 1, tailChars: 200 }), {
      runUrl: 'https://github.com/octo/app/actions/runs/1',
      artifact: 'artifact-1',
      marker
    })
    for (const part of [
      '## ❌ baseline-gate promotion: FAIL',
      'memorykernel: FAIL (additive change of the trio)',
      '| Classification | **additive** |',
      'problem number 2',
      '| ❌ | consumer | test-0 | failed |',
      'TAIL-OF-0',
      '[The run](https://github.com/octo/app/actions/runs/1)',
      '`artifact-1`'
    ])
      expect(text).toContain(part)
  })

  it('lists at most 30 findings, and degrades tails, then findings, to fit the comment limit', () => {
    const r = result({ findings: 200, failedSteps: 20, tailChars: 4000 })
    const text = renderComment(r, { runUrl: null, artifact: null, marker })
    expect(text.length + stickyMarker(marker).length + 1).toBeLessThanOrEqual(STICKY_COMMENT_BUDGET)
    expect(text).toContain('170 more findings are in the evidence artifact')
    expect(text).toContain('shortened or left out')

    const small = renderComment(r, { runUrl: null, artifact: null, marker, budget: 8000 })
    expect(small.length).toBeLessThanOrEqual(8000)
    expect(small).not.toContain('<details>')
    expect(COMMENT_LADDER[0]!.findings).toBe(30)
  })
})

describe('the Actions log of a suite step', () => {
  it('one line per step, like the terminal', () => {
    expect(stepResultLine(step('typecheck', 'passed'))).toBe('PASS consumer › typecheck (1.2 s, exit 0)')
    expect(stepResultLine({ ...step('t', 'timed-out'), exit_code: null })).toBe(
      'TIME consumer › t (1.2 s, timed out)'
    )
    expect(stepResultLine({ ...step('t', 'not-run'), error: 'aborted' })).toBe(
      'NOT RUN consumer › t (not run: aborted)'
    )
    expect(stepResultLine({ ...step('a\nb', 'failed') })).toBe('FAIL consumer › a b (1.2 s, exit 1)')
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
