// NO-GO -> GO through the promotion gate, against the fake GitHub REST server over real HTTP: the joint
// approval of a consumer owner and a different producer owner on the pull request's head commit, with the
// owners read from the BASE revision's policy, so the pull request cannot name its own approvers.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startFakeGitHub } from '../../__fixtures__/fake-github.js'
import type { FakeGitHub } from '../../__fixtures__/fake-github.js'
import { approvalRules } from '../../src/rules/approval.js'
import type { BaselineResult } from '../../src/operations/context.js'
import { reviewsOn } from '../helpers/github-client.js'
import type { ReviewSource } from '../../src/operations/reviews.js'
import { cleanupFixtures, MATRIX, PIN, POLICY, trioFixture } from '../helpers/fixture.js'
import type { Fixture } from '../helpers/fixture.js'
import { gitRepo, OLD_DATE, promote } from '../helpers/git-repo.js'

const REPO = 'acme/app'
const PR = 42
const TOKEN = 'gh' + 's_' + 'FakePromotionApprovalToken'.padEnd(36, '0')
const POSTURE_LINE = (p: string) => `- Runtime cutover posture: \`${p}\``

let fake: FakeGitHub
let fx: Fixture
let base: string
let head: string
let older: string

const setPosture = (posture: 'GO' | 'NO-GO') => {
  fx.editJson(PIN, (pin) => {
    pin.runtime_cutover_posture = posture
  })
  fx.replace(MATRIX, POSTURE_LINE(posture === 'GO' ? 'NO-GO' : 'GO'), POSTURE_LINE(posture))
}

const editOwners = (owners: { consumer: string[]; producer: string[] }) =>
  fx.editJson(POLICY, (policy) => {
    ;(policy.baselines as Record<string, Record<string, unknown>>).memorykernel!.owners = owners
  })

const fromServer = (): ReviewSource => reviewsOn(fake, TOKEN, PR)

async function gate(review: ReviewSource): Promise<BaselineResult> {
  const run = await promote(fx, { base, review })
  expect(run.result.baselines).toHaveLength(1)
  return run.result.baselines[0]!
}

const rules = (b: BaselineResult) => b.findings.map((f) => f.rule)

beforeAll(async () => {
  fake = await startFakeGitHub()
  fake.addToken(TOKEN, 'github-actions[bot]')
  fake.addRepo(REPO)
  fake.setTeam('acme/kernel-team', ['bob', 'dave'])

  fx = trioFixture()
  const repo = gitRepo(fx)
  // BASE: the baseline is NO-GO (pin and matrix), and the policy names the owners
  setPosture('NO-GO')
  editOwners({ consumer: ['alice'], producer: ['acme/kernel-team'] })
  base = repo.commit('NO-GO after an incident', OLD_DATE)
  // an earlier push of the pull request: reviews on it do not count for the head commit
  setPosture('GO')
  older = repo.commit('GO (first attempt)')
  // HEAD: the change also makes its author an owner on both sides, which must not help
  editOwners({ consumer: ['alice', 'mallory'], producer: ['acme/kernel-team', 'mallory'] })
  fx.write('README.md', 'cut over\n')
  head = repo.commit('GO, and mallory owns it now')
})

beforeEach(() => {
  fake.state.repos[REPO]!.pulls = {}
  fake.addPull(REPO, { number: PR, headSha: head })
})

afterAll(async () => {
  await fake.close()
  cleanupFixtures()
})

describe('promotion: NO-GO -> GO needs joint approval', () => {
  it('is a posture-only change: no identity change, classification none, only the approval rule decides', async () => {
    const b = await gate({ unavailable: 'no pull request: run locally' })
    expect(b.change).toMatchObject({
      trio_changed: true,
      changed_files: [PIN, MATRIX],
      classification: 'none',
      posture_from: 'NO-GO',
      posture_to: 'GO'
    })
    expect(b.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['BG802'])
  })

  it('without a way to read the reviews it fails with BG802, saying why', async () => {
    const b = await gate({ unavailable: 'no token to read the reviews' })
    expect(b.verdict).toBe('FAIL')
    const f = b.findings.find((x) => x.rule === 'BG802')!
    expect([f.severity, f.file, f.line]).toEqual(['error', PIN, fx.lineOf(PIN, 'runtime_cutover_posture')])
    expect(f.message).toContain('no token to read the reviews')
    // whom to ask, from the BASE policy (found by review: run locally, it named nobody)
    expect(f.message).toMatch(
      /; approvals needed: a consumer owner \(@alice\) and a producer owner \(@acme\/kernel-team\), two different people$/
    )
    expect(b.change?.approval).toEqual({
      approved: false,
      consumer: [],
      producer: [],
      head_sha: null,
      problem: 'no token to read the reviews'
    })
  })

  it('without any approval on the pull request it fails with BG801', async () => {
    const b = await gate(fromServer())
    expect(b.verdict).toBe('FAIL')
    expect(rules(b)).toContain('BG801')
    expect(b.findings.find((f) => f.rule === 'BG801')!.message).toContain(
      'still needed: an approval from a consumer owner and one from a producer owner'
    )
    expect(b.change?.approval).toEqual({
      approved: false,
      consumer: [],
      producer: [],
      head_sha: head,
      problem: null
    })
  })

  it('with only one side approving it fails with BG801', async () => {
    fake.addReview(REPO, PR, 'bob', 'APPROVED', head)
    const b = await gate(fromServer())
    expect(b.verdict).toBe('FAIL')
    expect(b.findings.find((f) => f.rule === 'BG801')!.message).toContain(
      'still needed: an approval from a consumer owner'
    )
    expect(b.change?.approval).toMatchObject({ approved: false, consumer: [], producer: ['bob'] })
  })

  it('owners come from the BASE policy: the head commit making its author an owner does not help', async () => {
    fake.addReview(REPO, PR, 'mallory', 'APPROVED', head)
    fake.addReview(REPO, PR, 'bob', 'APPROVED', head)
    const b = await gate(fromServer())
    expect(b.verdict).toBe('FAIL')
    expect(rules(b)).toContain('BG801')
    expect(b.change?.approval).toMatchObject({ approved: false, consumer: [], producer: ['bob'] })
  })

  it('an approval on an earlier commit of the pull request does not count for its head', async () => {
    fake.addReview(REPO, PR, 'alice', 'APPROVED', older)
    fake.addReview(REPO, PR, 'bob', 'APPROVED', head)
    const b = await gate(fromServer())
    expect(b.verdict).toBe('FAIL')
    expect(b.change?.approval).toMatchObject({ approved: false, consumer: [], producer: ['bob'] })
    expect(b.findings.find((f) => f.rule === 'BG801')!.message).toContain(
      `approval by @alice not counted: it was given on commit ${older.slice(0, 12)}, not on the head commit ` +
        head.slice(0, 12)
    )
  })

  it("the author's own approval does not count, and BG801 says so", async () => {
    fake.state.repos[REPO]!.pulls = {}
    fake.addPull(REPO, { number: PR, headSha: head, login: 'alice' }) // a consumer owner opened it
    fake.addReview(REPO, PR, 'alice', 'APPROVED', head)
    fake.addReview(REPO, PR, 'bob', 'APPROVED', head)
    const b = await gate(fromServer())
    expect(b.verdict).toBe('FAIL')
    expect(b.change?.approval).toMatchObject({ approved: false, consumer: [], producer: ['bob'] })
    const f = b.findings.find((x) => x.rule === 'BG801')!
    expect([f.severity, f.file]).toEqual(['error', PIN])
    expect(f.message).toContain('still needed: an approval from a consumer owner')
    expect(f.message).toContain('approval by @alice not counted: they opened the pull request')
  })

  it("a bot's approval does not count, even when its team owns a side", async () => {
    fake.setTeam('acme/kernel-team', ['bob', 'dave', 'kernel-ci[bot]'])
    try {
      fake.addReview(REPO, PR, 'alice', 'APPROVED', head)
      fake.addReview(REPO, PR, 'kernel-ci[bot]', 'APPROVED', head)
      const b = await gate(fromServer())
      expect(b.verdict).toBe('FAIL')
      expect(b.change?.approval).toMatchObject({ approved: false, consumer: ['alice'], producer: [] })
      expect(b.findings.find((f) => f.rule === 'BG801')!.message).toContain(
        'approval by @kernel-ci[bot] not counted: it is a bot, and only people count'
      )
    } finally {
      fake.setTeam('acme/kernel-team', ['bob', 'dave'])
    }
  })

  it('a dismissed approval does not count, and BG801 says so', async () => {
    fake.addReview(REPO, PR, 'alice', 'APPROVED', head).state = 'DISMISSED' // GitHub dismisses in place
    fake.addReview(REPO, PR, 'bob', 'APPROVED', head)
    const b = await gate(fromServer())
    expect(b.verdict).toBe('FAIL')
    expect(b.findings.find((f) => f.rule === 'BG801')!.message).toContain(
      'review by @alice not counted: it was dismissed'
    )
  })

  it('approvals count on the head the run tested: a push after the run started does not borrow them', async () => {
    // the pull request moved on to `head` after a run that tested `older` had started
    fake.addReview(REPO, PR, 'alice', 'APPROVED', head)
    fake.addReview(REPO, PR, 'bob', 'APPROVED', head)
    const server = fromServer()
    if ('unavailable' in server) throw new Error('fromServer() gives a client')
    const b = await gate({ ...server, headSha: older })
    expect(b.verdict).toBe('FAIL')
    expect(b.change?.approval).toMatchObject({ approved: false, consumer: [], producer: [], head_sha: older })
  })

  it('passes with a consumer owner and a different producer owner (through its team) approving the head: BG803', async () => {
    fake.addReview(REPO, PR, 'mallory', 'APPROVED', head)
    fake.addReview(REPO, PR, 'alice', 'APPROVED', head)
    fake.addReview(REPO, PR, 'bob', 'APPROVED', head)
    const b = await gate(fromServer())
    expect(b.verdict).toBe('PASS')
    expect(rules(b).sort()).toEqual(['BG704', 'BG803'])
    const f = b.findings.find((x) => x.rule === 'BG803')!
    expect([f.severity, f.file]).toEqual(['notice', PIN])
    expect(f.message).toContain('consumer alice, producer bob')
    // mallory approved too, but the BASE policy does not make them an owner: the notice says so
    expect(f.message).toContain(
      'approval by @mallory not counted: they are neither a consumer nor a producer owner'
    )
    expect(b.change?.approval).toEqual({
      approved: true,
      consumer: ['alice'],
      producer: ['bob'],
      head_sha: head,
      problem: null
    })
    // the team was resolved through the API
    expect(
      fake.requests.some((r) => r.route === 'GET /orgs/{org}/teams/{team_slug}/members' && r.status === 200)
    ).toBe(true)
  })
})

describe('the approval findings name every approval that did not count', () => {
  const input = (notCounted: { login: string; kind: 'approval' | 'review'; reason: string }[]) => ({
    posture: { from: 'NO-GO' as const, to: 'GO' as const },
    pinPath: PIN,
    at: null,
    approval: {
      ok: true as const,
      value: { consumer: [], producer: ['bob'], headSha: 'f'.repeat(40), approved: false, notCounted }
    }
  })

  it('says nothing more when every approval counted', () => {
    const [f] = approvalRules(input([]))
    expect(f?.message).toMatch(/still needed: an approval from a consumer owner$/)
  })

  it('names at most ten, then counts the rest', () => {
    const many = Array.from({ length: 13 }, (_, i) => ({
      login: `drive-by-${String(i).padStart(2, '0')}`,
      kind: 'approval' as const,
      reason: 'they are neither a consumer nor a producer owner'
    }))
    const [f] = approvalRules(input(many))
    expect(f?.rule).toBe('BG801')
    expect(f?.message).toContain('approval by @drive-by-09 not counted: they are neither')
    expect(f?.message).not.toContain('@drive-by-10')
    expect(f?.message).toMatch(/; 3 more approval\(s\) not counted$/)
  })
})
