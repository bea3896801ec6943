// Which releases a rollback may restore without a row in the ledger. A ledger kept by hand before adoption
// replaced its one row at each promotion, so the releases it approved then have no row; the promotion gate
// (BG509) and the search for the last-known-good baseline (lkg, rollback, the drill) apply this one rule, so that
// lkg never proposes a restore the gate then refuses.
import { olderRelease, sameIdentity } from '../trio/identity.js'
import type { PinFacts } from '../trio/identity.js'
import type { Identity } from '../trio/model.js'

/**
 * Of the pins of a history (newest first), those held before adoption (older than the oldest pin recording the
 * posture, profileOf) that a promotion replaced: the next release the pin held was a higher one. A release a
 * downgrade ever left (a rollback by hand, which a hand-kept ledger may not record) is none of them. Adoption's
 * place is fixed in the history, so no later commit (a pull request's pin set and reverted) is counted.
 */
export function approvedBeforeAdoption(facts: readonly PinFacts[]): Identity[] {
  let adoption = -1
  facts.forEach((f, i) => {
    if (f.hasPosture) adoption = i
  })
  const up: Identity[] = []
  const down = new Set<string | null>()
  for (let i = facts.length - 1; i >= 1 && (adoption === -1 || i > adoption); i--) {
    const older = facts[i]!.identity
    const newer = facts[i - 1]!.identity
    if (older.release_tag === newer.release_tag) continue
    if (olderRelease(older.release_tag, newer.release_tag)) up.push(older)
    else down.add(older.release_tag)
  }
  return up.filter((id) => !down.has(id.release_tag))
}

/**
 * Whether a rollback from `from` to `to` may restore `to` though the ledger has no row for it: an older release
 * than `from` that the pin held before adoption and a promotion replaced (`approved`: approvedBeforeAdoption).
 */
export function restorableWithoutRow(to: Identity, from: Identity, approved: readonly Identity[]): boolean {
  return approved.some((id) => sameIdentity(id, to)) && olderRelease(to.release_tag, from.release_tag)
}
