import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import esbuild from 'esbuild'
import { MAX_FILE_BYTES, readRepoFile, resolveInRoot } from '../../src/fs/read.js'
import { cleanupFixtures, REPO_ROOT, tempDir } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

function repo(): string {
  const root = tempDir('bg-read-')
  writeFileSync(join(root, 'ten.txt'), '0123456789')
  writeFileSync(join(root, 'empty.txt'), '')
  mkdirSync(join(root, 'dir'))
  writeFileSync(join(root, 'dir', 'inner.txt'), 'inner')
  return root
}

describe('readRepoFile', () => {
  const root = repo()

  it('reads a file whole', () => {
    const r = readRepoFile(root, 'ten.txt')
    expect(r).toEqual({ kind: 'ok', bytes: Buffer.from('0123456789') })
  })

  it.each([
    ['a file in a subdirectory', 'dir/inner.txt', 'inner'],
    ['a path with a harmless ..', 'dir/../ten.txt', '0123456789'],
    ['an empty file', 'empty.txt', '']
  ])('reads %s', (_what, rel, content) => {
    const r = readRepoFile(root, rel)
    expect(r.kind).toBe('ok')
    expect(r.kind === 'ok' && r.bytes.toString('utf8')).toBe(content)
  })

  it.each([
    ['a missing file', 'nope.txt'],
    ['a missing directory', 'nope/pin.json'],
    ['a path through a file', 'ten.txt/pin.json']
  ])('%s is missing', (_what, rel) => {
    expect(readRepoFile(root, rel)).toEqual({ kind: 'missing' })
  })

  it.each([['dir'], ['dir/'], ['.']])('the directory %j is not a file', (rel) => {
    expect(readRepoFile(root, rel)).toEqual({ kind: 'not-a-file' })
  })

  it.each([
    ['one byte over', 9, { kind: 'too-large', size: 10, limit: 9 }],
    ['far over', 1, { kind: 'too-large', size: 10, limit: 1 }]
  ])('a file %s the limit is too large', (_what, limit, result) => {
    expect(readRepoFile(root, 'ten.txt', limit)).toEqual(result)
  })

  it('a file exactly at the limit is read', () => {
    expect(readRepoFile(root, 'ten.txt', 10)).toEqual({ kind: 'ok', bytes: Buffer.from('0123456789') })
    expect(readRepoFile(root, 'empty.txt', 0)).toEqual({ kind: 'ok', bytes: Buffer.alloc(0) })
  })

  it('the default limit is 4 MiB', () => {
    expect(MAX_FILE_BYTES).toBe(4 * 1024 * 1024)
    const big = tempDir('bg-read-big-')
    writeFileSync(join(big, 'big.bin'), Buffer.alloc(MAX_FILE_BYTES + 1))
    writeFileSync(join(big, 'max.bin'), Buffer.alloc(MAX_FILE_BYTES))
    expect(readRepoFile(big, 'big.bin')).toEqual({
      kind: 'too-large',
      size: MAX_FILE_BYTES + 1,
      limit: MAX_FILE_BYTES
    })
    expect(readRepoFile(big, 'max.bin').kind).toBe('ok')
  })

  it.each([['../x'], ['../../etc/hostname'], ['dir/../../x'], ['/etc/hostname'], ['..']])(
    '%j leaves the root',
    (rel) => {
      expect(readRepoFile(root, rel)).toMatchObject({
        kind: 'outside-root',
        problem: expect.stringMatching(/^leads outside the repository \(to \//)
      })
    }
  )

  it('a relative root is resolved from the working directory', () => {
    const rel = relative(process.cwd(), root)
    expect(rel.startsWith('/')).toBe(false)
    expect(readRepoFile(rel, 'ten.txt')).toEqual({ kind: 'ok', bytes: Buffer.from('0123456789') })
    expect(readRepoFile(rel, '../x').kind).toBe('outside-root')
  })

  it('a dangling symlink is not taken for a missing file', () => {
    const r = tempDir('bg-read-link-')
    symlinkSync(join(r, 'nowhere'), join(r, 'link.json'))
    expect(readRepoFile(r, 'link.json')).toEqual({
      kind: 'dangling-link',
      problem: `link.json is a symbolic link to ${join(r, 'nowhere')}, which does not exist`
    })
  })

  it('a FIFO is refused as not a file instead of blocking the process', () => {
    // Opening a FIFO for reading blocks until a writer appears: run the read in a child with a deadline.
    const dir = tempDir('bg-read-fifo-')
    execFileSync('mkfifo', [join(dir, 'pin.json')])
    const bundle = join(dir, 'read.mjs')
    esbuild.buildSync({
      entryPoints: [join(REPO_ROOT, 'src/fs/read.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'silent'
    })
    const script = `import { readRepoFile } from ${JSON.stringify(bundle)}\nconsole.log(JSON.stringify(readRepoFile(${JSON.stringify(dir)}, 'pin.json')))`
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 5000
    })
    expect({ timedOut: child.signal !== null, stdout: child.stdout.trim() }).toEqual({
      timedOut: false,
      stdout: JSON.stringify({ kind: 'not-a-file' })
    })
  })
})

describe('resolveInRoot', () => {
  const root = resolve('/srv/repo')
  it.each([
    ['config/pin.json', join(root, 'config/pin.json')],
    ['./config/pin.json', join(root, 'config/pin.json')],
    ['a/../b.json', join(root, 'b.json')],
    ['..foo/x.json', join(root, '..foo/x.json')], // a name starting with two dots is inside
    ['', root]
  ])('%j -> %j', (rel, abs) => {
    expect(resolveInRoot(root, rel)).toBe(abs)
  })

  it.each([['../x'], ['..'], ['a/../../x'], ['/etc/passwd'], ['/srv/repository/x']])(
    '%j is outside',
    (rel) => {
      expect(resolveInRoot(root, rel)).toBeUndefined()
    }
  )

  it('an absolute path inside the root is accepted', () => {
    expect(resolveInRoot(root, '/srv/repo/config/pin.json')).toBe(join(root, 'config/pin.json'))
  })
})
