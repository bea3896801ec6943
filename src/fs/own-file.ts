// A small file the tool keeps for itself in the git directory (a journal, a mark), read so that nothing planted in
// its place can hang or flood the run: no link followed, no FIFO waited on, nothing but a regular file of at most
// `limit` bytes.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'

/** The file's bytes; null when there is none, or what is there is no regular file of at most `limit` bytes. */
export function readOwnFile(path: string, limit: number): Buffer | null {
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
  } catch {
    return null
  }
  try {
    const st = fstatSync(fd)
    if (!st.isFile() || st.size > limit) return null
    const buf = Buffer.alloc(st.size)
    let got = 0
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, got)
      if (n === 0) break
      got += n
    }
    return buf.subarray(0, got)
  } catch {
    return null
  } finally {
    closeSync(fd)
  }
}
