// The promotion gate on a change of several commits (BG529): each commit that touches the trio must leave it as the
// base or the head has it, since a rebase merge puts every commit on the branch's history, where lkg and rollback
// take each trio revision for a baseline the branch had (found by review: a tampered trio, set in one commit and
// put back in the next, passed the gate and was restored by the next rollback).
import { afterAll, describe, expect, it } from '@jest/globals'
import type { BaselineResult } from '../../src/operations/context.js'
import { cleanupFixtures, MATRIX, MIRROR, nextTag, EMBEDDED, PIN, trioFixture } from '../helpers/fixture.js'
import { gitRepo, OLD_DATE, producerRelease, promote, repin, writePolicy } from '../helpers/git-repo.js'

afterAll(cleanupFixtures)

const NEXT = nextTag(EMBEDDED.tag, 'minor')
const only = (run: { result: { baselines: BaselineResult[] } }): BaselineResult => run.result.baselines[0]!
const bg529 = (b: BaselineResult) => b.findings.filter((f) => f.rule === 'BG529')

function start() {
  const fx = trioFixture()
  writePolicy(fx, { consumer: [] })
  const repo = gitRepo(fx)
  const base = repo.commit(`the approved baseline ${EMBEDDED.tag}`, OLD_DATE)
  return { fx, repo, base }
}

describe('promotion: the trio inside the change (BG529)', () => {
  it('a trio set in one commit and put back in the next fails, naming the commit and the files; the change as a whole leaves the trio alone', async () => {
    const { fx, repo, base } = start()
    const before = { pin: fx.read(PIN), mirror: fx.read(MIRROR) }
    fx.write(MIRROR, before.mirror.replace('"invalid_json"', '"invalid_json_renamed"'))
    fx.editJson(PIN, (p) => (p.default_timeout_ms = 9000))
    const planted = repo.commit('tune the client')
    fx.write(PIN, before.pin)
    fx.write(MIRROR, before.mirror)
    fx.write('src/app.ts', 'export const app = 2\n')
    repo.commit('revert, and an unrelated change')
    const b = only(await promote(fx, { base, suites: false }))
    expect(b.change?.trio_changed).toBe(false)
    expect(b.verdict).toBe('FAIL')
    expect(bg529(b).map((f) => [f.severity, f.message])).toEqual([
      [
        'error',
        `a commit of this change leaves the trio as neither its base has it nor pinning its head's baseline: ${planted.slice(0, 12)} (${PIN}, ${MIRROR}). Merged by rebase or fast-forward, it lands on the branch's history, where lkg, rollback and this gate read every trio revision as a baseline the branch had; squash the change's trio edits into one commit (git rebase -i on the base, then push)`
      ]
    ])
  })

  it('a promotion written file by file fails on the commit whose pin and mirror are neither the base nor the head (a half-updated trio would land); squashed, it passes', async () => {
    const { fx, repo, base } = start()
    producerRelease(fx, NEXT, (m) => (m.error_code_enum as string[]).push('quota_exceeded'))
    repin(fx)
    const promoted = { pin: fx.read(PIN), mirror: fx.read(MIRROR), matrix: fx.read(MATRIX) }
    repo.commit('the producer releases')
    // the same change, committed file by file on top of the base
    const { fx: fx2, repo: repo2, base: base2 } = start()
    fx2.write(MIRROR, promoted.mirror)
    const one = repo2.commit('mirror')
    fx2.write(PIN, promoted.pin)
    const two = repo2.commit('pin')
    fx2.write(MATRIX, promoted.matrix)
    repo2.commit('matrix')
    const split = only(await promote(fx2, { base: base2, suites: false }))
    // the mirror alone: a trio no promotion judged; the pin then, beside the new mirror: the head's baseline, its
    // matrix still the base's (lkg takes the newest revision of a baseline, the head's, never this one)
    expect(bg529(split).map((f) => f.message)).toEqual([
      expect.stringMatching(
        new RegExp(`^a commit of this change leaves the trio .*: ${one.slice(0, 12)} \\(`)
      )
    ])
    expect(bg529(split)[0]!.message).not.toContain(two.slice(0, 12))
    // one commit that moves the trio from the base to the head, beside commits that do not touch it: no BG529
    const squashed = only(await promote(fx, { base, suites: false }))
    expect(bg529(squashed)).toEqual([])
  })

  it("checked out as GitHub's merge of the change into a base that moved on, the change's own last commit is an end of it", async () => {
    const { fx, repo } = start()
    // the change: the pin's timeout, in one commit on a branch
    repo.git('checkout', '-q', '-b', 'change')
    fx.editJson(PIN, (p) => (p.default_timeout_ms = 9000))
    repo.commit('the timeout')
    // meanwhile the base branch edits the matrix's prose
    repo.git('checkout', '-q', 'main')
    fx.write(MATRIX, `${fx.read(MATRIX)}\nA note on the base branch.\n`)
    const moved = repo.commit('a note')
    // refs/pull/N/merge: the base that moved on, with the change merged in
    repo.git('merge', '-q', '--no-ff', '-m', 'Merge the change', 'change')
    const b = only(await promote(fx, { base: moved, suites: false }))
    expect(bg529(b)).toEqual([])
  })

  it("a merge at the head that is not GitHub's merge of the change into the base makes no parent an end (found by review)", async () => {
    const { fx, repo, base } = start()
    const pin = fx.read(PIN)
    fx.editJson(PIN, (p) => (p.default_timeout_ms = 9000))
    const planted = repo.commit('a planted pin')
    fx.write(PIN, pin)
    repo.commit('put back')
    // a merge that names the planted commit as a parent, at the head of the change
    const tree = repo.git('rev-parse', 'HEAD^{tree}')
    const merge = repo.git('commit-tree', tree, '-p', 'HEAD', '-p', planted, '-m', "Merge branch 'wip'")
    repo.git('reset', '-q', '--hard', merge)
    const b = only(await promote(fx, { base, suites: false }))
    expect(bg529(b).map((f) => f.message)).toEqual([expect.stringContaining(planted.slice(0, 12))])
  })

  it('a ledger note fixed up in a second commit is fine (found by review)', async () => {
    const { fx, repo, base } = start()
    const matrix = fx.read(MATRIX)
    fx.write(MATRIX, `${matrix}\nA note, with a typo: teh.\n`)
    repo.commit('a note')
    fx.write(MATRIX, `${matrix}\nA note, with the typo fixed.\n`)
    repo.commit('fix the typo')
    const b = only(await promote(fx, { base, suites: false }))
    expect(bg529(b)).toEqual([])
  })

  it('commits of the change that leave the trio at the base or at the head are fine, in any number', async () => {
    const { fx, repo, base } = start()
    const pin = fx.read(PIN)
    fx.write('src/a.ts', 'export const a = 1\n')
    repo.commit('unrelated')
    fx.editJson(PIN, (p) => (p.default_timeout_ms = 9000))
    repo.commit('try a timeout')
    fx.write(PIN, pin)
    repo.commit('back to the base')
    fx.editJson(PIN, (p) => (p.default_timeout_ms = 9000))
    repo.commit('the timeout, for good')
    // base -> X -> base -> X: every state is the base's or the head's
    const b = only(await promote(fx, { base, suites: false }))
    expect(bg529(b)).toEqual([])
  })
})
