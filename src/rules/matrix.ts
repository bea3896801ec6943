// 2xx: the compatibility matrix agrees with the pin: Updated marker, the Baseline Pin section (matrix-pin-section.ts),
// the ledger table.
import { schemaFiles, validateLedgerRow } from '../generated/validators.js'
import {
  cellPosition,
  cellText,
  LEDGER_COLUMNS,
  LEDGER_SECTION_TITLE,
  LEDGER_STATUSES,
  PIN_LINES,
  PIN_SECTION_TITLE,
  pinLineLabel,
  statusOf
} from '../ledger/model.js'
import type { Ledger, LedgerColumnKey, LedgerRow, LedgerTable } from '../ledger/model.js'
import { normalize } from '../ledger/parse.js'
import { looksLike } from '../ledger/lookalike.js'
import { schemaMessage } from '../document/schema-errors.js'
import { positionAt } from '../document/source-file.js'
import type { SourceFile } from '../document/source-file.js'
import type { BaselinePolicy } from '../policy/types.js'
import type { Pin, Trio } from '../trio/model.js'
import { finding } from './finding.js'
import type { Finding } from './finding.js'
import { renderedOtherwise } from './matrix-html.js'
import {
  missingSection,
  NOT_PLAIN,
  pinSection,
  RENDERED,
  RENDERED_MARKUP,
  START
} from './matrix-pin-section.js'
import { plural } from '../text/plural.js'

export interface MatrixRuleContext {
  baseline: BaselinePolicy
  /** The run's clock, for the Updated marker. */
  now: Date
}

export function matrixRules(trio: Trio, ctx: MatrixRuleContext): Finding[] {
  const ledger = trio.matrix.ledger
  if (!ledger) return []
  const path = trio.matrix.path
  const pin = trio.pin.data ?? {}
  const source = trio.matrix.source
  const found = [
    ...updatedMarker(path, ledger, ctx.now),
    ...pinSection(path, ledger, pin, ctx.baseline, source?.text ?? ''),
    ...ledgerTable(path, ledger, pin, source?.text ?? ''),
    ...duplicateSections(path, ledger),
    ...(source ? machinePaths(source, path, ledger) : [])
  ]
  if (!source) return found
  // without a Baseline Pin section no pin line is read: BG204 says so, once
  const section = ledger.pinSection
  return [
    ...found,
    ...renderedOtherwise(source, path, found, {
      read: section?.lines ?? [],
      section: section ? { start: section.start, end: section.end } : null,
      labels: PIN_LINES.map((l) => pinLineLabel(l.key, ctx.baseline.display_name))
    })
  ]
}

/** A developer's home directory in a path: /Users/NAME/, /home/NAME/, C:\Users\NAME\. */
const MACHINE_PATH = /(?:\/Users\/|\/home\/|[A-Za-z]:\\Users\\)[A-Za-z0-9._-]+(?:[\\/][^\s`'"<>|)\]]*)?/g
const MAX_MACHINE_PATHS = 10

/** BG216 outside the Baseline Pin path lines (those are BG206's). */
function machinePaths(source: SourceFile, path: string, ledger: Ledger): Finding[] {
  const pathLines = (ledger.pinSection?.lines ?? []).filter(
    (l) => l.key === 'pin_path' || l.key === 'mirror_path'
  )
  const out: Finding[] = []
  let more = 0
  for (const m of source.text.matchAll(MACHINE_PATH)) {
    const at = m.index
    if (pathLines.some((l) => at >= l.start && at < l.end)) continue
    if (out.length === MAX_MACHINE_PATHS) {
      more++
      continue
    }
    out.push(
      finding(
        'BG216',
        path,
        positionAt(source, at),
        `\`${m[0]}\` is a path on one developer's machine; write it relative to the repository (or name the repository) instead`
      )
    )
  }
  if (more > 0) {
    out.push(
      finding(
        'BG216',
        path,
        null,
        `and ${more} more machine-specific path${more === 1 ? '' : 's'} in the matrix`
      )
    )
  }
  return out
}

function updatedMarker(path: string, ledger: Ledger, now: Date): Finding[] {
  const u = ledger.updated
  if (!u) {
    const at = ledger.title?.position ?? START
    return [
      finding('BG203', path, at, 'the matrix has no `Updated: YYYY-MM-DD` line; add one under the title')
    ]
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})\b/.exec(u.value)
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null
  if (!m || !date || date.toISOString().slice(0, 10) !== m[0]) {
    return [
      finding(
        'BG203',
        path,
        u.position,
        `"Updated: ${u.value}" is not a calendar date; write Updated: YYYY-MM-DD`
      )
    ]
  }
  const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)
  if (date.getTime() > tomorrow) {
    return [
      finding('BG203', path, u.position, `Updated date ${m[0]} is in the future; use the date of the change`)
    ]
  }
  return []
}

/** BG217: a second section of the same title, or a second table in the ledger section. */
function duplicateSections(path: string, ledger: Ledger): Finding[] {
  const out = ledger.duplicateSections.map((d) => {
    // which section it imitates, as the reader took it (a lookalike too: found by review, it named the other one)
    const read = looksLike(d.value, PIN_SECTION_TITLE) ? ledger.pinSection : ledger.ledgerSection
    const title = read === ledger.pinSection ? PIN_SECTION_TITLE : LEDGER_SECTION_TITLE
    const lookalike =
      normalize(d.value) === normalize(title) ? '' : ` (it is not spelled "${title}": ${NOT_PLAIN})`
    return finding(
      'BG217',
      path,
      d.position,
      `another "${d.value.trim()}" heading${lookalike}: the section at line ${read?.position.line} is the one checked, and a reader may take this one for it; remove it or merge it into that section`
    )
  })
  // only beside the ledger they imitate: without it, BG204 says what is missing
  for (const t of ledger.ledgerSection ? ledger.ledgerLikeTables : []) {
    out.push(
      finding(
        'BG217',
        path,
        t.position,
        `a table headed as the ledger is (${t.value}) outside \`## ${LEDGER_SECTION_TITLE}\`${ledger.ledgerSection?.table ? `: the table at line ${ledger.ledgerSection.table.position.line} is the ledger that is checked` : ''}, and a reader may take this one for it; remove it, or head its columns otherwise`
      )
    )
  }
  out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  const section = ledger.ledgerSection
  for (const at of section?.extraTables ?? []) {
    out.push(
      finding(
        'BG217',
        path,
        at,
        `a second table under \`## ${LEDGER_SECTION_TITLE}\`: the table at line ${section?.table?.position.line} is the ledger that is checked, and a reader may take this one for it; keep one ledger table`
      )
    )
  }
  return out
}

function ledgerTable(path: string, ledger: Ledger, pin: Partial<Pin>, text: string): Finding[] {
  const section = ledger.ledgerSection
  if (!section) return [missingSection(path, ledger, LEDGER_SECTION_TITLE)]
  const table = section.table
  if (!table) {
    return [
      finding(
        'BG209',
        path,
        section.position,
        `no table under \`## ${LEDGER_SECTION_TITLE}\`; a GFM table needs a header row and a delimiter row (| --- | --- |)`
      )
    ]
  }
  const out: Finding[] = []
  const headerProblems = header(path, table)
  if (headerProblems.length > 0) return [...out, ...headerProblems]

  const wellFormed: LedgerRow[] = []
  for (const row of table.rows) {
    if (row.cells.length !== LEDGER_COLUMNS.length) {
      out.push(
        finding(
          'BG209',
          path,
          row.position,
          `this row has ${row.cells.length} cells; the ledger has ${LEDGER_COLUMNS.length} columns`
        )
      )
    } else wellFormed.push(row)
  }
  for (const row of wellFormed) out.push(...rowFormat(path, row, pin, text))

  const approved = wellFormed.filter((r) => statusOf(r) === 'Approved')
  if (approved.length === 0) {
    out.push(
      finding(
        'BG211',
        path,
        table.position,
        'no row has Status `Approved`; the row of the pinned baseline must be Approved'
      ),
      ...noApprovedRow(path, table, wellFormed, pin)
    )
  } else if (approved.length > 1) {
    for (const extra of approved.slice(1)) {
      out.push(
        finding(
          'BG211',
          path,
          extra.position,
          `${approved.length} rows are Approved; only the pinned baseline's row may be (mark older ones Superseded)`
        )
      )
    }
    // the pinned baseline's row among them is still compared cell by cell
    const pinned = approved.find((r) => cellText(r, 'producer_tag') === pin.release_tag)
    out.push(...(pinned ? approvedRow(path, pinned, pin) : noApprovedRow(path, table, wellFormed, pin)))
  } else {
    out.push(...approvedRow(path, approved[0]!, pin))
  }
  out.push(...duplicateTags(path, wellFormed))
  return out
}

function header(path: string, table: LedgerTable): Finding[] {
  if (table.header.length !== LEDGER_COLUMNS.length) {
    return [
      finding(
        'BG209',
        path,
        table.position,
        `the ledger table has ${table.header.length} columns; it needs ${LEDGER_COLUMNS.length}: ` +
          'consumer version | consumer commit | producer tag | producer commit | Service contract | API contract | Integration baseline | Status'
      )
    ]
  }
  const out: Finding[] = []
  LEDGER_COLUMNS.forEach((col, i) => {
    const cell = table.header[i]!
    if (!normalize(cell.text).endsWith(normalize(col.header))) {
      out.push(
        finding(
          'BG209',
          path,
          cell.position,
          `column ${i + 1} is "${cell.text}"; it must be the "... ${col.header}" column`
        )
      )
    }
  })
  return out
}

type ColumnKey = LedgerColumnKey

/** Every cell's format, through the shared schema formats (config/schemas/defs.schema.json). */
function rowFormat(path: string, row: LedgerRow, pin: Partial<Pin>, text: string): Finding[] {
  const marked = new Set<ColumnKey>()
  const out: Finding[] = []
  LEDGER_COLUMNS.forEach((c, i) => {
    const cell = row.cells[i]
    if (!cell || !RENDERED_MARKUP.test(text.slice(cell.start, cell.end))) return
    marked.add(c.key)
    out.push(
      finding(
        'BG213',
        path,
        cellPosition(row, c.key),
        `the ${columnName(c.key)} cell (read as "${cellText(row, c.key)}") ${RENDERED}: write the value as text`
      )
    )
  })
  const record = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c.key, cellText(row, c.key)]))
  if (validateLedgerRow(record)) return out
  for (const e of validateLedgerRow.errors ?? []) {
    const key = e.instancePath.slice(1) as ColumnKey
    // the markup is the cell's finding: what the reader made of it is no value to judge the form of
    if (marked.has(key)) continue
    const message = schemaMessage(e, schemaFiles.validateLedgerRow) ?? e.message
    const text = cellText(row, key)
    if (key === 'status') {
      const near = LEDGER_STATUSES.find((s) => s.toLowerCase() === text.toLowerCase())
      const hint = near ? ` (write \`${near}\`, with that capitalisation)` : ''
      out.push(finding('BG210', path, cellPosition(row, key), `unknown Status "${text}": ${message}${hint}`))
    } else {
      const whole =
        key === 'producer_commit' && cellText(row, 'producer_tag') === pin.release_tag
          ? startOfCommit(text, pin.commit_sha)
          : null
      const hint = whole ? `; it is the start of the pin's commit_sha: write "${whole}"` : ''
      out.push(
        finding('BG213', path, cellPosition(row, key), `${columnName(key)} "${text}" ${message}${hint}`)
      )
    }
  }
  return out
}

function columnName(key: ColumnKey): string {
  return key.replace(/_/g, ' ')
}

const APPROVED_AGAINST_PIN: [ColumnKey, keyof Pin][] = [
  ['producer_tag', 'release_tag'],
  ['producer_commit', 'commit_sha'],
  ['service', 'expected_service_contract_version'],
  ['api', 'expected_api_contract_version'],
  ['integration', 'expected_integration_baseline']
]

/** Whether a ledger cell is written as a commit id (7 to 40 hex digits), as startOfCommit reads it. */
export const isCommitCell = (cell: string): boolean => /^[0-9a-fA-F]{7,40}$/.test(cell)

/**
 * The pin's whole commit when `cell` is a short (at least 7 digits) or upper-case form of it, as hand-kept ledgers
 * wrote it; null otherwise. Such a cell names the pinned commit: its form is BG213's finding, not an identity
 * mismatch (BG212), so a revision of an adopted history that wrote it so stays restorable.
 */
export function startOfCommit(cell: string, commit: unknown): string | null {
  if (typeof commit !== 'string' || !isCommitCell(cell)) return null
  return commit.startsWith(cell.toLowerCase()) ? commit : null
}

function approvedRow(path: string, row: LedgerRow, pin: Partial<Pin>): Finding[] {
  const out: Finding[] = []
  for (const [col, field] of APPROVED_AGAINST_PIN) {
    const want = pin[field]
    const got = cellText(row, col)
    if (typeof want !== 'string' || got === want) continue
    if (col === 'producer_commit' && startOfCommit(got, want)) continue
    out.push(
      finding(
        'BG212',
        path,
        cellPosition(row, col),
        `the Approved row's ${columnName(col)} is "${got}" but the pin's ${field} is "${want}"`
      )
    )
  }
  return out
}

/**
 * BG212 when no Approved row is the pin's: the ledger does not record the pinned baseline as approved, a fact
 * of its own beside BG211's count. Located at the pin's row when the ledger has one under another status.
 */
function noApprovedRow(path: string, table: LedgerTable, rows: LedgerRow[], pin: Partial<Pin>): Finding[] {
  const tag = pin.release_tag
  if (typeof tag !== 'string') return [] // the pin's own finding covers it
  const own = rows.find((r) => cellText(r, 'producer_tag') === tag)
  const approved = rows.filter((r) => statusOf(r) === 'Approved')
  const none =
    approved.length === 0
      ? 'no Approved row'
      : `no Approved row is the pin's (${plural(approved.length, 'row')} ${approved.length === 1 ? 'is' : 'are'} Approved)`
  return [
    finding(
      'BG212',
      path,
      own ? cellPosition(own, 'status') : table.position,
      own
        ? `${none}: the pin's release_tag "${tag}" has the row on line ${own.position.line} with Status "${cellText(own, 'status')}"; mark it Approved`
        : `${none}: the pin's release_tag "${tag}" has no row; add its row with Status Approved`
    )
  ]
}

function duplicateTags(path: string, rows: LedgerRow[]): Finding[] {
  const seen = new Map<string, LedgerRow>()
  const out: Finding[] = []
  for (const row of rows) {
    const tag = cellText(row, 'producer_tag')
    const first = seen.get(tag)
    if (first && tag !== '') {
      out.push(
        finding(
          'BG214',
          path,
          cellPosition(row, 'producer_tag'),
          `producer tag ${tag} already has a row (line ${first.position.line}); keep one row per baseline`
        )
      )
    } else seen.set(tag, row)
  }
  return out
}
