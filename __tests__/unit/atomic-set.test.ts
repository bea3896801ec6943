// writeFileSet: a set of files in several directories is all old or all new after a crash at ANY operation.
import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  rmSync,
  symlinkSync,
  readdirSync,
  readFileSync,
  realpathSync,
  writeFileSync
} from 'node:fs'
import { basename, dirname, join, relative } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import {
  journalPath,
  journalsLeft,
  journalState,
  lockSet,
  nodeSetFs,
  recoverFileSet,
  writeFileSet
} from '../../src/fs/atomic-set.js'
import type { SetFs, SetWrite } from '../../src/fs/atomic-set.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'
import { bundleModule, runModuleCode } from '../helpers/module-bundle.js'

afterAll(cleanupFixtures)

const OLD = [Buffer.from('{"mirror":1}\n'), Buffer.from('# matrix, old\n'), Buffer.from([0, 1, 2, 0xff])]
const NEW = [
  Buffer.from('{"mirror":2,"more":true}\n'),
  Buffer.from('# matrix, new\n| row |\n'),
  Buffer.from('{}\n')
]

interface SetFixture {
  root: string
  journal: string
  paths: string[]
  writes: SetWrite[]
}

/** Three files in two directories (pin last, as repin orders them); `existing: false` leaves them absent. */
function setFixture({ existing = true, sub = '' } = {}): SetFixture {
  const root = tempDir('bg-set-')
  const paths = ['config/mirror.json', 'docs/MATRIX.md', 'config/pin.json'].map((p) => join(root, sub, p))
  if (existing) {
    paths.forEach((p, i) => {
      mkdirSync(dirname(p), { recursive: true })
      writeFileSync(p, OLD[i]!)
    })
  }
  return {
    root,
    journal: journalPath(root, 'repin-test'),
    paths,
    writes: paths.map((path, i) => ({ path, content: NEW[i]! }))
  }
}

const contents = (paths: string[]) => paths.map((p) => (existsSync(p) ? readFileSync(p) : null))
const same = (a: (Buffer | null)[], b: (Buffer | null)[]) =>
  a.length === b.length && a.every((x, i) => (x === null ? b[i] === null : b[i] !== null && x.equals(b[i]!)))

/** 'old' or 'new' when the set is whole; fails the test on a mix. */
function wholeSet(fx: SetFixture, old: (Buffer | null)[]): 'old' | 'new' {
  const now = contents(fx.paths)
  if (same(now, NEW)) return 'new'
  if (same(now, old)) return 'old'
  throw new Error(`a mixed set: ${now.map((b) => b?.toString('hex') ?? 'missing').join(' | ')}`)
}

/** Nothing but the targets in their directories: no staged copy, no temporary file, no journal. */
function expectClean(fx: SetFixture): void {
  for (const dir of new Set(fx.paths.map((p) => dirname(p)))) {
    if (!existsSync(dir)) continue
    const expected = fx.paths.filter((p) => dirname(p) === dir && existsSync(p)).map((p) => basename(p))
    expect(readdirSync(dir).sort()).toEqual(expected.sort())
  }
  expect(existsSync(fx.journal)).toBe(false)
  if (existsSync(dirname(fx.journal))) expect(readdirSync(dirname(fx.journal))).toEqual([])
}

/** nodeSetFs with a hook before every operation (the hook may throw: the operation then never happens). */
function hookedFs(before: (op: keyof SetFs, path: string) => void): SetFs {
  return {
    writeFile(path, data) {
      before('writeFile', path)
      nodeSetFs.writeFile(path, data)
    },
    rename(from, to) {
      before('rename', from)
      nodeSetFs.rename(from, to)
    },
    rm(path) {
      before('rm', path)
      nodeSetFs.rm(path)
    },
    readFile(path) {
      before('readFile', path)
      return nodeSetFs.readFile(path)
    },
    mkdir(path) {
      before('mkdir', path)
      nodeSetFs.mkdir(path)
    }
  }
}

function countingFs(log: [keyof SetFs, string][]): SetFs {
  return hookedFs((op, path) => log.push([op, path]))
}

/** Performs the first `after` operations, then throws on that call and every later one: a dead process. */
function dyingFs(after: number): SetFs {
  let calls = 0
  return hookedFs(() => {
    if (calls++ >= after) throw new Error(`simulated crash at operation ${after}`)
  })
}

/** Throws once, at operation `at`, then works again: a transient failure, the process goes on. */
function flakyFs(at: number): SetFs {
  let calls = 0
  return hookedFs(() => {
    if (calls++ === at) throw new Error(`transient failure at operation ${at}`)
  })
}

/** The operations of a successful run, and where the journal is written (prepared, then committed). */
function successfulRun(): { total: number; prepared: number; committed: number } {
  const fx = setFixture()
  const log: [keyof SetFs, string][] = []
  writeFileSet(fx.journal, fx.writes, countingFs(log))
  const journalWrites = log.flatMap(([op, path], i) => (op === 'writeFile' && path === fx.journal ? [i] : []))
  expect(journalWrites).toHaveLength(2)
  return { total: log.length, prepared: journalWrites[0]!, committed: journalWrites[1]! }
}

const noStackTrace = (message: string) => expect(message).not.toMatch(/\n\s+at /)

function thrown(run: () => unknown): Error {
  try {
    run()
  } catch (e) {
    return e as Error
  }
  throw new Error('expected an error')
}

describe('writeFileSet', () => {
  it('writes a set of three files in two directories, leaving no staged file or journal', () => {
    const fx = setFixture()
    writeFileSet(fx.journal, fx.writes)
    expect(wholeSet(fx, OLD)).toBe('new')
    expectClean(fx)
  })

  it('a successful 3-file write is 16 operations: the journal, three staged copies, the commit, three renames', () => {
    const fx = setFixture()
    const log: [keyof SetFs, string][] = []
    writeFileSet(fx.journal, fx.writes, countingFs(log))
    const staged = (p: string) => join(dirname(p), `.${basename(p)}.baseline-gate-staged`)
    expect(log).toEqual([
      ['readFile', fx.journal],
      ...fx.paths.map((p) => ['readFile', p]),
      ['mkdir', dirname(fx.journal)],
      ['mkdir', join(fx.root, 'config')],
      ['mkdir', join(fx.root, 'docs')],
      ['writeFile', fx.journal],
      ...fx.paths.map((p) => ['writeFile', staged(p)]),
      ['writeFile', fx.journal],
      ...fx.paths.map((p) => ['rename', staged(p)]), // in the given order: the pin last
      ['rm', fx.journal]
    ])
  })

  it('a crash at EVERY operation leaves the whole old or the whole new set, and a re-run finishes', () => {
    const { total, prepared, committed } = successfulRun()
    const seen = { none: 0, discarded: 0, completed: 0 }
    for (let n = 0; n <= total; n++) {
      const fx = setFixture()
      if (n < total) {
        const err = thrown(() => writeFileSet(fx.journal, fx.writes, dyingFs(n)))
        expect(err.message).toContain(`simulated crash at operation ${n}`)
        noStackTrace(err.message)
        // a dead process cannot undo or roll forward: the message says what the next run does
        if (n > committed) expect(err.message).toContain('a re-run of the same command finishes the job')
        else if (n > prepared) expect(err.message).toContain('removed by the next run')
      } else {
        writeFileSet(fx.journal, fx.writes, dyingFs(n)) // dies after its last operation: nothing left to do
      }
      const recovery = recoverFileSet(fx.journal)
      seen[recovery]++
      // before the journal exists there is nothing to recover; before the commit point the old set comes back
      const expected =
        n <= prepared ? 'none' : n <= committed ? 'discarded' : n < total ? 'completed' : 'none'
      expect([n, recovery]).toEqual([n, expected])
      expect([n, wholeSet(fx, OLD)]).toEqual([n, n <= committed ? 'old' : 'new'])
      expectClean(fx)

      writeFileSet(fx.journal, fx.writes)
      expect(wholeSet(fx, OLD)).toBe('new')
      expectClean(fx)
    }
    expect(seen).toEqual({
      none: prepared + 2,
      discarded: committed - prepared,
      completed: total - committed - 1
    })
  })

  it('after a crash, writeFileSet itself recovers the leftover journal first', () => {
    const { total } = successfulRun()
    for (let n = 0; n < total; n++) {
      const fx = setFixture()
      expect(() => writeFileSet(fx.journal, fx.writes, dyingFs(n))).toThrow()
      writeFileSet(fx.journal, fx.writes)
      expect(wholeSet(fx, OLD)).toBe('new')
      expectClean(fx)
    }
  })

  it('one transient failure at any operation: whole old (with a clear message) or whole new, no recovery needed', () => {
    const { total, committed } = successfulRun()
    for (let n = 0; n < total; n++) {
      const fx = setFixture()
      if (n <= committed) {
        // before the commit point: undone, the old set stays, the caller hears why
        const err = thrown(() => writeFileSet(fx.journal, fx.writes, flakyFs(n)))
        expect(err.message).toMatch(/^could not (write .*config\/mirror\.json|read the journal)/)
        expect(err.message).toContain(`transient failure at operation ${n}`)
        if (n > 0) expect(err.message).toContain('Nothing was changed.')
        noStackTrace(err.message)
        expect([n, wholeSet(fx, OLD)]).toEqual([n, 'old'])
      } else {
        // after it: rolled forward at once
        writeFileSet(fx.journal, fx.writes, flakyFs(n))
        expect([n, wholeSet(fx, OLD)]).toEqual([n, 'new'])
      }
      expectClean(fx)
    }
  })

  it('creates targets that did not exist (and their directories), and a crash recovers them to absent or new', () => {
    const fresh = setFixture({ existing: false, sub: 'new/dir' })
    writeFileSet(fresh.journal, fresh.writes)
    expect(wholeSet(fresh, [null, null, null])).toBe('new')
    expectClean(fresh)

    const { total, committed } = successfulRun()
    for (let n = 0; n < total; n++) {
      const fx = setFixture({ existing: false, sub: 'new/dir' })
      expect(() => writeFileSet(fx.journal, fx.writes, dyingFs(n))).toThrow(/simulated crash/)
      const journal = existsSync(fx.journal)
        ? (JSON.parse(readFileSync(fx.journal, 'utf8')) as { files: { old_sha256: unknown }[] })
        : null
      if (journal) expect(journal.files.map((f) => f.old_sha256)).toEqual([null, null, null])
      recoverFileSet(fx.journal)
      expect([n, wholeSet(fx, [null, null, null])]).toEqual([n, n <= committed ? 'old' : 'new'])
      expectClean(fx)
    }
  })

  it('a set already on disk writes nothing: no journal, no staged copy, only reads', () => {
    const fx = setFixture()
    writeFileSet(fx.journal, fx.writes)
    const log: [keyof SetFs, string][] = []
    writeFileSet(fx.journal, fx.writes, countingFs(log))
    expect(log.map(([op]) => op)).toEqual(['readFile', 'readFile', 'readFile', 'readFile'])
    expect(wholeSet(fx, OLD)).toBe('new')
    expectClean(fx)
  })

  it('refuses relative and repeated paths before touching anything', () => {
    const fx = setFixture()
    expect(() => writeFileSet(fx.journal, [{ path: 'config/pin.json', content: 'x' }])).toThrow(
      'config/pin.json is not an absolute path'
    )
    expect(() => writeFileSet(fx.journal, [fx.writes[0]!, fx.writes[0]!])).toThrow('is listed twice')
    expect(wholeSet(fx, OLD)).toBe('old')
    expectClean(fx)
  })
})

describe('recoverFileSet', () => {
  it('without a journal: none, nothing touched', () => {
    const fx = setFixture()
    expect(recoverFileSet(fx.journal)).toBe('none')
    expect(wholeSet(fx, OLD)).toBe('old')
  })

  it.each([
    ['that is not JSON', '{"state": "committ'],
    ['that is empty', ''],
    ['that is JSON but not a journal', '{"state":"committed","files":[]}'],
    ['naming a staged path that is not its target’s own', 'TAMPERED']
  ])('a journal %s: a clear error naming the journal, nothing touched', (_what, text) => {
    const fx = setFixture()
    if (text === 'TAMPERED') {
      expect(() => writeFileSet(fx.journal, fx.writes, dyingFs(successfulRun().committed + 1))).toThrow()
      const j = JSON.parse(readFileSync(fx.journal, 'utf8')) as { files: { staged: string }[] }
      j.files[0]!.staged = join(fx.root, 'elsewhere')
      text = JSON.stringify(j)
    }
    mkdirSync(dirname(fx.journal), { recursive: true })
    writeFileSync(fx.journal, text)
    const before = contents(fx.paths)
    for (const run of [() => recoverFileSet(fx.journal), () => writeFileSet(fx.journal, fx.writes)]) {
      const err = thrown(run)
      expect(err.message).toContain(
        `the journal ${fx.journal} of an interrupted baseline-gate write cannot be read`
      )
      expect(err.message).toContain('Inspect the files it lists')
      expect(err.message).toContain(`then delete ${fx.journal}`)
      noStackTrace(err.message)
    }
    expect(same(contents(fx.paths), before)).toBe(true)
    expect(existsSync(fx.journal)).toBe(true)
  })

  it('a committed target changed since the crash: an error naming it, and the journal is kept', () => {
    const fx = setFixture()
    // crash on the last operation: every rename done, the journal still there
    expect(() => writeFileSet(fx.journal, fx.writes, dyingFs(successfulRun().total - 1))).toThrow()
    writeFileSync(fx.paths[1]!, 'edited by hand\n')
    const err = thrown(() => recoverFileSet(fx.journal))
    expect(err.message).toContain(`${fx.paths[1]} should hold the new content`)
    expect(err.message).toContain('it was changed')
    expect(err.message).toContain(`the journal ${fx.journal} is kept`)
    noStackTrace(err.message)
    expect(existsSync(fx.journal)).toBe(true)
  })

  it('a committed set with a damaged staged copy: nothing renamed, an error naming it, the journal kept', () => {
    const fx = setFixture()
    const { committed } = successfulRun()
    expect(() => writeFileSet(fx.journal, fx.writes, dyingFs(committed + 1))).toThrow()
    const staged = join(fx.root, 'config', '.pin.json.baseline-gate-staged')
    writeFileSync(staged, 'damaged')
    const err = thrown(() => recoverFileSet(fx.journal))
    expect(err.message).toContain(`${staged}, the staged copy of ${fx.paths[2]}, is not the content recorded`)
    expect(err.message).toContain('is kept')
    expect(wholeSet(fx, OLD)).toBe('old')
    expect(existsSync(fx.journal)).toBe(true)
  })
})

describe('recoverFileSet after a hand, a copy or another run (found by review)', () => {
  it('a set restored from git by hand after a crash past the commit point: the write is dropped whole, nothing renamed', () => {
    const fx = setFixture()
    const { committed } = successfulRun()
    // the first rename done, then the crash: a mixed set, which the operator puts back (git checkout -- .)
    expect(() => writeFileSet(fx.journal, fx.writes, dyingFs(committed + 2))).toThrow()
    fx.paths.forEach((p, i) => writeFileSync(p, OLD[i]!))
    expect(recoverFileSet(fx.journal)).toBe('discarded')
    expect(wholeSet(fx, OLD)).toBe('old')
    expectClean(fx)
  })

  it('a set one file of which was put back by hand: nothing renamed (never two new files beside an old one), the journal kept', () => {
    const fx = setFixture()
    const { committed } = successfulRun()
    // two renames done (the mirror and the matrix new), the pin's staged copy still there; the mirror put back
    expect(() => writeFileSet(fx.journal, fx.writes, dyingFs(committed + 3))).toThrow()
    writeFileSync(fx.paths[0]!, OLD[0]!)
    const before = contents(fx.paths)
    const err = thrown(() => recoverFileSet(fx.journal))
    expect(err.message).toContain(
      `${fx.paths[0]} should hold the new content of an interrupted write, but it holds the old content`
    )
    expect(err.message).toContain('nothing was renamed')
    expect(same(contents(fx.paths), before)).toBe(true)
    expect(existsSync(fx.journal)).toBe(true)
  })

  it("a copy of the repository finishes its own files, never the original's: the journal names them relative to itself", () => {
    const fx = setFixture()
    const { committed } = successfulRun()
    expect(() => writeFileSet(fx.journal, fx.writes, dyingFs(committed + 2))).toThrow()
    const original = contents(fx.paths)
    const copyRoot = tempDir('bg-set-copy-')
    cpSync(fx.root, copyRoot, { recursive: true })
    const copy: SetFixture = {
      root: copyRoot,
      journal: journalPath(copyRoot, 'repin-test'),
      paths: fx.paths.map((p) => join(copyRoot, relative(fx.root, p))),
      writes: []
    }
    expect(recoverFileSet(copy.journal)).toBe('completed')
    expect(wholeSet(copy, OLD)).toBe('new')
    expectClean(copy)
    // the original is as the crash left it, its journal there to finish it
    expect(same(contents(fx.paths), original)).toBe(true)
    expect(existsSync(fx.journal)).toBe(true)
  })

  it("one run at a time on a set: a live run's lock refuses (nothing changed); a dead run's, or one naming no process, is taken over", () => {
    const fx = setFixture()
    const lockFile = journalPath(fx.root, 'trio-x').replace(/\.journal\.json$/, '.lock')
    const release = lockSet(fx.root, 'trio-x', 'the trio of x')
    expect(readFileSync(lockFile, 'utf8')).toMatch(new RegExp(`^${process.pid} \\S*\\n$`))
    // another process holds it
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' })
    try {
      writeFileSync(lockFile, `${holder.pid}\n`)
      const err = thrown(() => lockSet(fx.root, 'trio-x', 'the trio of x'))
      expect(err).toMatchObject({ name: 'FileSetError', nothingChanged: true })
      expect(err.message).toBe(
        `another baseline-gate run (pid ${holder.pid}) is working on the trio of x (its lock is ${lockFile}): wait for it to end, then run again; if no run is going on, delete ${lockFile}. Nothing was changed.`
      )
    } finally {
      holder.kill('SIGKILL')
    }
    // a process that has ended, this very process (a container's pid 1 after a crash), an empty file: stale
    for (const stale of [`${spawnSync(process.execPath, ['-e', '0']).pid}\n`, `${process.pid}\n`, '']) {
      writeFileSync(lockFile, stale)
      lockSet(fx.root, 'trio-x', 'the trio of x')()
      expect(existsSync(lockFile)).toBe(false)
    }
    release()
    expect(readdirSync(dirname(lockFile))).toEqual([])
  })

  it("an ended run's lock is taken over under a takeover lock: a run taking it over meanwhile holds it, and one that ended doing so is named (two runs finding it ended took it both)", async () => {
    const fx = setFixture()
    const lockFile = journalPath(fx.root, 'trio-x').replace(/\.journal\.json$/, '.lock')
    const guard = `${lockFile}.takeover`
    mkdirSync(dirname(lockFile), { recursive: true })
    const ended = `${spawnSync(process.execPath, ['-e', '0']).pid}\n`
    writeFileSync(lockFile, ended)
    // another run is taking the ended lock over: it is the holder, and the lock is left to it
    const taker = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' })
    try {
      writeFileSync(guard, `${taker.pid}\n`)
      expect(thrown(() => lockSet(fx.root, 'trio-x', 'the trio of x')).message).toBe(
        `another baseline-gate run (pid ${taker.pid}) is working on the trio of x (its lock is ${guard}): wait for it to end, then run again; if no run is going on, delete ${guard}. Nothing was changed.`
      )
      expect(readFileSync(lockFile, 'utf8')).toBe(ended)
    } finally {
      taker.kill('SIGKILL')
    }
    if (taker.exitCode === null && taker.signalCode === null)
      await new Promise((done) => taker.once('exit', done))
    // a run that ended while taking it over (killed in between): named, never waited for in silence
    expect(thrown(() => lockSet(fx.root, 'trio-x', 'the trio of x')).message).toBe(
      `the trio of x is locked by ${guard}, which no running process holds: if no baseline-gate run is going on, delete ${guard}, then run again. Nothing was changed.`
    )
    rmSync(guard)
    lockSet(fx.root, 'trio-x', 'the trio of x')()
    expect(readdirSync(dirname(lockFile))).toEqual([])
  })

  it('a FIFO planted at the lock path is no run holding it: taken over, never waited on (found by review: the run hung)', () => {
    const fx = setFixture()
    const lockFile = journalPath(fx.root, 'trio-x').replace(/\.journal\.json$/, '.lock')
    mkdirSync(dirname(lockFile), { recursive: true })
    execFileSync('mkfifo', [lockFile])
    const bundle = bundleModule('fs/atomic-set.ts')
    // in a child with a bound: a blocking open would hang this test's own process
    const r = runModuleCode(`import { lockSet } from ${JSON.stringify(bundle)}
lockSet(${JSON.stringify(fx.root)}, 'trio-x', 'x')()
console.log('taken and released')`)
    expect([r.signal, r.stdout, r.stderr]).toEqual([null, 'taken and released', ''])
    expect(existsSync(lockFile)).toBe(false)
  })

  it("runs started at once on an ended run's lock: never two holding it at the same time", async () => {
    const fx = setFixture()
    const lockFile = journalPath(fx.root, 'trio-x').replace(/\.journal\.json$/, '.lock')
    mkdirSync(dirname(lockFile), { recursive: true })
    const bundle = bundleModule('fs/atomic-set.ts')
    // each run waits for the same instant, takes the lock and holds it 150 ms; while it holds it, it holds a file
    // made with O_EXCL too, which a second holder at the same time could not make (no clocks compared)
    const holding = join(dirname(bundle), 'holding')
    const run = (at: number) =>
      new Promise<string>((resolve, reject) =>
        execFile(
          process.execPath,
          [
            '--input-type=module',
            '-e',
            `import { lockSet } from ${JSON.stringify(bundle)}
import { rmSync, writeFileSync } from 'node:fs'
while (Date.now() < ${at}) {}
let release
try {
  release = lockSet(${JSON.stringify(fx.root)}, 'trio-x', 'x')
} catch (e) {
  console.log(e.message)
  process.exit(0)
}
try {
  writeFileSync(${JSON.stringify(holding)}, '', { flag: 'wx' })
} catch {
  console.log('held by two runs at once')
  process.exit(0)
}
const until = Date.now() + 150
while (Date.now() < until) {}
rmSync(${JSON.stringify(holding)})
release()
console.log('held')`
          ],
          (e, out) => (e ? reject(e) : resolve(out.trim()))
        )
      )
    const outs: string[] = []
    for (let round = 0; round < 3; round++) {
      writeFileSync(lockFile, `${spawnSync(process.execPath, ['-e', '0']).pid}\n`)
      const at = Date.now() + 1000
      outs.push(...(await Promise.all([run(at), run(at), run(at), run(at)])))
    }
    expect(outs.filter((o) => o === 'held').length).toBeGreaterThanOrEqual(3)
    for (const o of outs.filter((o) => o !== 'held'))
      expect(o).toMatch(/^another baseline-gate run \(pid \d+\) is working on x/)
  })

  it("never works through a tool directory a step replaced, nor removes a lock that is no longer its own, nor judges another namespace's pid (found by review)", () => {
    const fx = setFixture()
    const lockFile = journalPath(fx.root, 'trio-x').replace(/\.journal\.json$/, '.lock')
    const dir = dirname(lockFile)
    // a link out of the repository in the tool directory's place: nothing made there
    const outside = tempDir('bg-lock-outside-')
    mkdirSync(dirname(dir), { recursive: true })
    symlinkSync(outside, dir)
    const err = thrown(() => lockSet(fx.root, 'trio-x', 'the trio of x'))
    expect(err.message).toBe(
      `${dir} is not baseline-gate's own directory (it is a symbolic link): nothing is written through it; remove it, then run again. Nothing was changed.`
    )
    expect(() => writeFileSet(fx.journal, fx.writes)).toThrow("is not baseline-gate's own directory")
    expect(readdirSync(outside)).toEqual([])
    rmSync(dir)
    // a lock replaced by another run's is left to it
    const release = lockSet(fx.root, 'trio-x', 'the trio of x')
    writeFileSync(lockFile, '424242 pid:[1]\n')
    release()
    expect(readFileSync(lockFile, 'utf8')).toBe('424242 pid:[1]\n')
    // a pid of another namespace (another container) cannot be told dead: held
    expect(() => lockSet(fx.root, 'trio-x', 'the trio of x')).toThrow(
      'another baseline-gate run (pid 424242)'
    )
  })

  it('a journal naming a file outside the repository is refused whole: nothing written or removed there (found by review)', () => {
    const fx = setFixture()
    const { committed } = successfulRun()
    expect(() => writeFileSet(fx.journal, fx.writes, dyingFs(committed + 2))).toThrow()
    const outside = tempDir('bg-set-outside-')
    const victim = join(outside, 'victim.txt')
    writeFileSync(victim, 'original\n')
    writeFileSync(join(outside, '.victim.txt.baseline-gate-staged'), 'EVIL\n')
    // the journal edited to name the file outside, relative to itself
    const journal = JSON.parse(readFileSync(fx.journal, 'utf8')) as {
      files: { target: string; staged: string }[]
    }
    journal.files[0]!.target = relative(dirname(fx.journal), victim)
    journal.files[0]!.staged = relative(
      dirname(fx.journal),
      join(outside, '.victim.txt.baseline-gate-staged')
    )
    writeFileSync(fx.journal, JSON.stringify(journal))
    const err = thrown(() => recoverFileSet(fx.journal, nodeSetFs, fx.root))
    expect(err.message).toContain(`names ${victim}, which is not in this repository (${fx.root})`)
    expect(readFileSync(victim, 'utf8')).toBe('original\n')
    expect(existsSync(join(outside, '.victim.txt.baseline-gate-staged'))).toBe(true)
    expect(existsSync(fx.journal)).toBe(true)
  })
})

describe('journalState', () => {
  it('says how far an interrupted write got: prepared (no file changed), committed, not ours, none', () => {
    const fx = setFixture()
    const { prepared, committed } = successfulRun()
    expect(journalState(fx.journal)).toBeNull()
    expect(() => writeFileSet(fx.journal, fx.writes, dyingFs(prepared + 2))).toThrow()
    expect(journalState(fx.journal)).toBe('prepared')
    expect(recoverFileSet(fx.journal)).toBe('discarded')
    expect(() => writeFileSet(fx.journal, fx.writes, dyingFs(committed + 2))).toThrow()
    expect(journalState(fx.journal)).toBe('committed')
    writeFileSync(fx.journal, '{}')
    expect(journalState(fx.journal)).toBe('unreadable')
  })
})

describe('journalPath', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync(
      'git',
      [
        '-c',
        'user.name=T',
        '-c',
        'user.email=t@example.invalid',
        '-c',
        'commit.gpgsign=false',
        '-c',
        'init.defaultBranch=main',
        ...args
      ],
      { cwd, encoding: 'utf8' }
    ).trim()
  /** Compared through realpath: git reports resolved paths. */
  const gitDirOf = (journal: string) => realpathSync(dirname(dirname(journal)))

  it('inside the .git directory of a repository, also for a root in a subdirectory of it', () => {
    const repo = tempDir('bg-set-git-')
    git(repo, 'init', '-q')
    expect(journalPath(repo, 'repin-memorykernel')).toBe(
      join(repo, '.git', 'baseline-gate', 'repin-memorykernel.journal.json')
    )
    const sub = join(repo, 'packages', 'consumer')
    mkdirSync(sub, { recursive: true })
    // a root below the top has journals of its own: two consumers of a monorepo share none (found by review)
    const digest = (place: string) => createHash('sha256').update(place).digest('hex').slice(0, 12)
    expect(journalPath(sub, 'repin-x')).toBe(
      join(
        repo,
        '.git',
        'baseline-gate',
        `repin-x.at-packages_consumer-${digest('packages/consumer')}.journal.json`
      )
    )
    // places that read alike are told apart (found by review)
    const names = ['apps/x/y', 'apps/x_y', 'apps/a b', 'apps/a@b'].map((place) =>
      journalPath(join(repo, place), 'repin-x')
    )
    expect(new Set(names).size).toBe(4)
  })

  it('journalsLeft names each journal as journalPath does, and knows which files of their directory are there', () => {
    const repo = tempDir('bg-set-left-')
    git(repo, 'init', '-q')
    for (const root of [repo, join(repo, 'apps', 'web')]) {
      mkdirSync(root, { recursive: true })
      // nothing left yet: the directory is not even there
      const before = journalsLeft(root)
      for (const name of ['repin-a', 'rollback-a', 'migrate-b.c']) {
        expect(before.path(name)).toBe(journalPath(root, name))
        expect(before.mayBeLeft(before.path(name))).toBe(false)
      }
      expect(() => before.path('../x')).toThrow(/journal name "..\/x": letters, digits/)
      mkdirSync(dirname(before.path('repin-a')), { recursive: true })
      writeFileSync(before.path('repin-a'), '{}')
      const after = journalsLeft(root)
      expect(after.mayBeLeft(after.path('repin-a'))).toBe(true)
      expect(after.mayBeLeft(after.path('rollback-a'))).toBe(false)
      // a file elsewhere is never said to be missing
      expect(after.mayBeLeft(join(root, 'other.json'))).toBe(true)
    }
    const plain = tempDir('bg-set-nogit-')
    expect(journalsLeft(plain).path('repin-a')).toBe(join(plain, '.baseline-gate', 'repin-a.journal.json'))
  })

  it('in a worktree, inside the git directory its .git file names (relative or absolute, as git writes it)', () => {
    const base = tempDir('bg-set-wt-')
    const main = join(base, 'main')
    mkdirSync(main)
    git(main, 'init', '-q')
    git(main, 'commit', '-q', '--allow-empty', '-m', 'init')
    git(main, 'worktree', 'add', '-q', join(base, 'wt'))
    const journal = journalPath(join(base, 'wt'), 'repin-x')
    expect(journal.endsWith(join('baseline-gate', 'repin-x.journal.json'))).toBe(true)
    expect(gitDirOf(journal)).toBe(git(join(base, 'wt'), 'rev-parse', '--absolute-git-dir'))

    // a hand-written, relative gitdir line (as submodules use)
    const sm = join(base, 'sm')
    mkdirSync(join(base, 'modules', 'sm'), { recursive: true })
    mkdirSync(sm)
    writeFileSync(join(sm, '.git'), 'gitdir: ../modules/sm\n')
    expect(journalPath(sm, 'repin-x')).toBe(
      join(base, 'modules', 'sm', 'baseline-gate', 'repin-x.journal.json')
    )
  })

  it('without git: under <root>/.baseline-gate', () => {
    const root = tempDir('bg-set-nogit-')
    expect(journalPath(root, 'repin-x')).toBe(join(root, '.baseline-gate', 'repin-x.journal.json'))
  })

  it('refuses a name that is not a plain file name', () => {
    expect(() => journalPath(tempDir(), '../x')).toThrow('journal name')
  })
})
