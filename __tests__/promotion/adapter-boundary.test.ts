// Health judges the adapter boundary the pull request's own policy draws; so a pull request could add a direct call
// to the producer and hide it from the scan in the same change. The promotion gate draws the boundary as the base
// revision's policy does too (BG606 to BG608). Each case is a real git repository; the reviews come from the fake
// GitHub REST server over HTTP.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startFakeGitHub } from '../../__fixtures__/fake-github.js'
import type { FakeGitHub } from '../../__fixtures__/fake-github.js'
import type { BaselineResult } from '../../src/operations/context.js'
import { reviewsOn } from '../helpers/github-client.js'
import type { ReviewSource } from '../../src/operations/reviews.js'
import { narrowing } from '../../src/rules/adapter-change.js'
import { lineToText } from '../../src/present/inline.js'
import { nextSteps } from '../../src/present/next-steps.js'
import { cleanupFixtures, health, POLICY, trioFixture } from '../helpers/fixture.js'
import type { Fixture } from '../helpers/fixture.js'
import { gitRepo, OLD_DATE, promote, writePolicy } from '../helpers/git-repo.js'
import type { GitRepo } from '../helpers/git-repo.js'

const REPO = 'acme/app'
const PR = 7
const TOKEN = 'gh' + 's_' + 'FakeAdapterBoundaryToken'.padEnd(36, '0')
const HOOK = 'src/hooks/useSearch.ts'
const HOOK_TEXT =
  '// search as you type\nexport const search = (q: string) =>\n  fetch(`/v1/query/ask?q=${q}`)\n'

let fake: FakeGitHub
beforeAll(async () => {
  fake = await startFakeGitHub()
  fake.addToken(TOKEN, 'github-actions[bot]')
  fake.addRepo(REPO)
})
afterAll(async () => {
  await fake.close()
  cleanupFixtures()
})

type Adapter = Record<string, unknown>
const editAdapter = (fx: Fixture, edit: (a: Adapter) => void) =>
  fx.editJson(POLICY, (policy) => {
    edit((policy.baselines as Record<string, Record<string, Adapter>>).memorykernel!.adapter!)
  })

/** A base with the fixture's adapter boundary (and the owners the approvals are asked of) committed. */
function governed(): { fx: Fixture; repo: GitRepo; base: string } {
  const fx = trioFixture()
  writePolicy(fx, { owners: { consumer: ['alice'], producer: ['bob'] } })
  const repo = gitRepo(fx)
  return { fx, repo, base: repo.commit('the governed base', OLD_DATE) }
}

async function gate(fx: Fixture, base: string, review?: ReviewSource): Promise<BaselineResult> {
  const run = await promote(fx, { base, ...(review ? { review } : {}) })
  return run.result.baselines[0]!
}
const about = (b: BaselineResult, rule: string) => b.findings.filter((f) => f.rule === rule)

const fromServer = (): ReviewSource => reviewsOn(fake, TOKEN, PR)

describe('promotion: a change that narrows the adapter boundary', () => {
  it('fails a direct call added with an exclude that hides it (BG606, at the call), where health alone would pass', async () => {
    const { fx, repo, base } = governed()
    fx.write(HOOK, HOOK_TEXT)
    editAdapter(fx, (a) => {
      a.exclude = [...(a.exclude as string[]), 'src/hooks/**']
    })
    repo.commit('a search hook')
    const b = await gate(fx, base)
    expect(b.verdict).toBe('FAIL')
    const [f, ...more] = about(b, 'BG606')
    expect(more).toEqual([])
    expect([f!.severity, f!.file, f!.line, f!.column]).toEqual(['error', HOOK, 3, 10])
    expect(f!.message).toContain('/v1/query/ask')
    expect(f!.message).toContain('leaves the file out of the scan')
    expect(f!.message).toContain('adapter.exclude adds "src/hooks/**"')
    expect(f!.message).toContain('no pull request in this test')
    // what health, judging by the change's own policy, says of the same tree: nothing of the hook
    const alone = (await health(fx.root)).baselines[0]!
    expect(alone.findings.filter((x) => x.file === HOOK)).toEqual([])
    expect(alone.verdict).toBe('PASS')
  })

  it('fails a call hidden by declaring its file an adapter, by dropping the endpoint, or by removing the adapter', async () => {
    const cases: [string, (a: Adapter) => void, string][] = [
      [
        'adapter',
        (a) => {
          a.file = ['src/producer/endpoints.ts', HOOK]
        },
        'makes the file an adapter file'
      ],
      [
        'unlisted',
        (a) => {
          a.endpoints = ['/v1/health', '/v1/ready', '/v1/db/schema-version']
        },
        'drops the endpoint'
      ],
      [
        'unchecked',
        (a) => {
          delete a.file
        },
        'names no adapter file'
      ]
    ]
    for (const [what, edit, says] of cases) {
      const { fx, repo, base } = governed()
      fx.write(HOOK, HOOK_TEXT)
      editAdapter(fx, edit)
      repo.commit(`a search hook (${what})`)
      const b = await gate(fx, base)
      expect([what, b.verdict, about(b, 'BG606').map((f) => f.file)]).toEqual([what, 'FAIL', [HOOK]])
      expect(about(b, 'BG606')[0]!.message).toContain(says)
    }
  })

  it('fails an exclude that hides a call the base already had (BG603 there), rather than let it go quiet', async () => {
    const { fx, repo } = governed()
    fx.write(HOOK, HOOK_TEXT)
    const base = repo.commit('a search hook, BG603 on main')
    editAdapter(fx, (a) => {
      a.scan = ['src/producer/**/*.ts']
    })
    repo.commit('scan the producer client only')
    const b = await gate(fx, base)
    expect(b.verdict).toBe('FAIL')
    expect(about(b, 'BG606').map((f) => [f.file, f.line])).toEqual([[HOOK, 3]])
    expect(about(b, 'BG606')[0]!.message).toContain('adapter.scan no longer has')
  })

  it('fails a call hidden under a renamed baseline, which the base policy defines no boundary of', async () => {
    const { fx, repo, base } = governed()
    fx.write(HOOK, HOOK_TEXT)
    fx.editJson(POLICY, (policy) => {
      const baselines = policy.baselines as Record<string, Record<string, Adapter>>
      const renamed = baselines.memorykernel!
      renamed.adapter!.exclude = [...(renamed.adapter!.exclude as string[]), 'src/hooks/**']
      policy.baselines = { kernel: renamed }
    })
    repo.commit('rename the baseline, and exclude the hooks')
    const run = await promote(fx, { base })
    const b = run.result.baselines[0]!
    expect([b.name, b.verdict]).toEqual(['kernel', 'FAIL'])
    expect(about(b, 'BG606').map((f) => [f.file, f.line])).toEqual([[HOOK, 3]])
    expect(about(b, 'BG606')[0]!.message).toContain('baseline memorykernel)')
  })

  it('fails a file the base cannot search (UTF-16 through .gitattributes, over the size limit) hidden by an exclude (found by review)', async () => {
    const { fx, repo, base } = governed()
    // git holds it as plain UTF-8, which the diff shows; every checkout writes it in UTF-16 with a BOM
    fx.write('.gitattributes', `${HOOK} working-tree-encoding=UTF-16\n`)
    fx.write(HOOK, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HOOK_TEXT, 'utf16le')]))
    fx.write('src/vendor/big.ts', `// ${'x'.repeat(5 * 1024 * 1024)}\nfetch('/v1/query/ask')\n`)
    editAdapter(fx, (a) => {
      a.exclude = [...(a.exclude as string[]), HOOK, 'src/vendor/**']
    })
    repo.commit('a hook in UTF-16 and a vendored bundle, excluded')
    // what git holds is plain UTF-8 (what the pull request's diff shows); a checkout writes UTF-16 again
    expect(repo.git('cat-file', '-p', `HEAD:${HOOK}`)).toContain('/v1/query/ask')
    fx.remove(HOOK)
    repo.git('checkout', '--', HOOK)
    expect(fx.readBytes(HOOK).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]))
    const b = await gate(fx, base)
    expect(b.verdict).toBe('FAIL')
    expect(about(b, 'BG606').map((f) => [f.file, f.line])).toEqual([
      [HOOK, null],
      ['src/vendor/big.ts', null]
    ])
    expect(about(b, 'BG606')[0]!.message).toContain("could not be searched for the producer's endpoints")
    expect(about(b, 'BG606')[0]!.message).toContain('UTF-16')
    expect(about(b, 'BG607')).toEqual([])
  })

  it('compares the boundary of every baseline of the policy, not only the one the run judges (found by review)', async () => {
    const { fx, repo } = governed()
    fx.editJson(POLICY, (policy) => {
      const baselines = policy.baselines as Record<string, Record<string, unknown>>
      baselines.other = { ...structuredClone(baselines.memorykernel!), display_name: 'Other' }
    })
    const base = repo.commit('a second baseline')
    fx.write(HOOK, HOOK_TEXT)
    editAdapter(fx, (a) => {
      a.exclude = [...(a.exclude as string[]), 'src/hooks/**']
    })
    repo.commit('a search hook, excluded for memorykernel')
    const b = (await promote(fx, { base, baseline: 'other' })).result.baselines
    expect(b.map((x) => [x.name, x.verdict])).toEqual([['other', 'FAIL']])
    expect(about(b[0]!, 'BG606').map((f) => f.file)).toEqual([HOOK])
    expect(about(b[0]!, 'BG606')[0]!.message).toContain('baseline memorykernel)')
  })

  it('asks both teams for an adapter moved to a new file, with advice for a move, not a leak', async () => {
    const { fx, repo, base } = governed()
    repo.git('mv', 'src/producer/endpoints.ts', 'src/producer/client.ts')
    editAdapter(fx, (a) => {
      a.file = 'src/producer/client.ts'
    })
    repo.commit('rename the adapter')
    const b = await gate(fx, base)
    const [f, ...more] = about(b, 'BG606')
    expect([f!.file, more]).toEqual(['src/producer/client.ts', []])
    expect(f!.message).toContain('if the adapter is moved or split into this file, get both approvals')
    expect(f!.message).not.toContain('no code')
  })

  it('takes `./src/**` for `src/**`: no narrowing, and `./` before the adapter file is the adapter (found by review)', async () => {
    const { fx, repo, base } = governed()
    editAdapter(fx, (a) => {
      a.scan = (a.scan as string[]).map((g) => `./${g}`)
      a.file = './src/producer/endpoints.ts'
    })
    repo.commit('spelled with ./')
    const b = await gate(fx, base)
    expect(b.findings.filter((f) => /^BG60/.test(f.rule))).toEqual([])
    const alone = (await health(fx.root)).baselines[0]!
    expect(alone.findings.filter((f) => /^BG60/.test(f.rule))).toEqual([])
  })

  it('fails a call the change puts where the scan does not look, with no policy change: an excluded directory, node_modules (found by review)', async () => {
    const { fx, repo, base } = governed()
    fx.write('src/generated/client.ts', "export const ask = () => fetch('/v1/query/ask')\n")
    fx.write('src/hooks/node_modules/direct/index.ts', "export default () => fetch('/v1/ready')\n")
    fx.write(
      'src/hooks/useSearch.ts',
      "import direct from './node_modules/direct/index'\nexport { direct }\n"
    )
    // UTF-16 in an excluded directory cannot be searched: it fails too
    fx.write('src/generated/wide.ts', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('x', 'utf16le')]))
    repo.commit('a generated client, a vendored module')
    const b = await gate(fx, base)
    expect(b.verdict).toBe('FAIL')
    expect(about(b, 'BG606').map((f) => [f.file, f.line])).toEqual([
      ['src/generated/client.ts', 1],
      ['src/generated/wide.ts', null],
      ['src/hooks/node_modules/direct/index.ts', 1]
    ])
    const [client, wide] = about(b, 'BG606')
    expect(client!.message).toContain(
      'names the producer endpoint /v1/query/ask, and the change adds or edits it where the adapter scan of baseline memorykernel does not look'
    )
    expect(client!.message).toContain('a generated client of the producer is a call past the adapter too')
    expect(wide!.message).toContain("could not be searched for the producer's endpoints (")
    expect(about(b, 'BG607')).toEqual([])
    // health sees none of them
    expect((await health(fx.root)).baselines[0]!.verdict).toBe('PASS')
    // a later change that leaves them alone is not asked about them again
    fx.write('src/util.ts', 'export const one = 1\n')
    const next = repo.commit('unrelated')
    fx.write('src/util.ts', 'export const two = 2\n')
    repo.commit('unrelated again')
    expect((await gate(fx, next)).findings.filter((f) => /^BG60/.test(f.rule))).toEqual([])
  })

  it("reads an exclude as the scan's walk does: `src/generated` excludes what is below it (found by review)", async () => {
    const { fx, repo } = governed()
    editAdapter(fx, (a) => {
      a.exclude = ['src/generated', '**/*.gen.ts']
    })
    const base = repo.commit('excludes written without a trailing star')
    fx.write('src/generated/client.ts', "fetch('/v1/query/ask')\n")
    // a directory named like an excluded file: the walk leaves out what is below it too
    fx.write('src/api.gen.ts/index.ts', "fetch('/v1/ready')\n")
    repo.commit('calls in both')
    const b = await gate(fx, base)
    expect(about(b, 'BG606').map((f) => f.file)).toEqual([
      'src/api.gen.ts/index.ts',
      'src/generated/client.ts'
    ])
    expect((await health(fx.root)).baselines[0]!.verdict).toBe('PASS')
  })

  it('fails a submodule or a name no glob matches where the scan does not look; passes a mode change, a move within, a regeneration naming nothing new (found by review)', async () => {
    const { fx, repo } = governed()
    fx.write('src/generated/client.ts', "export const ask = () => fetch('/v1/query/ask')\n")
    fx.write('src/generated/old/moved.ts', "export const r = () => fetch('/v1/ready')\n")
    const base = repo.commit('a generated client, approved long ago')
    // regenerated: the same endpoint, other code; a mode change; a move within the excluded directory
    fx.write(
      'src/generated/client.ts',
      "// regenerated\nexport const ask = (q: string) => fetch('/v1/query/ask?q=' + q)\n"
    )
    repo.git('mv', 'src/generated/old/moved.ts', 'src/generated/moved.ts')
    repo.git('update-index', '--chmod=+x', 'src/generated/client.ts')
    repo.commit('regenerate')
    expect((await gate(fx, base)).findings.filter((f) => /^BG60/.test(f.rule))).toEqual([])
    // a submodule there, a name with a line break, and a regeneration that names a new endpoint
    const next = repo.git('rev-parse', 'HEAD')
    fx.write('src/generated/c\nlient.ts', "fetch('/v1/health')\n")
    fx.write(
      'src/generated/client.ts',
      "export const ask = () => fetch('/v1/query/ask')\nexport const h = () => fetch('/v1/health')\n"
    )
    // added by hand: `git add -A` would drop a submodule with no checkout of its own
    repo.git('add', '--', 'src/generated/c\nlient.ts', 'src/generated/client.ts')
    repo.git('update-index', '--add', '--cacheinfo', `160000,${next},src/generated/sdk`)
    repo.git('commit', '-qm', 'a submodule, an odd name, a new call')
    const b = await gate(fx, next)
    const found = about(b, 'BG606')
    expect(found.map((f) => [f.file, f.line])).toEqual([
      ['src/generated/c\nlient.ts', null],
      ['src/generated/client.ts', 2],
      ['src/generated/sdk', null]
    ])
    expect(found[1]!.message).toContain('names the producer endpoint /v1/health,')
    expect(found[2]!.message).toContain('a submodule')
  })

  it('an exclude ending in a star leaves out the directories it matches and all below them; a .gitmodules cannot take a submodule out of the diff (found by review)', async () => {
    const { fx, repo } = governed()
    editAdapter(fx, (a) => {
      a.exclude = ['src/generated/*']
    })
    fx.write('src/generated/old.ts', "export const r = () => fetch('/v1/ready')\n")
    const base = repo.commit('excluded with a star')
    fx.write('src/generated/api/client.ts', "fetch('/v1/query/ask')\n")
    fx.write('src/generated/c\u2028lient.ts', "fetch('/v1/query/ask')\n")
    // only the first copy of the deleted file's bytes was moved; the second is a new call site
    repo.git('rm', '-q', 'src/generated/old.ts')
    fx.write('src/generated/moved.ts', "export const r = () => fetch('/v1/ready')\n")
    fx.write('src/generated/copy.ts', "export const r = () => fetch('/v1/ready')\n")
    // a name with a line break where no glob reaches: not the gate's to say
    fx.write('docs/a\nb.md', 'notes\n')
    fx.write('.gitmodules', '[submodule "sdk"]\n\tpath = src/generated/sdk\n\turl = ./x\n\tignore = all\n')
    repo.git('add', '-A')
    repo.git('update-index', '--add', '--cacheinfo', `160000,${base},src/generated/sdk`)
    repo.git('commit', '-qm', 'calls below the excluded directory')
    const b = await gate(fx, base)
    const files = about(b, 'BG606').map((f) => f.file!)
    expect(files.filter((f) => !/(copy|moved)\.ts$/.test(f))).toEqual([
      'src/generated/api/client.ts',
      'src/generated/c\u2028lient.ts',
      'src/generated/sdk'
    ])
    expect(files.filter((f) => /(copy|moved)\.ts$/.test(f))).toHaveLength(1)
    // health sees none of the calls (the odd name it reads in src/generated itself, BG605)
    const alone = (await health(fx.root)).baselines[0]!
    expect(alone.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.file])).toEqual([
      ['BG605', 'src/generated/c\u2028lient.ts']
    ])
  })

  it('an excluded file moved out, and its bytes copied back in: judged the same whatever the paths sort as (found by review)', async () => {
    for (const out of ['src/aa.ts', 'src/zzz.ts']) {
      const { fx, repo } = governed()
      fx.write('src/generated/old.ts', "export const r = () => fetch('/v1/ready')\n")
      const base = repo.commit('a generated file')
      repo.git('mv', 'src/generated/old.ts', out)
      fx.write('src/generated/zz.ts', "export const r = () => fetch('/v1/ready')\n")
      repo.commit('moved out, and copied back in')
      // the excluded place still holds the one call it held; the moved one is in sight of health (BG603)
      expect([out, about(await gate(fx, base), 'BG606')]).toEqual([out, []])
      const alone = (await health(fx.root)).baselines[0]!
      expect(alone.findings.filter((f) => f.rule === 'BG603').map((f) => f.file)).toEqual([out])
    }
  })

  it('a file the change still fails on another endpoint is not hidden: `/v1/query` for `/v1/query/ask` (found by review)', async () => {
    const { fx, repo } = governed()
    fx.write(HOOK, HOOK_TEXT)
    const base = repo.commit('a search hook, BG603 on main')
    editAdapter(fx, (a) => {
      a.endpoints = ['/v1/health', '/v1/ready', '/v1/db/schema-version', '/v1/query']
    })
    repo.commit('the query endpoints by their prefix')
    const b = await gate(fx, base)
    expect(about(b, 'BG606')).toEqual([])
    expect(about(b, 'BG607').length).toBe(1)
  })

  it('warns of a narrowing that hides no call today (BG607), and passes', async () => {
    const { fx, repo, base } = governed()
    editAdapter(fx, (a) => {
      a.exclude = [...(a.exclude as string[]), 'src/tools/**']
    })
    repo.commit('exclude the tools')
    const run = await promote(fx, { base })
    const b = run.result.baselines[0]!
    expect(b.verdict).toBe('PASS')
    // the next step says so rather than "Nothing to do" (found by review)
    expect(lineToText(nextSteps(run.result)[0]!)).toBe(
      "The trio did not change; the change narrows the adapter boundary (BG607): have the producer's owners review the policy change before it merges."
    )
    expect(about(b, 'BG606')).toEqual([])
    expect(about(b, 'BG607').map((f) => [f.severity, f.file])).toEqual([['warning', null]])
    expect(about(b, 'BG607')[0]!.message).toContain('adapter.exclude adds "src/tools/**"')
  })

  it('says nothing of a change that widens the boundary or leaves it alone', async () => {
    const { fx, repo, base } = governed()
    editAdapter(fx, (a) => {
      a.scan = [...(a.scan as string[]), 'scripts/**/*.ts']
    })
    fx.write('src/util.ts', 'export const one = 1\n')
    repo.commit('scan the scripts too')
    const b = await gate(fx, base)
    expect(b.findings.filter((f) => /^BG60[678]$/.test(f.rule))).toEqual([])
  })

  it('passes a hidden call both teams approved on the head commit (BG608), and fails it with one approval', async () => {
    const { fx, repo, base } = governed()
    fx.write(HOOK, HOOK_TEXT)
    editAdapter(fx, (a) => {
      a.exclude = [...(a.exclude as string[]), 'src/hooks/**']
    })
    const head = repo.commit('recorded producer calls, excluded')
    fake.state.repos[REPO]!.pulls = {}
    fake.addPull(REPO, { number: PR, headSha: head })
    fake.addReview(REPO, PR, 'bob', 'APPROVED', head)
    const one = await gate(fx, base, fromServer())
    expect(one.verdict).toBe('FAIL')
    expect(about(one, 'BG606')[0]!.message).toContain(
      'consumer owners approving: nobody; producer owners approving: bob'
    )
    fake.addReview(REPO, PR, 'alice', 'APPROVED', head)
    const both = await gate(fx, base, fromServer())
    expect(both.verdict).toBe('PASS')
    expect(about(both, 'BG606')).toEqual([])
    const [f] = about(both, 'BG608')
    expect([f!.severity, f!.file, f!.line]).toEqual(['notice', HOOK, 3])
    expect(f!.message).toContain('consumer alice, producer bob')
  })

  it('fails a narrowing it cannot look behind: the working tree is not at the head commit', async () => {
    const { fx, repo, base } = governed()
    editAdapter(fx, (a) => {
      a.exclude = [...(a.exclude as string[]), 'src/hooks/**']
    })
    const head = repo.commit('exclude the hooks')
    // the policy is the working tree's (as the gate always reads it), the files another commit's
    repo.git('checkout', '-q', base)
    editAdapter(fx, (a) => {
      a.exclude = [...(a.exclude as string[]), 'src/hooks/**']
    })
    const b = (await promote(fx, { base, head })).result.baselines[0]!
    expect(b.verdict).toBe('FAIL')
    expect(about(b, 'BG606').map((f) => f.file)).toEqual([null])
    expect(about(b, 'BG606')[0]!.message).toContain(`not at the head commit ${head.slice(0, 12)}`)
  })
})

describe('narrowing: what the change stops looking at', () => {
  const adapter = {
    files: ['src/a.ts'],
    endpoints: ['/v1/x'],
    unused: ['/v1/y'],
    scan: ['src/**'],
    exclude: []
  }
  it('names each way the boundary narrows, and none for a base without an adapter', () => {
    expect(narrowing(adapter, adapter)).toEqual([])
    expect(
      narrowing(adapter, {
        ...adapter,
        unused: [],
        endpoints: ['/v1/x', '/v1/y'],
        scan: ['src/**', 'lib/**']
      })
    ).toEqual([])
    expect(
      narrowing(adapter, {
        files: ['src/a.ts', 'src/b.ts'],
        endpoints: ['/v1/x'],
        unused: [],
        scan: ['src/app/**'],
        exclude: ['src/gen/**']
      })
    ).toEqual([
      'adapter.scan no longer has "src/**"',
      'adapter.exclude adds "src/gen/**"',
      'adapter.file adds "src/b.ts"',
      'neither adapter.endpoints nor adapter.unused has "/v1/y" any more'
    ])
    expect(narrowing(adapter, { ...adapter, files: [] })).toEqual(['adapter.file is gone (BG604)'])
    expect(narrowing({ ...adapter, files: [] }, { ...adapter, exclude: ['**'] })).toEqual([])
  })
})
