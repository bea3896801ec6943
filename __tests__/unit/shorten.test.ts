// Every message a person reads is cut by one helper that never splits a character (an emoji at the cut used to
// leave half a surrogate pair, which renders as U+FFFD and makes the JSON invalid for strict readers).
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { shorten } from '../../src/source/shorten.js'
import { REPO_ROOT } from '../helpers/fixture.js'

/** Half of a surrogate pair without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

describe('shorten', () => {
  it('keeps a text that fits and cuts one that does not, ellipsis included in the length', () => {
    expect(shorten('abc', 3)).toBe('abc')
    expect(shorten('abcdef', 4)).toBe('abc…')
  })

  it('never leaves half of a surrogate pair at the cut', () => {
    const text = `ab${'😀'}cdef`
    const cut = shorten(text, 4)
    expect(cut).toBe('ab…')
    expect(LONE_SURROGATE.test(cut)).toBe(false)
    for (let max = 1; max < text.length; max++) expect(LONE_SURROGATE.test(shorten(text, max))).toBe(false)
  })
})

it('no module of src/ cuts a message by hand: shorten() is the one place', () => {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (p.endsWith('.ts')) files.push(p)
    }
  }
  walk(join(REPO_ROOT, 'src'))
  const handMade = files
    .filter((f) => !f.endsWith('shorten.ts'))
    .filter((f) => /\.slice\(0,[^)]*\)\}…/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(REPO_ROOT, f))
  expect(handMade).toEqual([])
})
