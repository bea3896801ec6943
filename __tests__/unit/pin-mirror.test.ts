import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { explainHashMismatch } from '../../src/rules/pin-mirror.js'
import { EMBEDDED, MIRROR, REPO_ROOT } from '../helpers/fixture.js'

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex')
const ORIGINAL = readFileSync(join(REPO_ROOT, MIRROR), 'utf8')
const WANT = sha256(ORIGINAL)
const GENERIC = 'Copy the producer manifest of the pinned release byte for byte into the mirror'
const reformat = (indent: number | string) => JSON.stringify(JSON.parse(ORIGINAL), null, indent)

describe('explainHashMismatch', () => {
  it('the embedded mirror is the canonical 2-space, LF, final-newline form (what the accidents start from)', () => {
    expect(ORIGINAL).toBe(`${reformat(2)}\n`)
    expect(ORIGINAL).not.toContain('\r')
  })

  it.each<[string, string | Buffer, string]>([
    [
      'CRLF line endings',
      ORIGINAL.replace(/\n/g, '\r\n'),
      'line endings (the file has CRLF; the pinned bytes use LF)'
    ],
    [
      'a byte-order mark',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ORIGINAL)]),
      'a byte-order mark'
    ],
    ['the final newline removed', ORIGINAL.slice(0, -1), 'the final newline'],
    ['a final newline added', `${ORIGINAL}\n`, 'the final newline'],
    ['a 4-space indent', `${reformat(4)}\n`, 'formatting (whitespace and indentation)'],
    ['a tab indent', `${reformat('\t')}\n`, 'formatting (whitespace and indentation)'],
    ['minified', reformat(0), 'formatting (whitespace and indentation)'],
    ['minified with a newline', `${reformat(0)}\n`, 'formatting (whitespace and indentation)']
  ])('names the accident: %s', (_accident, bytes, what) => {
    const why = explainHashMismatch(Buffer.from(bytes), WANT)
    expect(why).toContain(`the bytes differ only by ${what}:`)
    expect(why).toContain('restore the exact bytes')
    expect(why).not.toContain(GENERIC)
  })

  it('names CRLF when the pinned bytes had CRLF and the file has LF', () => {
    const why = explainHashMismatch(Buffer.from(ORIGINAL), sha256(ORIGINAL.replace(/\n/g, '\r\n')))
    expect(why).toContain('the bytes differ only by line endings (the pinned bytes use CRLF)')
  })

  it('an unrelated change gets the generic advice', () => {
    const changed = ORIGINAL.replace(`"${EMBEDDED.tag}"`, '"v0.3.2"')
    const why = explainHashMismatch(Buffer.from(changed), WANT)
    expect(why).toContain(GENERIC)
    expect(why).toContain('baseline-gate repin')
    expect(why).not.toContain('differ only by')
    expect(why).not.toContain('CRLF')
  })

  it('an unrelated change in a CRLF file says that CRLF alone changes the digest too', () => {
    const changed = ORIGINAL.replace(`"${EMBEDDED.tag}"`, '"v0.3.2"').replace(/\n/g, '\r\n')
    const why = explainHashMismatch(Buffer.from(changed), WANT)
    expect(why).toContain(GENERIC)
    expect(why).toContain('The file has CRLF line endings, which alone changes the digest.')
  })

  it.each([
    ['not JSON at all', 'this is not json'],
    ['truncated JSON', ORIGINAL.slice(0, 100)],
    ['empty', ''],
    ['invalid UTF-8', Buffer.from([0x7b, 0xe9, 0x7d])]
  ])('%s: the generic advice, no throw', (_what, bytes) => {
    expect(explainHashMismatch(Buffer.from(bytes), WANT)).toContain(GENERIC)
  })

  it('a digest of something else entirely gets the generic advice', () => {
    expect(explainHashMismatch(Buffer.from(ORIGINAL), sha256('other'))).toContain(GENERIC)
  })
})
