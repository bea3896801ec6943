// The git attributes that change a file's bytes on checkout (line endings, an encoding, `$Id$`, a filter), as a
// commit's own .gitattributes files set them. The gate judges the bytes as committed; health reads the checkout,
// which these attributes make different: a change to them is a change to what health will read.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { git, GitError } from './git.js'
import type { GitResult } from './git.js'

// the attributes that can change a file's bytes on checkout with git's defaults, and `text`, whose unsetting
// (`-text`: a binary file) keeps `eol` from converting
// and those that hide a file's changes from review: `-diff` (and `binary`, which sets it) make git and GitHub
// show no text diff; `linguist-generated` makes GitHub fold the file away in a pull request
const CHECKOUT_ATTRIBUTES = [
  'text',
  'eol',
  'working-tree-encoding',
  'ident',
  'filter',
  'diff',
  'linguist-generated'
] as const

/** Whether any .gitattributes file of the repository differs between two resolved commits. */
export async function attributesChanged(cwd: string, base: string, head: string): Promise<boolean> {
  const r = await git(cwd, ['diff', '--quiet', base, head, '--', ':(top,glob)**/.gitattributes'])
  if (r.code > 1) throw new GitError(`git diff: ${r.stderr}`)
  return r.code === 1
}

/**
 * For each path (relative to `cwd`), the attributes of CHECKOUT_ATTRIBUTES that the commit's .gitattributes set,
 * as `name=value` (`set`, `unset` or a value), in that order; an empty list where none is. Read from a temporary
 * index holding the commit's tree (git 2.39 has no --attr-source), never from the working tree.
 */
export async function checkoutAttributes(
  cwd: string,
  commit: string,
  paths: string[]
): Promise<Map<string, string[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'bg-attributes-'))
  const index = { GIT_INDEX_FILE: join(dir, 'index') }
  try {
    const read = await git(cwd, ['read-tree', '--end-of-options', commit], undefined, index)
    if (read.code !== 0) throw new GitError(`git read-tree ${commit.slice(0, 12)}: ${read.stderr}`)
    const r = await git(
      cwd,
      ['check-attr', '--cached', '-z', ...CHECKOUT_ATTRIBUTES, '--', ...paths],
      undefined,
      index
    )
    return checkAttrOutput(r, paths)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The same, as the working tree's .gitattributes files (and the repository's info/attributes, the user's
 * core.attributesFile) set them now: what the next checkout of these paths would do.
 */
export async function workingTreeAttributes(cwd: string, paths: string[]): Promise<Map<string, string[]>> {
  return checkAttrOutput(await git(cwd, ['check-attr', '-z', ...CHECKOUT_ATTRIBUTES, '--', ...paths]), paths)
}

function checkAttrOutput(r: GitResult, paths: string[]): Map<string, string[]> {
  if (r.code !== 0) throw new GitError(`git check-attr: ${r.stderr}`)
  const out = new Map<string, string[]>(paths.map((p) => [p, []]))
  const fields = r.stdout.toString('utf8').split('\0')
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const [path, name, value] = [fields[i]!, fields[i + 1]!, fields[i + 2]!]
    if (value !== 'unspecified') out.get(path)?.push(`${name}=${value}`)
  }
  return out
}

/**
 * Of a path's attributes, those that hide its changes from a reviewer: no text diff, or folded away as generated.
 * A named diff driver (`diff=markdown`) hides nothing: git's own only choose hunk headers, a textconv is each
 * reviewer's own git configuration (no commit can set it), and GitHub shows the text diff whatever the driver.
 */
export function hidingAttributes(attributes: string[]): string[] {
  return attributes.filter((a) => {
    const [name, value] = [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
    if (name === 'diff') return value === 'unset'
    if (name === 'linguist-generated') return value !== 'unset' && value !== 'false'
    return false
  })
}

/**
 * Of a path's checkout attributes, those that change its bytes on a checkout with git's defaults (as on a Linux
 * runner): CRLF line endings (unless `-text` makes it binary), an encoding other than UTF-8, `$Id$` expansion, a
 * filter (such as LFS). `text` alone keeps LF files as they are there.
 */
export function convertingAttributes(attributes: string[]): string[] {
  const binary = attributes.includes('text=unset')
  return attributes.filter((a) => {
    const [name, value] = [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
    if (name === 'eol') return value === 'crlf' && !binary
    if (name === 'working-tree-encoding') return value !== 'unset' && !/^utf-?8$/i.test(value)
    if (name === 'ident') return value === 'set'
    if (name === 'filter') return value !== 'unset'
    return false
  })
}
