// A set of files (the trio: two directories) written all or nothing, even across a crash at any point.
// writeFileAtomic keeps each file whole; this module keeps the SET whole, with a journal that records the intent.
//
// Protocol of writeFileSet:
//   1. A journal left by an interrupted run is recovered first (recoverFileSet).
//   2. The journal is written (atomically and durably) with state `prepared`, listing for each file its target,
//      its staged path (`.<basename>.baseline-gate-staged` in the same directory, so the final rename never
//      crosses a file system), the sha256 of the new content and of the old one (null: the target did not exist).
//   3. Every new content is written to its staged path, durably.
//   4. The journal is rewritten with state `committed`: the commit point.
//   5. Each staged file is renamed over its target, in the caller's order (the file the application reads last).
//   6. The journal is removed.
// Recovery (recoverFileSet, and writeFileSet before anything else):
//   no journal -> 'none'.
//   `prepared` -> no target was touched yet: the staged files and the journal are removed -> 'discarded'.
//   `committed` -> every staged file still there is renamed over its target, every target is checked against the
//     new sha256, the journal is removed -> 'completed'. A target that does not match keeps the journal and throws.
// Every step is idempotent, so a crash during recovery is recovered by the next run the same way.
//
// The journal names its files relative to its own directory, so a copy of the repository (its .git with it)
// finishes its own files, never the original's; given the root, recovery touches nothing outside it. One run at a
// time works on a trio: lockSet, taken by the operation from before it reads the set until it is done.
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { findGitDir } from '../git/run-context.js'
import { removeStaleTemps, writeFileAtomic } from './atomic-write.js'
import { containPath } from './contain.js'
import { tryLock } from './lock-file.js'
import { readOwnFile } from './own-file.js'

/** A journal lists a few files: far less than this; anything larger is none of ours. */
const MAX_JOURNAL_BYTES = 1024 * 1024
import { sha256 } from './digest.js'

/** The file system operations the set writer uses; tests pass one that "dies" at the Nth call. */
export interface SetFs {
  /** Write durably (fsync) and atomically: `path` then holds its old bytes or the new ones, never part. */
  writeFile(path: string, data: Buffer | string): void
  rename(from: string, to: string): void
  /** Remove a file; no error when it is missing. */
  rm(path: string): void
  /** The file's bytes, or null when it is missing. */
  readFile(path: string): Buffer | null
  /** Create a directory and its parents; no error when it exists. */
  mkdir(path: string): void
}

export const nodeSetFs: SetFs = {
  // the journal relies on a write being whole or absent; staged files get the same for free
  writeFile: (path, data) => writeFileAtomic(path, data, { durable: true, clean: true }),
  rename: (from, to) => renameSync(from, to),
  rm: (path) => rmSync(path, { force: true }),
  readFile: (path) => {
    try {
      return readFileSync(path)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw e
    }
  },
  mkdir: (path) => {
    mkdirSync(path, { recursive: true })
  }
}

export interface SetWrite {
  /** Absolute path of the target. */
  path: string
  content: Buffer | string
}

export type Recovery = 'none' | 'discarded' | 'completed'

/** A set write that failed or cannot be recovered; the message says what happened and what to do. */
export class FileSetError extends Error {
  override name = 'FileSetError'
  /** True when the failure came before the commit point and the old set is whole: nothing was changed. */
  constructor(
    message: string,
    readonly nothingChanged = false
  ) {
    super(message)
  }
}

const JOURNAL_KIND = 'baseline-gate.file-set-journal.v1'

interface JournalEntry {
  target: string
  staged: string
  new_sha256: string
  old_sha256: string | null
}

interface Journal {
  kind: typeof JOURNAL_KIND
  about: string
  state: 'prepared' | 'committed'
  files: JournalEntry[]
}

/**
 * Write every file of the set, or none of them. Throws a FileSetError with a clear message on failure.
 * @param root the repository: a journal left there is recovered only inside it
 */
export function writeFileSet(
  journal: string,
  writes: SetWrite[],
  fs: SetFs = nodeSetFs,
  root?: string
): void {
  checkWrites(writes)
  ownDirectory(dirname(journal))
  recoverFileSet(journal, fs, root) // its errors already say what to do
  const names = writes.map((w) => w.path).join(', ')

  let files: JournalEntry[]
  try {
    files = writes.map((w) => {
      const old = fs.readFile(w.path)
      return {
        target: w.path,
        staged: stagedPath(w.path),
        new_sha256: sha256(w.content),
        old_sha256: old === null ? null : sha256(old)
      }
    })
    if (files.every((f) => f.old_sha256 === f.new_sha256)) return
    for (const dir of new Set([dirname(journal), ...writes.map((w) => dirname(w.path))])) fs.mkdir(dir)
  } catch (e) {
    throw new FileSetError(`could not write ${names}: ${reason(e)}. Nothing was changed.`, true)
  }

  // before the commit point: a failure undoes, and the old set stays
  try {
    fs.writeFile(journal, journalText(journal, 'prepared', files))
    writes.forEach((w, i) => fs.writeFile(files[i]!.staged, w.content))
    fs.writeFile(journal, journalText(journal, 'committed', files))
  } catch (e) {
    let undone = true
    // staged files before the journal, stopping at the first failure: while the journal (`prepared`) is there,
    // the next run finishes the undo; without it, a staged copy left behind would never be removed
    try {
      for (const path of [...files.map((f) => f.staged), journal]) fs.rm(path)
    } catch {
      undone = false
    }
    const leftovers = undone
      ? ''
      : ` The leftovers (staged copies, journal ${journal}) are removed by the next run.`
    throw new FileSetError(`could not write ${names}: ${reason(e)}. Nothing was changed.${leftovers}`, true)
  }

  // after the commit point: the new set is decided, a failure rolls forward
  try {
    for (const f of files) fs.rename(f.staged, f.target)
    fs.rm(journal)
  } catch (e) {
    try {
      complete(journal, files, fs)
    } catch (again) {
      if (again instanceof FileSetError) throw again
      throw new FileSetError(
        `the new ${names} are committed but not all in place (${reason(e)}); the journal ${journal} is kept: ` +
          // a failure that lasts (an immutable file, a file mounted over) fails every re-run the same way: said
          // (found by review: the advice looped)
          'make every file of the set replaceable (EPERM: an immutable or append-only file, see lsattr; EBUSY: a file mounted in place), then a re-run of the same command finishes the job.'
      )
    }
  }
}

/**
 * Finish or undo a set write a crash interrupted (call before reading or writing the set).
 * @param root the repository: a file the journal names outside it (a journal of another checkout, which a copy
 *   of a worktree shares, or one edited by hand) is refused, never written or removed (found by review)
 */
export function recoverFileSet(journal: string, fs: SetFs = nodeSetFs, root?: string): Recovery {
  const bytes = readJournal(journal, fs)
  if (bytes === null) return 'none'
  const j = parseJournal(journal, bytes)
  if (root !== undefined) {
    const away = j.files.flatMap((f) => [f.target, f.staged]).find((p) => !insideRoot(root, p))
    if (away)
      throw new FileSetError(
        `the journal ${journal} of an interrupted baseline-gate write names ${away}, which is not in this repository (${root}): it is another checkout's (a copy of a worktree shares its journal), or was edited. Nothing was changed. Finish the write where it was made, or restore the trio from git here and delete ${journal}`
      )
  }
  try {
    if (j.state === 'prepared') {
      for (const f of j.files) fs.rm(f.staged)
      fs.rm(journal)
      // a staged copy killed while it was written left its temporary file
      for (const f of j.files) removeStaleTemps(f.staged)
      return 'discarded'
    }
    return complete(journal, j.files, fs)
  } catch (e) {
    if (e instanceof FileSetError) throw e
    throw new FileSetError(
      `could not finish the interrupted write recorded in ${journal}: ${reason(e)}. ` +
        'The journal is kept: a re-run of the same command tries again.'
    )
  }
}

/**
 * Where a repository's journal named `name` lives: in its git directory (never committed, one per worktree),
 * `<gitdir>/baseline-gate/<name>.journal.json`; without git, `<root>/.baseline-gate/<name>.journal.json`.
 */
export function journalPath(root: string, name: string): string {
  return journalDirectory(root).path(name)
}

/**
 * journalPath for many names of one root, with the git directory looked for once (each look walks up from the
 * root), and what the journals' directory holds, listed once: `mayBeLeft(path)` is false for a file of it the
 * listing did not see. Health asks for four files of each baseline, and finds none in almost every run. A directory
 * that cannot be listed may hold anything.
 */
export function journalsLeft(root: string): {
  path: (name: string) => string
  mayBeLeft: (path: string) => boolean
} {
  const { dir, path } = journalDirectory(root)
  let names: Set<string> | null
  try {
    names = new Set(readdirSync(dir))
  } catch (e) {
    names = (e as NodeJS.ErrnoException).code === 'ENOENT' ? new Set() : null
  }
  return {
    path,
    mayBeLeft: (file) => names === null || dirname(file) !== dir || names.has(basename(file))
  }
}

function journalDirectory(root: string): { dir: string; path: (name: string) => string } {
  const top = resolve(root)
  const gitDir = findGitDir(top)
  // one git directory serves every consumer of a monorepo (apps/a, apps/b, each with its policy): a root below the
  // top has journals of its own, named after its place (found by review: two roots shared one, and one's
  // recovery refused the other's)
  const place = gitDir ? relative(workTreeTop(top), top) : ''
  // readable, and told apart by a digest of the place itself (`apps/x/y` and `apps/x_y` read alike: found by review)
  const at =
    place === '' ? '' : `.at-${place.replace(/[^A-Za-z0-9._-]+/g, '_')}-${sha256(place).slice(0, 12)}`
  const dir = gitDir ? join(gitDir, 'baseline-gate') : join(top, '.baseline-gate')
  const path = (name: string) => {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
      throw new FileSetError(`journal name ${JSON.stringify(name)}: letters, digits, '.', '_' and '-' only`)
    }
    return join(dir, `${name}${at}.journal.json`)
  }
  return { dir, path }
}

/** The nearest directory at or above `dir` that holds a `.git` (the work tree's top). */
function workTreeTop(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (lstatSync(join(d, '.git'), { throwIfNoEntry: false })) return d
    if (dirname(d) === d) return dir
  }
}

/**
 * The tool's directory beside the journals, as it must be before anything is made in it or removed from it: a
 * real directory, never a link or a file (a suite step runs the repository's code, and can plant either: found
 * by review, the lock and the journal were written through a link out of the repository).
 */
export function ownDirectory(dir: string): void {
  const st = lstatSync(dir, { throwIfNoEntry: false })
  if (st && !st.isDirectory())
    throw new FileSetError(
      `${dir} is not baseline-gate's own directory (it is ${st.isSymbolicLink() ? 'a symbolic link' : 'a file'}): nothing is written through it; remove it, then run again. Nothing was changed.`,
      true
    )
}

/** The staged copy of a target: deterministic, so a re-run finds what a crashed run left. */
function stagedPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.baseline-gate-staged`)
}

function checkWrites(writes: SetWrite[]): void {
  const seen = new Set<string>()
  for (const w of writes) {
    if (!isAbsolute(w.path)) throw new FileSetError(`file set: ${w.path} is not an absolute path`)
    const key = resolve(w.path)
    if (seen.has(key)) throw new FileSetError(`file set: ${w.path} is listed twice`)
    seen.add(key)
  }
}

/**
 * Roll forward a committed set: put every staged copy in place, check every target, remove the journal. Every
 * target is judged before the first rename: one whose staged copy is gone must hold the new content, or, where
 * none of the set holds it any more (restored from git by hand), the write is dropped whole (found by review: a
 * re-run after `git checkout -- .` put two new files beside an old one).
 */
function complete(journal: string, files: JournalEntry[], fs: SetFs): Recovery {
  const keep = `the journal ${journal} is kept. Inspect the files it lists (restore them from git if needed), then delete it.`
  // every staged copy is checked before the first rename: a bad one must not leave half the set replaced
  const staged = files.map((f) => fs.readFile(f.staged))
  files.forEach((f, i) => {
    const bytes = staged[i]
    if (bytes && sha256(bytes) !== f.new_sha256) {
      throw new FileSetError(
        `${f.staged}, the staged copy of ${f.target}, is not the content recorded; ${keep}`
      )
    }
  })
  const held = files.map((f) => {
    const bytes = fs.readFile(f.target)
    return bytes === null ? null : sha256(bytes)
  })
  const gone = files.flatMap((f, i) => (staged[i] ? [] : [{ f, sha: held[i] }]))
  // every file old again, none of the new content in place: undone by hand, so nothing is left to finish
  if (gone.length > 0 && files.every((f, i) => held[i] === f.old_sha256)) {
    for (const f of files) fs.rm(f.staged)
    fs.rm(journal)
    return 'discarded'
  }
  const notNew = gone.find(({ f, sha }) => sha !== f.new_sha256)
  if (notNew) {
    const { f, sha } = notNew
    const holds =
      sha === null ? 'it is missing' : sha === f.old_sha256 ? 'it holds the old content' : 'it was changed'
    throw new FileSetError(
      `${f.target} should hold the new content of an interrupted write, but ${holds}, while other files of the set do not; nothing was renamed, and ${keep}`
    )
  }
  files.forEach((f, i) => {
    if (staged[i]) fs.rename(f.staged, f.target)
  })
  for (const f of files) {
    const bytes = fs.readFile(f.target)
    const sha = bytes === null ? null : sha256(bytes)
    if (sha === f.new_sha256) continue
    const holds =
      sha === null ? 'it is missing' : sha === f.old_sha256 ? 'it holds the old content' : 'it was changed'
    throw new FileSetError(
      `${f.target} should hold the new content of an interrupted write, but ${holds}; ${keep}`
    )
  }
  fs.rm(journal)
  return 'completed'
}

/**
 * The lock of a set (a baseline's trio) beside its journals: one run at a time reads and writes it, whatever the
 * command (found by review: a migrate and a rollback at once each wrote part of the trio). Taken before the set is
 * read, released when the run is done with it; another live run's is a refusal that says whose.
 */
export function lockSet(root: string, name: string, what: string): () => void {
  const path = journalPath(root, name).replace(/\.journal\.json$/, '.lock')
  ownDirectory(dirname(path))
  let attempt
  try {
    mkdirSync(dirname(path), { recursive: true })
    attempt = tryLock(path, () => ownDirectory(dirname(path)))
  } catch (e) {
    if (e instanceof FileSetError) throw e
    const blocked = lstatSync(path, { throwIfNoEntry: false })
    throw new FileSetError(
      blocked && !blocked.isFile()
        ? `could not lock ${what}: ${path} is not a lock file (it is ${blocked.isDirectory() ? 'a directory' : 'something else'}); remove it, then run again. Nothing was changed.`
        : `could not lock ${what} (${path}): ${reason(e)}. Nothing was changed.`,
      true
    )
  }
  if ('release' in attempt) return attempt.release
  throw new FileSetError(
    attempt.holder === 0
      ? `${what} is locked by ${attempt.file}, which no running process holds: if no baseline-gate run is going on, delete ${attempt.file}, then run again. Nothing was changed.`
      : `another baseline-gate run (pid ${attempt.holder}) is working on ${what} (its lock is ${attempt.file}): wait for it to end, then run again; if no run is going on, delete ${attempt.file}. Nothing was changed.`,
    true
  )
}

/** How far an interrupted write got, as its journal says (null: no journal; `unreadable`: not one of ours). */
export function journalState(journal: string): Journal['state'] | 'unreadable' | null {
  // health reads it: a link, a FIFO or a huge file planted there is not ours, never a hang (found by review)
  const bytes = readOwnFile(journal, MAX_JOURNAL_BYTES)
  if (bytes === null) return lstatSync(journal, { throwIfNoEntry: false }) ? 'unreadable' : null
  try {
    return parseJournal(journal, bytes).state
  } catch {
    return 'unreadable'
  }
}

function readJournal(journal: string, fs: SetFs): Buffer | null {
  try {
    return fs.readFile(journal)
  } catch (e) {
    throw new FileSetError(`could not read the journal ${journal}: ${reason(e)}.`)
  }
}

/** Whether `path` lies in the repository, through no link out of it. */
function insideRoot(root: string, path: string): boolean {
  const rel = relative(resolve(root), path)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false
  return containPath(root, rel).kind === 'inside'
}

function journalText(journal: string, state: Journal['state'], files: JournalEntry[]): string {
  // relative to the journal's directory: a copy of the repository (its .git with it) names its own files
  const here = (p: string) => relative(dirname(journal), p)
  const j: Journal = {
    kind: JOURNAL_KIND,
    about:
      'An interrupted baseline-gate write of these files; the next run of the same command finishes or undoes it.',
    state,
    files: files.map((f) => ({ ...f, target: here(f.target), staged: here(f.staged) }))
  }
  return `${JSON.stringify(j, null, 2)}\n`
}

function parseJournal(journal: string, bytes: Buffer): Journal {
  const fail = (why: string) =>
    new FileSetError(
      `the journal ${journal} of an interrupted baseline-gate write cannot be read (${why}). ` +
        `Inspect the files it lists and restore them from git if needed, then delete ${journal} and run the command again.`
    )
  let value: unknown
  try {
    value = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw fail(bytes.length === 0 ? 'it is empty' : 'it is not valid JSON')
  }
  const j = value as Partial<Journal> | null
  const hex = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)
  // relative to the journal's directory (an older journal named them absolute)
  const at = (p: string) => resolve(dirname(journal), p)
  const entryOk = (f: Partial<JournalEntry> | null) =>
    typeof f === 'object' &&
    f !== null &&
    typeof f.target === 'string' &&
    typeof f.staged === 'string' &&
    at(f.staged) === stagedPath(at(f.target)) && // recovery only ever touches a target's own staged copy
    hex(f.new_sha256) &&
    (f.old_sha256 === null || hex(f.old_sha256))
  if (
    typeof j !== 'object' ||
    j === null ||
    j.kind !== JOURNAL_KIND ||
    (j.state !== 'prepared' && j.state !== 'committed') ||
    !Array.isArray(j.files) ||
    !j.files.every(entryOk)
  ) {
    throw fail('it is not a baseline-gate file-set journal')
  }
  const files = (j.files as JournalEntry[]).map((f) => ({ ...f, target: at(f.target), staged: at(f.staged) }))
  return { ...(j as Journal), files }
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
