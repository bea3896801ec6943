// A trio file committed as a symbolic link is judged by the promotion gate as the checkout reads it (health,
// the suites): the file the link names, inside the root. The gate used to read the link's own text from git, so
// a change to the file behind a link the base already had went unjudged, and a linked trio failed as invalid JSON;
// lkg (and so a rollback) read the link's text as each revision's pin. A link hides the trio's history from git,
// which the gate reads (BG504's window): a change that makes or moves one, or changes a trio behind one, is BG519.
import { rmSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { cleanupFixtures, EMBEDDED, nextTag, PIN, trioFixture } from '../helpers/fixture.js'
import type { Fixture } from '../helpers/fixture.js'
import { lastKnownGood } from '../../src/operations/last-known-good.js'
import { subject } from '../../src/present/headline.js'
import { lineToText } from '../../src/present/inline.js'
import { loadPolicy, selectBaselines } from '../../src/policy/load.js'
import { day, gitRepo, OLD_DATE, producerRelease, promote, repin } from '../helpers/git-repo.js'

afterAll(cleanupFixtures)

const NEXT = nextTag(EMBEDDED.tag, 'minor')
const SHARED = 'shared/pin.json'

/** The pin moved to shared/pin.json, config's pin a link to it, committed as the approved baseline. */
function linkedBase(date = OLD_DATE): { fx: Fixture; repo: ReturnType<typeof gitRepo>; base: string } {
  const fx = trioFixture()
  fx.write(SHARED, fx.read(PIN))
  rmSync(join(fx.root, PIN))
  symlinkSync(`../${SHARED}`, join(fx.root, PIN))
  const repo = gitRepo(fx)
  const base = repo.commit(`the approved baseline ${EMBEDDED.tag}, its pin a link`, date)
  return { fx, repo, base }
}

const errors = (findings: { rule: string; severity: string; file: string | null }[]) =>
  findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.file}`)

describe('promotion: a trio file committed as a symbolic link', () => {
  it('a change to the file behind a link the base already had is the trio changing, and is judged', async () => {
    const { fx, repo, base } = linkedBase()
    fx.editJson(SHARED, (pin) => {
      pin.release_tag = 'v9.9.9'
    })
    repo.commit('the pin changed behind its link')
    const b = (await promote(fx, { base })).result.baselines[0]!
    expect(b.change?.trio_changed).toBe(true)
    expect(b.change?.changed_files).toEqual([PIN])
    expect(b.verdict).toBe('FAIL')
    // the pin moved on alone: the mirror and the ledger no longer agree with it
    expect(errors(b.findings)).toEqual(
      expect.arrayContaining([
        'BG501 docs/MEMORYKERNEL_COMPATIBILITY_MATRIX.md',
        expect.stringMatching(/^BG201 /),
        `BG519 ${PIN}`
      ])
    )
  })

  it('a repin written through the link is judged on the pin, not the link text; the link itself is BG519, the only error', async () => {
    const { fx, repo, base } = linkedBase()
    producerRelease(fx, NEXT)
    repin(fx)
    repo.commit(`repin ${NEXT} through the link`)
    const b = (await promote(fx, { base })).result.baselines[0]!
    expect(errors(b.findings)).toEqual([`BG519 ${PIN}`])
    expect(b.findings.find((f) => f.rule === 'BG519')?.message).toContain(
      `reached through a symbolic link (${PIN} -> ../${SHARED})`
    )
    expect([b.verdict, b.identity.release_tag, b.change?.trio_changed]).toEqual(['FAIL', NEXT, true])
  })

  it('a change that makes the pin a link, bytes unchanged, fails (BG519): the first step of hiding its history', async () => {
    const fx = trioFixture()
    const repo = gitRepo(fx)
    const base = repo.commit(`the approved baseline ${EMBEDDED.tag}`, OLD_DATE)
    fx.write(SHARED, fx.read(PIN))
    rmSync(join(fx.root, PIN))
    symlinkSync(`../${SHARED}`, join(fx.root, PIN))
    repo.commit('the pin behind a link, the same bytes')
    const run = await promote(fx, { base })
    const b = run.result.baselines[0]!
    expect(b.change?.trio_changed).toBe(false)
    expect([b.verdict, errors(b.findings)]).toEqual(['FAIL', [`BG519 ${PIN}`]])
    // the headline does not read as a pass
    expect(lineToText(subject(b))).toMatch(
      /the trio did not change between \w+ and \w+, but the change fails on 1 error/
    )
  })

  it('a link the base already had is no concern of a change that leaves the trio alone', async () => {
    const { fx, repo, base } = linkedBase()
    fx.write('README.md', 'unrelated\n')
    repo.commit('an unrelated change')
    const b = (await promote(fx, { base })).result.baselines[0]!
    expect([b.verdict, errors(b.findings)]).toEqual(['PASS', []])
  })

  it('a pin replaced by a link out of the repository is BG110 at the pin, never read, and FAIL', async () => {
    const fx = trioFixture()
    const repo = gitRepo(fx)
    const base = repo.commit(`the approved baseline ${EMBEDDED.tag}`, OLD_DATE)
    rmSync(join(fx.root, PIN))
    symlinkSync('/etc/passwd', join(fx.root, PIN))
    repo.commit('the pin is a link out')
    const b = (await promote(fx, { base })).result.baselines[0]!
    expect(b.verdict).toBe('FAIL')
    const bg110 = b.findings.find((f) => f.rule === 'BG110')
    expect([bg110?.file, bg110?.message]).toEqual([PIN, expect.stringContaining('/etc/passwd')])
    expect(b.findings.some((f) => f.rule === 'BG101')).toBe(false)
    expect(JSON.stringify(b)).not.toMatch(/root:[^:\n]*:0:0:/)
  })
})

describe('lkg: a trio file committed as a symbolic link', () => {
  it('reads each revision through the link: the baseline before a repin is the last-known-good', async () => {
    const { fx, repo, base } = linkedBase(day(0))
    producerRelease(fx, NEXT)
    repin(fx)
    repo.commit(`repin ${NEXT} through the link`, day(5))
    const r = await lastKnownGood(fx.root, selectBaselines(loadPolicy({ root: fx.root }), undefined)[0]!)
    expect(r.identity.release_tag).toBe(NEXT)
    expect([r.lkg.target?.identity.release_tag, r.lkg.target?.commit]).toEqual([EMBEDDED.tag, base])
    // the bytes a rollback would write are the pin's, not the link's text
    expect(r.targetBytes?.pin.toString('utf8')).toContain(`"release_tag": "${EMBEDDED.tag}"`)
  })
})
