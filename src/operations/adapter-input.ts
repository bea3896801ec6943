// The adapter boundary rules (6xx) over the repository on disk: the adapter files and every scanned file that
// names one of the producer's endpoints. Shared by health and rollback (which checks the restored trio).
import { readRepoFile } from '../files/read.js'
import { filesContaining, listFiles } from '../files/scan.js'
import type { BaselinePolicy } from '../policy/types.js'
import { adapterRules } from '../rules/adapter.js'
import type { Finding } from '../rules/finding.js'
import { sourceFromBytes } from '../source/source-file.js'

export function adapterFindings(root: string, baseline: BaselinePolicy): Finding[] {
  const adapter = baseline.adapter
  if (adapter.files.length === 0) {
    // not checked; but the notice names the files that look like the adapter
    const named = filesContaining(root, listFiles(root, adapter.scan, adapter.exclude), adapter.endpoints)
    return adapterRules({ adapter, adapterSources: [], scanned: [], candidates: named.map((f) => f.path) })
  }
  const adapterSources = adapter.files.map((path) => {
    const read = readRepoFile(root, path)
    const escape = read.kind === 'outside-root' || read.kind === 'dangling-link' ? read.problem : undefined
    return { path, source: read.kind === 'ok' ? sourceFromBytes(path, read.bytes) : null, escape }
  })
  const own = new Set(adapter.files)
  const others = listFiles(root, adapter.scan, adapter.exclude).filter((p) => !own.has(p))
  return adapterRules({ adapter, adapterSources, scanned: filesContaining(root, others, adapter.endpoints) })
}
