// The promotion gate judges the rules first: when their errors already decide FAIL, no suite step is spawned,
// every step is recorded as skipped with the reason, and the reporter is told what is judged and why the suites
// did not run. suitesAnyway runs them all the same; a change the rules pass runs them as before.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { validateEvidence } from '../../src/generated/evidence-validators.js'
import type { BaselineResult } from '../../src/operations/context.js'
import { runPromotion } from '../../src/operations/promotion.js'
import type { Judging, PromotionReporter } from '../../src/operations/promotion.js'
import type { SuiteSkip } from '../../src/operations/suites.js'
import { selectBaselines } from '../../src/policy/load.js'
import { createRedactor } from '../../src/redact/redactor.js'
import { cleanupFixtures, EMBEDDED, nextTag, PIN, tempDir, trioFixture } from '../helpers/fixture.js'
import {
  gitRepo,
  nodeStep,
  OLD_DATE,
  producerRelease,
  repin,
  testContext,
  writePolicy
} from '../helpers/git-repo.js'

afterAll(cleanupFixtures)

const NEXT = nextTag(EMBEDDED.tag, 'minor')

/** A step that leaves a file behind when it runs: the proof that a process was spawned. */
const marking = (dir: string, name: string) =>
  nodeStep(name, 'require("fs").writeFileSync(process.argv[1], "ran")', [join(dir, name)])

/** What the reporter heard, in order. */
function recorder(): { reporter: PromotionReporter; heard: string[]; judged: Judging[]; skips: SuiteSkip[] } {
  const heard: string[] = []
  const judged: Judging[] = []
  const skips: SuiteSkip[] = []
  return {
    heard,
    judged,
    skips,
    reporter: {
      judging: (j) => {
        heard.push('judging')
        judged.push(j)
      },
      suitesStarted: (n) => heard.push(`started ${n}`),
      suitesSkipped: (skip, steps) => {
        heard.push(`skipped ${steps.length}`)
        skips.push(skip)
      },
      stepStarted: (_suite, name) => heard.push(`step ${name}`)
    }
  }
}

/** A repository with three marking steps and the given change committed on top of the approved baseline. */
function repository(change: 'pin only' | 'release'): { root: string; base: string; marks: string } {
  const marks = tempDir('bg-marks-')
  const fx = trioFixture()
  writePolicy(fx, {
    concurrent: false,
    consumer: [marking(marks, 'typecheck'), marking(marks, 'test')],
    producer: [marking(marks, 'cargo-test')]
  })
  const repo = gitRepo(fx)
  const base = repo.commit(`the approved baseline ${EMBEDDED.tag}`, OLD_DATE)
  if (change === 'pin only') {
    // the pin alone names another release: BG501 (the mirror and the matrix were not changed with it)
    fx.editJson(PIN, (pin) => {
      pin.release_tag = NEXT
      pin.commit_sha = 'b'.repeat(40)
    })
  } else {
    producerRelease(fx, NEXT)
    repin(fx)
  }
  repo.commit(`promote memorykernel ${NEXT}`)
  return { root: fx.root, base, marks }
}

async function gate(
  root: string,
  base: string,
  reporter: PromotionReporter,
  suitesAnyway?: boolean
): Promise<BaselineResult> {
  const ctx = testContext(root)
  const result = await runPromotion(ctx, {
    baselines: selectBaselines(ctx.policy, undefined),
    base,
    head: 'HEAD',
    suites: true,
    ...(suitesAnyway === undefined ? {} : { suitesAnyway }),
    redactor: createRedactor({ secrets: [] }),
    review: { unavailable: 'no pull request in this test' },
    reporter
  })
  expect(result.baselines).toHaveLength(1)
  const b = result.baselines[0]!
  const packet = JSON.parse(readFileSync(b.evidence, 'utf8')) as unknown
  expect(validateEvidence(packet) ? [] : validateEvidence.errors).toEqual([])
  return b
}

const errorCount = (b: BaselineResult) => b.findings.filter((f) => f.severity === 'error').length

describe('promotion: the rules first', () => {
  it('a rule FAIL skips the suites: no step spawned, every step skipped with the reason, BG704 says how to run them', async () => {
    const { root, base, marks } = repository('pin only')
    const r = recorder()
    const b = await gate(root, base, r.reporter)

    expect(b.verdict).toBe('FAIL')
    const errors = errorCount(b)
    expect(errors).toBeGreaterThan(0)
    for (const name of ['typecheck', 'test', 'cargo-test']) expect(existsSync(join(marks, name))).toBe(false)
    const reason = `the rules already decide FAIL (${errors} error${errors === 1 ? '' : 's'})`
    expect(b.steps.map((s) => [s.suite, s.name, s.status, s.required, s.skip_reason])).toEqual([
      ['consumer', 'typecheck', 'skipped', false, reason],
      ['consumer', 'test', 'skipped', false, reason],
      ['producer', 'cargo-test', 'skipped', false, reason]
    ])
    const note = b.findings.filter((f) => f.rule === 'BG704')
    expect(note.map((f) => [f.severity, f.message])).toEqual([
      [
        'notice',
        `the suites were not run because ${reason}: 3 steps skipped; --suites-anyway (input suites-anyway: true) runs them all the same`
      ]
    ])

    // what is judged is told first, then why the suites did not run; no step started
    expect(r.heard).toEqual(['judging', 'skipped 3'])
    expect(r.skips).toEqual([{ reason, ruleErrors: errors }])
    expect(r.judged).toEqual([
      {
        baseline: 'memorykernel',
        base,
        head: expect.stringMatching(/^[0-9a-f]{40}$/),
        from: EMBEDDED.tag,
        to: NEXT,
        changedFiles: [PIN]
      }
    ])
    expect(b.previous?.release_tag).toBe(EMBEDDED.tag)
  })

  it('suitesAnyway runs them after a rule FAIL; the verdict stays FAIL', async () => {
    const { root, base, marks } = repository('pin only')
    const r = recorder()
    const b = await gate(root, base, r.reporter, true)

    expect(b.verdict).toBe('FAIL')
    for (const name of ['typecheck', 'test', 'cargo-test']) expect(existsSync(join(marks, name))).toBe(true)
    expect(b.steps.map((s) => [s.name, s.status, s.skip_reason])).toEqual([
      ['typecheck', 'passed', undefined],
      ['test', 'passed', undefined],
      ['cargo-test', 'passed', undefined]
    ])
    expect(b.findings.map((f) => f.rule)).not.toContain('BG704')
    expect(r.heard).toEqual(['judging', 'started 3', 'step typecheck', 'step test', 'step cargo-test'])
  })

  it('a change the rules pass runs its suites as before', async () => {
    const { root, base, marks } = repository('release')
    const r = recorder()
    const b = await gate(root, base, r.reporter)

    expect(errorCount(b)).toBe(0)
    expect(b.verdict).toBe('PASS')
    for (const name of ['typecheck', 'test', 'cargo-test']) expect(existsSync(join(marks, name))).toBe(true)
    expect(b.steps.every((s) => s.status === 'passed')).toBe(true)
    expect(r.heard[0]).toBe('judging')
    expect(r.heard[1]).toBe('started 3')
  })

  it('an unchanged trio tells the reporter nothing and runs nothing', async () => {
    const marks = tempDir('bg-marks-')
    const fx = trioFixture()
    writePolicy(fx, { consumer: [marking(marks, 'test')] })
    const repo = gitRepo(fx)
    const base = repo.commit('the approved baseline', OLD_DATE)
    fx.write('README.md', 'unrelated\n')
    repo.commit('docs')
    const r = recorder()
    const b = await gate(fx.root, base, r.reporter)
    expect([b.verdict, b.steps, r.heard]).toEqual(['PASS', [], []])
    expect(existsSync(join(marks, 'test'))).toBe(false)
    expect(b.previous?.release_tag).toBe(EMBEDDED.tag)
  })
})
