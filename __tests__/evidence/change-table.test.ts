// The change a promotion gated, as the Markdown (summary, comment, packet) and the terminal show it: a rollback
// says so, and a base with no posture (an adoption) reads "none", not "?" (found by review).
import { describe, expect, it } from '@jest/globals'
import { renderReport } from '../../src/cli/render.js'
import { changeTable } from '../../src/evidence/markdown.js'
import { change, promotionPass } from '../present/fixtures.js'

describe('the change table', () => {
  it('a rollback pull request says it is one in the Markdown, as the terminal headline does', () => {
    expect(changeTable(change({ rollback: true, classification: 'none' }))).toContain(
      '| Classification | **none** (a rollback) |'
    )
    expect(changeTable(change())).toContain('| Classification | **additive** |')
  })

  it('a base with no posture (the trio adopted in this change) reads none on the terminal', () => {
    const result = promotionPass()
    result.baselines[0]!.change = change({ posture_from: null, posture_to: 'NO-GO' })
    expect(renderReport(result, '/repo')).toContain('posture none -> NO-GO')
    expect(renderReport(result, '/repo')).not.toContain('? ->')
    // and in the Markdown, as the terminal says it
    expect(changeTable(result.baselines[0]!.change!)).toContain('| Posture | `none` → `NO-GO` |')
  })
})
