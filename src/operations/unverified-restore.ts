// A rollback's restored trio on disk that its suites have not verified yet. The mark is written before the restore
// (only when the suites will run) and removed once the suites passed or the previous trio is back; a run stopped
// in between (kill -9, a lost runner) leaves it. While the trio on disk is what it restored and not what HEAD
// commits, health says so (BG220) rather than judge it as any other trio, and the next rollback puts the previous
// trio back before it restores again (its restore may differ: another day's date, another --to).
import { dirname, posix, relative } from 'node:path'
import { nodeSetFs, ownDirectory } from '../fs/atomic-set.js'
import type { SetFs, SetWrite } from '../fs/atomic-set.js'
import { sha256 } from '../fs/digest.js'
import { readOwnFile } from '../fs/own-file.js'
import { readRepoFile } from '../fs/read.js'
import { committedBytesSync, headCommitSync } from '../git/git.js'
import { MAX_FILE_BYTES } from '../document/limits.js'
import { finding } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'
import { shellWords } from '../text/shell-words.js'
import type { BaselinePolicy } from '../policy/types.js'
import { TRIO_ROLES } from '../trio/model.js'
import type { TrioRole } from '../trio/model.js'

const KIND = 'baseline-gate unverified restore'
/** A mark names three files: far less than this; anything larger is none of ours. */
const MAX_MARK_BYTES = 64 * 1024

interface Mark {
  kind: typeof KIND
  baseline: string
  /** When the restore was written. */
  at: string
  /** The restored files, from the root, with the SHA-256 of what the restore writes. */
  files: { path: string; sha256: string }[]
}

/** Beside the rollback's journal, in the git directory: never committed. */
export const markPath = (journal: string) => journal.replace(/\.journal\.json$/, '.unverified.json')

export function markUnverified(
  root: string,
  journal: string,
  o: { baseline: string; at: Date; writes: SetWrite[] },
  fs: SetFs = nodeSetFs
): void {
  const mark: Mark = {
    kind: KIND,
    baseline: o.baseline,
    at: o.at.toISOString(),
    files: o.writes.map((w) => ({
      path: relative(root, w.path).split('\\').join('/'),
      sha256: sha256(Buffer.from(w.content))
    }))
  }
  // never through a directory a step replaced with a link, as the journals are not (atomic-set.ts)
  ownDirectory(dirname(journal))
  fs.mkdir(dirname(journal))
  fs.writeFile(markPath(journal), `${JSON.stringify(mark, null, 2)}\n`)
}

/** Removed after the suites ran the repository's code: not through a directory a step made a link (left then). */
export function clearUnverified(journal: string, fs: SetFs = nodeSetFs): void {
  try {
    ownDirectory(dirname(journal))
  } catch {
    return
  }
  fs.rm(markPath(journal))
}

/** The mark, when there is one of ours (a planted link, a FIFO, a huge or malformed file is none). */
function readMark(journal: string): Mark | null {
  const bytes = readOwnFile(markPath(journal), MAX_MARK_BYTES)
  if (bytes === null) return null
  try {
    const m = JSON.parse(bytes.toString('utf8')) as Partial<Mark>
    const ok =
      m.kind === KIND &&
      typeof m.at === 'string' &&
      Array.isArray(m.files) &&
      m.files.length > 0 &&
      m.files.every((f) => typeof f?.path === 'string' && typeof f.sha256 === 'string')
    return ok ? (m as Mark) : null
  } catch {
    return null
  }
}

/**
 * What a mark left behind says of the trio on disk, file by file: a restored file is untested while the disk holds
 * what the stopped rollback wrote and HEAD commits something else (`committed` gives HEAD's bytes of a path).
 * `on-disk`: some files are so, and the others are back at HEAD; `partly`: some are, and others were edited since
 * (found by review: one edited file hid the others); `stale`: none is (put back by hand, committed, restored
 * since). Null: no mark.
 */
export function leftUnverified(
  root: string,
  journal: string,
  committed: (path: string) => Buffer | null
): { state: 'on-disk' | 'partly' | 'stale'; mark: Mark; untested: string[] } | null {
  const mark = readMark(journal)
  if (!mark) return null
  // each file: what the restore wrote, what HEAD commits, or neither (edited since; found by review: an edit of a
  // file whose restore had been committed was put back over without a word)
  const untested: string[] = []
  let edited = false
  for (const f of mark.files) {
    const read = readRepoFile(root, f.path)
    const disk = read.kind === 'ok' ? sha256(read.bytes) : null
    const head = committed(f.path)
    const atHead = head === null ? disk === null : disk === sha256(head)
    if (atHead) continue
    if (disk === f.sha256) untested.push(f.path)
    else edited = true
  }
  const state = untested.length === 0 ? 'stale' : edited ? 'partly' : 'on-disk'
  return { state, mark, untested }
}

/** BG220 for health: the trio on disk is a stopped rollback's unverified restore. */
export function unverifiedRestore(root: string, journal: string, baseline: string): Finding[] {
  // HEAD only where a mark is left: a look for it walks .git, once per baseline of health otherwise
  let head: string | null | undefined
  const left = leftUnverified(root, journal, (path) => {
    head = head === undefined ? headCommitSync(root) : head
    return head ? committedBytesSync(root, head, path, MAX_FILE_BYTES) : null
  })
  return left && left.state !== 'stale' ? [untested(journal, baseline, left)] : []
}

/**
 * At a rollback's start: an untested restore a stopped rollback left goes back before this run restores afresh (a
 * dry run says it would, and plans from the trio HEAD commits: `assumeCommitted`); one edited since is BG220, which
 * stops the rollback (putting it back would undo the edits); a mark that says nothing any more is removed.
 */
export function settleUnverified(
  root: string,
  journal: string,
  o: {
    baseline: BaselinePolicy
    /** The trio as HEAD commits it. */
    committed: Record<TrioRole, Buffer | null>
    dryRun: boolean
    putBack: () => void
    mark: (event: string) => void
    fs?: SetFs
  }
): { findings: Finding[]; assumeCommitted: boolean } {
  const none = { findings: [], assumeCommitted: false }
  const byPath = (path: string) => {
    const role = TRIO_ROLES.find((r) => posix.normalize(o.baseline.trio[r]) === path)
    return role ? o.committed[role] : null
  }
  const left = leftUnverified(root, journal, byPath)
  if (!left) return none
  if (left.state === 'partly')
    return { findings: [untested(journal, o.baseline.name, left)], assumeCommitted: false }
  if (left.state === 'on-disk' && o.dryRun) {
    const says = `a rollback would first put back the untested restore (written at ${left.mark.at} by a rollback stopped before its suites verified it) left on disk (${left.untested.join(', ')}): health fails on it until then (BG220)`
    o.mark(says)
    // said on every surface of the dry run and the drill, not only in the timeline (found by review)
    return { findings: [finding('BG221', left.untested.at(-1)!, null, says)], assumeCommitted: true }
  }
  if (o.dryRun) return none
  if (left.state === 'on-disk') {
    o.putBack()
    o.mark(`the untested restore written at ${left.mark.at} by a stopped rollback was put back first (BG220)`)
  } else clearUnverified(journal, o.fs)
  return none
}

function untested(
  journal: string,
  baseline: string,
  left: { mark: Mark; untested: string[]; state: string }
): Finding {
  const files = left.mark.files.map((f) => f.path)
  const what =
    left.state === 'partly'
      ? `${left.untested.join(', ')} ${left.untested.length === 1 ? 'is' : 'are'} still the untested restore, and the rest of the trio was edited since (mark ${markPath(journal)}); do not commit it. Put the previous trio back (${shellWords(['git', 'checkout', 'HEAD', '--', ...files])}, from the root; keep a copy of the edits you need), then run the rollback again`
      : `${left.untested.length === left.mark.files.length ? 'the trio on disk is an untested restore' : `${left.untested.join(', ')} ${left.untested.length === 1 ? 'is' : 'are'} still the untested restore (the rest is back at HEAD)`} (mark ${markPath(journal)}); do not commit it. Run the rollback again (the same command, or the rollback workflow again): it puts the previous trio back first, then restores the last-known-good and tests it. Or put the previous trio back yourself (${shellWords(['git', 'checkout', 'HEAD', '--', ...files])}, from the root)`
  return finding(
    'BG220',
    left.untested.at(-1)!,
    null,
    `a rollback of ${baseline} restored this trio at ${left.mark.at} and was stopped before its suites verified it: ${what}`
  )
}
