// The revisions of a file in the history of a revision: one `git log` for the commits that touched it, one
// cat-file process for their contents, so the cost grows with the file's revisions, not with all commits.
import { BlobReader, git, GitError } from './git.js'

export interface FileRevision {
  commit: string
  /** Committer date (ISO 8601). */
  date: string
  /** The file's bytes at that commit, or null where the commit deleted it. */
  content: Buffer | null
}

/** Newest first. `rev` must already be a resolved commit (see resolveCommit); `path` is relative to `cwd`. */
export async function fileHistory(
  cwd: string,
  rev: string,
  path: string,
  limit = 10_000
): Promise<FileRevision[]> {
  const log = await git(cwd, ['log', `--max-count=${limit}`, '--format=%H %cI', rev, '--', path])
  if (log.code !== 0) throw new GitError(`git log ${rev} -- ${path}: ${log.stderr}`)
  const entries = log.stdout
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [commit, date] = line.split(' ')
      return { commit: commit!, date: date! }
    })
  const reader = new BlobReader(cwd)
  try {
    const out: FileRevision[] = []
    for (const e of entries) {
      // `REV:./path` is relative to the working directory (a root inside a monorepo), `REV:path` to the top
      const blob = await reader.read(`${e.commit}:${path.startsWith('./') ? path : `./${path}`}`)
      out.push({ ...e, content: blob.found ? blob.content : null })
    }
    return out
  } finally {
    reader.close()
  }
}
