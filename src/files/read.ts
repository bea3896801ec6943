// Read a file of the user's repository, refusing what cannot be a trio file instead of hanging or crashing.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'

/** Files we read are small; anything over this is refused before it is read (a multi-GB file must not hang us). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024

export type ReadResult =
  | { kind: 'ok'; bytes: Buffer }
  | { kind: 'missing' }
  | { kind: 'not-a-file' }
  | { kind: 'too-large'; size: number; limit: number }
  | { kind: 'outside-root' }
  | { kind: 'unreadable'; reason: string }

/** Resolve a repository-relative path; undefined when it would escape the root. */
export function resolveInRoot(root: string, rel: string): string | undefined {
  const abs = resolve(root, rel)
  const back = relative(resolve(root), abs)
  if (back === '' || (!back.startsWith(`..${sep}`) && back !== '..' && !isAbsolute(back))) return abs
  return undefined
}

export function readRepoFile(root: string, rel: string, limit = MAX_FILE_BYTES): ReadResult {
  const abs = resolveInRoot(root, rel)
  if (!abs) return { kind: 'outside-root' }
  let fd: number
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait forever for a writer
    fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' }
    if (code === 'EISDIR') return { kind: 'not-a-file' }
    return { kind: 'unreadable', reason: code ?? String(e) }
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) return { kind: 'not-a-file' }
    if (stat.size > limit) return { kind: 'too-large', size: stat.size, limit }
    // Read up to limit+1 bytes: a file that grows while we read is still bounded.
    const buf = Buffer.allocUnsafe(Math.min(stat.size, limit) + 1)
    let n = 0
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null)
      if (got === 0) break
      n += got
      if (n === buf.length) break
    }
    if (n > limit) return { kind: 'too-large', size: n, limit }
    return { kind: 'ok', bytes: Buffer.from(buf.subarray(0, n)) }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'EISDIR') return { kind: 'not-a-file' }
    return { kind: 'unreadable', reason: code ?? String(e) }
  } finally {
    closeSync(fd)
  }
}
