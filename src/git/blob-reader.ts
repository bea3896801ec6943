// One long-lived `git cat-file --batch` for reading many blobs with a single process, with a deadline on git's
// silence.
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { MAX_FILE_BYTES } from '../document/limits.js'
import { formatDuration } from '../text/duration.js'
import { childProcess, env, GitError, MAX_STDERR, TIMEOUT_MS } from './git-process.js'

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
