// The last-known-good baseline of each baseline of the policy, read from git: one `git log` over the trio's
// paths and one cat-file process, walking newest first as git finds the revisions and judging them as they come
// (the pins of the revisions it passes over, and the other two files only of those it judges). The walk goes on to
// the oldest revision where a target's release must be matched with its first pin on the branch (its mirror).
import { findLastKnownGood } from '../classify/last-known-good.js'
import { approvedBeforeAdoption, restorableWithoutRow } from '../classify/restorable.js'
import { profileOf } from '../classify/profile.js'
import type { Profile } from '../classify/profile.js'
import type { CandidateRevision, LastKnownGood } from '../classify/last-known-good.js'
import { BlobReader, headCommit, RevisionError, shallowCuts } from '../git/git.js'
import { readAtCommit } from '../git/tree-path.js'
import type { Revision } from '../git/history.js'
import type { GitStream } from '../git/git.js'
import { cellText, rowOfTag, statusOf } from '../ledger/model.js'
import type { BaselinePolicy } from '../policy/types.js'
import { trioRules } from '../rules/index.js'
import { isCommitCell, startOfCommit } from '../rules/matrix.js'
import { identityOf, pinFacts } from '../trio/identity.js'
import type { PinFacts } from '../trio/identity.js'
import { committed, committedBytes, trioFromBytes } from '../trio/load.js'
import { TRIO_ROLES as ROLES } from '../trio/model.js'
import type { Identity, Trio, TrioRole } from '../trio/model.js'
import type { EarlyWalks } from '../git/early-walks.js'
import { walkTrio } from './trio-walk.js'

export interface LkgReport {
  baseline: string
  /** The commit whose trio is current (HEAD). */
  head: string
  /** The trio at HEAD, as committed. */
  current: Trio
  currentBytes: Record<TrioRole, Buffer | null>
  identity: Identity
  shallow: boolean
  /**
   * The target is the oldest commit of a shallow clone: its trio was written there or before, where the clone does
   * not reach (its bytes are the target's all the same).
   */
  targetAtCut: boolean
  lkg: LastKnownGood
  /** The target's pin, mirror and matrix bytes as committed (null when there is no target). */
  targetBytes: { pin: Buffer; manifest: Buffer; matrix: Buffer | null } | null
}

/**
 * @param to a release tag to go back to instead of the newest good baseline
 * @param early walks the command line began before this code loaded (cli/early-lkg.ts)
 */
export async function lastKnownGood(
  root: string,
  baseline: BaselinePolicy,
  to: string | null = null,
  early?: EarlyWalks
): Promise<LkgReport> {
  const head = await headCommit(root)
  if (!head)
    throw new RevisionError(
      `${root} has no commit checked out (HEAD names none): lkg and rollback read the trio's history from git, so commit the trio first`
    )
  let reader: BlobReader | null = null
  // as a checkout of the commit reads it: a link inside the root followed (its own text is no trio file)
  const readAt = (commit: string, path: string) => readAtCommit(reader!, commit, path).then(committed)
  const read = (commit: string, path: string) => readAt(commit, path).then(committedBytes)
  // the walk over the history is the long part (git diffs every commit against its parent), so it starts first:
  // git runs it while this process starts cat-file, reads and judges the current trio, and then the revisions
  // git has found. Each pin is asked for as soon as git names its revision (cat-file answers in order, with no
  // round trip per revision; no revision is named before this function awaits); the walk stops at the first
  // good revision, and the answers it did not need are dropped
  const history = new TrioHistory(
    (onRevision) => walkTrio(root, head, baseline, onRevision, early),
    // a pin that is not JSON is a revision to pass over; git failing to read it (a partial clone whose promisor
    // remote cannot be reached) is no answer at all, never "its pin is missing"
    (commit) => read(commit, baseline.trio.pin).then((bytes) => (bytes ? pinFacts(bytes) : null))
  )
  try {
    reader = new BlobReader(root)
    const shallowClone = shallowCuts(root)
    // awaited below; until then a failure must not count as unhandled
    shallowClone.catch(() => {})
    const [pin, manifest, matrix] = await Promise.all(ROLES.map((r) => readAt(head, baseline.trio[r])))
    const currentBytes = {
      pin: committedBytes(pin!),
      manifest: committedBytes(manifest!),
      matrix: committedBytes(matrix!)
    }
    // judged as read (a link out of the root is BG110, as on disk), written back as bytes
    const current = trioFromBytes(baseline, { pin: pin!, manifest: manifest!, matrix: matrix! })
    const identity = identityOf(current)
    const cuts = await shallowClone
    const shallow = cuts === null || cuts.size > 0

    const profileAt = profileOfRevision(history, shallow)
    async function* candidates(): AsyncGenerator<CandidateRevision> {
      for (let i = 0; ; i++) {
        const rev = await history.at(i)
        if (!rev) return
        const facts = await history.pins[i]!
        yield { ...rev, identity: facts?.identity ?? null, profile: await profileAt(i) }
      }
    }
    const ledger = current.matrix.ledger
    const lkg = await findLastKnownGood({
      revisions: candidates(),
      current: identity,
      to,
      statusOf: (id) => {
        const row = rowOfTag(ledger, id.release_tag)
        if (!row) return null
        const status = statusOf(row) ?? cellText(row, 'status')
        // a withdrawn release is withdrawn whatever its commit cell says (a hand-kept ledger wrote it short), and
        // a row that names the pin's commit, whole or by its start, is the revision's
        return status === 'Rolled back' ||
          startOfCommit(cellText(row, 'producer_commit'), id.commit_sha) !== null
          ? status
          : null
      },
      hasRow: (id) => rowOfTag(ledger, id.release_tag) !== null,
      otherCommitOf: (id) => {
        const row = rowOfTag(ledger, id.release_tag)
        const recorded = row ? cellText(row, 'producer_commit').trim() : ''
        // only a cell that is a commit id judges: one a hand-kept ledger left empty or wrote otherwise names none,
        // and one that starts the pin's is the pin's (BG212)
        if (!row || !isCommitCell(recorded) || !id.commit_sha) return null
        return startOfCommit(recorded, id.commit_sha) === null ? recorded : null
      },
      // the oldest revision of the release on the branch is its promotion (pins written before the digest was
      // recorded say nothing of the mirror); a shallow clone may have cut it off: nothing is said then
      firstMirrorOf: async (id) => {
        if (shallow || !id.manifest_sha256) return null
        let first: string | null = null
        // newest first: the last match is the oldest
        for (const f of await history.allPins())
          if (
            f?.identity.release_tag === id.release_tag &&
            f.identity.commit_sha === id.commit_sha &&
            f.identity.manifest_sha256
          )
            first = f.identity.manifest_sha256
        return first !== null && first !== id.manifest_sha256 ? first : null
      },
      // a shallow clone may have cut adoption's place off (as profileOfRevision): nothing is taken for older
      restorableWithoutRow: async (id) => {
        if (shallow) return false
        const facts = (await history.allPins()).filter((f): f is PinFacts => f !== null)
        return restorableWithoutRow(id, identity, approvedBeforeAdoption(facts))
      },
      validate: async (rev) => {
        const [p, m, x] = await Promise.all(ROLES.map((r) => read(rev.commit, baseline.trio[r])))
        // the rules as they stood then: the matrix's Updated date is judged against the commit's own date
        return trioRules(
          trioFromBytes(baseline, { pin: p ?? null, manifest: m ?? null, matrix: x ?? null }),
          {
            baseline,
            now: new Date(rev.date)
          }
        )
      }
    })
    let targetBytes: LkgReport['targetBytes'] = null
    if (lkg.target) {
      const [p, m, x] = await Promise.all(ROLES.map((r) => read(lkg.target!.commit, baseline.trio[r])))
      if (p && m) targetBytes = { pin: p, manifest: m, matrix: x ?? null }
    }
    if (shallow && !lkg.target) {
      lkg.problem = `${lkg.problem}; this clone is shallow, so older revisions are not there to search (check out with fetch-depth: 0)`
    }
    // a trio on disk that was never committed (or sits untracked in another repository): no history to read, and
    // no "pinned now" either (found by review: the reports contradicted each other)
    if (!currentBytes.pin && !lkg.target) {
      lkg.problem = `${lkg.problem}; the pin ${baseline.trio.pin} is not committed at ${head.slice(0, 12)}, and a rollback restores only committed revisions: commit the trio first`
    }
    // where the cuts are not known, nothing is said of them
    const targetAtCut = lkg.target !== null && cuts !== null && cuts.has(lkg.target.commit)
    return {
      baseline: baseline.name,
      head,
      current,
      currentBytes,
      identity,
      shallow,
      targetAtCut,
      lkg,
      targetBytes
    }
  } finally {
    history.stop()
    reader?.close()
  }
}

/** What a revision at a shallow clone's cut is, said beside it wherever it is named. */
export const AT_SHALLOW_CUT =
  'the oldest commit of this shallow clone, so the trio was written there or before it (fetch the whole history, fetch-depth: 0, to name the revision that wrote it)'

/** The trio's revisions, newest first, as git's walk finds them; the walk starts at once. */
class TrioHistory {
  readonly revisions: Revision[] = []
  /** Each revision's pin, asked for as soon as git names the revision. */
  readonly pins: Promise<PinFacts | null>[] = []
  private readonly walk: GitStream
  private ended = false
  private wake: () => void = () => {}

  constructor(
    start: (onRevision: (rev: Revision) => void) => GitStream,
    pinOf: (commit: string) => Promise<PinFacts | null>
  ) {
    this.walk = start((rev) => {
      this.revisions.push(rev)
      const pin = pinOf(rev.commit)
      // a failure is the caller's when it asks for this pin; one never asked for (past the answer) is no crash
      pin.catch(() => {})
      this.pins.push(pin)
      this.wake()
    })
    const end = () => {
      this.ended = true
      this.wake()
    }
    // a failure is thrown by at(), to the caller that asks past what git found
    this.walk.done.then(end, end)
  }

  /** Revision i, or null past the oldest. */
  async at(i: number): Promise<Revision | null> {
    while (this.revisions.length <= i && !this.ended) await new Promise<void>((r) => (this.wake = r))
    if (i >= this.revisions.length) await this.walk.done
    return this.revisions[i] ?? null
  }

  /** The pins of every revision, to the oldest. */
  async allPins(): Promise<(PinFacts | null)[]> {
    await this.at(Infinity)
    return Promise.all(this.pins)
  }

  /** Ends git's walk where it is: the answer is known. */
  stop(): void {
    this.walk.stop()
  }
}

/**
 * The profile of the revision at index i (newest first): a pin that records the posture was written after
 * adoption; one that does not was written before it, unless an older revision already recorded it (a posture
 * removed after adoption does not make a revision legacy). The older pins are awaited only for such a revision.
 * In a shallow clone the older revisions may be cut off, adoption among them: no revision is taken for one
 * written before it (found by review: a depth-2 clone restored a posture-less revision the full history judged
 * under the current rules and passed over).
 */
function profileOfRevision(history: TrioHistory, shallow: boolean): (i: number) => Promise<Profile> {
  let olderHasPosture: boolean[] | null = null
  return async (i) => {
    if ((await history.pins[i]!)?.hasPosture || shallow) return 'current'
    if (!olderHasPosture) {
      const all = await history.allPins()
      olderHasPosture = new Array<boolean>(all.length)
      let seen = false
      for (let j = all.length - 1; j >= 0; j--) {
        seen = seen || all[j]?.hasPosture === true
        olderHasPosture[j] = seen
      }
    }
    return profileOf(olderHasPosture[i]!)
  }
}
