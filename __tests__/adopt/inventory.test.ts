// The repository as init sees it: git's file list (tracked and untracked, never ignored, never node_modules) and
// a reader that stays inside the root.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { listRepositoryFiles, memoryInventory, repositoryInventory } from '../../src/fs/inventory.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'
import { gitRepo } from '../helpers/git-repo.js'

afterAll(cleanupFixtures)

function put(root: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true })
    writeFileSync(join(root, rel), content)
  }
}

describe('listRepositoryFiles', () => {
  it('lists tracked and untracked files, sorted; leaves out what .gitignore ignores and node_modules always', async () => {
    const root = tempDir('bg-inventory-')
    const repo = gitRepo({ root })
    put(root, { 'b.ts': '1', 'a/z.json': '{}', '.gitignore': 'out/\n' })
    repo.commit('tracked')
    put(root, {
      'a/new.md': '# new',
      'out/build.js': 'x',
      'node_modules/dep/index.js': 'x',
      'services/p/target/debug/x.rs': 'x'
    })
    expect(await listRepositoryFiles(root)).toEqual(['.gitignore', 'a/new.md', 'a/z.json', 'b.ts'])
  })

  it('lists the files of a subdirectory root relative to it', async () => {
    const root = tempDir('bg-inventory-')
    const repo = gitRepo({ root })
    put(root, { 'apps/desktop/config/pin.json': '{}', 'other.txt': 'x' })
    repo.commit('monorepo')
    expect(await listRepositoryFiles(join(root, 'apps/desktop'))).toEqual(['config/pin.json'])
  })
})

describe('repositoryInventory', () => {
  it('reads a file once, and never through a symlink that leads out of the root', () => {
    const root = tempDir('bg-inventory-')
    const outside = tempDir('bg-outside-')
    writeFileSync(join(outside, 'secret.json'), '{"release_tag": "x"}')
    put(root, { 'config/pin.json': '{"a": 1}', 'config/real.json': '{"b": 2}' })
    symlinkSync(join(outside, 'secret.json'), join(root, 'config/out.json'))
    symlinkSync('real.json', join(root, 'config/in.json'))
    const inv = repositoryInventory(root, ['config/in.json', 'config/out.json', 'config/pin.json'])
    expect(inv.read('config/out.json')).toBeNull()
    expect(inv.read('config/in.json')?.toString()).toBe('{"b": 2}')
    expect(inv.read('config/pin.json')?.toString()).toBe('{"a": 1}')
    writeFileSync(join(root, 'config/pin.json'), 'changed')
    expect(inv.read('config/pin.json')?.toString()).toBe('{"a": 1}')
    expect(inv.read('../escape.json')).toBeNull()
    expect(inv.read('missing.json')).toBeNull()
  })

  it('memoryInventory: the same interface over contents held in memory, sorted', () => {
    const inv = memoryInventory({ 'b.md': 'b', 'a.json': Buffer.from('{}') })
    expect(inv.files).toEqual(['a.json', 'b.md'])
    expect(inv.read('b.md')?.toString()).toBe('b')
    expect(inv.read('c')).toBeNull()
  })
})
