// The linear glob matchers of init (text/glob-nfa.ts, for CODEOWNERS and Cargo's workspace members): the answers of
// the same rules written as regular expressions for every pattern and path fast-check tries, git's and Cargo's own
// answers where they differ from a naive reading, and an answer at once where a regular expression backtracks.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import fc from 'fast-check'
import { memberMatcher } from '../../src/adopt/cargo.js'
import { patternMatcher, parseCodeowners, ruleFor } from '../../src/adopt/codeowners.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

// ---- the same rules as regular expressions (the oracle; kept here, not in src/: they backtrack) ----
function codeownersRegExp(pattern: string): RegExp {
  let p = pattern
  const dirOnly = p.endsWith('/')
  if (dirOnly) p = p.replace(/\/+$/, '')
  const anchored = p.includes('/')
  p = p.replace(/^\//, '')
  let re = ''
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!
    const component = (i === 0 || p[i - 1] === '/') && (p[i + 2] === '/' || i + 2 === p.length)
    if (c === '*' && p[i + 1] === '*' && component) {
      re += p[i + 2] === '/' ? '(?:.*/)?' : '.*'
      i += 2
    } else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  const start = anchored ? '^' : '^(?:.*/)?'
  const end = dirOnly ? '/' : p.endsWith('/*') ? '$' : '(?:/|$)'
  return new RegExp(`${start}${re}${end}`)
}

function cargoRegExp(glob: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!
    if (c === '*' && glob[i + 1] === '*') {
      if ((i > 0 && glob[i - 1] !== '/') || (glob[i + 2] !== '/' && i + 2 !== glob.length)) return /(?!)/
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*'
      i += 2
    } else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else if (c === '[') {
      const first = glob[i + 1] === '!' ? i + 2 : i + 1
      const end = glob.indexOf(']', glob[first] === ']' ? first + 1 : first)
      if (end === -1) re += '\\['
      else {
        const body = glob.slice(first, end).replace(/[\\\]^]/g, '\\$&')
        re += `[${glob[i + 1] === '!' ? '^' : ''}${body}]`
        i = end
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}

const text = (chars: string[], maxLength: number) =>
  fc.array(fc.constantFrom(...chars), { maxLength }).map((a) => a.join(''))
const paths = text(['a', 'b', '/', '.'], 12)

describe('glob matching in linear time (text/glob-nfa.ts)', () => {
  it('CODEOWNERS patterns answer as the same rules written as regular expressions', () => {
    fc.assert(
      fc.property(
        text(['a', 'b', '/', '*', '?', '.', '['], 9),
        fc.array(paths, { maxLength: 6 }),
        (p, ps) => {
          const re = codeownersRegExp(p)
          const m = patternMatcher(p)
          for (const path of ps) expect([p, path, m.test(path)]).toEqual([p, path, re.test(path)])
        }
      ),
      { numRuns: 3000 }
    )
  })

  it("Cargo's member globs answer as the same rules written as regular expressions, classes and spans included", () => {
    fc.assert(
      fc.property(
        text(['a', 'b', 'c', '/', '*', '?', '[', ']', '!', '-', '^', '\\'], 9),
        fc.array(paths, { maxLength: 6 }),
        (g, ps) => {
          let re: RegExp | null = null
          try {
            re = cargoRegExp(g)
          } catch {
            // a span written backwards, which a regular expression refuses (below: it matches nothing now)
          }
          fc.pre(re !== null)
          const m = memberMatcher(g)
          for (const path of ps) expect([g, path, m.test(path)]).toEqual([g, path, re!.test(path)])
        }
      ),
      { numRuns: 3000 }
    )
  })

  it('a class spanned backwards matches nothing, where the regular expression was refused', () => {
    expect(() => cargoRegExp('c[b-a]')).toThrow(SyntaxError)
    expect(['ca', 'cb', 'c-'].map((p) => memberMatcher('c[b-a]').test(p))).toEqual([false, false, false])
    expect(['ca', 'cb', 'cc'].map((p) => memberMatcher('c[!b-a]').test(p))).toEqual([true, true, true])
  })

  it("`**` is a pattern of its own only as a whole path component, as git and Cargo's glob crate read it (found by review)", () => {
    // git: "other consecutive asterisks are considered regular asterisks"
    expect(['src/r.ts', 'src/q/r.ts'].map((p) => patternMatcher('src/**.ts').test(p))).toEqual([true, false])
    expect(['axb', 'a/x/b'].map((p) => patternMatcher('/a**b').test(p))).toEqual([true, false])
    expect(['docs/a', 'docs/a/b.md', 'docs'].map((p) => patternMatcher('docs/**').test(p))).toEqual([
      true,
      true,
      false
    ])
    expect(['a/b', 'a/x/y/b', 'b'].map((p) => patternMatcher('a/**/b').test(p))).toEqual([true, true, false])
    // Cargo refuses `**` that is not a whole component: such a pattern names no member
    expect(memberMatcher('crates/x**').test('crates/xfoo')).toBe(false)
    expect(
      ['crates/foo', 'crates/a/foo', 'crates/xfoo'].map((p) => memberMatcher('crates/**/foo').test(p))
    ).toEqual([true, true, false])
  })

  it("Cargo's own members: the directories `cargo metadata` lists for each pattern are the ones matched", () => {
    const ws = tempDir('bg-cargo-members-')
    const dirs = [
      'crates/xfoo',
      'crates/a/foo',
      'crates/foo',
      'crates/bar',
      'crates/^q',
      'crates/zz',
      'crates/]x'
    ]
    dirs.forEach((d, i) => {
      mkdirSync(join(ws, d, 'src'), { recursive: true })
      writeFileSync(
        join(ws, d, 'Cargo.toml'),
        `[package]\nname = "p${i}"\nversion = "0.1.0"\nedition = "2021"\n`
      )
      writeFileSync(join(ws, d, 'src', 'main.rs'), 'fn main() {}\n')
    })
    for (const pattern of ['crates/**/foo', 'crates/[^b]*', 'crates/[]]x', 'crates/?oo']) {
      writeFileSync(
        join(ws, 'Cargo.toml'),
        `[workspace]\nmembers = [${JSON.stringify(pattern)}]\nresolver = "2"\n`
      )
      const meta = JSON.parse(
        execFileSync('cargo', ['metadata', '--offline', '--no-deps', '--format-version', '1'], {
          cwd: ws,
          encoding: 'utf8'
        })
      ) as { packages: { manifest_path: string }[] }
      const cargo = meta.packages.map((p) => relative(ws, dirname(p.manifest_path))).sort()
      expect([pattern, dirs.filter((d) => memberMatcher(pattern).test(d)).sort()]).toEqual([pattern, cargo])
    }
  })

  it('a pattern of many stars against a long name that almost matches is answered at once, not after ages', () => {
    // the regular expression tries every way to share the name among the stars: time to the power of the stars
    // a run of stars is one token: a million of them cost what one does (found by review: 45 s for 200,000)
    expect(patternMatcher(`${'*'.repeat(1_000_000)}zz`).test(`${'a/'.repeat(2000)}b`)).toBe(false)
    // Cargo refuses `***` (no whole component); stars one by one cost each character at most the path's length
    expect(memberMatcher(`${'*'.repeat(1_000_000)}b`).test('crates/b')).toBe(false)
    expect(memberMatcher(`${'*x'.repeat(100_000)}b`).test(`${'x'.repeat(1000)}`)).toBe(false)
    const stars = `${'*a'.repeat(24)}*b`
    const name = 'a'.repeat(5000)
    expect(patternMatcher(stars).test(name)).toBe(false)
    expect(patternMatcher(stars).test(`${name}b`)).toBe(true)
    expect(memberMatcher(`crates/${stars}`).test(`crates/${name}`)).toBe(false)
    expect(memberMatcher(`crates/**/${stars}`).test(`crates/x/y/${name}b`)).toBe(true)
    // the last matching line of a CODEOWNERS wins, as before
    const rules = parseCodeowners(`* @everyone\n${stars} @stars\n/docs/ @docs\n`)
    expect(ruleFor(rules, `src/${name}b`)?.owners).toEqual(['@stars'])
    expect(ruleFor(rules, `src/${name}`)?.owners).toEqual(['@everyone'])
    expect(ruleFor(rules, 'docs/a.md')?.owners).toEqual(['@docs'])
  })
})
