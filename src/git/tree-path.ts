// A file of a commit, read as a checkout of that commit would be read (fs/read.ts does the same on disk): a
// symbolic link inside the root is followed, one that leads out of the root, points at nothing or loops is
// refused. cat-file alone answers a link with the link's own text: a trio file committed as a link was judged as
// that text, and a change to the file it names went unseen by the gate while health, on the checkout, read it.
import { posix } from 'node:path'
import { BlobReader } from './git.js'
import type { Blob } from './git.js'

/** What reading a path at a revision gave; the kinds are fs/read.ts's (a ReadResult without `unreadable`). */
export type RevisionRead =
  | { kind: 'ok'; bytes: Buffer }
  | { kind: 'missing' }
  | { kind: 'not-a-file' }
  | { kind: 'too-large'; size: number; limit: number }
  /** A link on the path leads out of the root; `problem` says where (never read). */
  | { kind: 'outside-root'; problem: string }
  /** A link on the path points at nothing. */
  | { kind: 'dangling-link'; problem: string }

// A chain of links longer than this is a loop (Linux gives up at 40 as well, and so does fs/contain.ts).
const MAX_LINKS = 40
const LINK = '120000'
const DIRECTORY = '40000'
const isFile = (mode: string) => mode === '100644' || mode === '100755'

interface Entry {
  mode: string
  oid: string
}

/** The entry `name` of a tree object (`<mode> <name>\0<binary id>` each), or null. */
export function treeEntry(tree: Blob & { found: true }, name: string): Entry | null {
  const { content } = tree
  const idBytes = tree.oid.length / 2
  const wanted = Buffer.from(name, 'utf8')
  let i = 0
  while (i < content.length) {
    const space = content.indexOf(0x20, i)
    const nul = content.indexOf(0, space + 1)
    if (space === -1 || nul === -1) return null
    if (content.subarray(space + 1, nul).equals(wanted))
      return {
        mode: content.toString('latin1', i, space),
        oid: content.toString('hex', nul + 1, nul + 1 + idBytes)
      }
    i = nul + 1 + idBytes
  }
  return null
}

/**
 * `rel` (relative to the root, which is git's working directory) at the resolved commit `rev`. One request for
 * the file's directory and one for its bytes when no link is on the way (every request goes down the reader's
 * one process, in order); a link anywhere is resolved component by component from the root.
 */
export async function readAtCommit(reader: BlobReader, rev: string, rel: string): Promise<RevisionRead> {
  const parts = rel.split('/').filter((s) => s !== '' && s !== '.')
  const name = parts.at(-1)
  if (name === undefined) return { kind: 'not-a-file' }
  if (!parts.includes('..')) {
    const dir = await reader.readTree(`${rev}:./${parts.slice(0, -1).join('/')}`)
    if (dir.found) {
      const entry = treeEntry(dir, name)
      if (!entry) return { kind: 'missing' }
      if (isFile(entry.mode)) return blobAt(reader, entry.oid)
      if (entry.mode !== LINK) return { kind: 'not-a-file' }
    }
  }
  return walk(reader, rev, parts)
}

/** The path walked from the root one component at a time, as fs/contain.ts walks a checkout. */
async function walk(reader: BlobReader, rev: string, parts: string[]): Promise<RevisionRead> {
  const pending = [...parts]
  let cur: string[] = []
  let links = 0
  // while the components of a link's target are walked, a missing one makes the link dangling
  let target: { link: string; to: string; left: number } | null = null
  while (pending.length > 0) {
    const seg = pending.shift()!
    if (target && --target.left < 0) target = null
    if (seg === '..') {
      if (cur.length === 0) return outside(target ? `${target.link} -> ${target.to}` : parts.join('/'))
      cur.pop()
      continue
    }
    const tree = await reader.readTree(`${rev}:./${cur.join('/')}`)
    const entry = tree.found ? treeEntry(tree, seg) : null
    if (!entry) {
      if (!target) return { kind: 'missing' }
      return {
        kind: 'dangling-link',
        problem: `${target.link} is a symbolic link to ${target.to}, which does not exist`
      }
    }
    const here = [...cur, seg].join('/')
    if (entry.mode === LINK) {
      if (++links > MAX_LINKS) return outside(`${here} (a loop of links)`)
      const text = await reader.read(entry.oid)
      if (!text.found) return { kind: 'not-a-file' }
      const to = text.content.toString('utf8')
      if (posix.isAbsolute(to)) return outside(`${here} -> ${to}`)
      const resolved = posix.normalize(posix.join(cur.join('/') || '.', to))
      if (resolved === '..' || resolved.startsWith('../')) return outside(`${here} -> ${to}`)
      const next = resolved.split('/').filter((s) => s !== '' && s !== '.')
      target = { link: here, to, left: next.length }
      pending.unshift(...next)
      cur = []
      continue
    }
    if (entry.mode === DIRECTORY) {
      cur.push(seg)
      continue
    }
    // a file (or a submodule) where a directory is needed: nothing is there
    if (pending.length > 0) return { kind: 'missing' }
    return isFile(entry.mode) ? blobAt(reader, entry.oid) : { kind: 'not-a-file' }
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
