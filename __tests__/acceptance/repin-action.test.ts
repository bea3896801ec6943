// Acceptance: the BUILT repin action (dist/repin/index.js) as a real child process, in a runner-like environment
// (repository_dispatch on main), on a real git repository whose producer tags its releases, against the loopback
// fake GitHub API: the first delivery opens one labelled pull request; a re-delivery changes nothing; a newer
// release updates the same pull request; a malformed tag is refused with nothing written; a breaking release is
// labelled breaking and names both teams' approvers; a tag that is not the producer's release is refused; a
// branch squatted with a made-up newer pin and another file is reset; a tag off the base branch is refused.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startFakeGitHub } from '../../__fixtures__/fake-github.js'
import type { FakeGitHub } from '../../__fixtures__/fake-github.js'
import { builtAction, lines, runBuiltAction } from '../helpers/action-run.js'
import type { ActionRun } from '../helpers/action-run.js'
import { cleanupFixtures, MATRIX, MIRROR, nextTag, PIN } from '../helpers/fixture.js'
import { TAGS } from '../helpers/git-repo.js'
import { additive, breaking, releaseRepo, REPIN_BRANCH } from '../helpers/repin-release.js'
import type { ReleaseRepo } from '../helpers/repin-release.js'

let fake: FakeGitHub
beforeAll(async () => {
  builtAction('repin')
  fake = await startFakeGitHub()
})
afterAll(async () => {
  await fake?.close()
  cleanupFixtures()
})

/** A fresh token the fake API knows, acting as the workflow's GITHUB_TOKEN. */
function actionToken(): string {
  const token = ['fake', 'repin', 'token', randomBytes(12).toString('hex')].join('-')
  fake.addToken(token, 'github-actions[bot]', { write: true })
  return token
}

/** The bundle on a repository_dispatch (producer-release) on main, from a fresh checkout of HEAD. */
function deliver(r: ReleaseRepo, repository: string, tag: string, token: string): Promise<ActionRun> {
  r.reset()
  // main on "GitHub" is the commit the workflow checked out (the repin is built on its tip alone)
  fake.pointBranch(repository, 'main', r.repo.git('rev-parse', 'HEAD'))
  return runBuiltAction({
    action: 'repin',
    workspace: r.fx.root,
    runId: '626262',
    job: 'repin',
    repository,
    sha: r.repo.git('rev-parse', 'HEAD'),
    ref: 'refs/heads/main',
    eventName: 'repository_dispatch',
    eventPayload: { action: 'producer-release', client_payload: { tag } },
    apiUrl: fake.url,
    home: true,
    inputs: { tag, token, 'base-branch': '' }
  })
}

const pullsOf = (repository: string) => Object.values(fake.state.repos[repository.toLowerCase()]!.pulls)
const writesTo = (repository: string) =>
  fake.requests.filter((q) => q.path.startsWith(`/repos/${repository}/`) && q.method !== 'GET')

/** Nowhere but the ::add-mask:: line may the token appear. */
function expectNoToken(run: ActionRun, token: string): void {
  const log = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  for (const text of [log, run.stderr, run.summary, run.outputText]) expect(text).not.toContain(token)
}

describe('the repin action (built bundle): one pull request per baseline, kept up to date', () => {
  const REPOSITORY = 'octo/repin-release'
  const r = releaseRepo()
  let token: string
  let first: ActionRun
  let again: ActionRun
  let newer: ActionRun
  let writesAfterFirst: number
  let writesAfterAgain: number
  let firstCommit: string
  let firstPull: { title: string; body: string; labels: string[] }
  beforeAll(async () => {
    fake.addRepo(REPOSITORY)
    token = actionToken()
    r.release(TAGS.v5)
    first = await deliver(r, REPOSITORY, TAGS.v5, token)
    writesAfterFirst = writesTo(REPOSITORY).length
    firstCommit = fake.commitAt(REPOSITORY, REPIN_BRANCH)!.sha
    const opened = pullsOf(REPOSITORY)
    firstPull = opened.map((p) => ({ title: p.title, body: p.body, labels: [...p.labels] }))[0]!
    expect(opened).toHaveLength(1)
    again = await deliver(r, REPOSITORY, TAGS.v5, token)
    writesAfterAgain = writesTo(REPOSITORY).length
    r.release(TAGS.v6, additive)
    newer = await deliver(r, REPOSITORY, TAGS.v6, token)
  })

  it(`the first delivery of ${TAGS.v5} opens the pull request: body, title and labels`, () => {
    expect([first.status, first.stderr]).toEqual([0, ''])
    // PASS with one BG517 warning: the producer's CHANGELOG (repin.mentions) has no entry yet
    expect(first.outputs).toMatchObject({ verdict: 'PASS', classification: 'patch', 'findings-count': '1' })
    expect(lines(first.stdout, '::warning title=BG517')).toHaveLength(1)
    expect(first.summary).toMatch(
      /^## ✅ PASS · repin to `v\d+\.\d+\.\d+` · proposed, 1 item left by repin\n/
    )
    expect(first.outputs['pull-request-url']).toMatch(/^https:\/\/\S+\/pull\/\d+$/)
    expect(pullsOf(REPOSITORY)[0]).toMatchObject({
      state: 'open',
      head: { ref: REPIN_BRANCH },
      base: { ref: 'main' }
    })
    const pr = firstPull
    expect(pr.title).toBe(`Repin MemoryKernel to ${TAGS.v5} (patch)`)
    expect(pr.labels).toEqual(['baseline-repin', 'patch'])
    // headline first: the verdict of the release and what changed; then what to do; then what did not run
    expect(pr.body).toMatch(
      new RegExp(`^## MemoryKernel: repin to \`${TAGS.v5.replace(/\./g, '\\.')}\` — patch\n`)
    )
    const at = (s: string) => pr.body.indexOf(s)
    expect(at('| Release tag |')).toBeGreaterThan(0)
    expect(at('| Release tag |')).toBeLessThan(at('### What to do next'))
    expect(at('### What to do next')).toBeLessThan(at('### What did not run'))
    expect(pr.body).toContain('Approval from the consumer owners: @alice, @acme/app-team')
    expect(pr.body).toContain('Approval from the producer owners: @bob, @acme/kernel-team')
    expect(pr.body).toMatch(/14-day stability window ends on \*\*\d{4}-\d{2}-\d{2}\*\*/)
    expect(pr.body).toContain('Left by repin:')
    expect(pr.body).toContain('Labels: `baseline-repin`, `patch`.')
  })

  it('commits exactly the repinned trio on the one branch, on top of the checked-out commit', () => {
    expect(Object.keys(fake.branches(REPOSITORY)).filter((b) => b.startsWith('baseline-gate/'))).toEqual([
      REPIN_BRANCH
    ])
    const commit = fake.commitAt(REPOSITORY, firstCommit)!
    expect(commit.message).toContain(`Repin MemoryKernel to ${TAGS.v5} (patch)`)
    expect(fake.fileAt(REPOSITORY, firstCommit, PIN)).toContain(`"release_tag": "${TAGS.v5}"`)
    expect(fake.fileAt(REPOSITORY, firstCommit, MIRROR)).toContain(`"release_tag": "${TAGS.v5}"`)
    expect(fake.fileAt(REPOSITORY, firstCommit, MATRIX)).toContain(TAGS.v5)
  })

  it('a re-delivery of the same tag changes nothing: no commit, no second pull request, no label, no edit', () => {
    expect([again.status, again.outputs.verdict]).toEqual([0, 'PASS'])
    expect(again.outputs['pull-request-url']).toBe(first.outputs['pull-request-url'])
    expect(writesAfterAgain).toBe(writesAfterFirst)
    expect(pullsOf(REPOSITORY)).toHaveLength(1)
    expect(again.summary).toContain('the branch already held this release: no new commit')
    expect(again.summary).toContain(`unchanged [${first.outputs['pull-request-url']}]`)
    expect(newer.summary).toContain(`updated [${first.outputs['pull-request-url']}]`)
  })

  it(`a newer release (${TAGS.v6}, additive) updates the same pull request: a new commit, title, body, labels`, () => {
    expect([newer.status, newer.outputs.verdict, newer.outputs.classification]).toEqual([
      0,
      'PASS',
      'additive'
    ])
    expect(newer.outputs['pull-request-url']).toBe(first.outputs['pull-request-url'])
    const pulls = pullsOf(REPOSITORY)
    expect(pulls).toHaveLength(1)
    expect(pulls[0]!.title).toBe(`Repin MemoryKernel to ${TAGS.v6} (additive)`)
    expect(pulls[0]!.body).toContain('**additive** release')
    expect(pulls[0]!.labels).toEqual(['baseline-repin', 'additive'])
    const head = fake.commitAt(REPOSITORY, REPIN_BRANCH)!
    expect(head.sha).not.toBe(firstCommit)
    expect(fake.fileAt(REPOSITORY, REPIN_BRANCH, PIN)).toContain(`"release_tag": "${TAGS.v6}"`)
    const posts = writesTo(REPOSITORY).filter((q) => q.method === 'POST' && q.path.endsWith('/pulls'))
    expect(posts).toHaveLength(1)
  })

  it(`an older release delivered late (${TAGS.v5} after ${TAGS.v6}) is refused: nothing written or sent`, async () => {
    const before = writesTo(REPOSITORY).length
    const late = await deliver(r, REPOSITORY, TAGS.v5, token)
    expect([late.status, late.outputs.verdict]).toEqual([1, 'FAIL'])
    expect(lines(late.stdout, '::error title=BG515').join('\n')).toContain(
      `already proposes ${TAGS.v6}, newer than ${TAGS.v5}`
    )
    expect(writesTo(REPOSITORY)).toHaveLength(before)
    // what to do next: nothing, unless the newer pull request was not meant
    expect(late.summary).toContain(
      `### What to do next\n\n- Nothing to do: the open pull request of \`${REPIN_BRANCH}\` already proposes \`${TAGS.v6}\`; close it first if you meant to pin \`${TAGS.v5}\``
    )
    expect(fake.fileAt(REPOSITORY, REPIN_BRANCH, PIN)).toContain(`"release_tag": "${TAGS.v6}"`)
    // refused before repin: the workspace is the checkout, untouched
    expect(r.repo.git('status', '--porcelain')).toBe('')
  })

  it.each([['v1; rm -rf /'], ['../x'], ['v1..2'], ['--upload-pack=x']])(
    'refuses the malformed tag %j with a clear error; nothing is read, written or sent',
    async (tag) => {
      const before = writesTo(REPOSITORY).length
      const bad = await deliver(r, REPOSITORY, tag, token)
      expect(bad.status).toBe(1)
      expect(lines(bad.stdout, '::error::').join('\n')).toMatch(
        /input 'tag' must be the producer's release tag \(e\.g\. v1\.4\.0\): .* Nothing was written\./
      )
      expect(bad.stderr).toBe('')
      expect(bad.outputs).toEqual({})
      expect(writesTo(REPOSITORY)).toHaveLength(before)
      expect(r.repo.git('status', '--porcelain')).toBe('')
    }
  )

  it('the token appears nowhere: not in the log, the summary or the outputs', () => {
    for (const run of [first, again, newer]) expectNoToken(run, token)
  })

  it(`once the newer release's pull request is closed unmerged, the late ${TAGS.v5} is proposed, as the refusal said (found by review)`, async () => {
    const pull = pullsOf(REPOSITORY)[0]!
    pull.state = 'closed'
    const late = await deliver(r, REPOSITORY, TAGS.v5, token)
    expect([late.status, late.outputs.verdict]).toEqual([0, 'PASS'])
    expect(fake.fileAt(REPOSITORY, REPIN_BRANCH, PIN)).toContain(`"release_tag": "${TAGS.v5}"`)
    const open = pullsOf(REPOSITORY).filter((p) => p.state === 'open')
    expect(open.map((p) => p.title)).toEqual([`Repin MemoryKernel to ${TAGS.v5} (patch)`])
    // the declined release's branch is replaced as a repin's, not as a squatter's
    expect(late.summary).not.toContain('held other changes')
  })
})

describe('the repin action (built bundle): a breaking release', () => {
  const REPOSITORY = 'octo/repin-breaking'
  const r = releaseRepo()
  let run: ActionRun
  beforeAll(async () => {
    fake.addRepo(REPOSITORY)
    r.release(TAGS.v5, breaking)
    run = await deliver(r, REPOSITORY, TAGS.v5, actionToken())
  })

  it('is labelled breaking, starts NO-GO and names both teams as the approvers', () => {
    expect([run.status, run.outputs.verdict, run.outputs.classification]).toEqual([0, 'PASS', 'breaking'])
    const pr = pullsOf(REPOSITORY)[0]!
    expect(pr.labels).toEqual(['baseline-repin', 'breaking'])
    expect(pr.title).toBe(`Repin MemoryKernel to ${TAGS.v5} (breaking)`)
    expect(pr.body).toContain('**breaking** release')
    expect(pr.body).toContain('`service.v4` (changed)')
    expect(pr.body).toContain('Runtime cutover posture after the merge: `NO-GO`.')
    expect(pr.body).toContain('@alice, @acme/app-team')
    expect(pr.body).toContain('@bob, @acme/kernel-team')
    expect(pr.body).toContain('one approving review from each of the two owner sets')
    expect(JSON.parse(fake.fileAt(REPOSITORY, REPIN_BRANCH, PIN)!)).toMatchObject({
      release_tag: TAGS.v5,
      runtime_cutover_posture: 'NO-GO'
    })
  })
})

describe('the repin action (built bundle): a tag that is not the release', () => {
  const REPOSITORY = 'octo/repin-wrong-tag'
  const r = releaseRepo()
  beforeAll(() => {
    fake.addRepo(REPOSITORY)
  })

  it('refuses a tag whose producer manifest names another release (BG515); nothing is written or sent', async () => {
    r.release(TAGS.v5)
    const wrong = nextTag(TAGS.v5, 'patch', 1)
    r.repo.git('tag', wrong)
    const run = await deliver(r, REPOSITORY, wrong, actionToken())
    expect([run.status, run.outputs.verdict]).toEqual([1, 'FAIL'])
    const errors = lines(run.stdout, '::error title=BG515').join('\n')
    expect(errors).toContain(`whose release_tag is "${TAGS.v5}", not ${wrong}`)
    expect(writesTo(REPOSITORY)).toEqual([])
    expect(r.repo.git('status', '--porcelain')).toBe('')
    expect(readFileSync(join(r.fx.root, PIN), 'utf8')).toContain(`"release_tag": "${TAGS.v4}"`)
  })

  it('refuses a tag the checkout does not have, saying to fetch the tags', async () => {
    const run = await deliver(r, REPOSITORY, 'v9.9.9', actionToken())
    expect([run.status, run.outputs.verdict]).toEqual([1, 'FAIL'])
    expect(lines(run.stdout, '::error title=BG515').join('\n')).toContain(
      'the tag v9.9.9 is not in the checkout'
    )
    expect(writesTo(REPOSITORY)).toEqual([])
  })
})

describe('the repin action (built bundle): a branch someone else pushed, a tag off the base branch', () => {
  it(`a branch squatted with release_tag v99.0.0 and another file is reset to the ${TAGS.v5} repin commit`, async () => {
    const REPOSITORY = 'octo/repin-squatted'
    const r = releaseRepo()
    fake.addRepo(REPOSITORY)
    r.release(TAGS.v5)
    const pin = JSON.parse(readFileSync(join(r.fx.root, PIN), 'utf8')) as Record<string, unknown>
    const files = {
      [PIN]: `${JSON.stringify({ ...pin, release_tag: 'v99.0.0' }, null, 2)}\n`,
      'src/backdoor.ts': 'export {}\n'
    }
    fake.addBranch(REPOSITORY, REPIN_BRANCH, files, [r.repo.git('rev-parse', 'HEAD')])
    const run = await deliver(r, REPOSITORY, TAGS.v5, actionToken())
    expect([run.status, run.outputs.verdict, run.stderr]).toEqual([0, 'PASS', ''])
    expect(fake.fileAt(REPOSITORY, REPIN_BRANCH, PIN)).toContain(`"release_tag": "${TAGS.v5}"`)
    expect(fake.filesAt(REPOSITORY, REPIN_BRANCH)!['src/backdoor.ts']).toBeUndefined()
    expect(fake.commitAt(REPOSITORY, REPIN_BRANCH)!.parents).toEqual([r.repo.git('rev-parse', 'HEAD')])
    expect(pullsOf(REPOSITORY)[0]!.body).toContain(
      `The branch \`${REPIN_BRANCH}\` held other changes; it was reset to the repin commit`
    )
  })

  it('refuses (BG515) a tag on a commit that is not on the base branch; nothing is written or sent', async () => {
    const REPOSITORY = 'octo/repin-off-base'
    const r = releaseRepo()
    fake.addRepo(REPOSITORY)
    r.repo.git('checkout', '-q', '-b', 'unreviewed')
    r.release(TAGS.v5)
    r.repo.git('checkout', '-q', 'main')
    const run = await deliver(r, REPOSITORY, TAGS.v5, actionToken())
    expect([run.status, run.outputs.verdict]).toEqual([1, 'FAIL'])
    expect(lines(run.stdout, '::error title=BG515').join('\n')).toContain(
      'which is not on the checked-out base branch'
    )
    expect(writesTo(REPOSITORY)).toEqual([])
    expect(r.repo.git('status', '--porcelain')).toBe('')
  })
})
