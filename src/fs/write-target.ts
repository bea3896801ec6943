// Where a file the suite writes into the repository would land, checked before anything is written: inside the
// root once symlinks are resolved, and a regular file (or nothing yet).
import { lstatSync } from 'node:fs'
import { containPath, describeEscape } from './contain.js'

export type WriteTarget =
  | { kind: 'ok'; abs: string; exists: boolean }
  | { kind: 'outside-root'; problem: string }
  | { kind: 'not-a-file' }

export function writeTarget(root: string, rel: string): WriteTarget {
  const c = containPath(root, rel)
  if (c.kind !== 'inside') return { kind: 'outside-root', problem: describeEscape(c) }
  if (!c.exists) return { kind: 'ok', abs: c.real, exists: false }
  return lstatSync(c.real).isFile() ? { kind: 'ok', abs: c.real, exists: true } : { kind: 'not-a-file' }
}
