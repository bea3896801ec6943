// Markdown primitives for untrusted text, shared by the packet rendering and the incident note. A leaf module:
// markdown.ts renders the incident note, and the note needs these, so they cannot live in markdown.ts.
import { shownValue } from '../text/shorten.js'
import { blockSafe, inlineSafe } from '../text/terminal.js'
import type { Identity, Posture } from '../trio/model.js'

/**
 * Every line ending CommonMark knows (a lone CR is one: it would start a line that opens a fence and swallows the
 * rest), and the Unicode line and paragraph separators.
 */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g

/** An `@` that would mention a user or a team: joined to an invisible word joiner, it mentions nobody. */
const MENTION = /@(?=[A-Za-z0-9])/g

/**
 * A colon that opens an emoji shortcode (`:white_check_mark:` would show a green check in a FAIL row): joined to an
 * invisible word joiner, it names no emoji. GitHub finds them in the rendered text, so before any backslash. A name
 * has a letter, or is one of the four without (`:+1:`, `:-1:`, `:100:`, `:1234:`): a time's `10:00:00+00:00` is
 * left as it is (found by review: its `:00+00:` took a joiner, and a copied timestamp matched nothing).
 */
// each colon's lookahead takes its own run of name characters once, and the name is judged by a callback: a pattern
// that placed the letter inside the run tried every split of a run no colon closed (found by review: quadratic)
const EMOJI = /:(?=([\w+-]*):)/g
const emojiName = (name: string) => /[A-Za-z]/.test(name) || ['+1', '-1', '100', '1234'].includes(name)

/**
 * What GFM would turn into a link, broken by an invisible word joiner: every `://` and every `www.`, whatever
 * stands before them (GFM links `_https://x` and `a_www.x`); and what GitHub would make a reference to an issue or
 * a pull request (which notifies it), `#123` or `GH-123`: GitHub finds them in the rendered text, where a
 * backslash before `#` is gone, and makes none inside a link.
 */
const AUTOLINK = /(?=:\/\/)|www(?=\.)|(?:#|GH-)(?=\d)/gi

/**
 * Escape text for a Markdown table cell or inline position: one line, no HTML, no table breaks, no stray
 * emphasis or strikethrough, no math, no mention, emoji or reference to an issue, no link GitHub would make of
 * it; a control character or a bidirectional override (which would reorder what a reader sees) shown as `\uXXXX`.
 */
export function escapeMarkdown(text: string): string {
  return linkText(text).replace(AUTOLINK, (m) => `${m}\u2060`)
}

/**
 * escapeMarkdown for the text of a link of ours (`[text](url)`): GFM makes no link inside a link, and a URL shown
 * as the text must copy as it reads, without a word joiner in it.
 */
export function linkText(text: string): string {
  return inlineSafe(text.replace(LINE_BREAK, ' '))
    .replace(MENTION, '@\u2060')
    .replace(EMOJI, (colon, name: string) => (emojiName(name) ? ':\u2060' : colon))
    .replace(/[\\`*_[\]#|~$]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

/**
 * Text of ours that marks code with backticks (a finding's message, an item left to do): the parts between
 * backticks as inline code, the rest escaped, so a reader sees code, not backticks. The values a message quotes
 * may hold backticks themselves; with an odd number the spans cannot be told apart and every word is escaped.
 * Either way each part goes through code() or escapeMarkdown(), so no text breaks out.
 */
export function withCodeSpans(text: string): string {
  const parts = text.split('`')
  if (parts.length % 2 === 0) return escapeMarkdown(text)
  // an empty span is two backticks the message quotes (a value holding them): shown as written, never as
  // code('')'s `_unknown_` (found by review)
  return parts
    .map((part, i) => (i % 2 === 0 ? escapeMarkdown(part) : part === '' ? '\\`\\`' : code(part)))
    .join('')
}

/**
 * A link's title (shown on hover): one line, and none of the characters that would end the title (`"`, `\\`) or,
 * in a table, the cell (`|`, which GFM splits on before it reads any link).
 */
export function linkTitle(text: string): string {
  return inlineSafe(text.replace(LINE_BREAK, ' ')).replace(/["\\|]/g, '')
}

/**
 * Inline code that cannot be broken out of: one line, no backticks, pipes escaped for tables. A line break in it is
 * shown as `\n` (inlineSafe), never as a space: `src/a\nb.ts` is not `src/a b.ts`, a file that may exist too (found by
 * review: an approver was pointed at a clean decoy).
 */
export function code(text: string | null): string {
  if (text === null || text === '') return '_unknown_'
  return `\`${inlineSafe(shownValue(text)).replace(/`/g, "'").replace(/\|/g, '\\|')}\``
}

/** A backtick fence no line of `text` can close: one backtick more than its longest run (at least three). */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  return '`'.repeat(Math.max(3, longest + 1))
}

/**
 * A fenced block no line of `text` can close; one trailing newline of `text` is dropped (log tails). Control and
 * formatting characters (a bidirectional override, an escape sequence) are shown as `\uXXXX` (blockSafe).
 */
export function fenced(text: string, info = 'text'): string {
  const shown = blockSafe(text.replace(/\r\n?/g, '\n'))
  const fence = fenceFor(shown)
  return `${fence}${info}\n${shown.replace(/\n$/, '')}\n${fence}`
}

/**
 * A fenced block whose content is exactly `text`, every byte kept (CR, LF, leading and trailing line ends):
 * a parser gives back `text` as the code's value. A trailing CR would merge with an LF after it into one
 * CRLF line ending and be lost, so the closing line ending is then a CR of its own.
 */
export function literalBlock(text: string, info = 'text'): string {
  const fence = fenceFor(text)
  return `${fence}${info}\n${text}${text.endsWith('\r') ? '\r' : '\n'}${fence}`
}

/** A two-column table of labels and already rendered values. */
export function keyValueTable(rows: [string, string][]): string {
  return ['| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n')
}

/** The six fields that identify a baseline (DESIGN.md §1), as inline code. */
export function identityRows(identity: Identity): [string, string][] {
  return [
    ['Release tag', code(identity.release_tag)],
    ['Commit', code(identity.commit_sha)],
    ['Service contract', code(identity.service_contract_version)],
    ['API contract', code(identity.api_contract_version)],
    ['Integration baseline', code(identity.integration_baseline)],
    ['Manifest SHA-256', code(identity.manifest_sha256)]
  ]
}

export function identityTable(identity: Identity, posture: Posture | null): string {
  return keyValueTable([...identityRows(identity), ['Runtime cutover posture', code(posture)]])
}
