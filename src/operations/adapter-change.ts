// The adapter boundary as the base revision's policy draws it and as the change's does (rules/adapter-change.ts):
// the files the base's boundary finds naming the producer's endpoints outside the adapter, that the change's no
// longer finds. Only when the change's boundary is narrower: a change that leaves the policy's adapter alone costs
// no scan.
import { positionAt } from '../document/source-file.js'
import type { SourceFile } from '../document/source-file.js'
import { createRepoScan } from '../fs/scan.js'
import type { RepoScan } from '../fs/scan.js'
import { resolveCommit } from '../git/git.js'
import type { BaselinePolicy } from '../policy/types.js'
import { findEndpoint, guardedEndpoints } from '../rules/adapter.js'
import { adapterChangeRules, narrowing } from '../rules/adapter-change.js'
import type { AdapterChangeInput, HiddenCall } from '../rules/adapter-change.js'
import type { Finding } from '../rules/finding.js'
import { beyondAdapter } from './adapter-input.js'

type Adapter = BaselinePolicy['adapter']

export interface AdapterChangeOptions {
  /** The baseline as the change's policy defines it, and as the base revision's does. */
  head: BaselinePolicy
  base: BaselinePolicy
  /** The commit judged: the files searched are the working tree's, which must be that commit's. */
  headCommit: string
  /** The joint approval, read only when the change hides a call. */
  approval: () => Promise<AdapterChangeInput['approval']>
}

export async function adapterChangeFindings(root: string, o: AdapterChangeOptions): Promise<Finding[]> {
  const narrowed = narrowing(o.base.adapter, o.head.adapter)
  if (narrowed.length === 0) return []
  const input = { baseline: o.base.name, narrowed, hidden: [] as HiddenCall[], approval: null }
  // the scan reads the working tree: the files of another commit than the one judged would prove nothing
  const checkedOut = await resolveCommit(root, 'HEAD')
  if (checkedOut !== o.headCommit) {
    const unsearched = `the working tree is at ${checkedOut?.slice(0, 12) ?? 'no commit'}, not at the head commit ${o.headCommit.slice(0, 12)}; check out the head commit and run again`
    return adapterChangeRules({ ...input, unsearched })
  }
  const hidden = hiddenCalls(createRepoScan(root), o.base.adapter, o.head.adapter)
  const approval = hidden.length > 0 ? await o.approval() : null
  return adapterChangeRules({ ...input, hidden, approval, unsearched: null })
}

/** Each scanned file that names guarded endpoints, with the endpoints it names (none without an adapter). */
function calls(scan: RepoScan, adapter: Adapter) {
  const found = new Map<string, { file: SourceFile; endpoints: string[] }>()
  if (adapter.files.length === 0) return found
  const guarded = guardedEndpoints(adapter)
  for (const file of scan.containing(beyondAdapter(scan, adapter), guarded))
    found.set(file.path, {
      file,
      endpoints: guarded.filter((e) => findEndpoint(file.text, e, guarded) !== -1)
    })
  return found
}

/** What the boundary could not search (BG605), by path: after calls() over the same boundary. */
function unsearchable(scan: RepoScan, adapter: Adapter): Map<string, string> {
  if (adapter.files.length === 0) return new Map()
  const u = scan.unscanned(adapter.scan, adapter.exclude, beyondAdapter(scan, adapter))
  return new Map(u.map((x) => [x.path, x.why]))
}

/**
 * What the base's boundary finds (a call, or a file it cannot search and so fails) and the change's does not,
 * and how the change's policy hides it.
 */
export function hiddenCalls(scan: RepoScan, base: Adapter, head: Adapter): HiddenCall[] {
  const seen = calls(scan, head)
  const headUnread = unsearchable(scan, head)
  const listed = new Set(head.files.length === 0 ? [] : beyondAdapter(scan, head))
  const how = (path: string): HiddenCall['why'] =>
    head.files.length === 0
      ? 'unchecked'
      : head.files.includes(path)
        ? 'adapter'
        : listed.has(path)
          ? 'unlisted'
          : 'unscanned'
  const hidden: HiddenCall[] = []
  for (const [path, call] of calls(scan, base)) {
    const still = seen.get(path)?.endpoints ?? []
    const endpoints = call.endpoints.filter((e) => !still.includes(e))
    if (endpoints.length === 0) continue
    const at = positionAt(call.file, findEndpoint(call.file.text, endpoints[0]!, guardedEndpoints(base)))
    hidden.push({ path, endpoints, at, why: how(path) })
  }
  // a file the base cannot search fails there (BG605), unseen calls and all: hiding it is hiding them (found by
  // review: a UTF-16 file, which git can check out from plain UTF-8 through .gitattributes, excluded, passed)
  for (const [path, unread] of unsearchable(scan, base)) {
    if (headUnread.has(path)) continue
    hidden.push({ path, endpoints: [], at: null, unread, why: how(path) })
  }
  return hidden
}

/** Every baseline's boundary change, by the change's baseline name (a rename's and a removal's under `removed`). */
export interface BoundaryChanges {
  byBaseline: Map<string, Finding[]>
  removed: Finding[]
}

/**
 * The adapter boundary of every baseline of the change's policy that the base defines, whichever baselines the
 * run judges (found by review: a narrowing in a baseline the run did not select passed): the boundary is the
 * policy's, and health judges them all. Then the base's baselines the change renames or removes: a rename is
 * compared with the baseline that governs the same pin now, a removal with no boundary at all.
 */
export async function boundaryChanges(
  root: string,
  o: {
    head: BaselinePolicy[]
    /** The base's definition of a baseline of the change's (null: none to compare with). */
    atBase: (b: BaselinePolicy) => BaselinePolicy | null
    removed: BaselinePolicy[]
    headCommit: string
    approval: (owners: BaselinePolicy['owners']) => Promise<AdapterChangeInput['approval']>
  }
): Promise<BoundaryChanges> {
  const compare = (head: BaselinePolicy, base: BaselinePolicy) =>
    adapterChangeFindings(root, {
      head,
      base,
      headCommit: o.headCommit,
      approval: () => o.approval(base.owners)
    })
  const byBaseline = new Map<string, Finding[]>()
  for (const head of o.head) {
    const base = o.atBase(head)
    if (base) byBaseline.set(head.name, await compare(head, base))
  }
  const removed: Finding[] = []
  for (const gone of o.removed) {
    const now = o.head.find((b) => b.trio.pin === gone.trio.pin) ?? {
      ...gone,
      adapter: { ...gone.adapter, files: [] }
    }
    removed.push(...(await compare(now, gone)))
  }
  return { byBaseline, removed }
}
