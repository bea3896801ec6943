import { describe, expect, it } from '@jest/globals'
import { positionAt, sourceFromBytes } from '../../src/document/source-file.js'

const sourceFromText = (path: string, text: string) => sourceFromBytes(path, Buffer.from(text, 'utf8'))

const BOM = Buffer.from([0xef, 0xbb, 0xbf])

describe('positionAt', () => {
  const lf = sourceFromText('lf.txt', 'ab\ncd\n\nefg')
  it.each([
    [0, 1, 1],
    [1, 1, 2],
    [2, 1, 3], // the '\n' itself belongs to line 1
    [3, 2, 1],
    [4, 2, 2],
    [6, 3, 1], // an empty line
    [7, 4, 1],
    [9, 4, 3],
    [10, 4, 4] // end of text
  ])('LF text: offset %i is line %i, column %i', (offset, line, column) => {
    expect(positionAt(lf, offset)).toEqual({ line, column })
  })

  const crlf = sourceFromText('crlf.txt', 'ab\r\ncd\r\n\r\nefg')
  it.each([
    [0, 1, 1],
    [2, 1, 3], // '\r'
    [3, 1, 4], // '\n'
    [4, 2, 1],
    [5, 2, 2],
    [8, 3, 1],
    [10, 4, 1],
    [12, 4, 3]
  ])('CRLF text: offset %i is line %i, column %i', (offset, line, column) => {
    expect(positionAt(crlf, offset)).toEqual({ line, column })
  })

  it('BOM text: offsets refer to the text after the byte-order mark', () => {
    const file = sourceFromBytes('bom.json', Buffer.concat([BOM, Buffer.from('{\n  "a": 1\n}\n')]))
    expect(file.hasBom).toBe(true)
    expect(file.text.startsWith('{')).toBe(true)
    expect(positionAt(file, 0)).toEqual({ line: 1, column: 1 })
    expect(positionAt(file, file.text.indexOf('"a"'))).toEqual({ line: 2, column: 3 })
    expect(positionAt(file, file.text.indexOf('}'))).toEqual({ line: 3, column: 1 })
  })

  it('counts columns in UTF-16 code units of the decoded text, not bytes', () => {
    const file = sourceFromText('u.txt', 'é€x\n')
    expect(positionAt(file, file.text.indexOf('x'))).toEqual({ line: 1, column: 3 })
  })
})

describe('line starts', () => {
  it.each([
    ['LF', 'one\ntwo\n\nfour', [0, 4, 8, 9]],
    ['CRLF', 'one\r\ntwo\r\n\r\nfour', [0, 5, 10, 12]],
    ['mixed', 'one\r\ntwo\nthree\r\n', [0, 5, 9, 16]],
    ['empty', '', [0]]
  ])('%s: one start per line, after each LF', (_name, text, starts) => {
    expect([...sourceFromText('t.txt', text).lineStarts]).toEqual(starts)
  })

  it('holds every line of a long text (the table grows past its first guess)', () => {
    const text = 'a\n'.repeat(1000)
    expect([...sourceFromText('t.txt', text).lineStarts]).toEqual(
      Array.from({ length: 1001 }, (_, i) => i * 2)
    )
  })

  it('do not count the byte-order mark', () => {
    const file = sourceFromBytes('bom.md', Buffer.concat([BOM, Buffer.from('# Title\nbody\n')]))
    expect([...file.lineStarts]).toEqual([0, 8, 13])
    expect(file.text.slice(0, 7)).toBe('# Title')
  })
})

describe('sourceFromBytes facts', () => {
  it.each([
    ['plain LF', Buffer.from('a\nb\n'), { hasBom: false, validUtf8: true, hasCrlf: false }],
    ['CRLF', Buffer.from('a\r\nb\r\n'), { hasBom: false, validUtf8: true, hasCrlf: true }],
    ['BOM', Buffer.concat([BOM, Buffer.from('a\n')]), { hasBom: true, validUtf8: true, hasCrlf: false }],
    ['Latin-1 byte', Buffer.from([0x61, 0xe9, 0x0a]), { hasBom: false, validUtf8: false, hasCrlf: false }],
    ['a BOM alone', BOM, { hasBom: true, validUtf8: true, hasCrlf: false }],
    ['half a BOM', BOM.subarray(0, 2), { hasBom: false, validUtf8: false, hasCrlf: false }]
  ])('%s', (_name, bytes, facts) => {
    const file = sourceFromBytes('f', bytes)
    expect({ hasBom: file.hasBom, validUtf8: file.validUtf8, hasCrlf: file.hasCrlf }).toEqual(facts)
    expect(file.bytes.equals(bytes)).toBe(true)
  })

  it('keeps invalid bytes visible as U+FFFD in the text', () => {
    const file = sourceFromBytes('f', Buffer.from([0x61, 0xe9, 0x62]))
    expect(file.text).toBe('a\uFFFDb')
  })
})
