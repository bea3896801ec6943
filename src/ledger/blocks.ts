// The top-level blocks of the compatibility matrix, read line by line in one pass: ATX and setext headings,
// paragraphs, bullet and ordered lists, GFM pipe tables. Fenced and indented code, HTML blocks, block quotes
// and thematic breaks are recognised only so that nothing inside them is taken for a heading, a list or a
// table. Each line is classified a bounded number of times and nothing is re-scanned, so the reader is linear
// in the size of the text, whatever it holds (micromark took minutes on a 200 KB cell of `*a`).
// Offsets are those of the text (UTF-16 code units), as SourceFile positions expect.
import { lineStartsOf } from '../document/source-file.js'

export interface Span {
  start: number
  end: number
}

export interface CellSpan {
  /** Where the cell begins: its opening pipe, or the row's first character when it has none. */
  start: number
  /** Its content between the pipes, spaces and tabs trimmed (an empty cell: both at `start`). */
  contentStart: number
  contentEnd: number
}

export interface RowBlock extends Span {
  cells: CellSpan[]
}

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
  | (Span & { type: 'other' })

interface Line {
  start: number
  /** End of the line's text, before its line ending. */
  end: number
  /** Offset of the first character that is not a space or a tab (`end` when blank). */
  first: number
  /** Width of the leading whitespace in columns (tabs to the next multiple of 4). */
  indent: number
  blank: boolean
}

interface Marker {
  ordered: boolean
  /** The bullet character, or the ordered list's delimiter (`.` or `)`). */
  char: string
  /** The number an ordered item starts with. */
  number: number
  /** Column where the item's content starts. */
  contentColumn: number
  /** Offset of the item's first content character (the line's end when the item starts empty). */
  contentStart: number
  empty: boolean
}

/** @param lineStarts the text's line starts (SourceFile.lineStarts), when they are known already */
export function readBlocks(text: string, lineStarts: Int32Array = lineStartsOf(text)): Block[] {
  return new Reader(text, lineStarts).read()
}

class Reader {
  private readonly count: number
  private i = 0
  private readonly blocks: Block[] = []

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
      const m = this.marker(line)
      if (line.indent >= 4) {
        this.indentedCode()
        afterCode = true
      } else if (wasCode && m?.ordered && m.number !== 1) this.paragraph()
      else if (this.fence(line)) this.fencedCode(line)
      else if (this.htmlEnd(line, false) !== null) this.html(line)
      else if (this.atx(line)) this.heading(line)
      else if (this.text[line.first] === '>') this.blockquote()
      else if (this.thematicBreak(line)) this.other(this.i, this.i)
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

  // --- line classification (each looks at one line, from its first character) ---

  private at(line: Line, k: number): string {
    return line.first + k < line.end ? this.text[line.first + k]! : ''
  }

  private atx(line: Line): number {
    let n = 0
    while (n < 7 && this.at(line, n) === '#') n++
    if (n === 0 || n > 6) return 0
    const after = this.at(line, n)
    return after === '' || after === ' ' || after === '\t' ? n : 0
  }

  private fence(line: Line): { char: string; length: number } | null {
    const c = this.at(line, 0)
    if (c !== '`' && c !== '~') return null
    let n = 0
    while (this.at(line, n) === c) n++
    if (n < 3) return null
    // a backtick fence's info string may not hold a backtick (it would be a code span)
    if (c === '`' && this.text.slice(line.first + n, line.end).includes('`')) return null
    return { char: c, length: n }
  }

  private thematicBreak(line: Line): boolean {
    const c = this.at(line, 0)
    if (c !== '*' && c !== '-' && c !== '_') return false
    let count = 0
    for (let k = line.first; k < line.end; k++) {
      const ch = this.text[k]
      if (ch === c) count++
      else if (ch !== ' ' && ch !== '\t') return false
    }
    return count >= 3
  }

  private setext(line: Line): number {
    if (line.blank || line.indent >= 4) return 0
    const c = this.at(line, 0)
    if (c !== '=' && c !== '-') return 0
    let k = line.first
    while (k < line.end && this.text[k] === c) k++
    while (k < line.end && (this.text[k] === ' ' || this.text[k] === '\t')) k++
    return k === line.end ? (c === '=' ? 1 : 2) : 0
  }

  private marker(line: Line): Marker | null {
    if (line.indent >= 4) return null
    const c = this.at(line, 0)
    let width: number
    let ordered = false
    let char = c
    let number = 1
    if (c === '-' || c === '*' || c === '+') {
      width = 1
    } else {
      let n = 0
      while (n < 10 && /[0-9]/.test(this.at(line, n))) n++
      const d = this.at(line, n)
      if (n === 0 || n > 9 || (d !== '.' && d !== ')')) return null
      ordered = true
      char = d
      number = Number(this.text.slice(line.first, line.first + n))
      width = n + 1
    }
    const afterMarker = line.first + width
    if (afterMarker < line.end && this.text[afterMarker] !== ' ' && this.text[afterMarker] !== '\t')
      return null
    const markerColumn = line.indent + width
    let k = afterMarker
    let column = markerColumn
    while (k < line.end && (this.text[k] === ' ' || this.text[k] === '\t')) {
      column = this.text[k] === '\t' ? column + 4 - (column % 4) : column + 1
      k++
    }
    const empty = k === line.end
    const spaces = column - markerColumn
    // more than four spaces after the marker: the content is indented code, one space belongs to the marker
    const contentColumn = empty || spaces > 4 ? markerColumn + 1 : column
    const contentStart = empty ? line.end : spaces > 4 ? afterMarker + 1 : k
    return { ordered, char, number, contentColumn, contentStart, empty }
  }

  /** Where an HTML block that starts on this line ends: a closing text, 'blank', or null (no HTML block). */
  private htmlEnd(line: Line, interrupting: boolean): string | null {
    if (line.indent >= 4 || this.at(line, 0) !== '<') return null
    const rest = this.text.slice(line.first, Math.min(line.end, line.first + 64)).toLowerCase()
    const raw = /^<(script|pre|style|textarea)(?=[\s>]|$)/.exec(rest)
    if (raw) return `</${raw[1]}>`
    if (rest.startsWith('<!--')) return '-->'
    if (rest.startsWith('<?')) return '?>'
    if (rest.startsWith('<![cdata[')) return ']]>'
    if (/^<![a-z]/.test(rest)) return '>'
    const tag = /^<\/?([a-z][a-z0-9-]*)(?=[\s/>]|$)/.exec(rest)
    if (tag && BLOCK_TAGS.has(tag[1]!)) return 'blank'
    // any other complete tag alone on its line starts an HTML block, but cannot interrupt a paragraph
    if (
      !interrupting &&
      /^<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>\s*$/.test(this.text.slice(line.first, line.end).toLowerCase())
    )
      return 'blank'
    return null
  }

  /**
   * Whether `line` ends a paragraph by starting a block. A table cannot start on a lazy line of a list item's
   * paragraph (`tables` false): the header line continues the paragraph.
   */
  private interrupts(index: number, tables = true): boolean {
    const line = this.line(index)
    if (line.blank) return true
    if (line.indent >= 4) return false
    if (this.atx(line) || this.fence(line) || this.text[line.first] === '>' || this.thematicBreak(line))
      return true
    if (this.htmlEnd(line, true) !== null) return true
    const m = this.marker(line)
    if (m && !m.empty && (!m.ordered || m.number === 1)) return true
    return tables && this.tableStart(index)
  }

  // --- GFM tables ---

  private tableStart(index: number): boolean {
    const head = this.line(index)
    const delim = index + 1 < this.count ? this.line(index + 1) : undefined
    if (!delim || head.blank || head.indent >= 4 || delim.blank || delim.indent >= 4) return false
    const columns = this.delimiterColumns(delim)
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

  /** The number of columns of a delimiter row (`| --- | :-: |`), or 0 when the line is not one. */
  private delimiterColumns(line: Line): number {
    let k = line.first
    let end = line.end
    while (end > k && (this.text[end - 1] === ' ' || this.text[end - 1] === '\t')) end--
    const piped = this.text.slice(k, end).includes('|')
    if (this.text[k] === '|') k++
    if (end > k && this.text[end - 1] === '|') end--
    let columns = 0
    let dashes = 0
    let state: 'lead' | 'colon' | 'dash' | 'tail' = 'lead'
    for (; k <= end; k++) {
      const c = k < end ? this.text[k]! : '|'
      if (c === '|') {
        if (dashes === 0) return 0
        columns++
        dashes = 0
        state = 'lead'
      } else if (c === ' ' || c === '\t') {
        if (state === 'colon') return 0
        if (state === 'dash') state = 'tail'
      } else if (c === ':') {
        if (state === 'lead') state = 'colon'
        else if (state === 'dash') state = 'tail'
        else return 0
      } else if (c === '-') {
        if (state === 'tail') return 0
        state = 'dash'
        dashes++
      } else {
        return 0
      }
    }
    // without a pipe, a row of plain dashes is a setext underline or a thematic break; with a colon it is a table's
    return piped || columns > 1 || this.text.slice(line.first, end + 1).includes(':') ? columns : 0
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
    if (this.atx(line) || this.fence(line) || this.text[line.first] === '>' || this.thematicBreak(line))
      return true
    if (this.htmlEnd(line, false) !== null) return true
    return this.marker(line) !== null
  }

  // --- blocks ---

  private other(from: number, to: number): void {
    this.blocks.push({ type: 'other', start: this.line(from).first, end: this.line(to).end })
    this.i = to + 1
  }

  private indentedCode(): void {
    let last = this.i
    let k = this.i + 1
    while (k < this.count && (this.line(k).blank || this.line(k).indent >= 4)) {
      if (!this.line(k).blank) last = k
      k++
    }
    this.other(this.i, last)
  }

  private fencedCode(line: Line): void {
    const open = this.fence(line)!
    let k = this.i + 1
    for (; k < this.count; k++) {
      const l = this.line(k)
      if (l.indent >= 4 || this.at(l, 0) !== open.char) continue
      let n = 0
      while (this.at(l, n) === open.char) n++
      if (n >= open.length && this.text.slice(l.first + n, l.end).trim() === '') break
    }
    this.other(this.i, Math.min(k, this.count - 1))
  }

  private html(line: Line): void {
    const end = this.htmlEnd(line, false)!
    let k = this.i
    if (end === 'blank') {
      while (k + 1 < this.count && !this.line(k + 1).blank) k++
    } else {
      while (k < this.count && !this.lineHas(this.line(k), end)) k++
      k = Math.min(k, this.count - 1)
    }
    this.other(this.i, k)
  }

  private lineHas(line: Line, needle: string): boolean {
    return this.text.slice(line.start, line.end).toLowerCase().includes(needle)
  }

  private heading(line: Line): void {
    const depth = this.atx(line)
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
    let open = this.opensParagraph(this.line(this.i))
    // quoted lines, and lazy continuation lines of a quoted paragraph
    while (k < this.count) {
      const l = this.line(k)
      if (l.blank) break
      if (l.indent < 4 && this.text[l.first] === '>') open = this.opensParagraph(l)
      else if (!open || this.interrupts(k, false) || this.marker(l) !== null) break
      k++
    }
    this.other(this.i, k - 1)
  }

  private paragraph(): void {
    const first = this.i
    let k = this.i + 1
    while (k < this.count) {
      const l = this.line(k)
      if (l.blank) break
      const level = this.setext(l)
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
    const firstMarker = this.marker(this.line(this.i))!
    const items: ListItemBlock[] = []
    for (;;) {
      const line = this.line(this.i)
      const m = this.marker(line)!
      const item = this.listItem(line, m)
      items.push(item.block)
      // the next item of the same list: the same bullet (or delimiter), possibly after blank lines
      let k = item.next
      while (k < this.count && this.line(k).blank) k++
      const nextLine = k < this.count ? this.line(k) : undefined
      const next = nextLine ? this.marker(nextLine) : null
      this.i = item.next
      if (
        !next ||
        next.ordered !== firstMarker.ordered ||
        next.char !== firstMarker.char ||
        this.thematicBreak(nextLine!)
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
      if (!sawBlank && open && !this.interrupts(k, false) && this.marker(l) === null) {
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
      const m = this.marker(sub)
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
      this.atx(sub) > 0 ||
      this.fence(sub) !== null ||
      this.thematicBreak(sub) ||
      this.htmlEnd(sub, false) !== null
    )
  }

  /**
   * Whether the content at `offset` of `line` starts a block other than a paragraph (`afterParagraph`: one
   * that can interrupt a paragraph; an empty item or an ordered one not starting at 1 cannot).
   */
  private startsBlockAt(line: Line, offset: number, afterParagraph = false): boolean {
    const sub: Line = { ...line, first: offset, indent: 0 }
    const m = this.marker(sub)
    return (
      this.atx(sub) > 0 ||
      this.fence(sub) !== null ||
      this.text[offset] === '>' ||
      this.thematicBreak(sub) ||
      (m !== null && (!afterParagraph || (!m.empty && (!m.ordered || m.number === 1))))
    )
  }
}

const BLOCK_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li ' +
    'link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th ' +
    'thead title tr track ul'
  ).split(' ')
)

/** A table row's cells, from its first character to its end; a pipe after an odd run of backslashes does not split. */
export function splitRow(text: string, first: number, lineEnd: number): RowBlock {
  let end = lineEnd
  while (end > first && isBlank(text.charCodeAt(end - 1))) end--
  // the text up to the row's end (a slice, not a copy): a search for the next pipe stops there, where one in
  // the whole text could run to the next pipe of the document for every row
  const upTo = text.slice(0, end)
  const cells: CellSpan[] = []
  let cellStart = first
  let from = text.charCodeAt(first) === PIPE ? first + 1 : first
  for (let k = upTo.indexOf('|', from); k !== -1; k = upTo.indexOf('|', k + 1)) {
    if (escaped(text, first, k)) continue
    cells.push(cellOf(text, cellStart, from, k))
    cellStart = k
    from = k + 1
  }
  // text after the last pipe is one more cell; a trailing pipe closes the row
  if (from < end || cells.length === 0) cells.push(cellOf(text, cellStart, from, end))
  return { start: first, end: lineEnd, cells }
}

/** Whether the character at `k` follows an odd run of backslashes at or after `first` (each escapes the next). */
export function escaped(text: string, first: number, k: number): boolean {
  let b = k
  while (b > first && text.charCodeAt(b - 1) === BACKSLASH) b--
  return (k - b) % 2 === 1
}

/** A cell from its start and the text between its pipes, spaces and tabs trimmed (one object per cell). */
function cellOf(text: string, start: number, from: number, to: number): CellSpan {
  while (from < to && isBlank(text.charCodeAt(from))) from++
  while (to > from && isBlank(text.charCodeAt(to - 1))) to--
  return from < to
    ? { start, contentStart: from, contentEnd: to }
    : { start, contentStart: start, contentEnd: start }
}

const PIPE = 0x7c
const BACKSLASH = 0x5c
const SPACE = 0x20
const TAB = 0x09

/** A space or a tab: the only whitespace Markdown trims inside a line. */
function isBlank(code: number): boolean {
  return code === SPACE || code === TAB
}
