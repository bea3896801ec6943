// A posture that goes from absent to GO is a change to GO like NO-GO -> GO: it needs the joint approval of both
// teams. Otherwise a trio written before adoption (no posture) could be migrated straight to GO unreviewed.
import { afterAll, describe, expect, it } from '@jest/globals'
import { approvalRules, needsJointApproval } from '../../src/rules/approval.js'
import { cleanupFixtures, MATRIX, PIN, trioFixture } from '../helpers/fixture.js'
import { gitRepo, OLD_DATE, promote } from '../helpers/git-repo.js'

afterAll(cleanupFixtures)

describe('a change of the posture to GO', () => {
  it('needs joint approval from NO-GO and from no posture, never to NO-GO or to no posture', () => {
    expect(needsJointApproval({ from: 'NO-GO', to: 'GO' })).toBe(true)
    expect(needsJointApproval({ from: null, to: 'GO' })).toBe(true)
    expect(needsJointApproval({ from: 'GO', to: 'GO' })).toBe(false)
    expect(needsJointApproval({ from: null, to: 'NO-GO' })).toBe(false)
    expect(needsJointApproval({ from: 'GO', to: 'NO-GO' })).toBe(false)
    expect(needsJointApproval({ from: 'GO', to: null })).toBe(false)
    const [f] = approvalRules({
      posture: { from: null, to: 'GO' },
      pinPath: PIN,
      at: { line: 11, column: 30 },
      approval: 'no pull request: run locally'
    })
    expect([f!.rule, f!.message]).toEqual([
      'BG802',
      expect.stringContaining('the posture changes (no posture) -> GO, which needs the joint approval')
    ])
  })

  it('at the promotion gate: a trio without a posture, migrated to GO in a pull request, fails without approvals', async () => {
    const fx = trioFixture()
    fx.editJson(PIN, (pin) => {
      delete pin.runtime_cutover_posture
    })
    fx.replace(MATRIX, /^- Runtime cutover posture: .*\n/m, '')
    const repo = gitRepo(fx)
    const base = repo.commit('the trio as it was before adoption', OLD_DATE)
    fx.editJson(PIN, (pin) => {
      pin.runtime_cutover_posture = 'GO'
    })
    fx.replace(MATRIX, /^(- Expected producer manifest SHA-256: .*)$/m, '$1\n- Runtime cutover posture: `GO`')
    repo.commit('adopt baseline-gate, straight to GO')
    const b = (await promote(fx, { base, review: { unavailable: 'no pull request: run locally' } })).result
      .baselines[0]!
    expect(b.change).toMatchObject({ posture_from: null, posture_to: 'GO', classification: 'none' })
    expect(b.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['BG802'])
    expect(b.verdict).toBe('FAIL')
  })
})
