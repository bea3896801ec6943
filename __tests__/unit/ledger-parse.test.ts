import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { normalize, parseLedger, pinLineKey } from '../../src/ledger/parse.js'
import { sourceFromBytes } from '../../src/document/source-file.js'
import { MATRIX, REPO_ROOT } from '../helpers/fixture.js'

const sourceFromText = (path: string, text: string) => sourceFromBytes(path, Buffer.from(text, 'utf8'))

describe('pinLineKey', () => {
  it.each([
    ['MemoryKernel repo', 'MemoryKernel', 'repo'],
    ['MemoryKernel release tag', 'MemoryKernel', 'release_tag'],
    ['memorykernel release tag', 'MemoryKernel', 'release_tag'],
    ['MEMORYKERNEL RELEASE TAG', 'memorykernel', 'release_tag'],
    ['MemoryKernel release tag', 'memorykernel', 'release_tag'],
    ['Memorykernel Commit SHA', 'MEMORYKERNEL', 'commit_sha'],
    ['  MemoryKernel   commit   SHA ', 'MemoryKernel', 'commit_sha'],
    ['Billing Service release tag', 'billing service', 'release_tag'],
    ['billing   service release tag', 'Billing Service', 'release_tag'],
    ['Expected service contract version', 'MemoryKernel', 'service'],
    ['expected API contract version', 'Whatever', 'api'],
    ['Expected integration baseline', 'MemoryKernel', 'integration'],
    ['Expected producer manifest SHA-256', 'MemoryKernel', 'manifest_sha256'],
    ['Runtime cutover posture', 'MemoryKernel', 'posture'],
    ['Pin manifest (source of truth)', 'MemoryKernel', 'pin_path'],
    ['Producer manifest mirror', 'MemoryKernel', 'mirror_path']
  ])('%j with display name %j -> %s', (label, name, key) => {
    expect(pinLineKey(label, name)).toBe(key)
  })

  it.each([
    ['MemoryKernel relase tag', 'MemoryKernel'], // a typo
    ['Other release tag', 'MemoryKernel'], // another producer's name
    ['release tag', 'MemoryKernel'], // the name is required on named lines
    ['MemoryKernelrelease tag', 'MemoryKernel'], // the name must be a word of its own
    ['MemoryKernel Expected API contract version', 'MemoryKernel'], // unnamed lines take no name
    ['Expected service contract', 'MemoryKernel']
  ])('%j with display name %j is not a known line', (label, name) => {
    expect(pinLineKey(label, name)).toBeNull()
  })
})

describe('normalize', () => {
  it.each([
    ['  A  b\tC \n', 'a b c'],
    ['Approved Version Pairs', 'approved version pairs'],
    ['', '']
  ])('%j -> %j', (input, out) => {
    expect(normalize(input)).toBe(out)
  })
})

const SMALL = [
  '# Billing Compatibility Matrix', //                                1
  '', //                                                              2
  'Updated: 2026-01-31', //                                           3
  '', //                                                              4
  '## Baseline Pin', //                                               5
  '', //                                                              6
  '- billing release tag: `v1.2.3`', //                               7
  '- Expected API contract version: `api.v2`', //                     8
  '- Runtime cutover posture: NO-GO', //                              9
  '- a line without a colon', //                                      10
  '', //                                                              11
  '## Approved Version Pairs', //                                     12
  '', //                                                              13
  '| Consumer version | Consumer commit | billing tag | billing commit | Service contract | API contract | Integration baseline | Status |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |', //                15
  '| 1.0.0 | abcdef0 | v1.2.3 | 0123456789abcdef0123456789abcdef01234567 | service.v1 | api.v2 | integration/v1 | Approved |',
  '|  2.0.0  |   ab12cd3 | v1.2.4 | x | service.v1 | api.v2 | integration/v1 | Candidate |', // 17
  '', //                                                              18
  '## Notes', //                                                      19
  '', //                                                              20
  'Updated: 1999-01-01 (not the marker: only the first one counts)' // 21
].join('\n')

describe('parseLedger', () => {
  const file = sourceFromText('docs/BILLING_COMPATIBILITY_MATRIX.md', SMALL)
  const ledger = parseLedger(file, 'Billing')

  it('finds the title and the first Updated line, with its position', () => {
    expect(ledger.title).toEqual({
      value: 'Billing Compatibility Matrix',
      position: { line: 1, column: 1 },
      start: 0
    })
    const u = ledger.updated!
    expect({ value: u.value, position: u.position }).toEqual({
      value: '2026-01-31',
      position: { line: 3, column: 1 }
    })
    // the offsets cover the date itself (what repin and rollback rewrite)
    expect(SMALL.slice(u.start, u.end)).toBe('2026-01-31')
  })

  it('finds the Baseline Pin section at its heading', () => {
    expect(ledger.pinSection?.position).toEqual({ line: 5, column: 1 })
    expect(ledger.pinSection?.title).toBe('Baseline Pin')
    expect(SMALL.slice(ledger.pinSection!.start, ledger.pinSection!.end).startsWith('## Baseline Pin')).toBe(
      true
    )
    expect(SMALL.slice(ledger.pinSection!.start, ledger.pinSection!.end)).not.toContain('## Approved')
  })

  it('reads each pin line: key, label, value and the position where the value starts', () => {
    const lines = ledger.pinSection!.lines.map((l) => ({
      key: l.key,
      label: l.label,
      value: l.value,
      at: l.position
    }))
    expect(lines).toEqual([
      { key: 'release_tag', label: 'billing release tag', value: 'v1.2.3', at: { line: 7, column: 25 } },
      { key: 'api', label: 'Expected API contract version', value: 'api.v2', at: { line: 8, column: 35 } },
      // no backticks: the text after the colon, located at the paragraph
      { key: 'posture', label: 'Runtime cutover posture', value: 'NO-GO', at: { line: 9, column: 3 } }
    ])
    const first = ledger.pinSection!.lines[0]!
    expect(SMALL.slice(first.start, first.end)).toBe('- billing release tag: `v1.2.3`')
  })

  it('reads the table: header, rows, and each cell at its own line and column', () => {
    const section = ledger.ledgerSection!
    expect(section.position).toEqual({ line: 12, column: 1 })
    expect(section.tables).toBe(1)
    const table = section.table!
    expect(table.position).toEqual({ line: 14, column: 1 })
    expect(table.header.map((c) => c.text)).toEqual([
      'Consumer version',
      'Consumer commit',
      'billing tag',
      'billing commit',
      'Service contract',
      'API contract',
      'Integration baseline',
      'Status'
    ])
    expect(table.header[2]!.position).toEqual({ line: 14, column: 40 })
    expect(table.rows.map((r) => r.position)).toEqual([
      { line: 16, column: 1 },
      { line: 17, column: 1 }
    ])
    const [approved, candidate] = table.rows
    expect(approved!.cells.map((c) => [c.text, c.position.line, c.position.column])).toEqual([
      ['1.0.0', 16, 3],
      ['abcdef0', 16, 11],
      ['v1.2.3', 16, 21],
      ['0123456789abcdef0123456789abcdef01234567', 16, 30],
      ['service.v1', 16, 73],
      ['api.v2', 16, 86],
      ['integration/v1', 16, 95],
      ['Approved', 16, 112]
    ])
    // padded cells: trimmed text, located at the text, not at the padding
    expect(candidate!.cells.slice(0, 2).map((c) => [c.text, c.position.column])).toEqual([
      ['2.0.0', 4],
      ['ab12cd3', 15]
    ])
    for (const cell of approved!.cells) expect(SMALL.slice(cell.start, cell.end)).toBe(cell.text)
  })

  it('positions hold in CRLF text too', () => {
    const crlf = parseLedger(sourceFromText('m.md', SMALL.replace(/\n/g, '\r\n')), 'Billing')
    expect(crlf.updated?.position).toEqual({ line: 3, column: 1 })
    expect(crlf.pinSection!.lines[0]!.position).toEqual({ line: 7, column: 25 })
    expect(crlf.ledgerSection!.table!.rows[0]!.cells[7]!.position).toEqual({ line: 16, column: 112 })
  })

  it('a display name in another case still recognises the named lines', () => {
    const upper = parseLedger(file, 'BILLING')
    expect(upper.pinSection!.lines[0]!.key).toBe('release_tag')
  })

  it('a text without the sections has neither, and no Updated line', () => {
    const bare = parseLedger(sourceFromText('m.md', '# Title\n\nSome text. Updated: 2026-01-01\n'), 'X')
    expect(bare.title?.value).toBe('Title')
    expect(bare.updated).toBeNull()
    expect(bare.pinSection).toBeNull()
    expect(bare.ledgerSection).toBeNull()
  })

  it('a section without a table has table null', () => {
    const noTable = parseLedger(
      sourceFromText('m.md', '# T\n\n## Approved Version Pairs\n\n| a | b |\n| c | d |\n'),
      'X'
    )
    expect(noTable.ledgerSection?.table).toBeNull()
    expect(noTable.ledgerSection?.tables).toBe(0)
  })

  it('the embedded matrix: Updated at line 3, ten pin lines, one Approved row', () => {
    const text = readFileSync(join(REPO_ROOT, MATRIX), 'utf8')
    const real = parseLedger(sourceFromText(MATRIX, text), 'MemoryKernel')
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1
    expect(real.updated?.position.line).toBe(lineOf('Updated:'))
    expect(real.pinSection!.lines.map((l) => l.key)).toEqual([
      'repo',
      'release_tag',
      'commit_sha',
      'service',
      'api',
      'integration',
      'manifest_sha256',
      'posture',
      'pin_path',
      'mirror_path'
    ])
    for (const l of real.pinSection!.lines) {
      expect(l.position.line).toBe(lineOf(`\`${l.value}\``))
    }
    // the ledger keeps history (other rows may be Superseded or Candidate): exactly one is Approved
    const approved = real.ledgerSection!.table!.rows.filter((r) => r.cells.at(-1)?.text === 'Approved')
    expect(approved).toHaveLength(1)
    expect(approved[0]!.position.line).toBe(lineOf('| Approved |'))
  })
})

describe('duplicate sections (BG217)', () => {
  it('the one matrix has none and one table', () => {
    const ledger = parseLedger(sourceFromText('m.md', SMALL), 'Billing')
    expect(ledger.duplicateSections).toEqual([])
    expect(ledger.ledgerSection?.extraTables).toEqual([])
  })

  it('records every other heading of a section title, of any level, before or after the one read', () => {
    const text = [
      '# Baseline pin', //                                1
      '', //                                              2
      SMALL, //                                           3..23
      '', //                                              24
      '### BASELINE  PIN', //                             25
      '', //                                              26
      '- billing release tag: `v0.0.1`', //               27
      '', //                                              28
      '## Approved Version Pairs', //                     29
      '' //                                               30
    ].join('\n')
    const ledger = parseLedger(sourceFromText('m.md', text), 'Billing')
    // the section read is still the first level-2 one
    expect(ledger.pinSection?.position.line).toBe(7)
    expect(ledger.pinSection?.lines[0]?.value).toBe('v1.2.3')
    expect(ledger.duplicateSections).toEqual([
      { value: 'Baseline pin', position: { line: 1, column: 1 } },
      { value: 'BASELINE  PIN', position: { line: 25, column: 1 } },
      { value: 'Approved Version Pairs', position: { line: 29, column: 1 } }
    ])
  })

  it('records where each table after the first in the ledger section starts', () => {
    const second = '| Consumer version | Status |\n| --- | --- |\n| 9.9.9 | Approved |\n\n## Notes'
    const ledger = parseLedger(sourceFromText('m.md', SMALL.replace('## Notes', second)), 'Billing')
    expect(ledger.ledgerSection?.tables).toBe(2)
    expect(ledger.ledgerSection?.extraTables).toEqual([{ line: 19, column: 1 }])
    expect(ledger.ledgerSection?.table?.rows).toHaveLength(2)
  })
})
