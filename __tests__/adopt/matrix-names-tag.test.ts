// init's question "does this matrix name the pin's release?": a whole word, searched (found by review: a pin's
// 60,000-character tag, compiled into a pattern, was a regular expression too large, and init an internal error).
import { describe, expect, it } from '@jest/globals'
import { matrixNamesTag } from '../../src/adopt/trio-files.js'

const facts = (text: string) => ({ displayName: null, releaseTag: null, text })

describe('matrixNamesTag', () => {
  it('names the tag as a whole word only: a sentence may end after it, a longer version may not go on from it', () => {
    expect(matrixNamesTag(facts('| v1.2.3 | Approved |'), 'v1.2.3')).toBe(true)
    expect(matrixNamesTag(facts('promoted v1.2.3.'), 'v1.2.3')).toBe(true)
    expect(matrixNamesTag(facts('v1.2.3'), 'v1.2.3')).toBe(true)
    for (const text of ['v1.2.30', 'v1.2.3.4', 'v1.2.3-rc1', 'xv1.2.3', '1.v1.2.3', 'a-v1.2.3'])
      expect([text, matrixNamesTag(facts(text), 'v1.2.3')]).toEqual([text, false])
    // a later whole occurrence counts after an earlier partial one
    expect(matrixNamesTag(facts('v1.2.30 then v1.2.3 '), 'v1.2.3')).toBe(true)
    expect(matrixNamesTag(facts('anything'), '')).toBe(false)
  })

  it('a tag of 60,000 characters is searched, not compiled: no error, found where it stands', () => {
    const tag = `v1.2.${'9'.repeat(60_000)}`
    expect(matrixNamesTag(facts(`| ${tag} |`), tag)).toBe(true)
    expect(matrixNamesTag(facts('| v1.2.9 |'), tag)).toBe(false)
  })
})
