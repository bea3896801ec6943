// The repository root a command works on: the top level of the git work tree that holds the starting directory
// (the current directory, or --root), or, below that top, the nearest directory holding a policy file (a consumer
// living in a directory of a monorepo). Run from a subdirectory, a command judges the same trio as from the root.
import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs'
import type { Stats } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { git, GitError } from './git.js'

/** The starting directory is unusable: one line on stderr, exit 2; nothing is created. */
export class RootError extends Error {
  override name = 'RootError'
  constructor(
    message: string,
    /** Where the search stopped: the directory itself, or git (outside a repository, or refused). */
    readonly at: 'directory' | 'git' = 'git'
  ) {
    super(message)
  }
}

export interface RepositoryRoot {
  /** Absolute path (symlinks resolved) of the root the command works on. */
  root: string
  /** Absolute path of the git work tree's top level. */
  top: string
}

export interface FindRootOptions {
  /** The directory named by --root (absolute); undefined: the current directory. */
  given?: string
  cwd: string
  /** A file (relative) that marks a root below the top, such as config/baseline-policy.json. */
  marker: string
  /** How messages name the given directory (default `--root`; an action says `input 'root'`). */
  label?: string
}

export async function findRoot(options: FindRootOptions): Promise<RepositoryRoot> {
  const start = options.given === undefined ? options.cwd : resolve(options.cwd, options.given)
  const shown = options.given ?? start
  const label = options.label ?? '--root'
  if (!existsSync(start)) throw new RootError(`${label} ${shown}: no such directory`, 'directory')
  if (!statSync(start).isDirectory()) throw new RootError(`${label} ${shown}: not a directory`, 'directory')
  const real = realpathSync(start)
  const top = discoverTop(real) ?? (await gitTop(real, shown, label))
  for (let dir = real; ; dir = dirname(dir)) {
    if (dir !== top && existsSync(join(dir, options.marker))) return { root: dir, top }
    if (dir === top || dirname(dir) === dir) break
  }
  return { root: top, top }
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
      throw new RootError(
        `git refuses the repository at ${shown} because another user owns it; allow it with: git config --global --add safe.directory ${real}`
      )
    }
    throw new RootError(
      `${shown} is not inside a git repository: baseline-gate works on a clone of the consumer repository (the trio's history is read from git); run it there, or name it with ${label}`
    )
  }
  return realpathSync(r.stdout.toString('utf8').trim())
}

/**
 * The work tree's top found as git finds it, without starting git (a process is about 15 ms of every command's
 * start): the nearest directory up from `real` (symlinks resolved) whose `.git` is a directory holding HEAD,
 * objects/ and refs/, owned by this user, with no setting that moves the work tree. Whatever is not that plain
 * case is git's to answer (null): a `.git` file (a worktree, a submodule) or link, a variable of git's in the
 * environment, another owner (safe.directory), a file-system boundary, a start inside a `.git`, no `.git` at all.
 */
export function discoverTop(real: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const uid = process.getuid?.()
  if (uid === undefined || Object.keys(env).some((k) => DISCOVERY_VARIABLE.test(k))) return null
  let device: number | undefined
  for (let dir = real; ; dir = dirname(dir)) {
    if (basename(dir) === '.git') return null
    const here = statSync(dir, { throwIfNoEntry: false })
    if (!here || (device !== undefined && here.dev !== device)) return null
    device = here.dev
    const dotGit = lstatSync(join(dir, '.git'), { throwIfNoEntry: false })
    if (dotGit)
      return dotGit.isDirectory() && plainRepository(join(dir, '.git'), [here, dotGit], uid) ? dir : null
    if (dirname(dir) === dir) return null
  }
}

/** Git's variables that move the repository or the work tree, bound the search, or set configuration. */
const DISCOVERY_VARIABLE =
  /^GIT_(DIR|WORK_TREE|COMMON_DIR|OBJECT_DIRECTORY|CEILING_DIRECTORIES|DISCOVERY_ACROSS_FILESYSTEM|CONFIG\w*|TEST_\w+)$/

/** A git directory git would take without a question: its parts there, this user's, its work tree its parent. */
function plainRepository(gitDir: string, owned: Stats[], uid: number): boolean {
  if (owned.some((s) => s.uid !== uid)) return false
  const head = readSmall(join(gitDir, 'HEAD'))
  if (head === null || !/^(ref: refs\/\S+|[0-9a-f]{40}|[0-9a-f]{64})\n?$/.test(head)) return false
  for (const part of ['objects', 'refs'])
    if (!statSync(join(gitDir, part), { throwIfNoEntry: false })?.isDirectory()) return false
  const config = readSmall(join(gitDir, 'config'))
  // core.worktree or core.bare move or remove the work tree; an extension is git's to accept or refuse
  return config !== null && !/^\s*(worktree\b|bare\s*=\s*true\b|\[extensions)/im.test(config)
}

/** A small file's text, or null (missing, unreadable, or too large to be what git writes there). */
function readSmall(path: string): string | null {
  try {
    const stat = statSync(path, { throwIfNoEntry: false })
    return stat?.isFile() && stat.size <= 65_536 ? readFileSync(path, 'utf8') : null
  } catch {
    return null
  }
}

/** The root's path inside its repository ("" at the top; "apps/consumer/" in a monorepo): API paths are from the top. */
export async function repositoryPrefix(root: string): Promise<string> {
  const r = await git(root, ['rev-parse', '--show-prefix'])
  return r.code === 0 ? r.stdout.toString('utf8').trim() : ''
}
