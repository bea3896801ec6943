// Git, spawned directly (never through a shell): single commands with a deadline and bounded output (the process
// itself: git-process.ts; the blob reader: blob-reader.ts).
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { formatDuration } from '../text/duration.js'
import { headFromDisk, shallowCutsFromDisk, shallowFromDisk } from './discover.js'
import { childProcess, env, GitError, MAX_OUTPUT, MAX_STDERR, OPTIONS, TIMEOUT_MS } from './git-process.js'
import type { GitResult } from './git-process.js'

export { BlobReader } from './blob-reader.js'
export type { Blob } from './blob-reader.js'
export { GitError } from './git-process.js'
export type { GitResult } from './git-process.js'

/** Why git could not run (not a non-zero exit: that is the caller's to judge). */
function cannotRun(
  cwd: string,
  args: string[],
  e: NodeJS.ErrnoException,
  timedOut: boolean,
  timeoutMs: number
) {
  const why = timedOut
    ? `timed out after ${formatDuration(timeoutMs)}`
    : e.code === 'ENOENT'
      ? existsSync(cwd)
        ? 'git is not installed (not on PATH)'
        : `the directory ${cwd} does not exist`
      : e.message
  return new GitError(`git ${args[0]}: ${why}`)
}

/** Run `git <args>` in `cwd`. Never throws for a non-zero exit (see `code`); throws GitError when git cannot run. */
export function git(
  cwd: string,
  args: string[],
  timeoutMs = TIMEOUT_MS,
  extraEnv: Record<string, string> = {}
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    childProcess().execFile(
      'git',
      [...OPTIONS, ...args],
      { cwd, timeout: timeoutMs, maxBuffer: MAX_OUTPUT, encoding: 'buffer', env: { ...env(), ...extraEnv } },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { killed?: boolean; code?: number | string }) | null
        if (e && typeof e.code !== 'number') {
          reject(cannotRun(cwd, args, e, e.killed === true, timeoutMs))
          return
        }
        resolve({ code: e ? Number(e.code) : 0, stdout, stderr: stderr.toString('utf8').trim() })
      }
    )
  })
}

/** A git process whose output is read as it comes. */
export interface GitStream {
  /** Settles when git has exited: rejects with GitError(`<failure>: <stderr>`) on a non-zero exit. */
  done: Promise<void>
  /** Ends git where it is (its answer is known): `done` then resolves. */
  stop(): void
}

/**
 * Run `git <args>`, handing each line it prints to `onLine` as git prints it, so a walk over a long history can
 * be used, and stopped, before it ends.
 */
export function gitLines(
  cwd: string,
  args: string[],
  failure: string,
  onLine: (line: string) => void,
  timeoutMs = TIMEOUT_MS
): GitStream {
  const child = childProcess().spawn('git', [...OPTIONS, ...args], {
    cwd,
    env: env(),
    timeout: timeoutMs,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stopped = false
  let stderr = ''
  let rest = ''
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    if (stderr.length < MAX_STDERR) stderr += s
  })
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n')
    rest = lines.pop()!
    for (const line of lines) if (!stopped) onLine(line)
  })
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (e) => reject(cannotRun(cwd, args, e, false, timeoutMs)))
    child.on('close', (code) => {
      if (stopped) resolve()
      else if (code === null)
        reject(cannotRun(cwd, args, new Error('killed by a signal'), child.killed, timeoutMs))
      else if (code !== 0) reject(new GitError(`${failure}: ${stderr.trim()}`))
      else {
        if (rest) onLine(rest)
        resolve()
      }
    })
  })
  return {
    done,
    stop() {
      stopped = true
      child.kill()
    }
  }
}

/** The full commit id a revision names, or null when it names none. */
export async function resolveCommit(cwd: string, rev: string): Promise<string | null> {
  if (rev.startsWith('-')) return null // never an option
  const r = await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])
  const sha = r.stdout.toString('utf8').trim()
  if (r.code === 0) refuseSha256(sha)
  return r.code === 0 && /^[0-9a-f]{40}$/.test(sha) ? sha : null
}

/**
 * A repository of SHA-256 object names (`git init --object-format=sha256`) is refused as such: its commits are no
 * 40-digit ids, and every one of them was reported missing ("has no commit checked out").
 */
function refuseSha256(sha: string): void {
  if (/^[0-9a-f]{64}$/.test(sha))
    throw new UnsupportedRepositoryError(
      'this repository names its objects with SHA-256 (extensions.objectFormat=sha256), which baseline-gate does not support: its evidence and pins record SHA-1 commit ids'
    )
}

/**
 * Whether commit `ancestor` is `descendant` or one of its ancestors (`git merge-base --is-ancestor`); null when git
 * cannot tell (an unknown commit, not a repository). Both must be full commit ids.
 */
export async function isAncestorCommit(
  cwd: string,
  ancestor: string,
  descendant: string
): Promise<boolean | null> {
  if (![ancestor, descendant].every((sha) => /^[0-9a-f]{40}$/.test(sha))) return null
  const r = await git(cwd, ['merge-base', '--is-ancestor', '--end-of-options', ancestor, descendant])
  return r.code === 0 ? true : r.code === 1 ? false : null
}

/** The best common ancestor of two commits (`git merge-base`); null when they share no history. Full ids only. */
export async function mergeBaseCommit(cwd: string, a: string, b: string): Promise<string | null> {
  if (![a, b].every((sha) => /^[0-9a-f]{40}$/.test(sha))) return null
  const r = await git(cwd, ['merge-base', '--end-of-options', a, b])
  const sha = r.stdout.toString('utf8').trim()
  return r.code === 0 && /^[0-9a-f]{40}$/.test(sha) ? sha : null
}

/**
 * Whether the repository at `cwd` has the commit `sha` (a full id), for a check that must stay synchronous
 * (verify-evidence). Null when git cannot tell: not a repository, or git cannot run.
 */
export function hasCommitSync(cwd: string, sha: string): boolean | null {
  if (!/^[0-9a-f]{40}$/.test(sha)) return false
  const r = childProcess().spawnSync('git', [...OPTIONS, 'cat-file', '-e', `${sha}^{commit}`], {
    cwd,
    timeout: TIMEOUT_MS,
    env: env(),
    stdio: ['ignore', 'ignore', 'pipe']
  })
  if (r.error || r.status === null) return null
  if (r.status === 0) return true
  // 128 with "not a git repository": git cannot tell; any other failure: the object is not there
  return /not a git repository/i.test(r.stderr?.toString('utf8') ?? '') ? null : false
}

/**
 * Of `files` (paths relative to `cwd`, with the bytes read from them), those git would commit as other bytes: a
 * checkout conversion made what is on disk (core.autocrlf, an eol, a filter, ident or an encoding in
 * .gitattributes). Synchronous for repin. Null when git cannot tell (not a repository, git cannot run).
 */
export function convertedOnDiskSync(
  cwd: string,
  files: { path: string; bytes: Buffer }[],
  /** Also those whose bytes are not the blob the index holds (a copy an earlier checkout converted, an edit). */
  againstIndex = false
): string[] | null {
  if (files.length === 0) return []
  const r = childProcess().spawnSync('git', [...OPTIONS, 'hash-object', '--', ...files.map((f) => f.path)], {
    cwd,
    timeout: TIMEOUT_MS,
    env: env(),
    stdio: ['ignore', 'pipe', 'pipe']
  })
  if (r.error || r.status !== 0) return null
  const ids = r.stdout.toString('utf8').trim().split('\n')
  if (ids.length !== files.length) return null
  // the id of the bytes as they are: a blob's header, then the bytes
  const asIs = (bytes: Buffer) =>
    createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
  if (!againstIndex) return files.filter((f, i) => ids[i] !== asIs(f.bytes)).map((f) => f.path)
  // and the blob the index holds for each tracked one: a file an earlier checkout converted is not what is
  // committed, even once `-text` stops any conversion (found by review: migrate pinned such a copy's digest)
  const staged = childProcess().spawnSync(
    'git',
    [...OPTIONS, '--literal-pathspecs', 'ls-files', '-s', '-z', '--', ...files.map((f) => f.path)],
    { cwd, timeout: TIMEOUT_MS, env: env(), stdio: ['ignore', 'pipe', 'pipe'] }
  )
  if (staged.error || staged.status !== 0) return null
  const inIndex = new Map<string, string>()
  for (const entry of staged.stdout.toString('utf8').split('\0')) {
    const m = /^\d+ ([0-9a-f]{40,64}) \d\t(.*)$/s.exec(entry)
    if (m) inIndex.set(m[2]!, m[1]!)
  }
  return files
    .filter((f, i) => {
      const id = asIs(f.bytes)
      const committed = inIndex.get(f.path.replace(/^\.\//, ''))
      return ids[i] !== id || (committed !== undefined && committed !== id)
    })
    .map((f) => f.path)
}

/**
 * Of `paths` (relative to `cwd`), the files on disk that are not what `commit`, the commit checked out, holds at
 * that path, as `git status` judges it (a line-ending conversion git makes on checkout is no difference, a CR
 * added by hand is): an uncommitted edit, or no such file in the commit. No program runs: a path with a `filter`
 * attribute (a command of the git config) is counted as not at the commit, unasked, and the fsmonitor hook is
 * off, since verify-evidence may run on a directory it does not trust. Synchronous; null: git cannot tell.
 */
export function notAtCommitSync(cwd: string, commit: string, paths: string[]): string[] | null {
  if (!/^[0-9a-f]{40}$/.test(commit)) return null
  if (paths.length === 0) return []
  const run = (args: string[]) =>
    childProcess().spawnSync(
      'git',
      [...OPTIONS, '-c', 'core.fsmonitor=false', '--literal-pathspecs', ...args],
      {
        cwd,
        timeout: TIMEOUT_MS,
        // a check that writes nothing: no refresh of the index's stat data
        env: { ...env(), GIT_OPTIONAL_LOCKS: '0' },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
  const fields = (r: ReturnType<typeof run>) => r.stdout.toString('utf8').split('\0')
  // in the commit at all: a file git does not track is in no status
  const tree = run(['ls-tree', '-z', '--name-only', commit, '--', ...paths])
  if (tree.error || tree.status !== 0) return null
  const inCommit = new Set(fields(tree))
  // a filter would run a program to compare: never here
  const attr = run(['check-attr', '-z', 'filter', '--', ...paths])
  if (attr.error || attr.status !== 0) return null
  const filtered = new Set<string>()
  const a = fields(attr)
  for (let i = 0; i + 2 < a.length; i += 3)
    if (a[i + 2] !== 'unspecified' && a[i + 2] !== 'unset') filtered.add(a[i]!)
  const compared = paths.filter((p) => inCommit.has(p) && !filtered.has(p))
  if (compared.length === 0) return paths
  // `git status` against HEAD, which is the commit here (the caller's): with optional locks off it refreshes
  // nothing, where `git diff` wrote the index back (found by review). Its paths are the root's: the prefix maps them
  const prefix = run(['rev-parse', '--show-prefix'])
  if (prefix.error || prefix.status !== 0) return null
  const at = prefix.stdout.toString('utf8').trim()
  const status = run(['status', '--porcelain=v1', '-z', '--untracked-files=no', '--', ...compared])
  if (status.error || status.status !== 0) return null
  const changed = new Set(
    fields(status)
      .filter((e) => e.length > 3)
      .map((e) => e.slice(3))
  )
  return paths.filter((p) => !inCommit.has(p) || filtered.has(p) || changed.has(`${at}${p}`))
}

/**
 * The bytes `commit` holds at `path` (relative to `cwd`) as committed: no line-ending conversion, no filter, no
 * program run. Synchronous (verify-evidence); null when it is not there, larger than `limit`, or git cannot tell.
 */
export function committedBytesSync(cwd: string, commit: string, path: string, limit: number): Buffer | null {
  if (!/^[0-9a-f]{40}$/.test(commit)) return null
  const r = childProcess().spawnSync('git', [...OPTIONS, 'cat-file', 'blob', `${commit}:./${path}`], {
    cwd,
    timeout: TIMEOUT_MS,
    env: { ...env(), GIT_OPTIONAL_LOCKS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: limit + 1
  })
  return r.error || r.status !== 0 ? null : r.stdout
}

/** isAncestorCommit for a check that must stay synchronous (verify-evidence); null when git cannot tell. */
export function isAncestorCommitSync(cwd: string, ancestor: string, descendant: string): boolean | null {
  if (![ancestor, descendant].every((sha) => /^[0-9a-f]{40}$/.test(sha))) return null
  const r = childProcess().spawnSync(
    'git',
    [...OPTIONS, 'merge-base', '--is-ancestor', '--end-of-options', ancestor, descendant],
    { cwd, timeout: TIMEOUT_MS, env: env(), stdio: 'ignore' }
  )
  return r.status === 0 ? true : r.status === 1 ? false : null
}

/**
 * The commit checked out at `cwd`: read from .git where headFromDisk can (a git process before lkg's walk starts
 * is on the path to every answer), else resolved by git. Null when HEAD names no commit.
 */
export async function headCommit(cwd: string): Promise<string | null> {
  const fromDisk = headFromDisk(cwd)
  return fromDisk ? fromDisk.commit : await resolveCommit(cwd, 'HEAD')
}

/** headCommit for a step that must stay synchronous (repin's ledger row); null also when git cannot run. */
export function headCommitSync(cwd: string): string | null {
  const fromDisk = headFromDisk(cwd)
  if (fromDisk) return fromDisk.commit
  const r = childProcess().spawnSync(
    'git',
    [...OPTIONS, 'rev-parse', '--verify', '--quiet', 'HEAD^{commit}'],
    {
      cwd,
      timeout: TIMEOUT_MS,
      env: env(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore']
    }
  )
  const sha = (r.stdout ?? '').trim()
  if (r.status === 0) refuseSha256(sha)
  return r.status === 0 && /^[0-9a-f]{40}$/.test(sha) ? sha : null
}

/** A revision that names no commit: the caller's input is wrong (exit 2, never a verdict). */
export class RevisionError extends Error {
  override name = 'RevisionError'
}

/**
 * A repository whose commits this tool cannot name (SHA-256 object names): no checkout of more history helps. Its
 * name stays RevisionError's, by which the command line knows a user's error (cli/main.ts USER_ERRORS).
 */
export class UnsupportedRepositoryError extends RevisionError {}

/** Whether the repository is a shallow clone (its history stops at a graft). */
export async function isShallow(cwd: string): Promise<boolean> {
  // read from the git directory when it can be: a git process is a tenth of lkg's time
  const known = shallowFromDisk(cwd)
  if (known !== null) return known
  const r = await git(cwd, ['rev-parse', '--is-shallow-repository'])
  return r.code === 0 && r.stdout.toString('utf8').trim() === 'true'
}

/**
 * The commits a shallow clone's history stops at: git shows each as if it had no parent, so a file's history seems
 * to begin there. Empty for a whole history; null for a shallow clone whose list git keeps where this does not read
 * it (then any commit may be one).
 */
export async function shallowCuts(cwd: string): Promise<ReadonlySet<string> | null> {
  const known = shallowCutsFromDisk(cwd)
  if (known !== null) return new Set(known)
  // a worktree, a git directory elsewhere: git names the file it keeps them in (found by review: unknown, every
  // target was said to be at the cut)
  const r = await git(cwd, ['rev-parse', '--is-shallow-repository', '--git-path', 'shallow'])
  const [shallow, file] = r.stdout.toString('utf8').split('\n')
  if (r.code !== 0 || shallow !== 'true') return r.code === 0 ? new Set() : null
  try {
    const text = readFileSync(resolve(cwd, file!), 'utf8')
    return new Set(text.split('\n').filter((l) => /^([0-9a-f]{40}|[0-9a-f]{64})$/.test(l)))
  } catch {
    return null
  }
}

/** The committer date of a resolved commit (ISO 8601 with its zone), or null when git cannot say. */
export async function commitDate(cwd: string, commit: string): Promise<string | null> {
  const r = await git(cwd, ['show', '-s', '--format=%cI', '--end-of-options', commit])
  const date = r.stdout.toString('utf8').trim()
  return r.code === 0 && date !== '' ? date : null
}
