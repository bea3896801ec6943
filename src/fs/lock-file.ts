// A lock held by a file that names the process holding it. The file appears whole or not at all (written aside,
// then linked into place: never an empty lock for another run to misread), and never through a link planted in
// its place. A lock whose process has ended (a crash, a kill) is taken over; so is one naming no process (not one
// this code wrote), under a second lock: two runs finding it ended at once must not both take it (the second would
// remove the lock the first had just made). A process of another pid namespace (another container) cannot be told alive or not: its lock
// holds, and the message says to delete it if no run is going on.
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  constants,
  linkSync,
  openSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeSync
} from 'node:fs'
import { readOwnFile } from './own-file.js'

const CREATE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0)

/**
 * Taken (release it), or held by another process: its pid, and the file that holds it out (the lock, or the
 * takeover lock a run ended in while taking the lock over).
 */
export type LockAttempt = { release: () => void } | { holder: number; file: string }

/**
 * @param check called before the lock is released: a throw (its directory replaced by a link, say) leaves the
 *   path alone
 */
export function tryLock(path: string, check: () => void = () => {}): LockAttempt {
  const mine = `${process.pid} ${pidNamespace()}\n`
  const aside = `${path}.${randomBytes(8).toString('hex')}.tmp`
  const fd = openSync(aside, CREATE, 0o644)
  try {
    writeSync(fd, mine)
  } finally {
    closeSync(fd)
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        // a hard link fails when the name exists, whatever it is (a file, a link, a directory)
        linkSync(aside, path)
        return { release: () => release(path, mine, check) }
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      }
      const found = readLock(path)
      const holder = found === null ? null : holderOf(found)
      if (holder !== null) return { holder, file: path }
      // the holder is gone: taken over once (a second refusal is another run that took it meanwhile)
      if (attempt > 0) return { holder: 0, file: path }
      const guarded = removeEnded(path, aside, found)
      if (guarded !== null) return guarded
    }
  } finally {
    rmSync(aside, { force: true })
  }
}

/**
 * Removes an ended run's lock under the takeover lock `<path>.takeover`, and only while it still reads as it did
 * (`found`): no other run removes a lock but its own holder, so under the takeover lock it cannot change between
 * the check and the removal. Another run taking it over meanwhile is the holder to report.
 */
function removeEnded(path: string, aside: string, found: string | null): LockAttempt | null {
  const guard = `${path}.takeover`
  try {
    linkSync(aside, guard)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    const taking = readLock(guard)
    // gone already: that run's takeover is over, and the lock is whoever's it made it (asked again; found as a rare
    // failure of the test of four runs at once: "no running process holds" the takeover lock just released)
    if (taking === null) return null
    return { holder: holderOf(taking) ?? 0, file: guard }
  }
  try {
    if (readLock(path) === found) rmSync(path, { force: true })
  } finally {
    rmSync(guard, { force: true })
  }
  return null
}

/**
 * A lock file's text, or null when there is none to read: a link planted in its place is not read, a FIFO is opened
 * without waiting for a writer (found by review: the run hung there), and a text longer than any lock's is none.
 */
function readLock(path: string): string | null {
  return readOwnFile(path, 64)?.toString('utf8') ?? null
}

/** Remove the lock if it is still this run's, through a directory still the tool's own. */
function release(path: string, mine: string, check: () => void): void {
  try {
    check()
    if (readFileSync(path, 'utf8') === mine) rmSync(path, { force: true })
  } catch {
    // replaced, or gone: not this run's to remove
  }
}

/** The process a lock file's text names while it may run, or null when it names none that does. */
function holderOf(text: string): number | null {
  const m = /^(\d+)(?: (\S*))?\n?$/.exec(text)
  const pid = m ? Number(m[1]) : NaN
  if (!Number.isSafeInteger(pid) || pid <= 0) return null
  // another namespace's pid says nothing of this one's processes: held
  if (m![2] !== undefined && m![2] !== pidNamespace()) return pid
  if (pid === process.pid) return null
  try {
    process.kill(pid, 0)
    return pid
  } catch (e) {
    // EPERM: it exists, as another user's
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : null
  }
}

/** This process's pid namespace (Linux), or '' where there is none to read. */
function pidNamespace(): string {
  try {
    return readlinkSync('/proc/self/ns/pid')
  } catch {
    return ''
  }
}

/** Wait this long (ms) in this thread: a lock's holder is another process, which runs meanwhile. */
export function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}
