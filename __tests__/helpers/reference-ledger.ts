// The ledger as the micromark-based parser read it before src/ledger/blocks.ts replaced it (CommonMark with the GFM
// table extension): the reference the reader is compared with in __tests__/ledger/reader.test.ts. Test code only;
// micromark is a development dependency.
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { toString } from 'mdast-util-to-string'
import { gfmTable } from 'micromark-extension-gfm-table'
import type { Heading, List, ListItem, Nodes, Paragraph, Root, RootContent, Table, TableCell } from 'mdast'
import { positionAt } from '../../src/document/source-file.js'
import { looksLike } from '../../src/ledger/lookalike.js'
import { ledgerHeaderLike } from '../../src/ledger/parse.js'
import type { SourceFile } from '../../src/document/source-file.js'
import {
  emptyLedger,
  LEDGER_SECTION_TITLE,
  PIN_LINES,
  PIN_SECTION_TITLE,
  pinLineLabel
} from '../../src/ledger/model.js'
import type {
  Ledger,
  LedgerCell,
  LedgerTable,
  Located,
  PinLine,
  PinLineKey,
  Section
} from '../../src/ledger/model.js'

function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] })
}

/** @param displayName the producer's name as the matrix writes it ("MemoryKernel"); matched case-insensitively */
export function referenceLedger(file: SourceFile, displayName: string): Ledger {
  const tree = parseMarkdown(file.text)
  const nodes = tree.children
  const ledger = emptyLedger()

  for (const node of nodes) {
    if (node.type === 'heading' && node.depth === 1 && !ledger.title) {
      ledger.title = { value: toString(node), position: pos(file, node), start: offset(node, 'start') }
    }
    if (node.type === 'paragraph' && !ledger.updated) {
      const updated = updatedMarker(file, node)
      if (updated) ledger.updated = updated
    }
  }

  const pin = section(file, nodes, PIN_SECTION_TITLE)
  if (pin) {
    const lines = pin.body
      .filter((n): n is List => n.type === 'list')
      .flatMap((list) => list.children.map((item) => pinLine(file, item, displayName)))
      .filter((l): l is PinLine => l !== null)
    ledger.pinSection = { ...pin.section, lines }
    ledger.duplicateSections.push(...repeated(file, nodes, pin.index, PIN_SECTION_TITLE))
  }

  const pairs = section(file, nodes, LEDGER_SECTION_TITLE)
  if (pairs) {
    const tables = pairs.body.filter((n): n is Table => n.type === 'table')
    ledger.ledgerSection = {
      ...pairs.section,
      table: tables[0] ? table(file, tables[0]) : null,
      tables: tables.length,
      extraTables: tables.slice(1).map((t) => pos(file, t))
    }
    ledger.duplicateSections.push(...repeated(file, nodes, pairs.index, LEDGER_SECTION_TITLE))
  }
  ledger.duplicateSections.sort((a, b) => a.position.line - b.position.line)
  // outside the ledger section: tables headed as the ledger
  for (const node of nodes) {
    const at = offset(node, 'start')
    if (node.type !== 'table' || (pairs && at >= pairs.section.start && at < pairs.section.end)) continue
    const header = table(file, node).header.map((c) => c.text)
    if (ledgerHeaderLike(header))
      ledger.ledgerLikeTables.push({ value: header.join(' | '), position: pos(file, node) })
  }
  return ledger
}

/** The other headings (of any level, before or after) with the title of `nodes[index]`, the section read. */
function repeated(file: SourceFile, nodes: RootContent[], index: number, title: string): Located<string>[] {
  return nodes
    .filter((n, i): n is Heading => i !== index && n.type === 'heading' && looksLike(toString(n), title))
    .map((n) => ({ value: toString(n), position: pos(file, n) }))
}

function updatedMarker(file: SourceFile, node: Paragraph): Ledger['updated'] {
  const text = toString(node)
  const m = /^Updated:[ \t]*(.*)$/m.exec(text)
  if (!m || m.index !== 0) return null
  // offsets of the value in the source (the paragraph starts with "Updated:")
  const from = offset(node, 'start')
  const raw = file.text.slice(from, offset(node, 'end'))
  const at = raw.indexOf(':') + 1
  const lead = /^[ \t]*/.exec(raw.slice(at))![0].length
  const value = (m[1] ?? '').trim()
  return { value, position: pos(file, node), start: from + at + lead, end: from + at + lead + value.length }
}

/** The nodes under the first level-2 heading titled `title`, up to the next heading of level 1 or 2. */
function section(
  file: SourceFile,
  nodes: RootContent[],
  title: string
): { section: Section; body: RootContent[]; index: number } | null {
  const index = nodes.findIndex(
    (n) => n.type === 'heading' && n.depth === 2 && normalize(toString(n)) === normalize(title)
  )
  if (index === -1) return null
  const heading = nodes[index] as Heading
  let end = index + 1
  while (end < nodes.length && !(nodes[end]!.type === 'heading' && (nodes[end] as Heading).depth <= 2)) end++
  const body = nodes.slice(index + 1, end)
  const endOffset = end < nodes.length ? offset(nodes[end]!, 'start') : file.text.length
  return {
    section: { title, position: pos(file, heading), start: offset(heading, 'start'), end: endOffset },
    body,
    index
  }
}

function pinLine(file: SourceFile, item: ListItem, displayName: string): PinLine | null {
  const para = item.children.find((c): c is Paragraph => c.type === 'paragraph')
  if (!para) return null
  const code = para.children.find((c) => c.type === 'inlineCode')
  const text = toString(para)
  const colon = text.indexOf(':')
  if (colon === -1) return null
  const label = text.slice(0, colon).trim()
  const value = code && code.type === 'inlineCode' ? code.value : text.slice(colon + 1).trim()
  const valueNode = code ?? para
  return {
    key: pinLineKey(label, displayName),
    label,
    value,
    position: positionAt(
      file,
      offset(valueNode, 'start') + (code ? openingRun(file.text, offset(valueNode, 'start')) : 0)
    ),
    start: offset(item, 'start'),
    end: offset(item, 'end')
  }
}

/** "MemoryKernel release tag" -> release_tag; "Expected API contract version" -> api. */
export function pinLineKey(label: string, displayName: string): PinLineKey | null {
  // the inverse of pinLineLabel, ignoring case and spacing
  const l = normalize(label)
  return PIN_LINES.find((line) => normalize(pinLineLabel(line.key, displayName)) === l)?.key ?? null
}

function table(file: SourceFile, node: Table): LedgerTable {
  const [head, ...rows] = node.children
  const cells = (r: Table['children'][number]) => r.children.map((c) => cell(file, c))
  return {
    header: head ? cells(head) : [],
    rows: rows.map((r) => ({
      cells: cells(r),
      position: pos(file, r),
      start: offset(r, 'start'),
      end: offset(r, 'end')
    })),
    position: pos(file, node),
    start: offset(node, 'start'),
    end: offset(node, 'end')
  }
}

function cell(file: SourceFile, node: TableCell): LedgerCell {
  const first = node.children[0]
  const last = node.children[node.children.length - 1]
  const start = first ? offset(first, 'start') : offset(node, 'start')
  const end = last ? offset(last, 'end') : start
  return { text: toString(node).trim(), position: positionAt(file, start), start, end }
}

export function normalize(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase()
}

function offset(node: Nodes, which: 'start' | 'end'): number {
  return node.position?.[which].offset ?? 0
}

function pos(file: SourceFile, node: Nodes) {
  return positionAt(file, offset(node, 'start'))
}

/**
 * The length of the backtick run opening a code span. The old parser added 1, which points into the opening
 * run of a ``double-backtick`` span; the reader points at the content, and so does this reference.
 */
function openingRun(text: string, at: number): number {
  let n = 0
  while (text[at + n] === '`') n++
  return n
}
