// The repository root a command works on (src/git/root.ts): the git top level from anywhere inside it, or the
// nearest directory below the top that holds a policy (a consumer in a monorepo); clear errors for a missing
// directory, a file, and a directory outside any repository, and nothing created on the way.
import { execFileSync, spawnSync } from 'node:child_process'
import {
  appendFileSync,
  chownSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { discoverTop } from '../../src/git/discover.js'
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
      expect(await find(cwd)).toEqual({ root: top, top, start: cwd })
    expect(await find('/', join(top, 'src/components'))).toEqual({
      root: top,
      top,
      start: join(top, 'src/components')
    })
    expect(await find(join(top, 'src'), '..')).toEqual({ root: top, top, start: top })
  })

  it('is the nearest directory holding a policy below the top: a consumer in a directory of a monorepo', async () => {
    const top = repoWith('apps/consumer/src/ui', 'apps/other')
    mkdirSync(join(top, 'apps/consumer/config'), { recursive: true })
    writeFileSync(join(top, 'apps/consumer', DEFAULT_POLICY_PATH), '{}\n')
    const consumer = join(top, 'apps/consumer')
    expect(await find(join(consumer, 'src/ui'))).toEqual({
      root: consumer,
      top,
      start: join(consumer, 'src/ui')
    })
    expect(await find(consumer)).toEqual({ root: consumer, top, start: consumer })
    // elsewhere in the monorepo, the top
    expect(await find(join(top, 'apps/other'))).toEqual({ root: top, top, start: join(top, 'apps/other') })
  })

  it('refuses a start reached through a symbolic link in the repository: a pull request could point the root anywhere', async () => {
    const top = repoWith('apps/decoy/config')
    writeFileSync(join(top, 'apps/decoy', DEFAULT_POLICY_PATH), '{}\n')
    symlinkSync('decoy', join(top, 'apps/consumer'))
    for (const [cwd, given] of [
      [top, 'apps/consumer'],
      [join(top, 'apps'), 'consumer/config']
    ] as const)
      await expect(find(cwd, given)).rejects.toThrow(
        new RootError(
          `--root ${given}: ${join(top, 'apps/consumer')} is a symbolic link (to decoy), and a root is never taken through one (a pull request can commit it); give the directory itself`
        )
      )
  })

  it('refuses a link in the repository whose target holds a .git itself: the top, or another repository (found by review)', async () => {
    const top = repoWith('apps/real/config')
    writeFileSync(join(top, 'apps/real', DEFAULT_POLICY_PATH), '{}\n')
    // a pull request moves the consumer and links its old place to the top: the top's trio would be judged
    symlinkSync('..', join(top, 'apps/consumer'))
    // or to another checkout beside it on the runner: that repository would be judged and written
    const other = repoWith('config')
    symlinkSync(other, join(top, 'apps/other'))
    // committed, as a pull request brings it; one named as git would read a pathspec too (`:x` is `x` to git)
    symlinkSync(other, join(top, ':other'))
    execFileSync('git', ['add', 'apps/other', ':(literal):other'], { cwd: top })
    await expect(find(top, ':other')).rejects.toThrow(
      `${join(top, ':other')} is a symbolic link (to ${other})`
    )
    for (const [given, to] of [
      ['apps/consumer', '..'],
      ['apps/other', other]
    ] as const) {
      await expect(find(top, given)).rejects.toThrow(
        new RootError(
          `--root ${given}: ${join(top, given)} is a symbolic link (to ${to}), and a root is never taken through one (a pull request can commit it); give the directory itself`
        )
      )
      // and from inside it, as the shell names it
      await expect(
        findRoot({
          cwd: realpathSync(join(top, given)),
          logicalCwd: join(top, given),
          marker: DEFAULT_POLICY_PATH
        })
      ).rejects.toThrow(
        // no --root was given: none is named
        new RootError(
          `${join(top, given)} is a symbolic link (to ${to}), and a root is never taken through one (a pull request can commit it); give the directory itself`
        )
      )
    }
  })

  it("a link to a checkout of its own that the repository around it does not track is the machine's: followed (found by review: a home directory kept in git)", async () => {
    const home = repoWith()
    const proj = repoWith('config')
    symlinkSync(proj, join(home, 'proj'))
    expect(await find(join(home, 'proj'))).toMatchObject({ root: proj, top: proj })
    expect(await find(home, 'proj')).toMatchObject({ root: proj, top: proj })
  })

  it("sees a link the shell went through ($PWD), where the process's current directory is already its target", async () => {
    const top = repoWith('apps/decoy/config')
    writeFileSync(join(top, 'apps/decoy', DEFAULT_POLICY_PATH), '{}\n')
    symlinkSync('decoy', join(top, 'apps/consumer'))
    // `cd apps/consumer`: the process is in apps/decoy, the shell says apps/consumer
    await expect(
      findRoot({
        cwd: join(top, 'apps/decoy'),
        logicalCwd: join(top, 'apps/consumer'),
        marker: DEFAULT_POLICY_PATH
      })
    ).rejects.toThrow(`${join(top, 'apps/consumer')} is a symbolic link (to decoy)`)
    // a $PWD that is not the current directory is not believed
    expect(
      (await findRoot({ cwd: join(top, 'apps/decoy'), logicalCwd: top, marker: DEFAULT_POLICY_PATH })).root
    ).toBe(join(top, 'apps/decoy'))
  })

  it("a link outside the repository into it (the machine's, such as a workspace path) is followed", async () => {
    const top = repoWith('docs')
    const outside = tempDir('bg-root-link-')
    symlinkSync(join(top, 'docs'), join(outside, 'docs-link'))
    expect(await find(outside, 'docs-link')).toMatchObject({ root: top, top })
  })

  it('refuses a start inside a submodule (a pull request can make a directory one, holding any repository)', async () => {
    const inner = repoWith('apps/c/config')
    writeFileSync(join(inner, 'apps/c', DEFAULT_POLICY_PATH), '{}\n')
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', ...args], {
        cwd,
        encoding: 'utf8'
      })
    git(inner, 'add', '-A')
    git(inner, 'commit', '-qm', 'the repository a submodule would hold')
    const outer = repoWith('apps')
    git(outer, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', inner, 'apps/c')
    for (const [cwd, given] of [
      [outer, 'apps/c'],
      [join(outer, 'apps/c/apps/c'), undefined]
    ] as const)
      await expect(find(cwd, given)).rejects.toThrow(
        `${join(outer, 'apps/c')} is a submodule of the repository at ${outer} (its .git is a file), and a root is never taken in one`
      )
    // the outer repository itself is its own root
    expect((await find(outer)).root).toBe(outer)
    // a submodule of a linked worktree of the outer repository: its .git names .git/worktrees/<name>/modules
    // (found by review: only .git/modules was known)
    git(outer, 'commit', '-qm', 'the submodule')
    const wt = join(tempDir('bg-outer-wt-'), 'wt')
    git(outer, 'worktree', 'add', '-q', wt)
    git(wt, '-c', 'protocol.file.allow=always', 'submodule', 'update', '-q', '--init', 'apps/c')
    await expect(find(join(wt, 'apps/c'))).rejects.toThrow(
      `${join(wt, 'apps/c')} is a submodule of the repository at ${wt} (its .git is a file), and a root is never taken in one`
    )
    // an outer clone whose git directory is elsewhere (--separate-git-dir), and a worktree of a bare clone: the
    // submodule's git directory is under <dir>/modules (found by review: both were taken for roots)
    const separate = join(tempDir('bg-outer-sep-'), 'outer')
    git(tempDir('bg-outer-sep-cwd-'), 'clone', '-q', '--separate-git-dir', `${separate}.git`, outer, separate)
    const bare = join(tempDir('bg-outer-bare-'), 'outer.git')
    git(tempDir('bg-outer-bare-cwd-'), 'clone', '-q', '--bare', outer, bare)
    const bareWt = join(tempDir('bg-outer-bare-wt-'), 'main')
    git(bare, 'worktree', 'add', '-q', bareWt)
    for (const outerTree of [separate, bareWt]) {
      git(outerTree, '-c', 'protocol.file.allow=always', 'submodule', 'update', '-q', '--init', 'apps/c')
      await expect(find(join(outerTree, 'apps/c'))).rejects.toThrow(
        `${join(outerTree, 'apps/c')} is a submodule of the repository at ${outerTree} (its .git is a file), and a root is never taken in one`
      )
    }
  })

  it('a worktree, or a clone with its .git elsewhere, inside another repository is no submodule: its own root', async () => {
    const outer = repoWith('apps')
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', ...args], {
        cwd,
        encoding: 'utf8'
      })
    git(outer, 'commit', '-q', '--allow-empty', '-m', 'outer')
    git(outer, 'worktree', 'add', '-q', join(outer, 'apps/wt'))
    expect((await find(join(outer, 'apps/wt'))).root).toBe(join(outer, 'apps/wt'))
    const elsewhere = tempDir('bg-separate-git-')
    git(outer, 'clone', '-q', '--separate-git-dir', join(elsewhere, 'git'), outer, join(outer, 'apps/clone'))
    expect((await find(join(outer, 'apps/clone'))).root).toBe(join(outer, 'apps/clone'))
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

  it("gives git's own reason when it is not plainly no repository, and safe.directory the repository's top (found by review)", async () => {
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', ...args], {
        cwd,
        encoding: 'utf8'
      })
    // a worktree whose repository moved: git says so, and `git worktree repair` is the fix
    const outer = repoWith()
    git(outer, 'commit', '-q', '--allow-empty', '-m', 'c')
    const wt = join(tempDir('bg-moved-wt-'), 'wt')
    git(outer, 'worktree', 'add', '-q', wt)
    renameSync(outer, `${outer}-moved`)
    await expect(find(wt)).rejects.toThrow(/^git cannot use the repository at .*wt: not a git repository: /)
    // owned by someone else, asked from a subdirectory: the top is what safe.directory takes
    if (process.getuid?.() === 0) {
      const foreign = repoWith('docs')
      chownSync(join(foreign, '.git'), 4242, 4242)
      await expect(find(join(foreign, 'docs'))).rejects.toThrow(
        `allow it with: git config --global --add safe.directory ${foreign}`
      )
    }
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

describe('discoverTop: the top found without starting git', () => {
  const CLEAN = { PATH: process.env.PATH ?? '' }
  const gitSays = (dir: string): string | null => {
    const r = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8', env: CLEAN })
    return r.status === 0 ? realpathSync(r.stdout.trim()) : null
  }
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', ...args], { cwd, env: CLEAN })

  /** Every layout: where discoverTop answers, it answers as git does; where it is not sure, git is asked. */
  function layouts(): { name: string; dir: string; fast: boolean }[] {
    const top = repoWith('src/deep', 'vendor/inner/lib', 'junk/.git', 'moved', 'sub')
    git(top, 'commit', '-q', '--allow-empty', '-m', 'c')
    // a repository inside the work tree: its own top
    git(join(top, 'vendor/inner'), 'init', '-q')
    // a worktree and a submodule-like checkout: .git is a file
    git(top, 'worktree', 'add', '-q', join(top, 'wt'))
    writeFileSync(join(top, 'sub/.git'), `gitdir: ${join(top, '.git')}\n`)
    // a work tree moved away by core.worktree, and a bare repository
    const moved = repoWith()
    git(moved, 'config', 'core.worktree', join(top, 'moved'))
    const included = repoWith('y')
    writeFileSync(join(included, 'moved.cfg'), `[core]\n\tworktree = ${join(top, 'moved')}\n`)
    git(included, 'config', 'include.path', join(included, 'moved.cfg'))
    const bare = realpathSync(tempDir('bg-root-bare-'))
    git(bare, 'init', '-q', '--bare')
    // a .git owned by someone else: git's safe.directory question
    const foreign = repoWith('x')
    chownSync(join(foreign, '.git'), 4242, 4242)
    // a clone: its config has [remote "origin"] and [branch "main"], and the checkout action's [http "..."]
    const clone = realpathSync(tempDir('bg-root-clone-'))
    git(clone, 'clone', '-q', top, 'c')
    git(join(clone, 'c'), 'config', 'http.https://github.com/.extraheader', 'AUTHORIZATION: basic ***')
    // configs git reads otherwise than a line pattern would (found by review): each one is git's question
    const tricky = (name: string, edit: (dotGit: string) => void) => {
      const r = repoWith('in')
      edit(join(r, '.git'))
      return { name, dir: join(r, 'in'), fast: false }
    }
    const cases = [
      tricky('bare = yes', (g) => appendFileSync(join(g, 'config'), '[core]\n\tbare = yes\n')),
      tricky('bare with no value', (g) => appendFileSync(join(g, 'config'), '[core]\n\tbare\n')),
      tricky('bare continued on the next line', (g) =>
        appendFileSync(join(g, 'config'), '[core]\n\tbare = tr\\\nue\n')
      ),
      tricky('a setting on the header line', (g) =>
        appendFileSync(join(g, 'config'), '[core] worktree = /tmp\n')
      ),
      tricky('an extension after a header', (g) =>
        appendFileSync(join(g, 'config'), '[core] [extensions]\n\tfoo = bar\n')
      ),
      tricky('repository format 2', (g) =>
        appendFileSync(join(g, 'config'), '[core]\n\trepositoryformatversion = 2\n')
      ),
      tricky('a commondir', (g) => writeFileSync(join(g, 'commondir'), `${join(top, '.git')}\n`)),
      tricky('a linked HEAD', (g) => {
        renameSync(join(g, 'HEAD'), join(g, 'HEAD.real'))
        symlinkSync('HEAD.real', join(g, 'HEAD'))
      })
    ]
    // a bare repository inside the work tree: git takes it as the repository, with no work tree
    git(top, 'init', '-q', '--bare', join(top, 'vendor.git'))
    mkdirSync(join(top, 'vendor.git', 'deep'))
    return [
      ...cases,
      { name: 'a clone (remote, branch and http sections)', dir: join(clone, 'c'), fast: true },
      { name: 'a bare repository inside the work tree', dir: join(top, 'vendor.git'), fast: false },
      {
        name: 'below a bare repository inside the work tree',
        dir: join(top, 'vendor.git', 'deep'),
        fast: false
      },
      { name: 'the top', dir: top, fast: true },
      { name: 'a subdirectory', dir: join(top, 'src/deep'), fast: true },
      { name: 'a repository nested in the work tree', dir: join(top, 'vendor/inner/lib'), fast: true },
      {
        name: 'an empty .git directory (no repository: git looks further up)',
        dir: join(top, 'junk'),
        fast: false
      },
      { name: 'inside .git', dir: join(top, '.git/refs'), fast: false },
      { name: 'a worktree (.git is a file)', dir: join(top, 'wt'), fast: false },
      { name: 'a .git file', dir: join(top, 'sub'), fast: false },
      { name: 'core.worktree', dir: moved, fast: false },
      { name: 'core.worktree in an included file', dir: join(included, 'y'), fast: false },
      { name: 'a bare repository', dir: bare, fast: false },
      { name: 'another owner', dir: join(foreign, 'x'), fast: process.getuid?.() === 4242 },
      { name: 'outside any repository', dir: realpathSync(tempDir('bg-root-none-')), fast: false }
    ]
  }

  it('answers as git rev-parse --show-toplevel does, or leaves the question to git', () => {
    for (const { name, dir, fast } of layouts()) {
      const found = discoverTop(dir, CLEAN)
      expect([name, found]).toEqual([name, fast ? gitSays(dir) : null])
      if (fast) expect([name, found]).not.toEqual([name, null])
    }
  })

  it('leaves the question to git when a variable of git’s is set (GIT_DIR, GIT_CEILING_DIRECTORIES, ...)', () => {
    const top = repoWith('a')
    // the others (GIT_SSL_CAINFO, GIT_TERMINAL_PROMPT, ...) say nothing about where the repository is
    expect(discoverTop(join(top, 'a'), { ...CLEAN, GIT_SSL_CAINFO: '/x', GIT_TERMINAL_PROMPT: '0' })).toBe(
      top
    )
    for (const name of [
      'GIT_DIR',
      'GIT_WORK_TREE',
      'GIT_CEILING_DIRECTORIES',
      'GIT_DISCOVERY_ACROSS_FILESYSTEM'
    ])
      expect(discoverTop(join(top, 'a'), { ...CLEAN, [name]: '/' })).toBeNull()
  })

  it('findRoot gives the same root and top with it and through git', async () => {
    const top = repoWith('apps/consumer/src', 'apps/consumer/config')
    writeFileSync(join(top, 'apps/consumer', DEFAULT_POLICY_PATH), '{}\n')
    const start = join(top, 'apps/consumer/src')
    const want = { root: join(top, 'apps/consumer'), top, start }
    // read from .git in an environment without git's variables
    expect(discoverTop(start, CLEAN)).toBe(top)
    const withIt = await find(start)
    // a variable of git's in the environment: findRoot asks git
    const saved = process.env.GIT_CONFIG_NOSYSTEM
    process.env.GIT_CONFIG_NOSYSTEM = '1'
    try {
      expect(discoverTop(start)).toBeNull()
      expect(await find(start)).toEqual(want)
    } finally {
      if (saved === undefined) delete process.env.GIT_CONFIG_NOSYSTEM
      else process.env.GIT_CONFIG_NOSYSTEM = saved
    }
    expect(withIt).toEqual(want)
  })
})
