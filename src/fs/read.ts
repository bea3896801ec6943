// Read a file of the user's repository, refusing what cannot be a trio file instead of hanging or crashing.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import { MAX_FILE_BYTES } from '../document/limits.js'
import { containPath } from './contain.js'
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

/** @param memo shared by the reads of one scan (see ContainMemo) */
export function readRepoFile(
  root: string,
  rel: string,
  limit = MAX_FILE_BYTES,
  memo?: ContainMemo
): ReadResult {
  const where = containPath(root, rel, memo)
  if (where.kind === 'outside')
    return { kind: 'outside-root', problem: `leads outside the repository (to ${where.leadsTo})` }
  if (where.kind === 'dangling')
    return {
      kind: 'dangling-link',
      problem: `${where.link} is a symbolic link to ${where.target}, ${where.why ?? 'which does not exist'}`
    }
  if (!where.exists) return { kind: 'missing' }
  let fd: number
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait forever for a writer
    fd = openSync(where.real, constants.O_RDONLY | constants.O_NONBLOCK | NOFOLLOW)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' }
    if (code === 'EISDIR') return { kind: 'not-a-file' }
    if (code === 'ELOOP') return { kind: 'outside-root', problem: 'became a symbolic link while it was read' }
    return { kind: 'unreadable', reason: code ?? String(e) }
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) return { kind: 'not-a-file' }
    if (stat.size > limit) return { kind: 'too-large', size: stat.size, limit }
    // Read up to limit+1 bytes: a file that grows while we read is still bounded. The read stops at the size fstat
    // gave (the file as it was then) without asking again for the end: one read a file, not two
    const buf = Buffer.allocUnsafe(Math.min(stat.size, limit) + 1)
    let n = 0
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null)
      if (got === 0) break
      n += got
      if (n === buf.length || n === stat.size) break
    }
    if (n > limit) return { kind: 'too-large', size: n, limit }
    return { kind: 'ok', bytes: buf.subarray(0, n) }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'EISDIR') return { kind: 'not-a-file' }
    return { kind: 'unreadable', reason: code ?? String(e) }
  } finally {
    closeSync(fd)
  }
}
