// The files of a repository, for adoption (baseline-gate init): every path git knows or would add, and a
// bounded, cached reader, so the decisions above it see the repository without touching the file system.
import { git, GitError } from '../git/git.js'
import { MAX_FILE_BYTES, readRepoFile } from './read.js'
import { codeUnitOrder } from '../text/order.js'

/** What adoption reads a repository through: its file list and the bytes of the files that can matter. */
export interface FileInventory {
  /** Every file: tracked, plus untracked ones that are not ignored; relative, '/'-separated, sorted, unique. */
  readonly files: readonly string[]
  /** A file's bytes, or null when it is missing, not a regular file, outside the root or over 4 MiB. */
  read(path: string): Buffer | null
}

// Directories no decision ever looks into, left out by git itself (a repository without a .gitignore would
// otherwise list all of node_modules).
const NEVER_LISTED = ['node_modules', 'target', '.git']

/** `git ls-files` from `root`: tracked and untracked-but-not-ignored files, relative to `root`. */
export async function listRepositoryFiles(root: string): Promise<string[]> {
  const r = await git(root, [
    'ls-files',
    '-z',
    '--cached',
    '--others',
    '--exclude-standard',
    '--',
    '.',
    ...NEVER_LISTED.map((d) => `:(exclude,glob)**/${d}/**`)
  ])
  if (r.code !== 0) throw new GitError(`git ls-files: ${r.stderr || `exit ${r.code}`}`)
  const paths = r.stdout.toString('utf8').split('\0').filter(Boolean)
  // an unmerged path is listed once per stage
  return [...new Set(paths)].sort(codeUnitOrder)
}

/**
 * The repository at `root`, read on demand within `readRepoFile`'s confinement and limit (the same the rules
 * read with), each file at most once: the decisions and the check of their result share the reads.
 */
export function repositoryInventory(root: string, files: string[]): FileInventory {
  const cache = new Map<string, Buffer | null>()
  return {
    files,
    read(path) {
      if (cache.has(path)) return cache.get(path)!
      // a link git lists that leads out of the root is refused by readRepoFile, like any other
      const r = readRepoFile(root, path)
      const bytes = r.kind === 'ok' ? r.bytes : null
      cache.set(path, bytes)
      return bytes
    }
  }
}

/** An inventory held in memory (tests, and anything that already has the files). */
export function memoryInventory(contents: Record<string, string | Buffer>): FileInventory {
  const files = Object.keys(contents).sort(codeUnitOrder)
  return {
    files,
    read(path) {
      const c = contents[path]
      if (c === undefined) return null
      const bytes = typeof c === 'string' ? Buffer.from(c, 'utf8') : c
      return bytes.length > MAX_FILE_BYTES ? null : bytes
    }
  }
}
