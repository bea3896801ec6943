// Every path the suite reads or writes in the repository, resolved through its symbolic links one component at
// a time and held inside the root. A pull request controls the repository's files, links included: a trio
// directory that is a link to /tmp/elsewhere, or a pin that is a link to /etc/passwd, must never be followed
// out of the root, for a read or for a write.
import { lstatSync, readlinkSync, realpathSync } from 'node:fs'
import type { Stats } from 'node:fs'
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path'
import { asksForDirectory, isWithin, linkComponents, PendingComponents } from '../text/path-components.js'
import { strictUtf8 } from '../text/utf8.js'

export type Contained =
  /** `real` is where the path really is (or would be created), inside the root; `exists`: it is there now. */
  | { kind: 'inside'; real: string; exists: boolean }
  /** The path, or a link on it, leads out of the root; `leadsTo` says where (for the message). */
  | { kind: 'outside'; leadsTo: string }
  /**
   * A link on the path points at nothing (or loops, or its text is no path): neither readable nor safe to write
   * through. `why` ends the sentence "<link> is a symbolic link to <target>, ..." (default: it does not exist).
   */
  | { kind: 'dangling'; link: string; target: string; why?: string }
  /**
   * A component of the path could not be looked at (a path longer than the system opens, no permission to search
   * a directory): where the path leads is not known, so it is neither read nor written through. `at` is that
   * component, relative to the root; `reason` the system's code.
   */
  | { kind: 'unreadable'; at: string; reason: string }

export { isWithin }

/** Resolve a repository-relative path lexically; undefined when it would escape the root. */
export function resolveInRoot(root: string, rel: string): string | undefined {
  const abs = resolve(root, rel)
  return isWithin(resolve(root), abs) ? abs : undefined
}

// A chain of links longer than this is a loop (Linux gives up at 40 as well).
const MAX_LINKS = 40

/**
 * What one batch of checks (a scan of many files of one tree) may share: the root's real path, and the real
 * directories already walked and found to be directories, not links. Each is asked of the file system once per
 * batch instead of once per path. It holds only what the batch already assumes (the tree does not change while
 * it is read); the last component of every path is still looked at each time (by the walk, or by a read that opens
 * it with O_NOFOLLOW, which refuses a link there and leaves it to the walk).
 */
export interface ContainMemo {
  realRoot?: string
  dirs: Set<string>
}

export function createContainMemo(): ContainMemo {
  return { dirs: new Set() }
}

/**
 * Where `rel` really is, walking it from the root's real path component by component: a link is resolved
 * where it stands, and the walk fails as soon as it leaves the root. Nothing is created or opened.
 */
export function containPath(root: string, rel: string, memo?: ContainMemo): Contained {
  if (memo) {
    const known = underKnownDirectory(root, rel, memo)
    if (known) return known
  }
  const abs = resolveInRoot(root, rel)
  if (!abs) return { kind: 'outside', leadsTo: resolve(root, rel) }
  const realRoot = memo ? (memo.realRoot ??= realpathSync(root)) : realpathSync(root)
  const pending = new PendingComponents(
    relative(resolve(root), abs)
      .split(sep)
      .filter((s) => s !== '')
  )
  let cur = realRoot
  let links = 0
  // the link last followed (for messages)
  let target: { link: string; text: string } | null = null
  const dangling = (why?: string): Contained => ({
    kind: 'dangling',
    link: target!.link,
    target: target!.text,
    ...(why ? { why } : {})
  })
  while (pending.length > 0) {
    const { seg, fromLink } = pending.next()
    // '.' stays where the walk is (a directory); one left after a file (a link's trailing slash) is caught there
    if (seg === '.') continue
    // '..' leaves the directory the walk is really in (a link's target), as the operating system does; never the
    // directory a link's text names, which a lexical resolve would take
    if (seg === '..') {
      if (cur === realRoot) return { kind: 'outside', leadsTo: resolve(cur, '..', ...pending.rest()) }
      cur = dirname(cur)
      continue
    }
    const next = join(cur, seg)
    // a directory this batch already walked through (never the last component: that is looked at every time)
    if (pending.length > 0 && memo?.dirs.has(next)) {
      cur = next
      continue
    }
    const stat = lstatOrNull(next)
    // not looked at (found by review: taken for missing, a file the listing named was passed over unread)
    if (typeof stat === 'string')
      return { kind: 'unreadable', at: relative(realRoot, next) || '.', reason: stat }
    // the rest does not exist yet: it would be created below `cur`, which is inside (through a link: dangling)
    if (!stat)
      return fromLink || pending.inLink
        ? dangling()
        : { kind: 'inside', real: join(next, ...pending.rest()), exists: false }
    if (stat.isSymbolicLink()) {
      const raw = readlinkSync(next, { encoding: 'buffer' })
      const text = strictUtf8(raw)
      const link = relative(realRoot, next) || '.'
      target = { link, text: text ?? JSON.stringify(raw.toString('latin1')) }
      if (++links > MAX_LINKS) return dangling('which is a loop of symbolic links')
      // the bytes of a link name the file the system opens: text that is not UTF-8 (or none) names no path of ours
      if (text === null || text === '') return dangling('which is not a path (empty, or not UTF-8)')
      let from: string[]
      if (isAbsolute(text)) {
        const abs = normalize(text)
        const below = isWithin(realRoot, abs) ? relative(realRoot, abs) : null
        if (text.split('/').includes('..') || below === null)
          // named as the link writes it: where it really leads is not looked at (nothing out of the root is; found by
          // review: /proc/self/cwd named the runner's directory)
          return { kind: 'outside', leadsTo: abs }
        // an absolute link into the root's real path: walked from the root (a trailing slash or '/.' asks for a
        // directory, which normalize folds away; found by review)
        from = linkComponents(`${below.split(sep).join('/')}${asksForDirectory(text) ? '/' : ''}`)
        cur = realRoot
      } else {
        // walked from the link's directory (`cur`)
        from = linkComponents(text)
      }
      pending.pushLink(from)
      continue
    }
    // a file where a directory is needed (or a link's trailing slash): there is nothing at the path
    if (pending.length > 0 && !stat.isDirectory())
      return fromLink || pending.inLink
        ? dangling()
        : { kind: 'inside', real: join(next, ...pending.rest()), exists: false }
    cur = next
    if (memo && pending.length > 0) memo.dirs.add(cur)
  }
  return { kind: 'inside', real: cur, exists: true }
}

// a relative path of plain names ('/'-separated, no '.' or '..', no empty name): what a directory walk lists
const PLAIN_RELATIVE = /^(?!\.\.?(?:\/|$))[^/]+(?:\/(?!\.\.?(?:\/|$))[^/]+)*$/

/** Whether `rel` is a relative path of plain names, which stays below the root lexically (a cheap resolveInRoot). */
export function isPlainRelative(rel: string): boolean {
  return PLAIN_RELATIVE.test(rel)
}

/**
 * The walk's answer for a plain path whose directory this batch already walked (the many files of a scan's
 * listing): the directory is real and inside, so only the last component is looked at, as the walk would.
 * Undefined when the walk must answer (another shape of path, an unwalked directory, a link at the end).
 */
function underKnownDirectory(root: string, rel: string, memo: ContainMemo): Contained | undefined {
  const real = knownDirectoryPath(root, rel, memo)
  if (real === undefined) return undefined
  const stat = lstatOrNull(real)
  if (!stat) return { kind: 'inside', real, exists: false }
  // a link, or no look at it: the walk answers
  return typeof stat === 'string' || stat.isSymbolicLink()
    ? undefined
    : { kind: 'inside', real, exists: true }
}

/**
 * Where a plain path whose directory this batch already walked really is (its last component not looked at), or
 * undefined when the walk must answer. A reader that opens it with O_NOFOLLOW needs no look at it first. The
 * string arithmetic is the walk's own (join, resolve, relative) for that shape, without their cost.
 */
export function knownDirectoryPath(root: string, rel: string, memo: ContainMemo): string | undefined {
  if (sep !== '/' || !isPlainRelative(rel)) return undefined
  const realRoot = (memo.realRoot ??= realpathSync(root))
  const slash = rel.lastIndexOf('/')
  const base = realRoot === '/' ? '' : realRoot
  if (slash >= 0 && !memo.dirs.has(`${base}/${rel.slice(0, slash)}`)) return undefined
  return `${base}/${rel}`
}

/**
 * lstat; null where there is nothing to look at (missing, or a component that is not a directory); the system's
 * code where the path could not be looked at (ENAMETOOLONG, EACCES), which says nothing of what is there.
 */
function lstatOrNull(path: string): Stats | null | string {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) ?? null
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    return code === 'ENOENT' || code === 'ENOTDIR' ? null : (code ?? String(e))
  }
}

function safeReal(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}

/** A path of the repository that must not be written: the finding says which and where it leads. */
export interface Escape {
  path: string
  problem: string
}

export function describeEscape(c: Exclude<Contained, { kind: 'inside' }>): string {
  if (c.kind === 'unreadable')
    return `cannot be followed: ${c.at} could not be looked at (${c.reason}), so where it leads is not known`
  return c.kind === 'outside'
    ? `leads outside the repository (to ${c.leadsTo})`
    : c.why
      ? `goes through the symbolic link ${c.link} (to ${c.target}), ${c.why}`
      : `goes through the symbolic link ${c.link}, which points at nothing (${c.target})`
}

/**
 * `abs` relative to the repository when it lies inside it (below the root as given, or below its real path),
 * else null: a path outside is the operator's to choose, one inside is the repository's.
 */
export function inRepository(root: string, abs: string): string | null {
  const base = [resolve(root), safeReal(root)].find((r) => isWithin(r, abs))
  return base === undefined ? null : relative(base, abs)
}

/**
 * A path the operator gave (an evidence directory, a policy file): lexically outside the root it is theirs
 * to choose; inside, it is the repository's, and a link there must not lead out.
 */
export function operatorPathEscape(root: string, abs: string): string | null {
  const rel = inRepository(root, abs)
  if (rel === null) return null
  const c = containPath(root, rel)
  return c.kind === 'inside' ? null : describeEscape(c)
}

/** A path the suite was asked to write that leads out of the repository: nothing was written through it. */
export class ContainmentError extends Error {
  override name = 'ContainmentError'
}

/**
 * The real paths to write `rels` to (repository-relative), or every one of them that leads out: a set is
 * written whole or not at all, so all are checked before the first byte.
 */
export function writePaths(
  root: string,
  rels: string[]
): { ok: true; abs: string[] } | { ok: false; escapes: Escape[] } {
  const abs: string[] = []
  const escapes: Escape[] = []
  for (const rel of rels) {
    const c = containPath(root, rel)
    if (c.kind === 'inside') abs.push(c.real)
    else escapes.push({ path: rel, problem: describeEscape(c) })
  }
  return escapes.length === 0 ? { ok: true, abs } : { ok: false, escapes }
}
