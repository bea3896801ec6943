// The ledger reader (src/ledger/blocks.ts, inline.ts, parse.ts) against the CommonMark/GFM reference it
// replaced (micromark with the GFM table extension, kept as a development dependency for this test only):
// generated matrices made of the constructs a ledger uses and the ones that must not be mistaken for them give
// the same title, Updated marker, Baseline Pin lines and ledger table, offsets and positions included. Then the
// cases a reviewer would ask about, one by one.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { readBlocks } from '../../src/ledger/blocks.js'
import { inlineText } from '../../src/ledger/inline.js'
import { parseLedger } from '../../src/ledger/parse.js'
import type { Ledger } from '../../src/ledger/model.js'
import { sourceFromBytes } from '../../src/document/source-file.js'
import type { SourceFile } from '../../src/document/source-file.js'
import { referenceLedger } from '../helpers/reference-ledger.js'

const source = (text: string) => sourceFromBytes('docs/MATRIX.md', Buffer.from(text, 'utf8'))
const read = (text: string) => parseLedger(source(text), 'MemoryKernel')
/** The ledger as plain data: its rows read their cells and position when asked (the reference's are fields). */
const plain = (ledger: Ledger): Ledger => {
  const table = ledger.ledgerSection?.table
  if (!table) return ledger
  const rows = table.rows.map(({ cells, position, start, end }) => ({ cells, position, start, end }))
  return { ...ledger, ledgerSection: { ...ledger.ledgerSection!, table: { ...table, rows } } }
}

const reference = (file: SourceFile) => referenceLedger(file, 'MemoryKernel')

// --- generated matrices ---

const word = fc.constantFrom(
  'MemoryKernel',
  'release',
  'tag',
  'v0.4.0',
  'Approved',
  'Superseded',
  'Rolled back',
  'a b',
  '1.2.3',
  '`v1`',
  '**Approved**',
  '*x*',
  '_y_',
  'a_b_c',
  '[link](http://x)',
  '[t](u "title")',
  '\\|',
  '&amp;',
  '&#65;',
  '<b>',
  '`a|b`',
  '``c``',
  '` d `',
  '\\*',
  '![img](p)',
  'foo*',
  '__x__',
  ':',
  '#',
  '|',
  'x*x*y',
  '[a]',
  '](',
  '~',
  'é'
)
const inline = fc
  .array(word, { minLength: 1, maxLength: 4 })
  .chain((ws) => fc.constantFrom(' ', '', '  ', '\t').map((sep) => ws.join(sep)))
const indent = fc.constantFrom('', '', '', ' ', '  ', '   ', '    ')
const cells = (n: number) =>
  fc
    .tuple(
      fc.array(fc.oneof(inline, fc.constantFrom('', ' ')), { minLength: n, maxLength: n }),
      fc.constantFrom('| ', '|', ''),
      fc.constantFrom(' | ', '|', ' |'),
      fc.constantFrom(' |', '|', '', ' |  ')
    )
    .map(([cs, lead, sep, tail]) => lead + cs.join(sep) + tail)
const delimiter = (n: number) =>
  fc
    .tuple(
      fc.array(fc.constantFrom('---', ':--', '--:', ':-:', ' --- '), { minLength: n, maxLength: n }),
      fc.constantFrom('|', ''),
      fc.constantFrom('|', '')
    )
    .map(([ds, lead, tail]) => lead + ds.join('|') + tail)
const table = fc
  .integer({ min: 1, max: 4 })
  .chain((n) =>
    fc.tuple(
      cells(n),
      delimiter(n),
      fc.array(fc.integer({ min: Math.max(1, n - 1), max: n + 1 }).chain(cells), { maxLength: 4 })
    )
  )
  .map(([h, d, rows]) => [h, d, ...rows].join('\n'))
const pinItems = fc
  .array(
    fc.tuple(
      indent.filter((s) => s.length < 4),
      fc.constantFrom('-', '*', '+', '1.', '2)'),
      fc.constantFrom('MemoryKernel release tag', 'Runtime cutover posture', 'Expected API contract version'),
      fc.oneof(fc.constantFrom('`v0.4.0`', '`GO`', '` a `', '`x|y`'), inline),
      fc.constantFrom('', '\n  continued', '\n\n  a second paragraph')
    ),
    { minLength: 1, maxLength: 4 }
  )
  .map((items) => items.map(([i, m, l, v, more]) => `${i}${m} ${l}: ${v}${more}`).join('\n'))
const block = fc.oneof(
  inline.map((t) => `# ${t}`),
  fc.constantFrom('## Baseline Pin', '## Baseline Pin ##', '##  baseline   pin', '## Approved Version Pairs'),
  fc.tuple(fc.constantFrom('#', '##', '###'), inline).map(([h, t]) => `${h} ${t}`),
  fc
    .tuple(fc.constantFrom('', ' ', '  '), fc.constantFrom('2026-01-01', '`2026-01-01`', 'soon'))
    .map(([s, d]) => `Updated:${s}${d}`),
  fc.tuple(inline, fc.constantFrom('===', '---')).map(([t, u]) => `${t}\n${u}`),
  pinItems,
  table,
  fc.constantFrom(
    '```\n## Baseline Pin\n| a |\n|---|\n```',
    '~~~~\n# not a title\n~~~~',
    '<!-- ## Approved Version Pairs\n-->'
  ),
  fc.tuple(inline, fc.constantFrom('## Baseline Pin', 'lazy text', '> more')).map(([t, n]) => `> ${t}\n${n}`),
  fc.constantFrom('    ## indented code', '***', '---', '___', '- - -'),
  inline
)
const matrix = fc
  .tuple(fc.array(block, { minLength: 2, maxLength: 12 }), fc.constantFrom('\n', '\n\n'), fc.boolean())
  .map(([bs, sep, crlf]) => {
    const text = bs.join(sep)
    return crlf ? text.replace(/\n/g, '\r\n') : text
  })

describe('the ledger reader reads a matrix as the CommonMark/GFM reference does', () => {
  it('on generated matrices: title, Updated, Baseline Pin lines and the ledger table, with their offsets', () => {
    fc.assert(
      fc.property(matrix, (text) => {
        const file = source(text)
        expect(plain(parseLedger(file, 'MemoryKernel'))).toEqual(reference(file))
      }),
      { numRuns: 3000, seed: 20261204 }
    )
  })

  it('on the embedded matrix', () => {
    const file = sourceFromBytes('m.md', Buffer.from(EMBEDDED_MATRIX))
    expect(plain(parseLedger(file, 'MemoryKernel'))).toEqual(reference(file))
  })
})

const EMBEDDED_MATRIX = [
  '# MemoryKernel Compatibility Matrix',
  '',
  'Updated: 2026-11-20',
  '',
  '## Baseline Pin',
  '',
  '- MemoryKernel release tag: `v0.4.0`',
  '- Runtime cutover posture: `NO-GO`',
  '',
  '## Approved Version Pairs',
  '',
  '| Consumer version | Consumer commit | Producer tag | Status |',
  '| --- | --- | --- | --- |',
  '| 0.1.0 | abc | v0.4.0 | Approved |',
  ''
].join('\n')

describe('the cases a reviewer asks about', () => {
  const LEDGER = '## Approved Version Pairs\n\n| a | b | c |\n| --- | :-: | --: |\n'

  it('an escaped pipe stays in its cell, inside a code span as well', () => {
    const row = read(`${LEDGER}| x \\| y | \`p\\|q\` | z |\n`).ledgerSection!.table!.rows[0]!
    expect(row.cells.map((c) => c.text)).toEqual(['x | y', 'p|q', 'z'])
  })

  it('an empty cell sits at its pipe; a cell is located at its first character', () => {
    const text = `${LEDGER}|  | \`v\` |   z  |\n`
    const row = read(text).ledgerSection!.table!.rows[0]!
    const offset = text.indexOf('|  |')
    expect(row.cells.map((c) => [c.text, c.start, c.end])).toEqual([
      ['', offset, offset],
      ['v', offset + 5, offset + 8],
      ['z', offset + 13, offset + 14]
    ])
    expect(row.cells[2]!.position).toEqual({ line: 5, column: 14 })
  })

  it('CRLF line endings: offsets and positions count the characters of the text', () => {
    const text =
      '# T\r\n\r\nUpdated: 2026-01-02\r\n\r\n## Baseline Pin\r\n\r\n- MemoryKernel release tag: `v1`\r\n'
    const l = read(text)
    expect(l.updated).toMatchObject({ value: '2026-01-02', position: { line: 3, column: 1 } })
    expect(l.pinSection!.lines[0]).toMatchObject({
      key: 'release_tag',
      value: 'v1',
      position: { line: 7, column: 30 }
    })
  })

  it('a heading in a fenced block, a comment or a quote is not a section', () => {
    const l = read('```\n## Baseline Pin\n```\n\n<!--\n## Baseline Pin\n-->\n\n> ## Baseline Pin\n')
    expect(l.pinSection).toBeNull()
  })

  it('a second ledger table is counted, and the first is the ledger', () => {
    const l = read(`${LEDGER}| 1 | 2 | 3 |\n\n| a |\n| - |\n| 9 |\n`)
    expect([l.ledgerSection!.tables, l.ledgerSection!.table!.rows[0]!.cells[0]!.text]).toEqual([2, '1'])
  })

  it('inline text: emphasis, links, entities and code read as a person reads them', () => {
    const text = '**Approved** [v1](https://x "t") &amp; `a  b` x*y*z snake_case_name'
    expect(inlineText(text, 0, text.length).text).toBe('Approved v1 & a  b xyz snake_case_name')
  })

  it('blocks: every construct is recognised, and nothing is read twice', () => {
    const types = readBlocks(
      '# T\n\npara\n\n- a\n- b\n\n| x |\n|---|\n| 1 |\n\n```\ncode\n```\n\n> q\n\n---\n'
    ).map((b) => b.type)
    expect(types).toEqual(['heading', 'paragraph', 'list', 'table', 'other', 'other', 'other'])
  })
})
