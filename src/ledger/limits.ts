// The matrix's limits (BG111), checked in one linear pass before the matrix is read. They were measured when
// micromark read the matrix, which is quadratic in some constructs (1,000 one-item lists after 1 MiB of text took
// 30 s, a 32 KiB run of `=` lines 100 s, 64 KiB of `*a` 9 s). The ledger reader that replaced it is linear
// (blocks.ts), so the marker and underline counts are no longer what keeps a gate fast; they stay as limits a
// real ledger is far below, so that no limit moves under a user. The counts are loose (they look at lines, not
// at Markdown structure, so a marker inside a code span counts too).
import { count, LIMITS, lineOver } from '../document/limits.js'
import type { LimitProblem } from '../document/limits.js'
import { positionAt } from '../document/source-file.js'
import type { Position, SourceFile } from '../document/source-file.js'
import { escaped } from './row.js'

const CR = 0x0d
const PIPE = 0x7c
const BACKSLASH = 0x5c
/** A setext heading underline: only `=` or only `-`, up to 3 spaces of indentation. */
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/
/** A list item or block quote marker at the start of what remains of a line. */
const BLOCK_MARKER = /^[ \t]*(?:>|[-+*](?=[ \t]|$)|[0-9]{1,9}[.)](?=[ \t]|$))/

export function matrixLimit(file: SourceFile): LimitProblem | null {
  return lineLimits(file) ?? inlineMarkers(file)
}

function lineLimits(file: SourceFile): LimitProblem | null {
  const { text, lineStarts } = file
  // a final line break ends the last line; it does not start another
  const lines = text.endsWith('\n') ? lineStarts.length - 1 : lineStarts.length
  if (lines > LIMITS.matrixLines) {
    return {
      message: `it has ${count(lines)} lines; this tool reads at most ${count(LIMITS.matrixLines)}`,
      position: { line: LIMITS.matrixLines + 1, column: 1 }
    }
  }
  let rows = 0
  let cells = 0
  let markers = 0
  let underlines = 0
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i]!
    let end = i + 1 < lineStarts.length ? lineStarts[i + 1]! - 1 : text.length
    if (end > start && text.charCodeAt(end - 1) === CR) end--
    const line = text.slice(start, end)
    if (line.includes('|')) {
      if (++rows > LIMITS.tableRows) {
        return {
          message: `it has more than ${count(LIMITS.tableRows)} table rows (lines with a \`|\`)`,
          position: at(i, 1)
        }
      }
      const { pipes, long } = cellsOf(line)
      if (long) {
        return {
          message: `a table cell is ${count(long.length)} characters long; this tool reads cells of at most ${count(LIMITS.cellChars)}`,
          position: at(i, long.column)
        }
      }
      if ((cells += pipes) > LIMITS.tableCells) {
        return { message: `it has more than ${count(LIMITS.tableCells)} table cells`, position: at(i, 1) }
      }
    }
    const tooLong = lineOver(i + 1, line.length)
    if (tooLong) return tooLong
    // the usual line, a table row, is neither an underline nor a list item or a quote
    if (line.charCodeAt(0) === PIPE) continue
    if (UNDERLINE.test(line) && ++underlines > LIMITS.underlines) {
      return {
        message: `it has more than ${count(LIMITS.underlines)} lines of only \`=\` or \`-\` (setext heading underlines); write headings as \`## Title\`, and a rule as \`***\``,
        position: at(i, 1)
      }
    }
    for (let rest = line, column = 1; ;) {
      const m = BLOCK_MARKER.exec(rest)
      if (!m) break
      if (++markers > LIMITS.blockMarkers) {
        return {
          message: `it has more than ${count(LIMITS.blockMarkers)} list items and block quote markers`,
          position: at(i, column + m[0].length - 1)
        }
      }
      rest = rest.slice(m[0].length)
      column += m[0].length
    }
  }
  return null
}

/** Line `i` (0-based), column `column` (no closure made for each line: a ledger has thousands). */
function at(i: number, column: number): Position {
  return { line: i + 1, column }
}

/** The pipes of a line (`\\|` is none), and the first cell longer than LIMITS.cellChars. */
function cellsOf(line: string): { pipes: number; long: { length: number; column: number } | null } {
  let pipes = 0
  let from = 0
  // from pipe to pipe by native search: a character-by-character loop was most of what this pass cost
  for (let i = line.indexOf('|'); ; i = line.indexOf('|', i + 1)) {
    // (escaped() only after a backslash: a call per pipe was a third of this pass while it is interpreted)
    if (i !== -1 && line.charCodeAt(i - 1) === BACKSLASH && escaped(line, 0, i)) continue
    // the line's end closes its last cell, unless a backslash escapes it
    if (i === -1 && line.charCodeAt(line.length - 1) === BACKSLASH && escaped(line, 0, line.length))
      return { pipes, long: null }
    const at = i === -1 ? line.length : i
    if (at - from > LIMITS.cellChars) return { pipes, long: { length: at - from, column: from + 1 } }
    if (i === -1) return { pipes, long: null }
    pipes++
    from = i + 1
  }
}

/** More `*`, `_`, `[` and `\` than LIMITS.inlineMarkers, at the first one past the limit. */
function inlineMarkers(file: SourceFile): LimitProblem | null {
  const marker = /[*_[\\]/g
  for (let seen = 1; marker.exec(file.text); seen++) {
    if (seen > LIMITS.inlineMarkers) {
      return {
        message: `it has more than ${count(LIMITS.inlineMarkers)} emphasis, link and escape markers (\`*\`, \`_\`, \`[\`, \`\\\`)`,
        position: positionAt(file, marker.lastIndex - 1)
      }
    }
  }
  return null
}
