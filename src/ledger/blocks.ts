// The top-level blocks of the compatibility matrix, read line by line in one pass: ATX and setext headings,
// paragraphs, bullet and ordered lists, GFM pipe tables. Fenced and indented code, HTML blocks, block quotes
// and thematic breaks are recognised only so that nothing inside them is taken for a heading, a list or a
// table. Each line is classified a bounded number of times and nothing is re-scanned, so the reader is linear
// in the size of the text, whatever it holds (micromark took minutes on a 200 KB cell of `*a`).
// Offsets are those of the text (UTF-16 code units), as SourceFile positions expect.
import { lineStartsOf } from '../document/source-file.js'
import {
  at,
  atx,
  opensBlock,
  delimiterColumns,
  fence,
  htmlEnd,
  lineHas,
  marker,
  setext,
  thematicBreak
} from './line-kinds.js'
import type { Line, Marker } from './line-kinds.js'
import { isBlank, PIPE, splitRow, TAB } from './row.js'
import type { RowBlock, Span } from './row.js'

export interface ParagraphBlock extends Span {
  /** Each line's content, leading indentation removed. */
  lines: Span[]
}

export interface ListItemBlock extends Span {
  /** The item's first paragraph, if it starts with one. */
  paragraph: ParagraphBlock | null
}

export type Block =
  | (Span & { type: 'heading'; depth: number; lines: Span[] })
  | (ParagraphBlock & { type: 'paragraph' })
  | (Span & { type: 'list'; items: ListItemBlock[] })
  // the body rows' cells are split when asked for (splitRow): a long ledger's rows are mostly never read.
  // `rows` holds each row's first character and end, in pairs: no object per row of a long ledger
  | (Span & { type: 'table'; header: RowBlock; rows: number[] })
  | (Span & { type: 'other'; kind: OtherKind })

/**
 * What an `other` block is: code (fenced or indented), an HTML comment that ends its last line (`comment`), any
 * other HTML block, a block quote, a thematic break.
 */
export type OtherKind = 'code' | 'comment' | 'html' | 'quote' | 'break'

/** A fence opened inside a block quote (at any depth). */
const QUOTED_FENCE = /^(?:>[ \t]*)+(?:`{3}|~{3})/

/** Whether text[from, to) holds only spaces and tabs (Markdown's whitespace within a line). */
function spacesOnly(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isBlank(text.charCodeAt(k))) return false
  return true
}

/** @param lineStarts the text's line starts (SourceFile.lineStarts), when they are known already */
export function readBlocks(text: string, lineStarts: Int32Array = lineStartsOf(text)): Block[] {
  return readBlocksAndDivergences(text, lineStarts).blocks
}

/**
 * A document's blocks, read once: the ledger's reader and the raw-HTML rule both read the matrix's (a second pass
 * was a fifth of what judging a crafted matrix cost). Keyed by the source's own line starts, checked against its
 * text; the blocks are read-only to every caller.
 */
const read = new WeakMap<Int32Array, { text: string; blocks: Block[]; divergent: readonly number[] }>()

/**
 * The blocks, and where the reader knowingly reads the text otherwise than GitHub's renderer (cmark-gfm) does:
 * an ordered list that does not start at 1 right after indented code (micromark, the reference this reader
 * follows, keeps it a paragraph; cmark-gfm starts a list), and a fenced code block inside a block quote (the
 * reader may take the next unquoted line for a lazy one, where cmark-gfm ends the quote). Found by review: each
 * hid a Baseline Pin GitHub showed from the gate. The rules refuse them (BG219).
 */
export function readBlocksAndDivergences(
  text: string,
  lineStarts: Int32Array = lineStartsOf(text)
): { blocks: Block[]; divergent: number[] } {
  let known = read.get(lineStarts)
  if (known?.text !== text) {
    const reader = new Reader(text, lineStarts)
    known = { text, blocks: reader.read(), divergent: reader.divergent }
    read.set(lineStarts, known)
  }
  // the caller's own list: the raw-HTML rule adds to it
  return { blocks: known.blocks, divergent: [...known.divergent] }
}

class Reader {
  private readonly count: number
  private i = 0
  private readonly blocks: Block[] = []
  /** Offsets of lines the reader reads otherwise than cmark-gfm (readBlocksAndDivergences). */
  readonly divergent: number[] = []

  constructor(
    private readonly text: string,
    private readonly starts: Int32Array
  ) {
    this.count = starts.length
  }

  read(): Block[] {
    // micromark (the reference) lets no ordered list that does not start at 1 follow indented code
    let afterCode = false
    while (this.i < this.count) {
      const line = this.line(this.i)
      if (line.blank) {
        this.i++
        continue
      }
      const wasCode = afterCode
      afterCode = false
      const m = marker(this.text, line)
      if (line.indent >= 4) {
        this.indentedCode()
        afterCode = true
      } else if (wasCode && m?.ordered && m.number !== 1) {
        this.divergent.push(line.first)
        this.paragraph()
      } else if (fence(this.text, line)) this.fencedCode(line)
      else if (htmlEnd(this.text, line, false) !== null) this.html(line)
      else if (atx(this.text, line)) this.heading(line)
      else if (this.text[line.first] === '>') this.blockquote()
      else if (thematicBreak(this.text, line)) this.other(this.i, this.i, 'break')
      else if (m) this.list()
      else if (this.tableStart(this.i)) this.table()
      else this.paragraph()
    }
    return this.blocks
  }

  /**
   * Line `k`, made when asked for rather than held for the whole read: a long ledger's rows are looked at once
   * or twice, and objects that die young cost the garbage collector less than thousands kept alive.
   */
  private line(k: number): Line {
    const start = this.starts[k]!
    const end = this.lineEnd(k)
    let first = start
    let indent = 0
    for (let c = this.text.charCodeAt(first); first < end && isBlank(c); c = this.text.charCodeAt(++first))
      indent = c === TAB ? indent + 4 - (indent % 4) : indent + 1
    return { start, end, first, indent, blank: first === end }
  }

  /** Where line `k`'s text ends, before its line ending. */
  private lineEnd(k: number): number {
    const start = this.starts[k]!
    const nl = k + 1 < this.count ? this.starts[k + 1]! - 1 : this.text.length
    return nl > start && this.text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl
  }

  // --- what ends a paragraph (the lines themselves are classified in line-kinds.ts) ---

  /**
   * Whether `line` ends a paragraph by starting a block. A table cannot start on a lazy line of a list item's
   * paragraph (`tables` false): the header line continues the paragraph.
   */
  private interrupts(index: number, tables = true): boolean {
    const line = this.line(index)
    if (line.blank) return true
    if (line.indent >= 4) return false
    if (opensBlock(this.text, line)) return true
    if (htmlEnd(this.text, line, true) !== null) return true
    const m = marker(this.text, line)
    if (m && !m.empty && (!m.ordered || m.number === 1)) return true
    return tables && this.tableStart(index)
  }

  // --- GFM tables ---

  private tableStart(index: number): boolean {
    const head = this.line(index)
    const delim = index + 1 < this.count ? this.line(index + 1) : undefined
    if (!delim || head.blank || head.indent >= 4 || delim.blank || delim.indent >= 4) return false
    const columns = delimiterColumns(this.text, delim)
    if (columns === 0) return false
    // a lone pipe is no header row
    const row = splitRow(this.text, head.first, head.end)
    if (
      row.cells.length === 1 &&
      row.cells[0]!.contentStart === row.cells[0]!.contentEnd &&
      this.text.slice(head.first, head.end).trim() === '|'
    )
      return false
    return columns === row.cells.length
  }

  private table(): void {
    const head = this.line(this.i)
    const header = splitRow(this.text, head.first, head.end)
    const rows: number[] = []
    let k = this.i + 2
    for (; k < this.count; k++) {
      const start = this.starts[k]!
      // the usual row starts with its pipe: not indented, and it starts no other block (no Line made for it)
      if (this.text.charCodeAt(start) === PIPE) {
        rows.push(start, this.lineEnd(k))
        continue
      }
      const line = this.line(k)
      if (this.interruptsTable(line)) break
      rows.push(line.first, line.end)
    }
    const last = rows.length > 0 ? rows[rows.length - 1]! : this.line(this.i + 1).end
    this.blocks.push({ type: 'table', start: header.start, end: last, header, rows })
    this.i = k
  }

  private interruptsTable(line: Line): boolean {
    if (line.blank || line.indent >= 4) return true
    // the usual row: a line that starts with a pipe starts no other block (and a ledger has thousands)
    if (this.text.charCodeAt(line.first) === PIPE) return false
    if (opensBlock(this.text, line)) return true
    if (htmlEnd(this.text, line, false) !== null) return true
    return marker(this.text, line) !== null
  }

  // --- blocks ---

  private other(from: number, to: number, kind: OtherKind): void {
    this.blocks.push({ type: 'other', kind, start: this.line(from).first, end: this.line(to).end })
    this.i = to + 1
  }

  private indentedCode(): void {
    let last = this.i
    let k = this.i + 1
    while (k < this.count && (this.line(k).blank || this.line(k).indent >= 4)) {
      if (!this.line(k).blank) last = k
      k++
    }
    this.other(this.i, last, 'code')
  }

  private fencedCode(line: Line): void {
    const open = fence(this.text, line)!
    let k = this.i + 1
    for (; k < this.count; k++) {
      const l = this.line(k)
      if (l.indent >= 4 || at(this.text, l, 0) !== open.char) continue
      let n = 0
      while (at(this.text, l, n) === open.char) n++
      // only spaces and tabs may follow a closing fence: String.trim() also takes a no-break space, which
      // cmark-gfm does not, and the fence stayed open on GitHub where the reader had closed it (found by review)
      if (n >= open.length && spacesOnly(this.text, l.first + n, l.end)) break
    }
    this.other(this.i, Math.min(k, this.count - 1), 'code')
  }

  private html(line: Line): void {
    const end = htmlEnd(this.text, line, false)!
    let k = this.i
    if (end === 'blank') {
      while (k + 1 < this.count && !this.line(k + 1).blank) k++
    } else {
      while (k < this.count && !lineHas(this.text, this.line(k), end)) k++
      k = Math.min(k, this.count - 1)
    }
    this.other(this.i, k, end === '-->' && this.commentOnly(line, k) ? 'comment' : 'html')
  }

  /**
   * Whether the comment block that starts on `line` and ends on line `last` is a comment and nothing else: its
   * first `-->` (`<!-->` closes at once) ends the last line, and no `--!>` comes before it, where a browser's HTML
   * parser ends the comment and shows the rest (found by review). Text after the end is raw HTML all the same.
   */
  private commentOnly(line: Line, last: number): boolean {
    const close = this.text.indexOf('-->', line.first + 2)
    const end = this.line(last).end
    if (close === -1 || close + 3 > end || !spacesOnly(this.text, close + 3, end)) return false
    // searched up to the close only: a search on to the end of the text cost every comment the rest of the file
    // (found by review: minutes for 1 MB of comment lines). A `--!>` before the close cannot overlap it
    return !this.text.slice(line.first + 2, close).includes('--!>')
  }

  private heading(line: Line): void {
    const depth = atx(this.text, line)
    let from = line.first + depth
    let to = line.end
    while (from < to && (this.text[from] === ' ' || this.text[from] === '\t')) from++
    while (to > from && (this.text[to - 1] === ' ' || this.text[to - 1] === '\t')) to--
    // an optional closing run of '#', after a space (or the whole content)
    let hashes = to
    while (hashes > from && this.text[hashes - 1] === '#') hashes--
    if (hashes < to && (hashes === from || this.text[hashes - 1] === ' ' || this.text[hashes - 1] === '\t')) {
      to = hashes
      while (to > from && (this.text[to - 1] === ' ' || this.text[to - 1] === '\t')) to--
    }
    this.blocks.push({
      type: 'heading',
      depth,
      start: line.first,
      end: line.end,
      lines: [{ start: from, end: to }]
    })
    this.i++
  }

  private blockquote(): void {
    let k = this.i + 1
    const first = this.line(this.i)
    let open = this.opensParagraph(first)
    if (QUOTED_FENCE.test(this.text.slice(first.first, first.end))) this.divergent.push(first.first)
    // quoted lines, and lazy continuation lines of a quoted paragraph
    while (k < this.count) {
      const l = this.line(k)
      if (l.blank) break
      if (l.indent < 4 && this.text[l.first] === '>') {
        open = this.opensParagraph(l)
        if (QUOTED_FENCE.test(this.text.slice(l.first, l.end))) this.divergent.push(l.first)
      } else if (!open || this.interrupts(k, false) || marker(this.text, l) !== null) break
      k++
    }
    this.other(this.i, k - 1, 'quote')
  }

  private paragraph(): void {
    const first = this.i
    let k = this.i + 1
    while (k < this.count) {
      const l = this.line(k)
      if (l.blank) break
      const level = setext(this.text, l)
      if (level > 0 && !this.tableStart(k)) {
        const lines = this.paragraphLines(first, k - 1)
        this.blocks.push({ type: 'heading', depth: level, start: lines[0]!.start, end: l.end, lines })
        this.i = k + 1
        return
      }
      if (this.interrupts(k)) break
      k++
    }
    const lines = this.paragraphLines(first, k - 1)
    this.blocks.push({ type: 'paragraph', start: lines[0]!.start, end: lines[lines.length - 1]!.end, lines })
    this.i = k
  }

  /** Each line's content from its first character to its end, trailing whitespace of the last one dropped. */
  private paragraphLines(from: number, to: number): Span[] {
    const out: Span[] = []
    for (let k = from; k <= to; k++) out.push({ start: this.line(k).first, end: this.line(k).end })
    const last = out[out.length - 1]!
    while (last.end > last.start && (this.text[last.end - 1] === ' ' || this.text[last.end - 1] === '\t'))
      last.end--
    return out
  }

  private list(): void {
    const firstMarker = marker(this.text, this.line(this.i))!
    const items: ListItemBlock[] = []
    for (;;) {
      const line = this.line(this.i)
      const m = marker(this.text, line)!
      const item = this.listItem(line, m)
      items.push(item.block)
      // the next item of the same list: the same bullet (or delimiter), possibly after blank lines
      let k = item.next
      while (k < this.count && this.line(k).blank) k++
      const nextLine = k < this.count ? this.line(k) : undefined
      const next = nextLine ? marker(this.text, nextLine) : null
      this.i = item.next
      if (
        !next ||
        next.ordered !== firstMarker.ordered ||
        next.char !== firstMarker.char ||
        thematicBreak(this.text, nextLine!)
      )
        break
      this.i = k
    }
    this.blocks.push({ type: 'list', start: items[0]!.start, end: items[items.length - 1]!.end, items })
  }

  private listItem(line: Line, m: Marker): { block: ListItemBlock; next: number } {
    const W = m.contentColumn
    let last = this.i
    let k = this.i + 1
    // the first paragraph: the first line's content and the lines that continue it
    const para: Span[] = []
    let inParagraph = !m.empty && !this.startsBlockAt(line, m.contentStart)
    if (inParagraph) para.push({ start: m.contentStart, end: line.end })
    let sawBlank = false
    // a paragraph is open somewhere in the item (its own, or a nested item's): lazy lines may continue it
    let open = inParagraph || (!m.empty && this.opensParagraph({ ...line, first: m.contentStart }))
    while (k < this.count) {
      const l = this.line(k)
      if (l.blank) {
        sawBlank = true
        inParagraph = false
        k++
        continue
      }
      if (l.indent >= W) {
        if (inParagraph && this.startsBlockAt(l, l.first, true)) inParagraph = false
        if (inParagraph) para.push({ start: l.first, end: l.end })
        else if (para.length === 0 && m.empty && last === this.i && !this.startsBlockAt(l, l.first)) {
          // an item whose marker line is empty starts on the next line
          para.push({ start: l.first, end: l.end })
          inParagraph = true
        }
        open = this.opensParagraph(l)
        sawBlank = false
        last = k++
        continue
      }
      // less indented: a lazy continuation of the paragraph open in the item (at any depth), or its end
      if (!sawBlank && open && !this.interrupts(k, false) && marker(this.text, l) === null) {
        if (inParagraph) para.push({ start: l.first, end: l.end })
        last = k++
        continue
      }
      break
    }
    let paragraph: ParagraphBlock | null = null
    if (para.length > 0) {
      const lastLine = para[para.length - 1]!
      while (lastLine.end > lastLine.start && /[ \t]/.test(this.text[lastLine.end - 1]!)) lastLine.end--
      paragraph = { start: para[0]!.start, end: lastLine.end, lines: para }
    }
    return { block: { start: line.first, end: this.line(last).end, paragraph }, next: last + 1 }
  }

  /** Whether the line's content, past any list or quote markers, is paragraph text. */
  private opensParagraph(line: Line): boolean {
    let sub: Line = { ...line, indent: 0 }
    for (let depth = 0; depth < 100; depth++) {
      const m = marker(this.text, sub)
      if (m) {
        if (m.empty) return false
        sub = { ...sub, first: m.contentStart }
      } else if (this.text[sub.first] === '>') {
        let k = sub.first + 1
        while (k < sub.end && (this.text[k] === ' ' || this.text[k] === '\t')) k++
        if (k === sub.end) return false
        sub = { ...sub, first: k }
      } else {
        break
      }
    }
    return !(
      atx(this.text, sub) > 0 ||
      fence(this.text, sub) !== null ||
      thematicBreak(this.text, sub) ||
      htmlEnd(this.text, sub, false) !== null
    )
  }

  /**
   * Whether the content at `offset` of `line` starts a block other than a paragraph (`afterParagraph`: one
   * that can interrupt a paragraph; an empty item or an ordered one not starting at 1 cannot).
   */
  private startsBlockAt(line: Line, offset: number, afterParagraph = false): boolean {
    const sub: Line = { ...line, first: offset, indent: 0 }
    const m = marker(this.text, sub)
    return (
      atx(this.text, sub) > 0 ||
      fence(this.text, sub) !== null ||
      this.text[offset] === '>' ||
      thematicBreak(this.text, sub) ||
      (m !== null && (!afterParagraph || (!m.empty && (!m.ordered || m.number === 1))))
    )
  }
}
