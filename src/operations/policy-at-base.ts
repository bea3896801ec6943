// The promotion gate judges a change by the policy at the BASE revision: which files are a baseline's trio and
// its producer's, who may approve, which suites run. A pull request edits the policy in the working tree; were
// that copy believed, it could point the trio at files it leaves alone while it edits the real ones, or rename
// the baseline so that its own suites run. An edit of the policy applies once it is merged.
import { realpathSync } from 'node:fs'
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path'
import { isWithin } from '../fs/contain.js'
import { BlobReader } from '../git/git.js'
import { workTreeTop } from '../git/root.js'
import { readAtCommit } from '../git/tree-path.js'
import { DEFAULT_POLICY_PATH } from '../policy/defaults.js'
import { policyAtRevision } from '../policy/load.js'
import type { BaselinePolicy, Policy } from '../policy/types.js'
import { finding } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'
import { committed, producerPaths } from '../trio/load.js'
import type { Committed } from '../trio/load.js'
import { TRIO_ROLES } from '../trio/model.js'
import { sameBytes } from './trio-files.js'

/** How the gate judges one baseline of the working tree's policy. */
export type BaseDefinition =
  /** The policy file lies outside the work tree (a workflow's own, named by its absolute path): as it is. */
  | { kind: 'trusted'; baseline: BaselinePolicy }
  /** The base revision's policy defines a baseline of this name: that definition is the one judged. */
  | { kind: 'base'; baseline: BaselinePolicy; policy: Policy }
  /**
   * Adoption: the base revision has no policy file and no trio where the built-in defaults look, so nothing there
   * is governed yet; the change that brings the policy is judged by it (BG709 says so).
   */
  | { kind: 'adoption'; baseline: BaselinePolicy; why: string }
  /** The base revision's policy defines no baseline of this name: why. */
  | { kind: 'none'; why: string }
  /** The base revision's policy cannot be read: no file can be told to be a trio's, so every change fails. */
  | { kind: 'unreadable'; why: string; todo?: string }

export interface PolicyAtBase {
  definitionOf(head: BaselinePolicy): BaseDefinition
  /** BG708 for each baseline of the base policy this change renames or removes while it changes its trio. */
  removedWithTrioChanged: Finding[]
  /** The baselines of the base policy the change's policy has no baseline of the same name for. */
  removed: BaselinePolicy[]
}

const LAND_FIRST =
  'land the policy change on its own first (a pull request that changes no trio file), then change the trio'

/** Where the policy file is, from the top of the work tree (and where the root is); null: outside it. */
interface PolicyLocation {
  top: string
  /** The policy file's path from the top. */
  fromTop: string
  /** The root's path from the top ('' at the top). */
  rootFromTop: string
}

/**
 * Where the policy file lies in the repository, or null: it is outside (a workflow's own file, given by its
 * absolute path), trusted as it is. A policy given by an absolute path inside the work tree (a consumer below the
 * top of a monorepo, its policy above it) is the repository's all the same, and the pull request's to edit. The
 * path is taken as given once inside the work tree, never through its links: the pull request controls those, and
 * a policy replaced by a link to a decoy would otherwise be looked up at the decoy's path at the base.
 */
async function policyLocation(root: string, policy: Policy): Promise<PolicyLocation | null> {
  const top = await workTreeTop(root)
  if (top === null) return null
  const rootFromTop = relative(top, realpathSync(root)).split(sep).join('/')
  if (!(policy.source === 'file' && policy.path && isAbsolute(policy.path))) {
    const path = policy.source === 'file' && policy.path ? policy.path : DEFAULT_POLICY_PATH
    return { top, fromTop: posix.join(rootFromTop, path), rootFromTop }
  }
  // the given path's directories are resolved only until they enter the work tree (a link outside it, such as a
  // workspace directory, is the machine's); the rest is the repository's, read at the base as git holds it
  const parts = resolve(policy.path)
    .split(sep)
    .filter((p) => p !== '')
  for (let i = 0; i <= parts.length; i++) {
    const prefix = join(sep, ...parts.slice(0, i))
    let real = prefix
    try {
      real = realpathSync(prefix)
    } catch {
      // not there: as it was given
    }
    if (isWithin(top, real))
      return {
        top,
        fromTop: posix.join(relative(top, real).split(sep).join('/'), ...parts.slice(i)),
        rootFromTop
      }
  }
  return null
}

/** The directories above the root, up to the top, each as a path from the top ('' is the top). */
function ancestors(rootFromTop: string): string[] {
  const parts = rootFromTop === '' ? [] : rootFromTop.split('/')
  return parts.map((_, i) => parts.slice(0, parts.length - 1 - i).join('/'))
}

/**
 * @param rootFrom the directory the root was found from (src/git/root.ts): at the base, the nearest directory
 *   above it holding the marker must be this root, else the change moved the root (a policy file added, deleted
 *   or moved), and nothing of the base can be told apart from the change's own (absent: a root given as it is)
 */
export async function policyAtBase(
  root: string,
  policy: Policy,
  revs: { base: string; head: string },
  rootFrom?: string
): Promise<PolicyAtBase> {
  const location = await policyLocation(root, policy)
  if (!location)
    return {
      definitionOf: (baseline) => ({ kind: 'trusted', baseline }),
      removedWithTrioChanged: [],
      removed: []
    }
  const shown = policy.path ?? DEFAULT_POLICY_PATH
  const reader = new BlobReader(root)
  // the policy may lie above the root (a monorepo's): read from the top, a link inside the work tree followed
  const fromTop = new BlobReader(location.top)
  // a trio file as promotion reads it (a link inside the root followed), so both see the same change
  const read = async (rev: string, file: string) => committed(await readAtCommit(reader, rev, file))
  try {
    // (a root given as it is, not found from a directory, is the caller's: nothing to compare)
    const moved =
      rootFrom === undefined
        ? location.rootFromTop
        : await rootAtBase(fromTop, revs.base, relative(location.top, rootFrom).split(sep).join('/'))
    if (moved !== location.rootFromTop) {
      const where = (d: string) => (d === '' ? 'the top of the repository' : d)
      const why = `the base revision's root is ${where(moved)}, not ${where(location.rootFromTop)}: the nearest ${DEFAULT_POLICY_PATH} above ${rootFrom} moved (this change adds, deletes or moves one), so the gate cannot tell which policy governs this change`
      const todo = `run the gate from the root the base revision has${moved === '' ? ' (the top of the repository)' : ` (--root ${moved})`}, or have a maintainer merge the policy file's move on its own`
      return {
        definitionOf: () => ({ kind: 'unreadable', why, todo }),
        removedWithTrioChanged: [],
        removed: []
      }
    }
    let atBase: Policy
    try {
      const found = await readAtCommit(fromTop, revs.base, location.fromTop)
      if (found.kind !== 'ok' && found.kind !== 'missing')
        throw new Error(`${shown}: ${'problem' in found ? found.problem : found.kind.replace(/-/g, ' ')}`)
      atBase = policyAtRevision(root, found.kind === 'ok' ? found.bytes : null, shown)
    } catch (e) {
      const why = `the base revision's policy cannot be read (${(e as Error).message})`
      return { definitionOf: () => ({ kind: 'unreadable', why }), removedWithTrioChanged: [], removed: [] }
    }
    // no policy at the base, and the defaults' files are not all there: the defaults cannot have governed that
    // revision (health on them fails: a consumer with its own layout adopting the tool), so there is nothing a pull
    // request could evade. A base whose files are all where the defaults look is governed by them, as ever; so is
    // one with a policy above the root, which the command found the root by there (a policy this change adds
    // below it moves the root: never a reason to believe that policy)
    const missing =
      atBase.source === 'defaults' && !(await policyAbove(fromTop, revs.base, location.rootFromTop))
        ? await missingFiles(atBase, (f) => read(revs.base, f))
        : []
    if (missing.length > 0) {
      const why = `the base revision has no policy file (${shown}), and not all the files the built-in defaults name are there (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''} missing)`
      return {
        definitionOf: (baseline) => ({ kind: 'adoption', baseline, why }),
        removedWithTrioChanged: [],
        removed: []
      }
    }
    const inHead = new Set(policy.baselines.map((b) => b.name))
    const removedWithTrioChanged: Finding[] = []
    // the files the change's policy governs: a baseline renamed or removed must leave none of its own ungoverned
    const governed = new Set(policy.baselines.flatMap(governedPaths))
    const removed = atBase.baselines.filter((b) => !inHead.has(b.name))
    for (const gone of removed) {
      const loose = governedPaths(gone).filter((p) => !governed.has(p))
      if (loose.length > 0)
        removedWithTrioChanged.push(
          finding(
            'BG710',
            loose[0]!,
            null,
            `this change renames or removes the baseline "${gone.name}" of the base revision's policy, and no baseline of its policy governs ${loose.join(', ')} any more: the consumer could go on reading a file no rule judges; keep the files governed (a rename keeps every path), or have maintainers of both teams review and land the change themselves`
          )
        )
      const changed: string[] = []
      for (const role of TRIO_ROLES) {
        const file = gone.trio[role]
        if (!sameBytes(await read(revs.base, file), await read(revs.head, file))) changed.push(file)
      }
      if (changed.length > 0)
        removedWithTrioChanged.push(
          finding(
            'BG708',
            changed[0]!,
            null,
            `this change renames or removes the baseline "${gone.name}" of the base revision's policy and also changes its trio (${changed.join(', ')}), which the gate then could not judge: ${LAND_FIRST}`
          )
        )
    }
    return {
      definitionOf: (head) => {
        const baseline = atBase.baselines.find((b) => b.name === head.name)
        return baseline
          ? { kind: 'base', baseline, policy: atBase }
          : { kind: 'none', why: `the base revision's policy defines no baseline "${head.name}"` }
      },
      removedWithTrioChanged,
      removed
    }
  } finally {
    reader.close()
    fromTop.close()
  }
}

/**
 * The root the base revision had, as src/git/root.ts finds it there: from `start` up, the nearest directory below
 * the top that holds the marker; the top ('') when none does.
 */
async function rootAtBase(reader: BlobReader, rev: string, start: string): Promise<string> {
  if (start === '..' || start.startsWith('../')) return start
  for (const dir of start === '' ? [] : [start, ...ancestors(start).filter((d) => d !== '')])
    if ((await readAtCommit(reader, rev, posix.join(dir, DEFAULT_POLICY_PATH))).kind !== 'missing') return dir
  return ''
}

/** Whether the base holds a policy file at the marker path of a directory above the root. */
async function policyAbove(reader: BlobReader, rev: string, rootFromTop: string): Promise<boolean> {
  for (const dir of ancestors(rootFromTop))
    if ((await readAtCommit(reader, rev, posix.join(dir, DEFAULT_POLICY_PATH))).kind !== 'missing')
      return true
  return false
}

/** The policy's trio files and producer manifests that do not exist at the revision `read` reads. */
async function missingFiles(policy: Policy, read: (file: string) => Promise<Committed>): Promise<string[]> {
  const missing: string[] = []
  for (const baseline of policy.baselines)
    for (const file of [...TRIO_ROLES.map((r) => baseline.trio[r]), producerPaths(baseline).manifest])
      if ((await read(file)) === null) missing.push(file)
  return missing
}

/** BG709: the change that adopts the tool is judged by the policy it brings. */
export function adoptionNote(why: string): Finding {
  return finding(
    'BG709',
    null,
    null,
    `${why}: nothing there is governed yet, so this change is judged by the policy it brings; once it is merged, the gate judges every change by the base branch's policy`
  )
}

/**
 * BG708 for a base policy that cannot be read: the pull request's own policy could point the trio anywhere, so no
 * change can be judged, a fix of that policy included (a maintainer merges it; then the gate judges again).
 */
export function unreadableAtBase(why: string, todo?: string): Finding {
  return finding(
    'BG708',
    null,
    null,
    todo
      ? `${why}: ${todo}`
      : `${why}: the gate takes a baseline's trio, producer, owners and suites from it, so it cannot tell which files this change must be judged on; repair the policy on the base branch (a maintainer merges the repair), then run the gate again`
  )
}

/** BG708: the trio of a baseline the base policy does not define changed. */
export function undefinedAtBase(why: string, file: string): Finding {
  return finding(
    'BG708',
    file,
    null,
    `${why}, and this change changes that baseline's trio: the gate takes a baseline's trio, producer, owners and suites from the base revision's policy, so it cannot judge the change; ${LAND_FIRST}`
  )
}

/** BG707: the working tree's policy moves the trio or the producer; the base's files were the ones judged. */
/** The baseline's files whose paths the change's policy (`head`) moves from those of the base policy (`judged`). */
/** The files a baseline governs (its trio, its producer's manifest and handoff), as normalised paths. */
function governedPaths(b: BaselinePolicy): string[] {
  const producer = producerPaths(b)
  return [...TRIO_ROLES.map((r) => b.trio[r]), producer.manifest, producer.handoff].map((p) =>
    posix.normalize(p)
  )
}

export function movedFiles(
  head: BaselinePolicy,
  judged: BaselinePolicy
): { what: string; from: string; to: string }[] {
  const producer = (['manifest', 'handoff'] as const).map((k) => ({
    what: `producer ${k}`,
    from: producerPaths(judged)[k],
    to: producerPaths(head)[k]
  }))
  return [
    ...TRIO_ROLES.map((r) => ({ what: r as string, from: judged.trio[r], to: head.trio[r] })),
    ...producer
    // the same file written another way (./config/pin.json) is no move
  ].filter((m) => posix.normalize(m.from) !== posix.normalize(m.to))
}

/**
 * BG710: the change's policy moves a governed file (a trio file, the producer's manifest or handoff). The gate
 * judges a change by the base revision's policy, so the move cannot be judged: pointed at a copy, the consumer
 * goes on reading the file left in place, which no rule judges from then on; moved with its path, the old path
 * is free for a file no rule judges, and lkg and rollback read the trio's history at the new paths only (git
 * does not follow a move), history planted there beforehand included.
 */
export function movedGoverned(head: BaselinePolicy, judged: BaselinePolicy): Finding[] {
  return movedFiles(head, judged).map((m) =>
    finding(
      'BG710',
      m.from,
      null,
      `this change points the policy's ${m.what} at ${m.to} instead of ${m.from}: a governed file does not move through the gate (the consumer could go on reading a file no rule judges, and lkg and rollback would read another history); keep the policy's path, or have maintainers of both teams review and land the move themselves`
    )
  )
}

export function definitionNotes(head: BaselinePolicy, judged: BaselinePolicy): Finding[] {
  const moved = movedFiles(head, judged).map((m) => `${m.what} ${m.from} -> ${m.to}`)
  if (moved.length === 0) return []
  return [
    finding(
      'BG707',
      null,
      null,
      `this change edits where the policy finds the baseline's files (${moved.join('; ')}); the gate judged the files the base revision's policy names, and the edit applies once it is merged`
    )
  ]
}
