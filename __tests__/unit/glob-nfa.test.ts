// The linear glob matchers of init (text/glob-nfa.ts, for CODEOWNERS and Cargo's workspace members) against the
// regular expressions they replace: the same answer for every pattern and path fast-check tries, and an answer at
// once where the regular expression backtracks for ages.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { memberMatcher } from '../../src/adopt/cargo.js'
import { patternMatcher, parseCodeowners, ruleFor } from '../../src/adopt/codeowners.js'

// ---- the regular expressions init built before (the oracle; kept here, not in src/) ----
function codeownersRegExp(pattern: string): RegExp {
  let p = pattern
  const dirOnly = p.endsWith('/')
  if (dirOnly) p = p.replace(/\/+$/, '')
  const anchored = p.includes('/')
  p = p.replace(/^\//, '')
  let re = ''
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!
    if (c === '*' && p[i + 1] === '*') {
      if ((i === 0 || p[i - 1] === '/') && p[i + 2] === '/') {
        re += '(?:.*/)?'
        i += 2
      } else {
        re += '.*'
        i++
      }
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
      re += '.*'
      i++
      if (glob[i + 1] === '/') i++
    } else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1)
      if (end === -1) re += '\\['
      else {
        re += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`
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
  it('CODEOWNERS patterns answer as the regular expressions did', () => {
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

  it("Cargo's member globs answer as the regular expressions did, classes and spans included", () => {
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

  it('a pattern of many stars against a long name that almost matches is answered at once, not after ages', () => {
    // the regular expression tries every way to share the name among the stars: time to the power of the stars
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
