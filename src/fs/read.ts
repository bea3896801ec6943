// Read a file of the user's repository, refusing what cannot be a trio file instead of hanging or crashing.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import { MAX_FILE_BYTES } from '../document/limits.js'
import { containPath, knownDirectoryPath } from './contain.js'
import type { ContainMemo } from './contain.js'

export { resolveInRoot } from './contain.js'

export { MAX_FILE_BYTES } from '../document/limits.js'

export type ReadResult =
  /** `bytes` is a view of the buffer read into (no copy): read it, never write to it or hand on its `.buffer`. */
  | { kind: 'ok'; bytes: Buffer }
  | { kind: 'missing' }
  | { kind: 'not-a-file' }
  | { kind: 'too-large'; size: number; limit: number }
  /** The path, or a link on it, leads out of the root; `problem` says where (never read). */
  | { kind: 'outside-root'; problem: string }
  /** A symbolic link on the path points at nothing. */
  | { kind: 'dangling-link'; problem: string }
  | { kind: 'unreadable'; reason: string }

// O_NOFOLLOW: the final component was checked not to be a link; if one appears there since, it is not followed
const NOFOLLOW = constants.O_NOFOLLOW ?? 0

/**
 * A buffer that the reads of one batch share (a scan of many files, each searched and dropped): each file is read
 * into it, so only the files kept are copied. Fresh memory for every file cost more than reading it (page faults,
 * and garbage collections for the external memory). Grown to the largest file read, never shrunk.
 */
export interface ReadScratch {
  buf: Buffer
}

export function createReadScratch(): ReadScratch {
  return { buf: Buffer.allocUnsafe(64 * 1024) }
}

/**
 * @param memo shared by the reads of one scan (see ContainMemo)
 * @param scratch read into it (see ReadScratch): the bytes of an 'ok' answer are then valid only until the next
 *   read with the same scratch
 */
export function readRepoFile(
  root: string,
  rel: string,
  limit = MAX_FILE_BYTES,
  memo?: ContainMemo,
  scratch?: ReadScratch
): ReadResult {
  // a file of a directory this batch already walked is opened at once, with no look at it first: O_NOFOLLOW
  // refuses a link there, which the walk below then resolves as it would have (one system call less a file)
  const known = memo ? knownDirectoryPath(root, rel, memo) : undefined
  if (known !== undefined) {
    const read = openAndRead(known, limit, scratch, null)
    if (read !== null) return read
  }
  const where = containPath(root, rel, memo)
  if (where.kind === 'unreadable') return { kind: 'unreadable', reason: where.reason }
  if (where.kind === 'outside')
    return { kind: 'outside-root', problem: `leads outside the repository (to ${where.leadsTo})` }
  if (where.kind === 'dangling')
    return {
      kind: 'dangling-link',
      problem: `${where.link} is a symbolic link to ${where.target}, ${where.why ?? 'which does not exist'}`
    }
  if (!where.exists) return { kind: 'missing' }
  return openAndRead(where.real, limit, scratch, BECAME_A_LINK)
}

const BECAME_A_LINK: ReadResult = {
  kind: 'outside-root',
  problem: 'became a symbolic link while it was read'
}

/**
 * Open `real` (never following a link at its end) and read it whole, up to `limit` bytes.
 * @param onLink the answer when `real` is a symbolic link (null: the caller walks it)
 */
function openAndRead(
  real: string,
  limit: number,
  scratch: ReadScratch | undefined,
  onLink: ReadResult
): ReadResult
function openAndRead(
  real: string,
  limit: number,
  scratch: ReadScratch | undefined,
  onLink: null
): ReadResult | null
function openAndRead(
  real: string,
  limit: number,
  scratch: ReadScratch | undefined,
  onLink: ReadResult | null
): ReadResult | null {
  let fd: number
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait forever for a writer
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | NOFOLLOW)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' }
    if (code === 'EISDIR') return { kind: 'not-a-file' }
    // a link at the end: ELOOP (Linux, macOS); EMLINK on FreeBSD, EFTYPE on NetBSD
    if (code === 'ELOOP' || code === 'EMLINK' || code === 'EFTYPE') return onLink
    return { kind: 'unreadable', reason: errorCode(e) }
  }
  try {
    if (scratch) return readIntoScratch(fd, limit, scratch)
    const stat = fstatSync(fd)
    if (!stat.isFile()) return { kind: 'not-a-file' }
    if (stat.size > limit) return { kind: 'too-large', size: stat.size, limit }
    // Read up to limit+1 bytes: a file that grows while we read is still bounded. The read stops at the size fstat
    // gave (the file as it was then) without asking again for the end: one read a file, not two
    const want = Math.min(stat.size, limit) + 1
    const buf = Buffer.allocUnsafe(want)
    let n = 0
    for (;;) {
      const got = readSync(fd, buf, n, want - n, null)
      if (got === 0) break
      n += got
      if (n === want || n === stat.size) break
    }
    if (n > limit) return { kind: 'too-large', size: n, limit }
    return { kind: 'ok', bytes: buf.subarray(0, n) }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'EISDIR') return { kind: 'not-a-file' }
    return { kind: 'unreadable', reason: errorCode(e) }
  } finally {
    closeSync(fd)
  }
}

/**
 * A scan's read, into its scratch buffer: read to the end first, and ask fstat only when the read says something
 * unusual (nothing read, an error, more than the scratch holds). Most files a scan reads are small regular files,
 * and node makes a Stats object of four Dates for each fstat: 1.3 kB of heap a file, a third of what the scan
 * allocates. The same syscalls otherwise (open, read, the read that finds the end, close); the same answers but
 * for a pipe whose writer wrote and closed while it was read, which is read as the file it then is.
 */
function readIntoScratch(fd: number, limit: number, scratch: ReadScratch): ReadResult {
  const most = limit + 1
  let n = 0
  try {
    for (;;) {
      if (n === scratch.buf.length) {
        // larger than the scratch: its size, once, to grow it (a pipe or a device says so here too)
        const stat = fstatSync(fd)
        if (!stat.isFile()) return { kind: 'not-a-file' }
        if (stat.size > limit) return { kind: 'too-large', size: stat.size, limit }
        const grown = Buffer.allocUnsafe(Math.min(Math.max(stat.size + 1, scratch.buf.length * 2), most))
        scratch.buf.copy(grown, 0, 0, n)
        scratch.buf = grown
      }
      const got = readSync(fd, scratch.buf, n, Math.min(scratch.buf.length, most) - n, null)
      if (got === 0) break
      n += got
      if (n > limit) {
        const stat = fstatSync(fd)
        return stat.isFile()
          ? { kind: 'too-large', size: Math.max(n, stat.size), limit }
          : { kind: 'not-a-file' }
      }
    }
  } catch (e) {
    // a pipe with a writer (EAGAIN), a directory (EISDIR): what it is, if fstat can say
    return fstatSync(fd).isFile() ? { kind: 'unreadable', reason: errorCode(e) } : { kind: 'not-a-file' }
  }
  // nothing read: an empty file, or a pipe nobody writes to
  if (n === 0 && !fstatSync(fd).isFile()) return { kind: 'not-a-file' }
  return { kind: 'ok', bytes: scratch.buf.subarray(0, n) }
}

const errorCode = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? String(e)
