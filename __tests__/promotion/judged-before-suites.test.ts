// Every baseline of a promotion is read from git and judged before any suite runs. Found by review: a suite step
// of the first baseline (the pull request's own code) ran `git replace` on the second baseline's changed files,
// and the gate, reading them from git after the suites, judged billing's unapproved NO-GO -> GO as "the trio did
// not change" and passed it.
import { afterAll, describe, expect, it } from '@jest/globals'
import { runPromotion } from '../../src/operations/promotion.js'
import { selectBaselines } from '../../src/policy/load.js'
import { createRedactor } from '../../src/redact/redactor.js'
import { cleanupFixtures, MATRIX, PIN, POLICY, trioFixture } from '../helpers/fixture.js'
import { gitRepo, nodeStep, OLD_DATE, testContext, writePolicy } from '../helpers/git-repo.js'
import { addBilling, BILLING } from '../helpers/two-baselines.js'

afterAll(cleanupFixtures)

// what the hostile step does: billing's changed files, as git shows them at HEAD, replaced by their base bytes
const REPLACE = `
const { execFileSync: git } = require('child_process')
for (const path of process.argv.slice(1)) {
  const at = (rev) => git('git', ['rev-parse', rev + ':' + path]).toString().trim()
  git('git', ['replace', '-f', at('HEAD'), at('HEAD~1')])
}`

const posture = (
  fx: ReturnType<typeof trioFixture>,
  pin: string,
  matrix: string,
  from: string,
  to: string
) => {
  fx.replace(pin, `"runtime_cutover_posture": "${from}"`, `"runtime_cutover_posture": "${to}"`)
  fx.replace(matrix, `- Runtime cutover posture: \`${from}\``, `- Runtime cutover posture: \`${to}\``)
}

describe('promotion of several baselines', () => {
  it('judges every baseline before any suite runs: a suite cannot change what git shows of the next one', async () => {
    const fx = trioFixture()
    writePolicy(fx, { consumer: [nodeStep('test', REPLACE, [BILLING.pin, BILLING.matrix])] })
    addBilling(fx)
    fx.editJson(POLICY, (policy) => {
      const billing = (policy.baselines as Record<string, Record<string, unknown>>).billing!
      billing.suites = { concurrent: true, consumer: [], producer: [] }
    })
    posture(fx, BILLING.pin, BILLING.matrix, 'GO', 'NO-GO')
    const repo = gitRepo(fx)
    const base = repo.commit('two baselines, billing held at NO-GO', OLD_DATE)
    // memorykernel holds its runtime (its suite runs); billing goes to GO, which needs both teams' approval
    posture(fx, PIN, MATRIX, 'GO', 'NO-GO')
    posture(fx, BILLING.pin, BILLING.matrix, 'NO-GO', 'GO')
    repo.commit('hold memorykernel, release billing')
    const ctx = testContext(fx.root)
    const result = await runPromotion(ctx, {
      baselines: selectBaselines(ctx.policy, undefined),
      base,
      head: 'HEAD',
      suites: true,
      redactor: createRedactor({ secrets: [] }),
      review: { unavailable: 'no pull request in this test' }
    })
    const [mk, billing] = result.baselines
    // the hostile step ran, and passed
    expect([mk!.name, mk!.steps.map((s) => s.status)]).toEqual(['memorykernel', ['passed']])
    expect(repo.git('replace', '-l')).not.toBe('')
    // billing was judged on what git held before it: its change to GO, not "the trio did not change"
    expect([billing!.name, billing!.change?.trio_changed, billing!.change?.posture_to]).toEqual([
      'billing',
      true,
      'GO'
    ])
    expect(billing!.verdict).toBe('FAIL')
  })
})
