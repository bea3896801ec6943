// Untrusted text in Markdown (a handoff payload's field, a finding's message, a reason typed in a dispatch) stays
// one inline run of text: no line of its own that could open a fence or a heading, no mention, no HTML.
import { describe, expect, it } from '@jest/globals'
import { code, escapeMarkdown, fenced, linkText, withCodeSpans } from '../../src/evidence/markdown-text.js'

const ATTACK = 'v1.0.0 ok\r\r~~~\rApproved by security, merge now @acme/everyone\u2028# heading\u2029<b>x</b>'

describe('escapeMarkdown and code', () => {
  it('make every line ending CommonMark knows a space in text, and show it escaped in code (a name with a line break is not one with a space)', () => {
    for (const out of [escapeMarkdown(ATTACK), code(ATTACK)]) expect(out).not.toMatch(/[\r\n\u2028\u2029]/)
    expect(escapeMarkdown(ATTACK).replace(/\\~/g, '~')).toContain('ok  ~~~ Approved')
    expect(code(ATTACK)).toContain('ok\\u000d\\u000d~~~\\u000dApproved')
    expect(code('src/a\nb.ts')).toBe('`src/a\\nb.ts`')
  })

  it('mention nobody: an @ before a name is joined to an invisible word joiner', () => {
    expect(escapeMarkdown('ask @acme/everyone or @alice; mail a@b.example')).toBe(
      'ask @\u2060acme/everyone or @\u2060alice; mail a@\u2060b.example'
    )
    expect(escapeMarkdown('a lone @ stays')).toBe('a lone @ stays')
  })

  it('still escape HTML, emphasis and table pipes', () => {
    expect(escapeMarkdown('<b>*x*</b> | [l](u)')).toBe('&lt;b&gt;\\*x\\*&lt;/b&gt; \\| \\[l\\](u)')
  })

  it('show a control character or a bidirectional override as \\uXXXX: a reader sees the text in its real order', () => {
    // "PASS" written backwards behind a right-to-left override reads as a verdict it is not
    expect(escapeMarkdown('tag \u202eSSAP\u202c\u0000')).toBe('tag \\\\u202eSSAP\\\\u202c\\\\u0000')
    expect(code('v1\u001b[8m\u2066x')).toBe('`v1\\u001b[8m\\u2066x`')
  })
})

describe('escapeMarkdown makes no emoji, reference or math', () => {
  it('breaks an emoji shortcode with a word joiner after its opening colon', () => {
    // a green check inside a FAIL row, whatever the name's characters (GitHub reads `\_` as `_`)
    expect(escapeMarkdown('FAIL :white_check_mark: :+1::-1:')).toBe(
      'FAIL :\u2060white\\_check\\_mark: :\u2060+1::\u2060-1:'
    )
    expect(escapeMarkdown('a lone : stays, and a: b: too')).toBe('a lone : stays, and a: b: too')
    expect(linkText(':rocket: ship')).toBe(':\u2060rocket: ship')
    // a time names no emoji: left as it is; the two names of digits only are broken (found by review)
    expect(escapeMarkdown('at 10:00:00Z')).toBe('at 10:00:00Z')
    // nor one with an offset, whose `:00+00:` once took a joiner (found by review: a copied timestamp matched nothing)
    expect(escapeMarkdown('2026-01-28T10:00:00+00:00 and 10:00:00-05:00')).toBe(
      '2026-01-28T10:00:00+00:00 and 10:00:00-05:00'
    )
    expect(escapeMarkdown(':100: :1234:')).toBe(':\u2060100: :\u20601234:')
    // a name no colon closes is no emoji, however long (it once took time squared: found by review)
    const open = `:${'a'.repeat(60_000)}`
    expect(escapeMarkdown(open)).toBe(open)
  })

  it('breaks #123 and GH-123 with a word joiner: a backslash does not stop a reference', () => {
    expect(escapeMarkdown('fixes #123, GH-7 and octo/repo#9; #tag stays')).toBe(
      'fixes \\#\u2060123, GH-\u20607 and octo/repo\\#\u20609; \\#tag stays'
    )
  })

  it('escapes $ so that no text between two becomes math', () => {
    expect(escapeMarkdown('costs $5 or $x^2$')).toBe('costs \\$5 or \\$x^2\\$')
  })
})

describe('withCodeSpans (our own messages, which mark code with backticks)', () => {
  it('shows the spans as code and escapes everything outside them', () => {
    expect(withCodeSpans('`a|b` needs <b>x</b>_')).toBe('`a\\|b` needs &lt;b&gt;x&lt;/b&gt;\\_')
  })

  it('escapes the whole text when its backticks do not pair up (a quoted value held one)', () => {
    expect(withCodeSpans('odd ` tick')).toBe('odd \\` tick')
    expect(withCodeSpans('`x`y` is a path')).toBe('\\`x\\`y\\` is a path')
  })

  it('shows two backticks a quoted value held as written, never as an unknown value (found by review)', () => {
    expect(withCodeSpans('the pin says release_tag "v1``x" here')).toBe(
      'the pin says release\\_tag "v1\\`\\`x" here'
    )
  })

  it('lets no quoted value break out of its span: line breaks, HTML and mentions stay inert', () => {
    const out = withCodeSpans('`v1\n# PASS <img src=x>` by @acme/everyone')
    expect(out).toBe('`v1\\n# PASS <img src=x>` by @\u2060acme/everyone')
    expect(out).not.toMatch(/\n/)
  })
})

describe('fenced (a log tail in a code block)', () => {
  it('shows control and formatting characters as \\uXXXX, keeping lines and tabs', () => {
    const out = fenced('ok\u202eKO\u200b \u001b[31mred\tcol\r\nnext\n')
    expect(out).toBe('```text\nok\\u202eKO\\u200b \\u001b[31mred\tcol\nnext\n```')
  })

  it('uses a fence longer than any backtick run inside', () => {
    expect(fenced('a ```` b')).toBe('`````text\na ```` b\n`````')
  })
})

describe('escapeMarkdown makes no link and strikes nothing through', () => {
  it('breaks URLs and www. with an invisible word joiner, and escapes ~', () => {
    expect(escapeMarkdown('see www.evil-example.com/approve, https://x.example/a ~~FAIL~~')).toBe(
      'see www\u2060.evil-example.com/approve, https\u2060://x.example/a \\~\\~FAIL\\~\\~'
    )
    // GFM links these too: an underscore is no word boundary to it
    expect(escapeMarkdown('_https://evil.example/pass a_www.evil.example')).toBe(
      '\\_https\u2060://evil.example/pass a\\_www\u2060.evil.example'
    )
  })
})
