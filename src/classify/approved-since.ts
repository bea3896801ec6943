// When did the current baseline become current? The oldest commit of the newest unbroken run of pin
// revisions that carry its identity (a later repin to the same identity does not restart the clock).
import type { FileRevision } from '../git/history.js'

/** @param sameBaseline whether a pin revision's bytes name the baseline in question */
export function approvedSince(history: FileRevision[], sameBaseline: (pin: Buffer) => boolean): Date | null {
  let since: string | null = null
  for (const rev of history) {
    if (!rev.content || !sameBaseline(rev.content)) break
    since = rev.date
  }
  return since ? new Date(since) : null
}
