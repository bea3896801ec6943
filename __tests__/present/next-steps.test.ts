// The next steps of a run over several baselines: each names whose it is, one several need is said once with all
// their names, and a baseline with nothing to do is not listed above another's steps (found by review).
import { describe, expect, it } from '@jest/globals'
import { lkgJson, renderLkg } from '../../src/cli/render-rollback.js'
import { plain } from '../../src/cli/style.js'
import type { LkgReport } from '../../src/operations/last-known-good.js'
import type { BaselineResult, OperationResult } from '../../src/operations/context.js'
import { lineToText } from '../../src/present/inline.js'
import { nextSteps } from '../../src/present/next-steps.js'
import { scopedTo, severalSteps } from '../../src/present/next-steps-several.js'
import { c } from '../../src/present/inline.js'
import { finding } from '../../src/rules/finding.js'
import { baseline, change, rollbackResult, V040 } from './fixtures.js'

const health = (...bs: BaselineResult[]): OperationResult => ({
  operation: 'health',
  verdict: bs.some((b) => b.verdict === 'FAIL') ? 'FAIL' : 'PASS',
  baselines: bs,
  evidence: bs[0]!.evidence
})
const warning = finding('BG216', 'docs/M.md', { line: 3, column: 1 }, 'a path on one machine')
const error = finding('BG301', 'config/m.json', { line: 7, column: 5 }, 'the mirror differs')
const steps = (r: OperationResult) => nextSteps(r).map(lineToText)

describe('next steps over several baselines', () => {
  it('name the baseline each step is for; one with nothing to do is left out while another has steps', () => {
    const out = steps(
      health(
        baseline({ name: 'billing', identity: V040 }),
        baseline({ name: 'memorykernel', identity: V040, verdict: 'FAIL', findings: [error] })
      )
    )
    expect(out.length).toBeGreaterThan(0)
    for (const line of out) expect(line).toMatch(/^memorykernel: /)
    expect(out.join('\n')).not.toMatch(/Nothing to/)
  })

  it('say a step several need once, with all their names', () => {
    const out = steps(
      health(
        baseline({ name: 'billing', identity: V040, findings: [warning] }),
        baseline({ name: 'memorykernel', identity: V040, findings: [warning] })
      )
    )
    expect(out).toEqual([
      'billing, memorykernel: Read the 1 warning under Findings: none fails the verdict, each says what to change.'
    ])
  })

  it('say "nothing to do" once, for all, when no baseline has a step; one baseline alone is not named', () => {
    expect(
      steps(health(baseline({ name: 'billing', identity: V040 }), baseline({ name: 'mk', identity: V040 })))
    ).toEqual(['billing, mk: Nothing to do: the trio, the producer and the rules agree.'])
    expect(steps(health(baseline({ name: 'mk', identity: V040 })))).toEqual([
      'Nothing to do: the trio, the producer and the rules agree.'
    ])
  })
})

describe('commands in the steps of some of the baselines (found by review)', () => {
  it('name the baseline: one run of the command would cover every baseline of the policy', () => {
    const rollback = [
      'If the pinned baseline is broken in production, roll back: ',
      c('npx --no baseline-gate rollback --trigger contract-drift --reason "..."')
    ]
    const out = severalSteps([
      { name: 'billing', lines: [['Fix the mirror.'], rollback], clear: false, failed: true },
      { name: 'memorykernel', lines: [], clear: true, failed: false }
    ]).map(lineToText)
    expect(out).toEqual([
      'billing: Fix the mirror.',
      'billing: If the pinned baseline is broken in production, roll back: npx --no baseline-gate rollback --baseline billing --trigger contract-drift --reason "..."'
    ])
    // the same steps for two of three: named together, but each command once per baseline
    const three = severalSteps([
      { name: 'a', lines: [rollback], clear: false, failed: true },
      { name: 'b', lines: [rollback], clear: false, failed: true },
      { name: 'c', lines: [], clear: true, failed: false }
    ]).map(lineToText)
    expect(three).toEqual([
      expect.stringMatching(/^a: .* rollback --baseline a --trigger/),
      expect.stringMatching(/^b: .* rollback --baseline b --trigger/)
    ])
    // for all of them: one command, no name in it; but a rollback is one incident's, and names each (found by review)
    const repin = ['Repin: ', c('npx --no baseline-gate repin')]
    const all = severalSteps([
      { name: 'a', lines: [repin, rollback], clear: false, failed: true },
      { name: 'b', lines: [repin, rollback], clear: false, failed: true }
    ]).map(lineToText)
    // (each baseline's steps together, once one of them is its own: found by review, they alternated)
    expect(all).toEqual([
      'a: Repin: npx --no baseline-gate repin --baseline a',
      expect.stringMatching(/^a: .* rollback --baseline a --trigger/),
      'b: Repin: npx --no baseline-gate repin --baseline b',
      expect.stringMatching(/^b: .* rollback --baseline b --trigger/)
    ])
    // with no command of its own, a list two need is said once
    expect(
      severalSteps([
        { name: 'a', lines: [repin, ['Read the warning.']], clear: false, failed: true },
        { name: 'b', lines: [repin, ['Read the warning.']], clear: false, failed: true }
      ]).map(lineToText)
    ).toEqual(['a, b: Repin: npx --no baseline-gate repin', 'a, b: Read the warning.'])
  })

  it('leave a command that names its baseline, and other commands, as they are', () => {
    const line = [c('npx --no baseline-gate health --baseline x'), ' or ', c('git checkout -- a.json')]
    expect(lineToText(scopedTo(line, 'y'))).toBe(
      'npx --no baseline-gate health --baseline x or git checkout -- a.json'
    )
    expect(lineToText(scopedTo([c('npx --no baseline-gate repin')], 'y'))).toBe(
      'npx --no baseline-gate repin --baseline y'
    )
  })

  it('put the failing baselines first, then the advice to those that passed', () => {
    const out = severalSteps([
      { name: 'mk', lines: [['Probe the producer too.']], clear: false, failed: false },
      { name: 'billing', lines: [['Fix the 3 errors.']], clear: false, failed: true }
    ]).map(lineToText)
    expect(out).toEqual(['billing: Fix the 3 errors.', 'mk: Probe the producer too.'])
  })

  it("keep each baseline's steps in their order: a step two need is not hoisted above one's own", () => {
    const out = severalSteps([
      {
        name: 'billing',
        lines: [['Fetch the history.'], ['Then run the dry run again.']],
        clear: false,
        failed: true
      },
      {
        name: 'mk',
        lines: [['No earlier revision.'], ['Then run the dry run again.']],
        clear: false,
        failed: true
      }
    ]).map(lineToText)
    expect(out).toEqual([
      'billing: Fetch the history.',
      'billing: Then run the dry run again.',
      'mk: No earlier revision.',
      'mk: Then run the dry run again.'
    ])
  })

  it("a run of one of the policy's baselines (--baseline, a job each) names it in its commands (found by review)", () => {
    const one = (policyBaselines?: number): OperationResult => ({
      ...health(baseline({ name: 'billing', identity: V040, verdict: 'FAIL', findings: [error] })),
      ...(policyBaselines ? { policyBaselines } : {})
    })
    const scoped = steps(one(2)).join('\n')
    expect(scoped).toContain('npx --no baseline-gate rollback --baseline billing --trigger')
    expect(scoped).not.toMatch(/baseline-gate (health|rollback|repin)(?! --baseline billing)/)
    // the policy's only baseline: as before
    expect(steps(one(1)).join('\n')).not.toContain('--baseline')
    expect(steps(one()).join('\n')).not.toContain('--baseline')
  })

  it("a dry run of several baselines: each one's rollback names it, not one command for all (found by review)", () => {
    const dry = rollbackResult(true).result
    const one = dry.baselines[0]!
    const asDry = (name: string) => ({
      ...one,
      name,
      rollback: { ...one.rollback!, status: 'dry-run' as const, dryRun: true }
    })
    const out = steps({ ...dry, baselines: [asDry('billing'), asDry('mk')], policyBaselines: 2 })
    expect(out.filter((l) => l.includes('Run the rollback for real'))).toEqual([
      expect.stringMatching(
        /^billing: Run the rollback for real \(the same command without --dry-run, with --baseline billing\)/
      ),
      expect.stringMatching(
        /^mk: Run the rollback for real \(the same command without --dry-run, with --baseline mk\)/
      )
    ])
  })

  it('a promotion that fails for one baseline tells no other to merge: it is one pull request', () => {
    const promotion: OperationResult = {
      operation: 'promotion',
      verdict: 'FAIL',
      baselines: [
        baseline({ name: 'billing', identity: V040, change: change(), previous: V040 }),
        baseline({
          name: 'mk',
          identity: V040,
          verdict: 'FAIL',
          findings: [error],
          change: change(),
          previous: V040
        })
      ],
      evidence: 'x'
    }
    expect(steps(promotion).join('\n')).not.toContain('Merge once the change is reviewed')
  })

  it('beside a failing baseline, one whose suites ran elsewhere (BG704) is not told when to merge either', () => {
    const noSuites = finding('BG704', null, null, 'the suites were not run')
    const b = (name: string, verdict: 'PASS' | 'FAIL', findings = [noSuites]) =>
      baseline({ name, identity: V040, verdict, findings, change: change(), previous: V040 })
    const promotion = (...bs: BaselineResult[]): OperationResult => ({
      operation: 'promotion',
      verdict: bs.some((x) => x.verdict === 'FAIL') ? 'FAIL' : 'PASS',
      baselines: bs,
      evidence: 'x'
    })
    const failing = steps(promotion(b('billing', 'PASS'), b('mk', 'FAIL', [error]))).join('\n')
    expect(failing).toContain(
      'billing: The suites did not run here (asked for no suites): they must pass as well'
    )
    expect(failing).not.toMatch(/merge/i)
    // all passing: merge once the other check passed
    expect(steps(promotion(b('billing', 'PASS'), b('mk', 'PASS'))).join('\n')).toContain(
      'merge only once they passed'
    )
  })
})

describe("lkg's next steps over several baselines", () => {
  const report = (name: string, target: boolean) =>
    ({
      baseline: name,
      head: 'a'.repeat(40),
      identity: V040,
      targetAtCut: false,
      lkg: {
        target: target
          ? { identity: V040, commit: 'b'.repeat(40), date: '2026-01-01', profile: 'current', reported: [] }
          : null,
        passedOver: [],
        revisions: 2,
        problem: target ? null : 'no earlier revision'
      }
    }) as unknown as LkgReport
  const next = (reports: LkgReport[]) => renderLkg(reports, plain).split('next:\n')[1]!.split('\n')

  it('one with a target and one without: each step names its baseline, and the command names the one it is for', () => {
    expect(next([report('billing', false), report('memorykernel', true)])).toEqual([
      '  1. memorykernel: Prove the restore without writing anything: npx --no baseline-gate rollback --drill --baseline memorykernel --trigger KIND --reason "WHY"',
      '  2. memorykernel: In an incident, restore it: npx --no baseline-gate rollback --baseline memorykernel --trigger KIND --reason "WHY" (or the rollback workflow; docs/runbook.md)',
      '  3. billing: Nothing can be restored: the reasons are above (docs/troubleshooting.md, "No last-known-good baseline: BG510").'
    ])
  })

  it("all restorable: still one command each, a rollback being one incident's (found by review)", () => {
    const out = next([report('a', true), report('b', true)])
    expect(out.filter((l) => l.includes('--drill'))).toEqual([
      expect.stringMatching(/^ {2}1\. a: .*--drill --baseline a --trigger/),
      expect.stringMatching(/^ {2}3\. b: .*--drill --baseline b --trigger/)
    ])
  })

  it('two of three restorable: one command each, naming it', () => {
    const out = next([report('a', true), report('b', true), report('c', false)])
    expect(out.filter((l) => l.includes('rollback --drill'))).toEqual([
      expect.stringMatching(/^ {2}1\. a: .*--drill --baseline a --trigger/),
      expect.stringMatching(/^ {2}3\. b: .*--drill --baseline b --trigger/)
    ])
    expect(out.at(-1)).toMatch(/^ {2}5\. c: Nothing can be restored/)
  })

  it("one of the policy's two (lkg --baseline): its commands name it", () => {
    const out = renderLkg([report('memorykernel', true)], plain, 2).split('next:\n')[1]!
    expect(out).toContain('rollback --drill --baseline memorykernel --trigger')
    expect(out).toContain(
      '  2. In an incident, restore it: npx --no baseline-gate rollback --baseline memorykernel --trigger'
    )
  })

  it('one baseline and nothing to restore: only that', () => {
    expect(next([report('memorykernel', false)]).filter(Boolean)).toEqual([
      '  1. Nothing can be restored: the reasons are above (docs/troubleshooting.md, "No last-known-good baseline: BG510").'
    ])
  })

  it('--json carries the same next steps as the terminal (found by review: it had none)', () => {
    const reports = [report('a', true), report('b', false)]
    const json = lkgJson(reports, 2) as { next_steps: string[] }
    expect(json.next_steps.map((l, i) => `  ${i + 1}. ${l}`)).toEqual(next(reports).filter(Boolean))
  })

  it('one baseline: as before, no names', () => {
    expect(next([report('memorykernel', true)])[0]).toBe(
      '  1. Prove the restore without writing anything: npx --no baseline-gate rollback --drill --trigger KIND --reason "WHY"'
    )
  })
})
