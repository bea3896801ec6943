// repin: the trio update for the producer's current release, written in one step, or nothing written at all.
import { createHash } from 'node:crypto'
import { appendFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { runRepin } from '../src/operations/repin.js'
import { loadPolicy, selectBaselines } from '../src/policy/load.js'
import { trioRules } from '../src/rules/index.js'
import { loadTrio } from '../src/trio/load.js'
import {
  cleanupFixtures,
  EMBEDDED,
  MATRIX,
  MIRROR,
  nextTag,
  NOW,
  PIN,
  PRODUCER_MANIFEST,
  trioFixture
} from './helpers/fixture.js'
import type { Fixture } from './helpers/fixture.js'
import { gitRepo } from './helpers/git-repo.js'

afterAll(cleanupFixtures)

/** The next minor release after the embedded one (v0.5.0 after v0.4.0). */
const NEXT = nextTag(EMBEDDED.tag, 'minor')

/** The producer publishes a new release in its manifest. */
function release(fx: Fixture, tag: string, edit: (m: Record<string, unknown>) => void = () => {}): void {
  fx.editJson(PRODUCER_MANIFEST, (m) => {
    m.release_tag = tag
    m.commit_sha = 'b'.repeat(40)
    edit(m)
  })
}

function repin(fx: Fixture) {
  const policy = loadPolicy({ root: fx.root })
  return runRepin({ root: fx.root, clock: () => NOW }, selectBaselines(policy, undefined)[0]!)
}

const snapshot = (fx: Fixture) => [PIN, MIRROR, MATRIX].map((f) => fx.read(f))

describe('baseline-gate repin', () => {
  it('records the commit checked out in the new ledger row, also where .git is not read directly (git is asked)', () => {
    for (const layout of ['plain', 'includeIf (actions/checkout v6)'] as const) {
      const fx = trioFixture()
      const head = gitRepo(fx).commit('the trio at the embedded baseline')
      // the checkout action's credentials: an included file, so HEAD is git's question, not the files'
      if (layout !== 'plain')
        appendFileSync(
          join(fx.root, '.git/config'),
          `[includeIf "gitdir:${join(fx.root, '.git')}"]\n\tpath = ${join(fx.root, 'no-such-credentials.config')}\n`
        )
      release(fx, NEXT)
      expect(repin(fx).status).toBe('repinned')
      const row = fx
        .read(MATRIX)
        .split('\n')
        .find((l) => l.includes(`| ${NEXT} |`) && l.endsWith('| Approved |'))
      expect({ layout, recorded: row?.includes(`| ${head.slice(0, 12)} |`) }).toEqual({
        layout,
        recorded: true
      })
    }
  })

  it('writes mirror, pin and ledger for a new producer release, and the result passes every trio rule', () => {
    const fx = trioFixture()
    const before = fx.read(MATRIX).split('\n')
    release(fx, NEXT, (m) => (m.error_code_enum as string[]).push('quota_exceeded'))
    const r = repin(fx)
    expect([r.status, r.from.release_tag, r.to?.release_tag]).toEqual(['repinned', EMBEDDED.tag, NEXT])
    expect(fx.readBytes(MIRROR).equals(fx.readBytes(PRODUCER_MANIFEST))).toBe(true)
    const pin = JSON.parse(fx.read(PIN)) as Record<string, string>
    expect(pin.expected_producer_manifest_sha256).toBe(
      createHash('sha256').update(fx.readBytes(MIRROR)).digest('hex')
    )
    expect(pin.runtime_cutover_posture).toBe('GO') // additive: the posture stays

    const baseline = selectBaselines(loadPolicy({ root: fx.root }), undefined)[0]!
    expect(trioRules(loadTrio(fx.root, baseline), { baseline, now: NOW })).toEqual([])

    // the matrix diff: the Baseline Pin lines that changed, the old row's status, one new row, the Updated date
    const after = fx.read(MATRIX).split('\n')
    expect(after.length).toBe(before.length + 1)
    const removed = before.filter((l) => !after.includes(l))
    const added = after.filter((l) => !before.includes(l))
    const touched =
      /^- MemoryKernel (release tag|commit SHA)|^- Expected producer manifest SHA-256|^\| .* \| (Approved|Superseded) \|$|^Updated:/
    expect(removed.length).toBeGreaterThan(0)
    expect([...removed, ...added].filter((l) => !touched.test(l))).toEqual([])
    expect(after.filter((l) => l.endsWith('| Approved |'))).toHaveLength(1)
    expect(after.some((l) => l.includes(`| ${EMBEDDED.tag} |`) && l.endsWith('| Superseded |'))).toBe(true)
    expect(after.some((l) => l.includes(`| ${NEXT} |`) && l.endsWith('| Approved |'))).toBe(true)
  })

  it("records the consumer's version from the package.json nearest the pin; says so when none records one", () => {
    const row = (fx: Fixture) =>
      fx
        .read(MATRIX)
        .split('\n')
        .find((l) => l.includes(`| ${NEXT} |`))!
    // a workspace root without a version, the consumer's package beside the trio's directory (a monorepo's)
    const fx = trioFixture()
    fx.write('package.json', '{ "private": true, "workspaces": ["config"] }\n')
    fx.write('config/package.json', '{ "name": "consumer", "version": "1.4.0" }\n')
    release(fx, NEXT)
    const r = repin(fx)
    expect(row(fx)).toMatch(/^\| 1\.4\.0 \|/)
    expect(r.left.filter((l) => l.includes('consumer version'))).toEqual([])
    // a Rust consumer's Cargo.toml, its [package] version (not another table's)
    const rust = trioFixture()
    rust.remove('package.json')
    rust.write(
      'Cargo.toml',
      '[workspace]\nversion = "9.9.9"\n\n[package]\nname = "consumer"\nversion = "2.1.0"\n\n[dependencies]\nversion = "1"\n'
    )
    release(rust, NEXT)
    repin(rust)
    expect(row(rust)).toMatch(/^\| 2\.1\.0 \|/)
    // none records one: 0.0.0, and the run says it is left to fix
    const bare = trioFixture()
    bare.write('package.json', '{ "private": true }\n')
    release(bare, NEXT)
    const left = repin(bare).left
    expect(row(bare)).toMatch(/^\| 0\.0\.0 \|/)
    expect(left).toContainEqual(
      `the ledger's row of ${NEXT} records consumer version 0.0.0: no package.json from \`config\` up to the repository root records a version; write the consumer's version in that row`
    )
  })

  it("the release's Candidate row becomes its Approved row, written from the pin: one row, and every trio rule passes", () => {
    const fx = trioFixture()
    const approved = fx
      .read(MATRIX)
      .split('\n')
      .find((l) => l.endsWith('| Approved |'))!
    const candidate = `| 0.1.9 | 1234567 | ${NEXT} | ${'c'.repeat(40)} | ${EMBEDDED.service} | ${EMBEDDED.api} | ${EMBEDDED.integration} | Candidate |`
    for (const at of ['last', 'before the Approved row', 'indented'] as const) {
      const fresh = trioFixture()
      const layouts = {
        last: `${approved}\n${candidate}`,
        'before the Approved row': `${candidate}\n${approved}`,
        indented: `${approved}\n  ${candidate}`
      }
      fresh.replace(MATRIX, approved, layouts[at])
      release(fresh, NEXT)
      const r = repin(fresh)
      expect({ at, status: r.status }).toEqual({ at, status: 'repinned' })
      const rows = fresh
        .read(MATRIX)
        .split('\n')
        .filter((l) => l.includes(`| ${NEXT} |`))
      expect({ at, rows: rows.map((l) => l.slice(l.lastIndexOf('|', l.length - 2))) }).toEqual({
        at,
        rows: ['| Approved |']
      })
      const baseline = selectBaselines(loadPolicy({ root: fresh.root }), undefined)[0]!
      expect(trioRules(loadTrio(fresh.root, baseline), { baseline, now: NOW })).toEqual([])
    }
    expect(fx.read(MATRIX)).toContain(approved)
  })

  it('a second run changes nothing', () => {
    const fx = trioFixture()
    release(fx, NEXT)
    expect(repin(fx).status).toBe('repinned')
    const files = snapshot(fx)
    expect(repin(fx).status).toBe('unchanged')
    expect(snapshot(fx)).toEqual(files)
  })

  it('a pin edited by hand (its digest still the mirror\'s) is made whole, not "already pinned": no second row', () => {
    const fx = trioFixture()
    const matrix = fx.read(MATRIX)
    fx.editJson(PIN, (p) => {
      p.release_tag = 'v9.9.9'
      p.commit_sha = 'c'.repeat(40)
    })
    const baseline = selectBaselines(loadPolicy({ root: fx.root }), undefined)[0]!
    expect(trioRules(loadTrio(fx.root, baseline), { baseline, now: NOW }).length).toBeGreaterThan(0)
    const r = repin(fx)
    expect([r.status, r.from.release_tag, r.to?.release_tag]).toEqual(['repinned', 'v9.9.9', EMBEDDED.tag])
    expect(trioRules(loadTrio(fx.root, baseline), { baseline, now: NOW })).toEqual([])
    // the ledger's row of the release stays the one row, still approved; only the Updated date moved
    const changed = fx
      .read(MATRIX)
      .split('\n')
      .filter((l) => !matrix.split('\n').includes(l))
    expect(changed.every((l) => l.startsWith('Updated:'))).toBe(true)
    expect(repin(fx).status).toBe('unchanged')
  })

  it('a breaking release (a code removed with a contract bump) starts NO-GO', () => {
    const fx = trioFixture()
    // the next major release, on the next service contract (v1.0.0 and service.v4 after v0.4.0 on service.v3)
    const contract = EMBEDDED.service.replace(/\d+$/, (n) => String(Number(n) + 1))
    release(fx, nextTag(EMBEDDED.tag, 'major'), (m) => {
      m.expected_service_contract_version = contract
      m.error_code_enum = (m.error_code_enum as string[]).filter((c) => c !== 'write_conflict')
    })
    expect(repin(fx).status).toBe('repinned')
    const pin = JSON.parse(fx.read(PIN)) as Record<string, string>
    expect([pin.expected_service_contract_version, pin.runtime_cutover_posture]).toEqual([contract, 'NO-GO'])
    expect(fx.read(MATRIX)).toContain('- Runtime cutover posture: `NO-GO`')
  })

  it("refuses, writing nothing, when the checkout converted the producer's manifest (core.autocrlf): its digest would not be the committed mirror's (BG526; found by review)", () => {
    const fx = trioFixture()
    release(fx, NEXT)
    // a repository that does not mark its baseline files -text
    fx.write('.gitattributes', '')
    const repo = gitRepo(fx)
    repo.commit('the producer releases')
    // a Windows checkout: git holds LF, the working tree has CRLF
    repo.git('config', 'core.autocrlf', 'true')
    rmSync(join(fx.root, PRODUCER_MANIFEST))
    repo.git('-c', 'core.autocrlf=true', 'checkout', '--', PRODUCER_MANIFEST)
    expect(fx.read(PRODUCER_MANIFEST)).toContain('\r\n')
    expect(repo.git('-c', 'core.autocrlf=true', 'status', '--porcelain')).toBe('')
    const before = snapshot(fx)
    const r = repin(fx)
    expect([r.status, r.findings.map((f) => [f.rule, f.file])]).toEqual([
      'refused',
      [['BG526', PRODUCER_MANIFEST]]
    ])
    expect(r.findings[0]!.message).toContain(`git -c core.autocrlf=false checkout -- ${PRODUCER_MANIFEST}`)
    expect(snapshot(fx)).toEqual(before)
    // checked out as committed, the same release repins (the file removed first: a checkout of a file whose stat
    // the index holds may leave it as it is, as the second after the first checkout goes)
    rmSync(join(fx.root, PRODUCER_MANIFEST))
    repo.git('-c', 'core.autocrlf=false', 'checkout', '--', PRODUCER_MANIFEST)
    expect(repin(fx).status).toBe('repinned')
  })

  it('refuses, writing nothing, when the producer manifest is invalid or the matrix is broken', () => {
    const bad = trioFixture()
    release(bad, 'v0.5')
    const before = snapshot(bad)
    const r = repin(bad)
    expect(r.status).toBe('refused')
    expect(r.findings.map((f) => f.rule)).toContain('BG302')
    expect(snapshot(bad)).toEqual(before)

    const broken = trioFixture()
    release(broken, NEXT)
    broken.replace(MATRIX, /^\| --- \|.*\n/m, '')
    const kept = snapshot(broken)
    const r2 = repin(broken)
    expect(r2.status).toBe('refused')
    expect(r2.findings.map((f) => f.rule)).toContain('BG209')
    expect(snapshot(broken)).toEqual(kept)
  })
})
