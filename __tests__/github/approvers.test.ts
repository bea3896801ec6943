// Which reviews count toward the joint approval (src/github/approvers.ts, pure): the latest decision of each
// person on the head commit, never the pull request's author, never a bot, and a reason for every approval
// that does not count.
import { describe, expect, it } from '@jest/globals'
import { countApprovals, isBot, jointDecision } from '../../src/github/approvers.js'
import type { ReviewRecord } from '../../src/github/approvers.js'

const HEAD = 'a'.repeat(40)
const OLD = 'b'.repeat(40)
let clock = 0
const review = (login: string, state: string, over: Partial<ReviewRecord> = {}): ReviewRecord => ({
  login,
  userType: login.endsWith('[bot]') ? 'Bot' : 'User',
  state,
  commitId: HEAD,
  submittedAt: `2026-01-01T00:00:${String(clock++ % 60).padStart(2, '0')}Z`,
  ...over
})
const author = (login: string) => ({ login, type: 'User' })

describe('isBot', () => {
  it('knows a bot by its account type or by the [bot] suffix of its login', () => {
    expect(isBot({ login: 'github-actions[bot]' })).toBe(true)
    expect(isBot({ login: 'Renovate[BOT]', type: 'User' })).toBe(true)
    expect(isBot({ login: 'renovate', type: 'Bot' })).toBe(true)
    expect(isBot({ login: 'robot', type: 'User' })).toBe(false)
    expect(isBot({ login: 'bot', type: null })).toBe(false)
  })
})

describe('countApprovals', () => {
  it('excludes the author (whatever the case of the login) and bots, saying why', () => {
    clock = 0
    const counted = countApprovals(
      [
        review('alice', 'APPROVED'),
        review('ci[bot]', 'APPROVED'),
        review('helper', 'APPROVED', { userType: 'Bot' }),
        review('bob', 'APPROVED')
      ],
      { headSha: HEAD, author: author('ALICE') }
    )
    expect(counted).toEqual({
      approvers: ['bob'],
      notCounted: [
        { login: 'alice', kind: 'approval', reason: 'they opened the pull request' },
        { login: 'ci[bot]', kind: 'approval', reason: 'it is a bot, and only people count' },
        { login: 'helper', kind: 'approval', reason: 'it is a bot, and only people count' }
      ]
    })
  })

  it("reports the author's approval on an older commit as the author's, not as stale", () => {
    clock = 0
    const counted = countApprovals([review('alice', 'APPROVED', { commitId: OLD })], {
      headSha: HEAD,
      author: author('alice')
    })
    expect(counted.notCounted).toEqual([
      { login: 'alice', kind: 'approval', reason: 'they opened the pull request' }
    ])
  })

  it('takes the latest decision on the head in submission order; a comment or a pending review changes nothing', () => {
    clock = 0
    const early = review('bob', 'APPROVED')
    const late = review('bob', 'CHANGES_REQUESTED')
    // listed out of order: the submission time decides
    expect(countApprovals([late, early], { headSha: HEAD, author: null })).toEqual({
      approvers: [],
      notCounted: [{ login: 'bob', kind: 'approval', reason: 'they requested changes after approving' }]
    })
    clock = 0
    const counted = countApprovals(
      [review('bob', 'APPROVED'), review('bob', 'COMMENTED'), review('bob', 'PENDING')],
      { headSha: HEAD, author: null }
    )
    expect(counted).toEqual({ approvers: ['bob'], notCounted: [] })
  })

  it('refuses stale and dismissed approvals, and says nothing about a plain request for changes', () => {
    clock = 0
    const counted = countApprovals(
      [
        review('alice', 'APPROVED', { commitId: OLD }),
        review('carol', 'DISMISSED'),
        review('dave', 'CHANGES_REQUESTED'),
        review('erin', 'APPROVED', { commitId: OLD }),
        review('erin', 'APPROVED')
      ],
      { headSha: HEAD, author: null }
    )
    expect(counted).toEqual({
      approvers: ['erin'],
      notCounted: [
        {
          login: 'alice',
          kind: 'approval',
          reason: `it was given on commit ${OLD.slice(0, 12)}, not on the head commit ${HEAD.slice(0, 12)} (a later push; approve again)`
        },
        { login: 'carol', kind: 'review', reason: 'it was dismissed' }
      ]
    })
  })

  it('a later decision on another commit withdraws an approval of the head (found by review)', () => {
    clock = 0
    const counted = countApprovals(
      [
        review('alice', 'APPROVED'),
        review('bob', 'APPROVED'),
        // submitted from an older commit's page: GitHub takes it as bob's state
        review('bob', 'CHANGES_REQUESTED', { commitId: OLD }),
        review('carol', 'APPROVED'),
        review('carol', 'DISMISSED', { commitId: OLD }),
        // the other way round: a request for changes on an old commit, then an approval of the head
        review('dave', 'CHANGES_REQUESTED', { commitId: OLD }),
        review('dave', 'APPROVED'),
        // an approval of the head, then one of an older commit: the latest is not the head's
        review('erin', 'APPROVED'),
        review('erin', 'APPROVED', { commitId: OLD })
      ],
      { headSha: HEAD, author: null }
    )
    expect(counted).toEqual({
      approvers: ['alice', 'dave'],
      notCounted: [
        {
          login: 'bob',
          kind: 'approval',
          reason: `they requested changes after approving (on commit ${OLD.slice(0, 12)}, which withdraws their approval of every commit)`
        },
        { login: 'carol', kind: 'review', reason: 'it was dismissed' },
        {
          login: 'erin',
          kind: 'approval',
          reason: `it was given on commit ${OLD.slice(0, 12)}, not on the head commit ${HEAD.slice(0, 12)} (a later push; approve again)`
        }
      ]
    })
  })

  it('with no author known, still excludes bots', () => {
    clock = 0
    expect(
      countApprovals([review('dependabot[bot]', 'APPROVED')], { headSha: HEAD, author: null }).approvers
    ).toEqual([])
  })
})

describe('jointDecision', () => {
  const owners = { consumer: new Set(['alice', 'sam']), producer: new Set(['bob', 'sam']) }

  it('needs two different people, one per side, and names approvers who own neither side', () => {
    expect(jointDecision(['sam', 'zoe'], owners)).toEqual({
      consumer: ['sam'],
      producer: ['sam'],
      approved: false,
      notOwners: [
        { login: 'zoe', kind: 'approval', reason: 'they are neither a consumer nor a producer owner' }
      ]
    })
    expect(jointDecision(['Bob', 'sam'], owners)).toMatchObject({
      consumer: ['sam'],
      producer: ['Bob', 'sam'],
      approved: true,
      notOwners: []
    })
  })
})
