// The last-known-good baseline (DESIGN.md §6): walking the trio's revisions newest first, the first whose
// identity differs from the current one, whose ledger row (in the CURRENT ledger) is not `Rolled back`, that
// the promotion gate lets a rollback restore (a row in that ledger, or an older release approved before adoption:
// classify/restorable.ts), and that was a valid baseline at that revision; or, with a target tag, the newest
// valid revision of that tag.
// "Valid" depends on the revision's profile (profile.ts): written after adoption, every trio rule; written
// before, by hand in the older format, the identity rules. The walk stops at the first good revision, so only
// the revisions it passes over are ever judged.
import { MIGRATION_HINT } from '../rules/files.js'
import type { Finding } from '../rules/finding.js'
import { olderRelease, sameIdentity } from '../trio/identity.js'
import { describeFindings, judgeRevision } from './profile.js'
import type { Profile } from './profile.js'
import type { Identity } from '../trio/model.js'
import { plural } from '../text/plural.js'

export interface CandidateRevision {
  commit: string
  /** Committer date (ISO 8601). */
  date: string
  /** The identity its pin names (null: no pin there, or not JSON). */
  identity: Identity | null
  /** Which rules judge it: written before adoption (`legacy`) or after (`current`). */
  profile: Profile
}

export type PassReason =
  'current' | 'rolled-back' | 'not-approved' | 'newer' | 'no-row' | 'invalid' | 'unreadable' | 'not-target'

export interface PassedOver {
  commit: string
  date: string
  release_tag: string | null
  reason: PassReason
  /** In words, for the report. */
  detail: string
  /** The profile that judged it (`invalid`), or that would have. */
  profile: Profile
  /** `invalid`: where its first disqualifying finding is (the rule, the file and line at that revision). */
  first?: { rule: string; file: string | null; line: number | null }
}

export interface LastKnownGood {
  /**
   * The revision to restore, or null when there is none; `reported`: under the legacy profile, the errors of the
   * old format that did not disqualify it (the restore migrates them, or lists them as follow-up).
   */
  target: { commit: string; date: string; identity: Identity; profile: Profile; reported: Finding[] } | null
  /** The newer revisions passed over, newest first, and why. */
  passedOver: PassedOver[]
  /** Revisions in the history of the trio (all of them, whether judged or not). */
  revisions: number
  /** Why there is no target (null when there is one). */
  problem: string | null
}

export interface LkgInput {
  /** The trio's revisions, newest first. */
  revisions: AsyncIterable<CandidateRevision> | Iterable<CandidateRevision>
  /** The baseline being rolled back from. */
  current: Identity
  /** The ledger status of a producer tag and commit in the current ledger (null: no such row). */
  statusOf: (identity: Identity) => string | null
  /** Whether the current ledger has a row for the identity's release tag (whatever its commit cell says). */
  hasRow: (identity: Identity) => boolean
  /**
   * The producer commit the current ledger's row of the identity's tag records when it is another than the pin's
   * (null: the same, or no row, or none recorded).
   */
  otherCommitOf?: (identity: Identity) => string | null
  /**
   * The mirror's digest the branch first pinned the identity's release (tag and commit) with, when it is another
   * than the identity's (null: the same, or not known).
   */
  firstMirrorOf?: (identity: Identity) => Promise<string | null>
  /** For a release the ledger has no row for: whether a rollback may restore it all the same (restorableWithoutRow). */
  restorableWithoutRow: (identity: Identity) => Promise<boolean>
  /** Every trio rule at that revision (its profile decides which errors make it invalid). */
  validate: (revision: CandidateRevision) => Promise<Finding[]>
  /** A release tag to go back to instead of the newest good one. */
  to?: string | null
}

export async function findLastKnownGood(input: LkgInput): Promise<LastKnownGood> {
  const passedOver: PassedOver[] = []
  let revisions = 0
  const pass = (rev: CandidateRevision, reason: PassReason, detail: string, first?: Finding) =>
    passedOver.push({
      commit: rev.commit,
      date: rev.date,
      release_tag: rev.identity?.release_tag ?? null,
      reason,
      detail,
      profile: rev.profile,
      ...(first ? { first: { rule: first.rule, file: first.file, line: first.line } } : {})
    })
  for await (const rev of input.revisions) {
    revisions++
    const id = rev.identity
    if (!id || !id.release_tag) {
      pass(rev, 'unreadable', 'its pin is missing or is not a JSON object with a release_tag')
      continue
    }
    if (sameIdentity(id, input.current)) {
      pass(rev, 'current', `same baseline as the current one (${id.release_tag})`)
      continue
    }
    // the same release under another manifest or commit (a hand-kept history re-mirrored a corrected manifest
    // under the same tag): a rollback withdraws the release, and its ledger row is the one it marks Rolled back
    if (id.release_tag === input.current.release_tag) {
      pass(
        rev,
        'current',
        `the current release ${id.release_tag}, with another manifest or commit: a rollback withdraws the release, so none of its revisions is restored`
      )
      continue
    }
    if (input.to && id.release_tag !== input.to) {
      pass(rev, 'not-target', `${id.release_tag} is not the requested ${input.to}`)
      continue
    }
    const status = input.statusOf(id)
    if (status === 'Rolled back') {
      pass(rev, 'rolled-back', `the ledger marks ${id.release_tag} Rolled back`)
      continue
    }
    // A revision is on the branch's first-parent history whenever a pull request's own commits land there (a
    // rebase merge, a fast-forward): what the ledger never approved, or approved at another commit, was never the
    // branch's baseline (found by review: a commit planted that way was restored, or blocked every restore)
    if (status === 'Candidate') {
      pass(rev, 'not-approved', `the ledger lists ${id.release_tag} as a Candidate: it was never approved`)
      continue
    }
    const other = input.otherCommitOf?.(id) ?? null
    if (other !== null) {
      pass(
        rev,
        'not-approved',
        `the ledger approved ${id.release_tag} at producer commit ${other.slice(0, 12)}, and this revision pins ${(id.commit_sha ?? '').slice(0, 12) || 'none'}: not the release the ledger approved`
      )
      continue
    }
    const judged = judgeRevision(await input.validate(rev), rev.profile)
    if (judged.disqualifying.length > 0) {
      const first = judged.disqualifying[0]!
      // a revision that predates a field is not fixed by migrate, which rewrites the current trio only (found by
      // review: the advice was quoted for a revision that can never be restored)
      const message = !first.message.includes(MIGRATION_HINT)
        ? first.message
        : first.subject === '/expected_producer_manifest_sha256'
          ? `${first.message.replace(MIGRATION_HINT, '')}: a revision written before the pin recorded its mirror's digest can never be restored, as nothing pinned the mirror's bytes (docs/adopting.md, "The legacy profile")`
          : first.message.replace(MIGRATION_HINT, '')
      pass(
        rev,
        'invalid',
        `judged by the ${rev.profile} rules, the trio had ${describeFindings(judged.disqualifying)} at that revision; first: ${first.file ?? ''}${first.line ? `:${first.line}` : ''} ${message}`,
        first
      )
      continue
    }
    // the promotion gate judges the rollback's pull request by the same rule (BG509): a target it would refuse is
    // no target (a release a hand rollback withdrew before adoption has no row, and no Rolled back status)
    if (!input.hasRow(id) && !(await input.restorableWithoutRow(id))) {
      pass(
        rev,
        'no-row',
        `the ledger has no row for ${id.release_tag}, and it is no older release than ${input.current.release_tag ?? 'the current one'} that the pin held before adoption and a promotion replaced: the promotion gate refuses to restore it (BG509)`
      )
      continue
    }
    // the release as the branch first pinned it is the one approved: a later revision of the same tag and commit
    // with another mirror was never promoted (found by review: a tampered mirror pushed past the gate was restored)
    const first = input.firstMirrorOf ? await input.firstMirrorOf(id) : null
    if (first !== null) {
      pass(
        rev,
        'not-approved',
        `the branch first pinned ${id.release_tag} with a mirror of SHA-256 ${first.slice(0, 12)}, and this revision's is ${(id.manifest_sha256 ?? '').slice(0, 12)}: not the release the branch approved`
      )
      continue
    }
    // a rollback goes back: a release newer than the current one is promoted, never restored (the last check, so
    // that every reason above is said first; found by review: a planted newer release was restored)
    if (olderRelease(input.current.release_tag, id.release_tag)) {
      pass(
        rev,
        'newer',
        `${id.release_tag} is newer than the current ${input.current.release_tag}: a rollback goes back to an earlier baseline (a newer release is promoted, not restored)`
      )
      continue
    }
    return {
      target: {
        commit: rev.commit,
        date: rev.date,
        identity: id,
        profile: rev.profile,
        reported: judged.reported
      },
      passedOver,
      revisions,
      problem: null
    }
  }
  const why = input.to
    ? requestedProblem(input.to, input.current.release_tag, passedOver)
    : revisions === 0
      ? 'the trio has no history on this branch'
      : passedOver.every((p) => p.reason === 'current')
        ? `every revision of the trio on this branch (${plural(revisions, 'revision')}) pins the current baseline ${input.current.release_tag ?? ''}: there is no earlier one to go back to`
        : `none of the ${plural(revisions, 'revision')} of the trio on this branch pins another valid baseline that was not rolled back and that a rollback may restore (the reasons are listed)`
  return { target: null, passedOver, revisions, problem: why }
}

/** Why `--to TAG` has no target: it is the current one, its revisions were passed over (the first reason), or no
 * revision pins it (with the tag meant, when one differs only in a leading `v` or in case: `0.4.0` for `v0.4.0`). */
function requestedProblem(to: string, current: string | null, passedOver: readonly PassedOver[]): string {
  if (to === current) return `${to} is the current baseline`
  const pinning = passedOver.find((p) => p.release_tag === to)
  if (pinning)
    return `every revision of the trio on this branch that pins ${to} was passed over; the newest: ${pinning.detail}`
  const loose = (tag: string) => tag.toLowerCase().replace(/^v/, '')
  const meant = [...new Set(passedOver.map((p) => p.release_tag))].filter(
    (t): t is string => t !== null && t !== current && loose(t) === loose(to)
  )
  const none = `no revision of the trio on this branch pins ${to}`
  if (meant.length > 0) return `${none}; did you mean --to ${meant.join(' or --to ')}?`
  if (current !== null && loose(current) === loose(to))
    return `${none}; ${current}, which it may mean, is the baseline pinned now: there is nothing to restore`
  return none
}
