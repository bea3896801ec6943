// Edits of the compatibility matrix that splice the parsed positions in place: every byte outside the
// edited cells, lines and rows stays as it was (the document's prose, its line endings, its other rows).
import { LEDGER_COLUMNS, PIN_LINES, pinLineText } from './model.js'
import type { Ledger, LedgerRow, LedgerStatus, PinLineKey } from './model.js'

interface Splice {
  start: number
  end: number
  text: string
}

/** Apply non-overlapping splices (any order) to a text. */
export function applySplices(text: string, splices: Splice[]): string {
  let out = text
  for (const s of [...splices].sort((a, b) => b.start - a.start))
    out = out.slice(0, s.start) + s.text + out.slice(s.end)
  return out
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n'
}

/**
 * The `## Baseline Pin` list rewritten with these values, in the canonical order; a line that exists keeps its
 * label as written ("MemoryKernel release tag"), a missing one gets the canonical label; lines the tool does not
 * know are kept after them. Returns null when the matrix has no such section (nothing to splice into).
 */
export function pinSectionSplice(
  text: string,
  ledger: Ledger,
  values: Record<PinLineKey, string>,
  displayName: string
): Splice | null {
  const section = ledger.pinSection
  if (!section || section.lines.length === 0) return null
  const start = Math.min(...section.lines.map((l) => l.start))
  const end = Math.max(...section.lines.map((l) => l.end))
  const nl = eol(text)
  const known = PIN_LINES.map((l) => {
    const label = section.lines.find((line) => line.key === l.key)?.label
    return label ? `- ${label}: \`${values[l.key]}\`` : pinLineText(l.key, values[l.key], displayName)
  })
  const unknown = section.lines.filter((l) => l.key === null).map((l) => text.slice(l.start, l.end).trimEnd())
  return { start, end, text: [...known, ...unknown].join(nl) }
}

/**
 * The date of the `Updated:` line (the whole value when it is only a date, else its leading date); a matrix
 * without one gets it after its title (or at the top). Every edit of the ledger dates it.
 */
export function updatedSplice(text: string, ledger: Ledger, date: string): Splice {
  const u = ledger.updated
  if (u) {
    const m = /^\d{4}-\d{2}-\d{2}/.exec(u.value)
    return { start: u.start, end: m ? u.start + m[0].length : u.end, text: date }
  }
  const nl = eol(text)
  const title = ledger.title
  if (!title) return { start: 0, end: 0, text: `Updated: ${date}${nl}${nl}` }
  const lineEnd = text.indexOf('\n', title.start)
  const at = lineEnd === -1 ? text.length : lineEnd + 1
  return { start: at, end: at, text: `${lineEnd === -1 ? nl : ''}${nl}Updated: ${date}${nl}` }
}

/** The Status cell of a row set to `status`. */
export function statusSplice(row: LedgerRow, status: LedgerStatus): Splice {
  const cell = row.cells[LEDGER_COLUMNS.findIndex((c) => c.key === 'status')]!
  return { start: cell.start, end: cell.end, text: status }
}

/**
 * A row removed from the start of its line (its indentation with it), with the line ending before it: a row
 * appended at the table's end stays clear of the removal.
 */
export function removeRowSplice(text: string, row: LedgerRow): Splice {
  const line = text.lastIndexOf('\n', row.start - 1) + 1
  const start = line >= 2 && text[line - 2] === '\r' ? line - 2 : Math.max(0, line - 1)
  return { start, end: row.end, text: '' }
}

/** A new row for the baseline these Baseline Pin values name, after the table's last row. */
export function appendRowSplice(
  text: string,
  ledger: Ledger,
  values: Record<PinLineKey, string>,
  consumer: { version: string; commit: string },
  status: LedgerStatus = 'Approved'
): Splice | null {
  const table = ledger.ledgerSection?.table
  if (!table) return null
  const cells: Record<(typeof LEDGER_COLUMNS)[number]['key'], string> = {
    consumer_version: consumer.version,
    consumer_commit: consumer.commit,
    producer_tag: values.release_tag,
    producer_commit: values.commit_sha,
    service: values.service,
    api: values.api,
    integration: values.integration,
    status
  }
  const row = `| ${LEDGER_COLUMNS.map((c) => cells[c.key].replace(/\|/g, '\\|')).join(' | ')} |`
  return { start: table.end, end: table.end, text: `${eol(text)}${row}` }
}

/** The pin fields the Baseline Pin lines state (the trio's Pin has them; the trio is a layer above the ledger). */
type PinFields = Partial<
  Record<
    | 'memorykernel_repo'
    | 'release_tag'
    | 'commit_sha'
    | 'expected_service_contract_version'
    | 'expected_api_contract_version'
    | 'expected_integration_baseline'
    | 'expected_producer_manifest_sha256'
    | 'runtime_cutover_posture',
    unknown
  >
>

/** The Baseline Pin section's values for a pin (what repin and rollback write into the matrix). */
export function pinLineValues(
  pin: PinFields,
  trio: { pin: string; manifest: string }
): Record<PinLineKey, string> {
  return {
    repo: String(pin.memorykernel_repo),
    release_tag: String(pin.release_tag),
    commit_sha: String(pin.commit_sha),
    service: String(pin.expected_service_contract_version),
    api: String(pin.expected_api_contract_version),
    integration: String(pin.expected_integration_baseline),
    manifest_sha256: String(pin.expected_producer_manifest_sha256),
    posture: String(pin.runtime_cutover_posture),
    pin_path: trio.pin,
    mirror_path: trio.manifest
  }
}
