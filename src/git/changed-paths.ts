// The files a change adds or edits, as git compares two commits.
import { git, GitError } from './git.js'

/**
 * The paths below `cwd` (relative to it) whose content differs between two commits, deleted ones left out; a
 * rename is its new path (the moved file may be what changed).
 */
export async function changedPaths(cwd: string, base: string, head: string): Promise<string[]> {
  const r = await git(cwd, [
    'diff',
    '--name-only',
    '-z',
    '--no-renames',
    '--diff-filter=d',
    '--relative',
    '--end-of-options',
    base,
    head,
    '--'
  ])
  if (r.code !== 0) throw new GitError(`git diff ${base.slice(0, 12)} ${head.slice(0, 12)}: ${r.stderr}`)
  return r.stdout
    .toString('utf8')
    .split('\0')
    .filter((p) => p !== '')
}
