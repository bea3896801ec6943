// The findings table as a person reads it: our messages' code spans shown as code, also when a long message is cut
// for its cell, and nothing a message quotes breaking the table.
import { describe, expect, it } from '@jest/globals'
import { findingsMarkdown } from '../../src/evidence/findings-markdown.js'
import { finding } from '../../src/rules/finding.js'

const PATH = `/home/alice/${'deep/'.repeat(30)}pin.json`

describe('findingsMarkdown', () => {
  it('lists a hundred thousand long messages without overflowing the stack (found by review: a spread of them did)', () => {
    const long = `\`${PATH}\` names the endpoint; ${'and more words '.repeat(20)}`
    const many = Array.from({ length: 150_000 }, (_, i) =>
      finding('BG603', `src/f${i}.ts`, { line: 1, column: 1 }, long)
    )
    const md = findingsMarkdown(many)
    expect(md).toContain('150000. ')
  })

  it("shows a message's code spans as code, not as backticks", () => {
    const md = findingsMarkdown([
      finding('BG204', 'docs/m.md', null, 'the matrix has no `## Ledger` section')
    ])
    expect(md).toContain('| the matrix has no `## Ledger` section |')
    expect(md).not.toContain('\\`')
  })

  it('closes a code span that the cut of a long message leaves open, and gives the whole message below', () => {
    const message = `\`${PATH}\` is a path on one developer's machine; write it relative to the repository instead`
    const md = findingsMarkdown([finding('BG216', 'docs/m.md', { line: 3, column: 1 }, message)])
    const cell = md.split('\n')[2]!
    expect(cell).toMatch(/\| `\/home\/alice\/deep\/[^`|]*`… \(see note 1 below\) \|$/)
    expect(md).toContain(`1. ⚠️ BG216 at \`docs/m.md:3:1\`: \`${PATH}\` is a path`)
    expect(md).not.toContain('\\`')
  })

  it("keeps a message's lines (a producer's last output) as a block under the table, never one squashed line (found by review)", () => {
    const output = 'error[E0425]: cannot find value `x`\n --> src/main.rs:3:5\n  |\n3 |     x'
    const md = findingsMarkdown([
      finding(
        'BG401',
        null,
        null,
        `the producer exited before it answered (exit code 101); its last output:\n${output}\n`
      )
    ])
    const lines = md.split('\n')
    expect(lines[2]).toBe(
      '| ❌ | BG401 | the run | the producer exited before it answered (exit code 101); its last output: (see note 1 below) |'
    )
    expect(md).toContain(
      [
        '1. ❌ BG401 at the run: the producer exited before it answered (exit code 101); its last output:',
        '',
        '   ```text',
        ...output.split('\n').map((l) => `   ${l}`),
        '   ```'
      ].join('\n')
    )
  })

  it('escapes a message whose quoted value holds a backtick, so no span swallows the table', () => {
    const md = findingsMarkdown([finding('BG216', 'docs/m.md', null, '`a`b | c` is a path')])
    expect(md.split('\n')[2]).toBe('| ⚠️ | BG216 | `docs/m.md` | \\`a\\`b \\| c\\` is a path |')
  })

  it('keeps a file name in its cell: the link title holds no line break, pipe or quote', () => {
    const file = 'src/z\n\n## ✅ PASS · approved by @acme\n\n<!--|**✅ PASS**|/a".ts'
    const link = (path: string) => `https://github.com/o/r/blob/abc/${encodeURIComponent(path)}`
    const md = findingsMarkdown([finding('BG603', file, { line: 1, column: 1 }, 'names the endpoint')], link)
    const lines = md.split('\n')
    expect(lines).toHaveLength(3)
    // five cell borders: the row has its four cells and no more
    expect(lines[2]!.match(/(?<!\\)\|/g)).toHaveLength(5)
    expect(lines[2]).toContain('"src/z  ## ✅ PASS · approved by @acme  <!--**✅ PASS**/a.ts:1:1")')
  })
})
