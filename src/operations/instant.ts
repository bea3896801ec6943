// The instant the time-dependent rules judge at (BG203's Updated date, BG308's handoff timestamp, BG504's
// stability window): the wall clock in a live run; an instant given by the caller (--now); or the committer date
// of the commit judged (--replay), so that replaying a run after the fact gives the verdict it had, on any day.
// A live gate never takes the commit's date on its own: whoever makes a commit chooses its date.
import { commitDate, RevisionError } from '../git/git.js'

export type InstantRequest = { source: 'wall-clock' } | { source: 'given'; at: Date } | { source: 'commit' }

/** What the evidence records as `judged_at`. */
export interface Instant {
  at: Date
  source: InstantRequest['source']
  /** The commit whose date it is (source `commit`), else null. */
  commit: string | null
}

export const WALL_CLOCK: InstantRequest = { source: 'wall-clock' }

/**
 * @param commit the resolved commit the operation judges (promote: its head; health and rollback: HEAD); asked
 *   for only when the instant is that commit's date
 */
export async function resolveInstant(
  request: InstantRequest | undefined,
  options: { clock: () => Date; root: string; commit: string | null | (() => Promise<string | null>) }
): Promise<Instant> {
  const r = request ?? WALL_CLOCK
  if (r.source === 'wall-clock') return { at: options.clock(), source: 'wall-clock', commit: null }
  if (r.source === 'given') return { at: r.at, source: 'given', commit: null }
  const commit = typeof options.commit === 'function' ? await options.commit() : options.commit
  const date = commit ? await commitDate(options.root, commit) : null
  if (!commit || !date) {
    throw new RevisionError(
      '--replay judges at the date of the commit judged, but there is no commit checked out (HEAD names none)'
    )
  }
  return { at: new Date(date), source: 'commit', commit }
}
