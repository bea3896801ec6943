// A rollback's restored trio on disk that its suites have not verified yet. The mark is written before the restore
// and removed once the suites passed or the previous trio is back; a run stopped in between (kill -9, a lost
// runner) leaves it, and health then says the trio on disk is an unverified restore (BG220) rather than judge it as
// any other. The next rollback finds the restored trio already on disk, tests it, and keeps it or puts the
// previous one back.
import { dirname, relative } from 'node:path'
import { nodeSetFs } from '../fs/atomic-set.js'
import type { SetFs, SetWrite } from '../fs/atomic-set.js'
import { sha256 } from '../fs/digest.js'
import { readRepoFile } from '../fs/read.js'
import { finding } from '../rules/finding.js'
import { shellWords } from '../text/shell-words.js'
import type { Finding } from '../rules/finding.js'

const KIND = 'baseline-gate unverified restore'

interface Mark {
  kind: typeof KIND
  baseline: string
  /** When the restore was written. */
  at: string
  /** The restored files, from the root, with the SHA-256 of what the restore writes. */
  files: { path: string; sha256: string }[]
}

/** Beside the rollback's journal, in the git directory: never committed. */
const markPath = (journal: string) => journal.replace(/\.journal\.json$/, '.unverified.json')

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
  fs.mkdir(dirname(journal))
  fs.writeFile(markPath(journal), `${JSON.stringify(mark, null, 2)}\n`)
}

export function clearUnverified(journal: string, fs: SetFs = nodeSetFs): void {
  fs.rm(markPath(journal))
}

/**
 * BG220 when a rollback's mark is there and the trio on disk is still exactly what it restored; none when the trio
 * has changed since (put back by hand, checked out again): the mark then says nothing of it.
 */
export function unverifiedRestore(root: string, journal: string, baseline: string): Finding[] {
  const bytes = nodeSetFs.readFile(markPath(journal))
  if (bytes === null) return []
  let mark: Mark
  try {
    mark = JSON.parse(bytes.toString('utf8')) as Mark
    if (mark.kind !== KIND || !Array.isArray(mark.files) || mark.files.length === 0)
      throw new Error('not ours')
  } catch {
    return []
  }
  const onDisk = mark.files.every((f) => {
    const read = readRepoFile(root, f.path)
    return read.kind === 'ok' && sha256(read.bytes) === f.sha256
  })
  if (!onDisk) return []
  return [
    finding(
      'BG220',
      mark.files.at(-1)!.path,
      null,
      `a rollback of ${baseline} restored this trio at ${mark.at} and was stopped before its suites verified it: the trio on disk is an unverified restore (mark ${markPath(journal)}). Run the rollback again, which tests it and keeps it or puts the previous trio back; or put the previous trio back yourself (${shellWords(['git', 'checkout', '--', ...mark.files.map((f) => f.path)])}) and delete the mark`
    )
  ]
}
