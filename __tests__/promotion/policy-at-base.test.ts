// The promotion gate judges a change by the baseline the base revision's policy defines: a pull request that
// moves the trio in the policy, or renames the baseline, is still judged on the files and suites that are merged.
// Each case is an attack on the gate through the policy in the pull request, in a real git repository.
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { lineToText } from '../../src/present/inline.js'
import { nextSteps } from '../../src/present/next-steps.js'
import {
  cleanupFixtures,
  EMBEDDED,
  MATRIX,
  nextTag,
  PIN,
  POLICY,
  REPO_ROOT,
  trioFixture
} from '../helpers/fixture.js'
import type { Fixture } from '../helpers/fixture.js'
import {
  gitRepo,
  nodeStep,
  OLD_DATE,
  producerRelease,
  promote,
  repin,
  writePolicy
} from '../helpers/git-repo.js'

afterAll(cleanupFixtures)

const NEXT = nextTag(EMBEDDED.tag, 'minor')
const MANIFEST = 'config/memorykernel-producer-manifest.json'

const rules = (findings: { rule: string }[]) => [...new Set(findings.map((f) => f.rule))].sort()

/** A base whose policy runs a failing test, and the next release repinned on top (not yet committed). */
function releaseWithFailingSuite() {
  const fx = trioFixture()
  writePolicy(fx, { consumer: [nodeStep('test', 'console.error("1 test failed"); process.exit(1)')] })
  const repo = gitRepo(fx)
  const base = repo.commit(`the approved baseline ${EMBEDDED.tag}`, OLD_DATE)
  producerRelease(fx, NEXT)
  repin(fx)
  return { fx, repo, base }
}

/** The embedded baseline committed under a policy file of its own: the base of a change to the policy. */
function governedBase() {
  const fx = trioFixture()
  writePolicy(fx, {})
  const repo = gitRepo(fx)
  return { fx, repo, base: repo.commit(`the approved baseline ${EMBEDDED.tag}`, OLD_DATE) }
}

/** The working tree's policy, its memorykernel baseline edited. */
function editBaseline(
  fx: { editJson: Fixture['editJson'] },
  edit: (b: Record<string, unknown>) => void
): void {
  fx.editJson(POLICY, (policy) =>
    edit((policy.baselines as Record<string, Record<string, unknown>>).memorykernel!)
  )
}

describe('promotion: the baseline as the base policy defines it', () => {
  it('a pull request that breaks the pin and points the policy at untouched copies is judged on the real pin (BG707), and fails', async () => {
    const fx = trioFixture()
    const repo = gitRepo(fx)
    const base = repo.commit(`the approved baseline ${EMBEDDED.tag}`, OLD_DATE)
    for (const file of [PIN, MANIFEST, MATRIX]) fx.write(`decoy/${file}`, fx.read(file))
    fx.write(PIN, '{ "release_tag": ')
    fx.editJson(POLICY, (policy) => {
      const b = (policy.baselines as Record<string, Record<string, unknown>>).memorykernel!
      b.trio = { pin: `decoy/${PIN}`, manifest: `decoy/${MANIFEST}`, matrix: `decoy/${MATRIX}` }
    })
    repo.commit('a pull request: the pin broken, the policy pointed at copies')

    const b = (await promote(fx, { base })).result.baselines[0]!
    expect(b.verdict).toBe('FAIL')
    expect(b.change?.changed_files).toEqual([PIN])
    expect(b.findings.find((f) => f.rule === 'BG707')?.message).toContain(`pin ${PIN} -> decoy/${PIN}`)
    expect(b.findings.some((f) => f.severity === 'error' && f.file === PIN)).toBe(true)
    // the evidence names the policy that judged: the base revision's, not the one in the working tree
    const packet = JSON.parse(readFileSync(b.evidence, 'utf8')) as {
      policy: { path: string; sha256: string; judged_by?: { revision: string; path: string; sha256: string } }
    }
    expect(packet.policy.judged_by).toMatchObject({ revision: base, path: POLICY })
    expect(packet.policy.judged_by!.sha256).not.toBe(packet.policy.sha256)
    expect(readFileSync(b.evidence.replace(/\.json$/, '.md'), 'utf8')).toContain(
      `Judged by the base revision's policy: \`${POLICY}\` at \`${base.slice(0, 12)}\``
    )
  })

  it('renaming the baseline to run suites of its own, with a changed trio, fails (BG708) and runs nothing', async () => {
    const { fx, repo, base } = releaseWithFailingSuite()
    fx.editJson(POLICY, (policy) => {
      const all = policy.baselines as Record<string, Record<string, unknown>>
      all.mk = {
        ...all.memorykernel!,
        suites: { concurrent: true, consumer: [nodeStep('t', '0')], producer: [] }
      }
      delete all.memorykernel
    })
    repo.commit(`promote ${NEXT} under a new name`)

    const run = await promote(fx, { base, suites: true })
    const b = run.result.baselines[0]!
    expect(b.name).toBe('mk')
    expect(b.verdict).toBe('FAIL')
    const bg708 = b.findings.filter((f) => f.rule === 'BG708').map((f) => f.message)
    expect(bg708).toEqual([
      expect.stringContaining('renames or removes the baseline "memorykernel"'),
      expect.stringContaining(`the base revision's policy defines no baseline "mk"`)
    ])
    expect(bg708[0]).toContain('land the policy change on its own first')
    // the rules already decide FAIL: the pull request's own `t` step never ran
    expect(b.steps.every((s) => s.status === 'skipped')).toBe(true)
    expect(lineToText(nextSteps(run.result)[0]!)).toMatch(/^Fix the 2 errors listed under Findings/)
  })

  it('a rename alone, the trio untouched, passes: nothing to judge, and the new name applies once merged', async () => {
    const fx = trioFixture()
    const repo = gitRepo(fx)
    const base = repo.commit(`the approved baseline ${EMBEDDED.tag}`, OLD_DATE)
    fx.editJson(POLICY, (policy) => {
      const all = policy.baselines as Record<string, Record<string, unknown>>
      all.mk = all.memorykernel!
      delete all.memorykernel
    })
    repo.commit('rename the baseline')

    const b = (await promote(fx, { base })).result.baselines[0]!
    expect([b.name, b.verdict, rules(b.findings)]).toEqual(['mk', 'PASS', []])
  })

  it('the suites and the files of the base policy are the ones judged, with a note for each edit (BG706, BG707), the move refused (BG710)', async () => {
    const { fx, repo, base } = releaseWithFailingSuite()
    writePolicy(fx, { consumer: [] })
    // the matrix pointed at a copy of itself: the move fails (BG710), and the suites run anyway are the base's
    fx.write(`moved/${MATRIX}`, fx.read(MATRIX))
    fx.editJson(POLICY, (policy) => {
      const b = (policy.baselines as Record<string, Record<string, unknown>>).memorykernel!
      ;(b.trio as Record<string, string>).matrix = `moved/${MATRIX}`
    })
    repo.commit(`promote memorykernel ${NEXT}`)

    const b = (await promote(fx, { base, suites: true, suitesAnyway: true })).result.baselines[0]!
    expect(b.change?.changed_files).toEqual([PIN, MANIFEST, MATRIX])
    expect(b.steps.map((s) => [s.name, s.status])).toEqual([['test', 'failed']])
    expect(rules(b.findings)).toEqual(['BG701', 'BG706', 'BG707', 'BG710'])
    expect(b.verdict).toBe('FAIL')
  })

  it("at the defaults' paths with no policy file at the base, BG706 says the defaults' suites ran and how to adopt in two steps (found by review)", async () => {
    const fx = trioFixture({ policy: false })
    const repo = gitRepo(fx)
    const base = repo.commit(`the approved baseline ${EMBEDDED.tag}, no policy file`, OLD_DATE)
    // the adoption pull request: a policy of its own (no `npm run` scripts), and the trio of the next release
    fx.write(POLICY, readFileSync(join(REPO_ROOT, POLICY), 'utf8'))
    writePolicy(fx, { consumer: [nodeStep('test', 'console.log("ok")')] })
    producerRelease(fx, NEXT)
    repin(fx)
    repo.commit('adopt baseline-gate')
    const b = (await promote(fx, { base, suites: false })).result.baselines[0]!
    const note = b.findings.find((f) => f.rule === 'BG706')!
    expect(note.message).toMatch(
      /^the base revision has no policy file, and every file the built-in defaults name is there, so the defaults govern it: the gate's suites are theirs \(.*governance-negative.*\), not those of the policy this change brings\. Land the policy on its own first \(a pull request that changes no trio file\), then the trio, or give the repository the scripts the defaults run$/
    )
  })

  it('a policy pointed at a copy of the pin, or the pin moved with it, fails (BG710): a governed file does not move through the gate', async () => {
    const { fx, repo, base } = governedBase()
    editBaseline(fx, (b) => {
      ;(b.trio as Record<string, string>).pin = 'config/decoy-pin.json'
    })
    // the copy: from the next pull request on, the real pin would be edited with no finding
    fx.write('config/decoy-pin.json', fx.read(PIN))
    repo.commit('the policy points at a copy of the pin')
    const copied = (await promote(fx, { base })).result.baselines[0]!
    expect(copied.verdict).toBe('FAIL')
    expect(copied.findings.filter((f) => f.rule === 'BG710').map((f) => [f.file, f.message])).toEqual([
      [
        PIN,
        `this change points the policy's pin at config/decoy-pin.json instead of ${PIN}: a governed file does not move through the gate (the consumer could go on reading a file no rule judges, and lkg and rollback would read another history); keep the policy's path, or have maintainers of both teams review and land the move themselves`
      ]
    ])
    // moved with its path, or with the old path left as anything but a file (a link, a directory): the same
    for (const [what, leave] of [
      ['moved', () => fx.remove(PIN)],
      ['a link left', () => symlinkSync('/proc/self/cwd/config/decoy-pin.json', join(fx.root, PIN))],
      [
        'padded over the size limit',
        () => fx.write(PIN, fx.read('config/decoy-pin.json') + ' '.repeat(5 * 1024 * 1024))
      ]
    ] as const) {
      rmSync(join(fx.root, PIN), { force: true })
      leave()
      repo.commit(`the pin: ${what}`)
      const b = (await promote(fx, { base })).result.baselines[0]!
      expect({ what, verdict: b.verdict, bg710: b.findings.some((f) => f.rule === 'BG710') }).toEqual({
        what,
        verdict: 'FAIL',
        bg710: true
      })
    }
  })

  it('renaming the baseline while pointing it at copies leaves the real files ungoverned: BG710; a plain rename, or a path written another way, passes', async () => {
    const { fx, repo, base } = governedBase()
    const rename = (edit: (b: Record<string, unknown>) => void) =>
      fx.editJson(POLICY, (policy) => {
        const all = policy.baselines as Record<string, Record<string, unknown>>
        all.mk = all.memorykernel!
        delete all.memorykernel
        edit(all.mk)
      })
    for (const file of [PIN, MANIFEST, MATRIX]) fx.write(`copies/${file}`, fx.read(file))
    rename((b) => {
      b.trio = { pin: `copies/${PIN}`, manifest: `copies/${MANIFEST}`, matrix: `copies/${MATRIX}` }
    })
    repo.commit('rename the baseline, pointed at copies')
    const result = (await promote(fx, { base })).result
    expect(result.verdict).toBe('FAIL')
    const loose = result.baselines[0]!.findings.filter((f) => f.rule === 'BG710')
    expect(loose.map((f) => f.message)).toEqual([
      `this change renames or removes the baseline "memorykernel" of the base revision's policy, and no baseline of its policy governs ${PIN}, ${MANIFEST}, ${MATRIX} any more: the consumer could go on reading a file no rule judges; keep the files governed (a rename keeps every path), or have maintainers of both teams review and land the change themselves`
    ])

    // a plain rename, with every path kept (one written as ./config/...): governed as before
    repo.git('checkout', '-q', base, '--', '.')
    rename((b) => {
      ;(b.trio as Record<string, string>).pin = `./${PIN}`
    })
    repo.commit('rename the baseline only')
    const plain = (await promote(fx, { base })).result
    expect(plain.baselines[0]!.findings.filter((f) => f.rule === 'BG710')).toEqual([])
  })

  it('a policy edit that moves a file to where health would fail once merged fails the change, said at the new path', async () => {
    const { fx, repo, base } = governedBase()
    // only the policy changes: the handoff is looked for where there is none, and the matrix is the README
    editBaseline(fx, (b) => {
      ;(b.producer as Record<string, string>).handoff = 'NOPE.json'
      ;(b.trio as Record<string, string>).matrix = 'README.md'
    })
    fx.write('README.md', '# app\n')
    repo.commit('point the policy elsewhere')
    const b = (await promote(fx, { base })).result.baselines[0]!
    expect(b.verdict).toBe('FAIL')
    expect(b.change?.trio_changed).toBe(false)
    const after = b.findings.filter((f) => f.message.endsWith('health judges this file once it is merged)'))
    expect(new Set(after.map((f) => f.file))).toEqual(
      new Set(['README.md', 'services/memorykernel/NOPE.json'])
    )
    expect(after.every((f) => f.severity === 'error')).toBe(true)
    expect(rules(b.findings)).toContain('BG707')
  })

  it("in a monorepo, a policy above the root named by its absolute path is the repository's all the same", async () => {
    const fx = trioFixture()
    // the consumer below the top; its policy above it, where a workflow names it by its absolute path
    const consumer = join(fx.root, 'consumer')
    mkdirSync(consumer)
    for (const entry of readdirSync(fx.root).filter((e) => e !== '.git' && e !== 'consumer'))
      renameSync(join(fx.root, entry), join(consumer, entry))
    const policyPath = join(fx.root, 'policy.json')
    renameSync(join(consumer, POLICY), policyPath)
    const repo = gitRepo(fx)
    const base = repo.commit(`the approved baseline ${EMBEDDED.tag}`, OLD_DATE)
    for (const file of [PIN, MANIFEST, MATRIX]) cpSync(join(consumer, file), join(consumer, 'decoy', file))
    writeFileSync(join(consumer, PIN), '{ "release_tag": ')
    const policy = JSON.parse(readFileSync(policyPath, 'utf8')) as {
      baselines: Record<string, Record<string, unknown>>
    }
    policy.baselines.memorykernel!.trio = {
      pin: `decoy/${PIN}`,
      manifest: `decoy/${MANIFEST}`,
      matrix: `decoy/${MATRIX}`
    }
    writeFileSync(policyPath, JSON.stringify(policy, null, 2))
    repo.commit('a pull request: the pin broken, the policy above the root pointed at copies')

    const b = (await promote({ root: consumer }, { base, policyPath })).result.baselines[0]!
    expect(b.verdict).toBe('FAIL')
    expect(b.change?.changed_files).toEqual([PIN])
    expect(rules(b.findings)).toContain('BG707')
  })

  it('a base policy that cannot be read fails every change: no file can be told to be the trio', async () => {
    const fx = trioFixture()
    fx.write(POLICY, '{ "baselines": ')
    const repo = gitRepo(fx)
    const base = repo.commit('a broken policy on the base branch', OLD_DATE)
    fx.write(POLICY, readFileSync(join(REPO_ROOT, POLICY), 'utf8'))
    repo.commit('repair the policy')
    const b = (await promote(fx, { base })).result.baselines[0]!
    expect(b.verdict).toBe('FAIL')
    expect(b.findings.map((f) => [f.rule, f.severity])).toContainEqual(['BG708', 'error'])
    expect(b.findings.find((f) => f.rule === 'BG708')!.message).toContain(
      "the base revision's policy cannot be read"
    )
  })
})
