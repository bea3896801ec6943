// 5xx: what a change does to the baseline, from the trio at BASE and at HEAD (both read from git): whether it
// is one, atomic, going up, additive or breaking, outside the stability window, and kept in the ledger.
import { shortCommit } from '../text/short-commit.js'
import { cellPosition, cellText, LEDGER_COLUMNS, rowOfTag, statusOf } from '../ledger/model.js'
import type { LedgerRow } from '../ledger/model.js'
import { finding } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'
import { locate } from '../document/json-document.js'
import { compareReleases, identityOf, postureOf, sameIdentity } from '../trio/identity.js'
import { restorableWithoutRow } from './restorable.js'
import { TRIO_ROLES } from '../trio/model.js'
import type { Identity, Posture, Trio, TrioRole } from '../trio/model.js'

export type Classification = 'none' | 'additive' | 'breaking'

export interface ChangeInput {
  base: Trio
  head: Trio
  /** Trio files whose bytes differ between BASE and HEAD. */
  changed: TrioRole[]
  now: Date
  /** When the BASE baseline was approved (the commit that introduced its identity), if known. */
  baseApprovedAt: Date | null
  /** Every identity the pin held in the history of BASE (null when the history is unknown: a shallow clone). */
  pinnedBefore?: Identity[] | null
  /**
   * The identities the pin held before adoption that a promotion replaced (the next release the pin held was a
   * higher one) and no downgrade ever left: the baselines a hand-kept ledger may have dropped the rows of. A
   * rollback to one of them needs no row in the base ledger; any other needs its row (BG509).
   */
  approvedBeforeAdoption?: Identity[]
}

export interface ChangeReport {
  trioChanged: boolean
  identityChanged: boolean
  /** A NO-GO -> GO change needs joint approval (8xx, decided with the review data). */
  posture: { from: Posture | null; to: Posture | null }
  classification: Classification
  /** The change withdraws the BASE baseline (its row becomes `Rolled back`) and reinstates an earlier one. */
  rollback: boolean
  codes: { added: string[]; removed: string[] }
  findings: Finding[]
}

export function classifyChange(input: ChangeInput): ChangeReport {
  const { base, head } = input
  const from = identityOf(base)
  const to = identityOf(head)
  // a pin written before the manifest's digest was recorded, which migrate completes: the same baseline, now with
  // its digest (what the mirror is, the drift rules judge against the producer's manifest)
  const completed =
    from.manifest_sha256 === null &&
    to.manifest_sha256 !== null &&
    sameIdentity({ ...from, manifest_sha256: to.manifest_sha256 }, to)
  const identityChanged = !sameIdentity(from, to) && !completed
  const baseCodes = codes(base)
  const headCodes = codes(head)
  const added = [...headCodes].filter((c) => !baseCodes.has(c)).sort()
  const removed = [...baseCodes].filter((c) => !headCodes.has(c)).sort()
  const report: ChangeReport = {
    trioChanged: input.changed.length > 0,
    identityChanged,
    posture: { from: postureOf(base), to: postureOf(head) },
    classification: 'none',
    rollback: false,
    codes: { added, removed },
    findings: []
  }
  if (!report.trioChanged) return report
  report.findings.push(...settingsChanged(base, head))
  const kept = () =>
    input.changed.includes('matrix')
      ? ledgerKept(base, head, identityChanged ? { from, to, rollback: report.rollback } : null)
      : []

  // a contract version that moves either way breaks what relies on the other one: a rollback from service.v3 to
  // service.v2 is as breaking for the running producer as the promotion it undoes
  const moved = (a: string | null, b: string | null) => bumped(a, b) || lowered(a, b)
  const contractMoved =
    moved(from.service_contract_version, to.service_contract_version) ||
    moved(from.api_contract_version, to.api_contract_version) ||
    moved(from.integration_baseline, to.integration_baseline)
  report.classification =
    removed.length > 0 || contractMoved ? 'breaking' : added.length > 0 ? 'additive' : 'none'
  if (!identityChanged) {
    report.findings.push(...kept())
    return report
  }

  const pinAt = (field: string) => (head.pin.doc ? locate(head.pin.doc, `/${field}`) : null)
  const out = report.findings

  const stale = TRIO_ROLES.filter((r) => !input.changed.includes(r))
  for (const role of stale) {
    out.push(
      finding(
        'BG501',
        head[role].path,
        null,
        `the baseline changes (${describe(from)} -> ${describe(to)}) but ${head[role].path} does not: update the pin, the mirror and the matrix together (baseline-gate repin)`
      )
    )
  }

  // a rollback goes down on purpose: the way-up rules (tag, contracts, window, Superseded) do not apply
  if (from.release_tag !== to.release_tag && status(head, from.release_tag) === 'Rolled back') {
    report.rollback = true
    out.push(...rollbackRules(input, from, to), ...kept())
    return report
  }

  // fail closed: a pair of tags that cannot be compared exactly is no promotion to a higher one
  const order = from.release_tag && to.release_tag ? compareReleases(to.release_tag, from.release_tag) : 1
  if (order === null || order <= 0) {
    const why =
      order === null
        ? `cannot be compared with ${from.release_tag} as versions vMAJOR.MINOR.PATCH`
        : order === 0
          ? 'keeps the release tag of the baseline it replaces'
          : `is lower than ${from.release_tag}`
    out.push(
      finding(
        'BG502',
        head.pin.path,
        pinAt('release_tag'),
        `the new release tag ${to.release_tag} ${why}; a promotion needs a higher tag`
      )
    )
  }

  for (const [field, pinField] of [
    ['service_contract_version', 'expected_service_contract_version'],
    ['api_contract_version', 'expected_api_contract_version'],
    ['integration_baseline', 'expected_integration_baseline']
  ] as const) {
    if (lowered(from[field], to[field])) {
      out.push(
        finding(
          'BG503',
          head.pin.path,
          pinAt(pinField),
          `${pinField} goes down from ${from[field]} to ${to[field]}; contract versions only go up: pin a producer release at ${from[field]} or later, or run a rollback (baseline-gate rollback) to go back to an older baseline`
        )
      )
    }
  }
  if (removed.length > 0 && !bumped(from.service_contract_version, to.service_contract_version)) {
    const at = head.manifest.doc ? locate(head.manifest.doc, '/error_code_enum') : null
    out.push(
      finding(
        'BG503',
        head.manifest.path,
        at,
        `error codes [${removed.join(', ')}] are removed without a service contract bump (still ${to.service_contract_version}): removing a code is breaking; keep the codes, or pin a producer release that bumps service_contract_version`
      )
    )
  }

  const window = stabilityWindow(base, input.baseApprovedAt)
  if (window && input.baseApprovedAt) {
    const { days, ends } = window
    if (input.now < ends) {
      // to the minute, rounded up: a re-run at the minute said is past the window
      const open = new Date(Math.ceil(ends.getTime() / 60_000) * 60_000)
      out.push(
        finding(
          'BG504',
          head.pin.path,
          pinAt('release_tag'),
          `${from.release_tag} was approved on ${day(input.baseApprovedAt)}; its declared stability window of ${days} days ends on ${day(open)} at ${open.toISOString().slice(11, 16)} UTC`
        )
      )
    }
  }

  // a breaking release lands at NO-GO (repin writes it so); GO is a later posture-only change that needs both
  // teams' approval (8xx), which a promotion written at GO would go around
  if (report.classification === 'breaking' && postureOf(head) === 'GO') {
    out.push(
      finding(
        'BG522',
        head.pin.path,
        pinAt('runtime_cutover_posture'),
        `this promotion to ${to.release_tag} is breaking (${breakingWhy(from, to, removed)}) and sets runtime_cutover_posture to GO: a breaking baseline lands at NO-GO (as baseline-gate repin writes it), and GO follows in a posture-only pull request approved by both teams`
      )
    )
  }

  out.push(...ledgerHistory(head, from.release_tag), ...kept())
  return report
}

/** "service.v3 -> service.v4; removed: internal_error" */
function breakingWhy(from: Identity, to: Identity, removed: string[]): string {
  const fields = ['service_contract_version', 'api_contract_version', 'integration_baseline'] as const
  const bumps = fields
    .filter((f) => bumped(from[f], to[f]))
    .map((f) => `${from[f] ?? '?'} -> ${to[f] ?? '?'}`)
  return [...bumps, ...(removed.length > 0 ? [`removed: ${removed.join(', ')}`] : [])].join('; ')
}

/** The last instant a Date holds (ECMAScript's time value range). */
const LAST_INSTANT = 8.64e15

/**
 * The stability window of the baseline `base` pins (BG504): its manifest's declared days from when it was
 * approved; null when the manifest declares none or the approval date is unknown.
 */
export function stabilityWindow(base: Trio, approvedAt: Date | null): { days: number; ends: Date } | null {
  const days = base.manifest.data?.stability_window?.minimum_sprint_days
  if (typeof days !== 'number' || !approvedAt) return null
  // an end past the last instant a Date holds is an Invalid Date, which every comparison calls over: such a
  // window never ends (the schema caps the days; this holds for whatever reaches here)
  const end = approvedAt.getTime() + days * 86_400_000
  return { days, ends: new Date(Number.isFinite(end) && end <= LAST_INSTANT ? end : LAST_INSTANT) }
}

function status(trio: Trio, tag: string | null): string | null {
  const row = rowOfTag(trio.matrix.ledger, tag)
  return row ? (statusOf(row) ?? cellText(row, 'status')) : null
}

/**
 * A rollback reinstates, at NO-GO, a baseline the pin held before, which the ledger before the change lists and
 * does not record as withdrawn. One exception, for a hand-kept ledger that replaced its one row at each
 * promotion: an older baseline the pin held before adoption, which a promotion (not a downgrade) replaced, needs
 * no row (the rollback adds one). A pin held after adoption always has its row, and a pull request's own commits
 * (a pin set and reverted) must not make a baseline of it.
 */
function rollbackRules(input: ChangeInput, from: Identity, to: Identity): Finding[] {
  const { base, head } = input
  const out: Finding[] = []
  const pinAt = (field: string) => (head.pin.doc ? locate(head.pin.doc, `/${field}`) : null)
  if (postureOf(head) !== 'NO-GO') {
    out.push(
      finding(
        'BG508',
        head.pin.path,
        pinAt('runtime_cutover_posture'),
        `this change rolls back to ${to.release_tag}, so runtime_cutover_posture must be NO-GO (GO again needs a posture-only change with joint approval)`
      )
    )
  }
  const known = rowOfTag(base.matrix.ledger, to.release_tag)
  const pinned = input.pinnedBefore?.some((id) => sameIdentity(id, to))
  // a release an incident withdrew is never the one restored (rollback and lkg pass over it: BG510)
  const withdrawn = known !== null && statusOf(known) === 'Rolled back'
  const fromLegacy = restorableWithoutRow(to, from, input.approvedBeforeAdoption ?? [])
  if (withdrawn || (!known && !fromLegacy) || input.pinnedBefore === null || pinned === false) {
    const why = withdrawn
      ? `the ledger before the change records ${to.release_tag} as Rolled back (line ${known.position.line}): a withdrawn release is not restored`
      : !known && pinned !== false && input.pinnedBefore !== null
        ? `the ledger before the change has no row for ${to.release_tag}, and it is no older baseline the pin held before adoption that a promotion replaced (only those may lack a row, as a hand-kept ledger dropped them)`
        : input.pinnedBefore === null
          ? 'the history is too shallow to show that the pin held it before (check out with fetch-depth: 0)'
          : `the pin never held this identity (${describe(to)}, manifest ${to.manifest_sha256 ? shortCommit(to.manifest_sha256) : '?'}) in the history of the base`
    out.push(
      finding(
        'BG509',
        head.pin.path,
        pinAt('release_tag'),
        `this change rolls back to ${to.release_tag}, but ${why}: restore an earlier baseline exactly (baseline-gate rollback), or promote a new one`
      )
    )
  }
  return out
}

function ledgerHistory(head: Trio, oldTag: string | null): Finding[] {
  const table = head.matrix.ledger?.ledgerSection?.table
  if (!table || !oldTag) return [] // a malformed matrix is the 2xx rules' finding
  const row = rowOfTag(head.matrix.ledger, oldTag)
  if (!row) {
    return [
      finding(
        'BG505',
        head.matrix.path,
        table.position,
        `the ledger lost the row of ${oldTag}, the baseline being replaced: keep it, marked Superseded`
      )
    ]
  }
  const said = cellText(row, 'status')
  if (statusOf(row) !== 'Superseded') {
    return [
      finding(
        'BG505',
        head.matrix.path,
        cellPosition(row, 'status'),
        `the row of ${oldTag}, the baseline being replaced, says "${said}"; mark it Superseded (or Rolled back, to withdraw it)`
      )
    ]
  }
  return []
}

/** The pin's fields that are its identity or its posture: judged by the other rules (5xx, 8xx). */
const JUDGED_PIN_FIELDS = new Set([
  'release_tag',
  'commit_sha',
  'expected_service_contract_version',
  'expected_api_contract_version',
  'expected_integration_baseline',
  'expected_producer_manifest_sha256',
  'runtime_cutover_posture'
])

/**
 * BG523: the pin's other settings (the producer's repository, the base URL and timeout the consumer reads at
 * start-up) change in a pull request that no identity or posture rule judges: said, each with its old and new
 * value, so that an endpoint moved in passing is seen where the verdict is read. A rollback says it too: it
 * restores the target's pin whole, settings included.
 */
export function settingsChanged(base: Trio, head: Trio): Finding[] {
  const before = base.pin.data as Record<string, unknown> | null
  const after = head.pin.data as Record<string, unknown> | null
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return []
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !JUDGED_PIN_FIELDS.has(k)
  )
  const shown = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v))
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) =>
      finding(
        'BG523',
        head.pin.path,
        head.pin.doc ? locate(head.pin.doc, `/${k}`) : null,
        `the pin's ${k} changes from ${shown(before[k])} to ${shown(after[k])}: the consumer reads it, and no rule judges its value (only its form); make sure the consumer and producer owners expect this change`
      )
    )
}

/** A change of the baseline, as the ledger records it. */
interface LedgerMove {
  from: Identity
  to: Identity
  rollback: boolean
}

const STATUS_AT = LEDGER_COLUMNS.findIndex((c) => c.key === 'status')

/**
 * BG505 on every change of the matrix: the ledger's rows are history. A row is never lost (a Candidate's
 * excepted) nor rewritten; only its status moves, and only as a promotion or a rollback moves it (what repin and
 * rollback write). Without this, a pull request that edits only the ledger could mark the last-known-good Rolled
 * back (every later rollback refused) or bring a withdrawn release back as the one to restore.
 * `move` is null when the baseline does not change.
 */
function ledgerKept(base: Trio, head: Trio, move: LedgerMove | null): Finding[] {
  const before = base.matrix.ledger?.ledgerSection?.table
  const after = head.matrix.ledger?.ledgerSection?.table
  if (!before || !after) return [] // a malformed matrix is the 2xx rules' finding
  const path = head.matrix.path
  const out: Finding[] = []
  // rows paired by tag, in order (a ledger may repeat a tag: BG214's finding); each list is taken from its front
  // by an index, not copied or shifted, so 10,000 rows of one tag stay linear (found by review)
  const unpaired = new Map<string, { rows: LedgerRow[]; next: number }>()
  for (const row of after.rows) {
    const tag = cellText(row, 'producer_tag')
    const list = unpaired.get(tag)
    if (list) list.rows.push(row)
    else unpaired.set(tag, { rows: [row], next: 0 })
  }
  const take = (tag: string) => {
    const list = unpaired.get(tag)
    return list && list.next < list.rows.length ? list.rows[list.next++] : undefined
  }
  // the replaced baseline's row in a promotion is judged by ledgerHistory (kept, and Superseded)
  const replaced = move && !move.rollback ? move.from.release_tag : null
  for (const row of before.rows) {
    const tag = cellText(row, 'producer_tag')
    const was = statusOf(row) ?? cellText(row, 'status')
    const now = take(tag)
    if (!now) {
      if (was !== 'Candidate' && tag !== replaced)
        out.push(
          finding(
            'BG505',
            path,
            after.position,
            `the ledger lost the row of ${tag || '(no tag)'} (${was}, line ${row.position.line} before this change): every row is history; put it back`
          )
        )
      continue
    }
    // the promoted release's Candidate row becomes its Approved row, written from the pin (repin replaces it)
    const promotedCandidate =
      move !== null && !move.rollback && tag === move.to.release_tag && was === 'Candidate'
    const edited = promotedCandidate
      ? -1
      : row.cells.findIndex((c, i) => i !== STATUS_AT && c.text !== now.cells[i]?.text)
    const longer = !promotedCandidate && now.cells.length > row.cells.length ? row.cells.length : -1
    const at = edited !== -1 ? edited : longer
    if (at !== -1) {
      const column = after.header[at]?.text ?? `column ${at + 1}`
      out.push(
        finding(
          'BG505',
          path,
          now.cells[at]?.position ?? now.position,
          `the row of ${tag} changes its ${column} from "${row.cells[at]?.text ?? ''}" to "${now.cells[at]?.text ?? ''}": a ledger row is history and only its status moves; put it back`
        )
      )
    }
    const is = statusOf(now) ?? cellText(now, 'status')
    if (is !== was && tag !== replaced && !statusMoves(was, is, tag, move)) {
      out.push(
        finding(
          'BG505',
          path,
          cellPosition(now, 'status'),
          `the row of ${tag} moves from ${was} to ${is}, which ${movesWhat(move)}; put it back to ${was}`
        )
      )
    }
  }
  for (const [tag, list] of unpaired) {
    for (const row of list.rows.slice(list.next)) {
      const is = statusOf(row) ?? cellText(row, 'status')
      if (is === 'Candidate' || (move && tag === move.to.release_tag && is === 'Approved')) continue
      const only = move
        ? `this change ${move.rollback ? 'restores' : 'promotes'} ${move.to.release_tag ?? '?'}, and only its row is added (Approved)`
        : 'the baseline does not change, so no row is added (but a Candidate)'
      out.push(
        finding(
          'BG505',
          path,
          row.position,
          `a row for ${tag || '(no tag)'} (${is}) is added, but ${only}; remove it`
        )
      )
    }
  }
  return out
}

/** The status moves a promotion or a rollback makes (repin, rollback); none when the baseline stays. */
function statusMoves(was: string, is: string, tag: string, move: LedgerMove | null): boolean {
  if (!move) return false
  // the restored row comes back Approved, but never from Rolled back (a withdrawn release is not restored)
  if (is === 'Approved' && tag === move.to.release_tag)
    return move.rollback ? was !== 'Rolled back' : was === 'Candidate'
  if (move.rollback) return is === 'Rolled back' && (was === 'Approved' || tag === move.from.release_tag)
  return was === 'Approved' && is === 'Superseded'
}

function movesWhat(move: LedgerMove | null): string {
  if (!move) return 'the baseline does not change, so no status moves'
  return move.rollback
    ? 'a rollback does not do (it marks the withdrawn baseline Rolled back and the restored one Approved)'
    : 'a promotion does not do (it marks the Approved row Superseded and adds the new baseline Approved)'
}

function codes(trio: Trio): Set<string> {
  const list = trio.manifest.data?.error_code_enum
  return new Set(Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string') : [])
}

/** service.v3 -> 3 */
function version(v: string | null): number | null {
  const m = v ? /v(\d+)$/.exec(v) : null
  return m ? Number(m[1]) : null
}

function bumped(from: string | null, to: string | null): boolean {
  const a = version(from)
  const b = version(to)
  return a !== null && b !== null && b > a
}

function lowered(from: string | null, to: string | null): boolean {
  const a = version(from)
  const b = version(to)
  return a !== null && b !== null && b < a
}

function describe(id: Identity): string {
  return `${id.release_tag ?? '?'} / ${id.commit_sha ? shortCommit(id.commit_sha) : '?'}`
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10)
}
