// A call to the producer that a change puts where the adapter scan does not look, though its globs reach the
// place: under an `adapter.exclude` glob (the policy's default `src/generated/**`) or in a `node_modules` directory,
// which the scan never enters. No policy change is needed for that, so the boundary comparison (adapter-change.ts)
// does not see it; the change's own files, read as committed at the head, do (BG606, found by review). What the
// file already named at the base is not asked about again (a generated client regenerated), nor is a mode change
// or the same bytes moved from one excluded place to another.
import { isUtf16, positionAt, sourceFromBytes } from '../document/source-file.js'
import { globReach, NAME_LINE_BREAK } from '../fs/listing.js'
import type { BlobReader } from '../git/git.js'
import type { ChangedEntry } from '../git/changed-paths.js'
import type { BaselinePolicy } from '../policy/types.js'
import { findEndpoint } from '../rules/adapter.js'
import type { HiddenCall } from '../rules/adapter-change.js'

const SUBMODULE = '160000'
const LINK = '120000'
const NONE = /^0+$/

/** The directories of `path` up to the first one whose name no glob can match ('' at the top). */
function plainDirectoryOf(path: string): string {
  const parts = path.split('/').slice(0, -1)
  const odd = parts.findIndex((p) => NAME_LINE_BREAK.test(p) || p.includes('\ufffd'))
  return (odd === -1 ? parts : parts.slice(0, odd)).join('/')
}

/**
 * The entries of `changed` the adapter's scan reaches and does not look at (an exclude, node_modules) that name one
 * of `guarded` as committed at the head and did not at the base, or cannot be searched: a submodule there (its code
 * ships with a checkout of submodules), a name no glob can match (a line break, not UTF-8), a file too large or in
 * UTF-16.
 */
export async function excludedCalls(
  reader: BlobReader,
  o: { adapter: BaselinePolicy['adapter']; guarded: string[]; changed: ChangedEntry[] }
): Promise<HiddenCall[]> {
  const { adapter, guarded } = o
  if (adapter.files.length === 0 || guarded.length === 0) return []
  const reach = globReach(adapter.scan, adapter.exclude)
  const hidden = (path: string, unread: string): HiddenCall => ({
    path,
    endpoints: [],
    at: null,
    unread,
    why: 'excluded'
  })
  // the bytes each deleted excluded file had: one added file of the same bytes was moved, not written (each
  // deletion answers for one: found by review, copies of it went through)
  const movedAway = new Map<string, number>()
  for (const e of o.changed)
    if (e.status === 'D' && e.path && reach.file(e.path) === 'excluded')
      movedAway.set(e.oldId, (movedAway.get(e.oldId) ?? 0) + 1)
  const moved = (id: string) => {
    const n = movedAway.get(id) ?? 0
    if (n > 0) movedAway.set(id, n - 1)
    return n > 0
  }
  const out: HiddenCall[] = []
  for (const e of o.changed) {
    if (e.status === 'D') continue
    // a name no glob matches, in a directory the scan reaches and leaves out: said here, as health's walk says it
    // only of the directories it reads (BG605), never of an excluded one
    if (e.path === null || NAME_LINE_BREAK.test(e.path)) {
      if (reach.directory(plainDirectoryOf(e.shown)) !== 'excluded') continue
      out.push(
        hidden(
          e.shown,
          "its name holds a line break or is not UTF-8, which no glob matches, so the scan's reach cannot be told"
        )
      )
      continue
    }
    if (e.oldId === e.newId) continue
    if (e.newMode === SUBMODULE) {
      if (reach.directory(e.path) === 'excluded')
        out.push(
          hidden(e.path, 'a submodule, whose code a checkout with submodules brings and no scan reads')
        )
      continue
    }
    if (adapter.files.includes(e.path) || reach.file(e.path) !== 'excluded') continue
    // only an excluded file takes up a deletion's move (found by review: a move out of it used the credit up)
    if (e.status === 'A' && moved(e.newId)) continue
    const now = await reader.read(e.newId)
    if (!now.found) {
      out.push(
        hidden(
          e.path,
          now.tooLarge
            ? `it is larger than the ${reader.limit} bytes a file is read to`
            : 'it cannot be read from git'
        )
      )
      continue
    }
    if (isUtf16(now.content)) {
      out.push(hidden(e.path, 'it is UTF-16 text, which the search for the endpoints does not read'))
      continue
    }
    const file = sourceFromBytes(e.path, now.content)
    let endpoints = guarded.filter((x) => findEndpoint(file.text, x, guarded) !== -1)
    // what the file named at the base is not asked about again; a link's text or a submodule's id named nothing
    if (endpoints.length > 0 && !NONE.test(e.oldId) && e.oldMode !== SUBMODULE && e.oldMode !== LINK) {
      const before = await reader.read(e.oldId)
      const was = before.found ? sourceFromBytes(e.path, before.content).text : ''
      endpoints = endpoints.filter((x) => findEndpoint(was, x, guarded) === -1)
    }
    if (endpoints.length === 0) continue
    out.push({
      path: e.path,
      endpoints,
      at: positionAt(file, findEndpoint(file.text, endpoints[0]!, guarded)),
      why: 'excluded'
    })
  }
  return out
}
