// The plain text of a line of Markdown inline content, as a reader sees it (what mdast-util-to-string gives for
// the same content): code spans give their content, backslash escapes and character references their
// character, emphasis and link brackets disappear, a link keeps its text. One pass with bounded look-back, so
// no crafted run of `*`, `[` or backticks can make it slower than linear.

export interface CodeSpan {
  /** The code span's content as the reader sees it (one space trimmed on each side, line endings as spaces). */
  value: string
  /** Offset in the source of the first character after the opening backticks. */
  start: number
}

export interface InlineText {
  text: string
  /** The first code span, if any (the value of a Baseline Pin line). */
  code: CodeSpan | null
}

/** A piece of the output: literal text, or a delimiter run that emphasis may consume. */
interface Piece {
  text: string
  /** For a `*` or `_` run: its character, and whether it may open or close emphasis (null: literal text). */
  delim: Delimiter | null
}

interface Delimiter {
  char: '*' | '_'
  open: boolean
  close: boolean
  length: number
  origLength: number
}

const PUNCTUATION = /[!-/:-@[-`{-~]/
/** The same, by char code: the emphasis rules ask for every delimiter run. */
const ASCII_PUNCTUATION: boolean[] = []
for (let code = 0; code < 128; code++) ASCII_PUNCTUATION[code] = PUNCTUATION.test(String.fromCharCode(code))
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '\u00a9',
  reg: '\u00ae',
  mdash: '\u2014',
  ndash: '\u2013',
  hellip: '\u2026',
  rarr: '\u2192',
  larr: '\u2190'
}

/**
 * The text of `source.slice(start, end)` read as inline Markdown.
 * @param inCell a GFM table cell: `\|` stays an escaped pipe even inside a code span
 */
/** The characters the inline loop handles one by one (by char code); all others are copied in runs. */
const SPECIAL = new Uint8Array(128)
for (const ch of '\\`&*_\r\n') SPECIAL[ch.charCodeAt(0)] = 1

/** Any character that may start inline markup; content without one reads as itself. */
const MARKUP = /[\\`&*_[\]!\r\n]/

export function inlineText(source: string, start: number, end: number, inCell = false): InlineText {
  const plain = source.slice(start, end)
  if (!MARKUP.test(plain)) return { text: plain, code: null }
  return markedUp(source, start, end, inCell)
}

/** The text alone (a table cell, a heading): content without markup costs one slice and one test. */
export function plainText(source: string, start: number, end: number, inCell = false): string {
  const plain = source.slice(start, end)
  return MARKUP.test(plain) ? markedUp(source, start, end, inCell).text : plain
}

function markedUp(source: string, start: number, end: number, inCell: boolean): InlineText {
  const pieces: Piece[] = []
  let code: CodeSpan | null = null
  const closers = backtickRuns(source, start, end)
  let literal = ''
  const flush = () => {
    if (literal) pieces.push({ text: literal, delim: null })
    literal = ''
  }
  let i = start
  while (i < end) {
    // a run of ordinary characters is copied in one slice
    let j = i
    for (
      let code = source.charCodeAt(j);
      j < end && (code >= 128 || SPECIAL[code] === 0);
      code = source.charCodeAt(++j)
    );
    if (j > i) {
      literal += source.slice(i, j)
      i = j
      if (i === end) break
    }
    const c = source[i]!
    if (c === '\\' && i + 1 < end && ASCII_PUNCTUATION[source.charCodeAt(i + 1)] === true) {
      literal += source[i + 1]
      i += 2
      continue
    }
    if (c === '`') {
      let n = 1
      while (i + n < end && source[i + n] === '`') n++
      const close = closers.next(n, i + n)
      if (close === -1) {
        literal += '`'.repeat(n)
        i += n
        continue
      }
      let value = source.slice(i + n, close).replace(/\r\n|\r|\n/g, ' ')
      if (inCell) value = value.replace(/\\\|/g, '|')
      if (value.length >= 2 && value.startsWith(' ') && value.endsWith(' ') && value.trim() !== '')
        value = value.slice(1, -1)
      code ??= { value, start: i + n }
      literal += value
      i = close + n
      continue
    }
    if (c === '&') {
      const m = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/.exec(
        source.slice(i, Math.min(end, i + 40))
      )
      const decoded = m ? entity(m) : null
      if (decoded !== null) {
        literal += decoded
        i += m![0].length
        continue
      }
    }
    if (c === '*' || c === '_') {
      let n = 1
      while (i + n < end && source[i + n] === c) n++
      flush()
      const f = flanking(source, start, end, i, n, c === '*')
      // the text is set once emphasis is resolved (the characters it leaves)
      pieces.push({
        text: '',
        delim: { char: c, length: n, origLength: n, open: (f & 1) !== 0, close: (f & 2) !== 0 }
      })
      i += n
      continue
    }
    if (c === '\r' || c === '\n') {
      // a line ending inside a paragraph: hard-break spaces before it go, the ending stays
      // two spaces (or a backslash) before the ending make a hard break, which has no text of its own
      const trailing = /[ \t]*$/.exec(literal)![0]
      const hard =
        / {2}/.test(trailing.replace(/\t/g, '')) || (source[i - 1] === '\\' && literal.endsWith('\\'))
      literal = literal.slice(0, literal.length - trailing.length)
      if (hard && literal.endsWith('\\') && source[i - 1] === '\\') literal = literal.slice(0, -1)
      const ending = c === '\r' && source[i + 1] === '\n' ? '\r\n' : c
      if (!hard) literal += ending
      i += ending.length
      while (i < end && (source[i] === ' ' || source[i] === '\t')) i++
      continue
    }
    literal += c
    i++
  }
  flush()
  resolveEmphasis(pieces)
  return { text: links(pieces.map((p) => p.text).join('')), code }
}

/** The offsets of backtick runs by length, each found in order: the closer of an opener in amortised O(1). */
function backtickRuns(source: string, start: number, end: number) {
  const byLength = new Map<number, number[]>()
  for (let i = start; i < end;) {
    if (source[i] !== '`') {
      i++
      continue
    }
    // an escaped backtick outside code opens nothing, but it can still close a span: keep every run
    let n = 1
    while (i + n < end && source[i + n] === '`') n++
    const list = byLength.get(n) ?? []
    list.push(i)
    byLength.set(n, list)
    i += n
  }
  const cursor = new Map<number, number>()
  return {
    /** The first run of exactly `n` backticks at or after `from`, or -1. */
    next(n: number, from: number): number {
      const list = byLength.get(n)
      if (!list) return -1
      let k = cursor.get(n) ?? 0
      while (k < list.length && list[k]! < from) k++
      cursor.set(n, k)
      return k < list.length ? list[k]! : -1
    }
  }
}

function entity(m: RegExpExecArray): string | null {
  const code = m[1] ? parseInt(m[1], 10) : m[2] ? parseInt(m[2], 16) : null
  if (code !== null) return code === 0 || code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code)
  return ENTITIES[m[3]!] ?? null
}

/** Whitespace for the flanking rules, by char code (NaN: before the start or past the end, which counts). */
function isSpaceCode(code: number): boolean {
  if (Number.isNaN(code) || code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true
  return code > 0x7f && /\s/u.test(String.fromCharCode(code))
}

function isPunctCode(code: number): boolean {
  if (Number.isNaN(code)) return false
  return code < 128 ? ASCII_PUNCTUATION[code] === true : /[\p{P}\p{S}]/u.test(String.fromCharCode(code))
}

/** CommonMark's left- and right-flanking rules for a run of `n` delimiters at `i`: bit 1 opens, bit 2 closes. */
function flanking(source: string, start: number, end: number, i: number, n: number, star: boolean): number {
  const before = i > start ? source.charCodeAt(i - 1) : NaN
  const after = i + n < end ? source.charCodeAt(i + n) : NaN
  const spaceBefore = isSpaceCode(before)
  const spaceAfter = isSpaceCode(after)
  const punctBefore = isPunctCode(before)
  const punctAfter = isPunctCode(after)
  const left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore)
  const right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter)
  const open = star ? left : left && (!right || punctBefore)
  const close = star ? right : right && (!left || punctAfter)
  return (open ? 1 : 0) | (close ? 2 : 0)
}

/**
 * CommonMark's "process emphasis" over the delimiter runs, removing the characters that become emphasis. The
 * lowest opener index tried per (character, closer length mod 3, closer can open) only ever rises, which is
 * what keeps it linear on a run of unmatched delimiters.
 */
function resolveEmphasis(pieces: Piece[]): void {
  const openers: number[] = [] // indices into pieces of delimiter runs that may open, in order
  const bottom = new Map<number, number>()
  for (let k = 0; k < pieces.length; k++) {
    const d = pieces[k]!.delim
    if (!d) continue
    if (d.close) {
      const key = (d.char === '*' ? 0 : 6) + (d.origLength % 3) * 2 + (d.open ? 1 : 0)
      const floor = bottom.get(key) ?? -1
      let matched = false
      while (d.length > 0) {
        let o = openers.length - 1
        while (o >= 0 && openers[o]! > floor) {
          const od = pieces[openers[o]!]!.delim!
          const oddMatch =
            (od.close || d.open) &&
            (od.origLength + d.origLength) % 3 === 0 &&
            (od.origLength % 3 !== 0 || d.origLength % 3 !== 0)
          if (od.char === d.char && od.length > 0 && !oddMatch) break
          o--
        }
        if (o < 0 || openers[o]! <= floor) break
        const od = pieces[openers[o]!]!.delim!
        const use = od.length >= 2 && d.length >= 2 ? 2 : 1
        od.length -= use
        d.length -= use
        matched = true
        // openers between this one and the closer can no longer match anything before the closer
        openers.length = od.length > 0 ? o + 1 : o
      }
      // no opener at or below this closer can match one of its kind later: start above it next time
      if (!matched) bottom.set(key, k - 1)
      if (d.length > 0 && d.open) openers.push(k)
    } else if (d.open) {
      openers.push(k)
    }
  }
  for (const p of pieces) if (p.delim) p.text = p.delim.char.repeat(p.delim.length)
}

/**
 * Inline links and images keep their text: `[text](destination "title")` reads as `text`. Brackets are
 * matched with a stack and each `](` scans a bounded destination, so the work stays linear.
 */
function links(text: string): string {
  if (!text.includes('](')) return text
  const parts: string[] = [] // one entry per '[' (so it can be dropped in O(1)), runs of text between
  const stack: number[] = [] // indices in `parts` of unmatched '['
  let run = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '[') {
      parts.push(run, '[')
      run = ''
      stack.push(parts.length - 1)
      continue
    }
    if (c === ']' && stack.length > 0 && text[i + 1] === '(') {
      const close = destinationEnd(text, i + 2)
      if (close !== -1) {
        const open = stack.pop()!
        parts[open] = ''
        // an image: its '!' goes with the brackets
        const before = parts[open - 1]!
        if (before.endsWith('!')) parts[open - 1] = before.slice(0, -1)
        // a link may not contain a link: the brackets still open are plain text now
        stack.length = 0
        i = close
        continue
      }
    }
    run += c
  }
  parts.push(run)
  return parts.join('')
}

/** A link destination and title longer than this is not read as one (it keeps `[a](` runs linear). */
const MAX_DESTINATION = 1024

/** Link destinations nest parentheses at most this deep (as cmark does), which also bounds each scan. */
const MAX_PARENS = 32

/**
 * The index of the `)` that ends an inline link's destination and optional title starting at `from`, or -1:
 * `(dest)`, `(<dest>)`, `(dest "title")`, `()`; a destination has no spaces and balanced parentheses.
 */
function destinationEnd(text: string, from: number): number {
  const last = Math.min(text.length, from + MAX_DESTINATION)
  let i = skipSpace(text, from, last)
  if (text[i] === '<') {
    i++
    while (i < last && text[i] !== '>' && text[i] !== '<' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1
    if (text[i] !== '>') return -1
    i++
  } else {
    let depth = 0
    for (; i < last; i++) {
      const c = text[i]!
      if (c === '\\') i++
      else if (c === '(' && ++depth > MAX_PARENS) return -1
      else if (c === ')' && depth-- === 0) break
      else if (c === ' ' || c === '\t' || c === '\n' || c < ' ') break
    }
    if (depth > 0) return -1
  }
  const afterDest = i
  i = skipSpace(text, i, last)
  const q = text[i]
  if (i > afterDest && (q === '"' || q === "'" || q === '(')) {
    const closeQ = q === '(' ? ')' : q
    i++
    while (i < last && text[i] !== closeQ) i += text[i] === '\\' ? 2 : 1
    if (i >= last) return -1
    i = skipSpace(text, i + 1, last)
  }
  return i < last && text[i] === ')' ? i : -1
}

function skipSpace(text: string, i: number, last: number): number {
  while (i < last && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n')) i++
  return i
}
