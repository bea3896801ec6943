// What the working tree holds that the checked-out commit does not: `git status`, below a directory.
import { git } from './git.js'
import { repositoryPrefix } from './root.js'

/**
 * The paths below `root` (relative to it) that are modified, added, deleted or untracked (not ignored) in the
 * working tree; null when git cannot say (not a work tree). Renames list their new path.
 */
export async function uncommittedPaths(root: string): Promise<string[] | null> {
  const [status, prefix] = await Promise.all([
    git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', '.']),
    repositoryPrefix(root)
  ])
  if (status.code !== 0) return null
  // porcelain paths are from the top of the work tree, whatever the directory git ran in
  return status.stdout
    .toString('utf8')
    .split('\0')
    .filter((entry) => entry.length > 3)
    .map((entry) => entry.slice(3))
    .filter((path) => path.startsWith(prefix))
    .map((path) => path.slice(prefix.length))
}
