// Whether a directory can be made where a path is asked for, and a file written in it: checked before an operation
// runs, so that a run which writes the repository (a rollback) never finds out only afterwards that its report has
// nowhere to go.
import { closeSync, existsSync, mkdirSync, openSync, rmdirSync, statSync, unlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** The file standing at `abs` or at the nearest existing path above it, or null: `abs` is, or can be made, a directory. */
export function fileInTheWay(abs: string): string | null {
  for (let path = abs; ; path = dirname(path)) {
    let stat
    try {
      stat = statSync(path, { throwIfNoEntry: false })
    } catch {
      stat = undefined // ENOTDIR: a file above it, found further up
    }
    if (stat) return stat.isDirectory() ? null : path
    if (dirname(path) === path) return null
  }
}

/**
 * Makes what is missing of `dir`, creates and removes a file in it, then removes the directories it made: throws
 * what the file system said (EACCES, EROFS, EPERM) where no file can be made, and leaves nothing either way.
 */
export function probeWritable(dir: string): void {
  const made: string[] = []
  for (let d = dir; !existsSync(d) && dirname(d) !== d; d = dirname(d)) made.unshift(d)
  const created: string[] = []
  try {
    for (const d of made) {
      mkdirSync(d)
      created.push(d)
    }
    const probe = join(dir, `.baseline-gate-probe.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`)
    closeSync(openSync(probe, 'wx', 0o600))
    unlinkSync(probe)
  } finally {
    for (const d of created.reverse()) rmdirSync(d)
  }
}
