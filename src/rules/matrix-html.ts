// BG218: raw HTML in the compatibility matrix. GitHub renders it (sanitised), and Markdown renderers disagree on
// where HTML ends (cmark-gfm lets a lone tag line end a list item's lazy paragraph, CommonMark 0.31 does not), so
// a reviewer can see another Baseline Pin or ledger than the tool reads (found by review: an HTML list, heading
// and table rendered under `## Baseline Pin`, the real lines hidden in a comment GitHub opened and the reader
// never saw). The matrix is Markdown only. Left alone: code (fenced or indented, at the top level), an HTML
// comment that is a block of its own (both renderers end it at the same line), and code spans on one line.
// Anything else that can open a tag is refused, even where it would render as text (fails closed).
import { readBlocks } from '../ledger/blocks.js'
import { escaped, splitRow } from '../ledger/row.js'
import type { Span } from '../ledger/row.js'
import { positionAt } from '../document/source-file.js'
import type { SourceFile } from '../document/source-file.js'
import { finding } from './finding.js'
import type { Finding } from './finding.js'

const MAX_FINDINGS = 10
const BACKTICK = 0x60

/**
 * One finding for each line where raw HTML starts (the first ten, then a count), but none on `covered` lines:
 * a Baseline Pin line or a ledger cell with markup has its own finding there (BG206, BG213).
 */
export function rawHtml(source: SourceFile, path: string, covered: ReadonlySet<number>): Finding[] {
  const text = source.text
  const starts: number[] = []
  for (const block of readBlocks(text, source.lineStarts)) {
    if (block.type === 'other' && (block.kind === 'code' || block.kind === 'comment')) continue
    if (block.type === 'other' && block.kind === 'html') {
      starts.push(text.indexOf('<', block.start))
      continue
    }
    for (const span of scanned(text, block)) {
      const at = firstTag(text, span.start, span.end)
      if (at !== -1) starts.push(at)
    }
  }
  const out: Finding[] = []
  let more = 0
  let lastLine = 0
  for (const at of starts) {
    const where = positionAt(source, at)
    if (covered.has(where.line) || where.line === lastLine) continue
    lastLine = where.line
    if (out.length === MAX_FINDINGS) {
      more++
      continue
    }
    out.push(
      finding(
        'BG218',
        path,
        where,
        `raw HTML (\`${snippet(text, at)}\`): GitHub shows it, the gate reads only Markdown, so the two can differ; remove it, or write it in a code span`
      )
    )
  }
  if (more > 0)
    out.push(
      finding('BG218', path, null, `and raw HTML on ${more} more line${more === 1 ? '' : 's'} of the matrix`)
    )
  return out
}

/** The spans a block's inline content is scanned in: each line, and each cell of a table's rows. */
function scanned(text: string, block: ReturnType<typeof readBlocks>[number]): Span[] {
  if (block.type === 'table') {
    const rows = [block.header, ...pairs(block.rows).map(([s, e]) => splitRow(text, s, e))]
    return rows.flatMap((row) => row.cells.map((c) => ({ start: c.contentStart, end: c.contentEnd })))
  }
  const out: Span[] = []
  for (let s = block.start; s <= block.end;) {
    const nl = text.indexOf('\n', s)
    const e = nl === -1 || nl > block.end ? block.end : nl
    out.push({ start: s, end: e })
    s = e + 1
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
  const runs: { at: number; len: number }[] = []
  for (let k = text.indexOf('`', a); k !== -1 && k < b; k = text.indexOf('`', k)) {
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
    for (let lt = text.indexOf('<', k); lt !== -1 && lt < next; lt = text.indexOf('<', lt + 1)) {
      if (!escaped(text, a, lt) && opensTag(text, lt, b)) return lt
    }
    k = next
  }
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
