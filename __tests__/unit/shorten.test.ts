// Every message a person reads is cut by one helper that never splits a character (an emoji at the cut used to
// leave half a surrogate pair, which renders as U+FFFD and makes the JSON invalid for strict readers).
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { shorten } from '../../src/text/shorten.js'
import { shortCommit } from '../../src/text/short-commit.js'
import { installQuoteRedaction, quote, redactQuoted } from '../../src/text/quote.js'
import { textRedactor } from '../../src/redact/text-redactor.js'
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

  it("at a word: cuts at the last space before the limit, dropping the space and a dangling ',' ';' ':'", () => {
    expect(shorten('the quick brown fox', 12, 'word')).toBe('the quick…')
    expect(shorten('the quick brown fox', 10, 'word')).toBe('the quick…')
    expect(shorten('one, two three', 8, 'word')).toBe('one…')
    expect(shorten('one; two: three', 11, 'word')).toBe('one; two…')
    expect(shorten('the quick brown fox', 19, 'word')).toBe('the quick brown fox')
    // the default still cuts anywhere
    expect(shorten('the quick brown fox', 12)).toBe('the quick b…')
  })

  it('at a word: a first word longer than half the room is cut inside, never to almost nothing', () => {
    expect(shorten('a config/memorykernel-integration-pin.json', 12, 'word')).toBe('a config/me…')
    expect(shorten('abcdefghij', 5, 'word')).toBe('abcd…')
    expect(shorten('ab cd', 1, 'word')).toBe('…')
  })

  it('at a word: never leaves half of a surrogate pair, whatever the limit', () => {
    const text = `deploy ${'😀'.repeat(3)} now 😀😀 and ${'😀'}x later`
    for (let max = 1; max < text.length; max++) {
      const cut = shorten(text, max, 'word')
      expect(LONE_SURROGATE.test(cut)).toBe(false)
      expect(cut.length).toBeLessThanOrEqual(max)
      expect(text.startsWith(cut.slice(0, -1))).toBe(true)
    }
    expect(shorten(`ab ${'😀'}cdef`, 5, 'word')).toBe('ab…')
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

describe('shortCommit', () => {
  it('cuts a commit id to 12, and never a value that is none (a redaction marker stays whole; found by review)', () => {
    expect(shortCommit('7e4806a34b98e6c06ee33fa9f11499a975e7b922')).toBe('7e4806a34b98')
    expect(shortCommit('[REDACTED:aws-access-key-id]')).toBe('[REDACTED:aws-access-key-id]')
    expect(shortCommit(`not a commit ${'x'.repeat(80)}`)).toBe('not a commit…')
  })
})

describe("shorten's quote cut", () => {
  it('never leaves part of a word: a secret cut in two would be shown by its start', () => {
    expect(shorten('api.v1 (deployed with the key Pr0dDeployKey7f3a9c2e1bQwErTyUiOp)', 40, 'quote')).toBe(
      'api.v1 (deployed with the key…'
    )
    expect(shorten(`https://deploy:${'p'.repeat(80)}@host`, 60, 'quote')).toBe('…')
    expect(shorten('short enough', 60, 'quote')).toBe('short enough')
  })
})

describe('quote: the run redaction first, then the cut', () => {
  it('redacts a value whole before it is cut or folded (found by review: a passphrase, a private key in a body)', () => {
    installQuoteRedaction(textRedactor(['correct horse battery staple']))
    try {
      expect(quote('db password is correct horse battery staple, rotated daily', 30)).toBe('db password is…')
      // a key is known by its lines: redacted before they are folded into one
      const key = [
        '-----BEGIN RSA PRIVATE KEY-----',
        'A'.repeat(64),
        'B'.repeat(64),
        '-----END RSA PRIVATE KEY-----'
      ]
      const folded = redactQuoted(`config dump:\n${key.join('\n')}\nend`).replace(/\s+/g, ' ')
      expect(folded).not.toContain('AAAAAAAA')
    } finally {
      installQuoteRedaction((text) => text)
    }
  })
})
