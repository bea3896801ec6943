// Every file the suite writes is written whole or not at all: a temporary file beside it, then rename.
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  constants,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { basename, dirname, join } from 'node:path'

// the temporary file is created, never opened: a name planted beforehand (a link to a file elsewhere, which a
// suite step running beside the gate can make) fails the write instead of taking it (found by review)
const CREATE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0)

/**
 * @param durable also flush to disk before the rename, so a power loss cannot leave an empty file
 *   (the rename alone already keeps readers and crashed processes from ever seeing half a file)
 */
export function writeFileAtomic(path: string, data: string | Buffer, { durable = false } = {}): void {
  mkdirSync(dirname(path), { recursive: true })
  // a name no one can guess ahead of the write
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`)
  const fd = openSync(tmp, CREATE, 0o666)
  try {
    try {
      writeFileSync(fd, data)
      if (durable) fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, path)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw e
  }
}
