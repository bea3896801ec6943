// The revisions of files in the history of a revision: one `git log` for the commits that touched them, one
// cat-file process for their contents, so the cost grows with the files' revisions, not with all commits.
import { BlobReader, gitLines } from './git.js'
import type { GitStream } from './git.js'
import type { EarlyWalks } from './early-walks.js'
import { readAtCommit } from './tree-path.js'

export interface Revision {
  commit: string
  /** Committer date (ISO 8601). */
  date: string
}

/** How a walk is run: at most `limit` revisions; `firstParent` as in fileHistory; `early`: a walk begun before. */
export interface WalkOptions {
  limit?: number
  firstParent?: boolean
  /** Walks the command line began before this code loaded (git/early-walks.ts): one with the same words is taken. */
  early?: EarlyWalks
}

/** git's words for walkRevisionsTouching, and the line its failure starts with. */
function walkCommand(
  rev: string,
  paths: string[],
  options: WalkOptions
): { args: string[]; failure: string } {
  const args = [
    'log',
    `--max-count=${options.limit ?? 100_000}`,
    ...(options.firstParent ? ['--first-parent'] : []),
    '--format=%H %cI',
    rev,
    '--',
    ...paths.map(inCwd)
  ]
  return { args, failure: `git log ${rev} -- ${paths.join(' ')}` }
}

/**
 * The commits in the history of `rev` that changed any of `paths` (relative to `cwd`), newest first, each handed
 * to `onRevision` as git's walk finds it; stop() ends the walk early. `rev` must already be a resolved commit
 * (see resolveCommit).
 */
export function walkRevisionsTouching(
  cwd: string,
  rev: string,
  paths: string[],
  onRevision: (r: Revision) => void,
  options: WalkOptions = {}
): GitStream {
  const { args, failure } = walkCommand(rev, paths, options)
  const onLine = (line: string) => {
    // only what the format prints: a line of anything else (a signature check the configuration asked for) is no
    // revision
    const m = REVISION_LINE.exec(line)
    if (m) onRevision({ commit: m[1]!, date: m[2]! })
  }
  return options.early?.take(cwd, args, onLine) ?? gitLines(cwd, args, failure, onLine)
}

/** Begins walkRevisionsTouching's walk now, for the one that asks for it in the same words once loaded. */
export function beginWalkRevisionsTouching(
  early: EarlyWalks,
  cwd: string,
  rev: string,
  paths: string[],
  options: Omit<WalkOptions, 'early'> = {}
): void {
  const { args, failure } = walkCommand(rev, paths, options)
  early.begin(cwd, args, failure)
}

// a year of four digits or more: git prints what it was given, 10000 included
const REVISION_LINE = /^([0-9a-f]{40}) (\d{4,}-\d{2}-\d{2}T\S+)$/

/** The commits of walkRevisionsTouching, all of them. */
export async function revisionsTouching(
  cwd: string,
  rev: string,
  paths: string[],
  limit = 100_000,
  firstParent = false
): Promise<Revision[]> {
  const out: Revision[] = []
  await walkRevisionsTouching(cwd, rev, paths, (r) => out.push(r), { limit, firstParent }).done
  return out
}

/** A pathspec relative to the working directory (a root inside a monorepo), not to the top. */
export function inCwd(path: string): string {
  return path.startsWith('./') || path.startsWith('/') ? path : `./${path}`
}

/** Blobs asked of cat-file at once: fewer round trips, and no more than this many held at a time. */
const WINDOW = 16

/**
 * Newest first. `rev` must already be a resolved commit (see resolveCommit); `path` is relative to `cwd`.
 * `firstParent`: the file's history as it reached `rev`'s branch, each change dated by the commit that brought it
 * there (a merge, a squash), never by a commit of a merged branch, whose date its author chose. `keep` turns each
 * revision's bytes (null where the commit deleted the file) into what is kept of them: a history of thousands of
 * revisions of a large file is read a window at a time, never held whole.
 */
export async function fileHistory<T = Buffer | null>(
  cwd: string,
  rev: string,
  path: string,
  options: { limit?: number; firstParent?: boolean; keep?: (content: Buffer | null) => T } = {}
): Promise<(Revision & { content: T })[]> {
  const keep = options.keep ?? ((content: Buffer | null) => content as T)
  const entries = await revisionsTouching(cwd, rev, [path], options.limit ?? 10_000, options.firstParent)
  const reader = new BlobReader(cwd)
  try {
    const out: (Revision & { content: T })[] = []
    for (let i = 0; i < entries.length; i += WINDOW) {
      const window = entries.slice(i, i + WINDOW)
      // a window's requests are written at once: cat-file answers in order, without a round trip per blob; each
      // revision read as its checkout reads it (a link inside the root followed)
      const reads = await Promise.all(window.map((e) => readAtCommit(reader, e.commit, path)))
      window.forEach((e, j) => {
        const read = reads[j]!
        out.push({ ...e, content: keep(read.kind === 'ok' ? read.bytes : null) })
      })
    }
    return out
  } finally {
    reader.close()
  }
}
