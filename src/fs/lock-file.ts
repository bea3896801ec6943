// A lock held by a file that names the process holding it. The file appears whole or not at all (written aside,
// then linked into place: never an empty lock for another run to misread), and never through a link planted in
// its place. A lock whose process has ended (a crash, a kill) is taken over; so is one naming this very process
// (a container's run is pid 1 again after a crash) or naming none at all (not one this code wrote).
import { randomBytes } from 'node:crypto'
import { closeSync, constants, linkSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'

const CREATE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0)

/** Taken (release it), or held by another live process (its pid). */
export type LockAttempt = { release: () => void } | { holder: number }

export function tryLock(path: string): LockAttempt {
  const aside = `${path}.${randomBytes(8).toString('hex')}.tmp`
  const fd = openSync(aside, CREATE, 0o644)
  try {
    writeSync(fd, `${process.pid}\n`)
  } finally {
    closeSync(fd)
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        // a hard link fails when the name exists, whatever it is (a file, a link, a directory)
        linkSync(aside, path)
        return { release: () => release(path) }
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      }
      const holder = holderOf(path)
      if (holder !== null) return { holder }
      // the holder is gone: taken over once (a second refusal is another run that took it meanwhile)
      if (attempt > 0) return { holder: holderOf(path) ?? 0 }
      rmSync(path, { force: true })
    }
  } finally {
    rmSync(aside, { force: true })
  }
}

/** The live process another lock file names, or null when it names none that runs (or this one). */
function holderOf(path: string): number | null {
  let text: string
  try {
    text = readFileSync(path, 'utf8').slice(0, 32)
  } catch {
    return null
  }
  const pid = Number(text.trim())
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null
  try {
    process.kill(pid, 0)
    return pid
  } catch (e) {
    // EPERM: it exists, as another user's
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : null
  }
}

/** Wait this long (ms) in this thread: a lock's holder is another process, which runs meanwhile. */
export function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/** Remove the lock; a directory that is no longer one (a step replaced it) leaves nothing to remove. */
function release(path: string): void {
  try {
    rmSync(path, { force: true })
  } catch {
    // ENOTDIR, EISDIR: not our lock any more
  }
}
