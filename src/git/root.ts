// The repository root a command works on: the top level of the git work tree that holds the starting directory
// (the current directory, or --root), or, below that top, the nearest directory holding a policy file (a consumer
// living in a directory of a monorepo). Run from a subdirectory, a command judges the same trio as from the root.
import { existsSync, lstatSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { isWithin } from '../text/path-components.js'
import { discoverTop } from './discover.js'
import { git, GitError } from './git.js'

/** The starting directory is unusable: one line on stderr, exit 2; nothing is created. */
export class RootError extends Error {
  override name = 'RootError'
  constructor(
    message: string,
    /**
     * Where the search stopped: the directory itself; git, outside a repository (or not installed); or git
     * refusing the repository (another owner, a worktree whose repository moved).
     */
    readonly at: 'directory' | 'git' | 'refused' = 'git'
  ) {
    super(message)
  }
}

export interface RepositoryRoot {
  /** Absolute path (symlinks resolved) of the root the command works on. */
  root: string
  /** Absolute path of the git work tree's top level. */
  top: string
  /** Absolute path (symlinks resolved) of the directory the search started from (--root, or the current one). */
  start: string
}

export interface FindRootOptions {
  /** The directory named by --root (absolute); undefined: the current directory. */
  given?: string
  cwd: string
  /** A file (relative) that marks a root below the top, such as config/baseline-policy.json. */
  marker: string
  /** How messages name the given directory (default `--root`; an action says `input 'root'`). */
  label?: string
  /**
   * The current directory as the shell names it ($PWD): `cd` into a linked directory leaves the process's own
   * current directory at the link's target, so only this name shows the link (absent, or not the same directory:
   * unused).
   */
  logicalCwd?: string
}

export async function findRoot(options: FindRootOptions): Promise<RepositoryRoot> {
  const cwd = sameDirectory(options.logicalCwd, options.cwd) ? options.logicalCwd! : options.cwd
  const start = options.given === undefined ? cwd : resolve(cwd, options.given)
  const shown = options.given ?? start
  const label = options.label ?? '--root'
  // what the messages below start with: the flag only where it was given (found by review: "--root" was named for a
  // current directory)
  const named = options.given === undefined ? '' : `${label} ${options.given}: `
  if (!existsSync(start)) throw new RootError(`${named || `${start}: `}no such directory`, 'directory')
  if (!statSync(start).isDirectory())
    throw new RootError(`${named || `${start}: `}not a directory`, 'directory')
  // a link between the top of the work tree and the start is a commit's to make: it would move the root anywhere
  const link = await linkInRepository(start)
  if (link)
    throw new RootError(
      `${named}${link} is a symbolic link (to ${readlinkSync(link)}), and a root is never taken through one (a pull request can commit it); give the directory itself`,
      'directory'
    )
  const real = realpathSync(start)
  const top = discoverTop(real) ?? (await gitTop(real, shown, label))
  // a submodule's work tree is another repository's files, which a pull request swaps by changing the commit the
  // outer one records (or by making a directory a submodule): its top is never the repository's
  const outer = superproject(top)
  if (outer)
    throw new RootError(
      `${named}${top} is a submodule of the repository at ${outer} (its .git is a file), and a root is never taken in one (a pull request can change what it holds); run from ${outer}, or from a clone of the submodule's own repository`,
      'directory'
    )
  for (let dir = real; ; dir = dirname(dir)) {
    if (dir !== top && existsSync(join(dir, options.marker))) return { root: dir, top, start: real }
    if (dir === top || dirname(dir) === dir) break
  }
  return { root: top, top, start: real }
}

function sameDirectory(a: string | undefined, b: string): boolean {
  if (!a || !isAbsolute(a)) return false
  try {
    return realpathSync(a) === realpathSync(b)
  } catch {
    return false
  }
}

/** The outer repository's work tree when the top is a submodule's, if it is one. */
function superproject(top: string): string | null {
  const git = lstatSync(join(top, '.git'), { throwIfNoEntry: false })
  if (!git?.isFile()) return null
  // git writes a submodule's `.git` as a file naming its directory under `modules/` of the outer repository's git
  // directory: .git/modules, .git/worktrees/<name>/modules for a submodule of a linked worktree, <dir>/modules
  // for an outer clone made with --separate-git-dir or a worktree of a bare one (found by review: the last two were
  // taken for roots). A worktree's own names .git/worktrees/<name>, --separate-git-dir any other place: neither is
  // a submodule
  const gitdir = /^gitdir: (.+)$/m.exec(readFileSync(join(top, '.git'), 'utf8'))?.[1]?.trim()
  if (!gitdir || !underModules(resolve(top, gitdir))) return null
  for (let dir = dirname(top); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir
    if (dirname(dir) === dir) return null
  }
}

/** Whether a git directory lies under `modules/` of another git directory (one holding HEAD). */
function underModules(gitdir: string): boolean {
  for (let dir = dirname(gitdir); dirname(dir) !== dir; dir = dirname(dir))
    if (basename(dir) === 'modules' && existsSync(join(dirname(dir), 'HEAD'))) return true
  return false
}

/**
 * A symbolic link on the path from the start up to the directory holding `.git` (the top), if any. A path that
 * reaches no `.git` as written (a link from outside the repository into it: the machine's, not a commit's) has
 * none to look at. A link's own target holding a `.git` is not the top: a committed `apps/consumer -> ..`, or a
 * link to another checkout on the runner, would make it one (found by review: the first took the repository's top
 * for the consumer's root and passed over BG708, the second judged and wrote another repository).
 */
async function linkInRepository(start: string): Promise<string | null> {
  const below: string[] = []
  let outer: string
  for (let dir = start; ; dir = dirname(dir)) {
    const link = lstatSync(dir).isSymbolicLink()
    if (!link && existsSync(join(dir, '.git'))) {
      outer = dir
      break
    }
    if (dirname(dir) === dir) return null
    if (link) below.push(dir)
  }
  for (const link of below) {
    // a link to a checkout of its own: the machine's (a home directory kept in git, linking to a clone elsewhere:
    // found by review), unless the repository around it commits it, or it leads back up into it (`-> ..`)
    const checkout =
      existsSync(join(link, '.git')) && !isWithin(realpathSync(link), realpathSync(dirname(link)))
    if (!checkout || (await tracked(outer, link))) return link
  }
  return null
}

/** Whether the repository whose work tree is `top` tracks `path` (committed or staged). */
async function tracked(top: string, path: string): Promise<boolean> {
  try {
    // the path as written, never a pathspec: a link named `:app` is not `app` (found by review)
    const r = await git(top, [
      '--literal-pathspecs',
      'ls-files',
      '--error-unmatch',
      '--',
      relative(top, path)
    ])
    return r.code === 0
  } catch {
    // git cannot answer: taken as tracked, so the link is refused
    return true
  }
}

/** The top of the work tree holding `dir` (symlinks resolved), or null outside one. */
export async function workTreeTop(dir: string): Promise<string | null> {
  const real = realpathSync(dir)
  const known = discoverTop(real)
  if (known) return known
  const r = await git(real, ['rev-parse', '--show-toplevel'])
  return r.code === 0 ? realpathSync(r.stdout.toString('utf8').trim()) : null
}

/** The work tree's top as `git rev-parse --show-toplevel` says it, or why there is none. */
async function gitTop(real: string, shown: string, label: string): Promise<string> {
  let r
  try {
    r = await git(real, ['rev-parse', '--show-toplevel'])
  } catch (e) {
    if (e instanceof GitError) throw new RootError(`${shown}: ${e.message}`)
    throw e
  }
  if (r.code !== 0) {
    if (/dubious ownership/.test(r.stderr)) {
      // the repository's top, as git names it: from a subdirectory, that directory is not what safe.directory takes
      const top = /safe\.directory (\S.*)$/m.exec(r.stderr)?.[1]?.trim() ?? real
      throw new RootError(
        `git refuses the repository at ${shown} because another user owns it; allow it with: git config --global --add safe.directory ${top}`,
        'refused'
      )
    }
    // git's own reason, unless it is plainly no repository: a worktree whose repository moved (git worktree repair),
    // an extension this git does not know, the inside of a .git directory
    const said =
      r.stderr
        .trim()
        .split('\n')[0]
        ?.replace(/^fatal: /, '')
        .trim() ?? ''
    if (said && !/^not a git repository \(or any of the parent directories\)/.test(said))
      throw new RootError(`git cannot use the repository at ${shown}: ${said}`, 'refused')
    throw new RootError(
      `${shown} is not inside a git repository: baseline-gate works on a clone of the consumer repository (the trio's history is read from git); run it there, or name it with ${label}`
    )
  }
  return realpathSync(r.stdout.toString('utf8').trim())
}

/** The root's path inside its repository ("" at the top; "apps/consumer/" in a monorepo): API paths are from the top. */
export async function repositoryPrefix(root: string): Promise<string> {
  const r = await git(root, ['rev-parse', '--show-prefix'])
  return r.code === 0 ? r.stdout.toString('utf8').trim() : ''
}
