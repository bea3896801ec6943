// The repository files matching the policy's globs: paths relative to the root, sorted, symlinks not followed.
import { globSync } from 'tinyglobby'
import { sourceFromBytes } from '../source/source-file.js'
import type { SourceFile } from '../source/source-file.js'
import { readRepoFile } from './read.js'

export function listFiles(root: string, include: string[], exclude: string[]): string[] {
  if (include.length === 0) return []
  return globSync(include, {
    cwd: root,
    ignore: ['**/node_modules/**', '**/.git/**', ...exclude],
    onlyFiles: true,
    followSymbolicLinks: false,
    dot: false
  }).sort()
}

/** Read the listed files as sources; files that cannot be read (too large, vanished) are left out. */
export function readSources(root: string, paths: string[]): SourceFile[] {
  const out: SourceFile[] = []
  for (const path of paths) {
    const read = readRepoFile(root, path)
    if (read.kind === 'ok') out.push(sourceFromBytes(path, read.bytes))
  }
  return out
}
