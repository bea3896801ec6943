// When was the current baseline approved? The oldest commit of the pin's history that carries its identity: a
// later repin to the same identity does not restart the clock, and neither does a rollback that reinstates it
// (the fix forward after an incident would otherwise wait a whole window for a baseline proven long before).
import type { Revision } from '../git/history.js'

/**
 * @param history the pin's revisions, newest first
 * @param sameBaseline whether a pin revision names the baseline in question (false where it cannot be read)
 * @returns null when the newest revision does not name it (no approval of it to date)
 */
export function approvedSince<R extends Revision>(
  history: R[],
  sameBaseline: (rev: R) => boolean
): Date | null {
  if (!history[0] || !sameBaseline(history[0])) return null
  let since = history[0].date
  for (const rev of history) if (sameBaseline(rev)) since = rev.date
  return new Date(since)
}
