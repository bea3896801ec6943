// The git layer against real repositories in temporary directories.
import { execFileSync } from 'node:child_process'
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { BlobReader, git, isAncestorCommit, isShallow, resolveCommit } from '../../src/git/git.js'
import { readAtRevision } from '../../src/git/tree-path.js'
import { shallowFromDisk } from '../../src/git/discover.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

function repo(): {
  dir: string
  commit: (files: Record<string, string | Buffer>, message: string) => string
} {
  const dir = tempDir('bg-git-')
  const run = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim()
  run('init', '-q', '-b', 'main')
  run('config', 'user.email', 'test@example.invalid')
  run('config', 'user.name', 'test')
  run('config', 'core.autocrlf', 'false')
  return {
    dir,
    commit(files, message) {
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true })
        writeFileSync(join(dir, path), content)
      }
      run('add', '-A')
      run('commit', '-q', '-m', message)
      return run('rev-parse', 'HEAD')
    }
  }
}

describe('git', () => {
  it('isAncestorCommit: a commit of the branch is an ancestor, one of another branch is not, a bad id is unknown', async () => {
    const r = repo()
    const first = r.commit({ 'a.txt': '1' }, 'first')
    const run = (...args: string[]) => execFileSync('git', args, { cwd: r.dir, encoding: 'utf8' }).trim()
    run('checkout', '-q', '-b', 'side')
    const side = r.commit({ 'b.txt': '2' }, 'side')
    run('checkout', '-q', 'main')
    const main = r.commit({ 'c.txt': '3' }, 'main')
    expect(await isAncestorCommit(r.dir, first, main)).toBe(true)
    expect(await isAncestorCommit(r.dir, main, main)).toBe(true)
    expect(await isAncestorCommit(r.dir, side, main)).toBe(false)
    expect(await isAncestorCommit(r.dir, 'f'.repeat(40), main)).toBeNull()
    expect(await isAncestorCommit(r.dir, '--all', main)).toBeNull()
  })

  it('reads files at a revision byte for byte, CRLF, BOM and binary included, and null for a missing path', async () => {
    const r = repo()
    const crlf = Buffer.from('{\r\n  "a": 1\r\n}\r\n')
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}\n')])
    const binary = Buffer.from([0, 1, 2, 255, 10, 10, 0])
    const first = r.commit({ 'config/a.json': crlf, 'config/b.json': bom, 'bin/x': binary }, 'first')
    r.commit({ 'config/a.json': '{}\n' }, 'second')
    // `config` is a directory: a tree, no file; what follows it is still read exactly
    const blobs = await readAtRevision(r.dir, first, [
      'config/a.json',
      'config',
      'config/b.json',
      'bin/x',
      'nope.json'
    ])
    expect(blobs.get('config/a.json')!.equals(crlf)).toBe(true)
    expect(blobs.get('config')).toBeNull()
    expect(blobs.get('config/b.json')!.equals(bom)).toBe(true)
    expect(blobs.get('bin/x')!.equals(binary)).toBe(true)
    expect(blobs.get('nope.json')).toBeNull()
    const now = await readAtRevision(r.dir, 'HEAD', ['config/a.json'])
    expect(now.get('config/a.json')!.toString()).toBe('{}\n')
  })

  it('serves many requests through one cat-file process, in order', async () => {
    const r = repo()
    const files: Record<string, string> = {}
    for (let i = 0; i < 50; i++) files[`f/${i}.txt`] = `${i}\n`.repeat(i + 1)
    r.commit(files, 'many')
    const reader = new BlobReader(r.dir)
    try {
      const blobs = await Promise.all(Object.keys(files).map((p) => reader.read(`HEAD:${p}`)))
      blobs.forEach((b, i) => {
        expect(b.found).toBe(true)
        if (b.found) expect(b.content.toString()).toBe(files[`f/${i}.txt`])
      })
      await expect(reader.read('HEAD:f/1.txt\nHEAD:f/2.txt')).rejects.toThrow('one line')
    } finally {
      reader.close()
    }
  })

  it('answers a blob over the limit as too large without holding it, and every request after it exactly', async () => {
    const r = repo()
    // 12 MiB of incompressible-looking bytes: git sends it in many chunks, which the reader passes over
    const big = Buffer.alloc(12 * 1024 * 1024)
    for (let i = 0; i < big.length; i += 4) big.writeUInt32LE((i * 2654435761) >>> 0, i)
    const sha = r.commit({ 'big.bin': big, 'a.txt': 'a\n', 'limit.bin': Buffer.alloc(1024, 7) }, 'big')
    const reader = new BlobReader(r.dir, 1024)
    try {
      const answers = await Promise.all([
        reader.read(`${sha}:a.txt`),
        reader.read(`${sha}:big.bin`),
        reader.read(`${sha}:a.txt`),
        reader.read(`${sha}:big.bin`),
        reader.read(`${sha}:limit.bin`),
        reader.read(`${sha}:nope`)
      ])
      const kinds = answers.map((b) =>
        b.found ? `${b.content.length} bytes` : b.tooLarge ? `too large: ${b.tooLarge}` : 'missing'
      )
      expect(kinds).toEqual([
        '2 bytes',
        `too large: ${big.length}`,
        '2 bytes',
        `too large: ${big.length}`,
        '1024 bytes',
        'missing'
      ])
      expect(answers[2]!.found && answers[2]!.content.toString()).toBe('a\n')
    } finally {
      reader.close()
    }
    // the default limit is the one for files on disk: 4 MiB
    expect((await readAtRevision(r.dir, sha, ['big.bin', 'a.txt'])).get('big.bin')).toBeNull()
  })

  it("ends a read a stalled promisor remote holds: git's silence past the deadline is an error, idleness is not", async () => {
    const r = repo()
    const first = r.commit({ 'a.txt': 'a\n' }, 'first')
    r.commit({ 'b.txt': 'b\n' }, 'second')
    execFileSync('git', ['config', 'uploadpack.allowfilter', 'true'], { cwd: r.dir })
    const clone = join(tempDir('bg-git-stall-'), 'clone')
    execFileSync('git', ['clone', '-q', '--no-checkout', '--filter=blob:none', `file://${r.dir}`, clone])
    // the remote answers nothing for longer than the deadline: a lazy fetch git starts for the missing blob waits
    execFileSync('git', ['config', 'remote.origin.uploadpack', 'sleep 20; git-upload-pack'], { cwd: clone })
    const reader = new BlobReader(clone, 1024, 300)
    try {
      // no request for longer than the deadline: nothing fails
      await new Promise((resolve) => setTimeout(resolve, 600))
      expect(await reader.readTree('HEAD^{tree}')).toMatchObject({ found: true })
      await expect(reader.read(`${first}:a.txt`)).rejects.toThrow(
        /^git cat-file answered nothing for 300 ms with requests pending: a partial clone reads what it lacks from its promisor remote, and that remote did not answer \(check it, or check out the whole history without a filter\)$/
      )
      // the reader is done: every later request says why
      await expect(reader.readTree('HEAD^{tree}')).rejects.toThrow(/answered nothing/)
    } finally {
      reader.close()
    }
  })

  it('resolves revisions to full commit ids, and refuses what is not a commit or looks like an option', async () => {
    const r = repo()
    const sha = r.commit({ 'a.txt': 'a\n' }, 'a')
    execFileSync('git', ['tag', 'v1.0.0'], { cwd: r.dir })
    expect(await resolveCommit(r.dir, 'HEAD')).toBe(sha)
    expect(await resolveCommit(r.dir, 'main')).toBe(sha)
    expect(await resolveCommit(r.dir, 'v1.0.0')).toBe(sha)
    expect(await resolveCommit(r.dir, sha.slice(0, 10))).toBe(sha)
    expect(await resolveCommit(r.dir, 'no-such-branch')).toBeNull()
    expect(await resolveCommit(r.dir, '--output=/tmp/x')).toBeNull()
    expect(await resolveCommit(r.dir, 'HEAD:a.txt')).toBeNull() // a blob, not a commit
  })

  it('refuses a repository of SHA-256 object names as such, not as one without commits (found by review)', async () => {
    const dir = tempDir('bg-sha256-')
    execFileSync('git', ['init', '-q', '--object-format=sha256'], { cwd: dir })
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', 'commit', '-q', '--allow-empty', '-m', 'x'],
      {
        cwd: dir
      }
    )
    await expect(resolveCommit(dir, 'HEAD')).rejects.toThrow(
      /names its objects with SHA-256 \(extensions\.objectFormat=sha256\), which baseline-gate does not support/
    )
  })

  it('resolves a relative GIT_DIR from where the command started, not from the directory git runs in (found by review)', async () => {
    const r = repo()
    r.commit({ 'apps/consumer/a.txt': 'a\n' }, 'first')
    const started = process.cwd()
    process.chdir(r.dir)
    process.env.GIT_DIR = '.git'
    try {
      const res = await git(join(r.dir, 'apps/consumer'), ['rev-parse', '--absolute-git-dir'])
      expect([res.code, res.stdout.toString().trim()]).toEqual([0, join(realpathSync(r.dir), '.git')])
    } finally {
      delete process.env.GIT_DIR
      process.chdir(started)
    }
  })

  it('reports a non-zero exit in the result and git failing to run as an error', async () => {
    const r = repo()
    const res = await git(r.dir, ['rev-parse', '--verify', 'nope'])
    expect(res.code).not.toBe(0)
    await expect(git(join(r.dir, 'does-not-exist'), ['status'])).rejects.toThrow(
      /git status: the directory .* does not exist/
    )
  })
})

describe('a shallow clone, told from the git directory', () => {
  it('answers as git rev-parse --is-shallow-repository does: a full repository, a shallow clone, its worktree', async () => {
    const r = repo()
    for (let i = 0; i < 3; i++) r.commit({ 'a.txt': `${i}\n` }, `c${i}`)
    const shallow = tempDir('bg-git-shallow-')
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${r.dir}`, shallow])
    const worktree = join(tempDir('bg-git-wt-'), 'wt')
    execFileSync('git', ['worktree', 'add', '-q', '--detach', worktree], { cwd: shallow })
    const gitSays = async (dir: string) =>
      (await git(dir, ['rev-parse', '--is-shallow-repository'])).stdout.toString().trim() === 'true'
    // the worktree is read by git (its .git is a file): the answer is the same
    for (const [dir, want, fromDisk] of [
      [r.dir, false, false],
      [join(r.dir, '.'), false, false],
      [shallow, true, true],
      [worktree, true, null]
    ] as const) {
      expect([dir, shallowFromDisk(dir, {})]).toEqual([dir, fromDisk])
      expect([dir, await gitSays(dir)]).toEqual([dir, want])
      expect([dir, await isShallow(dir)]).toEqual([dir, want])
    }
    // git's variables (GIT_DIR, GIT_SHALLOW_FILE), or a shallow file that is not a list of commits, are git's
    expect(shallowFromDisk(shallow, { GIT_DIR: join(r.dir, '.git') })).toBeNull()
    expect(shallowFromDisk(r.dir, { GIT_SHALLOW_FILE: join(shallow, '.git', 'shallow') })).toBeNull()
    for (const text of ['', 'garbage\n']) {
      writeFileSync(join(r.dir, '.git', 'shallow'), text)
      expect([text, shallowFromDisk(r.dir, {})]).toEqual([text, null])
    }
  })
})

describe('file history', () => {
  it("is the commits' own with log.showSignature set: a signed commit's signature line is no revision (found by review)", async () => {
    const { revisionsTouching } = await import('../../src/git/history.js')
    const { commitDate } = await import('../../src/git/git.js')
    const r = repo()
    r.commit({ 'pin.json': '{"tag":"v1"}\n' }, 'v1')
    const plain = r.commit({ 'pin.json': '{"tag":"v2"}\n' }, 'v2')
    // the last commit signed: its object with a signature header (git prints "No signature" for it, no key needed)
    const object = execFileSync('git', ['cat-file', 'commit', plain], { cwd: r.dir, encoding: 'utf8' })
    const signed = object.replace(
      /^(committer [^\n]*\n)/m,
      '$1gpgsig -----BEGIN SSH SIGNATURE-----\n AAAA\n -----END SSH SIGNATURE-----\n'
    )
    const sha = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], {
      cwd: r.dir,
      input: signed,
      encoding: 'utf8'
    }).trim()
    execFileSync('git', ['update-ref', 'refs/heads/main', sha], { cwd: r.dir })
    execFileSync('git', ['config', 'log.showSignature', 'true'], { cwd: r.dir })
    expect(execFileSync('git', ['log', '--format=%H'], { cwd: r.dir, encoding: 'utf8' })).toMatch(
      /^No signature/
    )
    const revisions = await revisionsTouching(r.dir, sha, ['pin.json'])
    expect(revisions.map((v) => v.commit)).toHaveLength(2)
    expect(revisions[0]!.commit).toBe(sha)
    expect(revisions.every((v) => /^[0-9a-f]{40}$/.test(v.commit) && !Number.isNaN(Date.parse(v.date)))).toBe(
      true
    )
    expect(await commitDate(r.dir, sha)).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    // a commit dated in the year 10000 (git takes it) is a revision all the same, never dropped (found by review)
    writeFileSync(join(r.dir, 'pin.json'), '{"tag":"v3"}\n')
    execFileSync('git', ['add', '-A'], { cwd: r.dir })
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', 'commit', '-q', '-m', 'far'], {
      cwd: r.dir,
      env: { ...process.env, GIT_COMMITTER_DATE: '@253402300800 +0000' }
    })
    const far = await revisionsTouching(r.dir, 'HEAD', ['pin.json'])
    expect(far).toHaveLength(3)
    expect(far[0]!.date).toBe('10000-01-01T00:00:00+00:00')
  })

  it('lists the revisions of one file, newest first, with their bytes, skipping unrelated commits', async () => {
    const { fileHistory } = await import('../../src/git/history.js')
    const { approvedSince } = await import('../../src/classify/approved-since.js')
    const r = repo()
    const a = r.commit({ 'pin.json': '{"tag":"v1"}\n' }, 'v1')
    r.commit({ 'other.txt': 'x' }, 'unrelated')
    const b = r.commit({ 'pin.json': '{"tag":"v2"}\n' }, 'v2')
    r.commit({ 'other.txt': 'y' }, 'unrelated again')
    const c = r.commit({ 'pin.json': '{"tag":"v2", "timeout": 1}\n' }, 'v2, another field')
    const history = await fileHistory(r.dir, 'HEAD', 'pin.json')
    expect(history.map((h) => h.commit)).toEqual([c, b, a])
    expect(history[2]!.content!.toString()).toBe('{"tag":"v1"}\n')
    const tag = (r: { content: Buffer | null }) =>
      r.content && (JSON.parse(r.content.toString()) as { tag: string }).tag
    // v2 has been current since b (c changed another field, not the baseline)
    expect(approvedSince(history, (r) => tag(r) === 'v2')?.toISOString()).toBe(
      new Date(history[1]!.date).toISOString()
    )
    expect(approvedSince(history, (r) => tag(r) === 'v9')).toBeNull()
    // what is kept of each revision instead of its bytes, read a window at a time
    const tags = await fileHistory(r.dir, 'HEAD', 'pin.json', { keep: (b) => b?.length ?? null })
    expect(tags.map((t) => t.content)).toEqual(history.map((h) => h.content!.length))
  })
})

describe('approvedSince', () => {
  it('a baseline a rollback reinstated was approved when it first was; one never current is not approved', async () => {
    const { approvedSince } = await import('../../src/classify/approved-since.js')
    const rev = (date: string, tag: string) => ({ commit: date, date, tag })
    const history = [
      rev('2026-12-05T10:00:00Z', 'v1'), // the rollback
      rev('2026-12-05T09:00:00Z', 'v2'), // the promotion it undid
      rev('2026-11-15T00:00:00Z', 'v1'), // a repin of the same baseline (another field)
      rev('2026-11-01T00:00:00Z', 'v1') // its approval
    ]
    expect(approvedSince(history, (r) => r.tag === 'v1')?.toISOString()).toBe('2026-11-01T00:00:00.000Z')
    expect(approvedSince(history, (r) => r.tag === 'v2')).toBeNull()
  })
})

describe('a walk read as git finds it', () => {
  it("hands each revision over newest first, can be stopped, and fails with git log's message", async () => {
    const { walkRevisionsTouching } = await import('../../src/git/history.js')
    const r = repo()
    const a = r.commit({ 'pin.json': '1' }, 'one')
    r.commit({ 'other.txt': 'x' }, 'unrelated')
    const b = r.commit({ 'pin.json': '2' }, 'two')
    const head = (await resolveCommit(r.dir, 'HEAD'))!
    const all: string[] = []
    await walkRevisionsTouching(r.dir, head, ['pin.json'], (rev) => all.push(rev.commit)).done
    expect(all).toEqual([b, a])

    const first: string[] = []
    const walk = walkRevisionsTouching(r.dir, head, ['pin.json'], (rev) => {
      first.push(rev.commit)
      walk.stop()
    })
    await walk.done
    expect(first).toEqual([b])

    const bad = walkRevisionsTouching(r.dir, 'f'.repeat(40), ['pin.json'], () => {})
    await expect(bad.done).rejects.toThrow(/^git log f{40} -- pin\.json: fatal: bad object/)
  })
})

describe('a walk begun before the code that reads it has loaded (git/early-walks.ts)', () => {
  it('is taken, with every line git printed before, by a walk asked for in the same words; never by another', async () => {
    const { walkRevisionsTouching, beginWalkRevisionsTouching, revisionsTouching } =
      await import('../../src/git/history.js')
    const { EarlyWalks } = await import('../../src/git/early-walks.js')
    const r = repo()
    const a = r.commit({ 'pin.json': '1' }, 'one')
    r.commit({ 'other.txt': 'x' }, 'unrelated')
    const b = r.commit({ 'pin.json': '2' }, 'two')
    const head = (await resolveCommit(r.dir, 'HEAD'))!
    const early = new EarlyWalks()
    beginWalkRevisionsTouching(early, r.dir, head, ['pin.json'], { firstParent: true })
    expect(early.pending).toBe(1)
    // the same history in another directory (a clone: the same commits)
    const clone = tempDir('bg-git-clone-')
    execFileSync('git', ['clone', '-q', r.dir, clone])
    // other words (no --first-parent, another path, another directory): not the walk begun
    for (const [cwd, paths, firstParent] of [
      [r.dir, ['pin.json'], false],
      [r.dir, ['other.txt'], true],
      [r.dir, ['./pin.json', 'x'], true],
      [clone, ['pin.json'], true]
    ] as const) {
      const seen: string[] = []
      await walkRevisionsTouching(cwd, head, [...paths], (rev) => seen.push(rev.commit), {
        firstParent,
        early
      }).done
      expect(early.pending).toBe(1)
      // git's own answer to those words, not the lines of the walk begun
      const own = await revisionsTouching(cwd, head, [...paths], undefined, firstParent)
      expect(seen).toEqual(own.map((rev) => rev.commit))
    }
    // ... which differs from the begun walk's where the words differ (other.txt: the one unrelated commit)
    expect(await revisionsTouching(r.dir, head, ['other.txt'], undefined, true)).toHaveLength(1)
    // let git finish first: every line is kept until the walk is taken
    await new Promise((resolve) => setTimeout(resolve, 300))
    const taken: string[] = []
    let returned = false
    const walk = walkRevisionsTouching(
      r.dir,
      head,
      ['pin.json'],
      (rev) => {
        // as from git itself, nothing is handed over before the walk is returned
        expect(returned).toBe(true)
        taken.push(rev.commit)
      },
      { firstParent: true, early }
    )
    returned = true
    expect(early.pending).toBe(0)
    await walk.done
    expect(taken).toEqual([b, a])
    // taken once: the same words again start git afresh
    const again: string[] = []
    await walkRevisionsTouching(r.dir, head, ['pin.json'], (rev) => again.push(rev.commit), {
      firstParent: true,
      early
    }).done
    expect(again).toEqual([b, a])
  })

  it('a taken walk stopped hands over nothing more; walks nobody took are stopped; a failure reaches the taker', async () => {
    const { walkRevisionsTouching, beginWalkRevisionsTouching } = await import('../../src/git/history.js')
    const { EarlyWalks } = await import('../../src/git/early-walks.js')
    const r = repo()
    r.commit({ 'pin.json': '1' }, 'one')
    const b = r.commit({ 'pin.json': '2' }, 'two')
    const head = (await resolveCommit(r.dir, 'HEAD'))!
    const early = new EarlyWalks()
    beginWalkRevisionsTouching(early, r.dir, head, ['pin.json'])
    await new Promise((resolve) => setTimeout(resolve, 300))
    const first: string[] = []
    const walk = walkRevisionsTouching(
      r.dir,
      head,
      ['pin.json'],
      (rev) => {
        first.push(rev.commit)
        walk.stop()
      },
      { early }
    )
    await walk.done
    expect(first).toEqual([b])

    // never taken: stopped with the command (a `git` that would take a minute to walk), and its end is no failure
    // of anybody's
    const bin = tempDir('bg-git-slow-')
    writeFileSync(join(bin, 'git'), '#!/bin/sh\nexec sleep 60\n', { mode: 0o755 })
    const path = process.env.PATH
    process.env.PATH = `${bin}:${path ?? ''}`
    const slow = new EarlyWalks()
    try {
      beginWalkRevisionsTouching(slow, r.dir, head, ['pin.json'])
      beginWalkRevisionsTouching(slow, r.dir, head, ['other.txt'])
    } finally {
      process.env.PATH = path
    }
    expect(slow.pending).toBe(2)
    // settles once both processes have ended: at once when stopped; if not, after gitLines' 30 s deadline, past this
    // test's 20 s
    await slow.stopAll()
    expect(slow.pending).toBe(0)
    // asked for now, the walk is a fresh one, with the real git
    const fresh: string[] = []
    await walkRevisionsTouching(r.dir, head, ['pin.json'], (rev) => fresh.push(rev.commit), { early: slow })
      .done
    expect(fresh).toEqual([b, expect.any(String)])

    // git failing before the walk is taken fails the one that takes it, with git's message
    beginWalkRevisionsTouching(early, r.dir, 'f'.repeat(40), ['pin.json'])
    await new Promise((resolve) => setTimeout(resolve, 300))
    const bad = walkRevisionsTouching(r.dir, 'f'.repeat(40), ['pin.json'], () => {}, { early })
    expect(early.pending).toBe(0)
    await expect(bad.done).rejects.toThrow(/^git log f{40} -- pin\.json: fatal: bad object/)
  }, 20_000)
})
