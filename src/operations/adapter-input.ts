// The adapter boundary rules (6xx) over the repository on disk: the adapter files and every scanned file that
// names one of the producer's endpoints. Shared by health and rollback (which checks the restored trio).
import { createRepoScan, unsearchable, UTF16 } from '../fs/scan.js'
import type { Unscanned } from '../fs/listing.js'
import type { RepoScan } from '../fs/scan.js'
import type { BaselinePolicy } from '../policy/types.js'
import { adapterRules, guardedEndpoints } from '../rules/adapter.js'
import { finding } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'

/** The findings of each adapter configuration a scan has judged (see adapterFindings). */
const judged = new WeakMap<RepoScan, Map<string, Finding[]>>()

/**
 * @param scan the run's scan of the repository: baselines with the same globs, endpoints or adapter files share
 *   its listing, reads and searches (a new one by default), and baselines with the same adapter configuration
 *   its findings, which depend on nothing else (each gets copies of its own)
 */
export function adapterFindings(
  root: string,
  baseline: BaselinePolicy,
  scan: RepoScan = createRepoScan(root)
): Finding[] {
  let byAdapter = judged.get(scan)
  if (!byAdapter) judged.set(scan, (byAdapter = new Map()))
  const key = JSON.stringify(baseline.adapter)
  let found = byAdapter.get(key)
  if (!found) byAdapter.set(key, (found = judge(baseline.adapter, scan)))
  return found.map((f) => ({ ...f }))
}

function judge(adapter: BaselinePolicy['adapter'], scan: RepoScan): Finding[] {
  if (adapter.files.length === 0) {
    // not checked; but the notice names the files that look like the adapter
    const named = scan.containing(scan.list(adapter.scan, adapter.exclude), guardedEndpoints(adapter))
    return adapterRules({ adapter, adapterSources: [], scanned: [], candidates: named.map((f) => f.path) })
  }
  const adapterSources = adapter.files.map((path) => {
    const file = scan.file(path)
    const read = file.read
    const escape = read.kind === 'outside-root' || read.kind === 'dangling-link' ? read.problem : undefined
    // there but not read (too large, not a file, unreadable, UTF-16): never "does not exist" (found by review)
    const why = escape ? undefined : unsearchable(read)
    const unread = why === UTF16 ? `${why} (save it as UTF-8)` : why
    return { path, source: why ? null : file.source(), escape, unread }
  })
  const others = beyondAdapter(scan, adapter)
  const scanned = scan.containing(others, guardedEndpoints(adapter))
  // what the search could not look into could name an endpoint unseen: each is a finding of its own
  const unscanned = scan
    .unscanned(adapter.scan, adapter.exclude, others)
    .map((u) =>
      finding('BG605', u.path, null, `not scanned for the producer's endpoints: ${u.why}; ${advice(u)}`)
    )
  return [...adapterRules({ adapter, adapterSources, scanned }), ...unscanned]
}

/** The files the adapter scan lists, the adapter's own left out: none of them may name an endpoint (BG603). */
export function beyondAdapter(scan: RepoScan, adapter: BaselinePolicy['adapter']): string[] {
  const own = new Set(adapter.files)
  return scan.list(adapter.scan, adapter.exclude).filter((p) => !own.has(p))
}

/** What to do about a place the scan could not look into. */
export function advice(u: Unscanned): string {
  if (u.why === UTF16) return 'save it as UTF-8, or exclude it (adapter.exclude) if it is no source'
  if (u.oddName) return 'rename it (no glob can match or exclude such a name)'
  if (u.link && u.directory)
    return 'scan the directory it names where it is (adapter.scan), not through the link, or exclude the link (adapter.exclude) if what it names is no source'
  if (u.link)
    return 'make it a link inside the repository (the scan follows none out of it), or exclude it (adapter.exclude) if what it names is no source'
  if (u.directory)
    return 'make it a directory the scan can read (a shorter path, read permission), or exclude it (adapter.exclude) if it holds no source'
  return 'make it a readable file of the repository, or exclude it (adapter.exclude) if it is no source'
}
