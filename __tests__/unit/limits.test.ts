// The input limits (BG111): each scan finds the first place past its limit, in one pass, and leaves what is
// within the limits alone.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { matrixLimit } from '../../src/ledger/limits.js'
import { parseJson } from '../../src/document/json-document.js'
import { jsonLimit, LIMITS, longLine, tooDeepAt } from '../../src/document/limits.js'
import { sourceFromBytes } from '../../src/document/source-file.js'
import { MATRIX, REPO_ROOT } from '../helpers/fixture.js'

const source = (text: string, path = 'f') => sourceFromBytes(path, Buffer.from(text, 'utf8'))
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`

describe('JSON nesting depth', () => {
  it('allows 64 levels and stops at the bracket that opens the 65th', () => {
    expect(tooDeepAt(nested(64))).toBe(-1)
    expect(tooDeepAt(nested(65))).toBe(64)
    expect(tooDeepAt(`{"a": ${nested(70)}}`)).toBe(6 + 63)
  })

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(tooDeepAt(JSON.stringify({ s: '['.repeat(1000) }))).toBe(-1)
    expect(tooDeepAt(JSON.stringify({ s: `\\"${'{'.repeat(1000)}` }))).toBe(-1)
    expect(tooDeepAt(`["\\\\", ${nested(64)}]`)).toBe(7 + 63)
  })

  it('parseJson refuses 100,000 levels (arrays and objects) with one located limit error, without recursing', () => {
    for (const text of [nested(100_000), `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`]) {
      const doc = parseJson(source(`\n  ${text}`))
      expect(doc.root).toBeUndefined()
      expect(doc.value).toBeUndefined()
      expect(doc.duplicateKeys).toEqual([])
      expect(doc.syntaxErrors).toHaveLength(1)
      expect(doc.syntaxErrors[0]).toMatchObject({ limit: true, position: { line: 2 } })
      expect(doc.syntaxErrors[0]!.message).toContain('more than 64 levels')
    }
  })

  it('parseJson reads 64 levels and the limit error carries no flag on an ordinary syntax error', () => {
    expect(parseJson(source(nested(64))).syntaxErrors).toEqual([])
    expect(parseJson(source('{"a" 1}')).syntaxErrors[0]!.limit).toBeUndefined()
  })
})

describe('line length', () => {
  it('points at the first character past 64 KiB on the first long line', () => {
    const ok = 'x'.repeat(LIMITS.lineChars)
    expect(longLine(source(`${ok}\n${ok}`))).toBeNull()
    const over = longLine(source(`a\n${ok}x\n${ok}xx`))
    expect(over?.position).toEqual({ line: 2, column: LIMITS.lineChars + 1 })
    expect(over?.message).toContain('65,537 characters')
  })

  it('applies to JSON files: a minified value on one line over the limit is refused', () => {
    const text = `{"a": "${'x'.repeat(LIMITS.lineChars)}"}`
    expect(jsonLimit(source(text))?.position).toEqual({ line: 1, column: LIMITS.lineChars + 1 })
  })
})

const HEAD = '| a | b |\n| --- | --- |\n'

describe('matrix limits', () => {
  it('the repository matrix is far below every limit', () => {
    expect(matrixLimit(sourceFromBytes(MATRIX, readFileSync(join(REPO_ROOT, MATRIX))))).toBeNull()
  })

  it.each([
    ['lines', 'a\n'.repeat(LIMITS.matrixLines + 1), LIMITS.matrixLines + 1, 1, 'lines'],
    ['table rows', '|a|\n'.repeat(LIMITS.tableRows + 1), LIMITS.tableRows + 1, 1, 'table rows'],
    ['table cells', `${'|a'.repeat(1000)}|\n`.repeat(100), 100, 1, 'table cells'],
    ['a long cell', `${HEAD}| b | ${'x'.repeat(LIMITS.cellChars + 1)} |\n`, 3, 6, '4,099 characters'],
    ['list items', '- a\n'.repeat(LIMITS.blockMarkers + 1), LIMITS.blockMarkers + 1, 1, 'list items'],
    ['nested markers on one line', `${'+ '.repeat(LIMITS.blockMarkers + 1)}a\n`, 1, 257, 'list items'],
    ['block quotes', `${'>'.repeat(LIMITS.blockMarkers + 1)} a\n`, 1, 129, 'block quote'],
    ['setext underlines', 'a\n=\n'.repeat(LIMITS.underlines + 1), 2 * LIMITS.underlines + 2, 1, '`=` or `-`'],
    [
      'emphasis markers',
      `x ${'*a'.repeat(LIMITS.inlineMarkers + 1)}\n`,
      1,
      3 + 2 * LIMITS.inlineMarkers,
      '`*`'
    ],
    [
      'a long line',
      `# t\n\n${'a'.repeat(LIMITS.lineChars + 1)}\n`,
      3,
      LIMITS.lineChars + 1,
      'characters long'
    ]
  ])('%s: refused at the first place past the limit', (_what, text, line, column, words) => {
    const over = matrixLimit(source(text))
    expect(over?.position).toEqual({ line, column })
    expect(over?.message).toContain(words)
  })

  it('leaves what is at the limits alone', () => {
    const text = [
      HEAD,
      '|a|\n'.repeat(LIMITS.tableRows - 3),
      `|${'x'.repeat(LIMITS.cellChars)}|\n`,
      '- a\n'.repeat(LIMITS.blockMarkers),
      'a\n=\n'.repeat(LIMITS.underlines),
      '_a'.repeat(LIMITS.inlineMarkers),
      '\n'
    ].join('')
    expect(matrixLimit(source(text))).toBeNull()
  })

  it('an escaped pipe does not split a cell; a thematic break and emphasis are not list items', () => {
    expect(matrixLimit(source(`| ${'x\\|'.repeat(2000)} |\n`))?.message).toContain('table cell is')
    expect(matrixLimit(source('***\n**bold**\n*a*\n'.repeat(200)))).toBeNull()
  })
})
