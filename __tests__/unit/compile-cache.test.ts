// requireWithCodeCache. The cache lives beside the file it caches (each test's file is in a temporary directory of
// its own), never in a directory shared by everything the user runs: the runs that may use the cache run in a child
// node whose TMPDIR is a temporary directory too, which must stay empty.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import esbuild from 'esbuild'
import { CACHE_DIR, pruneCache, requireWithCodeCache, WRAPPER_HEAD } from '../../src/cli/compile-cache.js'
import { cleanupFixtures, REPO_ROOT, tempDir } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

const CJS = [
  "'use strict'",
  "const path = require('node:path')",
  'function square(n) { return n * n }',
  'module.exports = { answer: 42, square: square(7), file: path.basename(__filename), dir: path.basename(__dirname) }'
].join('\n')

let work: string
let bundle: string

beforeAll(() => {
  work = tempDir('bg-cache-')
  bundle = join(work, 'compile-cache.mjs')
  esbuild.buildSync({
    entryPoints: [join(REPO_ROOT, 'src/cli/compile-cache.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'silent'
  })
})

function cjsFile(source = CJS): string {
  const dir = tempDir('bg-cache-mod-')
  mkdirSync(join(dir, 'lib'))
  const file = join(dir, 'lib', 'mod.cjs')
  writeFileSync(file, source)
  return file
}

interface Run {
  status: number | null
  exports: unknown
  stderr: string
}

/** requireWithCodeCache in a child node with its own TMPDIR (and optional cache switch). */
function runChild(
  file: string,
  tmp: string,
  cacheSwitch?: string,
  variant?: string,
  nodeFlags: string[] = []
): Run {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, TMPDIR: tmp }
  if (cacheSwitch !== undefined) env.BASELINE_GATE_COMPILE_CACHE = cacheSwitch
  const call =
    variant === undefined
      ? `requireWithCodeCache(${JSON.stringify(file)})`
      : `requireWithCodeCache(${JSON.stringify(file)}, process.env, ${JSON.stringify(variant)})`
  const script =
    `import { requireWithCodeCache } from ${JSON.stringify(bundle)}\n` +
    `console.log(JSON.stringify(${call}))`
  const child = spawnSync(process.execPath, [...nodeFlags, '--input-type=module', '-e', script], {
    encoding: 'utf8',
    env,
    timeout: 30000
  })
  return {
    status: child.status,
    exports: child.stdout.trim() ? JSON.parse(child.stdout) : undefined,
    stderr: child.stderr
  }
}

/** The cache of a file: beside it. */
const cacheDir = (file: string) => join(dirname(file), CACHE_DIR)
const binFiles = (file: string) =>
  existsSync(cacheDir(file)) ? readdirSync(cacheDir(file)).filter((f) => f.endsWith('.bin')) : []
const EXPECTED = { answer: 42, square: 49, file: 'mod.cjs', dir: 'lib' }

describe('requireWithCodeCache with the cache off (in process)', () => {
  it('returns the exports of a CommonJS file, with require, __filename and __dirname', () => {
    const file = cjsFile()
    expect(requireWithCodeCache(file, { BASELINE_GATE_COMPILE_CACHE: '0' })).toEqual(EXPECTED)
  })

  it('a second call works the same', () => {
    const file = cjsFile()
    const env = { BASELINE_GATE_COMPILE_CACHE: '0' }
    expect(requireWithCodeCache(file, env)).toEqual(EXPECTED)
    expect(requireWithCodeCache(file, env)).toEqual(EXPECTED)
  })

  it('an error thrown by the module reaches the caller', () => {
    const file = cjsFile("throw new Error('boom from module')")
    expect(() => requireWithCodeCache(file, { BASELINE_GATE_COMPILE_CACHE: '0' })).toThrow('boom from module')
  })
})

describe('requireWithCodeCache with the cache (child processes, a TMPDIR of their own)', () => {
  it('the first run compiles and writes a private cache file beside the file, nothing in TMPDIR; the second run uses it', () => {
    const tmp = tempDir('bg-cache-tmp-')
    const file = cjsFile()
    const first = runChild(file, tmp)
    expect(first).toEqual({ status: 0, exports: EXPECTED, stderr: '' })
    // a directory every run of this user shares let a pull request's suite plant bytecode for every later gate
    expect(readdirSync(tmp)).toEqual([])
    const bins = binFiles(file)
    expect(bins).toHaveLength(1)
    const bin = join(cacheDir(file), bins[0]!)
    expect(statSync(cacheDir(file)).mode & 0o777).toBe(0o700)
    expect(statSync(bin).mode & 0o077).toBe(0)
    // the SHA-1 of the bytecode, four zero bytes, the bytecode: at a multiple of 8, which V8 reads without a copy
    const entry = readFileSync(bin)
    expect(entry.subarray(20, 24)).toEqual(Buffer.alloc(4))
    expect(entry.subarray(0, 20)).toEqual(createHash('sha1').update(entry.subarray(24)).digest())
    const written = statSync(bin)

    const second = runChild(file, tmp)
    expect(second).toEqual({ status: 0, exports: EXPECTED, stderr: '' })
    // accepted: not rewritten (a rewrite renames a new file over it)
    expect(binFiles(file)).toEqual(bins)
    expect(statSync(bin).ino).toBe(written.ino)
    expect(readdirSync(cacheDir(file)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it("a file written as the loader's function (the CLI parts) loads the same, and its entry is accepted on the next run, whether it fits in the room after the file or not", () => {
    // a long comment makes a file whose entry fits three times over in the room after it; the plain one's does not
    for (const filler of ['', `/* ${'x'.repeat(20000)} */`]) {
      const tmp = tempDir('bg-cache-tmp-')
      const file = cjsFile(`${WRAPPER_HEAD}${filler}\n${CJS}\n})`)
      expect(runChild(file, tmp)).toEqual({ status: 0, exports: EXPECTED, stderr: '' })
      const [bin] = binFiles(file)
      const written = statSync(join(cacheDir(file), bin!))
      expect(written.size < 3 * statSync(file).size).toBe(filler !== '')
      expect(runChild(file, tmp)).toEqual({ status: 0, exports: EXPECTED, stderr: '' })
      // accepted: not rewritten
      expect(statSync(join(cacheDir(file), bin!)).ino).toBe(written.ino)
    }
  })

  it('a corrupt cache file is rejected by V8, the module still loads, and the cache is rewritten', () => {
    const tmp = tempDir('bg-cache-tmp-')
    const file = cjsFile()
    expect(runChild(file, tmp).status).toBe(0)
    const bin = join(cacheDir(file), binFiles(file)[0]!)
    writeFileSync(bin, 'not V8 code cache at all')
    const run = runChild(file, tmp)
    expect(run).toEqual({ status: 0, exports: EXPECTED, stderr: '' })
    expect(readFileSync(bin, 'utf8')).not.toBe('not V8 code cache at all')
  })

  it('a damaged entry of the right length (bytes flipped inside) is never given to V8: the module loads, the entry is rewritten', () => {
    const tmp = tempDir('bg-cache-tmp-')
    const file = cjsFile()
    expect(runChild(file, tmp).status).toBe(0)
    const bin = join(cacheDir(file), binFiles(file)[0]!)
    const good = readFileSync(bin)
    const damaged = Buffer.from(good)
    // V8 checks the header it wrote, not the bytecode: flip bytes well past both headers
    for (let i = Math.floor(damaged.length / 2); i < Math.floor(damaged.length / 2) + 64; i++)
      damaged[i]! ^= 0xff
    writeFileSync(bin, damaged)
    const run = runChild(file, tmp)
    expect(run).toEqual({ status: 0, exports: EXPECTED, stderr: '' })
    expect(readFileSync(bin).equals(damaged)).toBe(false)
    expect(runChild(file, tmp)).toEqual({ status: 0, exports: EXPECTED, stderr: '' })
  })

  it('a changed source gets its own cache entry', () => {
    const tmp = tempDir('bg-cache-tmp-')
    const file = cjsFile()
    expect(runChild(file, tmp).status).toBe(0)
    writeFileSync(file, `${CJS}\nmodule.exports.extra = true`)
    const other = runChild(file, tmp)
    expect(other.exports).toEqual({ ...EXPECTED, extra: true })
    expect(binFiles(file)).toHaveLength(2)
  })

  it('each command (variant) keeps its own entry: one run of another command does not decide what health finds', () => {
    const tmp = tempDir('bg-cache-tmp-')
    const file = cjsFile()
    expect(runChild(file, tmp, undefined, '-').exports).toEqual(EXPECTED)
    expect(binFiles(file)).toHaveLength(1)
    expect(runChild(file, tmp, undefined, 'health').exports).toEqual(EXPECTED)
    expect(binFiles(file)).toHaveLength(2)
    // a second run of a command reads its entry and writes none
    const before = binFiles(file).map((f) => statSync(join(cacheDir(file), f)).mtimeMs)
    expect(runChild(file, tmp, undefined, 'health').exports).toEqual(EXPECTED)
    expect(binFiles(file).map((f) => statSync(join(cacheDir(file), f)).mtimeMs)).toEqual(before)
  })

  it("runs under other V8 flags keep an entry of their own: alternating, neither rewrites the other's", () => {
    const tmp = tempDir('bg-cache-tmp-')
    const file = cjsFile()
    const flagged = ['--min-semi-space-size=16']
    expect(runChild(file, tmp, undefined, 'health').exports).toEqual(EXPECTED)
    expect(runChild(file, tmp, undefined, 'health', flagged).exports).toEqual(EXPECTED)
    expect(binFiles(file)).toHaveLength(2)
    const mtimes = () => binFiles(file).map((f) => statSync(join(cacheDir(file), f)).mtimeMs)
    const before = mtimes()
    expect(runChild(file, tmp, undefined, 'health').exports).toEqual(EXPECTED)
    expect(runChild(file, tmp, undefined, 'health', flagged).exports).toEqual(EXPECTED)
    expect(mtimes()).toEqual(before)
  })

  it('a part the bundle requires from beside it (./part.cjs) comes through the cache too, once, kept beside it', () => {
    const tmp = tempDir('bg-cache-tmp-')
    const file = cjsFile(
      "const a = require('./part.cjs'); const b = require('./part.cjs'); module.exports = { same: a === b, n: a.n }"
    )
    writeFileSync(
      join(file, '..', 'part.cjs'),
      'globalThis.loads = (globalThis.loads ?? 0) + 1; module.exports = { n: globalThis.loads }'
    )
    expect(runChild(file, tmp)).toEqual({ status: 0, exports: { same: true, n: 1 }, stderr: '' })
    expect(binFiles(file)).toHaveLength(2)
  })

  it('with BASELINE_GATE_COMPILE_CACHE=0 it works and writes no cache', () => {
    const tmp = tempDir('bg-cache-tmp-')
    const file = cjsFile()
    expect(runChild(file, tmp, '0')).toEqual({ status: 0, exports: EXPECTED, stderr: '' })
    expect(runChild(file, tmp, '0')).toEqual({ status: 0, exports: EXPECTED, stderr: '' })
    expect(existsSync(cacheDir(file))).toBe(false)
  })

  it('a cache directory others can read is not used (nothing written into it)', () => {
    const tmp = tempDir('bg-cache-tmp-')
    const file = cjsFile()
    mkdirSync(cacheDir(file))
    chmodSync(cacheDir(file), 0o755)
    expect(runChild(file, tmp)).toEqual({ status: 0, exports: EXPECTED, stderr: '' })
    expect(readdirSync(cacheDir(file))).toEqual([])
  })

  it('a file where the cache directory would be falls back to an ordinary compile', () => {
    const tmp = tempDir('bg-cache-tmp-')
    const file = cjsFile()
    writeFileSync(cacheDir(file), '')
    expect(runChild(file, tmp)).toEqual({ status: 0, exports: EXPECTED, stderr: '' })
    expect(readFileSync(cacheDir(file), 'utf8')).toBe('')
  })
})

describe('the cache does not grow without end', () => {
  const DAY = 24 * 60 * 60 * 1000
  const NOW = Date.parse('2026-12-04T12:00:00Z')

  it('keeps the entries used last up to the limit, always the one just written, and removes dead temporary files', () => {
    const dir = tempDir('bg-cache-prune-')
    const put = (name: string, bytes: number, daysAgo: number) => {
      writeFileSync(join(dir, name), Buffer.alloc(bytes))
      const at = new Date(NOW - daysAgo * DAY)
      utimesSync(join(dir, name), at, at)
    }
    put('new.bin', 40, 0)
    put('recent.bin', 40, 1)
    put('old.bin', 40, 9)
    put('oldest-but-just-written.bin', 40, 30)
    put('a-dead-run.bin.123.tmp', 10, 1)
    put('a-live-run.bin.456.tmp', 10, 0)
    put('not-ours.txt', 10, 40)
    pruneCache(dir, join(dir, 'oldest-but-just-written.bin'), 100, NOW)
    expect(readdirSync(dir).sort()).toEqual([
      'a-live-run.bin.456.tmp',
      'new.bin',
      'not-ours.txt',
      'oldest-but-just-written.bin',
      'recent.bin'
    ])
  })

  it('an entry read after a day unused is marked used, so that it outlives entries nobody reads', () => {
    const tmp = tempDir('bg-cache-tmp-')
    const file = cjsFile()
    expect(runChild(file, tmp).status).toBe(0)
    const bin = join(cacheDir(file), binFiles(file)[0]!)
    const long = new Date(Date.now() - 3 * DAY)
    utimesSync(bin, long, long)
    expect(runChild(file, tmp)).toEqual({ status: 0, exports: EXPECTED, stderr: '' })
    expect(Date.now() - statSync(bin).mtimeMs).toBeLessThan(DAY)
  })
})
