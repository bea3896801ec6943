// 6xx: the consumer's adapter boundary: the adapter file(s) name the producer's endpoints, and no other scanned
// file does.
import { positionAt } from '../document/source-file.js'
import type { SourceFile } from '../document/source-file.js'
import type { BaselinePolicy } from '../policy/types.js'
import { finding } from './finding.js'
import type { Finding } from './finding.js'
import { someOf } from '../text/plural.js'

export interface AdapterInput {
  adapter: BaselinePolicy['adapter']
  /**
   * Each adapter file's source (null when it cannot be read), in the policy's order; `escape` says how its
   * path leaves the repository (never read); `unread` why a file that is there could not be read.
   */
  adapterSources: { path: string; source: SourceFile | null; escape?: string; unread?: string }[]
  /** The other scanned files that contain an endpoint string (the adapter files excluded). */
  scanned: SourceFile[]
  /**
   * Without an adapter in the policy: the scanned files that name endpoints, so the notice can say where the
   * adapter probably is (baseline-gate init writes it into the policy).
   */
  candidates?: string[]
}

/**
 * The endpoints no file but the adapter may name: those it calls and those the consumer does not (found by review:
 * init listed only those the adapter names, and a file naming one of the others passed).
 */
export function guardedEndpoints(adapter: AdapterInput['adapter']): string[] {
  return [...adapter.endpoints, ...adapter.unused.filter((e) => !adapter.endpoints.includes(e))]
}

/**
 * Where `text` names `endpoint` first, or -1. An occurrence that begins a longer endpoint of `all` is that one's,
 * not this one's (found by review: `/v2/statusz` was also reported as `/v2/status`, and an adapter naming only
 * `/v2/statusz` passed BG602 for `/v2/status`).
 */
export function findEndpoint(text: string, endpoint: string, all: readonly string[]): number {
  const longer = all.filter((e) => e.length > endpoint.length && e.startsWith(endpoint))
  for (let i = text.indexOf(endpoint); i !== -1; i = text.indexOf(endpoint, i + 1))
    if (!longer.some((e) => text.startsWith(e, i))) return i
  return -1
}

export function adapterRules(input: AdapterInput): Finding[] {
  const { adapter } = input
  if (adapter.files.length === 0) {
    const hint =
      input.candidates && input.candidates.length > 0
        ? `; these files name producer endpoints: ${someOf(input.candidates, 5)} (baseline-gate init writes the adapter into the policy)`
        : // init finds the adapter by the endpoints it names: with none named, sending the reader there loops
          `; no file adapter.scan covers (${input.adapter.scan.join(', ')}) names a producer endpoint: set adapter.file to the module that calls the producer, and adapter.scan to where the rest of the code lives`
    return [
      finding(
        'BG604',
        null,
        null,
        `the policy names no adapter file (adapter.file), so the adapter boundary is not checked${hint}`
      )
    ]
  }
  const guarded = guardedEndpoints(adapter)
  const out: Finding[] = []
  const readable = input.adapterSources.filter((a) => a.source !== null)
  for (const a of input.adapterSources) {
    if (a.source) continue
    if (a.escape) {
      out.push(finding('BG110', a.path, null, `the adapter file path ${a.path} ${a.escape}; it was not read`))
      continue
    }
    out.push(
      finding(
        'BG601',
        a.path,
        null,
        a.unread
          ? `the adapter file ${a.path} cannot be read: ${a.unread}; make it a readable file of the repository or set adapter.file in the policy`
          : `the adapter file ${a.path} does not exist; restore it or set adapter.file in the policy`
      )
    )
  }
  if (readable.length > 0) {
    const first = readable[0]!.path
    for (const endpoint of adapter.endpoints) {
      if (readable.some((a) => findEndpoint(a.source!.text, endpoint, guarded) !== -1)) continue
      out.push(
        finding(
          'BG602',
          first,
          { line: 1, column: 1 },
          `${readable.length === 1 ? 'the adapter does' : `none of the adapter files (${readable.map((a) => a.path).join(', ')}) does`} not name the endpoint ${endpoint}; every call to the producer goes through the adapter`
        )
      )
    }
  }
  const named = adapter.files.join(', ')
  for (const file of input.scanned) {
    for (const endpoint of guarded) {
      const i = findEndpoint(file.text, endpoint, guarded)
      if (i === -1) continue
      out.push(
        finding(
          'BG603',
          file.path,
          positionAt(file, i),
          `names the producer endpoint ${endpoint} outside the adapter ${named}; call the producer through the adapter (or add this file to adapter.exclude if it is not code)`
        )
      )
    }
  }
  return out
}
