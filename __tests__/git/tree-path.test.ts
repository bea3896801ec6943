// A file of a commit read as a checkout of it would read it (src/git/tree-path.ts), against real repositories
// whose commits hold symbolic links: followed inside the root, refused out of it, dangling or looping, and the
// root a directory of a monorepo, whose links to a sibling lead out of it as on disk (src/fs/read.ts).
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { BlobReader } from '../../src/git/git.js'
import { readAtCommit } from '../../src/git/tree-path.js'
import type { RevisionRead } from '../../src/git/tree-path.js'
import { containPath, writePaths } from '../../src/fs/contain.js'
import { readRepoFile } from '../../src/fs/read.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

type Tree = Record<string, string | { link: string }>

/** A repository whose one commit holds `files` (a `{ link }` is a symbolic link); its top and that commit. */
function committedTree(files: Tree): { top: string; commit: string } {
  const top = tempDir('bg-tree-path-')
  const git = (...args: string[]) => execFileSync('git', args, { cwd: top, encoding: 'utf8' }).trim()
  git('init', '-q', '-b', 'main')
  for (const [path, content] of Object.entries(files)) {
    const abs = join(top, path)
    mkdirSync(dirname(abs), { recursive: true })
    if (typeof content === 'string') writeFileSync(abs, content)
    else symlinkSync(content.link, abs)
  }
  git('add', '-A')
  git('-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'commit', '-q', '-m', 'tree')
  return { top, commit: git('rev-parse', 'HEAD') }
}

async function readAll(root: string, commit: string, paths: string[]): Promise<Record<string, RevisionRead>> {
  const reader = new BlobReader(root)
  try {
    const out: Record<string, RevisionRead> = {}
    for (const p of paths) out[p] = await readAtCommit(reader, commit, p)
    return out
  } finally {
    reader.close()
  }
}

const text = (r: RevisionRead | undefined) => (r?.kind === 'ok' ? r.bytes.toString('utf8') : r)

describe('a file at a commit, read as a checkout reads it', () => {
  const files: Tree = {
    'shared/pin.json': '{"release_tag":"v1"}\n',
    'config/pin.json': { link: '../shared/pin.json' },
    'config/mirror.json': '{"plain":true}\n',
    docs: { link: 'shared' },
    'config/abs.json': { link: '/etc/passwd' },
    'config/up.json': { link: '../../outside.json' },
    'config/nowhere.json': { link: 'gone.json' },
    'config/loop-a': { link: 'loop-b' },
    'config/loop-b': { link: 'loop-a' },
    'config/chain.json': { link: 'pin.json' },
    'config/dir': { link: '../shared' },
    'config/through-dir.json': { link: 'dir/pin.json' }
  }

  it('follows a link inside the root, a chain of links and a linked directory, and reads plain files as committed', async () => {
    const { top, commit } = committedTree(files)
    const r = await readAll(top, commit, [
      'config/pin.json',
      'config/chain.json',
      'docs/pin.json',
      'config/dir/pin.json',
      'config/through-dir.json',
      'config/mirror.json',
      './config/mirror.json'
    ])
    for (const p of Object.keys(r)) {
      if (p.endsWith('mirror.json')) expect(text(r[p])).toBe('{"plain":true}\n')
      else expect(text(r[p])).toBe('{"release_tag":"v1"}\n')
    }
  })

  it('refuses links out of the root, dangling links and loops, as the checkout read does', async () => {
    const { top, commit } = committedTree(files)
    const r = await readAll(top, commit, [
      'config/abs.json',
      'config/up.json',
      'config/nowhere.json',
      'config/loop-a',
      'config/missing.json',
      'config',
      'config/mirror.json/x'
    ])
    expect(r['config/abs.json']).toEqual({
      kind: 'outside-root',
      problem: 'leads outside the repository (config/abs.json -> /etc/passwd)'
    })
    expect(r['config/up.json']).toMatchObject({ kind: 'outside-root' })
    expect(r['config/nowhere.json']).toEqual({
      kind: 'dangling-link',
      problem: 'config/nowhere.json is a symbolic link to gone.json, which does not exist'
    })
    expect(r['config/loop-a']).toMatchObject({
      kind: 'dangling-link',
      problem: expect.stringMatching(/which is a loop of symbolic links$/)
    })
    expect(r['config/missing.json']).toEqual({ kind: 'missing' })
    expect(r.config).toEqual({ kind: 'not-a-file' })
    expect(r['config/mirror.json/x']).toEqual({ kind: 'missing' })
    // the checkout of the same commit gives the same kinds
    for (const p of [
      'config/abs.json',
      'config/up.json',
      'config/nowhere.json',
      'config/missing.json',
      'config/loop-a'
    ])
      expect(readRepoFile(top, p).kind).toBe(r[p]!.kind)
  })

  it('a root inside a monorepo: a link to a sibling directory leads out of the root, one inside it is followed', async () => {
    const { top, commit } = committedTree({
      'apps/consumer/config/pin.json': { link: '../../other/pin.json' },
      'apps/consumer/config/mirror.json': { link: '../shared/mirror.json' },
      'apps/consumer/shared/mirror.json': 'inside\n',
      'apps/other/pin.json': 'a sibling\n'
    })
    const root = join(top, 'apps', 'consumer')
    const r = await readAll(root, commit, ['config/pin.json', 'config/mirror.json'])
    expect(r['config/pin.json']).toMatchObject({ kind: 'outside-root' })
    expect(text(r['config/mirror.json'])).toBe('inside\n')
    // once checked out, the read of the working tree says the same
    expect(readRepoFile(root, 'config/pin.json').kind).toBe('outside-root')
  })

  it('a file that becomes a link in a later commit is read through the link at that commit only', async () => {
    const { top, commit: first } = committedTree({ 'config/pin.json': 'one\n', 'shared/pin.json': 'two\n' })
    rmSync(join(top, 'config/pin.json'))
    symlinkSync('../shared/pin.json', join(top, 'config/pin.json'))
    const git = (...args: string[]) => execFileSync('git', args, { cwd: top, encoding: 'utf8' }).trim()
    git('add', '-A')
    git('-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'commit', '-q', '-m', 'link')
    const second = git('rev-parse', 'HEAD')
    expect(text((await readAll(top, first, ['config/pin.json']))['config/pin.json'])).toBe('one\n')
    expect(text((await readAll(top, second, ['config/pin.json']))['config/pin.json'])).toBe('two\n')
  })
})
// found by review: each case, the gate's read of the commit and health's read of its checkout agree with the bytes
// the operating system opens (or both refuse)
describe('a commit crafted to make the reads disagree', () => {
  it('walks `..` after a link from where the link led, as the system does, not from the text of the link', async () => {
    const { top, commit } = committedTree({
      'docs/deep/keep': '',
      'docs/real.json': 'what the system opens\n',
      'config/real.json': 'what a lexical resolve would read\n',
      'config/d': { link: '../docs/deep' },
      'config/pin.json': { link: 'd/../real.json' }
    })
    const system = readFileSync(join(top, 'config/pin.json'), 'utf8')
    expect(system).toBe('what the system opens\n')
    expect(text((await readAll(top, commit, ['config/pin.json']))['config/pin.json'])).toBe(system)
    const disk = readRepoFile(top, 'config/pin.json')
    expect(disk.kind === 'ok' && disk.bytes.toString('utf8')).toBe(system)
  })

  it('refuses a link whose text is not UTF-8 (a lossy decode names another file), on disk as at the commit', async () => {
    const { top } = committedTree({ 'config/\ufffd': 'the file a lossy decode names\n' })
    // the link's text is the byte 0xff; the file it names is 0xff too, which the system opens
    symlinkSync(Buffer.from([0xff]), Buffer.from(join(top, 'config/pin.json')))
    writeFileSync(Buffer.concat([Buffer.from(join(top, 'config/')), Buffer.from([0xff])]), 'the real one\n')
    const git = (...args: string[]) => execFileSync('git', args, { cwd: top, encoding: 'utf8' }).trim()
    git('add', '-A')
    git('-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'commit', '-qm', 'a link of bytes')
    const r = (await readAll(top, git('rev-parse', 'HEAD'), ['config/pin.json']))['config/pin.json']
    expect(r).toMatchObject({
      kind: 'dangling-link',
      problem: expect.stringContaining('which is not a path')
    })
    expect(readRepoFile(top, 'config/pin.json')).toMatchObject({
      kind: 'dangling-link',
      problem: expect.stringContaining('which is not a path')
    })
  })

  it('a link with a trailing slash to a file, and one through a file, point at nothing (as the system says)', async () => {
    const { top, commit } = committedTree({
      'config/real.json': 'x\n',
      'config/slash.json': { link: 'real.json/' },
      'config/through.json': { link: 'real.json/x' }
    })
    const r = await readAll(top, commit, ['config/slash.json', 'config/through.json'])
    for (const p of ['config/slash.json', 'config/through.json']) {
      expect(() => readFileSync(join(top, p))).toThrow(/ENOTDIR/)
      expect(r[p]).toMatchObject({ kind: 'dangling-link' })
      expect(readRepoFile(top, p).kind).toBe('dangling-link')
    }
  })

  it('a directory name with a line break on the way is walked, never a request split in two', async () => {
    const { top, commit } = committedTree({
      'config/we\nird/pin.json': 'behind a strange name\n',
      'config/pin.json': { link: 'we\nird/pin.json' }
    })
    expect(text((await readAll(top, commit, ['config/pin.json']))['config/pin.json'])).toBe(
      'behind a strange name\n'
    )
  })

  it('a tree naming the file twice (a malformed commit) is refused: which one a checkout writes is not ours to guess', async () => {
    const { top } = committedTree({ 'config/keep': '' })
    const git = (args: string[], input?: string) =>
      execFileSync('git', args, {
        cwd: top,
        encoding: 'utf8',
        ...(input === undefined ? {} : { input })
      }).trim()
    const entry = (content: string) =>
      Buffer.concat([
        Buffer.from('100644 pin.json\0'),
        Buffer.from(git(['hash-object', '-w', '--stdin'], content), 'hex')
      ])
    const raw = join(tempDir('bg-tree-raw-'), 'tree')
    writeFileSync(raw, Buffer.concat([entry('first\n'), entry('second\n')]))
    const config = git(['hash-object', '-w', '-t', 'tree', '--literally', raw])
    const rootTree = git(['mktree'], `040000 tree ${config}\tconfig\n`)
    const commit = git([
      '-c',
      'user.email=t@example.invalid',
      '-c',
      'user.name=t',
      'commit-tree',
      rootTree,
      '-m',
      'dup'
    ])
    expect((await readAll(top, commit, ['config/pin.json']))['config/pin.json']).toMatchObject({
      kind: 'dangling-link',
      problem: expect.stringContaining('twice in one directory')
    })
  })
})

// found by the second review
describe('nested links and submodules', () => {
  it('a write through nested links whose leftover `..` would climb out is refused as dangling, never a path above the root', () => {
    const top = tempDir('bg-nested-links-')
    mkdirSync(join(top, 'repo', 'e'), { recursive: true })
    const root = join(top, 'repo')
    symlinkSync('e', join(root, 'b'))
    symlinkSync('b/x/../../..', join(root, 'config'))
    symlinkSync('b/missing/../../../ESCAPED', join(root, 'a'))
    for (const rel of ['config/baseline-policy.json', 'a/pin.json']) {
      const w = writePaths(root, [rel])
      expect(w.ok).toBe(false)
      expect(containPath(root, rel)).toMatchObject({ kind: 'dangling' })
    }
  })

  it('a trio inside a submodule is refused and named by the commit the submodule records: a bump is a change', async () => {
    const { top, commit: first } = committedTree({ 'README.md': 'x\n' })
    const git = (...args: string[]) => execFileSync('git', args, { cwd: top, encoding: 'utf8' }).trim()
    const gitlink = (sha: string) => {
      git('update-index', '--add', '--cacheinfo', `160000,${sha},config`)
      git('-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'commit', '-qm', `config at ${sha}`)
      return git('rev-parse', 'HEAD')
    }
    const a = gitlink(first)
    const b = gitlink('1'.repeat(40))
    const at = async (rev: string) => (await readAll(top, rev, ['config/pin.json']))['config/pin.json']!
    expect(await at(a)).toEqual({
      kind: 'outside-root',
      problem: `is inside the submodule config (commit ${first.slice(0, 12)}), a repository of its own that the gate does not read`
    })
    expect(await at(b)).toMatchObject({
      kind: 'outside-root',
      problem: expect.stringContaining('commit 111111111111')
    })
  })
})
