// The tool's own files in the git directory (a journal, a rollback's mark) are read so that nothing planted in
// their place hangs or floods a run: found by review, a FIFO hung health, a mark of the wrong shape crashed it.
import { execFileSync } from 'node:child_process'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { readOwnFile } from '../../src/fs/own-file.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'
import { bundleModule, runModuleCode } from '../helpers/module-bundle.js'

afterAll(cleanupFixtures)

describe('readOwnFile', () => {
  it('reads a small regular file; a link, a directory, a FIFO or a larger file is none', () => {
    const dir = tempDir('bg-own-')
    writeFileSync(join(dir, 'ok'), 'ours')
    writeFileSync(join(dir, 'big'), 'x'.repeat(100))
    symlinkSync('/etc/hostname', join(dir, 'link'))
    mkdirSync(join(dir, 'dir'))
    execFileSync('mkfifo', [join(dir, 'fifo')])
    expect(readOwnFile(join(dir, 'ok'), 64)?.toString()).toBe('ours')
    for (const name of ['big', 'link', 'dir', 'fifo', 'missing'])
      expect(readOwnFile(join(dir, name), 64)).toBeNull()
  })
})

describe("health with a rollback's mark planted in the git directory", () => {
  it('a FIFO, a link, a directory or a mark of the wrong shape is no mark: no hang, no crash', () => {
    const bundle = bundleModule('operations/unverified-restore.ts')
    const root = tempDir('bg-own-repo-')
    execFileSync('git', ['init', '-q'], { cwd: root })
    const journal = join(root, '.git', 'baseline-gate', 'rollback-x.journal.json')
    const mark = journal.replace(/\.journal\.json$/, '.unverified.json')
    mkdirSync(join(root, '.git', 'baseline-gate'))
    const plants: [string, () => void][] = [
      ['fifo', () => execFileSync('mkfifo', [mark])],
      ['link', () => symlinkSync('/dev/zero', mark)],
      ['directory', () => mkdirSync(mark)],
      [
        'null file',
        () =>
          writeFileSync(
            mark,
            JSON.stringify({ kind: 'baseline-gate unverified restore', at: 'x', files: [null] })
          )
      ],
      [
        'numeric path',
        () =>
          writeFileSync(
            mark,
            JSON.stringify({
              kind: 'baseline-gate unverified restore',
              at: 'x',
              files: [{ path: 5, sha256: 'a' }]
            })
          )
      ],
      [
        'outside the root',
        () =>
          writeFileSync(
            mark,
            JSON.stringify({
              kind: 'baseline-gate unverified restore',
              at: 'x',
              files: [{ path: '../../etc/hostname', sha256: 'a' }]
            })
          )
      ]
    ]
    for (const [what, plant] of plants) {
      execFileSync('rm', ['-rf', mark])
      plant()
      // in a child with a bound: a blocking open would hang this test's own process
      const r = runModuleCode(`import { unverifiedRestore } from ${JSON.stringify(bundle)}
console.log(JSON.stringify(unverifiedRestore(${JSON.stringify(root)}, ${JSON.stringify(journal)}, 'x')))`)
      expect([what, r.signal, r.stdout, r.stderr]).toEqual([what, null, '[]', ''])
    }
  })
})
