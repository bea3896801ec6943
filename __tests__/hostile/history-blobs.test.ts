// A large file planted in an old commit (an intermediate commit of a merged pull request: the reviewers saw only
// the net diff) must not stall the walk that lkg, a rollback and its drill make over the trio's history: a blob
// over the read limit is passed over as unreadable, never read whole.
import { afterAll, describe, expect, it } from '@jest/globals'
import { lastKnownGood } from '../../src/operations/last-known-good.js'
import { loadPolicy } from '../../src/policy/load.js'
import { cleanupFixtures, PIN } from '../helpers/fixture.js'
import { day, TAGS, threeBaselines } from '../helpers/git-repo.js'

afterAll(cleanupFixtures)

describe('a large trio file in the history', () => {
  it('is passed over as unreadable, and the walk goes on to the last-known-good', async () => {
    const { fx, repo, c } = threeBaselines()
    const pin = fx.read(PIN)
    // 6 MiB of spaces inside the pin's object: still JSON, over the 4 MiB a trio file may have
    fx.write(PIN, `${pin.trimEnd().slice(0, -1)}${' '.repeat(6 * 1024 * 1024)}}\n`)
    const planted = repo.commit('a large pin', day(12))
    fx.write(PIN, pin)
    const restored = repo.commit('the pin restored', day(13))
    const r = await lastKnownGood(fx.root, loadPolicy({ root: fx.root }).baselines[0]!)
    expect(r.lkg.target?.identity.release_tag).toBe(TAGS.v5)
    expect(r.lkg.target?.commit).toBe(c.v5)
    expect(r.lkg.passedOver.map((p) => [p.commit, p.reason])).toEqual([
      [restored, 'current'],
      [planted, 'unreadable'],
      [c.v6, 'current']
    ])
  })
})
