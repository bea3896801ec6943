// HEAD read from .git without starting git (src/git/discover.ts headFromDisk), held to git's own answer: a
// branch, a detached commit, packed refs, an unborn branch, a branch in a folder; and every layout it does not
// know left to git (a worktree, a variable of git's), as is every HEAD or ref git would refuse: a branch name
// that climbs out of refs/, a ref that is a link or holds something else than a commit id.
import { execFileSync, spawnSync } from 'node:child_process'
import {
  appendFileSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { headFromDisk } from '../../src/git/discover.js'
import { readRunContext } from '../../src/git/run-context.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

const CLEAN = { PATH: process.env.PATH ?? '' }
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', ...args], {
    cwd,
    env: CLEAN,
    encoding: 'utf8'
  }).trim()

/** What git answers for HEAD: the commit (null when there is none) and the branch (null when detached). */
function gitSays(dir: string): { commit: string | null; ref: string | null } {
  const commit = spawnSync('git', ['rev-parse', '--verify', '-q', 'HEAD'], {
    cwd: dir,
    env: CLEAN,
    encoding: 'utf8'
  })
  const ref = spawnSync('git', ['symbolic-ref', '-q', 'HEAD'], { cwd: dir, env: CLEAN, encoding: 'utf8' })
  return {
    commit: commit.status === 0 ? commit.stdout.trim() : null,
    ref: ref.status === 0 ? ref.stdout.trim() : null
  }
}

function repo(): string {
  const top = realpathSync(tempDir('bg-head-'))
  git(top, 'init', '-q', '-b', 'main')
  mkdirSync(join(top, 'src/deep'), { recursive: true })
  return top
}

const commit = (top: string, message: string) => {
  git(top, 'commit', '-q', '--allow-empty', '-m', message)
  return git(top, 'rev-parse', 'HEAD')
}

describe('headFromDisk', () => {
  it('answers as git does: unborn, a branch, a branch in a folder, detached, packed, from a subdirectory', () => {
    const top = repo()
    const seen: unknown[] = []
    const check = () => {
      const fromDisk = headFromDisk(join(top, 'src/deep'), CLEAN)
      expect(fromDisk).toEqual(gitSays(top))
      expect(headFromDisk(top, CLEAN)).toEqual(fromDisk)
      seen.push(fromDisk)
    }
    check() // an unborn branch: a branch and no commit
    const first = commit(top, 'one')
    check()
    git(top, 'checkout', '-q', '-b', 'feature/deep/x')
    const second = commit(top, 'two')
    check()
    git(top, 'checkout', '-q', '--detach', first)
    check()
    git(top, 'checkout', '-q', 'feature/deep/x')
    git(top, 'pack-refs', '--all') // the loose refs are gone: packed-refs alone names the commit
    check()
    expect(seen).toEqual([
      { commit: null, ref: 'refs/heads/main' },
      { commit: first, ref: 'refs/heads/main' },
      { commit: second, ref: 'refs/heads/feature/deep/x' },
      { commit: first, ref: null },
      { commit: second, ref: 'refs/heads/feature/deep/x' }
    ])
  })

  it('leaves to git a HEAD or a ref git would refuse or read otherwise', () => {
    const cases: [string, (top: string, sha: string) => void][] = [
      [
        'a branch that climbs out of refs/',
        (top, sha) => {
          writeFileSync(join(top, 'outside'), `${sha}\n`)
          writeFileSync(join(top, '.git/HEAD'), 'ref: refs/../../outside\n')
        }
      ],
      [
        'a branch name git refuses (a component ending in .lock)',
        (top, sha) => {
          mkdirSync(join(top, '.git/refs/heads/x.lock'), { recursive: true })
          writeFileSync(join(top, '.git/refs/heads/x.lock/y'), `${sha}\n`)
          writeFileSync(join(top, '.git/HEAD'), 'ref: refs/heads/x.lock/y\n')
        }
      ],
      [
        'a loose ref that is a link out of the repository',
        (top, sha) => {
          const elsewhere = join(tempDir('bg-head-else-'), 'ref')
          writeFileSync(elsewhere, `${sha}\n`)
          rmSync(join(top, '.git/refs/heads/main'))
          symlinkSync(elsewhere, join(top, '.git/refs/heads/main'))
        }
      ],
      [
        'a loose ref that is a symbolic ref',
        (top) => {
          writeFileSync(join(top, '.git/refs/heads/main'), 'ref: refs/heads/other\n')
        }
      ],
      [
        'a loose ref that is not a commit id',
        (top) => {
          writeFileSync(join(top, '.git/refs/heads/main'), 'not a commit\n')
        }
      ],
      [
        'a packed ref that is not a commit id',
        (top) => {
          git(top, 'pack-refs', '--all')
          const packed = join(top, '.git/packed-refs')
          writeFileSync(
            packed,
            readFileSync(packed, 'utf8').replace(/^[0-9a-f]{40} refs\/heads\/main$/m, 'zz refs/heads/main')
          )
        }
      ]
    ]
    for (const [name, edit] of cases) {
      const top = repo()
      edit(top, commit(top, 'one'))
      expect({ name, head: headFromDisk(top, CLEAN) }).toEqual({ name, head: null })
    }
  })

  // a review set each of these against git: headFromDisk answered, and git answered otherwise or refused the repository
  it('leaves to git every file git reads otherwise than a pattern would (found by review)', () => {
    const packed = (top: string, text: (sha: string, older: string) => string) => {
      const [sha, older] = [git(top, 'rev-parse', 'HEAD'), git(top, 'rev-parse', 'HEAD~1')]
      git(top, 'pack-refs', '--all')
      writeFileSync(join(top, '.git/packed-refs'), text(sha, older))
    }
    const loose = (content: string) => (top: string) =>
      writeFileSync(join(top, '.git/refs/heads/main'), content.replace('SHA', git(top, 'rev-parse', 'HEAD')))
    const config = (line: string) => (top: string) => appendFileSync(join(top, '.git/config'), line)
    const HEADER = '# pack-refs with: peeled fully-peeled sorted \n'
    const cases: [string, (top: string) => void][] = [
      [
        'packed-refs naming the branch twice',
        (t) => packed(t, (a, b) => `${HEADER}${b} refs/heads/main\n${a} refs/heads/main\n`)
      ],
      [
        'packed-refs out of order under "sorted" (git searches by halves)',
        (t) => packed(t, (a) => `${HEADER}${a} refs/tags/z\n${a} refs/heads/main\n`)
      ],
      ['a packed line with a third field', (t) => packed(t, (a) => `${a} refs/heads/main garbage\n`)],
      ['a packed line ending in CR', (t) => packed(t, (a) => `${a} refs/heads/main\r\n`)],
      ['a packed line ending in a space', (t) => packed(t, (a) => `${a} refs/heads/main \n`)],
      ['a packed line separated by a tab', (t) => packed(t, (a) => `${a}\trefs/heads/main\n`)],
      [
        'packed-refs with a line git refuses',
        (t) => packed(t, (a) => `${a} refs/heads/main\nnot a ref line\n`)
      ],
      [
        'packed-refs that opens with another comment',
        (t) => packed(t, (a) => `# a comment\n${a} refs/heads/main\n`)
      ],
      ['packed-refs without its last newline', (t) => packed(t, (a) => `${a} refs/heads/main`)],
      ['a loose ref after a space', loose(' SHA\n')],
      ['a loose ref with a form feed', loose('SHA\f\n')],
      ['a loose ref after a byte-order mark', loose('\ufeffSHA\n')],
      ['a loose ref with something after the id', loose('SHA garbage\n')],
      [
        'a branch name that is not UTF-8, beside a ref of the name it decodes to',
        (t) => {
          writeFileSync(join(t, '.git/refs/heads/\ufffd'), `${git(t, 'rev-parse', 'HEAD')}\n`)
          writeFileSync(join(t, '.git/HEAD'), Buffer.from('ref: refs/heads/\xff\n', 'latin1'))
        }
      ],
      [
        'refs/heads a file',
        (t) => {
          git(t, 'pack-refs', '--all')
          rmSync(join(t, '.git/refs/heads'), { recursive: true })
          writeFileSync(join(t, '.git/refs/heads'), 'x\n')
        }
      ],
      [
        'a branch name longer than a file name may be',
        (t) => writeFileSync(join(t, '.git/HEAD'), `ref: refs/heads/${'x'.repeat(300)}\n`)
      ],
      ['a config value with an open quote', config('[user]\n\tname = "abc\n')],
      ['a config value with an escape git refuses', config('[user]\n\tname = a\\qb\n')],
      ['a config line opening with a vertical tab', config('\v# comment\n')],
      ['a config key after a no-break space', config('[user]\n\u00a0name = x\n')],
      ['core.filemode = maybe', config('[core]\n\tfilemode = maybe\n')],
      ['core.abbrev = notanumber', config('[core]\n\tabbrev = notanumber\n')],
      // git expands ~user/ in a path setting as it reads the config, and fails on an unknown user
      ['core.excludesFile naming an unknown user', config('[core]\n\texcludesFile = ~nosuchuser12/x\n')],
      ['core.attributesFile naming an unknown user', config('[core]\n\tattributesFile = ~nosuchuser12/x\n')]
    ]
    for (const [name, edit] of cases) {
      const top = repo()
      commit(top, 'one')
      commit(top, 'two')
      edit(top)
      expect({ name, head: headFromDisk(top, CLEAN) }).toEqual({ name, head: null })
    }
  })

  it('takes what git writes itself, and what people commonly set in [core]', () => {
    const top = repo()
    const sha = commit(top, 'one')
    appendFileSync(
      join(top, '.git/config'),
      '[core]\n\tautocrlf = input\n\tquotepath = off\n[user]\n\tname = Ann\n'
    )
    git(top, 'pack-refs', '--all')
    expect(headFromDisk(top, CLEAN)).toEqual({ commit: sha, ref: 'refs/heads/main' })
    expect(gitSays(top)).toEqual({ commit: sha, ref: 'refs/heads/main' })
  })

  it("in Actions the run context names the commit checked out, not GITHUB_SHA, when a checkout's ref: made them differ (found by review)", async () => {
    const top = repo()
    const first = commit(top, 'one')
    const second = commit(top, 'two')
    const actions = {
      ...CLEAN,
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'octo/app',
      GITHUB_REF: 'refs/heads/main'
    }
    // the checkout is the triggering commit: GitHub's ref names it
    const same = await readRunContext(top, { ...actions, GITHUB_SHA: second })
    expect([same.commit, same.ref, same.repository]).toEqual([second, 'refs/heads/main', 'octo/app'])
    // checked out elsewhere (actions/checkout with ref:): the commit whose files were read, with its own ref
    git(top, 'checkout', '-q', '--detach', first)
    const other = await readRunContext(top, { ...actions, GITHUB_SHA: second })
    expect([other.commit, other.ref]).toEqual([first, null])
  })

  it('the run context refuses a repository of SHA-256 object names, never records it as one without a commit (found by review)', async () => {
    const top = tempDir('bg-head-sha256-')
    git(top, 'init', '-q', '--object-format=sha256')
    git(top, 'commit', '-q', '--allow-empty', '-m', 'x')
    // its HEAD holds no 40-digit id: left to git, which names a 64-digit one
    expect(headFromDisk(top, CLEAN)).toBeNull()
    await expect(readRunContext(top, CLEAN)).rejects.toThrow(
      /names its objects with SHA-256 \(extensions\.objectFormat=sha256\), which baseline-gate does not support/
    )
  })

  it('leaves a worktree and a variable of git’s to git, and the run context still names the commit', async () => {
    const top = repo()
    const sha = commit(top, 'one')
    git(top, 'worktree', 'add', '-q', '-b', 'wt', join(top, 'wt'))
    expect(headFromDisk(join(top, 'wt'), CLEAN)).toBeNull()
    expect(headFromDisk(top, { ...CLEAN, GIT_DIR: join(top, '.git') })).toBeNull()
    const context = await readRunContext(join(top, 'wt'), CLEAN)
    expect({ commit: context.commit, ref: context.ref }).toEqual({ commit: sha, ref: 'refs/heads/wt' })
    // git's answer through the run context is headFromDisk's: detached, no branch; unborn, the branch
    git(join(top, 'wt'), 'checkout', '-q', '--detach')
    const detached = await readRunContext(join(top, 'wt'), CLEAN)
    expect({ commit: detached.commit, ref: detached.ref }).toEqual({ commit: sha, ref: null })
    git(join(top, 'wt'), 'checkout', '-q', '--orphan', 'fresh')
    const unborn = await readRunContext(join(top, 'wt'), CLEAN)
    expect({ commit: unborn.commit, ref: unborn.ref }).toEqual({ commit: null, ref: 'refs/heads/fresh' })
  })
})
