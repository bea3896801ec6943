// A pull request controls the repository's files, symbolic links included. Each case plants links the way an
// attacker would (a trio file to /etc/passwd, a trio directory to a directory outside, chains, loops, dangling
// links, the policy, the adapter, the evidence directory) and asserts the located BG110 finding (or the clear
// error), and that nothing outside the root was read into any output or written.
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runMigrate } from '../../src/operations/migrate.js'
import { runRepin } from '../../src/operations/repin.js'
import { runRollback } from '../../src/operations/rollback.js'
import { loadPolicy, selectBaselines } from '../../src/policy/load.js'
import { createRedactor } from '../../src/redact/redactor.js'
import { requireBuiltCli, runCli, STACK_LINE } from '../helpers/cli-run.js'
import {
  ADAPTER,
  cleanupFixtures,
  findingsOf,
  HANDOFF,
  MATRIX,
  MIRROR,
  PIN,
  POLICY,
  PRODUCER_MANIFEST,
  REPO_ROOT,
  tempDir,
  trioFixture
} from '../helpers/fixture.js'
import type { Fixture } from '../helpers/fixture.js'
import { day, testContext, threeBaselines, writePolicy } from '../helpers/git-repo.js'

beforeAll(requireBuiltCli)
afterAll(cleanupFixtures)

/** Every file under `dir` with its digest and modification time: equal before and after = nothing written. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else
        out[relative(dir, p)] =
          `${createHash('sha256').update(readFileSync(p)).digest('hex')} ${statSync(p).mtimeMs}`
    }
  }
  walk(dir)
  return out
}

/** A directory outside the repository holding a valid copy of the trio (were it read, health would PASS). */
function outsideTrio(fx: Fixture): string {
  const dir = tempDir('bg-outside-')
  for (const rel of [PIN, MIRROR, MATRIX]) {
    mkdirSync(join(dir, rel, '..'), { recursive: true })
    writeFileSync(join(dir, rel), fx.readBytes(rel))
  }
  return dir
}

/** Replace a repository path with a symbolic link to `target`. */
function plantLink(fx: Fixture, rel: string, target: string): void {
  rmSync(join(fx.root, rel), { recursive: true, force: true })
  mkdirSync(join(fx.root, rel, '..'), { recursive: true })
  symlinkSync(target, join(fx.root, rel))
}

const PASSWD_LINE = /root:[^:\n]*:0:0:/

describe('reads never follow a link out of the repository', () => {
  it('a trio farm: pin -> /etc/passwd, mirror through a chain of links out, matrix -> ../outside', async () => {
    const fx = trioFixture()
    const out = outsideTrio(fx)
    plantLink(fx, PIN, '/etc/passwd')
    // a chain: a link inside the repository to another link that leaves it
    symlinkSync(join(out, MIRROR), join(fx.root, 'config', 'hop2'))
    plantLink(fx, MIRROR, 'hop2')
    plantLink(fx, MATRIX, relative(join(fx.root, 'docs'), join(out, MATRIX)))
    const before = snapshot(out)

    const findings = await findingsOf(fx.root)
    const escapes = findings.filter((f) => f.rule === 'BG110')
    expect(escapes.map((f) => f.file).sort()).toEqual([MATRIX, MIRROR, PIN].sort())
    for (const f of escapes)
      expect(f.message).toMatch(/leads outside the repository \(to \/.*\); it was not read/)
    // nothing read through them: no parse or schema finding of those files, no identity compared
    expect(findings.filter((f) => /^BG1(0[1-9])$/.test(f.rule))).toEqual([])

    // the built command line: FAIL, and the passwd file appears in no output or evidence file
    const evidence = tempDir('bg-evidence-')
    const r = runCli(['health', '--no-probe', '--json', '--evidence-dir', evidence], fx.root)
    expect(r.status).toBe(1)
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'FAIL' })
    expect(r.stdout + r.stderr).not.toMatch(PASSWD_LINE)
    for (const name of readdirSync(evidence))
      expect(readFileSync(join(evidence, name), 'utf8')).not.toMatch(PASSWD_LINE)
    expect(snapshot(out)).toEqual(before)
  })

  it('a trio directory that is a link out of the repository is refused, file by file', async () => {
    const fx = trioFixture()
    const out = outsideTrio(fx)
    // config/ holds the policy too: keep the policy, move the pin and mirror behind a linked directory
    writePolicy(fx, {})
    const policy = JSON.parse(fx.read(POLICY)) as { baselines: Record<string, { trio?: object }> }
    policy.baselines.memorykernel = {
      ...policy.baselines.memorykernel,
      trio: { pin: `linked/${PIN}`, manifest: `linked/${MIRROR}`, matrix: MATRIX }
    }
    fx.write(POLICY, JSON.stringify(policy, null, 2))
    symlinkSync(out, join(fx.root, 'linked'))
    const findings = await findingsOf(fx.root)
    expect(findings.filter((f) => f.rule === 'BG110').map((f) => f.file)).toEqual(
      expect.arrayContaining([`linked/${PIN}`, `linked/${MIRROR}`])
    )
  })

  it('the producer files, the adapter and a scanned file behind links out are never read', async () => {
    const fx = trioFixture()
    const out = outsideTrio(fx)
    writeFileSync(join(out, 'adapter.ts'), "fetch('/v1/query/ask') // outside\n")
    plantLink(fx, PRODUCER_MANIFEST, join(out, MIRROR))
    plantLink(fx, HANDOFF, '/etc/passwd')
    plantLink(fx, ADAPTER, join(out, 'adapter.ts'))
    symlinkSync(join(out, 'adapter.ts'), join(fx.root, 'src', 'scanned.ts'))
    const findings = await findingsOf(fx.root)
    const byFile = new Map(findings.filter((f) => f.rule === 'BG110').map((f) => [f.file, f.message]))
    expect([...byFile.keys()].sort()).toEqual([ADAPTER, HANDOFF, PRODUCER_MANIFEST].sort())
    expect(byFile.get(HANDOFF)).toMatch(
      /handoff payload path .* leads outside the repository \(to \/etc\/passwd\)/
    )
    // the scanned link is not read either: it is not scanned, and said so (what it names could hide an endpoint)
    expect(findings.filter((f) => f.file === 'src/scanned.ts').map((f) => [f.rule, f.message])).toEqual([
      [
        'BG605',
        expect.stringMatching(
          /^not scanned for the producer's endpoints: leads outside the repository \(to .*adapter\.ts\); make it a readable file of the repository/
        )
      ]
    ])
  })

  it('dangling links and loops are findings, not missing files and not a hang', async () => {
    const fx = trioFixture()
    plantLink(fx, PIN, 'nowhere.json')
    symlinkSync('loop-b', join(fx.root, 'config', 'loop-a'))
    symlinkSync('loop-a', join(fx.root, 'config', 'loop-b'))
    plantLink(fx, MIRROR, 'loop-a')
    const findings = await findingsOf(fx.root)
    const escapes = new Map(findings.filter((f) => f.rule === 'BG110').map((f) => [f.file, f.message]))
    expect(escapes.get(PIN)).toMatch(/is a symbolic link to nowhere\.json, which does not exist/)
    expect(escapes.get(MIRROR)).toMatch(
      /goes through a broken symbolic link \(config\/loop-[ab] is a symbolic link to loop-[ab], which is a loop of symbolic links\)/
    )
    expect(findings.some((f) => f.rule === 'BG101')).toBe(false)
  })

  it('a link that stays inside the repository is followed like the file it names', async () => {
    const fx = trioFixture()
    fx.write('shared/pin.json', fx.readBytes(PIN))
    plantLink(fx, PIN, '../shared/pin.json')
    expect((await findingsOf(fx.root)).filter((f) => f.severity === 'error')).toEqual([])
  })
})

describe('the policy', () => {
  it('a dangling policy link is an error, never the built-in defaults', () => {
    const fx = trioFixture()
    plantLink(fx, POLICY, 'gone.json')
    const r = runCli(['health', '--no-probe'], fx.root)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(
      /config\/baseline-policy\.json: the policy file config\/baseline-policy\.json is a symbolic link to gone\.json, which does not exist; it was not read \(BG110\)/
    )
    expect(r.stderr).not.toMatch(STACK_LINE)
  })

  it('a policy link out of the repository is not read', () => {
    const fx = trioFixture()
    const out = tempDir('bg-outside-policy-')
    writeFileSync(join(out, 'policy.json'), fx.read(POLICY))
    plantLink(fx, POLICY, join(out, 'policy.json'))
    expect(() => loadPolicy({ root: fx.root })).toThrow(/leads outside the repository .*\(BG110\)/)
  })

  it.each([['/etc/**'], ['../**'], ['{..,src}/**/*.ts'], ['~/x/**'], ['!src/**']])(
    'adapter.scan %j is refused with its line and column',
    (glob) => {
      const fx = trioFixture()
      writePolicy(fx, {})
      const policy = JSON.parse(fx.read(POLICY)) as { baselines: Record<string, Record<string, unknown>> }
      policy.baselines.memorykernel!.adapter = { scan: ['src/**/*.ts', glob] }
      fx.write(POLICY, `${JSON.stringify(policy, null, 2)}\n`)
      const line = fx.lineOf(POLICY, JSON.stringify(glob))
      const r = runCli(['health', '--no-probe'], fx.root)
      expect(r.status).toBe(2)
      expect(r.stderr).toContain(`config/baseline-policy.json:${line}:`)
      expect(r.stderr).toMatch(/must be a glob relative to the repository root/)
    }
  )
})

describe('writes never go through a link out of the repository', () => {
  async function rollbackOf(root: string) {
    const ctx = testContext(root, () => new Date(day(12)))
    return runRollback(ctx, {
      baselines: selectBaselines(ctx.policy, undefined),
      trigger: 'contract-drift',
      reason: 'hostile layout',
      to: null,
      dryRun: false,
      suites: false,
      redactor: createRedactor({ secrets: [] }),
      publish: null
    })
  }

  it('rollback with the trio directory committed as a link out: BG110, FAIL, nothing written anywhere', async () => {
    const { fx, repo } = threeBaselines()
    const out = outsideTrio(fx)
    // the pull request replaces docs/ (the matrix's directory) with a link to a copy outside, and commits it
    plantLink(fx, 'docs', join(out, 'docs'))
    repo.commit('docs is a link now', day(12))
    const before = snapshot(out)
    const inRepo = snapshot(join(fx.root, 'config'))
    const result = await rollbackOf(fx.root)
    expect(result.verdict).toBe('FAIL')
    const f = result.baselines[0]!.findings.filter((x) => x.rule === 'BG110')
    expect(f.map((x) => x.file)).toContain(MATRIX)
    expect(snapshot(out)).toEqual(before)
    expect(snapshot(join(fx.root, 'config'))).toEqual(inRepo)
  })

  it('repin and migrate refuse to write a trio file linked out of the repository', () => {
    const fx = trioFixture()
    const out = outsideTrio(fx)
    fx.editJson(PRODUCER_MANIFEST, (m) => {
      m.release_tag = 'v9.0.0'
    })
    plantLink(fx, MATRIX, join(out, MATRIX))
    const before = snapshot(out)
    const baseline = selectBaselines(loadPolicy({ root: fx.root }), undefined)[0]!
    const repinned = runRepin({ root: fx.root, clock: () => new Date() }, baseline)
    expect(repinned.status).not.toBe('repinned')
    expect(repinned.findings.map((f) => f.rule)).toContain('BG110')
    const migrated = runMigrate({ root: fx.root, now: new Date() }, baseline, {
      posture: 'NO-GO',
      dryRun: false
    })
    expect(migrated.status).toBe('blocked')
    expect(migrated.findings.map((f) => f.rule)).toContain('BG110')
    expect(snapshot(out)).toEqual(before)
  })

  it('an evidence directory linked out of the repository is refused before anything is written', () => {
    const fx = trioFixture()
    const out = tempDir('bg-outside-evidence-')
    symlinkSync(out, join(fx.root, '.baseline-gate'))
    const r = runCli(['health', '--no-probe'], fx.root)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(
      /evidence directory .* leads outside the repository .*nothing was written there \(BG110\)/
    )
    expect(readdirSync(out)).toEqual([])
  })

  it('an evidence directory the operator names outside the repository is theirs to choose', () => {
    const fx = trioFixture()
    const out = tempDir('bg-operator-evidence-')
    const r = runCli(['health', '--no-probe', '--evidence-dir', out], fx.root)
    expect(r.status).toBe(0)
    expect(readdirSync(out).length).toBeGreaterThan(0)
  })
})

// the repository's own trio is the fixture's source: it must never be a link
it('the embedded trio has no links', () => {
  for (const rel of [PIN, MIRROR, MATRIX]) expect(statSync(join(REPO_ROOT, rel)).isFile()).toBe(true)
})
