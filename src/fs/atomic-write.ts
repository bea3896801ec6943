// Every file the suite writes is written whole or not at all: a temporary file beside it, then rename.
import { mkdirSync, renameSync, rmSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs'
import { dirname, basename, join } from 'node:path'

/**
 * @param durable also flush to disk before the rename, so a power loss cannot leave an empty file
 *   (the rename alone already keeps readers and crashed processes from ever seeing half a file)
 */
export function writeFileAtomic(path: string, data: string | Buffer, { durable = false } = {}): void {
  mkdirSync(dirname(path), { recursive: true })
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`)
  try {
    writeFileSync(tmp, data)
    if (durable) {
      const fd = openSync(tmp, 'r+')
      try {
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
    }
    renameSync(tmp, path)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw e
  }
}
