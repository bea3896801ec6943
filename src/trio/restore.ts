// What a rollback writes (DESIGN.md §6): the pin and the mirror exactly as committed at the last-known-good
// revision, except that the pin's runtime_cutover_posture becomes NO-GO (one value edited in place, every
// other byte as committed), and the CURRENT matrix with two Status cells and the Baseline Pin section edited
// in place: the withdrawn baseline's row `Rolled back`, the restored one's `Approved`. Pure: bytes in, bytes out.
import { applyEdits, modify } from 'jsonc-parser'
import { sha256 } from '../files/digest.js'
import {
  applySplices,
  appendRowSplice,
  pinLineValues,
  pinSectionSplice,
  statusSplice
} from '../ledger/edit.js'
import { cellText, ledgerRows, rowOfTag } from '../ledger/model.js'
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

/**
 * @param current the trio being rolled back from (its matrix is the one edited)
 * @param target the pin and mirror bytes of the last-known-good revision, and that revision's short commit
 */
export function planRestore(
  baseline: BaselinePolicy,
  current: Trio,
  target: { pin: Buffer; manifest: Buffer; commit: string }
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
  splices.push(section)

  for (const row of ledgerRows(ledger)) {
    const tag = cellText(row, 'producer_tag')
    if (tag === to?.release_tag) continue
    if (
      cellText(row, 'status') === 'Approved' ||
      (tag === fromTag && cellText(row, 'status') !== 'Rolled back')
    ) {
      splices.push(statusSplice(row, 'Rolled back'))
      notes.push(`row ${tag} (line ${row.position.line}): ${cellText(row, 'status')} -> Rolled back`)
    }
  }
  const row = rowOfTag(ledger, to?.release_tag ?? null)
  if (row) {
    if (cellText(row, 'status') !== 'Approved') {
      splices.push(statusSplice(row, 'Approved'))
      notes.push(
        `row ${String(to?.release_tag)} (line ${row.position.line}): ${cellText(row, 'status')} -> Approved`
      )
    }
  } else {
    // the ledger lost the row (or predates keeping history): the restored baseline gets one again
    const append = appendRowSplice(matrixText, ledger, values, {
      version: '0.0.0',
      commit: target.commit.slice(0, 12)
    })
    if (!append)
      throw new RestoreError(`${baseline.trio.matrix} has no ledger table to record the rollback in`)
    splices.push(append)
    notes.push(`row ${values.release_tag} appended as Approved (the ledger had none)`)
  }
  notes.push('Baseline Pin section regenerated from the restored pin')
  return {
    pin,
    manifest: target.manifest,
    matrix: Buffer.from(applySplices(matrixText, splices)),
    ledger: notes
  }
}

/** The pin's bytes with runtime_cutover_posture set, formatting and every other byte kept. */
export function withPosture(pin: Buffer, posture: 'GO' | 'NO-GO'): Buffer {
  const text = pin.toString('utf8')
  const data = JSON.parse(text) as Partial<Pin>
  if (data.runtime_cutover_posture === posture) return pin
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  '
  const edits = modify(text, ['runtime_cutover_posture'], posture, {
    formattingOptions: { insertSpaces: !indent.includes('\t'), tabSize: indent.length, eol }
  })
  return Buffer.from(applyEdits(text, edits))
}

/** The restored trio, loaded as the rules read it. */
export function restoredTrio(baseline: BaselinePolicy, plan: RestorePlan): Trio {
  return trioFromBytes(baseline, { pin: plan.pin, manifest: plan.manifest, matrix: plan.matrix })
}
