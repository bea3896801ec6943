// Cut a text for a message without cutting a character in two (and, on request, without cutting a word).
import { thousands } from './plural.js'

/**
 * Where a cut may fall: anywhere between two characters; between two words (a long first word is still cut); or
 * only between two words, a word that does not fit left out whole (`quote`).
 */
export type CutAt = 'char' | 'word' | 'quote'

/**
 * `s` when it fits in `max` UTF-16 units, else its start and an ellipsis; never half of a surrogate pair.
 * With `at: 'word'` the cut falls at the last space before the limit, so no word is cut in two; a first word
 * longer than half the room (a path, a hash) is still cut inside, or almost nothing would be left.
 */
export function shorten(s: string, max: number, at: CutAt = 'char'): string {
  if (s.length <= max) return s
  let end = max - 1
  // a high surrogate at the cut would be left without its low half: cut before it
  const last = s.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  if (at === 'word') end = wordEnd(s, end)
  if (at === 'quote') return `${s.slice(0, wholeWordsEnd(s, end))}…`
  return `${s.slice(0, end)}…`
}

/**
 * The end of the whole words of `s` before `end`, however little is left (0 when the first word does not fit).
 * For a value quoted into a message before it is redacted: a secret cut in two is no longer one any detector
 * knows, nor one the environment holds, and its start would be shown (found by review: 26 of a declared key's 32
 * characters, 21 of a GitHub token's 36, a URL's password up to the cut).
 */
function wholeWordsEnd(s: string, end: number): number {
  if (/\s/.test(s.charAt(end))) return trimmedEnd(s, end)
  const space = s.slice(0, end).search(/\s\S*$/)
  return space < 0 ? 0 : trimmedEnd(s, space)
}

/** The end of the last whole word of `s` before `end` (its punctuation and spaces dropped), else `end`. */
function wordEnd(s: string, end: number): number {
  if (/\s/.test(s.charAt(end))) return trimmedEnd(s, end)
  const space = s.slice(0, end).search(/\s\S*$/)
  // a space is a BMP character: cutting before it never splits a pair
  return space > end / 2 ? trimmedEnd(s, space) : end
}

/** `end` moved back over spaces and the commas, semicolons and colons a cut would leave dangling. */
function trimmedEnd(s: string, end: number): number {
  let e = end
  while (e > 0 && /[\s,;:]/.test(s.charAt(e - 1))) e--
  return e > 0 ? e : end
}

/**
 * `s` when it fits in `max` UTF-16 units, else its start, an ellipsis and its end, each cut between words: a
 * message's opening (what is wrong) and its close (what to do) both stay. Never half of a surrogate pair.
 */
export function shortenMiddle(s: string, max: number): string {
  if (s.length <= max) return s
  const room = Math.max(2, max - 3)
  const headRoom = Math.floor(room * 0.35)
  const head = shorten(s, headRoom + 1, 'word').replace(/\u2026$/, '')
  let from = s.length - (room - head.length)
  // a low surrogate at the cut would be left without its high half: start after it
  const first = s.charCodeAt(from)
  if (first >= 0xdc00 && first <= 0xdfff) from++
  const space = s.slice(from).search(/\s/)
  // start at the next word when one begins near enough, else where the room allows
  if (space >= 0 && space < (s.length - from) / 2) from += space + 1
  return `${head} … ${s.slice(from)}`
}

/** The most of one value (a code span: a release tag, a path, a command) any report shows. */
export const MAX_VALUE_SHOWN = 300

/**
 * A value as a report shows it: whole up to MAX_VALUE_SHOWN, else its start and end with its length (found by
 * review: a pin's 60,000-character release tag filled the terminal's headline). Display only: the value has been
 * redacted whole before, and every comparison and the evidence use it whole.
 */
export function shownValue(s: string): string {
  if (s.length <= MAX_VALUE_SHOWN) return s
  return `${shortenMiddle(s, MAX_VALUE_SHOWN)} (${thousands(s.length)} characters)`
}

/** The most of a finding's message (its first line) a report shows: ours run to a few hundred characters. */
export const MAX_MESSAGE_SHOWN = 2000

/**
 * A message's words as a report shows them: whole up to MAX_MESSAGE_SHOWN, else its opening (what is wrong) and
 * its close (what to do) with its length, as shortenMiddle cuts it. After redaction, as shownValue; the evidence
 * packet keeps it whole.
 */
export function shownMessage(s: string): string {
  if (s.length <= MAX_MESSAGE_SHOWN) return s
  return `${shortenMiddle(s, MAX_MESSAGE_SHOWN)} (${thousands(s.length)} characters; the evidence packet holds it whole)`
}
