// Where a file the suite writes into the repository would land, checked before anything is written: inside the
// root once symlinks are resolved, and a regular file (or nothing yet).
import { lstatSync, realpathSync } from 'node:fs'
import { dirname, isAbsolute, relative, sep } from 'node:path'
import { resolveInRoot } from './read.js'

export type WriteTarget =
  { kind: 'ok'; abs: string; exists: boolean } | { kind: 'outside-root' } | { kind: 'not-a-file' }

export function writeTarget(root: string, rel: string): WriteTarget {
  const abs = resolveInRoot(root, rel)
  if (!abs) return { kind: 'outside-root' }
  // the nearest directory that exists decides where the file really goes (a symlinked config/ may point away)
  let dir = dirname(abs)
  for (;;) {
    try {
      lstatSync(dir)
      break
    } catch {
      if (dirname(dir) === dir) break
      dir = dirname(dir)
    }
  }
  const back = relative(realpathSync(root), realpathSync(dir))
  if (back === '..' || back.startsWith(`..${sep}`) || isAbsolute(back)) return { kind: 'outside-root' }
  try {
    const st = lstatSync(abs)
    return st.isFile() ? { kind: 'ok', abs, exists: true } : { kind: 'not-a-file' }
  } catch {
    return { kind: 'ok', abs, exists: false }
  }
}
