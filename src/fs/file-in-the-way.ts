// Whether a directory can be made where a path is asked for: checked before an operation runs, so that a run
// which writes the repository (a rollback) never finds out only afterwards that its report has nowhere to go.
import { statSync } from 'node:fs'
import { dirname } from 'node:path'

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
