// What the repin branch holds, read through the API (its head commit, the trio's files there), and how far it may
// be trusted: a repin commit of a release the base branch has, or exactly the repin this run would write.
import { releaseTagProblem } from '../git/tag-name.js'
import { isAncestorCommit, resolveCommit } from '../git/git.js'
import { readAtRevision } from '../git/tree-path.js'
import { repositoryPrefix } from '../git/root.js'
import type { CommitChange, GitHubClient, Result } from '../github/client.js'
import { applySplices, updatedSplice } from '../ledger/edit.js'
import type { BaselinePolicy } from '../policy/types.js'
import { identityOfPinBytes } from '../trio/identity.js'
import { sha256 } from '../fs/digest.js'
import { producerFilesFromBytes, producerPaths, trioFromBytes } from '../trio/load.js'
import type { TrioRole } from '../trio/model.js'
import type { OperationContext } from './context.js'
import { WRITE_ORDER } from './trio-files.js'

/** What the repin branch holds at its head (read once, by commit id). */
export interface BranchState {
  /** The branch's head as read (null: there is no such branch): it is moved only from there. */
  tip: string | null
  /** null: there is no such branch. */
  commit: CommitChange | null
  /** The trio files at the branch's head commit, by role (null: missing there). */
  files: Map<TrioRole, Buffer | null>
  /** The head is a commit of repin's shape: one parent on the base branch, changing only the trio's files. */
  repinShaped: boolean
}

export async function readBranch(
  ctx: OperationContext,
  baseline: BaselinePolicy,
  client: Pick<GitHubClient, 'branchHead' | 'commitAtRef' | 'fileAtRef'>,
  branch: string,
  head: string
): Promise<Result<BranchState>> {
  const files = new Map<TrioRole, Buffer | null>()
  // the branch by its ref (commits/{name} would take a tag of the same name first), then its commit by id
  const tip = await client.branchHead(branch)
  if (!tip.ok) return tip
  if (tip.value === null) return { ok: true, value: { tip: null, commit: null, files, repinShaped: false } }
  const got = await client.commitAtRef(tip.value)
  if (!got.ok) return got
  const commit = got.value
  if (!commit) return { ok: true, value: { tip: tip.value, commit: null, files, repinShaped: false } }
  const prefix = await repositoryPrefix(ctx.root)
  const trio = new Set(WRITE_ORDER.map((role) => `${prefix}${baseline.trio[role]}`))
  for (const role of WRITE_ORDER) {
    const file = await client.fileAtRef(`${prefix}${baseline.trio[role]}`, commit.sha)
    // a directory, a link or a submodule where a trio file goes is no repin's: the branch is reset like any
    // other (refused, it held every later release back, and no run of the workflow could change that)
    if (!file.ok && file.reason !== 'not-found' && file.reason !== 'not-a-file') return file
    files.set(role, file.ok ? file.value : null)
  }
  const parent = commit.parents.length === 1 ? commit.parents[0]! : null
  // a repin commit changes the pin at least: an empty list (a diff GitHub did not list) is no repin commit
  const repinShaped =
    parent !== null &&
    commit.changed.length > 0 &&
    commit.changed.every((path) => trio.has(path)) &&
    (await isAncestorCommit(ctx.root, parent, head)) === true
  return { ok: true, value: { tip: tip.value, commit, files, repinShaped } }
}

/**
 * The release the branch proposes when it may be trusted: a repin commit whose mirror is the producer's manifest at
 * that release's tag, a commit of the base branch, which releases that tag, and whose pin holds that manifest's
 * digest. Null otherwise (no branch, or one anybody could have pushed: a made-up newer tag on an old commit, whose
 * manifest is an older release's, held every later release back).
 */
export async function trustedRelease(
  ctx: OperationContext,
  baseline: BaselinePolicy,
  state: BranchState,
  head: string
): Promise<string | null> {
  const pin = state.files.get('pin')
  const mirror = state.files.get('manifest')
  if (!state.repinShaped || !pin || !mirror) return null
  const proposed = identityOfPinBytes(pin)?.release_tag
  if (!proposed || releaseTagProblem(proposed)) return null
  const commit = await resolveCommit(ctx.root, `refs/tags/${proposed}`)
  if (!commit || (await isAncestorCommit(ctx.root, commit, head)) !== true) return null
  const path = `./${producerPaths(baseline).manifest}`
  const manifest = (await readAtRevision(ctx.root, commit, [path])).get(path)
  if (!manifest || !manifest.equals(mirror)) return null
  // the tag's manifest releases that tag, and the pin is what repin writes of it (its digest)
  const released = producerFilesFromBytes(baseline, { manifest, handoff: null }).manifest.data?.release_tag
  const digest = identityOfPinBytes(pin)?.manifest_sha256
  return released === proposed && digest === sha256(manifest) ? proposed : null
}

/**
 * Whether the branch's head is exactly the commit repin would write now: on the checked-out commit, changing only
 * the trio, its files these bytes (the matrix's Updated date aside: a re-delivery on another day changes nothing).
 */
export function holdsThisRepin(
  baseline: BaselinePolicy,
  state: BranchState,
  head: string,
  bytes: Map<TrioRole, Buffer | null>
): boolean {
  if (!state.commit || !state.repinShaped || state.commit.parents[0] !== head) return false
  return WRITE_ORDER.every((role) => {
    const there = state.files.get(role)
    const ours = bytes.get(role)
    if (!there || !ours) return false
    return role === 'matrix' ? undated(baseline, there) === undated(baseline, ours) : there.equals(ours)
  })
}

/** The matrix's text with its Updated date blanked (the one thing of repin's output that depends on the day). */
function undated(baseline: BaselinePolicy, matrix: Buffer): string {
  const file = trioFromBytes(baseline, { pin: null, manifest: null, matrix }).matrix
  const text = file.source?.text
  const updated = file.ledger?.updated
  // only a date is blanked: repin writes one, and a value that is none (blanked whole, it matched any text) is
  // another matrix than ours (found by review: a pushed branch's "Updated: merge without review" was kept)
  if (text === undefined || !updated || !/^\d{4}-\d{2}-\d{2}/.test(updated.value))
    return text ?? matrix.toString('latin1')
  return applySplices(text, [updatedSplice(text, file.ledger!, '0000-00-00')])
}
