// Load a CommonJS bundle through a V8 code cache, like Node 22's module.enableCompileCache (absent on Node 20).
// Starting the CLI is dominated by compiling its bundle; the cache halves that. Any problem with the cache
// (unwritable, foreign owner, stale, rejected by V8) falls back to an ordinary compile: never a failure.
import { createHash, randomBytes } from 'node:crypto'
import {
  closeSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  unlinkSync,
  utimesSync,
  writeSync
} from 'node:fs'
import type { Stats } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import vm from 'node:vm'

/** The files loaded so far, as require() keeps them: each runs once per process. */
const loaded = new Map<string, { exports: unknown }>()

/**
 * @param variant what the run will use of the file (the command): a cache holds the functions compiled by the run
 *   that wrote it, so each command keeps its own. One written by `--version` holds almost none of what `health`
 *   runs, and health then compiled them on every later run (168 -> 204 ms here).
 */
export function requireWithCodeCache(
  file: string,
  env: NodeJS.ProcessEnv = process.env,
  variant = ''
): unknown {
  const known = loaded.get(file)
  if (known) return known.exports
  const { bytes, size } = readWhole(file)
  const cacheFile =
    env.BASELINE_GATE_COMPILE_CACHE === '0' ? null : cachePath(file, bytes.subarray(0, size), variant, env)
  const text = bytes.toString('utf8', 0, size)
  // the bundle's buffer is free once its text is made: the cache entry is read into it (pages already touched)
  const cachedData = cacheFile ? readCache(cacheFile, bytes) : undefined
  // a bundle built for this loader (esbuild.config.mjs, cjsPart) is already wrapped: V8 compiles its text as it is,
  // without first copying a wrapped string of the same size
  const wrapper = text.startsWith(WRAPPER_HEAD) ? text : `${WRAPPER_HEAD}${text}\n})`
  const script = new vm.Script(wrapper, { filename: file, cachedData })
  const module = { exports: {} as unknown }
  const fn = script.runInThisContext() as (...args: unknown[]) => void
  loaded.set(file, module)
  try {
    fn(module.exports, partsRequire(file, env), module, file, dirname(file))
  } catch (e) {
    loaded.delete(file)
    throw e
  }
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
    // After the first run, so the functions compiled while running are in the cache too.
    process.once('beforeExit', () => writeCache(cacheFile, script))
  }
  return module.exports
}

/**
 * The bundle's require: the parts of the CLI it loads when a command needs them (`./promote.cjs` beside it)
 * come through the code cache too; anything else is Node's require.
 */
function partsRequire(file: string, env: NodeJS.ProcessEnv): NodeJS.Require {
  const plain = createRequire(file)
  const part = (id: string) =>
    /^\.\/[\w-]+\.cjs$/.test(id) ? requireWithCodeCache(join(dirname(file), id), env) : plain(id)
  return Object.assign(part, plain)
}

/** How a bundle built for this loader begins (esbuild.config.mjs wraps the CLI's parts in it). */
export const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {'

/**
 * A file read whole into a buffer with room for its cache entry after it: on a machine where every page of fresh
 * memory costs a fault (about 12 us each on the two-core VM of docs/performance.md), reading the entry into the pages the
 * bundle already touched saves one fault per 4 KiB of the bundle. Pages never written cost nothing.
 */
function readWhole(file: string): { bytes: Buffer; size: number } {
  const fd = openSync(file, 'r')
  try {
    const size = fstatSync(fd).size
    const bytes = Buffer.allocUnsafeSlow(Math.max(size * ROOM_FOR_CACHE, 1))
    return { bytes, size: readInto(fd, bytes, size) }
  } finally {
    closeSync(fd)
  }
}

/** Up to `size` bytes of `fd` from its start into `buf`; how many there were. */
function readInto(fd: number, buf: Buffer, size: number): number {
  let n = 0
  while (n < size) {
    const got = readSync(fd, buf, n, size - n, n)
    if (got === 0) break
    n += got
  }
  return n
}

/** An entry is about one and a half times its bundle (measured: 737 kB for the 500 kB main.cjs of health). */
const ROOM_FOR_CACHE = 3

/** The cache's directory, beside the bundles it holds the bytecode of. */
export const CACHE_DIR = '.compile-cache'

/**
 * The entry for `bundle`, named by its content (a new build, an upgrade that keeps its size and even its inode and
 * mtime, as npm's fixed mtimes allow, gets a new name), node, the architecture and the command.
 *
 * V8 checks only the source's length before it trusts the bytecode, so whoever can write an entry runs code in
 * every later run. The entries live beside the bundle (`dist/cli/.compile-cache/`), never in a directory shared
 * by everything this user runs: a shared one let a pull request's suite, running as the same user, plant bytecode
 * that every later run of the gate executed, on any repository (a forged PASS). Beside the bundle, only who can
 * already rewrite the bundle can write them. A directory that is not our own and private is not used.
 */
function cachePath(file: string, bundle: Buffer, variant: string, env: NodeJS.ProcessEnv): string | null {
  try {
    const uid = typeof process.getuid === 'function' ? process.getuid() : -1
    const dir = join(dirname(file), CACHE_DIR)
    // a bundle in a directory we cannot write (a global install by root) runs without a cache
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const st = lstatSync(dir)
    if (!st.isDirectory() || (uid >= 0 && st.uid !== uid) || (st.mode & 0o077) !== 0) return null
    const key = createHash('sha1')
      .update(bundle)
      // V8 rejects a cache made under other flags (node's options, NODE_OPTIONS): each set keeps its own entry, or
      // runs with and without a flag rewrote the one entry on every run, and none ever used it
      .update(
        `\0${process.version}\0${process.arch}\0${variant}\0${process.execArgv.join('\0')}\0${env.NODE_OPTIONS ?? ''}`
      )
      .digest('hex')
    return join(dir, `${key.slice(0, 32)}.bin`)
  } catch {
    return null
  }
}

/**
 * Every entry starts with the SHA-1 of its bytecode: V8 does not check the bytes it is given, and a damaged entry
 * (a full disk, a flipped bit) made every run of the command die in V8 until the file was removed. A checksum
 * against damage, not a signature: who can write the directory can write the bundle beside it. Four zero bytes
 * follow it, so that the bytecode starts at a multiple of 8 in the buffer it is read into: V8 copies bytecode it is
 * given at any other address (found by review: a copy of the whole entry, about 200 more fresh pages at each start).
 */
const CHECKSUM_BYTES = 20
const HEADER = 24
const checksum = (data: Buffer): Buffer => createHash('sha1').update(data).digest()
const header = (data: Buffer): Buffer =>
  Buffer.concat([checksum(data), Buffer.alloc(HEADER - CHECKSUM_BYTES)])

/**
 * The cache keeps the entries used last, up to this many bytes: each version of Node and each command adds entries
 * under new names (about 2 MB a build), and nothing else would ever remove the old ones.
 */
export const CACHE_LIMIT_BYTES = 64 * 1024 * 1024
/** An entry read is marked used (its mtime) at most once a day: the order of use, without a write per run. */
const MARK_USED_AFTER_MS = 24 * 60 * 60 * 1000
/** A temporary file this old is what a run that died while writing left. */
const STALE_TMP_MS = 60 * 60 * 1000

/** The entry's bytecode (after its checksum), read into `room` when it fits there. */
function readCache(path: string, room: Buffer): Buffer | undefined {
  try {
    const fd = openSync(path, 'r')
    let entry: Buffer
    let st: Stats
    try {
      st = fstatSync(fd)
      if (typeof process.getuid === 'function' && st.uid !== process.getuid()) return undefined
      const into = st.size <= room.length ? room : Buffer.allocUnsafeSlow(st.size)
      entry = into.subarray(0, readInto(fd, into, st.size))
    } finally {
      closeSync(fd)
    }
    const data = entry.subarray(HEADER)
    if (entry.length <= HEADER || !header(data).equals(entry.subarray(0, HEADER))) return undefined
    if (Date.now() - st.mtimeMs > MARK_USED_AFTER_MS) {
      const now = new Date()
      utimesSync(path, now, now)
    }
    return data
  } catch {
    return undefined
  }
}

/**
 * Remove from the cache directory the entries used longest ago (mtime) beyond `limit` bytes, never `keep` (the
 * entry just written), and temporary files a dead run left. Only this user's private directory is ever given.
 */
export function pruneCache(dir: string, keep: string, limit = CACHE_LIMIT_BYTES, now = Date.now()): void {
  const entries: { path: string; size: number; mtime: number }[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    const st = lstatSync(path, { throwIfNoEntry: false })
    if (!st?.isFile()) continue
    if (name.endsWith('.tmp')) {
      if (now - st.mtimeMs > STALE_TMP_MS) unlinkSync(path)
    } else if (name.endsWith('.bin')) entries.push({ path, size: st.size, mtime: st.mtimeMs })
  }
  entries.sort((a, b) => b.mtime - a.mtime)
  let total = 0
  for (const e of entries) {
    total += e.size
    if (total > limit && e.path !== keep) unlinkSync(e.path)
  }
}

function writeCache(path: string, script: vm.Script): void {
  // created, never opened: a name planted beforehand fails the write (writeFileAtomic does the same)
  const tmp = `${path}.${randomBytes(8).toString('hex')}.tmp`
  try {
    const fd = openSync(tmp, 'wx', 0o600)
    try {
      const data = script.createCachedData()
      writeSync(fd, header(data))
      writeSync(fd, data)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, path)
    pruneCache(dirname(path), path)
  } catch {
    // a cache is an optimisation
  }
}
