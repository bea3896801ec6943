// Every file the suite writes is written whole or not at all: a temporary file beside it, then rename.
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  constants,
  fsyncSync,
  mkdirSync,
  lstatSync,
  openSync,
  readdirSync,
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
 * @param clean first remove what a killed write of this path left (see removeStaleTemps): for the files a user
 *   commits (the trio, the policy), never a directory of thousands of files, where each write would list them all
 */
export function writeFileAtomic(
  path: string,
  data: string | Buffer,
  { durable = false, clean = false } = {}
): void {
  mkdirSync(dirname(path), { recursive: true })
  // a write killed before its rename left its temporary file: one of this path's is removed before the next
  // (found by review: untracked, unignored files `git add -A` would commit)
  if (clean) removeStaleTemps(path)
  try {
    writeFilesAtomic(dirname(path), [{ name: basename(path), data }], { durable })
  } catch (e) {
    // the system's own error: the caller names the path
    throw e instanceof BatchWriteError ? e.cause : e
  }
}

/** A file of a batch that could not be written: `target` names it; `cause` is the system's error. */
export class BatchWriteError extends Error {
  override name = 'BatchWriteError'
  constructor(
    readonly target: string,
    override readonly cause: unknown
  ) {
    super(`${target}: ${(cause as Error)?.message ?? String(cause)}`)
  }
}

/**
 * Several files of one directory that is there, each written whole or not at all as writeFileAtomic writes one:
 * every temporary file first, then each renamed into place in the given order. Created and renamed in turn, the
 * files cost more (ext4 here, 1,500 files, the count a health of 500 baselines writes: 150 against 65 ms in one
 * minute, medians of 462 against 347 ms in another).
 * On a failure the temporary files not renamed yet are removed, and BatchWriteError names the file; those renamed
 * before it are whole. Returns the files' paths.
 * @param durable as writeFileAtomic's
 */
export function writeFilesAtomic(
  dir: string,
  files: readonly { name: string; data: string | Buffer }[],
  { durable = false } = {}
): string[] {
  // a name no one can guess ahead of the write, from one draw for the batch
  const random = randomBytes(8 * files.length).toString('hex')
  const paths = files.map((f) => join(dir, f.name))
  const temps: string[] = []
  // the file being written, then the file being renamed; those renamed are the first `renamed`
  let at = 0
  let renamed = 0
  try {
    for (; at < files.length; at++) {
      const tmp = join(dir, `.${files[at]!.name}.${random.slice(16 * at, 16 * at + 16)}.tmp`)
      const fd = openSync(tmp, CREATE, 0o666)
      temps.push(tmp)
      try {
        writeFileSync(fd, files[at]!.data)
        if (durable) fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
    }
    for (at = 0; at < files.length; at++, renamed++) renameSync(temps[at]!, paths[at]!)
    return paths
  } catch (e) {
    for (const tmp of temps.slice(renamed)) rmSync(tmp, { force: true })
    throw new BatchWriteError(paths[at]!, e)
  }
}

/**
 * Remove the temporary files writeFileAtomic left beside `path` when a process was killed between creating one
 * and renaming it: exactly the names it makes (`.<name>.<16 hex>.tmp`), links removed as links.
 */
export function removeStaleTemps(path: string, now = Date.now()): void {
  const name = basename(path)
  let entries: string[]
  try {
    entries = readdirSync(dirname(path))
  } catch {
    return
  }
  for (const entry of entries) {
    if (
      entry.length === name.length + 22 &&
      entry.startsWith(`.${name}.`) &&
      /\.[0-9a-f]{16}\.tmp$/.test(entry)
    )
      removeIfStale(join(dirname(path), entry), now)
  }
}

/** Remove a file or link older than STALE_MS: a younger one is a write in flight (another run's: found by review). */
function removeIfStale(path: string, now: number): void {
  const st = lstatSync(path, { throwIfNoEntry: false })
  if (st && (st.isFile() || st.isSymbolicLink()) && now - st.mtimeMs > STALE_MS) rmSync(path, { force: true })
}

/** A write in flight is younger than this: only an older temporary file is a killed write's. */
const STALE_MS = 10 * 60_000

/**
 * Remove the temporary files writeFileAtomic left in the evidence directory when a run was killed: only those of
 * the files the tool writes there (`.<packet or log>.<16 hex>.tmp`), only files and links, and only old ones (a
 * run beside this one may be writing its own: found by review), once a batch.
 */
export function removeStaleTempsIn(dir: string, now = Date.now()): void {
  let entries: string[]
  try {
    entries = readdirSync(dir)
  } catch {
    return
  }
  for (const entry of entries) {
    if (!/^\.[A-Za-z0-9._-]+\.(?:json|md|log|sarif)\.[0-9a-f]{16}\.tmp$/.test(entry)) continue
    removeIfStale(join(dir, entry), now)
  }
}
