// The size budgets (docs/outputs.md): a job summary stays under GitHub's 1 MiB, a comment under 65,536
// characters. The log tails go first, then the findings list, then the collapsed tables; what was cut is said.
import { describe, expect, it } from '@jest/globals'
import { STICKY_COMMENT_BUDGET, stickyMarker } from '../../src/github/client.js'
import { COMMENT_LADDER, SUMMARY_LADDER, SUMMARY_LIMIT_BYTES } from '../../src/present/budget.js'
import { commentMarker, renderComment } from '../../src/present/comment.js'
import { renderSummary } from '../../src/present/summary.js'
import { LINKS, promotionHuge, promotionPass } from './fixtures.js'

const bytes = (s: string) => Buffer.byteLength(s, 'utf8')
const summary = (r: ReturnType<typeof promotionHuge>, limitBytes?: number, notes: string[] = []) =>
  renderSummary(r, { links: LINKS, trigger: null, notes, ...(limitBytes ? { limitBytes } : {}) })

describe('the job summary budget', () => {
  it('a small result keeps every detail and says nothing was cut', () => {
    const text = summary(promotionHuge(300, 4000))
    expect(text).toContain('ledger cell 299')
    expect(text).toContain('TAIL-OF-3')
    expect(text).not.toContain('was shortened')
  })

  it('cuts the log tails first, then leaves them out, then lists fewer findings, and says each', () => {
    const r = promotionHuge(100, 4000)
    const full = summary(r)
    const cut = summary(r, bytes(full) - 1000)
    expect(bytes(cut)).toBeLessThanOrEqual(bytes(full) - 1000)
    expect(cut).toContain('ledger cell 99')
    expect(cut).not.toContain('TAIL-OF-')
    expect(cut).toContain('the log tails cut to their last 1,000 characters')

    const noTails = summary(r, bytes(cut) - 3000)
    expect(noTails).toContain('the log tails of the failed steps left out')
    expect(noTails).toContain('ledger cell 99')

    const fewer = summary(r, bytes(noTails) - 100)
    expect(fewer).not.toContain('ledger cell 99')
    expect(fewer).toContain('ledger cell 49')
    expect(fewer).toContain('50 more findings (50 errors, 0 warnings, 0 notices) not listed here')
    expect(fewer).toContain('50 findings not listed')
    expect(fewer).toContain('The evidence artifact has all of it.')
  })

  it('stays under 1 MiB for a huge result and keeps the notes and the headline at every level', () => {
    const text = summary(promotionHuge(20_000, 4000), undefined, [
      '**The verdict comment could not be posted**'
    ])
    expect(bytes(text)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    expect(text.split('\n')[0]).toBe(
      '## ❌ FAIL · promotion of `memorykernel`: `v0.4.0` → `v0.5.0`, additive change'
    )
    expect(text).toContain('The verdict comment could not be posted')
    expect(text).toContain('`baseline-gate-promotion-4242-1`')
  })

  it('falls back to the headline and a note when even the least detail is too large', () => {
    const text = summary(promotionHuge(10, 100), 600, ['NOTE'])
    expect(bytes(text)).toBeLessThanOrEqual(600)
    expect(text).toMatch(/^## ❌ FAIL · promotion of/)
    expect(text).toContain('too large')
    expect(text).toContain('NOTE')
  })

  it('the ladder drops tails before findings, and findings before the tables', () => {
    const noTails = SUMMARY_LADDER.findIndex((d) => d.tailChars === 0)
    const fewer = SUMMARY_LADDER.findIndex((d) => d.findings < Infinity)
    const noTables = SUMMARY_LADDER.findIndex((d) => !d.details)
    expect(noTails).toBeGreaterThan(0)
    expect(fewer).toBeGreaterThan(noTails)
    expect(noTables).toBeGreaterThan(fewer)
  })
})

describe('the comment budget', () => {
  const marker = commentMarker('promotion', undefined)

  it('marker: per operation, or per baseline', () => {
    expect(marker).toBe('promotion')
    expect(commentMarker('promotion', 'memorykernel')).toBe('promotion:memorykernel')
  })

  it('lists at most 30 findings, and degrades to fit the limit, saying what it cut', () => {
    const r = promotionHuge(200, 4000)
    const text = renderComment(r, { links: LINKS, trigger: null, marker })
    expect(text.length + stickyMarker(marker).length + 1).toBeLessThanOrEqual(STICKY_COMMENT_BUDGET)
    expect(text).toContain('170 more findings')
    // 30 findings is the comment's design, not a cut: nothing is said to be shortened
    expect(text).not.toContain('was shortened')

    const small = renderComment(r, { links: LINKS, trigger: null, marker, budget: 8000 })
    expect(small.length).toBeLessThanOrEqual(8000)
    expect(small).not.toContain('<details>')
    expect(small).toContain(
      'This comment was shortened to fit GitHub’s limit of 65,536 characters per comment'
    )
    expect(small).toContain('the step, change and baseline tables left out')
    expect(small).toContain('20 findings not listed')
    expect(COMMENT_LADDER[0]!.findings).toBe(30)
  })

  it('a passing change names old -> new and says nothing was cut', () => {
    const text = renderComment(promotionPass(), { links: LINKS, trigger: 'pull request #42', marker })
    expect(text.split('\n')[0]).toBe(
      '## ✅ PASS · promotion of `memorykernel`: `v0.4.0` → `v0.5.0`, additive change'
    )
    expect(text).not.toContain('shortened')
  })
})
