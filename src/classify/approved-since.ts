// When did the current baseline become current? The oldest commit of the newest unbroken run of pin
// revisions that carry its identity (a later repin to the same identity does not restart the clock).
import type { Revision } from '../git/history.js'

/** @param sameBaseline whether a pin revision names the baseline in question (false where it cannot be read) */
export function approvedSince<R extends Revision>(
  history: R[],
  sameBaseline: (rev: R) => boolean
): Date | null {
  let since: string | null = null
  for (const rev of history) {
    if (!sameBaseline(rev)) break
    since = rev.date
  }
  return since ? new Date(since) : null
}
