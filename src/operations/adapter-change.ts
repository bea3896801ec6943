// The adapter boundary as the base revision's policy draws it and as the change's does (rules/adapter-change.ts):
// the files the base's boundary finds naming the producer's endpoints outside the adapter (or cannot search), that
// the change's no longer finds; and the files the change adds or edits where the scan does not look
// (excluded-calls.ts). The boundaries are drawn only when the change's is narrower, over one scan for the run.
import { positionAt } from '../document/source-file.js'
import type { SourceFile } from '../document/source-file.js'
import { createRepoScan } from '../fs/scan.js'
import type { RepoScan } from '../fs/scan.js'
import { BlobReader, resolveCommit } from '../git/git.js'
import type { ChangedEntry } from '../git/changed-paths.js'
import type { BaselinePolicy } from '../policy/types.js'
import { findEndpoint, guardedEndpoints } from '../rules/adapter.js'
import { adapterChangeRules, narrowing } from '../rules/adapter-change.js'
import type { AdapterChangeInput, HiddenCall } from '../rules/adapter-change.js'
import type { Finding } from '../rules/finding.js'
import { advice, beyondAdapter } from './adapter-input.js'
import { excludedCalls } from './excluded-calls.js'

type Adapter = BaselinePolicy['adapter']

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

/** What the boundary could not search (BG605), by path, with what to do: after calls() over the same boundary. */
function unsearchable(scan: RepoScan, adapter: Adapter): Map<string, { why: string; todo: string }> {
  if (adapter.files.length === 0) return new Map()
  const u = scan.unscanned(adapter.scan, adapter.exclude, beyondAdapter(scan, adapter))
  return new Map(u.map((x) => [x.path, { why: x.why, todo: advice(x) }]))
}

/**
 * What the base's boundary finds (a call, or a file it cannot search and so fails) and the change's does not,
 * and how the change's policy hides it. A file the change's boundary still fails (on any endpoint: `/v2/items`
 * for `/v2/items/find`) is not hidden: health says it.
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
  const guarded = guardedEndpoints(base)
  for (const [path, call] of calls(scan, base)) {
    if (seen.has(path) || headUnread.has(path)) continue
    const at = positionAt(call.file, findEndpoint(call.file.text, call.endpoints[0]!, guarded))
    hidden.push({ path, endpoints: call.endpoints, at, why: how(path) })
  }
  // a file the base cannot search fails there (BG605), unseen calls and all: hiding it is hiding them (found by
  // review: a UTF-16 file, which git can check out from plain UTF-8 through .gitattributes, excluded, passed)
  for (const [path, u] of unsearchable(scan, base)) {
    if (headUnread.has(path) || seen.has(path)) continue
    hidden.push({ path, endpoints: [], at: null, unread: u.why, unreadTodo: u.todo, why: how(path) })
  }
  return hidden
}

/** Every baseline's boundary change, by the change's baseline name (a rename's and a removal's under `removed`). */
export interface BoundaryChanges {
  byBaseline: Map<string, Finding[]>
  removed: Finding[]
}

export interface BoundaryOptions {
  head: BaselinePolicy[]
  /** The base's definition of a baseline of the change's (null: none to compare with). */
  atBase: (b: BaselinePolicy) => BaselinePolicy | null
  removed: BaselinePolicy[]
  /** The commit judged: the boundaries are drawn over the working tree, which must be that commit's. */
  headCommit: string
  /** What the change adds, edits and deletes (git diff base..head), from the root. */
  changed: ChangedEntry[]
  approval: (owners: BaselinePolicy['owners']) => Promise<AdapterChangeInput['approval']>
}

/**
 * The adapter boundary of every baseline of the change's policy, whichever baselines the run judges (found by
 * review: a narrowing in a baseline the run did not select passed): the boundary is the policy's, and health
 * judges them all. Then the base's baselines the change renames or removes: a rename is compared with the baseline
 * that governs the same pin now, a removal with no boundary at all.
 */
export async function boundaryChanges(root: string, o: BoundaryOptions): Promise<BoundaryChanges> {
  // one scan for every comparison (found by review: one per baseline, each reading the repository again)
  let scan: RepoScan | null = null
  let checkedOut: string | null | undefined
  const reader = new BlobReader(root)
  const compare = async (
    head: BaselinePolicy,
    base: BaselinePolicy | null,
    changed = o.changed,
    said = new Set<string>()
  ): Promise<{ findings: Finding[]; paths: string[] }> => {
    const narrowed = base ? narrowing(base.adapter, head.adapter) : []
    const guarded = [
      ...new Set([...guardedEndpoints(head.adapter), ...(base ? guardedEndpoints(base.adapter) : [])])
    ]
    // read as committed at the head: no working tree needed
    const excluded = await excludedCalls(reader, { adapter: head.adapter, guarded, changed })
    const input = { baseline: (base ?? head).name, narrowed, approval: null }
    if (narrowed.length === 0 && excluded.length === 0) return { findings: [], paths: [] }
    let hidden: HiddenCall[] = []
    if (base && narrowed.length > 0) {
      // the scan reads the working tree: the files of another commit than the one judged would prove nothing
      if (checkedOut === undefined) checkedOut = await resolveCommit(root, 'HEAD')
      if (checkedOut !== o.headCommit) {
        const unsearched = `the working tree is at ${checkedOut?.slice(0, 12) ?? 'no commit'}, not at the head commit ${o.headCommit.slice(0, 12)}; check out the head commit and run again`
        return { findings: adapterChangeRules({ ...input, hidden: [], unsearched }), paths: [] }
      }
      hidden = hiddenCalls((scan ??= createRepoScan(root)), base.adapter, head.adapter)
    }
    const paths = new Set(hidden.map((h) => h.path))
    hidden.push(...excluded.filter((h) => !paths.has(h.path)))
    // a file a renamed baseline's comparison already named is said once
    hidden = hidden.filter((h) => !said.has(h.path))
    const approval = hidden.length > 0 ? await o.approval((base ?? head).owners) : null
    return {
      findings: adapterChangeRules({ ...input, hidden, approval, unsearched: null }),
      paths: hidden.map((h) => h.path)
    }
  }
  try {
    // the base's baselines the change renames or removes first: what they name, the renamed one does not again
    const removed: Finding[] = []
    const said = new Map<string, Set<string>>()
    for (const gone of o.removed) {
      const now = o.head.find((b) => b.trio.pin === gone.trio.pin) ?? {
        ...gone,
        adapter: { ...gone.adapter, files: [] }
      }
      // the change's files are its baselines' to judge (below), not here
      const r = await compare(now, gone, [])
      removed.push(...r.findings)
      const paths = said.get(now.name) ?? new Set<string>()
      for (const p of r.paths) paths.add(p)
      said.set(now.name, paths)
    }
    const byBaseline = new Map<string, Finding[]>()
    for (const head of o.head) {
      const r = await compare(head, o.atBase(head), o.changed, said.get(head.name))
      byBaseline.set(head.name, r.findings)
    }
    return { byBaseline, removed }
  } finally {
    reader.close()
  }
}
