// The repository files matching the policy's globs: paths relative to the root, sorted, symlinks not followed.
import { globSync } from 'tinyglobby'
import { sourceFromBytes } from '../source/source-file.js'
import type { SourceFile } from '../source/source-file.js'
import { readRepoFile, resolveInRoot } from './read.js'

export function listFiles(root: string, include: string[], exclude: string[]): string[] {
  if (include.length === 0) return []
  return (
    globSync(include, {
      cwd: root,
      ignore: ['**/node_modules/**', '**/.git/**', ...exclude],
      onlyFiles: true,
      followSymbolicLinks: false,
      dot: false
    })
      // the policy's globs are relative and free of '..' (its schema); a match outside the root is never listed
      .filter((p) => resolveInRoot(root, p) !== undefined)
      .sort()
  )
}

/**
 * The listed files that contain any of `needles`, as sources (decoded, with line positions). The search runs
 * on the raw bytes, so the many files without a match are never decoded. Unreadable files are left out.
 */
export function filesContaining(root: string, paths: string[], needles: string[]): SourceFile[] {
  const patterns = needles.map((n) => Buffer.from(n, 'utf8'))
  const out: SourceFile[] = []
  for (const path of paths) {
    const read = readRepoFile(root, path)
    if (read.kind === 'ok' && patterns.some((p) => read.bytes.includes(p)))
      out.push(sourceFromBytes(path, read.bytes))
  }
  return out
}
