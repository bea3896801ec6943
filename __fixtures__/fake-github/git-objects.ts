// Git objects as the fake stores them: blobs under git's own ids, trees stored flat on top of a base tree,
// commits, and the walks over them (the files of a commit, ancestry, what a name resolves to).
import { createHash } from 'node:crypto'
import type { FakeGit, FakeGitCommit, FakeGitTree, FakeGitTreeEntry } from './state.js'

export const sha1 = (data: string | Buffer): string => createHash('sha1').update(data).digest('hex')

/** Tree entry modes and the object type each one names. */
export const MODES: Record<string, FakeGitTreeEntry['type']> = {
  '100644': 'blob',
  '100755': 'blob',
  '120000': 'blob',
  '040000': 'tree',
  '160000': 'commit'
}

export function storeBlob(git: FakeGit, content: Buffer): string {
  const sha = gitBlobSha(content)
  git.blobs[sha] = content
  return sha
}

export function storeTree(git: FakeGit, baseTree: string | null, entries: FakeGitTreeEntry[]): FakeGitTree {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const sha = sha1(`tree\0${JSON.stringify({ baseTree, sorted })}`)
  const tree: FakeGitTree = { sha, base_tree: baseTree, entries: sorted }
  git.trees[sha] = tree
  return tree
}

export function storeCommit(git: FakeGit, commit: Omit<FakeGitCommit, 'sha'>): FakeGitCommit {
  const parents = commit.parents.map((p) => `parent ${p}\n`).join('')
  const sha = sha1(
    `commit\0tree ${commit.tree}\n${parents}author ${commit.login} ${commit.date}\n\n${commit.message}`
  )
  const stored = { sha, ...commit }
  git.commits[sha] = stored
  return stored
}

/** Every file of a tree, its base trees and subtrees resolved (an unknown tree has no known files). */
export function filesOf(git: FakeGit, treeSha: string, depth = 0): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  const tree = git.trees[treeSha]
  if (!tree || depth > 100) return files
  if (tree.base_tree)
    for (const [path, content] of filesOf(git, tree.base_tree, depth + 1)) files.set(path, content)
  for (const entry of tree.entries) {
    // an entry replaces what the base had at its path: a file, a whole directory, or a file where a
    // directory now starts
    for (const path of [...files.keys()]) {
      if (path === entry.path || path.startsWith(`${entry.path}/`) || entry.path.startsWith(`${path}/`))
        files.delete(path)
    }
    if (entry.sha === null) continue
    if (entry.type === 'blob') {
      const content = git.blobs[entry.sha]
      if (content) files.set(entry.path, content)
    } else if (entry.type === 'tree') {
      for (const [path, content] of filesOf(git, entry.sha, depth + 1))
        files.set(`${entry.path}/${path}`, content)
    }
  }
  return files
}

/** Whether `ancestor` is `sha` or reachable from it through the parents the fake knows. */
export function isAncestor(git: FakeGit, ancestor: string, sha: string): boolean {
  const seen = new Set<string>()
  const queue = [sha]
  while (queue.length > 0) {
    const next = queue.shift() as string
    if (next === ancestor) return true
    if (seen.has(next)) continue
    seen.add(next)
    queue.push(...(git.commits[next]?.parents ?? []))
  }
  return false
}

/** git's own blob id of `content`, so a test can compare with `git hash-object`. */
export const gitBlobSha = (content: Buffer): string =>
  sha1(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]))

/** The commit a branch, tag (annotated tags peeled) or commit sha names; null when none. */
export function resolveCommitish(git: FakeGit, name: string): string | null {
  let sha: string | undefined =
    git.refs[`refs/heads/${name}`] ?? git.refs[`refs/tags/${name}`] ?? git.refs[name] ?? name
  for (let depth = 0; sha !== undefined && git.tags?.[sha] && depth < 10; depth++)
    sha = git.tags[sha]?.object.sha
  return sha !== undefined && sha in git.commits ? sha : null
}

/** `sha` and every commit reachable from it through the parents the fake knows. */
export function ancestorsOf(git: FakeGit, sha: string): Set<string> {
  const seen = new Set<string>()
  const queue = [sha]
  while (queue.length > 0) {
    const next = queue.shift() as string
    if (seen.has(next) || !(next in git.commits)) continue
    seen.add(next)
    queue.push(...(git.commits[next]?.parents ?? []))
  }
  return seen
}

/** Whether `ref` ("refs/heads/x") is a ref name git check-ref-format accepts (at least two levels). */
export function validRef(ref: string): boolean {
  const parts = ref.split('/')
  return (
    parts.length >= 3 &&
    parts[0] === 'refs' &&
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    !/[\u0000-\u0020\u007f~^:?*[\\]|\.\.|@\{/.test(ref) &&
    !ref.endsWith('.') &&
    parts.every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock'))
  )
}
