// A lock held by a file: created exclusively (never through a link planted in its place), holding the pid of the
// process that holds it. A lock whose process has ended (a crash, a kill) is taken over.
import { closeSync, constants, openSync, readFileSync, rmSync, writeSync } from 'node:fs'

const CREATE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0)

/** Taken (release it), or held by another process (its pid, when the file names one that runs). */
export type LockAttempt = { release: () => void } | { holder: number | null }

export function tryLock(path: string): LockAttempt {
  for (let attempt = 0; ; attempt++) {
    let fd: number
    try {
      fd = openSync(path, CREATE, 0o644)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e
      const holder = Number(readSmall(path)?.trim())
      // a lock not yet holding its pid is being taken this moment: held; only a dead process's is taken over
      const known = Number.isInteger(holder) && holder > 0
      if (!known || alive(holder)) return { holder: known ? holder : null }
      rmSync(path, { force: true })
      continue
    }
    try {
      writeSync(fd, `${process.pid}\n`)
    } finally {
      closeSync(fd)
    }
    return { release: () => rmSync(path, { force: true }) }
  }
}

function readSmall(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').slice(0, 32)
  } catch {
    return null
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: it exists, as another user's
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Wait this long (ms) in this thread: a lock's holder is another process, which runs meanwhile. */
export function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}
