// Fixed limits on what the suite parses (BG111). Past a limit an input is refused with its place, never parsed:
// the JSON parsers recurse (jsonc-parser, JSON.stringify), and the matrix's earlier parser went quadratic, so a
// crafted file could otherwise crash or stall a gate. Every scan here is one linear pass without recursion.
import { thousands } from '../text/plural.js'
import { positionAt } from './source-file.js'
import type { Position, SourceFile } from './source-file.js'

/**
 * Bytes of one file the suite reads, from disk or from git's history: anything larger is refused before it is
 * read whole (a multi-GB file, or one planted in an old commit, must not hang a gate or a rollback).
 */
export const MAX_FILE_BYTES = 4 * 1024 * 1024

export const LIMITS = {
  /** Nesting of arrays and objects in a JSON file; a trio file needs 4. */
  jsonDepth: 64,
  /** Characters of one line, in any file. */
  lineChars: 64 * 1024,
  /** Lines of the matrix: its ledger rows and some prose. */
  matrixLines: 20_000,
  /** Lines of the matrix that hold a table pipe: one per ledger row, so about one per baseline ever approved. */
  tableRows: 10_000,
  /** Table cells (pipes) in the matrix: 8 per ledger row. */
  tableCells: 100_000,
  /** Characters of one table cell. */
  cellChars: 4 * 1024,
  /** List item and block quote markers in the matrix (the Baseline Pin section has 10). */
  blockMarkers: 128,
  /** Lines of only `=` or `-` (setext heading underlines) in the matrix. */
  underlines: 16,
  /** Emphasis, link and escape markers (`*`, `_`, `[`, `\`) in the matrix. */
  inlineMarkers: 4096
} as const

/** 10000 -> "10,000": how the messages and the rule catalogue write a limit. */
export function count(n: number): string {
  return thousands(n)
}

export interface LimitProblem {
  message: string
  position: Position
}

/** The first line longer than LIMITS.lineChars, at the character past the limit. */
export function longLine(file: SourceFile): LimitProblem | null {
  const starts = file.lineStarts
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1]! - 1 : file.text.length
    const over = lineOver(i + 1, end - starts[i]!)
    if (over) return over
  }
  return null
}

/** Line `line` (1-based) of `length` characters, when it is over LIMITS.lineChars. */
export function lineOver(line: number, length: number): LimitProblem | null {
  if (length <= LIMITS.lineChars) return null
  return {
    message: `line ${line} is ${count(length)} characters long; this tool reads lines of at most ${count(LIMITS.lineChars)}`,
    position: { line, column: LIMITS.lineChars + 1 }
  }
}

/** The offset of the first `[` or `{` nested deeper than `max` outside strings; -1 when none is. */
export function tooDeepAt(text: string, max: number = LIMITS.jsonDepth): number {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--
  }
  return -1
}

/** A JSON file over a limit (a line too long, nesting too deep), located; null when it may be parsed. */
export function jsonLimit(file: SourceFile): LimitProblem | null {
  const deep = tooDeepAt(file.text)
  if (deep === -1) return longLine(file)
  return {
    message: `arrays and objects nest more than ${LIMITS.jsonDepth} levels deep here; this tool reads JSON up to ${LIMITS.jsonDepth} levels`,
    position: positionAt(file, deep)
  }
}
