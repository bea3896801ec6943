// Which revision lkg and rollback take for the last-known-good (classify/last-known-good.ts), against revisions a
// pull request can put on the branch's first-parent history (a rebase merge, a fast-forward lands every commit of
// it): a release the ledger never approved, one it approved at another producer commit, one newer than the
// current baseline. Each is passed over, with the reason said; the baseline the ledger approved is restored.
import { describe, expect, it } from '@jest/globals'
import { findLastKnownGood } from '../../src/classify/last-known-good.js'
import type { CandidateRevision, LkgInput } from '../../src/classify/last-known-good.js'
import type { Identity } from '../../src/trio/model.js'
import { identityFor } from '../helpers/identity.js'

const rev = (identity: Identity, n: number): CandidateRevision => ({
  commit: String(n).padStart(40, '0'),
  date: `2026-11-${String(30 - n).padStart(2, '0')}T00:00:00Z`,
  identity,
  profile: 'current'
})

/** The ledger: each release's status and the producer commit its row records. */
function ledger(
  rows: Record<string, { status: string; commit: string }>
): Pick<LkgInput, 'statusOf' | 'hasRow' | 'otherCommitOf'> {
  return {
    statusOf: (id) => {
      const row = rows[id.release_tag ?? '']
      return row && (row.status === 'Rolled back' || row.commit === id.commit_sha) ? row.status : null
    },
    hasRow: (id) => rows[id.release_tag ?? ''] !== undefined,
    otherCommitOf: (id) => {
      const row = rows[id.release_tag ?? '']
      return row && row.commit !== id.commit_sha ? row.commit : null
    }
  }
}

const current = identityFor('v0.6.0')
const approved = identityFor('v0.5.0')
const rows = {
  'v0.6.0': { status: 'Approved', commit: current.commit_sha! },
  'v0.5.0': { status: 'Superseded', commit: approved.commit_sha! },
  'v0.7.0': { status: 'Candidate', commit: identityFor('v0.7.0').commit_sha! }
}

async function lkg(revisions: CandidateRevision[], to: string | null = null) {
  return findLastKnownGood({
    revisions,
    current,
    ...ledger(rows),
    restorableWithoutRow: async () => false,
    validate: async () => [],
    to
  })
}

describe('the last-known-good: revisions a pull request could plant on the branch (found by review)', () => {
  it('a Candidate of the ledger is never approved: passed over, the approved baseline restored', async () => {
    const r = await lkg([rev(current, 0), rev(identityFor('v0.7.0'), 1), rev(approved, 2)])
    expect(r.target?.identity.release_tag).toBe('v0.5.0')
    expect(r.passedOver.map((p) => [p.release_tag, p.reason, p.detail])).toEqual([
      ['v0.6.0', 'current', 'same baseline as the current one (v0.6.0)'],
      ['v0.7.0', 'not-approved', 'the ledger lists v0.7.0 as a Candidate: it was never approved']
    ])
  })

  it('a release pinned at another producer commit than its row records is not the release the ledger approved', async () => {
    const planted = { ...approved, commit_sha: 'e'.repeat(40) }
    const r = await lkg([rev(current, 0), rev(planted, 1), rev(approved, 2)])
    expect(r.target).toMatchObject({ commit: rev(approved, 2).commit, identity: approved })
    expect(r.passedOver[1]).toMatchObject({
      reason: 'not-approved',
      detail: `the ledger approved v0.5.0 at producer commit ${approved.commit_sha!.slice(0, 12)}, and this revision pins eeeeeeeeeeee: not the release the ledger approved`
    })
    // asked for by its tag, the planted revision is passed over too
    const to = await lkg([rev(current, 0), rev(planted, 1), rev(approved, 2)], 'v0.5.0')
    expect(to.target?.commit).toBe(rev(approved, 2).commit)
  })

  it('a revision of the approved tag and commit with another mirror than the branch first pinned it with is not the release approved', async () => {
    const tampered = { ...approved, manifest_sha256: 'f'.repeat(64) }
    const firstMirrorOf = async (id: Identity) =>
      id.manifest_sha256 !== approved.manifest_sha256 ? approved.manifest_sha256 : null
    const r = await findLastKnownGood({
      revisions: [rev(current, 0), rev(tampered, 1), rev(approved, 2)],
      current,
      ...ledger(rows),
      firstMirrorOf,
      restorableWithoutRow: async () => false,
      validate: async () => []
    })
    expect(r.target).toMatchObject({ commit: rev(approved, 2).commit, identity: approved })
    expect(r.passedOver[1]).toMatchObject({
      reason: 'not-approved',
      detail: `the branch first pinned v0.5.0 with a mirror of SHA-256 ${approved.manifest_sha256!.slice(0, 12)}, and this revision's is ffffffffffff: not the release the branch approved`
    })
  })

  it('a release newer than the current one is never restored, even with a row the ledger approved', async () => {
    const newer = identityFor('v0.8.0')
    const r = await findLastKnownGood({
      revisions: [rev(current, 0), rev(newer, 1), rev(approved, 2)],
      current,
      ...ledger({ ...rows, 'v0.8.0': { status: 'Approved', commit: newer.commit_sha! } }),
      restorableWithoutRow: async () => false,
      validate: async () => []
    })
    expect(r.target?.identity.release_tag).toBe('v0.5.0')
    expect(r.passedOver[1]).toMatchObject({
      release_tag: 'v0.8.0',
      reason: 'newer',
      detail:
        'v0.8.0 is newer than the current v0.6.0: a rollback goes back to an earlier baseline (a newer release is promoted, not restored)'
    })
  })
})
