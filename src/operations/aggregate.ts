// aggregate, the reading edge: list the packet files under each directory given; the deciding is pure
// (src/evidence/aggregate.ts).
import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PACKET_FILE } from '../evidence/aggregate.js'
import type { DirectoryScan } from '../evidence/aggregate.js'
import { readRepoFile } from '../fs/read.js'

/**
 * download-artifact puts each artifact in a directory of its own name, so the parent of several works too.
 * Bounded: symbolic links are not followed and the walk stops this deep.
 */
const MAX_DEPTH = 3

export function scanEvidenceDirs(cwd: string, dirs: string[]): DirectoryScan[] {
  return dirs.map((dir) => scanOne(cwd, dir))
}

function scanOne(cwd: string, dir: string): DirectoryScan {
  const abs = resolve(cwd, dir)
  let isDir: boolean
  try {
    isDir = statSync(abs).isDirectory()
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const problem =
      code === 'ENOENT' || code === 'ENOTDIR' ? 'not found' : (`unreadable (${code ?? 'error'})` as const)
    return { dir, problem, files: [] }
  }
  if (!isDir) return { dir, problem: 'not a directory', files: [] }
  const files: DirectoryScan['files'] = []
  const walk = (absDir: string, shown: string, depth: number): void => {
    let entries
    try {
      entries = readdirSync(absDir, { withFileTypes: true })
    } catch {
      return // a subdirectory we cannot list holds nothing we can vouch for; an empty scan fails anyway
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory() && depth < MAX_DEPTH) walk(join(absDir, e.name), join(shown, e.name), depth + 1)
      else if (PACKET_FILE.test(e.name) && !e.isSymbolicLink())
        files.push({ file: join(shown, e.name), read: readRepoFile('/', join(absDir, e.name)) })
    }
  }
  walk(abs, dir, 0)
  return { dir, problem: null, files }
}
