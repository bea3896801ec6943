// The repin action's entry point (src/actions/repin/main.ts) in this process, as the runner would run it, on a real
// git repository whose producer tagged a release, against the loopback fake GitHub API: the pull request opened
// with its body and labels, a re-delivery that changes nothing, a malformed tag refused before anything is read;
// a branch someone else pushed (other files, an edited ledger, a made-up newer pin) reset to the repin commit, and
// a tag off the base branch or older than the base's pin refused (attack review #4, #9).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startFakeGitHub } from '../../__fixtures__/fake-github.js'
import type { FakeGitHub } from '../../__fixtures__/fake-github.js'
import { run } from '../../src/actions/repin/main.js'
import { runStep, stepFiles } from '../helpers/in-process.js'
import type { StepRun } from '../helpers/in-process.js'
import { cleanupFixtures, MATRIX, MIRROR, PIN } from '../helpers/fixture.js'
import { TAGS } from '../helpers/git-repo.js'
import { releaseRepo, REPIN_BRANCH } from '../helpers/repin-release.js'

const REPOSITORY = 'octo/repin-inprocess'
// @actions/core remembers the summary file's path from its first write: one pair of files for every run here
const FILES = stepFiles('bg-repin-inprocess-')

let fake: FakeGitHub
let token: string
beforeAll(async () => {
  fake = await startFakeGitHub()
  fake.addRepo(REPOSITORY)
  token = ['fake', 'repin', 'token', 'inprocess'].join('-')
  fake.addToken(token, 'github-actions[bot]', { write: true })
})
afterAll(async () => {
  await fake?.close()
  cleanupFixtures()
})

/** run(env) in this process with a runner's environment (helpers/in-process.ts). */
function inProcess(
  workspace: string,
  inputs: Record<string, string>,
  repository = REPOSITORY,
  mainIsCheckout = true
): Promise<StepRun> {
  // main on "GitHub" is the commit the workflow checked out (the repin is built on its tip alone)
  if (mainIsCheckout && fake.state.repos[repository.toLowerCase()])
    fake.pointBranch(
      repository,
      'main',
      execFileSync('git', ['rev-parse', 'HEAD'], { cwd: workspace, encoding: 'utf8' }).trim()
    )
  return runStep(run, {
    files: FILES,
    workspace,
    eventName: 'repository_dispatch',
    repository,
    runId: '4343',
    job: 'repin',
    apiUrl: fake.url,
    serverUrl: 'https://github.example',
    inputs: { root: '', policy: '', baseline: '', 'evidence-dir': '', 'base-branch': '', ...inputs }
  })
}

const pullsOf = () => Object.values(fake.state.repos[REPOSITORY]!.pulls)
const writes = () =>
  fake.requests.filter((r) => r.path.startsWith(`/repos/${REPOSITORY}/`) && r.method !== 'GET')

describe('the repin action in process', () => {
  const r = releaseRepo()
  let first: StepRun
  let again: StepRun
  let writesAfterFirst: number
  beforeAll(async () => {
    r.release(TAGS.v5)
    first = await inProcess(r.fx.root, { tag: TAGS.v5, token })
    writesAfterFirst = writes().length
    r.reset()
    again = await inProcess(r.fx.root, { tag: TAGS.v5, token })
  })

  it(`PASS: ${TAGS.v5} is proposed as one pull request, a patch release, labelled`, () => {
    expect([first.exitCode, first.outputs.verdict, first.outputs.classification]).toEqual([
      0,
      'PASS',
      'patch'
    ])
    expect(first.outputs['pull-request-url']).toMatch(/^https:\/\/\S+\/pull\/\d+$/)
    // the producer's CHANGELOG (repin.mentions) has no entry: one BG517 warning, the verdict stays PASS
    expect(first.outputs['findings-count']).toBe('1')
    const pulls = pullsOf()
    expect(pulls).toHaveLength(1)
    expect(pulls[0]!).toMatchObject({ state: 'open', head: { ref: REPIN_BRANCH }, base: { ref: 'main' } })
    expect(pulls[0]!.title).toBe(`Repin MemoryKernel to ${TAGS.v5} (patch)`)
    expect(pulls[0]!.labels).toEqual(['baseline-repin', 'patch'])
    expect(fake.fileAt(REPOSITORY, REPIN_BRANCH, PIN)).toContain(`"release_tag": "${TAGS.v5}"`)
  })

  it('the summary starts with the verdict and the pull request, then the body the reviewers read', () => {
    expect(first.summary).toMatch(
      new RegExp(
        `^## ✅ PASS · repin to \`${TAGS.v5.replace(/\./g, '\\.')}\` · proposed, 1 item left by repin\n`
      )
    )
    expect(first.summary).toContain(`opened [${first.outputs['pull-request-url']}]`)
    expect(first.summary).toContain('@alice, @acme/app-team')
  })

  it('what repin left is a warning each (BG517), not a bare PASS; its paths are inline code in the body', () => {
    const warnings = first.stdout.split('\n').filter((l) => l.startsWith('::warning title=BG517'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(`left this to do: services/memorykernel/CHANGELOG.md`)
    expect(first.stdout).not.toMatch(/^::error/m)
    expect(first.summary).toContain(
      `- [ ] Left by repin: \`services/memorykernel/CHANGELOG.md\` (\`repin.mentions\`) cannot be read`
    )
  })

  it('a re-delivery of the same tag writes nothing on GitHub: no commit, no second pull request, no label', () => {
    expect([again.exitCode, again.outputs.verdict]).toEqual([0, 'PASS'])
    expect(again.outputs['pull-request-url']).toBe(first.outputs['pull-request-url'])
    expect(writes()).toHaveLength(writesAfterFirst)
    expect(pullsOf()).toHaveLength(1)
    expect(pullsOf()[0]!.labels).toEqual(['baseline-repin', 'patch'])
    expect(again.summary).toContain('the branch already held this release: no new commit')
    // nothing changed on GitHub: the pull request is "unchanged", never "updated"
    expect(again.summary).toContain(`unchanged [${first.outputs['pull-request-url']}]`)
    expect(again.summary).not.toContain('updated [')
  })

  it.each([['v1; rm -rf /'], ['../x'], ['-v1'], ['$(id)'], ['']])(
    'refuses the tag %j with a clear error, before anything is read or written',
    async (tag) => {
      const before = writes().length
      const pin = readFileSync(join(r.fx.root, PIN), 'utf8')
      const bad = await inProcess(r.fx.root, { tag, token })
      expect(bad.exitCode).toBe(1)
      expect(bad.stdout).toMatch(/::error::input 'tag' must be the producer's release tag/)
      expect(bad.stdout).toContain('Nothing was written.')
      expect(bad.stdout).not.toMatch(/at \S+\.(?:ts|js):\d+/)
      expect(bad.outputs).toEqual({})
      expect(writes()).toHaveLength(before)
      expect(readFileSync(join(r.fx.root, PIN), 'utf8')).toBe(pin)
    }
  )
})

describe('the repin action in process, with a token that may not write', () => {
  const r = releaseRepo()
  const READ_ONLY = 'octo/repin-read-only'
  let run: StepRun
  beforeAll(async () => {
    fake.addRepo(READ_ONLY)
    const readOnly = ['fake', 'repin', 'token', 'read-only'].join('-')
    fake.addToken(readOnly, 'github-actions[bot]', { write: false })
    r.release(TAGS.v5)
    run = await inProcess(r.fx.root, { tag: TAGS.v5, token: readOnly }, READ_ONLY)
  })

  it('FAIL with BG516 saying what was not done; the repin is in the workspace, nothing on GitHub', () => {
    expect([run.exitCode, run.outputs.verdict, run.outputs['pull-request-url']]).toEqual([1, 'FAIL', ''])
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error title=BG516'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('the repin was not committed')
    expect(errors[0]).toContain('contents: write')
    expect(Object.values(fake.state.repos[READ_ONLY]!.pulls)).toEqual([])
    expect(Object.keys(fake.branches(READ_ONLY))).toEqual(['main'])
    expect(readFileSync(join(r.fx.root, PIN), 'utf8')).toContain(`"release_tag": "${TAGS.v5}"`)
  })
})

describe('the repin action in process, with a token that may not create labels', () => {
  it('proposes the release (PASS) and warns BG525 with what to grant, not BG516 (found by review)', async () => {
    const r = releaseRepo()
    const REPO = 'octo/repin-no-labels'
    fake.addRepo(REPO)
    r.release(TAGS.v5)
    // GitHub's answer to a token with pull-requests: write but not issues: write, for a label it must create
    fake.failNext('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', 403, 1, {
      body: { message: 'You do not have permission to create labels on this repository.' }
    })
    const run = await inProcess(r.fx.root, { tag: TAGS.v5, token }, REPO)
    expect([run.exitCode, run.outputs.verdict]).toEqual([0, 'PASS'])
    expect(run.outputs['pull-request-url']).not.toBe('')
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning title=BG525'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('is not labelled baseline-repin, patch')
    expect(warnings[0]).toContain('issues: write')
    expect(run.stdout).not.toContain('::error title=BG516')
    // the summary does not claim the labels it could not set
    expect(run.summary).toContain('not labelled (BG525) `baseline-repin`, `patch`')
    expect(run.summary).not.toMatch(/; labels `baseline-repin`/)
  })
})

describe('the repin action in process, run on a commit that is not the tip of the base branch', () => {
  const OFF = 'octo/repin-off-base'
  const r = releaseRepo()
  let run: StepRun
  beforeAll(async () => {
    fake.addRepo(OFF)
    // a workflow dispatched on an unreviewed branch: main on GitHub is elsewhere
    fake.pointBranch(OFF, 'main', 'c'.repeat(40))
    r.release(TAGS.v5)
    run = await inProcess(r.fx.root, { tag: TAGS.v5, token, 'base-branch': 'main' }, OFF, false)
  })

  it('FAIL with BG516 and nothing written on GitHub: no branch, no commit, no pull request', () => {
    expect([run.exitCode, run.outputs.verdict, run.outputs['pull-request-url']]).toEqual([1, 'FAIL', ''])
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error title=BG516'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /nothing was written: the checked-out commit \w{12} is not the tip of main \(cccccccccccc\)/
    )
    expect(fake.requests.filter((q) => q.path.startsWith(`/repos/${OFF}/`) && q.method !== 'GET')).toEqual([])
    expect(Object.keys(fake.branches(OFF))).toEqual(['main'])
  })
})

describe('the repin action in process, without a token', () => {
  const r = releaseRepo()
  let run: StepRun
  beforeAll(async () => {
    r.release(TAGS.v5)
    run = await inProcess(r.fx.root, { tag: TAGS.v5, token: '' })
  })

  it('repins in the workspace only, and its summary never speaks of "this pull request"', () => {
    expect([run.exitCode, run.outputs.verdict, run.outputs['pull-request-url']]).toEqual([0, 'PASS', ''])
    expect(run.summary).toMatch(
      /^## ✅ PASS · repin to `v0\.5\.0` · repinned in the workspace only, 1 item left by repin\n/
    )
    expect(run.summary).toContain(
      'repinned in the workspace; no pull request (no GitHub token or repository)'
    )
    expect(run.summary).toContain('| | Pinned now | Repinned in the workspace |')
    expect(run.summary).toContain('### About this repin')
    expect(run.summary).not.toMatch(/this pull request/i)
  })
})

describe('the repin action in process: a branch pushed by someone else, and tags that are no release of the base', () => {
  /** A repository of the fake with the release repository's tags released, as each test starts. */
  const released = (repo: string, ...tags: string[]) => {
    const r = releaseRepo()
    fake.addRepo(repo)
    for (const tag of tags) r.release(tag)
    return r
  }
  const SQUAT = 'octo/repin-squatted'
  const EVIL = '.github/workflows/evil.yml'
  const writesTo = (repo: string) =>
    fake.requests.filter((q) => q.path.startsWith(`/repos/${repo}/`) && q.method !== 'GET')
  const pullOf = (repo: string) => Object.values(fake.state.repos[repo]!.pulls)[0]!

  it('a branch holding the exact pin and mirror plus another file is reset to the repin commit, and says so', async () => {
    const r = releaseRepo()
    fake.addRepo(SQUAT)
    r.release(TAGS.v5)
    const first = await inProcess(r.fx.root, { tag: TAGS.v5, token }, SQUAT)
    expect(first.outputs.verdict).toBe('PASS')
    // the attacker pushes the same trio plus a workflow, on the checked-out commit
    const files = { ...fake.filesAt(SQUAT, REPIN_BRANCH)!, [EVIL]: 'on: push\n' }
    fake.addBranch(SQUAT, REPIN_BRANCH, files, [r.repo.git('rev-parse', 'HEAD').trim()])
    r.reset()
    const again = await inProcess(r.fx.root, { tag: TAGS.v5, token }, SQUAT)
    expect([again.exitCode, again.outputs.verdict]).toEqual([0, 'PASS'])
    expect(fake.filesAt(SQUAT, REPIN_BRANCH)![EVIL]).toBeUndefined()
    expect(fake.fileAt(SQUAT, REPIN_BRANCH, PIN)).toContain(`"release_tag": "${TAGS.v5}"`)
    expect(again.summary).toContain('the branch held other changes; it was reset to the repin commit')
    expect(pullOf(SQUAT).body).toContain(
      `The branch \`${REPIN_BRANCH}\` held other changes; it was reset to the repin commit`
    )
    // the reset commit is the repin's own: a third delivery commits nothing (the body drops the note)
    const gitWrites = () => writesTo(SQUAT).filter((q) => q.path.includes('/git/'))
    const writes = gitWrites().length
    r.reset()
    const third = await inProcess(r.fx.root, { tag: TAGS.v5, token }, SQUAT)
    expect(third.summary).toContain('the branch already held this release: no new commit')
    expect(gitWrites()).toHaveLength(writes)
    expect(pullOf(SQUAT).body).not.toContain('held other changes')
  })

  it.each([
    ['its Updated date only (repin ran on an earlier day): kept, nothing committed', false, 'dated'],
    ['an edited ledger row: reset to the repin commit, and says so', true, 'row'],
    [
      'an Updated line that is no date (found by review: blanked whole, it matched): reset, and says so',
      true,
      'undated'
    ]
  ])("a branch whose matrix differs from repin's by %s", async (_what, edited, how) => {
    const REPO = `octo/repin-matrix-${how}`
    const r = releaseRepo()
    fake.addRepo(REPO)
    r.release(TAGS.v5)
    await inProcess(r.fx.root, { tag: TAGS.v5, token }, REPO)
    const files = fake.filesAt(REPO, REPIN_BRANCH)!
    const matrix = files[MATRIX]!
    expect(matrix).toMatch(/Updated: \d{4}-\d{2}-\d{2}/)
    files[MATRIX] =
      how === 'row'
        ? matrix.replace(`| ${TAGS.v5} |`, `| ${TAGS.v5} (approved by mallory) |`)
        : how === 'undated'
          ? matrix.replace(/^Updated: .*$/m, 'Updated: signed off by security, merge without review')
          : matrix.replace(/Updated: \d{4}-\d{2}-\d{2}/, 'Updated: 2020-01-01')
    expect(files[MATRIX]).not.toBe(matrix)
    const seeded = fake.addBranch(REPO, REPIN_BRANCH, files, [r.repo.git('rev-parse', 'HEAD').trim()])
    r.reset()
    const again = await inProcess(r.fx.root, { tag: TAGS.v5, token }, REPO)
    expect([again.exitCode, again.outputs.verdict]).toEqual([0, 'PASS'])
    expect(fake.commitAt(REPO, REPIN_BRANCH)!.sha === seeded).toBe(!edited)
    expect(fake.fileAt(REPO, REPIN_BRANCH, MATRIX) === matrix).toBe(edited)
    expect(again.summary.includes('it was reset to the repin commit')).toBe(edited)
  })

  it('the same release re-delivered after the base branch moved on: a new repin commit on it, no reset note', async () => {
    const REPO = 'octo/repin-moved-on'
    const r = released(REPO, TAGS.v5)
    await inProcess(r.fx.root, { tag: TAGS.v5, token }, REPO)
    r.reset()
    writeFileSync(join(r.fx.root, 'NOTES.md'), 'unrelated\n')
    const moved = r.repo.commit('an unrelated change on main')
    r.reset()
    const again = await inProcess(r.fx.root, { tag: TAGS.v5, token }, REPO)
    expect([again.exitCode, again.outputs.verdict]).toEqual([0, 'PASS'])
    expect(fake.commitAt(REPO, REPIN_BRANCH)!.parents).toEqual([moved])
    expect(again.summary).toContain('new commit on the branch')
    expect(again.summary).not.toContain('held other changes')
  })

  it('a branch with a directory where the pin goes is reset, not a refusal that holds every release back (found by review)', async () => {
    const REPO = 'octo/repin-pin-directory'
    const r = released(REPO, TAGS.v5)
    fake.addBranch(REPO, REPIN_BRANCH, { [`${PIN}/x`]: 'squatted\n' }, [
      r.repo.git('rev-parse', 'HEAD').trim()
    ])
    const run = await inProcess(r.fx.root, { tag: TAGS.v5, token }, REPO)
    expect([run.exitCode, run.outputs.verdict]).toEqual([0, 'PASS'])
    expect(fake.fileAt(REPO, REPIN_BRANCH, PIN)).toContain(`"release_tag": "${TAGS.v5}"`)
    expect(fake.filesAt(REPO, REPIN_BRANCH)![`${PIN}/x`]).toBeUndefined()
    expect(run.summary).toContain('it was reset to the repin commit')
  })

  it('another run that creates the branch meanwhile wins: nothing is forced over it, and the run says to run again (found by review)', async () => {
    const REPO = 'octo/repin-race'
    const r = released(REPO, TAGS.v5)
    // another delivery's branch appears between this run's read of the branch and its write
    fake.beforeNext('POST /repos/{owner}/{repo}/git/commits', () =>
      fake.addBranch(REPO, REPIN_BRANCH, { 'theirs.txt': 'another run\n' }, [
        r.repo.git('rev-parse', 'HEAD').trim()
      ])
    )
    const run = await inProcess(r.fx.root, { tag: TAGS.v5, token }, REPO)
    expect(run.outputs.verdict).toBe('FAIL')
    expect(fake.filesAt(REPO, REPIN_BRANCH)).toMatchObject({ 'theirs.txt': 'another run\n' })
    expect(Object.values(fake.state.repos[REPO]!.pulls)).toHaveLength(0)
    expect(run.summary).toContain('another run at once?')
    expect(run.summary).not.toContain('once the token may write')
  })

  it('a pull request someone else opened from the branch: the branch is not moved under it, and it holds no release back (found by review)', async () => {
    const REPO = 'octo/repin-foreign-pull'
    const r = released(REPO, TAGS.v5, TAGS.v6)
    expect((await inProcess(r.fx.root, { tag: TAGS.v6, token }, REPO)).outputs.verdict).toBe('PASS')
    const ours = pullOf(REPO)
    ours.state = 'closed'
    const held = fake.commitAt(REPO, REPIN_BRANCH)!.sha
    const theirs = fake.addPull(REPO, {
      headRef: REPIN_BRANCH,
      baseRef: 'main',
      login: 'mallory',
      title: 'pls'
    })
    r.reset()
    // the declined v6 is no longer proposed by the gate: mallory's pull request does not make it hold v5 back...
    const late = await inProcess(r.fx.root, { tag: TAGS.v5, token }, REPO)
    expect(late.stdout).not.toContain('already proposes')
    // ...and the branch is not moved under mallory's pull request, which keeps its title
    expect(late.outputs.verdict).toBe('FAIL')
    expect(late.stdout).toContain(
      `Nothing was written: pull request #${theirs.number} from ${REPIN_BRANCH} was opened by mallory`
    )
    expect(fake.commitAt(REPO, REPIN_BRANCH)!.sha).toBe(held)
    expect(theirs.title).toBe('pls')
  })

  it('a branch squatted with release_tag v99.0.0 does not hold a real release back', async () => {
    const REPO = 'octo/repin-v99'
    const r = released(REPO, TAGS.v5)
    const pin = JSON.parse(readFileSync(join(r.fx.root, PIN), 'utf8')) as Record<string, unknown>
    pin.release_tag = 'v99.0.0'
    fake.addBranch(REPO, REPIN_BRANCH, { [PIN]: `${JSON.stringify(pin, null, 2)}\n` }, [
      r.repo.git('rev-parse', 'HEAD').trim()
    ])
    const run = await inProcess(r.fx.root, { tag: TAGS.v5, token }, REPO)
    expect([run.exitCode, run.outputs.verdict]).toEqual([0, 'PASS'])
    expect(run.stdout).not.toContain('already proposes v99.0.0')
    expect(fake.fileAt(REPO, REPIN_BRANCH, PIN)).toContain(`"release_tag": "${TAGS.v5}"`)
    expect(pullOf(REPO).body).toContain('it was reset to the repin commit')
  })

  it('a made-up newer tag on an old commit of the base branch, with a branch pinning it, holds no release back', async () => {
    const REPO = 'octo/repin-v99-tagged'
    const r = releaseRepo()
    fake.addRepo(REPO)
    // v99.0.0 tags the first commit, whose producer manifest is the v0.4.0 release's: the mirror on disk
    const first = r.repo.git('rev-list', '--max-parents=0', 'HEAD').trim()
    r.repo.git('tag', 'v99.0.0', first)
    const pin = JSON.parse(readFileSync(join(r.fx.root, PIN), 'utf8')) as Record<string, unknown>
    pin.release_tag = 'v99.0.0'
    pin.runtime_cutover_posture = 'GO'
    fake.addBranch(
      REPO,
      REPIN_BRANCH,
      { [PIN]: `${JSON.stringify(pin, null, 2)}\n`, [MIRROR]: readFileSync(join(r.fx.root, MIRROR), 'utf8') },
      [r.repo.git('rev-parse', 'HEAD').trim()]
    )
    r.release(TAGS.v5)
    const run = await inProcess(r.fx.root, { tag: TAGS.v5, token }, REPO)
    expect([run.exitCode, run.outputs.verdict]).toEqual([0, 'PASS'])
    expect(run.stdout).not.toContain('already proposes v99.0.0')
    expect(fake.fileAt(REPO, REPIN_BRANCH, PIN)).toContain(`"release_tag": "${TAGS.v5}"`)
  })

  it('refuses (BG515) a tag on a commit that is not on the checked-out base branch; nothing written', async () => {
    const REPO = 'octo/repin-off-base'
    const r = releaseRepo()
    fake.addRepo(REPO)
    r.repo.git('checkout', '-q', '-b', 'unreviewed')
    const commit = r.release(TAGS.v5)
    r.repo.git('checkout', '-q', 'main')
    const pin = readFileSync(join(r.fx.root, PIN), 'utf8')
    const run = await inProcess(r.fx.root, { tag: TAGS.v5, token }, REPO)
    expect([run.exitCode, run.outputs.verdict]).toEqual([1, 'FAIL'])
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error title=BG515'))
    expect(errors.join('\n')).toContain(
      `the tag ${TAGS.v5} is on ${commit.slice(0, 12)}, which is not on the checked-out base branch`
    )
    expect(errors.join('\n')).toContain('tag a commit of the base branch')
    expect(writesTo(REPO)).toHaveLength(0)
    expect(readFileSync(join(r.fx.root, PIN), 'utf8')).toBe(pin)
  })

  it('refuses (BG515) a release older than the one the base branch pins; nothing written', async () => {
    const REPO = 'octo/repin-older'
    const r = released(REPO, 'v0.3.0')
    const run = await inProcess(r.fx.root, { tag: 'v0.3.0', token }, REPO)
    expect([run.exitCode, run.outputs.verdict]).toEqual([1, 'FAIL'])
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error title=BG515'))
    expect(errors.join('\n')).toContain(`v0.3.0 is not newer than ${TAGS.v4}`)
    expect(errors.join('\n')).toContain('baseline-gate rollback --to v0.3.0')
    expect(writesTo(REPO)).toHaveLength(0)
  })

  it('a token-shaped release tag pinned on the base branch reaches no surface: log, summary, outputs, evidence', async () => {
    const REPO = 'octo/repin-token-pin'
    const r = releaseRepo()
    fake.addRepo(REPO)
    // a GitHub token's shape, built here so that no scanner takes this file for a leak
    const secret = ['ghp', 'Ab3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5'].join('_')
    r.fx.replace(PIN, /"release_tag": "[^"]*"/, `"release_tag": "${secret}"`)
    r.repo.commit('a pin whose release tag is a token')
    r.release(TAGS.v5)
    const run = await inProcess(r.fx.root, { tag: TAGS.v5, token }, REPO)
    expect([run.exitCode, run.outputs.verdict]).toEqual([1, 'FAIL'])
    const evidenceDir = /; evidence in (.+)$/m.exec(run.stdout)![1]!
    const evidence = readdirSync(evidenceDir).map((f) => readFileSync(join(evidenceDir, f), 'utf8'))
    expect(evidence.length).toBeGreaterThan(0)
    const surfaces = [run.stdout, run.summary, JSON.stringify(run.outputs), ...evidence]
    expect(surfaces.join('\n')).toContain('[REDACTED:github-token]')
    for (const s of surfaces) expect(s).not.toContain(secret)
    expect(writesTo(REPO)).toHaveLength(0)
  })

  it(`the release the base branch already pins (${TAGS.v4}) is no downgrade: nothing to propose`, async () => {
    const REPO = 'octo/repin-same'
    const r = releaseRepo()
    fake.addRepo(REPO)
    r.repo.git('tag', TAGS.v4)
    const run = await inProcess(r.fx.root, { tag: TAGS.v4, token }, REPO)
    expect([run.exitCode, run.outputs.verdict]).toEqual([0, 'PASS'])
    expect(run.summary).toContain('already pinned')
    expect(writesTo(REPO)).toHaveLength(0)
  })
})
