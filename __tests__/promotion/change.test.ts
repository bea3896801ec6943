// The promotion gate in process on real git repositories: what a change of the trio between BASE and HEAD is
// (5xx), that a proper producer release passes with and without its suites, that the suites only ever run on
// the checked-out head, and that the evidence it writes can be verified against the checkout.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, linkSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { RevisionError } from '../../src/git/git.js'
import { subject } from '../../src/present/headline.js'
import { lineToText } from '../../src/present/inline.js'
import { nextSteps } from '../../src/present/next-steps.js'
import { notRun } from '../../src/present/not-run.js'
import { verifyEvidence } from '../../src/operations/verify-evidence.js'
import type { BaselineResult } from '../../src/operations/context.js'
import {
  cleanupFixtures,
  copyOfBuilt,
  EMBEDDED,
  fixtureAt,
  HANDOFF,
  MATRIX,
  MIRROR,
  nextTag,
  NOW,
  PIN,
  PRODUCER_MANIFEST,
  tempDir,
  trioFixture
} from '../helpers/fixture.js'
import type { Fixture } from '../helpers/fixture.js'
import {
  day,
  gitRepo,
  nodeStep,
  OLD_DATE,
  producerRelease,
  promote,
  repin,
  writePolicy
} from '../helpers/git-repo.js'
import type { GitRepo, PolicyStep } from '../helpers/git-repo.js'

afterAll(cleanupFixtures)

/** The embedded default's release (e.g. v0.4.0), which every test repository starts from, and the next minor one. */
const BASE_TAG = EMBEDDED.tag
const NEXT = nextTag(EMBEDDED.tag, 'minor')

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex')
const rules = (b: BaselineResult) => b.findings.map((f) => f.rule)
const errors = (b: BaselineResult) => b.findings.filter((f) => f.severity === 'error').map((f) => f.rule)
const only = (run: { result: { baselines: BaselineResult[] } }): BaselineResult => {
  expect(run.result.baselines).toHaveLength(1)
  return run.result.baselines[0]!
}

/** Two small real suites: the consumer's at the repository root, the producer's in its root. */
const SUITES: { consumer: PolicyStep[]; producer: PolicyStep[] } = {
  consumer: [
    nodeStep('typecheck', 'console.log("consumer typecheck ok")'),
    nodeStep('test', 'console.log("consumer tests: 3 passed"); console.error("a warning on stderr")')
  ],
  producer: [nodeStep('cargo test', 'console.log("producer in " + require("path").basename(process.cwd()))')]
}

/** A repository whose first commit (dated well before NOW) is the embedded default baseline. */
function baseRepo(suites: { consumer?: PolicyStep[]; producer?: PolicyStep[] } = SUITES): {
  fx: Fixture
  repo: GitRepo
  base: string
} {
  // the same commit for every test that asks for these suites (fixed content, identity and date): made once, copied
  const { root, meta: base } = copyOfBuilt(`change.test baseRepo ${JSON.stringify(suites)}`, () => {
    const fx = trioFixture()
    writePolicy(fx, suites)
    return { root: fx.root, meta: gitRepo(fx).commit(`the approved baseline ${BASE_TAG}`, OLD_DATE) }
  })
  const fx = fixtureAt(root)
  return { fx, repo: gitRepo(fx), base }
}

/** The producer releases NEXT with one more error code; repin prepares the trio update; it is committed. */
function additiveRelease(fx: Fixture, repo: GitRepo): string {
  return additiveReleaseAt(fx, repo, NOW.toISOString())
}

function additiveReleaseAt(fx: Fixture, repo: GitRepo, date: string): string {
  producerRelease(fx, NEXT, (m) => (m.error_code_enum as string[]).push('quota_exceeded'))
  repin(fx)
  return repo.commit(`promote memorykernel ${NEXT}`, date)
}

describe('promotion: change rules (5xx)', () => {
  it('a commit that changes only the pin fails with BG501, naming the mirror and the matrix', async () => {
    const { fx, repo, base } = baseRepo()
    fx.editJson(PIN, (pin) => {
      pin.release_tag = NEXT
      pin.commit_sha = 'b'.repeat(40)
    })
    repo.commit('bump the pin only')
    const b = only(await promote(fx, { base }))
    expect(b.verdict).toBe('FAIL')
    expect(b.change).toMatchObject({ trio_changed: true, changed_files: [PIN] })
    const atomicity = b.findings.filter((f) => f.rule === 'BG501')
    expect(atomicity.map((f) => f.file).sort()).toEqual([MATRIX, MIRROR].sort())
    for (const f of atomicity)
      expect(f.message).toContain(`${BASE_TAG} / ${EMBEDDED.short} -> ${NEXT} / bbbbbbbbbbbb`)
  })

  it('a producer release prepared with repin passes without suites: steps skipped, notice BG704', async () => {
    const { fx, repo, base } = baseRepo()
    const head = additiveRelease(fx, repo)
    const run = await promote(fx, { base, suites: false })
    const b = only(run)
    expect(run.result.verdict).toBe('PASS')
    expect(b.verdict).toBe('PASS')
    expect(rules(b)).toEqual(['BG704'])
    expect(b.findings[0]!.severity).toBe('notice')
    expect(b.steps.map((s) => [s.suite, s.name, s.status, s.required])).toEqual([
      ['consumer', 'typecheck', 'skipped', false],
      ['consumer', 'test', 'skipped', false],
      ['producer', 'cargo test', 'skipped', false]
    ])
    expect(b.steps.every((s) => s.log_file === undefined && s.exit_code === null)).toBe(true)
    expect(b.change).toEqual({
      base,
      head,
      trio_changed: true,
      changed_files: [PIN, MIRROR, MATRIX],
      classification: 'additive',
      codes_added: ['quota_exceeded'],
      codes_removed: [],
      posture_from: 'GO',
      posture_to: 'GO',
      rollback: false,
      approval: null
    })
    expect(b.identity.release_tag).toBe(NEXT)
    // no log was written for steps that did not run
    expect(Object.keys(run.files()).sort()).toEqual([
      'promotion-memorykernel.intoto.json',
      'promotion-memorykernel.json',
      'promotion-memorykernel.md'
    ])
  })

  it("a token in a step's name, argv or directory is redacted in the packet, its log's file name and the skipped steps too (found by review)", async () => {
    // built from parts, so that no scanner takes this file for a leak
    const token = ['ghp', 'Ab3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5'].join('_')
    const suites = {
      consumer: [nodeStep(`deploy with ${token}`, 'console.log("ok")', [token], { cwd: `tools/${token}` })],
      producer: []
    }
    for (const withSuites of [true, false]) {
      const { fx, repo, base } = baseRepo(suites)
      fx.write(`tools/${token}/README.md`, 'the step runs here\n')
      additiveRelease(fx, repo)
      const run = await promote(fx, { base, suites: withSuites })
      const b = only(run)
      expect(b.steps.map((s) => [s.name, s.status, s.cwd])).toEqual([
        [
          'deploy with [REDACTED:github-token]',
          withSuites ? 'passed' : 'skipped',
          'tools/[REDACTED:github-token]'
        ]
      ])
      expect(b.steps[0]!.argv!.at(-1)).toBe('[REDACTED:github-token]')
      const files = run.files()
      for (const [name, bytes] of Object.entries(files)) {
        expect(name.toLowerCase()).not.toContain(token.toLowerCase())
        expect(bytes.toString('utf8')).not.toContain(token)
      }
    }
  })

  it('the same release passes with small real suites: every step passed, its redacted log written and digested; verify-evidence agrees, and catches one changed byte of a trio file or a log', async () => {
    const { fx, repo, base } = baseRepo()
    additiveRelease(fx, repo)
    const run = await promote(fx, { base, suites: true })
    const b = only(run)
    expect(b.verdict).toBe('PASS')
    expect(b.findings).toEqual([])
    expect(b.redactions).toBe(0)
    expect(b.steps.map((s) => [s.suite, s.name, s.status, s.exit_code, s.required, s.cwd])).toEqual([
      ['consumer', 'typecheck', 'passed', 0, true, '.'],
      ['consumer', 'test', 'passed', 0, true, '.'],
      ['producer', 'cargo test', 'passed', 0, true, 'services/memorykernel']
    ])
    const files = run.files()
    for (const s of b.steps) {
      const log = files[s.log_file!]
      expect(log).toBeDefined()
      expect(s.log_sha256).toBe(sha256(log!))
    }
    const logOf = (name: string) => files[b.steps.find((s) => s.name === name)!.log_file!]!.toString('utf8')
    expect(logOf('typecheck')).toContain('consumer typecheck ok')
    expect(logOf('test')).toContain('consumer tests: 3 passed')
    expect(logOf('test')).toContain('a warning on stderr') // stderr is captured too
    expect(logOf('cargo test')).toContain('producer in memorykernel') // run in the producer root
    expect(b.steps.find((s) => s.name === 'test')!.log_tail).toContain('consumer tests: 3 passed')

    // the packet on disk is what the result says
    const packet = JSON.parse(readFileSync(b.evidence, 'utf8')) as Record<string, unknown>
    expect(packet).toMatchObject({ operation: 'promotion', baseline: 'memorykernel', verdict: 'PASS' })
    expect(packet.steps).toEqual(JSON.parse(JSON.stringify(b.steps)))
    expect((packet.trio as Record<string, { sha256: string }>).pin.sha256).toBe(sha256(fx.readBytes(PIN)))

    // verify-evidence: 3 trio digests and 3 log digests, all matching
    expect(verifyEvidence(fx.root, b.evidence)).toEqual({ checked: 6, problems: [], unreadable: false })

    // one byte of a trio file
    const matrix = fx.readBytes(MATRIX)
    const flipped = Buffer.from(matrix)
    flipped[flipped.length - 2] ^= 0x01
    fx.write(MATRIX, flipped)
    const trioBroken = verifyEvidence(fx.root, b.evidence)
    expect(trioBroken.problems).toHaveLength(1)
    expect(trioBroken.problems[0]).toContain(MATRIX)
    fx.write(MATRIX, matrix)
    expect(verifyEvidence(fx.root, b.evidence).problems).toEqual([])

    // one byte of a log
    const logFile = join(run.dir, b.steps[1]!.log_file!)
    const log = readFileSync(logFile)
    const changed = Buffer.from(log)
    changed[0] ^= 0x01
    writeFileSync(logFile, changed)
    const logBroken = verifyEvidence(fx.root, b.evidence)
    expect(logBroken.problems).toHaveLength(1)
    expect(logBroken.problems[0]).toContain(b.steps[1]!.log_file!)

    // a log replaced by a link to a file outside the evidence directory, with that file's digest: not read, so
    // neither accepted nor hashed for whoever reads the output
    const outside = join(fx.root, 'outside.txt')
    writeFileSync(outside, changed)
    rmSync(logFile)
    symlinkSync(outside, logFile)
    const linked = verifyEvidence(fx.root, b.evidence)
    expect(linked.problems).toEqual([
      expect.stringContaining(
        `the packet records ${b.steps[1]!.log_sha256!}, the file is no regular file inside the evidence directory`
      )
    ])
    expect(linked.problems[0]).not.toContain(sha256(changed))
    // nor through a hard link (no run writes one)
    rmSync(logFile)
    linkSync(outside, logFile)
    const hard = verifyEvidence(fx.root, b.evidence)
    expect(hard.problems).toEqual([
      expect.stringContaining('the file is no regular file inside the evidence directory')
    ])
    expect(hard.problems[0]).not.toContain(sha256(changed))
  })

  it('removing an error code without a service contract bump fails as breaking (BG503)', async () => {
    const { fx, repo, base } = baseRepo()
    producerRelease(fx, NEXT, (m) => {
      m.error_code_enum = (m.error_code_enum as string[]).filter((c) => c !== 'write_conflict')
    })
    repin(fx)
    repo.commit(`promote memorykernel ${NEXT} (drops write_conflict)`)
    const b = only(await promote(fx, { base }))
    expect(b.verdict).toBe('FAIL')
    expect(errors(b)).toEqual(['BG503'])
    const breaking = b.findings.find((f) => f.rule === 'BG503')!
    expect(breaking.file).toBe(MIRROR)
    expect(breaking.message).toContain('write_conflict')
    expect(b.change).toMatchObject({
      classification: 'breaking',
      codes_added: [],
      codes_removed: ['write_conflict']
    })
  })

  it('a release tag that goes down fails (BG502)', async () => {
    const { fx, repo, base } = baseRepo()
    producerRelease(fx, 'v0.3.9')
    repin(fx)
    repo.commit('"promote" memorykernel v0.3.9')
    const b = only(await promote(fx, { base }))
    expect(b.verdict).toBe('FAIL')
    expect(errors(b)).toEqual(['BG502'])
    const down = b.findings.find((f) => f.rule === 'BG502')!
    expect([down.file, down.message]).toEqual([
      PIN,
      expect.stringContaining(`v0.3.9 is lower than ${BASE_TAG}`)
    ])
    expect(down.line).toBe(fx.lineOf(PIN, '"release_tag"'))
  })

  it('a release inside the stability window of the baseline it replaces fails (BG504), dated from git history', async () => {
    const fx = trioFixture()
    writePolicy(fx, SUITES)
    const repo = gitRepo(fx)
    // the embedded pin was introduced 5 days before NOW; a later edit of the pin that keeps its identity does
    // not restart the window: the approval date is the first commit of the run of pins naming its release
    const introduced = new Date(NOW.getTime() - 5 * 86_400_000).toISOString()
    repo.commit(`approve ${BASE_TAG}`, introduced)
    fx.editJson(PIN, (pin) => {
      pin.default_timeout_ms = 3000
    })
    const base = repo.commit('tune the client timeout', new Date(NOW.getTime() - 86_400_000).toISOString())
    additiveRelease(fx, repo)
    const run = await promote(fx, { base })
    const b = only(run)
    expect(b.verdict).toBe('FAIL')
    expect(errors(b)).toEqual(['BG504'])
    const message = b.findings.find((f) => f.rule === 'BG504')!.message
    expect(message).toContain(`approved on ${introduced.slice(0, 10)}`)
    // nothing in the files to fix: the next step is the day to re-run on, not "fix the errors"
    // to the minute: on the day itself, the window is still open until then
    const ends = new Date(
      Math.ceil((Date.parse(introduced) + 14 * 86_400_000) / 60_000) * 60_000
    ).toISOString()
    expect(message).toContain(`ends on ${ends.slice(0, 10)} at ${ends.slice(11, 16)} UTC`)
    expect(nextSteps(run.result).map(lineToText)).toEqual([
      `Wait for the stability window: ${message}. Re-run this check after that instant; the change itself may stay as it is.`
    ])
  })
})

describe('promotion: the stability window dated by the base branch', () => {
  it("a pin merged yesterday from a commit dated years ago is dated by the merge, not by the commit's own date (BG504)", async () => {
    const fx = trioFixture()
    writePolicy(fx, SUITES)
    const repo = gitRepo(fx)
    const pin = fx.read(PIN)
    rmSync(join(fx.root, PIN))
    repo.commit('before the pin', OLD_DATE)
    // a pull request whose commit says it was made long ago (its author sets the date), merged yesterday
    repo.git('checkout', '-q', '-b', 'forged')
    fx.write(PIN, pin)
    repo.commit(`approve ${BASE_TAG}`, OLD_DATE)
    repo.git('checkout', '-q', 'main')
    const merged = new Date(NOW.getTime() - 86_400_000).toISOString()
    execFileSync(
      'git',
      [
        '-c',
        'user.name=Maintainer',
        '-c',
        'user.email=m@example.invalid',
        'merge',
        '-q',
        '--no-ff',
        '-m',
        'merge',
        'forged'
      ],
      { cwd: fx.root, env: { ...process.env, GIT_AUTHOR_DATE: merged, GIT_COMMITTER_DATE: merged } }
    )
    const base = repo.git('rev-parse', 'HEAD')
    additiveRelease(fx, repo)
    const b = only(await promote(fx, { base }))
    expect(errors(b)).toEqual(['BG504'])
    expect(b.findings.find((f) => f.rule === 'BG504')!.message).toContain(
      `approved on ${merged.slice(0, 10)}`
    )
  })
})

describe('promotion: the instant the time-dependent rules judge at', () => {
  /** The embedded release approved at day 0 (its manifest declares a 14-day window), NEXT promoted at day 5: inside it. */
  function earlyRelease(): { fx: Fixture; base: string; head: string } {
    const fx = trioFixture()
    writePolicy(fx, SUITES)
    const repo = gitRepo(fx)
    const base = repo.commit(`approve ${BASE_TAG}`, day(0))
    const head = additiveReleaseAt(fx, repo, day(5))
    return { fx, base, head }
  }

  it("replayed at the head commit's date, BG504 gives the same verdict on any day; the wall clock does not", async () => {
    const { fx, base, head } = earlyRelease()
    for (const today of [day(6), day(400)]) {
      const run = await promote(fx, {
        base,
        head,
        judgeAt: { source: 'commit' },
        clock: () => new Date(today)
      })
      const b = only(run)
      expect(errors(b)).toEqual(['BG504'])
      const packet = JSON.parse(readFileSync(b.evidence, 'utf8')) as { judged_at: unknown }
      expect(packet.judged_at).toEqual({ at: day(5), source: 'commit', commit: head })
    }
    // live, the same change fails on day 6 and passes once the window is over: the verdict moves with the clock
    const live = async (today: string) =>
      errors(only(await promote(fx, { base, head, clock: () => new Date(today) })))
    expect(await live(day(6))).toEqual(['BG504'])
    expect(await live(day(30))).toEqual([])
  })

  it('an instant given (--now) is what the rules judge at and what the evidence records', async () => {
    const { fx, base, head } = earlyRelease()
    const at = new Date(day(20))
    const b = only(await promote(fx, { base, head, judgeAt: { source: 'given', at } }))
    expect(errors(b)).toEqual([])
    const packet = JSON.parse(readFileSync(b.evidence, 'utf8')) as { judged_at: unknown }
    expect(packet.judged_at).toEqual({ at: at.toISOString(), source: 'given', commit: null })
  })
})

describe('promotion: an unchanged trio', () => {
  it('a commit touching only README passes at once: trio_changed false, no steps, no suite run', async () => {
    const marker = join(tempDir(), 'ran')
    const { fx, repo, base } = baseRepo({
      consumer: [
        nodeStep('would fail', 'require("fs").writeFileSync(process.argv[1], "ran"); process.exit(1)', [
          marker
        ])
      ]
    })
    fx.write('README.md', '# app\n\nnothing about the baseline\n')
    const head = repo.commit('docs only')
    const run = await promote(fx, { base, suites: true })
    const b = only(run)
    expect(b.verdict).toBe('PASS')
    expect(b.findings).toEqual([])
    expect(b.steps).toEqual([])
    expect(b.change).toEqual({
      base,
      head,
      trio_changed: false,
      changed_files: [],
      classification: 'none',
      codes_added: [],
      codes_removed: [],
      posture_from: 'GO',
      posture_to: 'GO',
      rollback: false,
      approval: null
    })
    expect(existsSync(marker)).toBe(false) // the failing step never ran
    expect(lineToText(subject(b))).toBe(
      `memorykernel: the trio did not change between ${base.slice(0, 12)} and ${head.slice(0, 12)}`
    )
    // --base naming the commit checked out: nothing to compare, said so
    const same = only(await promote(fx, { base: head, suites: true }))
    expect(lineToText(subject(same))).toBe(
      `memorykernel: nothing to compare, the base and the head are the same commit (${head.slice(0, 12)})`
    )
    // every surface says no suite ran, and why: a PASS with nothing to gate is not the suites'
    expect(notRun(b).map(lineToText)).toEqual([
      'No suite ran: the trio did not change, so there was no baseline change to test.'
    ])
    // the packet's Markdown does not say "every step ran" of a run that listed none
    const packetMd = run.files()['promotion-memorykernel.md']!.toString('utf8')
    expect(packetMd).toContain(
      '## What did not run\n\n- No suite ran: the trio did not change, so there was no baseline change to test.\n'
    )
    expect(Object.keys(run.files()).sort()).toEqual([
      'promotion-memorykernel.intoto.json',
      'promotion-memorykernel.json',
      'promotion-memorykernel.md'
    ])
  })

  it('a producer release without its repin passes, with BG518 naming the drift health will fail on once merged', async () => {
    const marker = join(tempDir(), 'ran')
    const { fx, repo, base } = baseRepo({
      consumer: [nodeStep('records it ran', 'require("fs").writeFileSync(process.argv[1], "ran")', [marker])]
    })
    producerRelease(fx, NEXT)
    repo.commit(`release the producer ${NEXT}`)
    const run = await promote(fx, { base, suites: true })
    const b = only(run)
    expect(b.verdict).toBe('PASS')
    expect(b.change?.trio_changed).toBe(false)
    expect(b.steps).toEqual([])
    expect(existsSync(marker)).toBe(false)
    expect(b.findings.map((f) => [f.rule, f.severity, f.file])).toEqual([
      ['BG518', 'warning', PRODUCER_MANIFEST]
    ])
    expect(b.findings[0]!.message).toBe(
      `the producer's manifest moves to the release ${NEXT} from ${BASE_TAG} and the trio stays pinned to ${BASE_TAG}: once this is merged, health fails (BG301, BG304) until the trio is repinned to ${NEXT}; run baseline-gate repin in this pull request (the release and its trio in one change), or right after it`
    )
    expect(nextSteps(run.result).map(lineToText)).toEqual([
      "The trio did not change, but the producer's manifest names a new release, so health fails once this is merged (BG518): repin in this pull request with npx --no baseline-gate repin (the release and its trio in one change), or right after it merges."
    ])
    // the same release with its repin in the same change: the trio changed, judged as a promotion, no BG518
    repin(fx)
    repo.commit(`promote memorykernel ${NEXT}`)
    expect(only(await promote(fx, { base, suites: false })).findings.map((f) => f.rule)).not.toContain(
      'BG518'
    )
  })

  it('an edit of the producer that breaks its files without a release fails with the drift errors health would give', async () => {
    const { fx, repo, base } = baseRepo()
    // the handoff drops an error code its manifest still has: no release, only breakage (BG305)
    fx.editJson(HANDOFF, (h) => {
      ;(h.error_code_enum as string[]).pop()
    })
    repo.commit('trim the handoff')
    const run = await promote(fx, { base })
    const b = only(run)
    expect(b.verdict).toBe('FAIL')
    expect(b.change?.trio_changed).toBe(false)
    expect(errors(b)).toEqual(['BG305'])
    expect(lineToText(nextSteps(run.result)[0]!)).toMatch(
      /^Fix the 1 error listed under Findings, then push again/
    )
    // a later change that leaves the broken files alone is not blamed for them: it did not bring the failure
    fx.write('README.md', 'later\n')
    const later = repo.commit('docs')
    fx.write(HANDOFF, `${JSON.stringify(JSON.parse(fx.read(HANDOFF)), null, 4)}\n`)
    const unrelated = only(await promote(fx, { base: later, head: repo.commit('touch the handoff again') }))
    expect(unrelated.findings.filter((f) => f.rule === 'BG305')).toEqual([])
    // the same rule saying something new is the change's: a second code dropped
    const before = repo.git('rev-parse', 'HEAD')
    fx.editJson(HANDOFF, (h) => {
      ;(h.error_code_enum as string[]).pop()
    })
    const worse = only(await promote(fx, { base: before, head: repo.commit('trim the handoff again') }))
    expect(errors(worse)).toEqual(['BG305'])
  })

  it("a release whose own files are broken fails with their errors; only what a repin ends is BG518's warning", async () => {
    const { fx, repo, base } = baseRepo()
    producerRelease(fx, NEXT, (m) => {
      m.commit_sha = 'not-a-sha'
    })
    repo.commit(`release the producer ${NEXT} with a broken manifest`)
    const b = only(await promote(fx, { base }))
    expect(b.verdict).toBe('FAIL')
    expect(errors(b)).toContain('BG302')
    expect(errors(b)).not.toContain('BG301')
    expect(b.findings.filter((f) => f.rule === 'BG518').map((f) => f.severity)).toEqual(['warning'])
  })

  it('a producer edit that still agrees with the pin (its handoff reformatted) gives no BG518', async () => {
    const { fx, repo, base } = baseRepo()
    fx.write(HANDOFF, `${JSON.stringify(JSON.parse(fx.read(HANDOFF)), null, 4)}\n`)
    repo.commit('reformat the handoff')
    const b = only(await promote(fx, { base }))
    expect([b.verdict, b.findings]).toEqual(['PASS', []])
  })
})

describe('promotion: the suites run on the checkout only', () => {
  const markerStep = (marker: string): PolicyStep[] => [
    nodeStep('records it ran', 'require("fs").writeFileSync(process.argv[1], "ran")', [marker])
  ]

  it('a head that is not the checked-out commit: no suite runs, BG506 fails the verdict', async () => {
    const marker = join(tempDir(), 'ran')
    const { fx, repo, base } = baseRepo({ consumer: markerStep(marker) })
    const head = additiveRelease(fx, repo)
    fx.write('README.md', 'later\n')
    const checkedOut = repo.commit('a later commit is checked out')
    const b = only(await promote(fx, { base, head, suites: true }))
    expect(b.verdict).toBe('FAIL')
    expect(errors(b)).toEqual(['BG506'])
    const mismatch = b.findings.find((f) => f.rule === 'BG506')!
    expect(mismatch.message).toContain(head.slice(0, 12))
    expect(mismatch.message).toContain(checkedOut.slice(0, 12))
    expect(b.steps.map((s) => [s.name, s.status, s.required])).toEqual([['records it ran', 'not-run', true]])
    expect(existsSync(marker)).toBe(false)
    // the rules still judged the head revision
    expect(b.change).toMatchObject({ head, classification: 'additive' })
  })

  it('a trio file on disk that differs from head: no suite runs, BG506 names the file', async () => {
    const marker = join(tempDir(), 'ran')
    const { fx, repo, base } = baseRepo({ consumer: markerStep(marker) })
    additiveRelease(fx, repo)
    fx.editJson(PIN, (pin) => {
      pin.default_timeout_ms = 9999 // uncommitted
    })
    const b = only(await promote(fx, { base, suites: true }))
    expect(b.verdict).toBe('FAIL')
    expect(errors(b)).toEqual(['BG506'])
    expect(b.findings.find((f) => f.rule === 'BG506')!.file).toBe(PIN)
    expect(b.steps.map((s) => s.status)).toEqual(['not-run'])
    expect(existsSync(marker)).toBe(false)
  })
})

describe('promotion: where the repository is unusual', () => {
  /**
   * A monorepo whose consumer lives at apps/consumer: the fixture is the staging area, each commit copies it
   * there. The gate's root is that directory, not the top of the repository.
   */
  function monorepo(): { fx: Fixture; root: string; commit: (message: string, date?: string) => string } {
    const fx = trioFixture()
    writePolicy(fx, { consumer: [nodeStep('test', 'console.log("tests in " + process.cwd())')] })
    const top = tempDir('bg-monorepo-')
    const root = join(top, 'apps', 'consumer')
    writeFileSync(join(top, 'README.md'), '# the monorepo\n')
    const repo = gitRepo({ root: top })
    return {
      fx,
      root,
      commit: (message, date) => {
        // the fixture's files, not its own (empty) git directory: apps/consumer is a directory of the monorepo
        cpSync(fx.root, root, { recursive: true, filter: (src) => src !== join(fx.root, '.git') })
        return repo.commit(message, date)
      }
    }
  }

  it('a consumer in a directory of a monorepo: the trio is read from git relative to the root, and the release passes', async () => {
    const { fx, root, commit } = monorepo()
    const base = commit(`the approved baseline ${BASE_TAG}`, OLD_DATE)
    producerRelease(fx, NEXT, (m) => (m.error_code_enum as string[]).push('quota_exceeded'))
    repin(fx)
    commit(`promote memorykernel ${NEXT}`)
    const run = await promote({ root }, { base, suites: true })
    const b = only(run)
    expect(b.change).toMatchObject({
      trio_changed: true,
      changed_files: [PIN, MIRROR, MATRIX],
      classification: 'additive',
      posture_from: 'GO',
      posture_to: 'GO'
    })
    expect([b.verdict, b.findings]).toEqual(['PASS', []])
    expect(b.steps.map((s) => [s.status, s.cwd])).toEqual([['passed', '.']])
    expect(verifyEvidence(root, b.evidence)).toEqual({ checked: 4, problems: [], unreadable: false })
  })

  it('a consumer in a directory of a monorepo: the stability window is still dated from history (BG504)', async () => {
    const { fx, root, commit } = monorepo()
    const introduced = new Date(NOW.getTime() - 3 * 86_400_000).toISOString()
    const base = commit(`the approved baseline ${BASE_TAG}`, introduced)
    producerRelease(fx, NEXT)
    repin(fx)
    commit(`promote memorykernel ${NEXT}`)
    const b = only(await promote({ root }, { base }))
    expect(errors(b)).toEqual(['BG504'])
  })

  it('a shallow clone cannot date the baseline it replaces: BG507 fails the verdict', async () => {
    const { fx, repo, base } = baseRepo()
    additiveRelease(fx, repo)
    const clone = join(tempDir('bg-clone-'), 'app')
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${fx.root}`, clone])
    const b = only(await promote({ root: clone }, { base }))
    expect(b.verdict).toBe('FAIL')
    expect(errors(b)).toEqual(['BG507'])
    expect(b.findings.find((f) => f.rule === 'BG507')!.message).toContain('fetch-depth: 0')
  })

  it('a base or head that names no commit (or looks like an option) is an error of the caller, not a verdict', async () => {
    const { fx, base } = baseRepo()
    await expect(promote(fx, { base: 'no-such-branch' })).rejects.toThrow(RevisionError)
    await expect(promote(fx, { base: '--output=/tmp/x' })).rejects.toThrow(RevisionError)
    await expect(promote(fx, { base, head: 'f'.repeat(40) })).rejects.toThrow(RevisionError)
  })
})
