// A promotion step that runs a pull request's suites while it holds the token that writes the comment gives the
// verdict in a job that code can reach (sudo on GitHub's runners): it warns, naming the two-job setup. The example
// workflow's jobs, a fork's read-only token and a run for no pull request get no warning (found by review).
import { describe, expect, it } from '@jest/globals'
import { sharedJob } from '../../src/actions/promotion/main.js'
import type { EventRevisions } from '../../src/actions/shared/event.js'
import type { PromotionInputs } from '../../src/actions/shared/inputs.js'

const inputs = (over: Partial<PromotionInputs> = {}) =>
  ({ suites: true, comment: true, token: 'ghs_x', ...over }) as PromotionInputs
const revs = (over: Partial<EventRevisions> = {}): EventRevisions => ({
  base: 'a',
  head: 'b',
  pullRequest: 7,
  source: 'pull_request #7',
  fork: false,
  reviewedHead: null,
  ...over
})

describe('the suites beside the token that writes', () => {
  it('warn in the single-job setup, and say what to do', () => {
    expect(sharedJob(inputs(), revs())).toMatch(
      /^this step runs the pull request's code \(its suites\) in the job that holds the token that writes the comment.*suites: 'false'.*read-only token \(actions\/promotion\/README\.md\)$/
    )
  })

  it.each<[string, Partial<PromotionInputs>, Partial<EventRevisions>]>([
    ["the verdict's job (suites: 'false')", { suites: false }, {}],
    ["the suites' job (comment: 'false')", { comment: false }, {}],
    ['no token', { token: '' }, {}],
    ["a fork's read-only token", {}, { fork: true }],
    ['a run for no pull request', {}, { pullRequest: null }]
  ])('not for %s', (_what, i, r) => {
    expect(sharedJob(inputs(i), revs(r))).toBeNull()
  })
})
