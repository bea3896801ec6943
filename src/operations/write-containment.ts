// The trio files an operation is about to write, held inside the repository: a link planted in a pull request
// (config/ -> /tmp/elsewhere) must block the write with a finding, before the first byte, never be written through.
import { ContainmentError, writePaths } from '../fs/contain.js'
import type { SetWrite } from '../fs/atomic-set.js'
import { finding } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'

/** A BG110 finding for each repository-relative path that would be written outside the repository. */
export function writeEscapeFindings(root: string, rels: string[]): Finding[] {
  const r = writePaths(root, rels)
  if (r.ok) return []
  return r.escapes.map((e) =>
    finding(
      'BG110',
      e.path,
      null,
      `${e.path} ${e.problem}; nothing was written. Make it a regular file in a real directory of the repository (git checkout -- ${e.path}), then run again`
    )
  )
}

/** The set to write, at the real paths of `writes` (repository-relative); throws rather than leave the root. */
export function containedSetWrites(
  root: string,
  writes: { path: string; content: Buffer | string }[]
): SetWrite[] {
  const r = writePaths(
    root,
    writes.map((w) => w.path)
  )
  if (!r.ok)
    throw new ContainmentError(
      `${r.escapes.map((e) => `${e.path} ${e.problem}`).join('; ')}; nothing was written (BG110)`
    )
  return writes.map((w, i) => ({ path: r.abs[i]!, content: w.content }))
}
