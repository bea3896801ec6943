// A call to the producer that a change puts where the adapter scan does not look, though its globs cover the place:
// under an `adapter.exclude` glob (the policy's default `src/generated/**`) or in a `node_modules` directory, which
// the scan never enters. No policy change is needed for that, so the boundary comparison (adapter-change.ts) does
// not see it; the change's own files, read as committed at the head, do (BG606, found by review).
import picomatch from 'picomatch'
import { positionAt, sourceFromBytes } from '../document/source-file.js'
import { unsearchable } from '../fs/scan.js'
import type { BlobReader } from '../git/git.js'
import { readAtCommit } from '../git/tree-path.js'
import type { BaselinePolicy } from '../policy/types.js'
import { findEndpoint } from '../rules/adapter.js'
import type { HiddenCall } from '../rules/adapter-change.js'

/** A directory the scan never enters, whatever the globs (fs/listing.ts). */
const NEVER_SCANNED = /(^|\/)node_modules\//

/**
 * The files of `changed` that the adapter's scan globs cover and its excludes (or a node_modules directory) leave
 * out, and that name one of `guarded` as committed at `head`, or cannot be searched.
 */
export async function excludedCalls(
  reader: BlobReader,
  o: { adapter: BaselinePolicy['adapter']; guarded: string[]; changed: string[]; head: string }
): Promise<HiddenCall[]> {
  const { adapter, guarded } = o
  if (adapter.files.length === 0 || guarded.length === 0) return []
  // matched as the scan's walk matches (tinyglobby's picomatch, dot files included)
  const covered = picomatch(adapter.scan, { dot: true })
  const excluded = adapter.exclude.length > 0 ? picomatch(adapter.exclude, { dot: true }) : () => false
  const out: HiddenCall[] = []
  for (const path of o.changed) {
    if (adapter.files.includes(path) || !covered(path)) continue
    if (!excluded(path) && !NEVER_SCANNED.test(path)) continue
    const read = await readAtCommit(reader, o.head, path)
    if (read.kind === 'missing') continue
    const unread = unsearchable(read)
    if (unread || read.kind !== 'ok') {
      out.push({ path, endpoints: [], at: null, unread: unread ?? 'it cannot be read', why: 'excluded' })
      continue
    }
    const file = sourceFromBytes(path, read.bytes)
    const endpoints = guarded.filter((e) => findEndpoint(file.text, e, guarded) !== -1)
    if (endpoints.length === 0) continue
    const at = positionAt(file, findEndpoint(file.text, endpoints[0]!, guarded))
    out.push({ path, endpoints, at, why: 'excluded' })
  }
  return out
}
