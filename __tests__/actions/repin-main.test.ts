// The repin action's entry point (src/actions/repin/main.ts) in this process, as the runner would run it, on a real
// git repository whose producer tagged a release, against the loopback fake GitHub API: the pull request opened
// with its body and labels, a re-delivery that changes nothing, a malformed tag refused before anything is read.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startFakeGitHub } from '../../__fixtures__/fake-github.js'
import type { FakeGitHub } from '../../__fixtures__/fake-github.js'
import { run } from '../../src/actions/repin/main.js'
import { runStep, stepFiles } from '../helpers/in-process.js'
import type { StepRun } from '../helpers/in-process.js'
import { cleanupFixtures, PIN } from '../helpers/fixture.js'
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
  repository = REPOSITORY
): Promise<StepRun> {
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
