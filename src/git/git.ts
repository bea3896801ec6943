// Git, spawned directly (never through a shell): single commands with a deadline and bounded output, and one
// long-lived `git cat-file --batch` for reading many blobs with a single process.
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { MAX_FILE_BYTES } from '../document/limits.js'
import { formatDuration } from '../text/duration.js'
import { headFromDisk, shallowCutsFromDisk, shallowFromDisk } from './discover.js'

// loaded when git first runs: node:child_process (with the net and stream modules it loads) is 5 ms of every
// start-up, and `health` reads .git itself and runs no git at all
const childProcess = () => process.getBuiltinModule('node:child_process')

const TIMEOUT_MS = 30_000
const MAX_OUTPUT = 64 * 1024 * 1024
const MAX_STDERR = 64 * 1024

export class GitError extends Error {
  override name = 'GitError'
}

export interface GitResult {
  code: number
  stdout: Buffer
  stderr: string
}

// no pager, no colour, no prompts: a gate never waits for a human
// The user's configuration must not change what git prints: quoted paths, colours, and signature lines
// (`log.showSignature` printed "No signature" before a signed commit's `%H %cI`, which the history walk took for a
// revision: a stability window went unjudged)
const OPTIONS = ['-c', 'core.quotepath=off', '-c', 'color.ui=never', '-c', 'log.showSignature=false']
const env = () => {
  const e: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' }
  // git resolves a relative location from its own working directory, which is the root, not where the command
  // was started (a hook's GIT_DIR=.git with --root apps/consumer: found by review); made absolute from there
  for (const name of LOCATION_VARIABLES) {
    const value = e[name]
    if (value && !isAbsolute(value)) e[name] = resolve(value)
  }
  return e
}
const LOCATION_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_COMMON_DIR',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY'
]

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
    throw new RevisionError(
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
export function convertedOnDiskSync(cwd: string, files: { path: string; bytes: Buffer }[]): string[] | null {
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
  return files.filter((f, i) => ids[i] !== asIs(f.bytes)).map((f) => f.path)
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

/** A blob as committed; not found, or (with `tooLarge`, its size) larger than the reader reads. */
export type Blob = { found: true; oid: string; content: Buffer } | { found: false; tooLarge?: number }

/**
 * One `git cat-file --batch` process: request `<rev>:<path>` (or an object id), get the bytes exactly as
 * committed. Requests are answered in order; call close() when done. A blob over `limit` bytes is answered
 * `{ found: false, tooLarge }` and its bytes are passed over as they arrive, never held: one large file in an old
 * commit must not stall lkg, a rollback or its drill.
 */
export class BlobReader {
  private readonly child: ChildProcessWithoutNullStreams
  /** What git has sent and no answer has taken yet, in the chunks it came in (joined only when needed). */
  private chunks: Buffer[] = []
  private length = 0
  /** Bytes the next answer needs before it can be taken (a header, or a header and its content). */
  private need = 0
  /** Bytes of a refused blob still to pass over. */
  private skip = 0
  private readonly waiting: {
    /** The object type this request reads (anything else is answered as not found). */
    want: 'blob' | 'tree'
    resolve: (b: Blob) => void
    reject: (e: Error) => void
  }[] = []
  private failure: Error | null = null
  /** Set while a request waits: git has sent nothing for `idleMs`. */
  private idle: NodeJS.Timeout | null = null

  /**
   * @param idleMs how long a pending request may wait with nothing from git: a partial clone reads a missing blob
   * from its promisor remote, and a remote that stalls must end the run as every other git command does, not hold
   * it until the job's own limit
   */
  constructor(
    cwd: string,
    readonly limit = MAX_FILE_BYTES,
    private readonly idleMs = TIMEOUT_MS
  ) {
    // no prompt: a promisor remote that asks for credentials is a failure, never a wait for a human
    this.child = childProcess().spawn('git', ['cat-file', '--batch'], {
      cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: env()
    })
    this.child.stdout.on('data', (chunk: Buffer) => {
      if (this.skip > 0) {
        const k = Math.min(this.skip, chunk.length)
        this.skip -= k
        chunk = chunk.subarray(k)
      }
      if (chunk.length > 0) {
        this.chunks.push(chunk)
        this.length += chunk.length
        this.drain()
      }
      // git is answering: the deadline starts again from here
      this.watch()
    })
    // read, so that git never blocks on a full pipe; its last line says why it stopped (a promisor remote that
    // cannot be reached, a corrupt object)
    let stderr = ''
    this.child.stderr.setEncoding('utf8').on('data', (s: string) => {
      if (stderr.length < MAX_STDERR) stderr += s
    })
    const said = () => {
      const last = stderr.trim().split('\n').pop()?.trim()
      return last ? `: ${last}` : ''
    }
    const fail = (e: Error) => {
      this.failure = e
      for (const w of this.waiting.splice(0)) w.reject(e)
      this.watch()
    }
    this.timedOut = () => {
      if (this.waiting.length === 0) return
      fail(
        new GitError(
          `git cat-file answered nothing for ${formatDuration(this.idleMs)} with requests pending${said()}: a partial clone reads what it lacks from its promisor remote, and that remote did not answer (check it, or check out the whole history without a filter)`
        )
      )
      this.child.kill('SIGKILL')
      // a fetch git started may outlive it holding these pipes: they must not keep this process alive
      this.child.stdout.destroy()
      this.child.stderr.destroy()
      this.child.stdin.destroy()
    }
    this.child.on('error', (e) => fail(new GitError(`git cat-file: ${e.message}`)))
    // a request written after git ended (killed by a Ctrl-C that reached its process group): EPIPE is that
    // failure, not an unhandled error
    this.child.stdin.on('error', (e) => fail(new GitError(`git cat-file: ${e.message}`)))
    this.child.on('close', (code, signal) => {
      if (this.waiting.length > 0)
        fail(
          new GitError(
            `git cat-file ${signal ? `was killed by ${signal}` : `exited (${code})`} with requests pending${said()}`
          )
        )
    })
  }

  read(spec: string): Promise<Blob> {
    return this.request(spec, 'blob')
  }

  /** A tree object's raw entries (`<mode> <name>\0<id>` each; see tree-path.ts), found as read() finds a blob. */
  readTree(spec: string): Promise<Blob> {
    return this.request(spec, 'tree')
  }

  private request(spec: string, want: 'blob' | 'tree'): Promise<Blob> {
    if (this.failure) return Promise.reject(this.failure)
    if (/[\n\r]/.test(spec)) return Promise.reject(new GitError('an object name must be one line'))
    return new Promise((resolve, reject) => {
      this.waiting.push({ want, resolve, reject })
      this.child.stdin.write(`${spec}\n`)
      if (!this.idle) this.watch()
    })
  }

  close(): void {
    this.child.stdin.end()
  }

  private timedOut: () => void = () => {}

  /** (Re)starts the idle deadline while a request waits; clears it when none does. */
  private watch(): void {
    if (this.idle) clearTimeout(this.idle)
    // never what keeps this process alive: git's own process and pipes do that while a request waits
    this.idle = this.waiting.length > 0 ? setTimeout(this.timedOut, this.idleMs).unref() : null
  }

  /** The pending bytes as one buffer (joined once per answer, not once per chunk: linear in the bytes). */
  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.length)]
    return this.chunks[0] ?? Buffer.alloc(0)
  }

  private consume(n: number): void {
    const rest = this.joined().subarray(n)
    this.chunks = rest.length > 0 ? [rest] : []
    this.length = rest.length
  }

  private drain(): void {
    while (this.waiting.length > 0 && this.length >= this.need) {
      const buffer = this.joined()
      const nl = buffer.indexOf(0x0a)
      if (nl === -1) {
        this.need = this.length + 1
        return
      }
      const header = buffer.subarray(0, nl).toString('utf8')
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.consume(nl + 1)
        this.need = 0
        this.waiting.shift()!.resolve({ found: false })
        continue
      }
      const [oid, type, size] = header.split(' ')
      const n = Number(size)
      // header, content, and the newline git adds after it
      const whole = nl + 1 + n + 1
      // too large, or not what was asked for (a directory where a file was asked for is a tree): passed over unread
      const want = this.waiting[0]!.want
      if (n > this.limit || type !== want) {
        const here = Math.min(this.length, whole)
        this.skip = whole - here
        this.consume(here)
        this.need = 0
        this.waiting.shift()!.resolve(type === want ? { found: false, tooLarge: n } : { found: false })
        continue
      }
      if (this.length < whole) {
        this.need = whole
        return
      }
      const content = Buffer.from(buffer.subarray(nl + 1, nl + 1 + n))
      this.consume(whole)
      this.need = 0
      this.waiting.shift()!.resolve({ found: true, oid: oid!, content })
    }
  }
}

/** The committer date of a resolved commit (ISO 8601 with its zone), or null when git cannot say. */
export async function commitDate(cwd: string, commit: string): Promise<string | null> {
  const r = await git(cwd, ['show', '-s', '--format=%cI', '--end-of-options', commit])
  const date = r.stdout.toString('utf8').trim()
  return r.code === 0 && date !== '' ? date : null
}
