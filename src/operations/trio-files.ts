// The trio as three files on disk: read as bytes, and written as one set, the pin (which the consumer reads at
// start-up) last.
import { readRepoFile } from '../fs/read.js'
import type { BaselinePolicy } from '../policy/types.js'
import type { Finding } from '../rules/finding.js'
import type { Committed } from '../trio/load.js'
import type { TrioRole } from '../trio/model.js'
import { writeEscapeFindings } from './write-containment.js'

export const WRITE_ORDER: TrioRole[] = ['manifest', 'matrix', 'pin']

/** Each file's bytes; null for one that cannot be read. */
export function trioOnDisk(root: string, baseline: BaselinePolicy): Record<TrioRole, Buffer | null> {
  const read = (path: string) => {
    const r = readRepoFile(root, path)
    return r.kind === 'ok' ? r.bytes : null
  }
  return {
    pin: read(baseline.trio.pin),
    manifest: read(baseline.trio.manifest),
    matrix: read(baseline.trio.matrix)
  }
}

/** A BG110 finding for each trio file that would be written outside the repository (a link a pull request planted). */
export function trioWriteEscapes(root: string, baseline: BaselinePolicy): Finding[] {
  return writeEscapeFindings(
    root,
    WRITE_ORDER.map((r) => baseline.trio[r])
  )
}

/** The same bytes, or the same reason there are none (missing, a link out of the root). */
export function sameBytes(a: Committed, b: Committed): boolean {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b)
  if (Buffer.isBuffer(a) || Buffer.isBuffer(b)) return false
  return JSON.stringify(a) === JSON.stringify(b)
}
