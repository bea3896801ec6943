// The files a change adds, edits or deletes, as git compares two commits (`git diff --raw`): each with its modes and
// blob ids, so that a caller can tell a mode change, a move of the same bytes or a submodule from an edit.
import { strictUtf8 } from '../text/utf8.js'
import { git, GitError } from './git.js'

export interface ChangedEntry {
  /** From the `cwd` given (`--relative`); null when git's name for it is not UTF-8 (no path can name it here). */
  path: string | null
  /** The name as git gave it, decoded for a message (U+FFFD where it is not UTF-8). */
  shown: string
  /** A, M, T (type change) or D; a rename is a D and an A (`--no-renames`). */
  status: string
  oldMode: string
  newMode: string
  /** The blob (or, for a submodule, the commit) before and after; 40 zeros where there is none. */
  oldId: string
  newId: string
}

const RAW = /^:(\d{6}) (\d{6}) ([0-9a-f]{40,64}) ([0-9a-f]{40,64}) ([A-Z])\d*$/

/** The entries of `git diff --raw` between two commits, below `cwd`. */
export async function changedEntries(cwd: string, base: string, head: string): Promise<ChangedEntry[]> {
  const r = await git(cwd, [
    'diff',
    '--raw',
    '-z',
    '--no-abbrev',
    '--no-renames',
    // a change's own .gitmodules must not take its submodules out of the diff (`ignore = all`; found by review)
    '--ignore-submodules=none',
    '--relative',
    '--end-of-options',
    base,
    head,
    '--'
  ])
  if (r.code !== 0) throw new GitError(`git diff ${base.slice(0, 12)} ${head.slice(0, 12)}: ${r.stderr}`)
  const out: ChangedEntry[] = []
  let at = 0
  const next = (): Buffer | null => {
    if (at >= r.stdout.length) return null
    const end = r.stdout.indexOf(0, at)
    const field = r.stdout.subarray(at, end === -1 ? r.stdout.length : end)
    at = end === -1 ? r.stdout.length : end + 1
    return field
  }
  for (let meta = next(); meta !== null; meta = next()) {
    const name = next()
    const m = RAW.exec(meta.toString('latin1'))
    if (!m || name === null)
      throw new GitError(
        `git diff --raw: an entry this tool cannot read (${meta.toString('latin1').slice(0, 80)})`
      )
    const path = strictUtf8(name)
    out.push({
      path,
      shown: path ?? name.toString('utf8'),
      status: m[5]!,
      oldMode: m[1]!,
      newMode: m[2]!,
      oldId: m[3]!,
      newId: m[4]!
    })
  }
  return out
}
