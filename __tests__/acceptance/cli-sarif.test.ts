// Acceptance: `--sarif FILE` of the BUILT command line (dist/cli/index.js) as a child process, on real temporary
// git repositories: the file is valid SARIF 2.1.0 (the official schema), its paths are relative to the checkout
// (a consumer in a subdirectory of a monorepo included), nothing of the machine's paths is in it, a re-run writes
// the same bytes, and a target that leads out of the repository or is a directory is refused with one line.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { requireBuiltCli, runCli, STACK_LINE } from '../helpers/cli-run.js'
import { cleanupFixtures, MIRROR, PIN, REPO_ROOT, tempDir, trioFixture } from '../helpers/fixture.js'
import { gitRepo } from '../helpers/git-repo.js'
import { sarifSchemaErrors } from '../helpers/sarif-schema.js'

beforeAll(requireBuiltCli)
afterAll(cleanupFixtures)

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version

interface Result {
  ruleId: string
  ruleIndex: number
  level: string
  message: { text: string }
  locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[]
  partialFingerprints: Record<string, string>
}
interface Log {
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; help: { markdown: string } }[] } }
    automationDetails: { id: string }
    results: Result[]
  }[]
}

function readLog(file: string): Log {
  const log = JSON.parse(readFileSync(file, 'utf8')) as Log
  expect(sarifSchemaErrors(log)).toEqual([])
  return log
}

/** A committed repository whose pin names another release: BG201 at a line of the mirror, and more. */
function brokenRepo() {
  const fx = trioFixture()
  fx.editJson(PIN, (pin) => {
    pin.release_tag = 'v9.9.9'
  })
  gitRepo(fx).commit('a pin that names another release')
  return fx
}

describe('baseline-gate health --sarif (built CLI)', () => {
  it('writes a valid SARIF file of every finding, located relative to the root', () => {
    const fx = brokenRepo()
    const out = join(tempDir('bg-sarif-out-'), 'reports', 'health.sarif')
    const r = runCli(['health', '--no-probe', '--json', '--sarif', out], fx.root)
    expect(r.status).toBe(1)
    expect(r.stderr).toBe('')
    const report = JSON.parse(r.stdout) as { baselines: { findings: unknown[] }[] }
    const log = readLog(out)
    const run = log.runs[0]!
    expect(run.tool.driver).toMatchObject({ name: 'baseline-gate', version: VERSION })
    expect(run.automationDetails.id).toBe('baseline-gate/health/memorykernel/')
    expect(run.results).toHaveLength(report.baselines[0]!.findings.length)
    const bg201 = run.results.find((x) => x.ruleId === 'BG201')!
    expect(bg201.level).toBe('error')
    expect(bg201.locations[0]!.physicalLocation.artifactLocation.uri).toBe(MIRROR)
    expect(bg201.locations[0]!.physicalLocation.region?.startLine).toBeGreaterThan(0)
    expect(run.tool.driver.rules[bg201.ruleIndex]!.help.markdown).toContain('docs/rules.md#bg201')
    // nothing of this machine: the absolute root appears nowhere in the file
    expect(readFileSync(out, 'utf8')).not.toContain(fx.root)
  })

  it('the report and --json say where the SARIF file and the in-toto statement went', () => {
    const fx = brokenRepo()
    const r = runCli(['health', '--no-probe', '--sarif', 'out/health.sarif'], fx.root)
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('  evidence: .baseline-gate/evidence/health-memorykernel.json\n')
    expect(r.stdout).toContain('  statement: .baseline-gate/evidence/health-memorykernel.intoto.json\n')
    expect(r.stdout).toContain('  sarif: out/health.sarif\n')
    expect(existsSync(join(fx.root, '.baseline-gate/evidence/health-memorykernel.intoto.json'))).toBe(true)
    const json = runCli(['health', '--no-probe', '--json', '--sarif', 'out/health.sarif'], fx.root)
    const doc = JSON.parse(json.stdout) as { sarif: string | null; baselines: { statement: string }[] }
    expect(doc.sarif).toBe(join(fx.root, 'out', 'health.sarif'))
    expect(doc.baselines[0]!.statement).toBe(
      join(fx.root, '.baseline-gate/evidence/health-memorykernel.intoto.json')
    )
    const plain = JSON.parse(runCli(['health', '--no-probe', '--json'], fx.root).stdout) as { sarif: unknown }
    expect(plain.sarif).toBeNull()
  })

  it('the SARIF messages do not repeat the rule id (code scanning shows it beside them)', () => {
    const fx = brokenRepo()
    const out = join(tempDir('bg-sarif-out-'), 'health.sarif')
    runCli(['health', '--no-probe', '--sarif', out], fx.root)
    for (const x of readLog(out).runs[0]!.results) expect(x.message.text).not.toMatch(/^BG\d{3}: /)
  })

  it('writes the same bytes on a re-run (the same alerts, no duplicates)', () => {
    const fx = brokenRepo()
    const dir = tempDir('bg-sarif-out-')
    runCli(['health', '--no-probe', '--sarif', join(dir, 'a.sarif')], fx.root)
    runCli(['health', '--no-probe', '--sarif', join(dir, 'b.sarif')], fx.root)
    expect(readFileSync(join(dir, 'a.sarif'), 'utf8')).toBe(readFileSync(join(dir, 'b.sarif'), 'utf8'))
  })

  it('on PASS lists no error (code scanning closes the fixed alerts), only the notice of the skipped probe; a relative FILE is from the cwd', () => {
    const fx = trioFixture()
    gitRepo(fx).commit('the embedded baseline')
    const r = runCli(['health', '--no-probe', '--sarif', 'out/health.sarif'], fx.root)
    expect(r.status).toBe(0)
    const log = readLog(join(fx.root, 'out', 'health.sarif'))
    // the skipped probe is the only finding: a notice, shown on the pin (it has no file of its own)
    expect(log.runs[0]!.results.map((x) => [x.ruleId, x.level])).toEqual(
      log.runs[0]!.results.map(() => ['BG407', 'note'])
    )
    for (const x of log.runs[0]!.results)
      expect(x.locations[0]!.physicalLocation.artifactLocation.uri).toBe(PIN)
  })

  it('prefixes the paths of a consumer below the top of the checkout (a monorepo)', () => {
    const fx = brokenRepo()
    const top = tempDir('bg-sarif-mono-')
    const consumer = join(top, 'apps', 'consumer')
    mkdirSync(consumer, { recursive: true })
    cpSync(fx.root, consumer, { recursive: true, filter: (src) => !src.includes(`${fx.root}/.git`) })
    gitRepo({ root: top }).commit('a monorepo')
    const out = join(tempDir('bg-sarif-out-'), 'mono.sarif')
    const r = runCli(['health', '--no-probe', '--sarif', out], consumer)
    expect(r.status).toBe(1)
    const uris = readLog(out).runs[0]!.results.map(
      (x) => x.locations[0]!.physicalLocation.artifactLocation.uri
    )
    expect(uris).toContain(`apps/consumer/${MIRROR}`)
    for (const uri of uris) expect(uri.startsWith('apps/consumer/')).toBe(true)
  })

  it('refuses a FILE inside the repository that leads out through a symbolic link, and writes nothing', () => {
    const fx = brokenRepo()
    const outside = tempDir('bg-sarif-outside-')
    symlinkSync(outside, join(fx.root, 'reports'))
    const r = runCli(['health', '--no-probe', '--sarif', 'reports/health.sarif'], fx.root)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(
      /^baseline-gate: --sarif .*reports\/health\.sarif leads outside the repository .*\(BG110\): name a file no link leads out of the repository\n$/
    )
    expect(r.stderr).not.toMatch(STACK_LINE)
    expect(existsSync(join(outside, 'health.sarif'))).toBe(false)
  })

  it('refuses a directory and an empty value with one line each (exit 2)', () => {
    const fx = brokenRepo()
    const dir = tempDir('bg-sarif-dir-')
    const r = runCli(['health', '--no-probe', '--sarif', dir], fx.root)
    expect(r.status).toBe(2)
    expect(r.stderr).toBe(
      `baseline-gate: --sarif ${dir}: is a directory; give a file name such as ${dir}/health.sarif\n`
    )
    // refused before the run: no report, no evidence
    expect(r.stdout).toBe('')
    expect(existsSync(join(fx.root, '.baseline-gate'))).toBe(false)
    const under = runCli(['health', '--no-probe', '--sarif', `${PIN}/health.sarif`], fx.root)
    expect([under.status, under.stdout]).toEqual([2, ''])
    expect(under.stderr).toContain(`${PIN} is a file, so it cannot be written there`)
    const empty = runCli(['health', '--sarif', ''], fx.root)
    expect([empty.status, empty.stderr]).toEqual([
      2,
      'baseline-gate: --sarif needs a value: the SARIF file to write\n'
    ])
    const lkg = runCli(['lkg', '--sarif', 'x.sarif'], fx.root)
    expect(lkg.status).toBe(2)
    expect(lkg.stderr).toContain('--sarif')
  })

  it('is in the help of health, promote and rollback', () => {
    for (const command of ['health', 'promote', 'rollback']) {
      const r = runCli([command, '--help'], REPO_ROOT)
      expect(r.status).toBe(0)
      expect(r.stdout).toMatch(/--sarif FILE\s+also write every finding as SARIF 2\.1\.0 to FILE/)
    }
  })
})

describe('baseline-gate promote --sarif (built CLI)', () => {
  it("writes the promotion's findings as SARIF, with its own category", () => {
    const fx = trioFixture()
    const repo = gitRepo(fx)
    repo.commit('the embedded baseline')
    fx.editJson(PIN, (pin) => {
      pin.release_tag = 'v9.9.9'
    })
    repo.commit('a pin alone changes')
    const out = join(tempDir('bg-sarif-out-'), 'promote.sarif')
    const r = runCli(
      [
        'promote',
        '--base',
        'HEAD~1',
        '--no-suites',
        '--evidence-dir',
        tempDir('bg-sarif-ev-'),
        '--sarif',
        out
      ],
      fx.root
    )
    expect(r.status).toBe(1)
    const run = readLog(out).runs[0]!
    expect(run.automationDetails.id).toBe('baseline-gate/promotion/memorykernel/')
    // the change is not atomic (BG501): the pin changed without the mirror and the matrix
    expect(run.results.map((x) => x.ruleId)).toContain('BG501')
  })
})
