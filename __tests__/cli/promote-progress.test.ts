// What `promote` prints on stderr while it works: what is judged before anything runs, the suites' progress,
// and one line when the suites are skipped and why; and its --suites-anyway option.
import { describe, expect, it } from '@jest/globals'
import { parseCommand } from '../../src/cli/args.js'
import { UsageError } from '../../src/cli/commands.js'
import { commandUsage } from '../../src/cli/usage.js'
import { createProgress } from '../../src/cli/progress.js'
import type { ProgressStream } from '../../src/cli/progress.js'
import { colors } from '../../src/cli/render.js'
import type { Style } from '../../src/cli/render.js'
import type { StepResult } from '../../src/rules/verdict.js'

const plain: Style = { bold: (s) => s, red: (s) => s, yellow: (s) => s, green: (s) => s, dim: (s) => s }

function stream(isTTY: boolean): ProgressStream & { text: () => string } {
  let out = ''
  return { isTTY, write: (s: string) => (out += s), text: () => out }
}

const JUDGING = {
  baseline: 'memorykernel',
  base: 'a'.repeat(40),
  head: 'b'.repeat(40),
  from: 'v0.4.0',
  to: 'v0.5.0',
  changedFiles: ['config/memorykernel-integration-pin.json']
}

const step = (name: string, status: StepResult['status']): StepResult => ({
  suite: 'consumer',
  name,
  status,
  exit_code: status === 'passed' ? 0 : null,
  duration_ms: 1200,
  required: status !== 'skipped'
})

describe('promote progress (stderr)', () => {
  it('a rule FAIL: what is judged, then one line saying the suites were skipped, why and how to run them', () => {
    const out = stream(false)
    const p = createProgress(out, plain)
    p.judging!(JUDGING)
    p.suitesSkipped!({ reason: 'the rules already decide FAIL (3 errors)', ruleErrors: 3 }, [
      step('typecheck', 'skipped'),
      step('test', 'skipped')
    ])
    p.close()
    expect(out.text()).toBe(
      [
        'Judging memorykernel: v0.4.0 -> v0.5.0 (base aaaaaaaaaaaa, head bbbbbbbbbbbb; changed: config/memorykernel-integration-pin.json)',
        'Suites skipped: the rules already decide FAIL (3 errors). Run with --suites-anyway to run them.',
        ''
      ].join('\n')
    )
  })

  it('suites skipped on request say why and how many', () => {
    const out = stream(false)
    createProgress(out, plain).suitesSkipped!(
      { reason: 'on request: --no-suites, or the input suites: false' },
      [step('typecheck', 'skipped')]
    )
    expect(out.text()).toBe('Suites skipped: on request: --no-suites, or the input suites: false (1 step).\n')
  })

  it('in a pipe: a line when the suites start and one per finished step, no status line', () => {
    const out = stream(false)
    const p = createProgress(out, plain)
    p.suitesStarted!(2)
    p.stepStarted!('consumer', 'typecheck')
    p.stepFinished!(step('typecheck', 'passed'), '')
    p.close()
    expect(out.text()).toBe('Running 2 suite steps\nPASS consumer › typecheck (1.2 s, exit 0)\n')
  })

  it('in a terminal: the status line counts the steps done and is cleared before each line', () => {
    const out = stream(true)
    let t = 0
    const p = createProgress(out, plain, () => t)
    p.suitesStarted!(2)
    p.stepStarted!('consumer', 'typecheck')
    p.stepStarted!('consumer', 'test')
    t = 2000
    p.stepFinished!(step('typecheck', 'passed'), '')
    p.close()
    const text = out.text()
    expect(text).toContain(
      '\r\u001b[Krunning (0 of 2 done): consumer › typecheck 0 ms · consumer › test 0 ms'
    )
    expect(text).toContain('\r\u001b[KPASS consumer › typecheck (1.2 s, exit 0)\n')
    expect(text).toContain('running (1 of 2 done): consumer › test 2.0 s')
    expect(text.endsWith('\r\u001b[K')).toBe(true)
  })

  it('names and tags from the change are one line, never a terminal escape', () => {
    const out = stream(false)
    createProgress(out, colors).judging!({
      ...JUDGING,
      to: 'v0.5.0\u001b[2J\nFAKE',
      changedFiles: ['a\rb']
    })
    const text = out.text()
    expect(text).not.toContain('\u001b[2J')
    // shown escaped, on the one line
    expect(text).toContain('v0.5.0\\u001b[2J\\nFAKE')
    expect(text).toContain('changed: a\\u000db)')
    expect(text.split('\n')).toHaveLength(2)
  })
})

describe('promote --suites-anyway', () => {
  it('is off by default and parsed when given', () => {
    const off = parseCommand(['promote', '--base', 'main'])
    const on = parseCommand(['promote', '--base', 'main', '--suites-anyway'])
    expect(off).toMatchObject({ command: 'promote', suites: true, suitesAnyway: false })
    expect(on).toMatchObject({ command: 'promote', suites: true, suitesAnyway: true })
  })

  it('contradicts --no-suites, and only promote takes it', () => {
    expect(() => parseCommand(['promote', '--base', 'main', '--no-suites', '--suites-anyway'])).toThrow(
      new UsageError('give --no-suites or --suites-anyway, not both')
    )
    expect(() =>
      parseCommand(['rollback', '--trigger', 'contract-drift', '--reason', 'x', '--suites-anyway'])
    ).toThrow(/rollback does not take --suites-anyway/)
  })

  it("is in promote's help", () => {
    expect(commandUsage('promote')).toMatch(
      /^ {2}--suites-anyway +run the suites even when the rules already decide FAIL/m
    )
  })
})
