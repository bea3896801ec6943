// One way to write a duration a person reads: src/text/duration.ts. No surface writes its own.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { formatDuration } from '../../src/text/duration.js'
import { REPO_ROOT } from '../helpers/fixture.js'

describe('durations', () => {
  it('ms under a second, seconds with one decimal under a minute, then minutes and seconds', () => {
    expect([34, 1000, 12_345, 125_000, 3_720_000].map(formatDuration)).toEqual([
      '34 ms',
      '1.0 s',
      '12.3 s',
      '2 min 5 s',
      '1 h 2 min'
    ])
  })

  it('no module outside src/text formats a duration of its own ("${ms} ms", "toFixed(1)} s")', () => {
    const offenders: string[] = []
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name)
        if (e.isDirectory()) walk(path)
        else if (e.name.endsWith('.ts') && !path.includes(`${join('src', 'text')}`)) {
          const text = readFileSync(path, 'utf8')
          for (const m of text.matchAll(/`[^`\n]*\$\{[^}]*\} (?:ms|s)\b[^`\n]*`/g)) {
            // a debug log line of the GitHub client keeps its raw milliseconds
            if (!/^`github: /.test(m[0])) offenders.push(`${relative(REPO_ROOT, path)}: ${m[0]}`)
          }
        }
      }
    }
    walk(join(REPO_ROOT, 'src'))
    expect(offenders).toEqual([])
  })
})
