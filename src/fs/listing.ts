// The repository files matching the policy's globs, and what the walk that found them could not see: one walk
// (tinyglobby's), whose every directory read goes through this module, so that nothing it passes over is passed
// over in silence.
import { readdirSync } from 'node:fs'
import type { Dirent } from 'node:fs'
import { resolve } from 'node:path'
import picomatch from 'picomatch'
import { globSync, isDynamicPattern } from 'tinyglobby'
import { strictUtf8 } from '../text/utf8.js'
import { containPath, createContainMemo, isPlainRelative } from './contain.js'
import type { ContainMemo } from './contain.js'

/** What the scan never lists, besides the policy's exclude globs (documented with adapter.scan). */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**']

/** A place below the globs the walk could not look into, and why. */
export interface Unscanned {
  path: string
  why: string
  /** A name no glob can match (a line break, not UTF-8): excluding it by a glob cannot work either. */
  oddName?: true
  /** A directory that cannot be read: whatever it holds is unseen. */
  directory?: true
}

export interface Listing {
  /** Relative to the root, sorted; symbolic links are not listed. */
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
  const top = resolve(root)
  const prefix = top.endsWith('/') ? top : `${top}/`
  // the walk names each directory by its absolute path with a slash at the end
  const relOf = (dir: string) => (dir.startsWith(prefix) ? dir.slice(prefix.length) : dir).replace(/\/+$/, '')
  const readDirectory = (dir: string, options: unknown): Dirent[] => {
    const rel = relOf(dir)
    const where = containPath(root, rel === '' ? '.' : rel, memo)
    const cannot = (code: string) => {
      unreadable.push({
        path: rel || '.',
        why: `it is a directory the scan cannot read (${code})`,
        directory: true
      })
      return Object.assign(new Error(`${rel}: ${code}`), { code })
    }
    // the walk stays inside the root: a glob's directory that is a link out of it (or to nothing) lists nothing
    if (where.kind === 'unreadable') throw cannot(where.reason)
    if (where.kind !== 'inside' || !where.exists) throw Object.assign(new Error(rel), { code: 'ENOENT' })
    let entries: Dirent[]
    try {
      entries = readdirSync(where.real, options as { withFileTypes: true })
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? String(e)
      // gone while it was walked: nothing there to see
      if (code === 'ENOENT' || code === 'ENOTDIR') throw e
      throw cannot(code)
    }
    // read, so a directory: the reads of its files need not walk to it again
    memo.dirs.add(where.real)
    odd.push(...oddEntries(rel, where.real, entries))
    return entries
  }
  // An exclude glob leaves out the files it matches. The walk is told only those that leave out a directory and all
  // it holds (`dir/**`), so that it never enters one: it leaves out every directory a glob matches, and
  // `**/*.test.ts` left out src/app.test.ts/ and every file in it, never read (found by review). The rest are
  // matched against each file listed.
  const excludes = exclude.flatMap(literalAsDirectory).map((p) => p.replace(/^(?:\.\/)+/, ''))
  const whole = excludes.filter((p) => p.endsWith('/**'))
  const some = excludes.filter((p) => !p.endsWith('/**'))
  const excluded = some.length > 0 ? picomatch(some, { dot: true, posix: true }) : () => false
  const files = globSync(include.flatMap(literalAsDirectory), {
    cwd: root,
    ignore: [...ALWAYS_IGNORED, ...whole],
    onlyFiles: true,
    followSymbolicLinks: false,
    // a file or a directory whose name starts with a dot is code all the same (src/.internal/client.ts is
    // imported like any other): left out, it named the producer's endpoints unseen (BG603)
    dot: true,
    // a glob without a glob character is that file or that directory (literalAsDirectory), said here for both
    // globs and excludes alike: tinyglobby would add `/**` to every exclude that does not end in `*`
    expandDirectories: false,
    fs: { readdirSync: readDirectory as unknown as typeof readdirSync }
  })
    // the policy's globs are relative and free of '..' (its schema); a match that is not a plain path below the
    // root is never listed (a string test: resolving each path cost more than the walk)
    .filter((p) => isPlainRelative(p) && !excluded(p))
    .sort()
  return { files, odd: odd.sort(byPath), unreadable: unreadable.sort(byPath) }
}

/** A glob without a glob character (`src/generated`, `data/pg/`) names a file, or a directory and all it holds. */
function literalAsDirectory(pattern: string): string[] | string {
  if (isDynamicPattern(pattern)) return pattern
  const path = pattern.replace(/\/+$/, '')
  return path === pattern ? [pattern, `${path}/**`] : `${path}/**`
}

const byPath = (x: Unscanned, y: Unscanned) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0)

// a name holding one of these is odd (a line break), or may be (U+FFFD: what the decoder puts for bytes that are not
// UTF-8, or the character itself)
const MAYBE_ODD = /[\r\n\u2028\u2029\uFFFD]/

/** The entries of a directory the walk read whose names no glob can match. */
function oddEntries(rel: string, real: string, entries: Dirent[]): Unscanned[] {
  if (!entries.some((e) => MAYBE_ODD.test(e.name))) return []
  // the names as bytes, once, for the rare directory that may hold one: only they say which is not UTF-8
  let raw: Dirent<Buffer>[]
  try {
    raw = readdirSync(real, { withFileTypes: true, encoding: 'buffer' })
  } catch {
    return []
  }
  const out: Unscanned[] = []
  for (const e of raw) {
    const name = strictUtf8(e.name)
    const path = `${rel === '' ? '' : `${rel}/`}${name ?? e.name.toString('latin1')}`
    if (name === null)
      out.push({
        path,
        why: 'its name is not valid UTF-8, so the scan cannot name it to read it',
        oddName: true
      })
    else if (/[\r\n\u2028\u2029]/.test(name))
      out.push({
        path,
        why: 'its name holds a line break (CR, LF, U+2028 or U+2029), which the scan globs never match',
        oddName: true
      })
  }
  return out
}
