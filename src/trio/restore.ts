// What a rollback writes (DESIGN.md §6): the pin and the mirror exactly as committed at the last-known-good
// revision, except that the pin's runtime_cutover_posture becomes NO-GO (one value edited in place, every
// other byte as committed: a pin written before adoption, which had no posture, gains it, and so is in the
// current format), and the CURRENT matrix with two Status cells, the Baseline Pin section and the Updated date
// edited in place: the withdrawn baseline's row `Rolled back`, the restored one's `Approved`. Pure: bytes in,
// bytes out.
import { setJsonField } from '../document/json-edit.js'
import { sha256 } from '../fs/digest.js'
import {
  applySplices,
  appendRowSplice,
  pinLineValues,
  pinSectionSplice,
  statusSplice,
  updatedSplice
} from '../ledger/edit.js'
import { cellText, ledgerRows, rowOfTag, statusOf } from '../ledger/model.js'
import type { BaselinePolicy } from '../policy/types.js'
import { identityOfPinBytes } from './identity.js'
import { trioFromBytes } from './load.js'
import type { Pin, Trio } from './model.js'

export interface RestorePlan {
  pin: Buffer
  manifest: Buffer
  matrix: Buffer
  /** What the plan did to the ledger, in words (for the report). */
  ledger: string[]
}

export class RestoreError extends Error {
  override name = 'RestoreError'
}

export interface RestoreTarget {
  pin: Buffer
  manifest: Buffer
  /** The target revision's own matrix: its row of the restored baseline is copied when the ledger lacks one. */
  matrix: Buffer | null
  /** The target revision's commit. */
  commit: string
}

/**
 * @param current the trio being rolled back from (its matrix is the one edited)
 * @param target the bytes of the last-known-good revision
 * @param today the date (YYYY-MM-DD) the matrix's Updated line takes
 */
export function planRestore(
  baseline: BaselinePolicy,
  current: Trio,
  target: RestoreTarget,
  today: string
): RestorePlan {
  const matrixText = current.matrix.source?.text
  const ledger = current.matrix.ledger
  if (matrixText === undefined || !ledger) {
    throw new RestoreError(
      `${baseline.trio.matrix} cannot be read or parsed, so its ledger cannot be updated`
    )
  }
  const pin = withPosture(target.pin, 'NO-GO')
  const pinData = JSON.parse(pin.toString('utf8')) as Partial<Pin>
  const to = identityOfPinBytes(pin)
  const fromTag = (current.pin.data as Partial<Pin> | null)?.release_tag ?? null

  const notes: string[] = []
  const splices = []
  const values = pinLineValues(
    { ...pinData, expected_producer_manifest_sha256: sha256(target.manifest) },
    baseline.trio
  )
  const section = pinSectionSplice(matrixText, ledger, values, baseline.display_name)
  if (!section) throw new RestoreError(`${baseline.trio.matrix} has no Baseline Pin section to update`)
  splices.push(section, updatedSplice(matrixText, ledger, today))

  for (const row of ledgerRows(ledger)) {
    const tag = cellText(row, 'producer_tag')
    if (tag === to?.release_tag) continue
    if (statusOf(row) === 'Approved' || (tag === fromTag && statusOf(row) !== 'Rolled back')) {
      splices.push(statusSplice(row, 'Rolled back'))
      notes.push(`row ${tag} (line ${row.position.line}): ${cellText(row, 'status')} -> Rolled back`)
    }
  }
  const row = rowOfTag(ledger, to?.release_tag ?? null)
  if (row) {
    // lkg passes over a withdrawn release: one reaching here is a defect, never a row to re-approve
    if (statusOf(row) === 'Rolled back')
      throw new RestoreError(
        `${baseline.trio.matrix} records ${String(to?.release_tag)} as Rolled back (line ${row.position.line}): a withdrawn release is not restored`
      )
    if (cellText(row, 'status') !== 'Approved') {
      splices.push(statusSplice(row, 'Approved'))
      notes.push(
        `row ${String(to?.release_tag)} (line ${row.position.line}): ${cellText(row, 'status')} -> Approved`
      )
    }
  } else {
    // the ledger lost the row (or predates keeping history, one row replaced at each promotion): the restored
    // baseline gets its row back, with the consumer version and commit its own matrix recorded
    const consumer = consumerOf(baseline, target, to?.release_tag ?? null)
    const append = appendRowSplice(matrixText, ledger, values, consumer.cells)
    if (!append)
      throw new RestoreError(`${baseline.trio.matrix} has no ledger table to record the rollback in`)
    splices.push(append)
    notes.push(`row ${values.release_tag} appended as Approved (the ledger had none; ${consumer.from})`)
  }
  notes.push(`Baseline Pin section regenerated from the restored pin; Updated: ${today}`)
  return {
    pin,
    manifest: target.manifest,
    matrix: Buffer.from(applySplices(matrixText, splices)),
    ledger: notes
  }
}

/** The consumer cells of the restored baseline's row, from the target revision's own ledger when it has them. */
function consumerOf(
  baseline: BaselinePolicy,
  target: RestoreTarget,
  tag: string | null
): { cells: { version: string; commit: string }; from: string } {
  const then = target.matrix
    ? trioFromBytes(baseline, { pin: null, manifest: null, matrix: target.matrix })
    : null
  const row = rowOfTag(then?.matrix.ledger ?? null, tag)
  const version = row ? cellText(row, 'consumer_version') : ''
  const commit = row ? cellText(row, 'consumer_commit') : ''
  if (row && version !== '' && commit !== '')
    return {
      cells: { version, commit },
      from: `consumer cells from the ledger at ${target.commit.slice(0, 12)}`
    }
  return {
    cells: { version: '0.0.0', commit: target.commit.slice(0, 12) },
    from: `the ledger at ${target.commit.slice(0, 12)} had no row for it either: consumer version 0.0.0 and the trio revision's commit; correct them`
  }
}

/** The pin's bytes with runtime_cutover_posture set, formatting and every other byte kept. */
export function withPosture(pin: Buffer, posture: 'GO' | 'NO-GO'): Buffer {
  const text = pin.toString('utf8')
  const data = JSON.parse(text) as Partial<Pin>
  if (data.runtime_cutover_posture === posture) return pin
  return Buffer.from(setJsonField(text, 'runtime_cutover_posture', posture))
}

/** The restored trio, loaded as the rules read it. */
export function restoredTrio(baseline: BaselinePolicy, plan: RestorePlan): Trio {
  return trioFromBytes(baseline, { pin: plan.pin, manifest: plan.manifest, matrix: plan.matrix })
}
