// Text a reader takes for a title the tool checks: lookalike letters of other scripts, characters that show
// nothing, compatibility forms. And what is plainly another text.
import { describe, expect, it } from '@jest/globals'
import { looksLike, skeleton } from '../../src/ledger/lookalike.js'

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
      '\uff22aseline \uff30in' // fullwidth B and P
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
      ''
    ])
      expect([text, looksLike(text, 'Baseline Pin')]).toEqual([text, false])
  })

  it('the skeleton folds what NFKC folds and drops what shows nothing', () => {
    expect(skeleton(' \uff21PI\u200d  contract\ufe0f ')).toBe('api contract')
  })
})
