// The command line's commands in process (main() with an injected Io), on a history of hand-made baselines:
// migrate, init, lkg and a rollback dry run with SARIF. The acceptance tests run the same commands through the
// BUILT bundle (adoption/legacy-history.test.ts); these reach the same code where the coverage gate sees it.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runMain } from '../helpers/cli-in-process.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'
import { legacyRepository } from '../helpers/legacy-repo.js'
import type { LegacyRepo } from '../helpers/legacy-repo.js'

afterAll(cleanupFixtures)

// git and the tool versions find their programs on PATH; a HOME of its own, as the built CLI's tests give it
const run = (argv: string[], cwd: string) =>
  runMain(argv, cwd, { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tempDir('bg-cli-home-') })

/** A dry run of a rollback (the options every rollback needs), nothing written. */
const DRY_RUN = ['rollback', '--trigger', 'contract-drift', '--reason', 'drill', '--dry-run']

const changed = (root: string) =>
  execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean)

describe('health before migrate', () => {
  it('leads with migrate, and does not send a trio in the old format to a rollback', async () => {
    const r = legacyRepository()
    const h = await run(['health', '--no-probe'], r.root)
    expect(h.status).toBe(1)
    expect(h.stdout).toContain(
      '1. The trio is in the format written before adoption: npx --no baseline-gate migrate --dry-run shows the rewrite, npx --no baseline-gate migrate writes it; commit it in one pull request'
    )
    expect(h.stdout).toContain(
      '2. Then fix the errors npx --no baseline-gate health still finds after the migration.'
    )
    expect(h.stdout).not.toContain('roll back to the last-known-good')
  })
})

describe('migrate in process', () => {
  it('shows the diff on a dry run, writes the current format, and then has nothing to do', async () => {
    const r = legacyRepository()
    const dry = await run(['migrate', '--dry-run', '--now', '2026-03-01'], r.root)
    expect([dry.status, dry.stderr]).toEqual([0, ''])
    expect(dry.stdout).toContain('dry run: this is the migration; nothing was written')
    expect(dry.stdout).toContain('+  "runtime_cutover_posture": "NO-GO"')
    expect(changed(r.root)).toEqual([])

    const done = await run(['migrate', '--now', '2026-03-01', '--json'], r.root)
    expect([done.status, done.stderr]).toEqual([0, ''])
    const out = JSON.parse(done.stdout) as { baselines: { status: string; written: string[] }[] }
    expect(out.baselines[0]!.status).toBe('migrated')
    expect(out.baselines[0]!.written.sort()).toEqual([r.paths.pin, r.paths.matrix].sort())

    const again = await run(['migrate', '--now', '2026-03-01'], r.root)
    expect([again.status, again.stdout]).toEqual([
      0,
      expect.stringContaining('already in the current format')
    ])
  })
})

describe('migrate on a checkout that converted the mirror', () => {
  it('refuses to pin the digest of bytes git would not commit (a Windows checkout, core.autocrlf), writing nothing (found by review: it pinned them and exited 0)', async () => {
    const r = legacyRepository()
    // a pin and matrix from before the digest, committed; then the mirror checked out with CRLF
    const pin = join(r.root, r.paths.pin)
    writeFileSync(
      pin,
      readFileSync(pin, 'utf8').replace(/^\s*"expected_producer_manifest_sha256": "[0-9a-f]+",\n/m, '')
    )
    const matrix = join(r.root, r.paths.matrix)
    writeFileSync(
      matrix,
      readFileSync(matrix, 'utf8').replace(/^- Expected producer manifest SHA-256: .*\n/m, '')
    )
    r.repo.commit('before the digest', '2026-02-12T09:00:00Z')
    r.repo.git('config', 'core.autocrlf', 'true')
    rmSync(join(r.root, r.paths.manifest))
    r.repo.git('-c', 'core.autocrlf=true', 'checkout', '--', r.paths.manifest)
    expect(readFileSync(join(r.root, r.paths.manifest), 'utf8')).toContain('\r\n')
    expect(changed(r.root)).toEqual([])

    const refused = await run(['migrate', '--now', '2026-03-01'], r.root)
    expect(refused.status).toBe(1)
    expect(refused.stdout).toContain(
      `${r.paths.manifest} on disk is not the file as committed: a checkout converted it (core.autocrlf, or an eol, a filter or an encoding in .gitattributes), or it was changed and not committed, so the pin's digest made from it would not match what is committed. Mark it and the trio's files \`-text\` in .gitattributes, check it out as committed (rm ${r.paths.manifest} && git -c core.autocrlf=false checkout -- ${r.paths.manifest}) or commit the change you meant, then run migrate again (nothing was written)`
    )
    expect(changed(r.root)).toEqual([])

    // `-text` set afterwards stops the conversion, but the CRLF copy on disk is still not what is committed
    // (found by review: it then pinned that copy's digest)
    writeFileSync(join(r.root, '.gitattributes'), `${r.paths.manifest} -text\n`)
    // only the attributes committed: the mirror's CRLF copy is left as the earlier checkout wrote it
    r.repo.git('add', '.gitattributes')
    r.repo.git('-c', 'user.name=a', '-c', 'user.email=a@b.invalid', 'commit', '-q', '-m', 'attributes')
    expect(readFileSync(join(r.root, r.paths.manifest), 'utf8')).toContain('\r\n')
    const still = await run(['migrate', '--now', '2026-03-01'], r.root)
    expect([
      still.status,
      still.stdout.includes(`${r.paths.manifest} on disk is not the file as committed`)
    ]).toEqual([1, true])

    // checked out as committed, it migrates, and the digest is that of the committed bytes
    rmSync(join(r.root, r.paths.manifest))
    r.repo.git('-c', 'core.autocrlf=false', 'checkout', '--', r.paths.manifest)
    expect((await run(['migrate', '--now', '2026-03-01'], r.root)).status).toBe(0)
    const committed = execFileSync('git', ['show', `HEAD:${r.paths.manifest}`], { cwd: r.root })
    expect(JSON.parse(readFileSync(pin, 'utf8')).expected_producer_manifest_sha256).toBe(
      createHash('sha256').update(committed).digest('hex')
    )
  })
})

describe('init, lkg and a rollback dry run in process', () => {
  let r: LegacyRepo
  beforeAll(async () => {
    r = legacyRepository()
    const init = await run(['init'], r.root)
    expect([init.status, init.stderr]).toEqual([0, ''])
    r.repo.commit('adopt: the policy', '2026-02-11T09:00:00Z')
  })

  it('lkg names the previous baseline, as text and as JSON', async () => {
    const text = await run(['lkg'], r.root)
    expect([text.status, text.stderr]).toEqual([0, ''])
    expect(text.stdout).toContain('last-known-good: v0.3.2')
    const json = JSON.parse((await run(['lkg', '--json'], r.root)).stdout) as {
      baselines: { target: { commit: string } }[]
    }
    expect(json.baselines[0]!.target.commit).toBe(r.commits.matrixTypo)
  })

  it('a dry run renders what a rollback would do, writes SARIF, and changes nothing', async () => {
    const sarif = join(tempDir('bg-cli-sarif-'), 'rollback.sarif')
    const dry = await run([...DRY_RUN, '--no-suites', '--sarif', sarif], r.root)
    expect(dry.status).toBe(0)
    expect(dry.stdout).toContain('dry run')
    expect(dry.stdout).toContain('v0.3.2')
    expect(dry.stderr).toContain('Suites skipped: a dry run writes nothing')
    const log = JSON.parse(readFileSync(sarif, 'utf8')) as {
      version: string
      runs: { tool: { driver: { name: string } }; results: { ruleId: string; level: string }[] }[]
    }
    expect([log.version, log.runs[0]!.tool.driver.name]).toEqual(['2.1.0', 'baseline-gate'])
    // a restorable target: nothing at error level
    expect(log.runs[0]!.results.filter((x) => x.level === 'error')).toEqual([])
    expect(changed(r.root)).toEqual([])
  })

  it('a dry run with --to naming a baseline never pinned fails with BG510 and says why', async () => {
    const dry = await run([...DRY_RUN, '--to', 'v9.9.9', '--json'], r.root)
    const out = JSON.parse(dry.stdout) as {
      verdict: string
      summary: string
      baselines: { findings: { rule: string }[] }[]
    }
    expect([dry.status, out.verdict]).toEqual([1, 'FAIL'])
    expect(out.summary).toContain('dry run, the baseline asked for with --to is not restorable')
    expect(out.baselines[0]!.findings.map((f) => f.rule)).toEqual(['BG510'])
    expect(changed(r.root)).toEqual([])
  })
})
