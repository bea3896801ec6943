// A scan checks many paths of one tree with one ContainMemo: the memo may only save system calls, never change
// an answer. Random trees of directories, files and links (inside, outside, dangling, chained, looping) are
// walked with random paths, each answered with and without the shared memo.
import { afterAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { containPath, createContainMemo } from '../../src/fs/contain.js'
import { createReadScratch, readRepoFile } from '../../src/fs/read.js'
import type { ReadResult } from '../../src/fs/read.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

const NAMES = ['a', 'b', 'c', 'd']
const segment = fc.constantFrom(...NAMES, '..', '.')
const relPath = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => s.join('/'))

type Entry =
  | { kind: 'dir' }
  | { kind: 'file' }
  /** A link to a path relative to its own directory, or to somewhere outside the root. */
  | { kind: 'link'; to: string }
  | { kind: 'outside' }

const entry: fc.Arbitrary<Entry> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'dir' } as const) },
  { weight: 2, arbitrary: fc.constant({ kind: 'file' } as const) },
  { weight: 3, arbitrary: relPath.map((to) => ({ kind: 'link', to }) as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'outside' } as const) }
)

/** Up to three levels of the names above, each an entry of the tree. */
const tree = fc.dictionary(
  fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 }).map((s) => s.join('/')),
  entry,
  { maxKeys: 14 }
)

function build(spec: Record<string, Entry>): string {
  const base = tempDir('bg-contain-memo-')
  const root = join(base, 'repo')
  const outside = join(base, 'elsewhere')
  mkdirSync(join(outside, 'a'), { recursive: true })
  mkdirSync(root)
  // parents before children; an entry whose parent is not a directory is left out
  for (const path of Object.keys(spec).sort((x, y) => x.split('/').length - y.split('/').length)) {
    const abs = join(root, path)
    try {
      mkdirSync(dirname(abs), { recursive: true })
      const e = spec[path]!
      if (e.kind === 'dir') mkdirSync(abs)
      else if (e.kind === 'file') writeFileSync(abs, path.repeat(path.length * 9))
      else if (e.kind === 'link') symlinkSync(e.to, abs)
      else symlinkSync(outside, abs)
    } catch {
      // a path through a file or a link, or one already there: not part of this tree
    }
  }
  return root
}

describe('containPath with a memo shared by a batch', () => {
  it('answers every path exactly as without it', () => {
    fc.assert(
      fc.property(tree, fc.array(relPath, { minLength: 1, maxLength: 25 }), (spec, paths) => {
        const root = build(spec)
        const memo = createContainMemo()
        for (const p of paths) expect(containPath(root, p, memo)).toEqual(containPath(root, p))
      }),
      { numRuns: 150 }
    )
  })

  it('remembers directories only, never a link or the last component', () => {
    const root = build({
      a: { kind: 'dir' },
      'a/b': { kind: 'dir' },
      'a/b/c': { kind: 'file' },
      d: { kind: 'outside' }
    })
    const memo = createContainMemo()
    expect(containPath(root, 'a/b/c', memo).kind).toBe('inside')
    expect(containPath(root, 'd/a', memo).kind).toBe('outside')
    expect([...memo.dirs].map((d) => d.slice(memo.realRoot!.length))).toEqual(['/a', '/a/b'])
  })
})

describe('a plain path under a directory the batch walked', () => {
  it('is answered from the memo: a file, a missing name, a directory; a link there goes back to the walk', () => {
    const root = build({
      a: { kind: 'dir' },
      'a/b': { kind: 'dir' },
      'a/b/c': { kind: 'file' },
      'a/b/d': { kind: 'dir' },
      'a/b/in': { kind: 'link', to: 'c' },
      'a/b/out': { kind: 'outside' }
    })
    const memo = createContainMemo()
    containPath(root, 'a/b/c', memo)
    const real = memo.realRoot!
    // the memo now holds a and a/b: the rest of a/b is answered by one look at the last name
    expect(containPath(root, 'a/b/c', memo)).toEqual({ kind: 'inside', real: `${real}/a/b/c`, exists: true })
    expect(containPath(root, 'a/b/d', memo)).toEqual({ kind: 'inside', real: `${real}/a/b/d`, exists: true })
    expect(containPath(root, 'a/b/none', memo)).toEqual({
      kind: 'inside',
      real: `${real}/a/b/none`,
      exists: false
    })
    expect(containPath(root, 'a/b/in', memo)).toEqual({ kind: 'inside', real: `${real}/a/b/c`, exists: true })
    expect(containPath(root, 'a/b/out', memo).kind).toBe('outside')
    // not plain: the walk answers, as without a memo
    for (const p of ['a/b/../b/c', './a/b/c', 'a//b/c', 'a/b/c/'])
      expect(containPath(root, p, memo)).toEqual(containPath(root, p))
  })
})

describe('readRepoFile with the memo and the scratch buffer of a scan', () => {
  // an 'ok' answer's bytes are the scratch buffer's until the next read: copied here before it
  const settled = (r: ReadResult) => (r.kind === 'ok' ? { kind: 'ok', text: r.bytes.toString('latin1') } : r)

  it('reads every path exactly as a read on its own: a link at the end of a known directory is walked, not opened', () => {
    fc.assert(
      fc.property(tree, fc.array(relPath, { minLength: 1, maxLength: 25 }), (spec, paths) => {
        const root = build(spec)
        const memo = createContainMemo()
        const scratch = createReadScratch()
        for (const p of paths)
          expect(settled(readRepoFile(root, p, 1024, memo, scratch))).toEqual(
            settled(readRepoFile(root, p, 1024))
          )
      }),
      { numRuns: 150 }
    )
  })

  it('opens a file of a known directory at once, and walks a link there as the walk would', () => {
    const root = build({
      a: { kind: 'dir' },
      'a/f': { kind: 'file' },
      'a/g': { kind: 'file' },
      'a/in': { kind: 'link', to: 'g' },
      'a/out': { kind: 'outside' },
      'a/none': { kind: 'link', to: 'missing' }
    })
    const memo = createContainMemo()
    const scratch = createReadScratch()
    expect(settled(readRepoFile(root, 'a/f', 1024, memo, scratch))).toEqual({
      kind: 'ok',
      text: 'a/f'.repeat(27)
    })
    // a is known now: a link at its end is refused by the open and resolved by the walk, inside or out
    expect(memo.dirs.size).toBe(1)
    expect(settled(readRepoFile(root, 'a/in', 1024, memo, scratch))).toEqual({
      kind: 'ok',
      text: 'a/g'.repeat(27)
    })
    expect(readRepoFile(root, 'a/out', 1024, memo, scratch)).toMatchObject({ kind: 'outside-root' })
    expect(readRepoFile(root, 'a/none', 1024, memo, scratch)).toMatchObject({ kind: 'dangling-link' })
    expect(readRepoFile(root, 'a/missing', 1024, memo, scratch)).toEqual({ kind: 'missing' })
    expect(readRepoFile(root, 'a', 1024, memo, scratch)).toEqual({ kind: 'not-a-file' })
    // the limit holds with a scratch buffer larger than it
    expect(readRepoFile(root, 'a/g', 80, memo, scratch)).toEqual({ kind: 'too-large', size: 81, limit: 80 })
  })
})

describe('links padded with empty steps', () => {
  it("a chain of links whose texts hold thousands of './' resolves as the system does, each step once", () => {
    // found by review: the steps left were shifted off an array one by one, and 39 such links took seconds a file
    const root = build({ chain: { kind: 'dir' } })
    const pad = './'.repeat(2040)
    writeFileSync(join(root, 'chain', 'final.txt'), 'x\n')
    for (let k = 0; k < 39; k++) symlinkSync(k < 38 ? `L${k + 1}/${pad}` : pad, join(root, 'chain', `L${k}`))
    symlinkSync('chain/L0/final.txt', join(root, 'x.ts'))
    expect(readRepoFile(root, 'x.ts')).toEqual({ kind: 'ok', bytes: Buffer.from('x\n') })
    // a trailing slash still asks for a directory, however it is padded
    symlinkSync(`chain/L0/final.txt/${pad.slice(0, 4000)}`, join(root, 'y.ts'))
    expect(readRepoFile(root, 'y.ts').kind).toBe('dangling-link')
  })
})

describe('an absolute link that asks for a directory', () => {
  it("ending in '/.' or '/', to a file, leads nowhere, as the system says (ENOTDIR)", () => {
    const root = build({ a: { kind: 'dir' }, 'a/f': { kind: 'file' } })
    symlinkSync(`${join(root, 'a', 'f')}/.`, join(root, 'dot'))
    symlinkSync(`${join(root, 'a', 'f')}/`, join(root, 'slash'))
    symlinkSync(`${join(root, 'a')}/.`, join(root, 'dir'))
    expect(containPath(root, 'dot').kind).toBe('dangling')
    expect(containPath(root, 'slash').kind).toBe('dangling')
    expect(containPath(root, 'dir')).toEqual({ kind: 'inside', real: join(root, 'a'), exists: true })
  })
})
