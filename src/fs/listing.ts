// The repository files matching the policy's globs, and what the walk that found them could not see: one walk
// (tinyglobby's), whose every directory read and every link it meets go through this module, so that it stays
// inside the root, enters no link, and passes over nothing in silence.
import { readdirSync, realpathSync, statSync } from 'node:fs'
import type { Dirent } from 'node:fs'
import { posix, relative, resolve } from 'node:path'
import picomatch from 'picomatch'
import { globSync } from 'tinyglobby'
import { strictUtf8 } from '../text/utf8.js'
import { containPath, createContainMemo, describeEscape, isPlainRelative } from './contain.js'
import type { ContainMemo } from './contain.js'

/** What the scan never lists, besides the policy's exclude globs (documented with adapter.scan). */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**']

/** A place below the globs the walk could not look into, and why. */
export interface Unscanned {
  path: string
  why: string
  /**
   * A name no glob can match (a line break, not UTF-8): excluding it by a glob cannot work either. One not UTF-8 is
   * shown decoded as Latin-1, which another file's name may be.
   */
  oddName?: 'line-break' | 'not-utf8'
  /** A directory that cannot be read: whatever it holds is unseen. */
  directory?: true
  /** A symbolic link out of the repository: what it names is not read. */
  link?: true
}

export interface Listing {
  /** Relative to the root, sorted; through a link inside the root as the link names it. */
  files: string[]
  /**
   * In the directories the walk read: the entries whose names no glob can match (a CR or an LF, which picomatch's
   * `**` never matches; not UTF-8, so listed under another name and never read). Sorted.
   */
  odd: Unscanned[]
  /**
   * The directories the walk went to read and could not (a path longer than the system opens, no permission):
   * the walk itself passes over them without a word. Sorted.
   */
  unreadable: Unscanned[]
}

/** Where a path stands to the scan's globs, as its walk (tinyglobby) matches them. */
export type GlobReach = 'listed' | 'excluded' | 'outside'

/**
 * A path's standing to `include` and `exclude` without walking: `excluded` where the globs reach it and an exclude
 * (or a directory the walk never enters) keeps it out. Each glob is read as the walk reads it: one not ending in
 * `*` also names everything below it (tinyglobby's expandDirectories; found by review: `src/generated` excluded
 * the directory from the walk and nothing from a match of the glob as written), dot files included.
 */
export function globReach(
  include: string[],
  exclude: string[]
): { file(path: string): GlobReach; directory(path: string): GlobReach } {
  const walkGlob = (g: string) => {
    const bare = g.endsWith('/') ? g.slice(0, -1) : g
    return posix.normalize(bare.endsWith('*') ? bare : `${bare}/**`)
  }
  const reached = picomatch(include.map(walkGlob), { dot: true })
  const kept = picomatch([...ALWAYS_IGNORED, ...exclude].map(walkGlob), { dot: true })
  // the directories the walk starts from: one of them at or above a directory, and it is walked into
  const bases = include.map((g) => picomatch.scan(g).base)
  const below = (dir: string) => bases.some((b) => b === '' || dir === b || dir.startsWith(`${b}/`))
  // the walk leaves out a directory an exclude matches, and all below it: `src/gen/*` keeps it out of
  // src/gen/api/, which the glob does not match as a file's path (found by review)
  const prunedAbove = (path: string) => {
    for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1))
      if (kept(path.slice(0, i))) return true
    return false
  }
  const out = (path: string) => kept(path) || prunedAbove(path)
  return {
    file: (path) => (!reached(path) ? 'outside' : out(path) ? 'excluded' : 'listed'),
    // a directory (a submodule's) by what the walk would do with a file in it
    directory: (dir) => (!below(dir) ? 'outside' : out(`${dir}/_`) ? 'excluded' : 'listed')
  }
}

export function listFiles(root: string, include: string[], exclude: string[]): string[] {
  return listGlobs(root, include, exclude).files
}

/**
 * @param memo shared with the reads of the listed files (see ContainMemo): each directory the walk reads is one
 *   they need not walk again
 */
export function listGlobs(
  root: string,
  include: string[],
  exclude: string[],
  memo: ContainMemo = createContainMemo()
): Listing {
  const odd: Unscanned[] = []
  const unreadable: Unscanned[] = []
  if (include.length === 0) return { files: [], odd, unreadable }
  // the walk names a directory by its absolute path with a slash at the end, below the root as given (its real path
  // as well, should the root be given so)
  const prefixes = [resolve(root), (memo.realRoot ??= realpathSync(root))].map((p) =>
    p.endsWith('/') ? p : `${p}/`
  )
  const relOf = (path: string) => {
    const prefix = prefixes.find((p) => path.startsWith(p))
    return (prefix ? path.slice(prefix.length) : path).replace(/\/+$/, '')
  }
  /** An error the walk passes over (it suppresses them all), once what it leaves unseen is said. */
  const unseen = (entry: Unscanned): Error => {
    unreadable.push(entry)
    return Object.assign(new Error(`${entry.path}: ${entry.why}`), { said: true })
  }
  const gone = () => Object.assign(new Error('gone'), { code: 'ENOENT' })
  // Where a directory of the walk really is, inside the root. The walk enters no link (below), but a glob's own
  // directory may be one: out of the root (or through one that cannot be followed) it is said, and read no further;
  // to nothing, it holds nothing.
  const inside = (path: string): string => {
    const rel = relOf(path) || '.'
    const where = containPath(root, rel, memo)
    if (where.kind === 'inside') {
      if (!where.exists) throw gone()
      return where.real
    }
    if (where.kind === 'unreadable')
      throw unseen({
        path: rel,
        why: `it is a directory the scan cannot read (${where.reason})`,
        directory: true
      })
    if (where.kind === 'outside')
      throw unseen({
        path: rel,
        why: `it ${describeEscape(where)}, so the scan does not read it`,
        link: true
      })
    throw gone()
  }
  // every other error is said too: the walk would pass over it in silence
  const said = <T>(path: string, step: () => T): T => {
    try {
      return step()
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? String(e)
      // gone while it was walked: nothing there to see
      if ((e as { said?: true }).said || code === 'ENOENT' || code === 'ENOTDIR') throw e
      throw unseen({
        path: relOf(path) || '.',
        why: `it is a directory the scan cannot read (${code})`,
        directory: true
      })
    }
  }
  const readDirectory = (dir: string, options: unknown): Dirent[] =>
    said(dir, () => {
      const real = inside(dir)
      const entries = readdirSync(real, options as { withFileTypes: true })
      // read, so a directory: the reads of its files need not walk to it again
      memo.dirs.add(real)
      for (const o of oddEntries(relOf(dir), real, entries)) odd.push(o)
      return entries
    })
  // A link the walk meets is a file to it, listed where the globs name it and never entered: each listed link is
  // read as its checkout reads it (readRepoFile: followed inside the root, said where it leads out or to nothing, or
  // to a directory). It was left out, unsaid (found by review: src/ itself a link hid every file), and following
  // links into directories let a few links walk the tree exponentially often. No file is looked at here.
  const links = new Set<string>()
  const realpath = (link: string): string => {
    links.add(link)
    return link
  }
  const stat = (path: string) => (links.has(path) ? LINK_AS_FILE : statSync(path))
  const files = globSync(include, {
    cwd: root,
    ignore: [...ALWAYS_IGNORED, ...exclude],
    onlyFiles: true,
    // each link is handed to realpath and stat above, which make it a file (never entered)
    followSymbolicLinks: true,
    // a file or a directory whose name starts with a dot is code all the same (src/.internal/client.ts is
    // imported like any other): left out, it named the producer's endpoints unseen (BG603)
    dot: true,
    fs: {
      readdirSync: readDirectory as unknown as typeof readdirSync,
      realpathSync: realpath as unknown as typeof realpathSync,
      statSync: stat as unknown as typeof statSync
    }
  })
    // the policy's globs are relative and free of '..' (its schema); a match that is not a plain path below the
    // root is never listed (a string test: resolving each path cost more than the walk)
    .filter(isPlainRelative)
    .sort()
  // a link to a directory is never walked into: what it holds is not searched, and a file importing through it
  // (`src/lib -> ../vendor`, then `../lib/client`) looks like code of the scan's. Said, as what the walk cannot read
  // is (found by review: no glob named the link, so nothing did), unless the walk reads that directory where it is
  const listed = new Set(files)
  let reach: ReturnType<typeof globReach> | null = null
  for (const link of links) {
    const rel = relOf(link)
    if (listed.has(rel) || !isPlainRelative(rel)) continue
    let target: string | null = null
    try {
      if (statSync(link).isDirectory()) target = relative(memo.realRoot, realpathSync(link))
    } catch {
      // to nothing: no code behind it
    }
    const walked =
      target !== null &&
      isPlainRelative(target === '' ? '.' : target) &&
      (reach ??= globReach(include, exclude)).directory(target) === 'listed'
    if (target !== null && !walked)
      unreadable.push({
        path: rel,
        why: 'it is a symbolic link to a directory, which the scan does not walk into, so what it holds is not searched',
        link: true,
        directory: true
      })
  }
  return { files, odd: odd.sort(byPath), unreadable: unreadable.sort(byPath) }
}

/** What the walk is told of a link (all it asks): not a directory. */
const LINK_AS_FILE = { isDirectory: () => false }

const byPath = (x: Unscanned, y: Unscanned) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0)

// a name holding one of these is odd (a line break), or may be (U+FFFD: what the decoder puts for bytes that are not
// UTF-8, or the character itself)
const MAYBE_ODD = /[\r\n\u2028\u2029\uFFFD]/

/** A line break in a name (CR, LF, U+2028, U+2029): no glob matches across one. */
export const NAME_LINE_BREAK = /[\r\n\u2028\u2029]/

/** The entries of a directory the walk read whose names no glob can match. */
function oddEntries(rel: string, real: string, entries: Dirent[]): Unscanned[] {
  if (!entries.some((e) => MAYBE_ODD.test(e.name))) return []
  // the names as bytes, once, for the rare directory that may hold one: only they say which is not UTF-8
  // (a failure is the walk's to say, as for the first read)
  const raw = readdirSync(real, { withFileTypes: true, encoding: 'buffer' })
  const out: Unscanned[] = []
  for (const e of raw) {
    const name = strictUtf8(e.name)
    const path = `${rel === '' ? '' : `${rel}/`}${name ?? e.name.toString('latin1')}`
    if (name === null)
      out.push({
        path,
        why: 'its name is not valid UTF-8, so the scan cannot name it to read it',
        oddName: 'not-utf8'
      })
    else if (NAME_LINE_BREAK.test(name))
      out.push({
        path,
        why: 'its name holds a line break (CR, LF, U+2028 or U+2029), which the scan globs never match',
        oddName: 'line-break'
      })
  }
  return out
}
