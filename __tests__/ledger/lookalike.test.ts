// Text a reader takes for a title the tool checks: lookalike letters of other scripts, characters that show
// nothing, compatibility forms. And what is plainly another text.
import { describe, expect, it } from '@jest/globals'
import { endsLike, looksLike, skeleton, startsLikeAny } from '../../src/ledger/lookalike.js'

describe('looksLike', () => {
  it('reads as the title: case and spacing, lookalike letters, invisible characters, compatibility forms', () => {
    for (const text of [
      'Baseline Pin',
      '  baseline   PIN ',
      'B\u0430seline Pin', // Cyrillic a
      'Bas\u0435line P\u0456n', // Cyrillic e and i
      'Baseline \u03a1in', // Greek capital rho
      'Baseline\u200b Pin', // zero-width space
      'Base\u00adline Pin', // soft hyphen
      'Baseline\u00a0Pin', // no-break space
      'Baseline Pin\u{e0041}\u{e007f}', // tag characters
      '\uff22aseline \uff30in', // fullwidth B and P
      'BaseIine Pin', // an ASCII I for l (found by review)
      'Baseline\u{1d173} Pin', // a musical control that shows nothing (found by review)
      'Basel\u0131ne P\u0130n', // dotless i, dotted capital I
      'Basel\u0456\u0307ne Pin' // a combining dot (found by review)
    ])
      expect([text, looksLike(text, 'Baseline Pin')]).toEqual([text, true])
  })

  it('does not: another word, a letter more or less, an ASCII letter changed', () => {
    for (const text of [
      'Baseline Pins',
      'Baseline Pin (current)',
      'Baselin Pin',
      'Baseline Pen',
      'Pin Update Policy',
      '',
      // twelve Chinese characters: none of the title's letters kept (found by review: taken for it)
      '\u56de\u6eda\u4e0e\u5347\u7ea7\u6d41\u7a0b\u7684\u8be6\u7ec6\u8bf4\u660e'
    ])
      expect([text, looksLike(text, 'Baseline Pin')]).toEqual([text, false])
  })

  it('the skeleton folds what NFKC folds and drops what shows nothing', () => {
    // ASCII lookalikes folded too: l and 1 to i, 0 to o
    expect(skeleton(' \uff21PI\u200d  contract\ufe0f ')).toBe('api contract')
    expect(skeleton('Baseline 10')).toBe('baseiine io')
  })
})

describe('startsLikeAny and endsLike', () => {
  it('a label at the start of a line, a column by its end', () => {
    expect(
      startsLikeAny('Runtime cutover posture — NO-GO', [
        'MemoryKernel release tag',
        'Runtime cutover posture'
      ])
    ).toBe(true)
    expect(startsLikeAny('Runtime notes', ['Runtime cutover posture'])).toBe(false)
    expect(endsLike('Current Status', 'Status')).toBe(true)
    expect(endsLike('Wire Service contract', 'Service contract')).toBe(true)
    expect(endsLike('Statuses', 'Status')).toBe(false)
  })
})
