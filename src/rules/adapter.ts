// 6xx: the consumer's adapter boundary: one file names the producer's endpoints, and no other scanned file does.
import { positionAt } from '../source/source-file.js'
import type { SourceFile } from '../source/source-file.js'
import type { BaselinePolicy } from '../policy/types.js'
import { finding } from './finding.js'
import type { Finding } from './finding.js'

export interface AdapterInput {
  adapter: BaselinePolicy['adapter']
  /** The adapter file's source, or null when it cannot be read. */
  adapterSource: SourceFile | null
  /** The other scanned files that contain an endpoint string (the adapter itself excluded). */
  scanned: SourceFile[]
}

export function adapterRules(input: AdapterInput): Finding[] {
  const { adapter } = input
  if (!adapter.file) {
    return [
      finding(
        'BG604',
        null,
        null,
        'the policy names no adapter file (adapter.file), so the adapter boundary is not checked'
      )
    ]
  }
  const out: Finding[] = []
  if (!input.adapterSource) {
    out.push(
      finding(
        'BG601',
        adapter.file,
        null,
        `the adapter file ${adapter.file} does not exist; restore it or set adapter.file in the policy`
      )
    )
  } else {
    for (const endpoint of adapter.endpoints) {
      if (!input.adapterSource.text.includes(endpoint)) {
        out.push(
          finding(
            'BG602',
            adapter.file,
            { line: 1, column: 1 },
            `the adapter does not name the endpoint ${endpoint}; every call to the producer goes through the adapter`
          )
        )
      }
    }
  }
  for (const file of input.scanned) {
    for (const endpoint of adapter.endpoints) {
      const i = file.text.indexOf(endpoint)
      if (i === -1) continue
      out.push(
        finding(
          'BG603',
          file.path,
          positionAt(file, i),
          `names the producer endpoint ${endpoint} outside the adapter ${adapter.file}; call the producer through the adapter (or add this file to adapter.exclude if it is not code)`
        )
      )
    }
  }
  return out
}
