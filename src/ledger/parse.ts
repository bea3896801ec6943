// Parse the compatibility matrix: its top-level blocks (blocks.ts) and their inline text (inline.ts) give the title,
// the Updated marker, the Baseline Pin lines and the ledger table, each with its exact offsets, in time linear in
// the size of the text (the micromark parser it replaced took minutes on crafted input; docs/performance.md).
import { positionAt } from '../document/source-file.js'
import type { Position, SourceFile } from '../document/source-file.js'
import { readBlocks } from './blocks.js'
import type { Block, ListItemBlock } from './blocks.js'
import { splitRow } from './row.js'
import type { CellSpan, RowBlock, Span } from './row.js'
import { inlineText, plainText } from './inline.js'
import { endsLike, looksLike, looksLikeWhich } from './lookalike.js'
import {
  emptyLedger,
  LEDGER_HEADER_WORDS,
  LEDGER_SECTION_TITLE,
  PIN_LINES,
  PIN_SECTION_TITLE,
  pinLineLabel
} from './model.js'
import type {
  Ledger,
  LedgerCell,
  LedgerRow,
  LedgerTable,
  Located,
  PinLine,
  PinLineKey,
  Section
} from './model.js'

/** @param displayName the producer's name as the matrix writes it ("MemoryKernel"); matched case-insensitively */
export function parseLedger(file: SourceFile, displayName: string): Ledger {
  const blocks = readBlocks(file.text, file.lineStarts)
  const ledger = emptyLedger()
  const text = (lines: Span[]) => linesText(file.text, lines)

  for (const b of blocks) {
    if (b.type === 'heading' && b.depth === 1 && !ledger.title)
      ledger.title = { value: text(b.lines), position: positionAt(file, b.start), start: b.start }
    if (b.type === 'paragraph' && !ledger.updated) ledger.updated = updatedMarker(file, b)
  }

  const pin = section(file, blocks, PIN_SECTION_TITLE)
  if (pin) {
    const lines = pin.body
      .flatMap((b) => (b.type === 'list' ? b.items : []))
      .map((item) => pinLine(file, item, displayName))
      .filter((l): l is PinLine => l !== null)
    ledger.pinSection = { ...pin.section, lines }
    ledger.duplicateSections.push(...repeated(file, blocks, pin.index, PIN_SECTION_TITLE))
  }

  const pairs = section(file, blocks, LEDGER_SECTION_TITLE)
  if (pairs) {
    const tables = pairs.body.filter((b) => b.type === 'table')
    ledger.ledgerSection = {
      ...pairs.section,
      table: tables[0] ? table(file, tables[0]) : null,
      tables: tables.length,
      extraTables: tables.slice(1).map((t) => positionAt(file, t.start))
    }
    ledger.duplicateSections.push(...repeated(file, blocks, pairs.index, LEDGER_SECTION_TITLE))
  }
  ledger.duplicateSections.sort((a, b) => a.position.line - b.position.line)
  ledger.ledgerLikeTables = ledgerLikeTables(file, blocks, pairs)
  return ledger
}

/** Ledger.ledgerLikeTables: the top-level tables outside the ledger section headed as it is. */
function ledgerLikeTables(
  file: SourceFile,
  blocks: Block[],
  pairs: { section: Section } | null
): Located<string>[] {
  const out: Located<string>[] = []
  for (const b of blocks) {
    if (b.type !== 'table' || (pairs && b.start >= pairs.section.start && b.start < pairs.section.end))
      continue
    const header = cells(file, b.header).map((c) => c.text)
    if (ledgerHeaderLike(header)) out.push({ value: header.join(' | '), position: positionAt(file, b.start) })
  }
  return out
}

/** The Baseline Pin line a label reads as, exactly or by lookalike characters (lookalike.ts); null: none. */
export function pinLineLookalike(label: string, displayName: string): PinLineKey | null {
  const i = looksLikeWhich(
    label,
    PIN_LINES.map((l) => pinLineLabel(l.key, displayName))
  )
  return i === -1 ? null : PIN_LINES[i]!.key
}

/**
 * Whether a table's header reads as the ledger's: a column ending in "Status" and another ending in one of the
 * ledger's other words (the ledger's own header is matched by its ends too). A contract lineage table (`Service
 * contract | API contract | Notes`) has no status (found by review: it was taken for one).
 */
export function ledgerHeaderLike(header: string[]): boolean {
  const [status, ...others] = LEDGER_HEADER_WORDS
  return header.some((h) => endsLike(h, status)) && others.some((w) => header.some((h) => endsLike(h, w)))
}

/** The inline text of a block's lines, joined by line endings (as a paragraph reads). */
function linesText(source: string, lines: Span[]): string {
  if (lines.length === 0) return ''
  if (lines.length === 1) return plainText(source, lines[0]!.start, lines[0]!.end)
  // inline content runs across lines (a code span may): read from the first line's start to the last's end
  return plainText(source, lines[0]!.start, lines[lines.length - 1]!.end)
}

function updatedMarker(file: SourceFile, block: Block & { type: 'paragraph' }): Ledger['updated'] {
  const text = linesText(file.text, block.lines)
  const m = /^Updated:[ \t]*(.*)$/m.exec(text)
  if (!m || m.index !== 0) return null
  // offsets of the value in the source (the paragraph starts with "Updated:")
  const raw = file.text.slice(block.start, block.end)
  const at = raw.indexOf(':') + 1
  const lead = /^[ \t]*/.exec(raw.slice(at))![0].length
  const value = (m[1] ?? '').trim()
  const from = block.start + at + lead
  return { value, position: positionAt(file, block.start), start: from, end: from + value.length }
}

/** The blocks under the first level-2 heading titled `title`, up to the next heading of level 1 or 2. */
function section(
  file: SourceFile,
  blocks: Block[],
  title: string
): { section: Section; body: Block[]; index: number } | null {
  const wanted = normalize(title)
  const index = blocks.findIndex(
    (b) => b.type === 'heading' && b.depth === 2 && normalize(linesText(file.text, b.lines)) === wanted
  )
  if (index === -1) return null
  const heading = blocks[index]!
  let end = index + 1
  while (end < blocks.length && !isSectionEnd(blocks[end]!)) end++
  return {
    section: {
      title,
      position: positionAt(file, heading.start),
      start: heading.start,
      end: end < blocks.length ? blocks[end]!.start : file.text.length
    },
    body: blocks.slice(index + 1, end),
    index
  }
}

/**
 * The other headings (of any level, before or after) that read as `title`, the title of `blocks[index]`, the
 * section read (compared with the title itself, not the matrix's spelling of it: lookalike.ts keeps a skeleton of
 * each title it is asked about).
 */
function repeated(file: SourceFile, blocks: Block[], index: number, title: string): Located<string>[] {
  const out: Located<string>[] = []
  blocks.forEach((b, i) => {
    if (i === index || b.type !== 'heading') return
    const value = linesText(file.text, b.lines)
    if (looksLike(value, title)) out.push({ value, position: positionAt(file, b.start) })
  })
  return out
}

function isSectionEnd(b: Block): boolean {
  return b.type === 'heading' && b.depth <= 2
}

function pinLine(file: SourceFile, item: ListItemBlock, displayName: string): PinLine | null {
  const para = item.paragraph
  if (!para) return null
  const read = inlineText(file.text, para.start, para.end)
  const colon = read.text.indexOf(':')
  if (colon === -1) return null
  const label = read.text.slice(0, colon).trim()
  return {
    key: pinLineKey(label, displayName),
    label,
    value: read.code ? read.code.value : read.text.slice(colon + 1).trim(),
    position: positionAt(file, read.code ? read.code.start : para.start),
    start: item.start,
    end: item.end
  }
}

/** "MemoryKernel release tag" -> release_tag; "Expected API contract version" -> api. */
export function pinLineKey(label: string, displayName: string): PinLineKey | null {
  // the inverse of pinLineLabel, ignoring case and spacing
  const l = normalize(label)
  return PIN_LINES.find((line) => normalize(pinLineLabel(line.key, displayName)) === l)?.key ?? null
}

/**
 * A label of a named line (repo, release tag, commit SHA) under another producer name than `displayName`
 * ("MemoryKernel release tag" when display_name is memorykernel-2): the line it would be, and the name it writes.
 * Null for any other label.
 */
function namedForAnother(label: string, displayName: string): { key: PinLineKey; name: string } | null {
  // spaced once (a label may be long): normalize() is this, lower-cased
  const spaced = label.trim().replace(/\s+/g, ' ')
  const l = spaced.toLowerCase()
  for (const line of PIN_LINES) {
    const suffix = ` ${normalize(line.label)}`
    if (!line.named || !l.endsWith(suffix)) continue
    const name = spaced.slice(0, -suffix.length).trim()
    return name !== '' && name.toLowerCase() !== normalize(displayName) ? { key: line.key, name } : null
  }
  return null
}

/**
 * The producer name a Baseline Pin section's named lines are written under, when it is not `displayName`: the name
 * of its release tag line, and only when the section has none written under displayName (a "Previous MemoryKernel
 * release tag" or "Consumer repo" line beside the real ones names no producer: found by review). With it, the lines
 * written under that name and the line each stands for.
 */
export function foreignProducerName(
  lines: readonly PinLine[],
  displayName: string
): { name: string; lines: { line: PinLine; key: PinLineKey }[] } | null {
  if (lines.some((l) => l.key === 'release_tag')) return null
  // each name normalised once, its lines counted in one pass: a crafted section of long labels was quadratic
  // (found by review: 10 s a baseline)
  const byName = new Map<string, { line: PinLine; key: PinLineKey; name: string }[]>()
  for (const line of lines) {
    const other = line.key === null ? namedForAnother(line.label, displayName) : null
    if (!other) continue
    const key = normalize(other.name)
    const group = byName.get(key)
    if (group) group.push({ line, ...other })
    else byName.set(key, [{ line, ...other }])
  }
  // of the names a release tag line is written under, the one most named lines are: "Previous Billing release tag"
  // above the Billing lines names a line, not the producer (found by review)
  let best: { line: PinLine; key: PinLineKey; name: string }[] | null = null
  for (const group of byName.values())
    if (group.some((n) => n.key === 'release_tag') && (best === null || group.length > best.length))
      best = group
  if (!best) return null
  const tag = best.find((n) => n.key === 'release_tag')!
  return { name: tag.name, lines: best.map((n) => ({ line: n.line, key: n.key })) }
}

function table(file: SourceFile, block: Block & { type: 'table' }): LedgerTable {
  return {
    header: cells(file, block.header),
    rows: rowsOf(file, block.rows),
    position: positionAt(file, block.start),
    start: block.start,
    end: block.end
  }
}

function rowsOf(file: SourceFile, spans: number[]): LedgerRow[] {
  const rows: LedgerRow[] = []
  for (let k = 0; k < spans.length; k += 2) rows.push(new Row(file, spans[k]!, spans[k + 1]!))
  return rows
}

/**
 * A ledger row whose cells are split and read, and whose position is found, when first asked for: a long
 * ledger's rows are mostly never read (a gate asks for a few tags), and a model of every cell of 1 MiB of rows
 * is most of what reading it cost.
 */
class Row implements LedgerRow {
  private read: LedgerCell[] | null = null

  constructor(
    private readonly file: SourceFile,
    readonly start: number,
    readonly end: number
  ) {}

  get cells(): LedgerCell[] {
    return (this.read ??= cells(this.file, splitRow(this.file.text, this.start, this.end)))
  }

  get position(): Position {
    return positionAt(this.file, this.start)
  }
}

function cells(file: SourceFile, row: RowBlock): LedgerCell[] {
  return row.cells.map((c) => cell(file, c))
}

function cell(file: SourceFile, c: CellSpan): LedgerCell {
  const { contentStart: start, contentEnd: end } = c
  return {
    text: start === end ? '' : plainText(file.text, start, end, true).trim(),
    position: positionAt(file, start),
    start,
    end
  }
}

export function normalize(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase()
}
