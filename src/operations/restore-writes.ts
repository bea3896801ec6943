// The rollback's writes of the trio: the restored set, the previous set put back, and whether what is on disk
// after the suites is still the set restored.
import { FileSetError, writeFileSet } from '../fs/atomic-set.js'
import type { SetFs } from '../fs/atomic-set.js'
import type { BaselinePolicy } from '../policy/types.js'
import { finding } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'
import type { StepResult } from '../rules/verdict.js'
import { shellWords } from '../text/shell-words.js'
import { TRIO_ROLES } from '../trio/model.js'
import type { TrioRole } from '../trio/model.js'
import { sameBytes, trioOnDisk, WRITE_ORDER } from './trio-files.js'
import { suitesRan } from './suites.js'
import { clearUnverified, markUnverified } from './unverified-restore.js'
import { containedSetWrites } from './write-containment.js'
import { uncommittedPaths } from '../git/uncommitted.js'

/** A write's message with the root's absolute paths made relative to it, as every finding's paths are. */
const rootRelative = (root: string, text: string) => text.split(`${root}/`).join('')

/**
 * Write the restored trio, marked unverified until the suites pass or the previous trio is back (a run stopped in
 * between leaves the mark for health to see); why it could not be written (nothing was changed), or null once it is.
 */
export function writeRestore(
  root: string,
  journal: string,
  o: { baseline: string; at: Date; writes: ReturnType<typeof setWrites>; suites: boolean },
  fs: SetFs | undefined
): string | null {
  try {
    // before the write: a stop right after it still leaves the mark (one before it leaves a mark of bytes not on
    // disk, which says nothing). None when no suite will test the restore: it is untested by request
    if (o.suites) markUnverified(root, journal, o, fs)
  } catch (e) {
    // nothing written yet: said as a trio that cannot be written is (found by review: an internal error)
    return `${rootRelative(root, (e as Error).message)}: the rollback's mark of an untested restore cannot be written in the git directory, so nothing was written; make it writable by this runner, then run the rollback again`
  }
  try {
    writeFileSet(journal, o.writes, fs, root)
    return null
  } catch (e) {
    // only a failure before the commit point, which left the old trio whole; a later one is the journal's to finish
    if (!(e instanceof FileSetError) || !e.nothingChanged) throw e
    clearUnverified(journal, fs)
    // paths relative to the root, as every finding's (the note, the issue and SARIF quote it)
    return `${rootRelative(root, e.message)} Make the trio files and their directories writable by this runner (a containerised step may have left them owned by root), then run the rollback again`
  }
}

/**
 * Put the previous trio back over the restored one. When that fails the restored trio, unverified, stays on disk:
 * said so, never the write's own "Nothing was changed" (found by review), with how to put it back by hand.
 */
export function putBack(
  root: string,
  journal: string,
  writes: ReturnType<typeof setWrites>,
  fs: SetFs | undefined
): void {
  try {
    writeFileSet(journal, writes, fs, root)
    clearUnverified(journal, fs)
  } catch (e) {
    if (!(e instanceof FileSetError) || !e.nothingChanged) throw e
    // the write's own words without its "Nothing was changed", which is not so of the working tree (found by review)
    const why = rootRelative(root, e.message).replace(/\s*Nothing was changed\.[^]*$/, '')
    const files = writes.map((w) => rootRelative(root, w.path))
    throw new FileSetError(
      `the restored trio did not pass (or the run was stopped), and the previous trio could not be put back over it (${why}): the working tree holds the restored trio, unverified. Put the previous one back with ${shellWords(['git', 'checkout', '--', ...files])} (after making the files writable), then run the rollback again`
    )
  }
}

/** The set to write, pin last; a file the trio lacks (never the case for a valid one) is left alone. */
export function setWrites(root: string, baseline: BaselinePolicy, bytes: Record<TrioRole, Buffer | null>) {
  return containedSetWrites(
    root,
    WRITE_ORDER.flatMap((r) => {
      const content = bytes[r]
      return content ? [{ path: baseline.trio[r], content }] : []
    })
  )
}

export function sameTrio(a: Record<TrioRole, Buffer | null>, b: Record<TrioRole, Buffer | null>): boolean {
  return TRIO_ROLES.every((r) => sameBytes(a[r], b[r]))
}

/**
 * BG528: the trio on disk after the suites is not the one restored: a step rewrote it (found by review: a step set
 * the pin's posture to GO, and the rollback said PASS, restored, posture NO-GO), or another run wrote it meanwhile
 * (two rollbacks at once).
 */
export function restoredTrioChanged(
  root: string,
  baseline: BaselinePolicy,
  restored: Record<TrioRole, Buffer | null>,
  steps: StepResult[]
): Finding[] {
  const after = trioOnDisk(root, baseline)
  const changed = TRIO_ROLES.filter((r) => !sameBytes(after[r], restored[r])).map((r) => baseline.trio[r])
  if (changed.length === 0) return []
  return [
    finding(
      'BG528',
      changed[0]!,
      null,
      suitesRan(steps)
        ? `a rollback suite step changed ${changed.join(', ')} after the restored trio was written: what is on disk is not the trio restored and tested, so the previous trio is put back; find the step that writes the trio (its log is in the evidence) and run the rollback again`
        : `${changed.join(', ')} changed after the restored trio was written, while this rollback ran (another run writing the trio?): what is on disk is not the trio restored, so the previous trio is put back; make sure no other run writes the trio, then run the rollback again`
    )
  ]
}

/**
 * BG511: the trio on disk is neither the checked-out commit's nor the one to restore: edits (or a checkout's
 * conversion) the restore would overwrite.
 */
export async function editedTrio(
  root: string,
  baseline: BaselinePolicy,
  onDisk: Record<TrioRole, Buffer | null>,
  found: { currentBytes: Record<TrioRole, Buffer | null>; head: string }
): Promise<Finding> {
  const file = TRIO_ROLES.map((r) => baseline.trio[r]).find(
    (_, i) => !sameBytes(onDisk[TRIO_ROLES[i]!], found.currentBytes[TRIO_ROLES[i]!])
  )
  // git reports no edit of it: the checkout made its bytes differ (a conversion, a sparse checkout), and there
  // is nothing to commit or discard (found by review)
  const edits = file === undefined ? null : await uncommittedPaths(root)
  const converted = edits !== null && file !== undefined && !edits.includes(file)
  return finding(
    'BG511',
    file ?? null,
    null,
    converted
      ? `the trio on disk differs from the checked-out commit ${found.head.slice(0, 12)}, though git reports no edit of ${file}: the checkout converted it (core.autocrlf, an eol or a filter in .gitattributes) or left it out (a sparse checkout); check it out as committed (git -c core.autocrlf=false checkout -- ${file}, or git sparse-checkout add its directory), then run again (nothing was written)`
      : `the trio on disk differs from the checked-out commit ${found.head.slice(0, 12)}: commit or discard the edits, then run again (nothing was written)`
  )
}
