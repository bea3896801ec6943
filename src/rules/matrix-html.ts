// BG218: raw HTML in the compatibility matrix. GitHub renders it (sanitised), and Markdown renderers disagree on
// where HTML ends (cmark-gfm lets a lone tag line end a list item's lazy paragraph, CommonMark 0.31 does not), so
// a reviewer can see another Baseline Pin or ledger than the tool reads (found by review: an HTML list, heading
// and table rendered under `## Baseline Pin`, the real lines hidden in a comment GitHub opened and the reader
// never saw). The matrix is Markdown only. Left alone: code (fenced or indented, at the top level), an HTML
// comment that is a block of its own (both renderers end it at the same line), and code spans.
// Anything else that can open a tag is refused, even where it would render as text (fails closed).
// BG219: Markdown the reader knowingly reads otherwise than cmark-gfm (blocks.ts: readBlocksAndDivergences), and
// link reference definitions, which GitHub consumes and the reader takes for text (a `[x]: url` line over `===`
// was a heading to the reader; found by review).
import { readBlocksAndDivergences } from '../ledger/blocks.js'
import type { Block } from '../ledger/blocks.js'
import { startsLikeAny } from '../ledger/lookalike.js'
import { plainText } from '../ledger/inline.js'
import { escaped, splitRow } from '../ledger/row.js'
import type { Span } from '../ledger/row.js'
import { positionAt } from '../document/source-file.js'
import type { SourceFile } from '../document/source-file.js'
import { finding } from './finding.js'
import type { Finding } from './finding.js'

const MAX_FINDINGS = 10
const BACKTICK = 0x60

/**
 * BG218 for each line where raw HTML starts, BG219 for each line GitHub renders otherwise and BG207 for each pin
 * line the reader does not read (the first ten of each, then a count), but no BG218 on a line where the matrix's
 * other rules (`found`) already say that a Baseline Pin line or a ledger cell holds markup (BG206, BG213).
 */
export function renderedOtherwise(
  source: SourceFile,
  path: string,
  found: readonly Finding[],
  pins: PinLines = { read: [], section: null, labels: [] }
): Finding[] {
  const covered = new Set(
    found.filter((f) => (f.rule === 'BG206' || f.rule === 'BG213') && f.line !== null).map((f) => f.line!)
  )
  const text = source.text
  const starts: number[] = []
  const references: number[] = []
  const unread: number[] = []
  const nestedTables: number[] = []
  const { blocks, divergent } = readBlocksAndDivergences(text, source.lineStarts)
  for (const block of blocks) {
    if (block.type === 'other' && (block.kind === 'code' || block.kind === 'comment')) continue
    if (block.type === 'other' && block.kind === 'html') {
      starts.push(text.indexOf('<', block.start))
      continue
    }
    // a table without a `<` has no tag to find, and outside the Baseline Pin section no pin line: one pass over its
    // text instead of a span per cell (a ledger of thousands of rows)
    const inPinSection =
      pins.section !== null && block.start < pins.section.end && block.end > pins.section.start
    if (block.type === 'table' && !inPinSection && indexIn(text, LT, block.start, block.end) === -1) continue
    for (const span of scanned(text, block)) {
      const at = firstTag(text, span.start, span.end)
      if (at !== -1) starts.push(at)
      const line = text.slice(span.start, span.end)
      if (block.type !== 'table' && REFERENCE.test(line)) references.push(span.start)
      // a fenced code block in a list item: the reader may take its lines for an open paragraph, and the line
      // after it for a lazy one where cmark-gfm starts a heading (found by review)
      else if (block.type === 'list' && LIST_FENCE.test(line)) divergent.push(span.start)
      // a table in a block quote or a list item: GitHub renders it, the reader reads top-level tables only (found
      // by review: a second ledger marking the release Rolled back passed)
      else if (
        (block.type === 'list' || (block.type === 'other' && block.kind === 'quote')) &&
        isNestedDelimiterRow(line)
      )
        nestedTables.push(span.start)
      if (unreadPinLine(line, span, pins, block.type === 'table')) unread.push(span.start)
    }
  }
  return [
    ...perLine(
      source,
      path,
      'BG218',
      starts,
      covered,
      (at) =>
        `raw HTML (\`${snippet(text, at)}\`): GitHub shows it, the gate reads only Markdown, so the two can differ; remove it, or write it in a code span`
    ),
    ...perLine(
      source,
      path,
      'BG207',
      unread,
      new Set(),
      () =>
        'a Baseline Pin line the gate does not read (nested in a list item, quoted, or outside the Baseline Pin list): GitHub shows it beside the one checked; remove it'
    ),
    ...perLine(
      source,
      path,
      'BG219',
      nestedTables,
      new Set(),
      () =>
        'a table inside a block quote or a list item: GitHub shows it, the gate reads only the tables at the top level of the matrix; move it out of the quote or the list, or write it as text'
    ),
    ...perLine(
      source,
      path,
      'BG219',
      FRONT_MATTER.test(text) ? [0] : [],
      new Set(),
      () =>
        "YAML front matter (a first line `---` and another `---` below it): GitHub shows it as a table above the matrix, the gate reads its lines as Markdown (a rule and a heading); remove it, or write what it says as the matrix's own text"
    ),
    ...perLine(source, path, 'BG219', [...divergent, ...references], new Set(), (at) =>
      references.includes(at)
        ? 'a link reference or footnote definition (`[label]: url`, `[^1]: note`), or a `[` whose label may go on over the next line: GitHub hides or moves it and reads the lines around it otherwise than the gate; write links inline and close the brackets on their line'
        : 'Markdown GitHub reads otherwise than the gate (an ordered list that does not start at 1 right after indented code, or a fenced code block in a block quote or a list item): rewrite it (start the list at 1 or after a paragraph, move the code out of the quote or the list)'
    )
  ]
}

/** The Baseline Pin lines the reader read (their list items' offsets, in order), their section, their labels. */
export interface PinLines {
  read: readonly { start: number; end: number }[]
  /** The Baseline Pin section's extent (null: none, and no line is taken for a pin line). */
  section: { start: number; end: number } | null
  labels: readonly string[]
}

/**
 * A line that reads as a Baseline Pin line (a bullet anywhere, or any line of the section: a paragraph, a heading,
 * a table's cell), which is not one of the lines read: it shows GitHub a second value beside the checked one (found
 * by review). Read as rendered, so that an escaped colon, a link, a character reference, a task box or a dash in
 * place of the colon hides nothing (found by review).
 */
function unreadPinLine(line: string, span: Span, pins: PinLines, inTable: boolean): boolean {
  if (!pins.section) return false
  const bullet = inTable ? null : BULLET.exec(line)
  const inSection = span.start >= pins.section.start && span.start < pins.section.end
  if (!bullet && !inSection) return false
  // a line read is no decoy: asked first, as it is the cheaper question
  if (readWithin(pins.read, span)) return false
  // the start of the line after its markers, as a reader sees it (a label is at most ~60 characters)
  const rest = (bullet ? line.slice(bullet[0].length) : line.replace(MARKERS, '')).slice(0, 240)
  return startsLikeAny(plainText(rest, 0, rest.length), pins.labels)
}

/** Whether a line read (by its item's start, in order) starts within `span`: a binary search, not a scan of all. */
function readWithin(read: readonly { start: number }[], span: Span): boolean {
  let lo = 0
  let hi = read.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (read[mid]!.start < span.start) lo = mid + 1
    else hi = mid
  }
  return lo < read.length && read[lo]!.start <= span.end
}

/** What GitHub renders as YAML front matter: `---` as the first line, closed by a later `---` or `...` line. */
const FRONT_MATTER = /^---[ \t]*\r?\n(?:.*\r?\n)*?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/

/**
 * Whether a line of a block quote or a list item is a table's delimiter row (`| --- | :-: |`): GitHub renders the
 * table there. The markers are skipped by a loop and the row tested after them, so no crafted run of `- ` and
 * dashes backtracks.
 */
function isNestedDelimiterRow(line: string): boolean {
  let i = 0
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++
    const marker = /^(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))/.exec(line.slice(i, i + 12))
    if (!marker) break
    i += marker[0].length
  }
  const rest = line.slice(i)
  return rest.includes('|') && DELIMITER_ROW.test(rest)
}
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

/** A bullet (after any quote markers and indentation), and a task box after it. */
const BULLET = /^[ \t]*(?:>[ \t]*)*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/
/** What starts a line that is no bullet: quote markers, a heading's hashes, a table's pipe. */
const MARKERS = /^[ \t]*(?:>[ \t]*)*(?:#{1,6}[ \t]+|\|[ \t]*)?/

/**
 * A line that starts (after quote and list markers) with a link reference or footnote definition's label, or with
 * a `[` whose label may go on over the next line (CommonMark allows it: found by review).
 */
const REFERENCE = /^[ \t]{0,3}(?:(?:>[ \t]?)|(?:[-*+]|\d{1,9}[.)])[ \t]+)*\[(?:[^\]\\\n]|\\.)*(?:\]:|$)/

/** A fence opened on a line of a list (after any list or quote markers and indentation). */
const LIST_FENCE = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+|>[ \t]*)*(?:`{3}|~{3})/

/** One finding a line, in order, the first ten and then a count. */
function perLine(
  source: SourceFile,
  path: string,
  rule: 'BG207' | 'BG218' | 'BG219',
  offsets: number[],
  covered: ReadonlySet<number>,
  message: (at: number) => string
): Finding[] {
  const out: Finding[] = []
  let more = 0
  let lastLine = 0
  // a line's `<` may be found by both readings of its code spans: once a line, in order
  for (const at of [...new Set(offsets)].sort((a, b) => a - b)) {
    const where = positionAt(source, at)
    if (covered.has(where.line) || where.line <= lastLine) continue
    lastLine = where.line
    if (out.length === MAX_FINDINGS) {
      more++
      continue
    }
    out.push(finding(rule, path, where, message(at)))
  }
  if (more > 0)
    out.push(finding(rule, path, null, `and ${more} more line${more === 1 ? '' : 's'} of the matrix like it`))
  return out
}

/**
 * The spans a block's inline content is scanned in: each cell of a table's rows; elsewhere each line, and each run
 * of lines without a blank one (within one list item). A code span may run over lines of a paragraph, so a
 * backtick on one line can close a span opened on the line before (found by review: `` `a\nb` <details> `c` ``
 * read as code one line at a time); a `<` is refused when either reading finds it outside code.
 */
function scanned(text: string, block: Block): Span[] {
  if (block.type === 'table') {
    const rows = [block.header, ...pairs(block.rows).map(([s, e]) => splitRow(text, s, e))]
    return rows.flatMap((row) => row.cells.map((c) => ({ start: c.contentStart, end: c.contentEnd })))
  }
  const lines = (from: number, to: number, each: (s: number, e: number) => void) => {
    for (let s = from; s <= to;) {
      const nl = text.indexOf('\n', s)
      const e = nl === -1 || nl > to ? to : nl
      each(s, e)
      s = e + 1
    }
  }
  const out: Span[] = []
  lines(block.start, block.end, (start, end) => out.push({ start, end }))
  for (const part of block.type === 'list' ? block.items : [block]) {
    let run: Span | null = null
    lines(part.start, part.end, (s, e) => {
      if (text.slice(s, e).trim() === '') run = null
      else if (run) run.end = e
      else out.push((run = { start: s, end: e }))
    })
  }
  return out
}

function pairs(flat: number[]): [number, number][] {
  const out: [number, number][] = []
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!])
  return out
}

/**
 * The offset of the first `<` in [a, b) that can open a tag outside a code span, or -1. A code span is a
 * backtick run closed by the next run of the same length in the span (one that does not close on its line is
 * not followed: the `<` inside is refused). Each run is paired once, so a line of crafted runs stays linear.
 */
export function firstTag(text: string, a: number, b: number): number {
  // most spans hold no `<`: no backtick runs to pair then
  if (indexIn(text, LT, a, b) === -1) return -1
  const runs: { at: number; len: number }[] = []
  for (let k = indexIn(text, BACKTICK, a, b); k !== -1; k = indexIn(text, BACKTICK, k, b)) {
    let n = k
    while (n < b && text.charCodeAt(n) === BACKTICK) n++
    runs.push({ at: k, len: n - k })
    k = n
  }
  const byLength = new Map<number, { runs: number[]; next: number }>()
  runs.forEach((r, i) => {
    const list = byLength.get(r.len) ?? { runs: [], next: 0 }
    list.runs.push(i)
    byLength.set(r.len, list)
  })
  /** The first run after run `i` of exactly `len` backticks, or -1. */
  const closer = (i: number, len: number) => {
    const list = byLength.get(len)
    if (!list) return -1
    while (list.next < list.runs.length && list.runs[list.next]! <= i) list.next++
    return list.next < list.runs.length ? list.runs[list.next]! : -1
  }
  let k = a
  let r = 0
  while (k < b) {
    if (r < runs.length && runs[r]!.at === k) {
      // an escaped first backtick is literal: the rest of the run may still open a span
      const skip = escaped(text, a, k) ? 1 : 0
      const len = runs[r]!.len - skip
      const j = len > 0 ? closer(r, len) : -1
      if (j === -1) {
        k = runs[r]!.at + runs[r]!.len
        r++
      } else {
        k = runs[j]!.at + runs[j]!.len
        r = j + 1
      }
      continue
    }
    const next = r < runs.length ? runs[r]!.at : b
    for (let lt = indexIn(text, LT, k, next); lt !== -1; lt = indexIn(text, LT, lt + 1, next)) {
      if (!escaped(text, a, lt) && opensTag(text, lt, b)) return lt
    }
    k = next
  }
  return -1
}

const LT = 0x3c

/**
 * The offset of the character `code` in [from, to), or -1. Not indexOf, which runs on to the end of the text: one
 * search per line of a long matrix then cost the rest of the file each (found by review: minutes for 400 KB).
 */
function indexIn(text: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return i
  return -1
}

/** Whether the `<` at `k` can open raw HTML: a letter (not an autolink), `/`, `!` or `?` after it. */
function opensTag(text: string, k: number, b: number): boolean {
  const c = text[k + 1] ?? ''
  if (c === '/' || c === '!' || c === '?') return true
  if (!/[A-Za-z]/.test(c)) return false
  // an autolink (<https://example.com>, <ops@example.com>) is a link, not HTML: it runs to its `>`
  let e = k + 1
  while (e < b && !/[\s<>]/.test(text[e]!)) e++
  if (text[e] !== '>') return true
  const inside = text.slice(k + 1, e)
  return !(
    /^[A-Za-z][A-Za-z0-9+.-]{1,31}:/.test(inside) ||
    /^[^@\s]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(inside)
  )
}

/** The tag as written, to its `>` or 40 characters, on one line. */
function snippet(text: string, at: number): string {
  const gt = text.indexOf('>', at)
  const end = Math.min(gt === -1 ? text.length : gt + 1, at + 40)
  const s = text.slice(at, end).split(/[\r\n]/)[0]!
  return s.replace(/`/g, "'")
}
