// planRestore, the ledger edit of a rollback: a release the ledger records as withdrawn is never re-approved,
// whatever brought it there (lkg passes over it; a defect reaching here is refused, found by review).
import { afterAll, describe, expect, it } from '@jest/globals'
import { loadPolicy, selectBaselines } from '../../src/policy/load.js'
import { loadTrio } from '../../src/trio/load.js'
import { planRestore, RestoreError } from '../../src/trio/restore.js'
import { cleanupFixtures, MATRIX, MIRROR, PIN, trioFixture } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

describe('planRestore', () => {
  it('refuses to mark a Rolled back row Approved again', () => {
    const fx = trioFixture()
    const baseline = selectBaselines(loadPolicy({ root: fx.root }), undefined)[0]!
    const pin = JSON.parse(fx.read(PIN)) as { release_tag: string }
    const row = fx
      .read(MATRIX)
      .split('\n')
      .find((l) => l.includes('| Approved |'))!
    // the target: a release whose row the ledger records as withdrawn
    const withdrawn = row
      .replace(`| ${pin.release_tag} |`, '| v0.3.0 |')
      .replace('| Approved |', '| Rolled back |')
    fx.replace(MATRIX, row, `${withdrawn}\n${row}`)
    const target = {
      pin: Buffer.from(fx.read(PIN).replace(pin.release_tag, 'v0.3.0')),
      manifest: Buffer.from(fx.read(MIRROR)),
      matrix: null,
      commit: 'a'.repeat(40)
    }
    expect(() => planRestore(baseline, loadTrio(fx.root, baseline), target, '2026-12-05')).toThrow(
      new RestoreError(
        `${MATRIX} records v0.3.0 as Rolled back (line ${fx.lineOf(MATRIX, '| v0.3.0 |')}): a withdrawn release is not restored`
      )
    )
  })
})
