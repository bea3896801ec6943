// What one line of the matrix is, looked at from its first character: an ATX heading, a code fence, a thematic
// break, a setext underline, a list marker, the start of an HTML block, a table's delimiter row. Each looks at one
// line and returns; the block reader (blocks.ts) decides what the lines make together.
export interface Line {
  start: number
  /** End of the line's text, before its line ending. */
  end: number
  /** Offset of the first character that is not a space or a tab (`end` when blank). */
  first: number
  /** Width of the leading whitespace in columns (tabs to the next multiple of 4). */
  indent: number
  blank: boolean
}

export interface Marker {
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

const BLOCK_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li ' +
    'link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th ' +
    'thead title tr track ul'
  ).split(' ')
)

export function at(text: string, line: Line, k: number): string {
  return line.first + k < line.end ? text[line.first + k]! : ''
}

export function atx(text: string, line: Line): number {
  let n = 0
  while (n < 7 && at(text, line, n) === '#') n++
  if (n === 0 || n > 6) return 0
  const after = at(text, line, n)
  return after === '' || after === ' ' || after === '\t' ? n : 0
}

export function fence(text: string, line: Line): { char: string; length: number } | null {
  const c = at(text, line, 0)
  if (c !== '`' && c !== '~') return null
  let n = 0
  while (at(text, line, n) === c) n++
  if (n < 3) return null
  // a backtick fence's info string may not hold a backtick (it would be a code span)
  if (c === '`' && text.slice(line.first + n, line.end).includes('`')) return null
  return { char: c, length: n }
}

export function thematicBreak(text: string, line: Line): boolean {
  const c = at(text, line, 0)
  if (c !== '*' && c !== '-' && c !== '_') return false
  let count = 0
  for (let k = line.first; k < line.end; k++) {
    const ch = text[k]
    if (ch === c) count++
    else if (ch !== ' ' && ch !== '\t') return false
  }
  return count >= 3
}

export function setext(text: string, line: Line): number {
  if (line.blank || line.indent >= 4) return 0
  const c = at(text, line, 0)
  if (c !== '=' && c !== '-') return 0
  let k = line.first
  while (k < line.end && text[k] === c) k++
  while (k < line.end && (text[k] === ' ' || text[k] === '\t')) k++
  return k === line.end ? (c === '=' ? 1 : 2) : 0
}

export function marker(text: string, line: Line): Marker | null {
  if (line.indent >= 4) return null
  const c = at(text, line, 0)
  let width: number
  let ordered = false
  let char = c
  let number = 1
  if (c === '-' || c === '*' || c === '+') {
    width = 1
  } else {
    let n = 0
    while (n < 10 && /[0-9]/.test(at(text, line, n))) n++
    const d = at(text, line, n)
    if (n === 0 || n > 9 || (d !== '.' && d !== ')')) return null
    ordered = true
    char = d
    number = Number(text.slice(line.first, line.first + n))
    width = n + 1
  }
  const afterMarker = line.first + width
  if (afterMarker < line.end && text[afterMarker] !== ' ' && text[afterMarker] !== '\t') return null
  const markerColumn = line.indent + width
  let k = afterMarker
  let column = markerColumn
  while (k < line.end && (text[k] === ' ' || text[k] === '\t')) {
    column = text[k] === '\t' ? column + 4 - (column % 4) : column + 1
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
export function htmlEnd(text: string, line: Line, interrupting: boolean): string | null {
  if (line.indent >= 4 || at(text, line, 0) !== '<') return null
  const rest = text.slice(line.first, Math.min(line.end, line.first + 64)).toLowerCase()
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
    /^<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>\s*$/.test(text.slice(line.first, line.end).toLowerCase())
  )
    return 'blank'
  return null
}

/** The number of columns of a delimiter row (`| --- | :-: |`), or 0 when the line is not one. */
export function delimiterColumns(text: string, line: Line): number {
  let k = line.first
  let end = line.end
  while (end > k && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--
  const piped = text.slice(k, end).includes('|')
  if (text[k] === '|') k++
  if (end > k && text[end - 1] === '|') end--
  let columns = 0
  let dashes = 0
  let state: 'lead' | 'colon' | 'dash' | 'tail' = 'lead'
  for (; k <= end; k++) {
    const c = k < end ? text[k]! : '|'
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
  return piped || columns > 1 || text.slice(line.first, end + 1).includes(':') ? columns : 0
}

export function lineHas(text: string, line: Line, needle: string): boolean {
  return text.slice(line.start, line.end).toLowerCase().includes(needle)
}

/** Whether the line opens an ATX heading, a code fence, a block quote or a thematic break: each ends a paragraph
 * or a table wherever it stands. */
export function opensBlock(text: string, line: Line): boolean {
  return (
    atx(text, line) > 0 || fence(text, line) !== null || text[line.first] === '>' || thematicBreak(text, line)
  )
}
