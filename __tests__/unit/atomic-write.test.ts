import { afterAll, describe, expect, it } from '@jest/globals'
import {
  linkSync,
  lutimesSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomic } from '../../src/fs/atomic-write.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

describe('writeFileAtomic', () => {
  it.each([
    ['a string', 'hello\n'],
    ['a Buffer', Buffer.from([0, 1, 2, 0xff])],
    ['an empty string', '']
  ])('writes %s whole and leaves no temporary file', (_what, data) => {
    const dir = tempDir('bg-atomic-')
    const target = join(dir, 'out.json')
    writeFileAtomic(target, data)
    expect(readFileSync(target).equals(Buffer.from(data))).toBe(true)
    expect(readdirSync(dir)).toEqual(['out.json'])
  })

  it('never writes through a temporary name planted beforehand: a link at every name a clock and the pid could give (found by review)', () => {
    const dir = tempDir('bg-atomic-')
    const outside = join(tempDir('bg-outside-'), 'elsewhere.txt')
    writeFileSync(outside, 'untouched\n')
    const now = Date.now()
    for (let t = now - 50; t < now + 2000; t++)
      symlinkSync(outside, join(dir, `.out.json.${process.pid}.${t.toString(36)}.tmp`))
    writeFileAtomic(join(dir, 'out.json'), 'written\n')
    expect(readFileSync(outside, 'utf8')).toBe('untouched\n')
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('written\n')
  })

  it('removes the temporary files a killed write of the same path left, and nothing else (found by review)', () => {
    const dir = tempDir('bg-atomic-stale-')
    const target = join(dir, 'pin.json')
    const stale = ['.pin.json.0123456789abcdef.tmp', '.pin.json.fedcba9876543210.tmp']
    const kept = [
      '.pin.json.notes.tmp',
      '.pin.json.0123456789ABCDEF.tmp',
      '.other.json.0123456789abcdef.tmp',
      'pin.json.bak'
    ]
    const old = new Date(Date.now() - 3_600_000)
    for (const name of [...stale, ...kept]) {
      writeFileSync(join(dir, name), 'x')
      utimesSync(join(dir, name), old, old)
    }
    // another run's write of the same path in flight: young, left alone (found by review)
    const inFlight = '.pin.json.00112233445566ff.tmp'
    writeFileSync(join(dir, inFlight), 'x')
    // a link with a temporary's name is removed as a link: what it points at stays
    const outside = join(tempDir('bg-atomic-stale-out-'), 'precious')
    writeFileSync(outside, 'keep')
    symlinkSync(outside, join(dir, '.pin.json.00000000000000aa.tmp'))
    lutimesSync(join(dir, '.pin.json.00000000000000aa.tmp'), old, old)
    writeFileAtomic(target, '{}\n', { clean: true })
    expect(readdirSync(dir).sort()).toEqual(['pin.json', inFlight, ...kept].sort())
    expect(readFileSync(outside, 'utf8')).toBe('keep')
  })

  it('creates missing parent directories', () => {
    const dir = tempDir('bg-atomic-')
    const target = join(dir, 'a', 'b', 'c.txt')
    writeFileAtomic(target, 'x')
    expect(readFileSync(target, 'utf8')).toBe('x')
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['c.txt'])
  })

  it('with durable: the same result, no temporary file', () => {
    const dir = tempDir('bg-atomic-')
    const target = join(dir, 'out.txt')
    writeFileAtomic(target, 'durable', { durable: true })
    expect(readFileSync(target, 'utf8')).toBe('durable')
    expect(readdirSync(dir)).toEqual(['out.txt'])
  })

  it('replaces the target by rename: the old file is never truncated or written in place', () => {
    const dir = tempDir('bg-atomic-')
    const target = join(dir, 'pin.json')
    const old = `${'o'.repeat(100_000)}\n`
    writeFileSync(target, old)
    // a second name for the old inode: an in-place write would show through it
    linkSync(target, join(dir, 'old-link'))
    const before = statSync(target).ino
    const data = `${'n'.repeat(3_000_000)}\n`
    writeFileAtomic(target, data)
    expect(statSync(target).ino).not.toBe(before)
    expect(readFileSync(target, 'utf8')).toBe(data)
    expect(readFileSync(join(dir, 'old-link'), 'utf8')).toBe(old)
    expect(readdirSync(dir).sort()).toEqual(['old-link', 'pin.json'])
  })

  it('many writes in a row: the target always holds one whole version', () => {
    const dir = tempDir('bg-atomic-')
    const target = join(dir, 'v.txt')
    for (let i = 0; i < 50; i++) {
      const data = `${String(i).repeat(1000 + i)}\n`
      writeFileAtomic(target, data)
      expect(readFileSync(target, 'utf8')).toBe(data)
    }
    expect(readdirSync(dir)).toEqual(['v.txt'])
  })

  it('when the rename fails (the target is a directory), throws and removes the temporary file', () => {
    const dir = tempDir('bg-atomic-')
    const target = join(dir, 'taken')
    mkdirSync(target)
    writeFileSync(join(target, 'keep.txt'), 'keep')
    expect(() => writeFileAtomic(target, 'data')).toThrow()
    expect(readdirSync(dir)).toEqual(['taken'])
    expect(readdirSync(target)).toEqual(['keep.txt'])
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('keep')
  })

  it('when the target is an empty directory, also throws and leaves nothing behind', () => {
    const dir = tempDir('bg-atomic-')
    const target = join(dir, 'empty-dir')
    mkdirSync(target)
    expect(() => writeFileAtomic(target, 'data', { durable: true })).toThrow()
    expect(readdirSync(dir)).toEqual(['empty-dir'])
    expect(statSync(target).isDirectory()).toBe(true)
  })

  it('when the parent cannot be created (a file is in the way), throws and writes nothing', () => {
    const dir = tempDir('bg-atomic-')
    writeFileSync(join(dir, 'file'), 'f')
    expect(() => writeFileAtomic(join(dir, 'file', 'x.txt'), 'data')).toThrow()
    expect(readdirSync(dir)).toEqual(['file'])
  })
})
