// Which baselines a rollback may restore without a row in the base ledger: those the pin held before adoption
// that a promotion replaced (a hand-kept ledger dropped their rows). Found by review: a pull request that set a
// made-up pin and reverted it, merged by rebase, put the made-up identity on the base branch's history, and a
// later "rollback" to it passed.
import { describe, expect, it } from '@jest/globals'
import { approvedBeforeAdoption } from '../../src/classify/restorable.js'
import type { PinFacts } from '../../src/trio/identity.js'
import type { Identity } from '../../src/trio/model.js'
import { identityFor } from '../helpers/identity.js'

const id = (tag: string): Identity => identityFor(tag)
/** A history of pins, oldest first as written here, handed over newest first as the walk gives it. */
const history = (...pins: [string, 'legacy' | 'current'][]): PinFacts[] =>
  pins.map(([tag, format]) => ({ identity: id(tag), hasPosture: format === 'current' })).reverse()
const tags = (ids: Identity[]) => ids.map((i) => i.release_tag)

describe('approvedBeforeAdoption', () => {
  it('the releases a promotion replaced before adoption; none of a pull request after it', () => {
    const facts = history(
      ['v0.3.0', 'legacy'],
      ['v0.3.1', 'legacy'],
      ['v0.4.0', 'current'], // adoption
      ['v0.3.9', 'current'], // a made-up pin, set ...
      ['v0.4.0', 'current'] //  ... and reverted
    )
    expect(tags(approvedBeforeAdoption(facts))).toEqual(['v0.3.0', 'v0.3.1'])
  })

  it('never a release a downgrade left (a rollback by hand the ledger may not record)', () => {
    const facts = history(
      ['v0.3.0', 'legacy'],
      ['v0.4.0', 'legacy'],
      ['v0.3.0', 'legacy'], // v0.4.0 withdrawn by hand
      ['v0.5.0', 'current']
    )
    expect(tags(approvedBeforeAdoption(facts))).toEqual(['v0.3.0', 'v0.3.0'])
  })

  it('an edit that keeps the tag replaces nothing; a history with no adoption is all before it', () => {
    const facts = history(['v0.3.0', 'legacy'], ['v0.3.0', 'legacy'], ['v0.4.0', 'legacy'])
    expect(tags(approvedBeforeAdoption(facts))).toEqual(['v0.3.0'])
    expect(approvedBeforeAdoption([])).toEqual([])
  })
})
