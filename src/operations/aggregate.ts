// aggregate, the reading edge: list the packet files under each directory given; the deciding is pure
// (src/evidence/aggregate.ts).
import { readdirSync, realpathSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PACKET_FILE } from '../evidence/aggregate.js'
import type { DirectoryScan } from '../evidence/aggregate.js'
import { readRepoFile } from '../fs/read.js'

/**
 * download-artifact puts each artifact in a directory of its own name, so the parent of several works too.
 * Bounded: symbolic links are not followed and the walk stops this deep. What it does not read is said, never
 * left out: a FAIL behind a link or one level too deep would otherwise not count.
 */
const MAX_DEPTH = 3

export function scanEvidenceDirs(cwd: string, dirs: string[]): DirectoryScan[] {
  // a file reached twice (a directory given twice, or with its parent) is one packet
  const seen = new Set<string>()
  return dirs.map((dir) => scanOne(cwd, dir, seen))
}

function scanOne(cwd: string, dir: string, seen: Set<string>): DirectoryScan {
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
  let counted = 0
  const walk = (absDir: string, shown: string, depth: number): void => {
    let entries
    try {
      entries = readdirSync(absDir, { withFileTypes: true })
    } catch (e) {
      // what it holds is not read: said, so that a FAIL in it cannot go unseen
      const code = (e as NodeJS.ErrnoException).code ?? 'error'
      files.push({ file: shown, refused: `a directory that cannot be listed (${code}), not searched` })
      return
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(absDir, e.name)
      const file = join(shown, e.name)
      // a name that is not UTF-8 reaches us garbled (U+FFFD): no path of it can be opened
      if (e.name.includes('\uFFFD')) {
        if (e.isDirectory() || e.isSymbolicLink() || /\.json$/i.test(e.name))
          files.push({ file, refused: 'a name that is not UTF-8, not read: rename it' })
        continue
      }
      if (e.isSymbolicLink()) {
        if (PACKET_FILE.test(e.name) || isDirectory(path))
          files.push({ file, refused: 'a symbolic link, not followed: copy the evidence itself here' })
      } else if (e.isDirectory()) {
        if (depth < MAX_DEPTH) walk(path, file, depth + 1)
        // deeper, only looked into for packet names (a log directory holds none): one there is not read
        else if (holdsPacket(path))
          files.push({
            file,
            refused: `a directory more than ${MAX_DEPTH} levels below ${dir} that holds an evidence packet, not read: give it as a directory of its own`
          })
      } else if (PACKET_FILE.test(e.name)) {
        if (once(seen, path)) files.push({ file, read: readRepoFile('/', path) })
        else counted++
      }
    }
  }
  walk(abs, dir, 0)
  return { dir, problem: null, files, ...(counted > 0 ? { counted } : {}) }
}

/** Whether a directory holds a packet-named file at any depth (links not followed; a bounded look). */
function holdsPacket(dir: string, budget = { entries: 10_000 }): boolean {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return true // cannot be looked into: what it holds is not known, so it is said
  }
  for (const e of entries) {
    if (--budget.entries < 0) return true
    const path = join(dir, e.name)
    // a link to a directory may lead to a packet: said, as the walk above says it of every such link
    if (PACKET_FILE.test(e.name) || (e.isSymbolicLink() && isDirectory(path))) return true
    if (e.isDirectory() && holdsPacket(path, budget)) return true
  }
  return false
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/** True the first time a file (by its real path) is met. */
function once(seen: Set<string>, path: string): boolean {
  let real = path
  try {
    real = realpathSync(path)
  } catch {
    // read below, which says why it cannot be
  }
  if (seen.has(real)) return false
  seen.add(real)
  return true
}
