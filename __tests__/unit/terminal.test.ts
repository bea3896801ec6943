// What reaches a terminal or an Actions log from text a pull request wrote (src/text/terminal.ts).
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { colors } from '../../src/cli/style.js'
import { inlineSafe, terminalSafe } from '../../src/text/terminal.js'

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[(?:1|2|22|31|32|33|39)m/g
/** What the runner does with a line: trim the leading white space, then look for a command. */
const isCommand = (line: string) => /^(::|##\[)/.test(line.replace(SGR, '').trimStart())

// the characters an attacker reaches for, among plain ones
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '\n',
        '\r',
        '\t',
        '\u001b',
        '[',
        '2J',
        '32m',
        '0;1m',
        ']8;;',
        '\u0007',
        ':',
        '::',
        '#',
        '##[',
        'error',
        ' ',
        '\u00a0',
        '\u2028',
        '\u3000',
        '\u009b',
        '\u0085',
        '\u202e',
        '\u2066',
        '\u0000',
        '\u007f',
        'PASS',
        '\\'
      ),
      fc.string({ maxLength: 3 })
    ),
    { maxLength: 40 }
  )
  .map((parts) => parts.join(''))

describe('terminalSafe', () => {
  it('a forged pin value: the screen is not cleared, no command reaches the runner, the rest is shown', () => {
    const out = terminalSafe(
      'tag v0.4.0\u001b[2J\u001b[8mALL GOOD\u0000\u0007\n  ::error::forged\n##[warning]x\n'
    )
    expect(out).toBe(
      'tag v0.4.0\\u001b[2J\\u001b[8mALL GOOD\\u0000\\u0007\n  \\u003a:error::forged\n\\u0023#[warning]x\n'
    )
  })

  it('keeps our own colours (every style of cli/style.ts), tabs and lines', () => {
    const styled = Object.values(colors).map((style) => style('PASS'))
    const ours = `${styled.join(' · ')}\n\tnext:\n  ${colors.dim('1. nothing')}\n`
    expect(terminalSafe(ours)).toBe(ours)
  })

  it('a command behind colours or Unicode white space is still one', () => {
    expect(terminalSafe('\u001b[2m \u00a0::add-mask::x')).toBe('\u001b[2m \u00a0\\u003a:add-mask::x')
    expect(terminalSafe('a\u2028::stop-commands::t')).toBe('a\u2028\\u003a:stop-commands::t')
  })

  it('on any text: no control character but our colours, no line the runner takes as a command; idempotent', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const out = terminalSafe(text)
        expect(out.replace(SGR, '')).not.toMatch(CONTROL)
        expect(out.split('\n').filter(isCommand)).toEqual([])
        expect(terminalSafe(out)).toBe(out)
      }),
      { numRuns: 2000 }
    )
  })

  it('a --json document keeps its meaning: what it escapes is the same character in a JSON string', () => {
    fc.assert(
      fc.property(fc.array(hostile, { maxLength: 4 }), (values) => {
        const doc = JSON.stringify({ values, tag: values[0] ?? '' }, null, 2)
        expect(JSON.parse(terminalSafe(doc))).toEqual(JSON.parse(doc))
      }),
      { numRuns: 1000 }
    )
  })
})

describe('inlineSafe', () => {
  it('one value inside a line: newlines, tabs and every escape shown, nothing else changed', () => {
    expect(inlineSafe('v1\n::error::x\t\u001b[31m\u202e')).toBe('v1\\n::error::x\\t\\u001b[31m\\u202e')
    expect(inlineSafe('services/memorykernel · v0.4.0 → v0.5.0')).toBe(
      'services/memorykernel · v0.4.0 → v0.5.0'
    )
  })

  it('on any text: one line, no control character at all', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const out = inlineSafe(text)
        expect(out).not.toMatch(/\n/)
        expect(out).not.toMatch(CONTROL)
      }),
      { numRuns: 2000 }
    )
  })
})
