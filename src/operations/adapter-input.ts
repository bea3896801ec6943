// The adapter boundary rules (6xx) over the repository on disk: the adapter file and every scanned file that
// names one of the producer's endpoints. Shared by health and rollback (which checks the restored trio).
import { readRepoFile } from '../files/read.js'
import { filesContaining, listFiles } from '../files/scan.js'
import type { BaselinePolicy } from '../policy/types.js'
import { adapterRules } from '../rules/adapter.js'
import type { Finding } from '../rules/finding.js'
import { sourceFromBytes } from '../source/source-file.js'

export function adapterFindings(root: string, baseline: BaselinePolicy): Finding[] {
  const adapter = baseline.adapter
  if (!adapter.file) return adapterRules({ adapter, adapterSource: null, scanned: [] })
  const read = readRepoFile(root, adapter.file)
  const adapterSource = read.kind === 'ok' ? sourceFromBytes(adapter.file, read.bytes) : null
  const others = listFiles(root, adapter.scan, adapter.exclude).filter((p) => p !== adapter.file)
  return adapterRules({ adapter, adapterSource, scanned: filesContaining(root, others, adapter.endpoints) })
}
