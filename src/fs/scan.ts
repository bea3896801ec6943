// The repository files matching the policy's globs: paths relative to the root, sorted, symlinks not followed.
import { globSync } from 'tinyglobby'
import { sourceFromBytes } from '../document/source-file.js'
import type { SourceFile } from '../document/source-file.js'
import type { ReadResult } from './read.js'
import { MAX_FILE_BYTES, readRepoFile } from './read.js'
import { createContainMemo, isPlainRelative } from './contain.js'

export function listFiles(root: string, include: string[], exclude: string[]): string[] {
  if (include.length === 0) return []
  return (
    globSync(include, {
      cwd: root,
      ignore: ['**/node_modules/**', '**/.git/**', ...exclude],
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
}

export function createRepoScan(root: string): RepoScan {
  const lists = new Map<string, readonly string[]>()
  const files = new Map<string, ScannedFile>()
  const searches = new Map<string, SourceFile[]>()
  // the scan reads many files of few directories: each directory is checked for links once
  const memo = createContainMemo()
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
          // read again for another search rather than held: a large repository's files need not fit in memory
          const read = files.get(path)?.read ?? readFile(path)
          if (read.kind === 'ok' && patterns.some((p) => read.bytes.includes(p)))
            found.push(file(path, read).source()!)
        }
        searches.set(key, found)
      }
      return [...found]
    }
  }
}
