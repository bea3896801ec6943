// A partial clone (`--filter=blob:none`) reads an old blob from its promisor remote when asked for it. With the
// remote out of reach, git cannot answer: that is an error saying so, never "its pin is missing" and no
// last-known-good (found by review: lkg and a rollback dry run said there was none to restore).
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'
import { runCli, STACK_LINE } from '../helpers/cli-run.js'
import { threeBaselines } from '../helpers/git-repo.js'

afterAll(cleanupFixtures)

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim()

describe('a partial clone whose promisor remote is out of reach', () => {
  it('lkg and a rollback dry run say git could not read the history: exit 2, one line, never "no last-known-good"', () => {
    const { fx } = threeBaselines()
    git(fx.root, 'config', 'uploadpack.allowfilter', 'true')
    const clone = join(tempDir('bg-partial-'), 'clone')
    execFileSync('git', ['clone', '-q', '--filter=blob:none', `file://${fx.root}`, clone])
    // reachable, it reads the old blobs it lacks: the last-known-good is found
    const found = runCli(['lkg'], clone)
    expect([found.status, found.stderr]).toEqual([0, ''])
    expect(found.stdout).toContain('last-known-good:')
    // a fresh partial clone, then its remote gone
    const cut = join(tempDir('bg-partial-cut-'), 'clone')
    execFileSync('git', ['clone', '-q', '--filter=blob:none', `file://${fx.root}`, cut])
    git(cut, 'remote', 'set-url', 'origin', `file://${join(tempDir('bg-gone-'), 'nothing')}`)
    for (const args of [
      ['lkg'],
      ['rollback', '--dry-run', '--trigger', 'contract-drift', '--reason', 'drill']
    ]) {
      const r = runCli(args, cut)
      expect([args[0], r.status]).toEqual([args[0], 2])
      expect(r.stderr).toMatch(/^baseline-gate: git cat-file exited \(128\) with requests pending: .*\n$/)
      expect(r.stderr + r.stdout).not.toMatch(/internal error|no last-known-good|its pin is missing/)
      expect(r.stderr).not.toMatch(STACK_LINE)
    }
  })
})
