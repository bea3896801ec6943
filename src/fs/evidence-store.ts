// The evidence directory: every file written atomically; a .gitignore keeps a default in-repo directory untracked.
import { errorCode } from '../text/error-code.js'
import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { BatchWriteError, removeStaleTempsIn, writeFileAtomic, writeFilesAtomic } from './atomic-write.js'
import { ContainmentError, operatorPathEscape } from './contain.js'
import { fileInTheWay, probeWritable } from './file-in-the-way.js'
import { pause, tryLock } from './lock-file.js'

export interface EvidenceStore {
  dir: string
  /** Write one file of the packet; returns its absolute path. */
  write(name: string, content: string): string
  /**
   * Write several files at once (a run's packets): every name is checked before the first byte, the directory
   * made and checked once, then each file is written atomically, in order. Returns their absolute paths.
   */
  writeAll(files: readonly EvidenceFile[]): string[]
  /**
   * Remove the files whose names `stale` matches (an earlier run's step logs of the packet about to be written):
   * the directory then holds no log its packet does not name (found by review). Links are removed as links.
   */
  removeMatching(stale: RegExp): void
}

export interface EvidenceFile {
  name: string
  content: string
}

export interface EvidenceStoreOptions {
  /** Write a .gitignore in this directory (the default in-repo evidence directory). */
  ignoreInGit?: string
  /** The repository: an evidence directory inside it must not lead out of it through a link. */
  root?: string
}

/** An evidence directory that cannot be one (a file in its way), or an evidence file that cannot be written there. */
export class EvidenceDirError extends Error {
  override name = 'EvidenceDirError'
}

export function createEvidenceStore(dir: string, options: EvidenceStoreOptions = {}): EvidenceStore {
  const abs = resolve(dir)
  const check = (path: string) => {
    const problem = options.root === undefined ? null : operatorPathEscape(options.root, path)
    if (problem)
      throw new ContainmentError(
        `the evidence directory ${abs}: ${path === abs ? 'it' : path} ${problem}; nothing was written there (BG110): name a directory no link leads out of the repository (--evidence-dir / input 'evidence-dir')`
      )
  }
  check(abs)
  // checked before the operation runs: a rollback writes the trio first, and must not find out only then that its
  // evidence has nowhere to go
  const blocked = fileInTheWay(abs)
  if (blocked)
    throw new EvidenceDirError(
      blocked === abs
        ? `the evidence directory ${abs} is a file, not a directory; nothing was run or written: name a directory (--evidence-dir / input 'evidence-dir')`
        : `the evidence directory ${abs} cannot be made: ${blocked} is a file; nothing was run or written: name another directory (--evidence-dir / input 'evidence-dir')`
    )
  const validName = (name: string) => {
    if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`invalid evidence file name: ${name}`)
  }
  /**
   * The default directory is the tool's own: a link there, even to a directory inside the repository, would have
   * its .gitignore ("*") hide that directory's new files from git.
   */
  const ownDirectory = () => {
    if (options.ignoreInGit && lstatSync(options.ignoreInGit, { throwIfNoEntry: false })?.isSymbolicLink())
      throw new EvidenceDirError(
        `${options.ignoreInGit} is a symbolic link, not the tool's own directory; nothing was written there: remove the link, or name an evidence directory (--evidence-dir / input 'evidence-dir')`
      )
  }
  /** The directory, checked and made (with its .gitignore): it may have been replaced since the store was made. */
  const prepare = () => {
    // before anything is made: a link put in its way since must not lead the directories out
    check(abs)
    ownDirectory()
    mkdirSync(abs, { recursive: true })
    if (options.ignoreInGit) {
      const marker = join(resolve(options.ignoreInGit), '.gitignore')
      check(marker)
      if (!existsSync(marker))
        writeFileAtomic(marker, '# written by baseline-gate: local evidence, never committed\n*\n')
    }
  }
  ownDirectory()
  // ... and a file can be made in it: a read-only file system or a directory this user may not write is found now,
  // not after a rollback has written the trio. What is missing of it is made, a file of our own created in it, and
  // all of it removed again: a run that stops before it writes leaves nothing
  try {
    probeWritable(abs)
  } catch (e) {
    throw new EvidenceDirError(
      `the evidence directory ${abs} cannot be written (${errorCode(e)}); nothing was run: name a directory this user can write (--evidence-dir / input 'evidence-dir')`
    )
  }
  /** A file that could not be written: the operator's to fix (a directory committed where it goes, a full disk). */
  const cannotWrite = (path: string, e: unknown) =>
    new EvidenceDirError(
      `the evidence file ${path} cannot be written (${errorCode(e)}): name another evidence directory (--evidence-dir / input 'evidence-dir')`
    )
  /** One file, atomically. */
  const put = (path: string, content: string) => {
    try {
      writeFileAtomic(path, content)
    } catch (e) {
      throw cannotWrite(path, e)
    }
    return path
  }
  return {
    dir: abs,
    write(name, content) {
      validName(name)
      prepare()
      const path = join(abs, name)
      check(path)
      return put(path, content)
    },
    removeMatching(stale) {
      if (!existsSync(abs)) return
      check(abs)
      for (const name of readdirSync(abs)) {
        if (!stale.test(name)) continue
        // a file or a link, never a directory a step made of that name
        const st = lstatSync(join(abs, name))
        if (st.isFile() || st.isSymbolicLink()) rmSync(join(abs, name), { force: true })
      }
    },
    writeAll(files) {
      files.forEach((f) => validName(f.name))
      if (files.length === 0) return []
      prepare()
      check(abs) // the directory once: then only a file that is itself a link needs the walk
      // one run's batch at a time: two runs at once must not leave one's packet beside the other's statement
      // (found by review)
      const release = batchLock(abs)
      try {
        // what a killed run's writes left here, once a run (never once a file: thousands of packets)
        removeStaleTempsIn(abs)
        // a name that is a link out of the repository is said before anything is written: one listing, and a look
        // only at the names it shows a link of, in any case (a file system that ignores case, as macOS's, takes
        // `B.json` for `b.json`); at every name where the directory cannot be listed (found by review)
        if (options.root !== undefined) {
          const links = linksIn(abs)
          for (const f of files) {
            if (links && !links.has(f.name.toLowerCase())) continue
            const path = join(abs, f.name)
            if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) check(path)
          }
        }
        try {
          return writeFilesAtomic(
            abs,
            files.map((f) => ({ name: f.name, data: f.content }))
          )
        } catch (e) {
          throw e instanceof BatchWriteError ? cannotWrite(e.target, e.cause) : e
        }
      } finally {
        release()
      }
    }
  }
}

/** The names of the links in `dir`, in lower case; null where it cannot be listed. */
function linksIn(dir: string): Set<string> | null {
  try {
    return new Set(
      readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isSymbolicLink())
        .map((e) => e.name.toLowerCase())
    )
  } catch {
    return null
  }
}

/** How long a batch waits for another run's (a batch is a few files: milliseconds). */
const BATCH_WAIT_MS = 10_000

/**
 * The evidence directory's batch lock, waited for. One never released (a lock file a process left that runs on,
 * or one a suite step planted) is waited out and then written past: the lock keeps batches apart, it never keeps
 * evidence from being written.
 */
function batchLock(dir: string): () => void {
  const path = join(dir, '.baseline-gate-evidence.lock')
  for (let waited = 0; ; waited += 25) {
    let attempt
    try {
      attempt = tryLock(path)
    } catch {
      // cannot be made (a directory in its place): written without it
      return () => {}
    }
    if ('release' in attempt) return attempt.release
    if (waited >= BATCH_WAIT_MS) return () => {}
    pause(25)
  }
}
