// A GFM table row split into its cells, each with the offsets its findings point at: one pass over the row's
// pipes, a pipe after an odd run of backslashes escaped.
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

export const PIPE = 0x7c
const BACKSLASH = 0x5c
const SPACE = 0x20
export const TAB = 0x09

/** A space or a tab: the only whitespace Markdown trims inside a line. */
export function isBlank(code: number): boolean {
  return code === SPACE || code === TAB
}
