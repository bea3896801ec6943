// What reaches a terminal or an Actions log from text a pull request wrote (src/text/terminal.ts).
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { colors } from '../../src/cli/style.js'
import { CONTROL_RANGES, inlineSafe, logText, terminalSafe } from '../../src/text/terminal.js'

// what must not reach a terminal or a log: controls, format and default-ignorable characters (variation selectors
// aside: our own icons use them)
const CONTROL = /(?![\uFE00-\uFE0F])(?![\t\n])[\p{Cc}\p{Zl}\p{Zp}\p{Cf}\p{DI}]/u
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[(?:1|2|22|31|32|33|39)m/g
/**
 * What the runner does with a line: `::` once the leading white space is trimmed (variation selectors and an
 * ignorable character skipped as a comparison by culture might), or `##[` anywhere in it.
 */
const isCommand = (line: string) =>
  /^(?:\s|[\uFE00-\uFE0F\u00ad\u200b-\u200d\u2060\ufeff])*::/u.test(line.replace(SGR, '')) ||
  line.includes('##[')

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
        '\u00ad',
        '\u200b',
        '\u200d',
        '\ufeff',
        '\ufe0f',
        '\u{e0001}',
        '\u{1f600}',
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

  it('##[ anywhere in a line is the older command syntax: escaped wherever it is, in a value too', () => {
    expect(terminalSafe('FAIL · v0.4.0 ##[error file=x]forged ##[add-mask]y\n')).toBe(
      'FAIL · v0.4.0 \\u0023#[error file=x]forged \\u0023#[add-mask]y\n'
    )
    expect(inlineSafe('v1 ##[set-output name=verdict]PASS')).toBe('v1 \\u0023#[set-output name=verdict]PASS')
  })

  it('an invisible character before :: (soft hyphen, zero-width space, a tag) is shown, and so is the command', () => {
    expect(terminalSafe('\u00ad::error::x\n\u200b::warning::y\n\u{e0001}z')).toBe(
      '\\u00ad::error::x\n\\u200b::warning::y\n\\udb40\\udc01z'
    )
    // a variation selector is kept (our icons use it), so before :: it is part of the line's lead
    expect(terminalSafe('⚠️ 1 warning\n\ufe0f::error::x')).toBe('⚠️ 1 warning\n\ufe0f\\u003a:error::x')
  })

  it('keeps our own colours (every style of cli/style.ts), tabs and lines', () => {
    const styled = Object.values(colors).map((style) => style('PASS'))
    const ours = `${styled.join(' · ')}\n\tnext:\n  ${colors.dim('1. nothing')}\n`
    expect(terminalSafe(ours)).toBe(ours)
  })

  it('a command behind colours or Unicode white space is still one', () => {
    expect(terminalSafe('\u001b[2m \u00a0::add-mask::x')).toBe('\u001b[2m \u00a0\\u003a:add-mask::x')
    // a line separator is shown, not kept: a viewer that breaks the line there would show a line of its own
    expect(terminalSafe('a\u2028::stop-commands::t')).toBe('a\\u2028::stop-commands::t')
    expect(terminalSafe('a\n\u2029::stop-commands::t')).toBe('a\n\\u2029::stop-commands::t')
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

describe('the characters escaped', () => {
  it("are exactly this Node's control, line and paragraph separator, format and default-ignorable code points, the variation selectors aside", () => {
    // written out as ranges (a property escape costs its class at every start): held to the properties here, so a
    // Node with a newer Unicode that adds one says so
    const ranges = new RegExp(`^[${CONTROL_RANGES}]$`, 'u')
    const props = /^(?![\uFE00-\uFE0F])[\p{Cc}\p{Zl}\p{Zp}\p{Cf}\p{DI}]$/u
    const differ: string[] = []
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue
      const ch = String.fromCodePoint(c)
      if (ranges.test(ch) !== props.test(ch))
        differ.push(`U+${c.toString(16).toUpperCase().padStart(4, '0')}`)
    }
    expect(differ).toEqual([])
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

describe('logText (a suite log in the terminal and the Actions log)', () => {
  it('drops whole escape sequences, an OSC 8 link or a title to its BEL or ST included, and the CRs', () => {
    expect(
      logText('a\u001b]8;;https://x.example\u001b\\b\u001b]8;;\u0007 \u001b]0;t\u0007\u001b(Bc\r\n')
    ).toBe('ab c\n')
  })

  it('on any text: lines and tabs kept, no control character, no ##[', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const out = logText(text)
        expect(out.split('\n')).toHaveLength(text.split('\n').length)
        expect(out).not.toMatch(CONTROL)
        expect(out).not.toContain('##[')
      }),
      { numRuns: 2000 }
    )
  })
})
