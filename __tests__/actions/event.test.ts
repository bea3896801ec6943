// Which revisions the promotion gate compares, and for which pull request, from the workflow event (pure).
import { describe, expect, it } from '@jest/globals'
import { mergeQueuePullRequest, revisionsFromEvent } from '../../src/actions/shared/event.js'
import type { EventInput } from '../../src/actions/shared/event.js'
import { checkNodeVersion, InputError, readPromotionInputs } from '../../src/actions/shared/inputs.js'

const BASE = 'b'.repeat(40)
const HEAD = 'c'.repeat(40)
const MERGE = 'd'.repeat(40)
const SHA = 'e'.repeat(40)

const pullRequest = (extra: Record<string, unknown> = {}) => ({
  action: 'synchronize',
  pull_request: {
    number: 12,
    base: { sha: BASE, repo: { full_name: 'octo/app' } },
    head: { sha: HEAD, repo: { full_name: 'octo/app' } },
    ...extra
  }
})

describe('revisionsFromEvent', () => {
  it.each<
    [
      string,
      EventInput,
      {
        base: string
        head: string
        pullRequest: number | null
        fork?: boolean
        source?: string
        reviewedHead?: string | null
      }
    ]
  >([
    [
      'pull_request: the base commit, GITHUB_SHA (the merge commit checked out), the number',
      { eventName: 'pull_request', payload: pullRequest(), sha: MERGE },
      // approvals count on the pull request's head commit this run tests
      { base: BASE, head: MERGE, pullRequest: 12, fork: false, reviewedHead: HEAD }
    ],
    [
      'pull_request from a fork: marked as such',
      {
        eventName: 'pull_request',
        payload: pullRequest({ head: { sha: HEAD, repo: { full_name: 'someone/app' } } }),
        sha: MERGE
      },
      { base: BASE, head: MERGE, pullRequest: 12, fork: true, source: 'pull_request #12 from a fork' }
    ],
    [
      'pull_request_review: as pull_request',
      { eventName: 'pull_request_review', payload: pullRequest(), sha: MERGE },
      { base: BASE, head: MERGE, pullRequest: 12 }
    ],
    [
      'merge_group: the queue base and head, the number from the queue branch',
      {
        eventName: 'merge_group',
        payload: {
          merge_group: {
            base_sha: BASE,
            head_sha: HEAD,
            head_ref: `refs/heads/gh-readonly-queue/main/pr-34-${HEAD}`
          }
        },
        sha: SHA
      },
      { base: BASE, head: HEAD, pullRequest: 34, reviewedHead: null }
    ],
    [
      'merge_group on a base branch with slashes',
      {
        eventName: 'merge_group',
        payload: {
          merge_group: {
            base_sha: BASE,
            head_sha: HEAD,
            head_ref: `refs/heads/gh-readonly-queue/release/2026.11/pr-5-${HEAD}`
          }
        },
        sha: SHA
      },
      { base: BASE, head: HEAD, pullRequest: 5 }
    ],
    [
      'push: the previous commit and GITHUB_SHA, no pull request',
      { eventName: 'push', payload: { before: BASE, after: SHA }, sha: SHA },
      { base: BASE, head: SHA, pullRequest: null }
    ],
    [
      'workflow_dispatch with a base input',
      { eventName: 'workflow_dispatch', payload: { inputs: {} }, sha: SHA, base: 'origin/main' },
      { base: 'origin/main', head: SHA, pullRequest: null }
    ],
    [
      'the inputs override the event',
      { eventName: 'pull_request', payload: pullRequest(), sha: MERGE, base: 'v1', head: 'topic' },
      { base: 'v1', head: 'topic', pullRequest: 12 }
    ],
    [
      'no event at all (a local run) with a base input: head is HEAD',
      { eventName: undefined, payload: null, sha: undefined, base: 'main' },
      { base: 'main', head: 'HEAD', pullRequest: null }
    ]
  ])('%s', (_name, input, expected) => {
    expect(revisionsFromEvent(input)).toMatchObject(expected)
  })

  it.each<[string, EventInput, RegExp]>([
    [
      'pull_request_target is refused: it would run the pull request with a write token',
      { eventName: 'pull_request_target', payload: pullRequest(), sha: MERGE, base: 'main' },
      /pull_request_target.*write/
    ],
    [
      'a push that created a branch (before is all zeros) needs the base input',
      { eventName: 'push', payload: { before: '0'.repeat(40) }, sha: SHA },
      /input 'base' is required: this push created a branch/
    ],
    [
      'another event without a base input',
      { eventName: 'schedule', payload: {}, sha: SHA },
      /input 'base' is required: the schedule event names no base commit/
    ],
    [
      'a pull_request payload without pull_request',
      { eventName: 'pull_request', payload: {}, sha: SHA },
      /no pull_request in its payload/
    ],
    [
      'a merge_group payload without merge_group',
      { eventName: 'merge_group', payload: { action: 'checks_requested' }, sha: SHA },
      /no merge_group in its payload/
    ]
  ])('%s', (_name, input, message) => {
    expect(() => revisionsFromEvent(input)).toThrow(InputError)
    expect(() => revisionsFromEvent(input)).toThrow(message)
  })
})

describe('mergeQueuePullRequest', () => {
  it.each<[string | null, number | null]>([
    [`refs/heads/gh-readonly-queue/main/pr-42-${HEAD}`, 42],
    [`gh-readonly-queue/main/pr-42-${HEAD}`, 42],
    [`refs/heads/gh-readonly-queue/feature/x/pr-7-${HEAD}`, 7],
    [`refs/heads/gh-readonly-queue/main/pr-0-${HEAD}`, null],
    ['refs/heads/gh-readonly-queue/main/pr-42-abc', null],
    [`refs/heads/main/pr-42-${HEAD}`, null],
    [null, null]
  ])('%s -> %s', (ref, n) => {
    expect(mergeQueuePullRequest(ref)).toBe(n)
  })
})

describe('readPromotionInputs', () => {
  const env = { GITHUB_WORKSPACE: '/work/repo', RUNNER_TEMP: '/runner/tmp', GITHUB_RUN_ID: '9' }
  const reader =
    (inputs: Record<string, string>) =>
    (name: string): string =>
      inputs[name] ?? ''

  it('reads every input into one typed object with the defaults', () => {
    expect(readPromotionInputs(reader({ token: ' t0ken ' }), env)).toEqual({
      root: '/work/repo',
      policy: undefined,
      baseline: undefined,
      evidenceDir: '/runner/tmp/baseline-gate-evidence/baseline-gate-promotion-all-job-9-1',
      base: undefined,
      head: undefined,
      suites: true,
      suitesAnyway: false,
      token: 't0ken',
      comment: true,
      uploadEvidence: true
    })
  })

  it('gives each baseline its own evidence directory, as its artifact: two steps of one job upload their own packets (found by review)', () => {
    const dirs = ['', 'billing', 'memorykernel'].map(
      (baseline) => readPromotionInputs(reader({ baseline }), env).evidenceDir
    )
    expect(dirs).toEqual([
      '/runner/tmp/baseline-gate-evidence/baseline-gate-promotion-all-job-9-1',
      '/runner/tmp/baseline-gate-evidence/baseline-gate-promotion-billing-job-9-1',
      '/runner/tmp/baseline-gate-evidence/baseline-gate-promotion-memorykernel-job-9-1'
    ])
  })

  it('parses booleans and revisions', () => {
    const inputs = readPromotionInputs(
      reader({
        suites: 'False',
        comment: 'false',
        'upload-evidence': 'TRUE',
        base: 'origin/main',
        head: 'HEAD~1'
      }),
      env
    )
    expect(inputs).toMatchObject({
      suites: false,
      comment: false,
      uploadEvidence: true,
      base: 'origin/main',
      head: 'HEAD~1'
    })
  })

  it.each([
    ['suites', 'yes', /input 'suites' must be "true" or "false"/],
    ['comment', '1', /input 'comment' must be "true" or "false"/],
    ['base', '--output=/tmp/x', /input 'base' must name one revision/],
    ['head', 'main..topic', /input 'head' must name one revision/],
    ['base', 'a b', /input 'base' must name one revision/]
  ])('refuses %s=%j', (name, value, message) => {
    expect(() => readPromotionInputs(reader({ [name]: value }), env)).toThrow(message)
  })
})

describe('checkNodeVersion', () => {
  it('takes the releases package.json names, and refuses any other, naming what it found and what to do', () => {
    for (const ok of ['v20.19.0', 'v20.20.2', 'v22.13.0', 'v24.0.0', 'v25.2.0'])
      expect(() => checkNodeVersion(ok)).not.toThrow()
    for (const old of ['v20.18.3', 'v18.20.4', 'v21.7.3', 'v22.12.0', 'v23.11.0', 'garbage'])
      expect(() => checkNodeVersion(old)).toThrow(
        new InputError(
          `baseline-gate needs Node.js 24 or newer (or 22.13+ on 22, 20.19+ on 20) on PATH (found ${old}); add actions/setup-node`
        )
      )
  })
})
