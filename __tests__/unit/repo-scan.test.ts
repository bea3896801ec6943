// The work health does once per run: the repository scan every baseline's adapter rules share, and the evidence
// written in one batch. Both must answer exactly as the per-baseline versions did.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import { createEvidenceStore, EvidenceDirError } from '../../src/fs/evidence-store.js'
import { listFiles } from '../../src/fs/listing.js'
import { MAX_FILE_BYTES, readRepoFile } from '../../src/fs/read.js'
import { createRepoScan, filesContaining } from '../../src/fs/scan.js'
import { adapterFindings } from '../../src/operations/adapter-input.js'
import type { BaselinePolicy } from '../../src/policy/types.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

function repo(files: Record<string, string>): string {
  const root = tempDir('bg-scan-')
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true })
    writeFileSync(join(root, rel), text)
  }
  return root
}

/**
 * Directories below `root`/src, made one level at a time from inside them, the last one's real path exactly `length`
 * characters long, and a file `leak.ts` of `text` in it; remove() removes them as they were made (a removal by full
 * path fails where the path is too long).
 */
function deepDirectory(root: string, length: number, text: string): { chain: string; remove: () => void } {
  const base = join(realpathSync(root), 'src')
  const names: string[] = []
  let left = length - base.length
  while (left > 0) {
    // a name of 10 to 250 characters, each after a slash, and the last one ending exactly at the length
    const name = left - 1 > 250 + 11 ? 250 : left - 1 > 250 ? left - 1 - 11 : left - 1
    names.push('d'.repeat(name))
    left -= name + 1
  }
  execFileSync('bash', [
    '-c',
    'top="$1"; text="$2"; shift 2; cd "$top" && for d in "$@"; do mkdir "$d" && cd "$d"; done && printf %s "$text" > leak.ts',
    'bash',
    base,
    text,
    ...names
  ])
  return {
    chain: `src/${names.join('/')}`,
    remove: () => execFileSync('rm', ['-rf', join(base, names[0]!)])
  }
}

const FILES = {
  'src/producer/endpoints.ts': "export const HEALTH = '/v1/health'\nexport const ASK = '/v1/query/ask'\n",
  'src/app/ui.ts': "fetch('/v1/health')\n",
  'src/app/other.ts': 'export const x = 1\n',
  'src/generated/client.ts': "fetch('/v1/query/ask')\n",
  'src/lib/ask.tsx': "const a = '/v1/query/ask'\n"
}

const adapter = (over: Partial<BaselinePolicy['adapter']> = {}) =>
  ({
    name: 'b',
    adapter: {
      files: ['src/producer/endpoints.ts'],
      endpoints: ['/v1/health', '/v1/query/ask'],
      unused: [],
      scan: ['src/**/*.{ts,tsx}'],
      exclude: ['src/generated/**'],
      ...over
    }
  }) as unknown as BaselinePolicy

describe('createRepoScan', () => {
  it('lists, reads and searches as listFiles and filesContaining do, once per distinct question', () => {
    const root = repo(FILES)
    const scan = createRepoScan(root)
    const include = ['src/**/*.{ts,tsx}']
    const exclude = ['src/generated/**']
    const listed = scan.list(include, exclude)
    expect(listed).toEqual(listFiles(root, include, exclude))
    expect(scan.list([...include], [...exclude])).toBe(listed) // the same answer, not a second walk
    const found = scan.containing(listed, ['/v1/health'])
    expect(found).toEqual(filesContaining(root, listed, ['/v1/health']))
    expect(found.map((f) => f.path)).toEqual(['src/app/ui.ts', 'src/producer/endpoints.ts'])
    // a caller changing its copy changes nothing for the next one
    found.pop()
    expect(scan.containing(listed, ['/v1/health'])).toHaveLength(2)
    // each matching file is decoded once and shared
    expect(scan.containing(listed, ['/v1/health'])[0]).toBe(scan.containing(listed, ['/v1/health'])[0])
  })

  it('each file found keeps its own bytes and text, though all are read into one buffer', () => {
    // larger files first and last, matches between: a match not copied out of the buffer would hold the next
    // file's bytes
    const files: Record<string, string> = {
      'src/a.ts': `${'// padding\n'.repeat(500)}fetch('/v1/health')\n`,
      'src/b.ts': "fetch('/v1/health') // short\n",
      'src/c.ts': 'export const none = 1\n'.repeat(800),
      'src/d.ts': "const ask = '/v1/query/ask'\n",
      'src/e.ts': 'x'.repeat(200_000)
    }
    const root = repo(files)
    const scan = createRepoScan(root)
    const found = scan.containing(scan.list(['src/**/*.ts'], []), ['/v1/health', '/v1/query/ask'])
    expect(found.map((f) => [f.path, f.text])).toEqual(
      ['src/a.ts', 'src/b.ts', 'src/d.ts'].map((p) => [p, files[p]])
    )
    // the bytes the scan keeps of each (what the adapter rules read) are its own as well
    for (const p of ['src/a.ts', 'src/b.ts', 'src/d.ts'])
      expect(scan.file(p).read).toEqual({ kind: 'ok', bytes: Buffer.from(files[p]!) })
  })

  it("reads into its buffer what readRepoFile reads, and says why it did not (a file past the buffer's size, an empty one, one over the limit, a pipe)", () => {
    const big = `${'x'.repeat(150_000)}fetch('/v1/health')\n`
    const root = repo({ 'src/big.ts': big, 'src/empty.ts': '', 'src/after.ts': "fetch('/v1/health')\n" })
    writeFileSync(join(root, 'src/huge.ts'), Buffer.alloc(MAX_FILE_BYTES + 10, 0x61))
    execFileSync('mkfifo', [join(root, 'pipe')])
    symlinkSync('../pipe', join(root, 'src/pipe.ts'))
    const scan = createRepoScan(root)
    const listed = scan.list(['src/**/*.ts'], [])
    expect(listed).toEqual(['src/after.ts', 'src/big.ts', 'src/empty.ts', 'src/huge.ts', 'src/pipe.ts'])
    const found = scan.containing(listed, ['/v1/health'])
    expect(found.map((f) => [f.path, f.text])).toEqual([
      ['src/after.ts', "fetch('/v1/health')\n"],
      ['src/big.ts', big]
    ])
    expect(scan.unscanned(['src/**/*.ts'], [], listed)).toEqual([
      { path: 'src/huge.ts', why: `it is larger than the ${MAX_FILE_BYTES} bytes a file is read to` },
      {
        path: 'src/pipe.ts',
        why: 'it is not a regular file (a directory, a link to one, a pipe or a device)'
      }
    ])
    // the same answers as a read of each alone (the bytes aside)
    expect(readRepoFile(root, 'src/huge.ts').kind).toBe('too-large')
    expect(readRepoFile(root, 'src/pipe.ts').kind).toBe('not-a-file')
    expect(readRepoFile(root, 'src/empty.ts')).toEqual({ kind: 'ok', bytes: Buffer.alloc(0) })
  })

  it('a file asked for by name: the read as readRepoFile gives it, decoded once', () => {
    const root = repo(FILES)
    const scan = createRepoScan(root)
    const f = scan.file('src/producer/endpoints.ts')
    expect(f.read.kind).toBe('ok')
    expect(f.source()?.text).toBe(FILES['src/producer/endpoints.ts'])
    expect(f.source()).toBe(f.source())
    expect(scan.file('src/missing.ts').read.kind).toBe('missing')
    expect(scan.file('src/missing.ts').source()).toBeNull()
  })

  // Made one level at a time from inside it: its full path is as long as the system opens (PATH_MAX, 4096) or
  // longer, though no name is. The listing's walk passed over such a directory without a word, and a file there was
  // taken for missing: the endpoint in it went unseen, and health passed (found by review)
  it.each([4094, 4095, 4096, 4097, 4600])(
    'a file below a directory whose path is %i characters long fails (BG605) instead of passing unseen',
    (length) => {
      const root = repo(FILES)
      const { chain, remove } = deepDirectory(root, length, "fetch('/v1/health')\n")
      try {
        const unread = adapterFindings(root, adapter()).filter((f) => f.rule === 'BG605')
        expect(unread).toHaveLength(1)
        // the file, or the first directory on its way that cannot be read
        const where = unread[0]!.file!
        expect(`${chain}/leak.ts`.startsWith(where)).toBe(true)
        expect(unread[0]!.message).toMatch(
          /^not scanned for the producer's endpoints: it (cannot be read|is a directory the scan cannot read) \(ENAMETOOLONG\); make it a/
        )
        // excluded whole, it is nobody's concern, written as a directory or as a glob
        const top = chain.split('/')[1]!
        for (const exclude of [['src/dddd*/**'], [`src/${top}/`], [`src/${top}`], [`./src/${top}/**`]])
          expect(adapterFindings(root, adapter({ exclude })).filter((f) => f.rule === 'BG605')).toEqual([])
        // excluded in part (only the tests), it still is; so it is where the globs do not go
        expect(
          adapterFindings(root, adapter({ exclude: ['**/*.test.ts'] })).filter((f) => f.rule === 'BG605')
        ).toHaveLength(1)
        expect(
          adapterFindings(root, adapter({ scan: ['src/*.ts', 'src/producer/**/*.ts'] })).filter(
            (f) => f.rule === 'BG605'
          )
        ).toEqual([])
      } finally {
        remove()
      }
    }
  )

  it('an unreadable directory tells its own message, with advice for a directory', () => {
    const root = repo(FILES)
    const { remove } = deepDirectory(root, 4600, "fetch('/v1/health')\n")
    try {
      const [unread] = adapterFindings(root, adapter()).filter((f) => f.rule === 'BG605')
      expect(unread!.message).toBe(
        "not scanned for the producer's endpoints: it is a directory the scan cannot read (ENAMETOOLONG); make it a directory the scan can read (a shorter path, read permission), or exclude it (adapter.exclude) if it holds no source"
      )
    } finally {
      remove()
    }
  })

  it('a glob naming directories lists what they hold; an exclude leaves out what it names, a directory with all it holds', () => {
    // found by review: a scan glob like src/{app,lib} listed nothing once directories were not expanded
    const root = repo({ ...FILES, 'src/app.test.ts/client.ts': "fetch('/v1/health')\n" })
    const leaks = (scan: string[], exclude: string[]) =>
      adapterFindings(root, adapter({ scan, exclude }))
        .filter((f) => f.rule === 'BG603')
        .map((f) => f.file)
    expect(leaks(['src/{app,lib}'], [])).toEqual(['src/app/ui.ts', 'src/lib/ask.tsx'])
    expect(leaks(['src/{app,lib,generated,app.test.ts}/'], ['src/generated', 'src/app.test.ts/'])).toEqual([
      'src/app/ui.ts',
      'src/lib/ask.tsx'
    ])
    expect(leaks(['src/**/*.{ts,tsx}'], ['src/generated/**', '**/*.test.ts'])).toEqual([
      'src/app/ui.ts',
      'src/lib/ask.tsx'
    ])
  })

  it('an adapter file that is there but cannot be read says why, never that it does not exist (found by review)', () => {
    const root = repo(FILES)
    rmSync(join(root, 'src/producer/endpoints.ts'))
    mkdirSync(join(root, 'src/producer/endpoints.ts'))
    const [missing] = adapterFindings(root, adapter()).filter((f) => f.rule === 'BG601')
    expect(missing!.message).toBe(
      'the adapter file src/producer/endpoints.ts cannot be read: it is not a regular file (a directory, a link to one, a pipe or a device); make it a readable file of the repository or set adapter.file in the policy'
    )
  })

  it('adapter rules from one shared scan are those of a scan of their own, for baselines alike or not', () => {
    const root = repo(FILES)
    symlinkSync('/etc/passwd', join(root, 'src/app/leak.ts'))
    const baselines = [
      adapter(),
      adapter(),
      adapter({ endpoints: ['/v1/query/ask'] }),
      adapter({ exclude: [] }),
      adapter({ files: [] }),
      adapter({ files: ['src/producer/missing.ts', 'src/app/leak.ts'] })
    ]
    const scan = createRepoScan(root)
    const shared = baselines.map((b) => adapterFindings(root, b, scan))
    const own = baselines.map((b) => adapterFindings(root, b))
    expect(shared).toEqual(own)
    expect(shared.flat().map((f) => f.rule)).toEqual(
      expect.arrayContaining(['BG603', 'BG604', 'BG601', 'BG110'])
    )
    // baselines alike are judged once, and each has findings of its own: changing one's changes no other's
    expect(shared[0]!.length).toBeGreaterThan(0)
    shared[0]![0]!.message = 'changed'
    expect(shared[1]![0]!.message).not.toBe('changed')
    expect(adapterFindings(root, baselines[0]!, scan)).toEqual(own[0])
  })
})

describe('EvidenceStore.writeAll', () => {
  it('writes every file whole, in order, and returns their paths', () => {
    const dir = join(tempDir('bg-evidence-'), 'nested', 'evidence')
    const store = createEvidenceStore(dir)
    const paths = store.writeAll([
      { name: 'health-a.json', content: '{"a":1}\n' },
      { name: 'health-a.md', content: '# a\n' }
    ])
    expect(paths).toEqual([join(dir, 'health-a.json'), join(dir, 'health-a.md')])
    expect(readFileSync(paths[0]!, 'utf8')).toBe('{"a":1}\n')
    expect(readdirSync(dir).sort()).toEqual(['health-a.json', 'health-a.md'])
  })

  it('a file in the way of the directory is refused when the store is made; a directory in the way of a file when it is written', () => {
    const root = tempDir('bg-evidence-')
    writeFileSync(join(root, 'taken'), 'x')
    for (const dir of [join(root, 'taken'), join(root, 'taken', 'evidence')])
      expect(() => createEvidenceStore(dir)).toThrow(EvidenceDirError)
    mkdirSync(join(root, 'evidence', 'health-a.json'), { recursive: true })
    const store = createEvidenceStore(join(root, 'evidence'))
    for (const write of [
      () => store.write('health-a.json', '{}'),
      () => store.writeAll([{ name: 'health-a.json', content: '{}' }])
    ])
      expect(write).toThrow(
        /^the evidence file .*health-a\.json cannot be written \(EISDIR\): name another evidence directory/
      )
  })

  it('a batch is written all before any is renamed: a file that cannot be made leaves nothing, not even a temporary file', () => {
    const dir = join(tempDir('bg-evidence-'), 'evidence')
    const store = createEvidenceStore(dir)
    // the file's own name fits; its temporary name (22 characters more) is over the 255 a name may have
    const long = `${'x'.repeat(230)}.json`
    expect(() =>
      store.writeAll([
        { name: 'health-a.json', content: '{}' },
        { name: long, content: '{}' }
      ])
    ).toThrow(new RegExp(`^the evidence file .*${long} cannot be written \\(ENAMETOOLONG\\)`))
    expect(readdirSync(dir)).toEqual([])
  })

  it('a file that cannot be renamed into place: those before it are whole, none after it is written, no temporary file is left', () => {
    const dir = join(tempDir('bg-evidence-'), 'evidence')
    mkdirSync(join(dir, 'health-b.json'), { recursive: true })
    const store = createEvidenceStore(dir)
    expect(() =>
      store.writeAll([
        { name: 'health-a.json', content: '{"a":1}' },
        { name: 'health-b.json', content: '{}' },
        { name: 'health-c.json', content: '{}' }
      ])
    ).toThrow(/^the evidence file .*health-b\.json cannot be written \(EISDIR\)/)
    expect(readdirSync(dir).sort()).toEqual(['health-a.json', 'health-b.json'])
    expect(readFileSync(join(dir, 'health-a.json'), 'utf8')).toBe('{"a":1}')
  })

  // a file system nobody may write into, even root (Linux's sysfs): the store is refused when it is made, before
  // the operation runs, and leaves no probe behind where it can write
  it('a directory no file can be made in is refused when the store is made; the probe leaves nothing', () => {
    for (const dir of ['/sys/kernel', '/sys/baseline-gate-evidence'])
      expect(() => createEvidenceStore(dir)).toThrow(
        new RegExp(`^the evidence directory ${dir} cannot be written \\(E(ACCES|PERM)\\); nothing was run: `)
      )
    // where it can write, what it made to find out is removed again: a run that stops early leaves nothing
    const parent = tempDir('bg-evidence-')
    createEvidenceStore(join(parent, 'evidence', 'nested'))
    expect(readdirSync(parent)).toEqual([])
    mkdirSync(join(parent, 'kept'))
    createEvidenceStore(join(parent, 'kept'))
    expect(readdirSync(join(parent, 'kept'))).toEqual([])
  })

  it('checks every name before the first byte', () => {
    const dir = join(tempDir('bg-evidence-'), 'evidence')
    const store = createEvidenceStore(dir)
    expect(() =>
      store.writeAll([
        { name: 'ok.json', content: '{}' },
        { name: '../escape.json', content: '{}' }
      ])
    ).toThrow(/invalid evidence file name/)
    expect(existsSync(dir)).toBe(false) // not even the directory was made
  })

  it('in the repository: the .gitignore once, and a file linked out of it is refused as write() refuses it', () => {
    const root = tempDir('bg-evidence-root-')
    const outside = tempDir('bg-evidence-outside-')
    const base = join(root, '.baseline-gate')
    const dir = join(base, 'evidence')
    const store = createEvidenceStore(dir, { ignoreInGit: base, root })
    store.writeAll([{ name: 'health-a.json', content: '{}' }])
    expect(readFileSync(join(base, '.gitignore'), 'utf8')).toMatch(/^\*$/m)
    symlinkSync(join(outside, 'x.json'), join(dir, 'health-b.json'))
    const single = () => store.write('health-b.json', '{}')
    const batch = () => store.writeAll([{ name: 'health-b.json', content: '{}' }])
    expect(single).toThrow(/leads outside the repository/)
    expect(batch).toThrow(/leads outside the repository/)
    expect(readdirSync(outside)).toEqual([])
  })

  it('the default directory as a link, even to a directory inside the repository, is refused: its .gitignore would hide that directory', () => {
    const root = tempDir('bg-evidence-root-')
    mkdirSync(join(root, 'config'))
    const base = join(root, '.baseline-gate')
    symlinkSync('config', base)
    expect(() => createEvidenceStore(join(base, 'evidence'), { ignoreInGit: base, root })).toThrow(
      /\.baseline-gate is a symbolic link, not the tool's own directory; nothing was written there/
    )
    // made while the run ran (a suite step): refused when the packet is written
    rmSync(base)
    const store = createEvidenceStore(join(base, 'evidence'), { ignoreInGit: base, root })
    symlinkSync('config', base)
    expect(() => store.writeAll([{ name: 'health-a.json', content: '{}' }])).toThrow(EvidenceDirError)
    expect(readdirSync(join(root, 'config'))).toEqual([])
  })

  it('a link put in the way during the run never leads the directories out of the repository', () => {
    const root = tempDir('bg-evidence-root-')
    const outside = tempDir('bg-evidence-outside-')
    const dir = join(root, 'out', 'evidence')
    const store = createEvidenceStore(dir, { root })
    symlinkSync(outside, join(root, 'out'))
    expect(() => store.writeAll([{ name: 'health-a.json', content: '{}' }])).toThrow(
      /leads outside the repository/
    )
    expect(readdirSync(outside)).toEqual([])
  })
})
