// The compatibility matrix as data: the Updated marker, the Baseline Pin lines, the ledger table.
import type { Position } from '../document/source-file.js'

export const LEDGER_STATUSES = ['Approved', 'Superseded', 'Rolled back', 'Candidate'] as const
export type LedgerStatus = (typeof LEDGER_STATUSES)[number]

/** The lines of the `## Baseline Pin` section, by key; `label` is what follows the producer's display name. */
export const PIN_LINES = [
  { key: 'repo', label: 'repo', named: true },
  { key: 'release_tag', label: 'release tag', named: true },
  { key: 'commit_sha', label: 'commit SHA', named: true },
  { key: 'service', label: 'Expected service contract version', named: false },
  { key: 'api', label: 'Expected API contract version', named: false },
  { key: 'integration', label: 'Expected integration baseline', named: false },
  { key: 'manifest_sha256', label: 'Expected producer manifest SHA-256', named: false },
  { key: 'posture', label: 'Runtime cutover posture', named: false },
  { key: 'pin_path', label: 'Pin manifest (source of truth)', named: false },
  { key: 'mirror_path', label: 'Producer manifest mirror', named: false }
] as const
export type PinLineKey = (typeof PIN_LINES)[number]['key']

/** How the matrix labels a Baseline Pin line: "MemoryKernel release tag", "Runtime cutover posture". */
export function pinLineLabel(key: PinLineKey, displayName: string): string {
  const line = PIN_LINES.find((l) => l.key === key)!
  return line.named ? `${displayName} ${line.label}` : line.label
}

/** The canonical text of a Baseline Pin line: what repin and rollback write, and what messages suggest. */
export function pinLineText(key: PinLineKey, value: string, displayName: string): string {
  return `- ${pinLineLabel(key, displayName)}: \`${value}\``
}

/** The ledger table's columns, in order, each recognised by how its header ends. */
export const LEDGER_COLUMNS = [
  { key: 'consumer_version', header: 'version' },
  { key: 'consumer_commit', header: 'commit' },
  { key: 'producer_tag', header: 'tag' },
  { key: 'producer_commit', header: 'commit' },
  { key: 'service', header: 'Service contract' },
  { key: 'api', header: 'API contract' },
  { key: 'integration', header: 'Integration baseline' },
  { key: 'status', header: 'Status' }
] as const
export type LedgerColumnKey = (typeof LEDGER_COLUMNS)[number]['key']

export const PIN_SECTION_TITLE = 'Baseline Pin'
export const LEDGER_SECTION_TITLE = 'Approved Version Pairs'

export interface Located<T> {
  value: T
  position: Position
}

export interface PinLine {
  /** Null when the label is not one of PIN_LINES. */
  key: PinLineKey | null
  label: string
  /** The backticked value (or the text after the colon when there are no backticks). */
  value: string
  /** Where the value starts. */
  position: Position
  /** Start and end offsets of the whole list item in the text. */
  start: number
  end: number
}

export interface LedgerCell {
  text: string
  position: Position
  /** Offsets of the cell's content (between its pipes, trimmed) in the text. */
  start: number
  end: number
}

export interface LedgerRow {
  cells: LedgerCell[]
  position: Position
  start: number
  end: number
}

export interface LedgerTable {
  header: LedgerCell[]
  rows: LedgerRow[]
  position: Position
  start: number
  end: number
}

export interface Section {
  title: string
  position: Position
  /** Offsets of the heading line and of the end of the section (next heading of the same or higher rank, or EOF). */
  start: number
  end: number
}

export interface Ledger {
  /** The level-1 heading; `start` is the offset of its line. */
  title: (Located<string> & { start: number }) | null
  /** The `Updated: YYYY-MM-DD` marker; `value` is the text after "Updated:", start/end the offsets of the date. */
  updated: (Located<string> & { start: number; end: number }) | null
  pinSection: (Section & { lines: PinLine[] }) | null
  /** `tables` counts the tables in the section; `extraTables` are where those after the first start. */
  ledgerSection: (Section & { table: LedgerTable | null; tables: number; extraTables: Position[] }) | null
  /**
   * Other headings (of any level) with the title of a section read: a second Baseline Pin or Approved Version
   * Pairs section that tools would not read but a reviewer would (BG217).
   */
  duplicateSections: Located<string>[]
  /** Tables outside the ledger section headed as the ledger is (`value`: the header), which a reader may take for it. */
  ledgerLikeTables: Located<string>[]
}

/** A ledger before any section is found: what a reader fills in. */
export function emptyLedger(): Ledger {
  return {
    title: null,
    updated: null,
    pinSection: null,
    ledgerSection: null,
    duplicateSections: [],
    ledgerLikeTables: []
  }
}

/** The ledger's column headers a table outside it must not carry two of (they are the ledger's own words). */
export const LEDGER_HEADER_WORDS = ['Status', 'Service contract', 'API contract', 'Integration baseline']

/** The text of a row's cell (empty when the row is short). */
export function cellText(row: LedgerRow, key: LedgerColumnKey): string {
  return row.cells[LEDGER_COLUMNS.findIndex((c) => c.key === key)]?.text ?? ''
}

/**
 * A row's Status as one of LEDGER_STATUSES, read as a hand-kept ledger may have written it (`approved`,
 * `Rolled Back`); null when it is none of them. Which row is which is decided on this; BG210 reports the
 * spelling.
 */
export function statusOf(row: LedgerRow): LedgerStatus | null {
  const text = cellText(row, 'status').replace(/\s+/g, ' ').toLowerCase()
  return LEDGER_STATUSES.find((s) => s.toLowerCase() === text) ?? null
}

/** Where a row's cell is (the row's position when the row is short). */
export function cellPosition(row: LedgerRow, key: LedgerColumnKey): Position {
  return row.cells[LEDGER_COLUMNS.findIndex((c) => c.key === key)]?.position ?? row.position
}

/** The ledger's rows (none when the matrix has no ledger table). */
export function ledgerRows(ledger: Ledger | null): LedgerRow[] {
  return ledger?.ledgerSection?.table?.rows ?? []
}

/** The row of a producer tag (each tag has one row, BG214), if any. */
export function rowOfTag(ledger: Ledger | null, tag: string | null): LedgerRow | null {
  if (!tag) return null
  return ledgerRows(ledger).find((r) => cellText(r, 'producer_tag') === tag) ?? null
}
