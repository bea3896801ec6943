// The repository files matching the policy's globs: paths relative to the root, sorted, symlinks not followed.
import { readdirSync } from 'node:fs'
import type { Dirent } from 'node:fs'
import { join } from 'node:path'
import picomatch from 'picomatch'
import { globSync } from 'tinyglobby'
import { strictUtf8 } from '../text/utf8.js'
import { sourceFromBytes } from '../document/source-file.js'
import type { SourceFile } from '../document/source-file.js'
import type { ReadResult } from './read.js'
import { createReadScratch, MAX_FILE_BYTES, readRepoFile } from './read.js'
import { containPath, createContainMemo, isPlainRelative } from './contain.js'

/** What the scan never lists, besides the policy's exclude globs. */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**']

export function listFiles(root: string, include: string[], exclude: string[]): string[] {
  if (include.length === 0) return []
  return (
    globSync(include, {
      cwd: root,
      ignore: [...ALWAYS_IGNORED, ...exclude],
      onlyFiles: true,
      followSymbolicLinks: false,
      // a file or a directory whose name starts with a dot is code all the same (src/.internal/client.ts is
      // imported like any other): left out, it named the producer's endpoints unseen (BG603)
      dot: true
    })
      // the policy's globs are relative and free of '..' (its schema); a match that is not a plain path below the
      // root is never listed (a string test: resolving each path cost more than the walk)
      .filter(isPlainRelative)
      .sort()
  )
}

/**
 * The listed files that contain any of `needles`, as sources (decoded, with line positions). The search runs
 * on the raw bytes, so the many files without a match are never decoded. Unreadable files are left out.
 */
export function filesContaining(root: string, paths: readonly string[], needles: string[]): SourceFile[] {
  return createRepoScan(root).containing(paths, needles)
}

/** A file of the repository as the scan read it: the read's outcome and, when it was read, its source. */
export interface ScannedFile {
  read: ReadResult
  /** Decoded on first use (null when the file could not be read). */
  source(): SourceFile | null
}

/**
 * The scan of one run: each set of globs is listed once and each search for a set of needles over a listing is
 * done once (each file read once for it, and the files that match decoded once), however many baselines ask.
 * Only the files that match (and those asked for by name) are kept. The answers are
 * the same as listFiles / readRepoFile / filesContaining would give (the repository is not expected to change
 * during one run); they are shared, so callers must not modify them.
 */
export interface RepoScan {
  /** listFiles(root, include, exclude), once per distinct pair. */
  list(include: string[], exclude: string[]): readonly string[]
  /** readRepoFile(root, path), once per path. */
  file(path: string): ScannedFile
  /** filesContaining(root, paths, needles), once per distinct pair. */
  containing(paths: readonly string[], needles: string[]): SourceFile[]
  /**
   * What a search over `paths` could not look into, so that nothing it holds goes unseen: the listed files it
   * could not read (too large, a link out of the root or to nothing, unreadable), and the files and directories
   * below the globs' directories whose names hold a line break, which the globs never list (picomatch's `**`
   * does not match one), and the directories there that cannot be read (the listing passes over them in silence).
   * Call after containing() over the same paths.
   */
  unscanned(include: string[], exclude: string[], paths: readonly string[]): Unscanned[]
}

/** A file the scan could not look into, and why. */
export interface Unscanned {
  path: string
  why: string
  /** A name no glob can match (a line break, not UTF-8): excluding it by a glob cannot work either. */
  oddName?: true
  /** A directory that cannot be read: whatever it holds is unseen. */
  directory?: true
}

export function createRepoScan(root: string): RepoScan {
  const lists = new Map<string, readonly string[]>()
  const files = new Map<string, ScannedFile>()
  const searches = new Map<string, SourceFile[]>()
  // the listed files a search could not read, and why (a missing one went away while listed: nothing to see)
  const failed = new Map<string, string>()
  const oddByGlobs = new Map<string, Unscanned[]>()
  // the scan reads many files of few directories: each directory is checked for links once
  const memo = createContainMemo()
  const scratch = createReadScratch()
  const readFile = (path: string) => readRepoFile(root, path, MAX_FILE_BYTES, memo)
  const file = (path: string, known?: ReadResult): ScannedFile => {
    let f = files.get(path)
    if (!f) {
      const read = known ?? readFile(path)
      let source: SourceFile | null | undefined
      f = {
        read,
        source: () => (source ??= read.kind === 'ok' ? sourceFromBytes(path, read.bytes) : null)
      }
      files.set(path, f)
    }
    return f
  }
  return {
    list(include, exclude) {
      const key = JSON.stringify([include, exclude])
      let paths = lists.get(key)
      if (!paths) {
        paths = Object.freeze(listFiles(root, include, exclude))
        lists.set(key, paths)
      }
      return paths
    },
    file: (path) => file(path),
    containing(paths, needles) {
      const key = JSON.stringify([paths, needles])
      let found = searches.get(key)
      if (!found) {
        const patterns = needles.map((n) => Buffer.from(n, 'utf8'))
        found = []
        for (const path of paths) {
          // read again for another search rather than held: a large repository's files need not fit in memory.
          // Each is read into the scan's scratch buffer, and only a file that matches is copied out of it
          const kept = files.get(path)
          const read = kept?.read ?? readRepoFile(root, path, MAX_FILE_BYTES, memo, scratch)
          if (read.kind === 'ok' && patterns.some((p) => read.bytes.includes(p)))
            found.push((kept ?? file(path, { kind: 'ok', bytes: Buffer.from(read.bytes) })).source()!)
          else if (read.kind !== 'ok' && read.kind !== 'missing') failed.set(path, whyUnread(read))
        }
        searches.set(key, found)
      }
      return [...found]
    },
    unscanned(include, exclude, paths) {
      const out: Unscanned[] = []
      for (const path of paths) {
        const why = failed.get(path)
        if (why) out.push({ path, why })
      }
      // walked once per set of globs, however many baselines ask
      const key = JSON.stringify([include, exclude])
      let odd = oddByGlobs.get(key)
      if (!odd) {
        odd = oddNames(root, include, exclude)
        oddByGlobs.set(key, odd)
      }
      // a file the globs did list after all (a name whose own line break `*` matches) was read and judged
      const listed = new Set(paths)
      out.push(...odd.filter((o) => !listed.has(o.path)))
      return out
    }
  }
}

function whyUnread(read: Exclude<ReadResult, { kind: 'ok' | 'missing' }>): string {
  switch (read.kind) {
    case 'too-large':
      return `it is larger than the ${read.limit} bytes a file is read to`
    case 'outside-root':
    case 'dangling-link':
      return read.problem
    case 'not-a-file':
      return 'it is not a regular file'
    case 'unreadable':
      return `it cannot be read (${read.reason})`
  }
}

/** A glob's directory: its leading path components without a glob character ("src" of "src/**\/*.ts"). */
function globBase(pattern: string): string {
  const parts = pattern.split('/')
  const i = parts.findIndex((p) => /[*?[\]{}()!+@\\]/.test(p))
  return (i === -1 ? parts.slice(0, -1) : parts.slice(0, i)).join('/')
}

/**
 * The files and directories below the globs' directories whose names no listed path can be: one with a CR or an
 * LF (which picomatch's `**` never matches), one that is not UTF-8 (listed under another name, so never read); and
 * the directories there that cannot be read (a path too long for the system to open, no permission), which the
 * listing passes over without a word, unless the exclude globs leave out all they could hold. Links are not
 * followed, node_modules and .git are left out, and a directory so named is not entered.
 */
function oddNames(root: string, include: string[], exclude: string[]): Unscanned[] {
  const bases = [...new Set(include.map(globBase))].sort()
  // a base inside another is walked with it
  const walked = bases.filter((b, i) => !bases.slice(0, i).some((o) => o === '' || b.startsWith(`${o}/`)))
  const out: Unscanned[] = []
  // a directory is excluded whole when a file of any name in it would be (`src/generated/**`); compiled only for
  // a directory that cannot be read (a few ms of every start otherwise)
  let ignored: picomatch.Matcher | undefined
  const excluded = (dir: string) =>
    (ignored ??= picomatch([...ALWAYS_IGNORED, ...exclude], { dot: true }))(`${dir}/x`)
  // `real`: where `rel` really is; below a base, entries that are links are never entered (isDirectory is false)
  const walk = (rel: string, real: string) => {
    let entries: Dirent<Buffer>[]
    try {
      entries = readdirSync(real, { withFileTypes: true, encoding: 'buffer' })
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? String(e)
      // gone while it was walked: nothing there to see
      if (code !== 'ENOENT' && code !== 'ENOTDIR' && rel !== '' && !excluded(rel))
        out.push({ path: rel, why: `it is a directory the scan cannot read (${code})`, directory: true })
      return
    }
    for (const e of entries) {
      const name = strictUtf8(e.name)
      const shown = name ?? e.name.toString('latin1')
      const path = rel === '' ? shown : `${rel}/${shown}`
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
      else if (e.isDirectory() && name !== 'node_modules' && name !== '.git') walk(path, join(real, name))
    }
  }
  // a base is walked where it really is, and only inside the root: a base that is a link out of it lists nothing
  for (const base of walked) {
    const where = containPath(root, base === '' ? '.' : base)
    if (where.kind === 'inside' && where.exists) walk(base, where.real)
  }
  return out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))
}
