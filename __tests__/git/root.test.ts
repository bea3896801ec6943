// The repository root a command works on (src/git/root.ts): the git top level from anywhere inside it, or the
// nearest directory below the top that holds a policy (a consumer in a monorepo); clear errors for a missing
// directory, a file, and a directory outside any repository, and nothing created on the way.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, realpathSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { findRoot, RootError } from '../../src/git/root.js'
import { DEFAULT_POLICY_PATH } from '../../src/policy/defaults.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

function repoWith(...dirs: string[]): string {
  const top = realpathSync(tempDir('bg-root-'))
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: top })
  for (const d of dirs) mkdirSync(join(top, d), { recursive: true })
  return top
}

const find = (cwd: string, given?: string) =>
  findRoot({ cwd, marker: DEFAULT_POLICY_PATH, ...(given === undefined ? {} : { given }) })

describe('findRoot', () => {
  it('is the top of the work tree from the top, from a subdirectory, and from --root naming a subdirectory', async () => {
    const top = repoWith('src/components/deep')
    for (const cwd of [top, join(top, 'src'), join(top, 'src/components/deep')])
      expect(await find(cwd)).toEqual({ root: top, top })
    expect(await find('/', join(top, 'src/components'))).toEqual({ root: top, top })
    expect(await find(join(top, 'src'), '..')).toEqual({ root: top, top })
  })

  it('is the nearest directory holding a policy below the top: a consumer in a directory of a monorepo', async () => {
    const top = repoWith('apps/consumer/src/ui', 'apps/other')
    mkdirSync(join(top, 'apps/consumer/config'), { recursive: true })
    writeFileSync(join(top, 'apps/consumer', DEFAULT_POLICY_PATH), '{}\n')
    const consumer = join(top, 'apps/consumer')
    expect(await find(join(consumer, 'src/ui'))).toEqual({ root: consumer, top })
    expect(await find(consumer)).toEqual({ root: consumer, top })
    // elsewhere in the monorepo, the top
    expect(await find(join(top, 'apps/other'))).toEqual({ root: top, top })
  })

  it('refuses a --root that does not exist or is a file, creating nothing', async () => {
    const top = repoWith()
    const before = readdirSync(top)
    await expect(find(top, 'no/such/dir')).rejects.toThrow(
      new RootError('--root no/such/dir: no such directory')
    )
    writeFileSync(join(top, 'a-file'), 'x')
    await expect(find(top, 'a-file')).rejects.toThrow('--root a-file: not a directory')
    expect(readdirSync(top).sort()).toEqual([...before, 'a-file'].sort())
  })

  it('says plainly when the directory is not inside a git repository', async () => {
    const outside = tempDir('bg-no-git-')
    await expect(find(outside)).rejects.toThrow(
      /is not inside a git repository: baseline-gate works on a clone/
    )
    await expect(find('/', outside)).rejects.toThrow(/name it with --root$/)
    expect(readdirSync(outside)).toEqual([])
  })
})
