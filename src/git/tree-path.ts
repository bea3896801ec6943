// A file of a commit, read as a checkout of that commit would be read (fs/read.ts does the same on disk): a
// symbolic link inside the root is followed as the operating system follows it, one that leads out of the root,
// points at nothing or loops is refused. cat-file alone answers a link with the link's own text: a trio file
// committed as a link was judged as that text, and a change to the file it names went unseen by the gate while
// health, on the checkout, read it.
import { linkComponents, PendingComponents } from '../text/path-components.js'
import { strictUtf8 } from '../text/utf8.js'
import { BlobReader } from './git.js'
import type { Blob } from './git.js'

/** What reading a path at a revision gave; the kinds are fs/read.ts's (a ReadResult without `unreadable`). */
export type RevisionRead =
  /** `via`: the first symbolic link the path went through, as `link -> target` (absent: none). */
  | { kind: 'ok'; bytes: Buffer; via?: string }
  | { kind: 'missing' }
  | { kind: 'not-a-file' }
  | { kind: 'too-large'; size: number; limit: number }
  /** A link on the path leads out of the root; `problem` says where (never read). */
  | { kind: 'outside-root'; problem: string }
  /** A link on the path points at nothing, loops, or is no path at all; `problem` says which. */
  | { kind: 'dangling-link'; problem: string }

// A chain of links longer than this is a loop (Linux gives up at 40 as well, and so does fs/contain.ts).
const MAX_LINKS = 40
const LINK = '120000'
const DIRECTORY = '40000'
const SUBMODULE = '160000'
const isFile = (mode: string) => mode === '100644' || mode === '100755'

interface Entry {
  mode: string
  oid: string
}

/**
 * The entry `name` of a tree object (`<mode> <name>\0<binary id>` each); null when there is none; 'twice' when
 * the tree names it more than once (a malformed tree, which git fsck refuses: which one a checkout writes is git's
 * choice, so neither is taken for it).
 */
export function treeEntry(tree: Blob & { found: true }, name: string): Entry | 'twice' | null {
  const { content } = tree
  const idBytes = tree.oid.length / 2
  const wanted = Buffer.from(name, 'utf8')
  let found: Entry | null = null
  let i = 0
  while (i < content.length) {
    const space = content.indexOf(0x20, i)
    const nul = content.indexOf(0, space + 1)
    if (space === -1 || nul === -1) break
    if (content.subarray(space + 1, nul).equals(wanted)) {
      if (found) return 'twice'
      found = {
        mode: content.toString('latin1', i, space),
        oid: content.toString('hex', nul + 1, nul + 1 + idBytes)
      }
    }
    i = nul + 1 + idBytes
  }
  return found
}

/**
 * `rel` (relative to the root, which is git's working directory) at the resolved commit `rev`. Two requests at
 * once, the file's directory and its bytes, when no link is on the way (every request goes down the reader's one
 * process, in order); a link anywhere is resolved component by component from the root.
 */
export async function readAtCommit(reader: BlobReader, rev: string, rel: string): Promise<RevisionRead> {
  const parts = rel.split('/').filter((s) => s !== '' && s !== '.')
  const name = parts.at(-1)
  if (name === undefined) return { kind: 'not-a-file' }
  if (!parts.includes('..')) {
    // the directory and the file asked for at once (no round trip between them: lkg reads hundreds of pins so);
    // the directory's entry says whether the bytes are the file's or a link's own text
    const [dir, blob] = await Promise.all([
      reader.readTree(`${rev}:./${parts.slice(0, -1).join('/')}`),
      reader.read(`${rev}:./${parts.join('/')}`)
    ])
    if (dir.found) {
      const entry = treeEntry(dir, name)
      if (entry === null) return { kind: 'missing' }
      if (entry !== 'twice' && isFile(entry.mode)) {
        if (blob.found && blob.oid === entry.oid) return { kind: 'ok', bytes: blob.content }
        if (!blob.found && blob.tooLarge !== undefined)
          return { kind: 'too-large', size: blob.tooLarge, limit: reader.limit }
        return blobAt(reader, entry.oid)
      }
      if (entry !== 'twice' && entry.mode !== LINK && entry.mode !== SUBMODULE) return { kind: 'not-a-file' }
    }
  }
  const root = await reader.readTree(`${rev}:./`)
  if (!root.found) return { kind: 'missing' }
  return walk(reader, root.oid, parts)
}

/**
 * The path walked from the root's tree one component at a time, as the operating system walks a checkout: a
 * link's target is walked from the link's directory, so `..` after a link leaves the directory the link led
 * to, not the one its text names. Trees are asked for by id, never by a path built from names a commit chose.
 */
async function walk(reader: BlobReader, rootTree: string, parts: string[]): Promise<RevisionRead> {
  const pending = new PendingComponents(parts)
  // the directories walked into, from the root: names (for messages) and tree ids
  const names: string[] = []
  const trees: string[] = [rootTree]
  let links = 0
  let via: string | undefined
  // the link last followed (for messages)
  let target: { link: string; to: string } | null = null
  const dangling = (why: string): RevisionRead => ({
    kind: 'dangling-link',
    problem: `${target!.link} is a symbolic link to ${target!.to}, ${why}`
  })
  while (pending.length > 0) {
    const { seg, fromLink } = pending.next()
    if (seg === '.') continue
    if (seg === '..') {
      if (names.length === 0) return outside(target ? `${target.link} -> ${target.to}` : parts.join('/'))
      names.pop()
      trees.pop()
      continue
    }
    const tree = await reader.readTree(trees.at(-1)!)
    const entry = tree.found ? treeEntry(tree, seg) : null
    const here = [...names, seg].join('/')
    if (entry === 'twice')
      return { kind: 'dangling-link', problem: `names ${here} twice in one directory (a malformed commit)` }
    if (!entry) return fromLink ? dangling('which does not exist') : { kind: 'missing' }
    if (entry.mode === LINK) {
      const text = await reader.read(entry.oid)
      const to = text.found ? strictUtf8(text.content) : null
      target = { link: here, to: to ?? JSON.stringify(text.found ? text.content.toString('latin1') : '') }
      if (++links > MAX_LINKS) return dangling('which is a loop of symbolic links')
      // the bytes of a link name the file a checkout opens: text that is not UTF-8 (or none) names no path of ours
      if (to === null || to === '') return dangling('which is not a path (empty, or not UTF-8)')
      if (to.startsWith('/')) return outside(`${here} -> ${to}`)
      via ??= `${here} -> ${to}`
      pending.pushLink(linkComponents(to))
      continue
    }
    if (entry.mode === DIRECTORY) {
      names.push(seg)
      trees.push(entry.oid)
      continue
    }
    // a submodule is a repository of its own, which the gate does not read: refused, named by its commit, so
    // that a change of the commit it records is a change (the checkout, which health reads, holds its files)
    if (entry.mode === SUBMODULE)
      return {
        kind: 'outside-root',
        problem: `is inside the submodule ${here} (commit ${entry.oid.slice(0, 12)}), a repository of its own that the gate does not read`
      }
    // a file where a directory is needed: nothing is there
    if (pending.length > 0)
      return fromLink || pending.inLink ? dangling('which does not exist') : { kind: 'missing' }
    if (!isFile(entry.mode)) return { kind: 'not-a-file' }
    const read = await blobAt(reader, entry.oid)
    return read.kind === 'ok' && via ? { ...read, via } : read
  }
  // the path names a directory (the root included)
  return { kind: 'not-a-file' }
}

function outside(leadsTo: string): RevisionRead {
  return { kind: 'outside-root', problem: `leads outside the repository (${leadsTo})` }
}

async function blobAt(reader: BlobReader, oid: string): Promise<RevisionRead> {
  const blob = await reader.read(oid)
  if (blob.found) return { kind: 'ok', bytes: blob.content }
  return blob.tooLarge === undefined
    ? { kind: 'missing' }
    : { kind: 'too-large', size: blob.tooLarge, limit: reader.limit }
}

/**
 * The bytes of several paths at one resolved revision, through one cat-file process, each read as readAtCommit
 * reads it; null where there are none (missing, or a link that leads out of the root).
 */
export async function readAtRevision(
  cwd: string,
  rev: string,
  paths: string[]
): Promise<Map<string, Buffer | null>> {
  const reader = new BlobReader(cwd)
  try {
    const out = new Map<string, Buffer | null>()
    for (const path of paths) {
      const read = await readAtCommit(reader, rev, path)
      out.set(path, read.kind === 'ok' ? read.bytes : null)
    }
    return out
  } finally {
    reader.close()
  }
}
