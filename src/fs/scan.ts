// The repository scan of one run: the files matching the policy's globs, read and searched for needles once,
// however many baselines ask.
import { isUtf16, sourceFromBytes } from '../document/source-file.js'
import type { SourceFile } from '../document/source-file.js'
import type { ReadResult } from './read.js'
import { createReadScratch, MAX_FILE_BYTES, readRepoFile } from './read.js'
import { createContainMemo } from './contain.js'
import { listGlobs } from './listing.js'
import type { Listing, Unscanned } from './listing.js'

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
   * could not read (too large, a link out of the root or to nothing, unreadable), and what the listing's walk met
   * and could not list (Listing: directories it could not read, names no glob can match). Call after containing()
   * over the same paths.
   */
  unscanned(include: string[], exclude: string[], paths: readonly string[]): Unscanned[]
}

export function createRepoScan(root: string): RepoScan {
  const listings = new Map<string, Listing>()
  const files = new Map<string, ScannedFile>()
  const searches = new Map<string, SourceFile[]>()
  // the listed files a search could not read, and why (a missing one went away while listed: nothing to see)
  const failed = new Map<string, string>()
  // the scan reads many files of few directories: each directory is checked for links once
  const memo = createContainMemo()
  const scratch = createReadScratch()
  const readFile = (path: string) => readRepoFile(root, path, MAX_FILE_BYTES, memo)
  // each set of globs walked once; its directories are the memo's, so the reads of its files walk to none again
  const listing = (include: string[], exclude: string[]): Listing => {
    const key = JSON.stringify([include, exclude])
    let l = listings.get(key)
    if (!l) {
      l = listGlobs(root, include, exclude, memo)
      Object.freeze(l.files)
      listings.set(key, l)
    }
    return l
  }
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
    list: (include, exclude) => listing(include, exclude).files,
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
          // text in UTF-16 (compilers read it by its byte order mark) holds no endpoint as UTF-8 bytes: not searched,
          // and said (found by review)
          const why = unsearchable(read)
          if (why) failed.set(path, why)
          else if (read.kind === 'ok' && patterns.some((p) => read.bytes.includes(p)))
            found.push((kept ?? file(path, { kind: 'ok', bytes: Buffer.from(read.bytes) })).source()!)
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
      const { odd, unreadable } = listing(include, exclude)
      // appended one by one: a spread of a hundred thousand names overflows the stack (found by review)
      for (const u of unreadable) out.push(u)
      // a file the globs did list after all (a name whose own line break `*` matches) was read and judged; a name
      // not UTF-8 is shown as Latin-1, which may be another file's name (found by review: a decoy hid it)
      const listed = new Set(paths)
      for (const o of odd) if (o.oddName !== 'line-break' || !listed.has(o.path)) out.push(o)
      return out
    }
  }
}

/** Why such a file is not searched (adapter-input advises saving it as UTF-8). */
export const UTF16 =
  'it starts with the byte order mark of UTF-16 (or UTF-32) text, which the scan does not search'

/**
 * Why a file the scan read (or tried to) cannot be searched for the endpoints, as a finding says it; undefined when
 * it can be, or is not there.
 */
export function unsearchable(read: ReadResult): string | undefined {
  if (read.kind === 'ok') return isUtf16(read.bytes) ? UTF16 : undefined
  return read.kind === 'missing' ? undefined : whyUnread(read)
}

/** Why a file could not be read, as a finding says it ("it is larger than ..."). */
function whyUnread(read: Exclude<ReadResult, { kind: 'ok' | 'missing' }>): string {
  switch (read.kind) {
    case 'too-large':
      return `it is larger than the ${read.limit} bytes a file is read to`
    case 'outside-root':
    case 'dangling-link':
      return read.problem
    case 'not-a-file':
      return 'it is not a regular file (a directory, a link to one, a pipe or a device)'
    case 'unreadable':
      return `it cannot be read (${read.reason})`
  }
}
