// One way to write a count a person reads, and the surfaces that used to say "1 findings".
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { capFindings } from '../../src/rules/cap.js'
import { finding } from '../../src/rules/finding.js'
import { plural, thousands } from '../../src/text/plural.js'
import { REPO_ROOT } from '../helpers/fixture.js'

describe('plural', () => {
  it('is singular for exactly one, plural otherwise, with thousands separated', () => {
    expect(plural(1, 'finding')).toBe('1 finding')
    expect(plural(0, 'finding')).toBe('0 findings')
    expect(plural(2, 'error')).toBe('2 errors')
    expect(plural(1, 'process', 'processes')).toBe('1 process')
    expect(plural(3, 'process', 'processes')).toBe('3 processes')
    expect(plural(12000, 'file')).toBe('12,000 files')
  })

  it('writes thousands as toLocaleString("en-US") does, without Intl for an integer', () => {
    for (const n of [
      0,
      7,
      999,
      1000,
      -1000,
      65536,
      1234567,
      -9876543,
      Number.MAX_SAFE_INTEGER,
      -0,
      1e21,
      1234.5678
    ])
      expect(thousands(n)).toBe(n.toLocaleString('en-US'))
  })

  it('the cap of one rule says "1 more finding"', () => {
    const many = Array.from({ length: 3 }, (_, i) =>
      finding('BG201', 'a.json', { line: i + 1, column: 1 }, 'x')
    )
    const capped = capFindings(many, 2)
    expect(capped.at(-1)!.message).toMatch(/^and 1 more BG201 finding in a\.json /)
  })

  it('no surface a person reads writes a count with a fixed plural ("${n} findings")', () => {
    const offenders: string[] = []
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name)
        if (e.isDirectory()) walk(path)
        else if (e.name.endsWith('.ts')) {
          const text = readFileSync(path, 'utf8')
          for (const m of text.matchAll(
            /\$\{[\w.]+\} (?:findings|errors|warnings|notices|steps|digests|files|revisions)\b/g
          ))
            offenders.push(`${relative(REPO_ROOT, path)}: ${m[0]}`)
        }
      }
    }
    for (const dir of ['src/cli', 'src/evidence', 'src/actions', 'src/operations', 'src/rules'])
      walk(join(REPO_ROOT, dir))
    expect(offenders).toEqual([])
  })
})
