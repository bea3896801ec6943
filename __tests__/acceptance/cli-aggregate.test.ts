// Acceptance: the fan-out of a two-baseline policy with the BUILT command line (dist/cli/index.js) as child
// processes: `plan` gives the matrix, each job checks one baseline into an evidence directory of its own, and
// `aggregate` gives the one verdict over the directories.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { requireBuiltCli, runCli, STACK_LINE } from '../helpers/cli-run.js'
import type { CliRun } from '../helpers/cli-run.js'
import { cleanupFixtures, EMBEDDED, MATRIX, nextTag, PRODUCER, tempDir } from '../helpers/fixture.js'
import type { Fixture } from '../helpers/fixture.js'
import { gitRepo, producerRelease } from '../helpers/git-repo.js'
import { BILLING, twoBaselines } from '../helpers/two-baselines.js'

/** Long enough before today that the first baseline's stability window is over. */
const PAST = '2026-10-01T00:00:00Z'

beforeAll(requireBuiltCli)
afterAll(cleanupFixtures)

function cli(args: string[], cwd: string): CliRun {
  const r = runCli(args, cwd)
  expect(r.stdout + r.stderr).not.toMatch(STACK_LINE)
  return r
}

interface AggregateJson {
  verdict: string
  baselines: { name: string; operation: string; dry_run: boolean; verdict: string; file: string }[]
  missing: { baseline: string | null; dir: string | null; reason: string }[]
  invalid: { file: string; reason: string }[]
}

function aggregate(args: string[], cwd: string) {
  const r = cli(['aggregate', '--json', ...args], cwd)
  return { status: r.status, out: JSON.parse(r.stdout) as AggregateJson }
}

/** What a matrix run does: plan, then one health job per entry, each into its own evidence directory. */
function fanOutHealth(fx: Fixture): Record<string, { dir: string; status: number | null }> {
  const plan = cli(['plan', '--json'], fx.root)
  expect([plan.status, plan.stderr]).toEqual([0, ''])
  const matrix = JSON.parse(plan.stdout) as { include: { baseline: string }[] }
  const jobs: Record<string, { dir: string; status: number | null }> = {}
  for (const { baseline } of matrix.include) {
    const dir = tempDir(`bg-fan-${baseline}-`)
    const r = cli(['health', '--no-probe', '--baseline', baseline, '--evidence-dir', dir], fx.root)
    // each job writes its own baseline's packet (and its statement, which aggregate does not read) and nothing of
    // the other's
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toEqual([
      `health-${baseline}.intoto.json`,
      `health-${baseline}.json`
    ])
    jobs[baseline] = { dir, status: r.status }
  }
  return jobs
}

let unchanged: { fx: Fixture; jobs: Record<string, { dir: string; status: number | null }> } | null = null
/**
 * fanOutHealth on an unchanged twoBaselines(), run once (its three runs of the built CLI) for the tests that only
 * aggregate its packets, missing, tampered or as they are: each gets a copy of every job's directory.
 */
function unchangedFanOut(): { fx: Fixture; jobs: Record<string, { dir: string; status: number | null }> } {
  if (unchanged === null || !existsSync(unchanged.fx.root)) {
    const fx = twoBaselines()
    unchanged = { fx, jobs: fanOutHealth(fx) }
  }
  const jobs = Object.fromEntries(
    Object.entries(unchanged.jobs).map(([baseline, job]) => {
      const dir = tempDir(`bg-fan-${baseline}-`)
      cpSync(job.dir, dir, { recursive: true })
      return [baseline, { dir, status: job.status }] as const
    })
  )
  return { fx: unchanged.fx, jobs }
}

describe('plan + health per baseline + aggregate (built CLI)', () => {
  it('plan gives a matrix of two; both jobs pass; the aggregate of both directories is PASS', () => {
    const { fx, jobs } = unchangedFanOut()
    const plan = cli(['plan', '--json'], fx.root)
    expect(plan.stdout).toBe('{"include":[{"baseline":"memorykernel"},{"baseline":"billing"}]}\n')
    expect([jobs.memorykernel!.status, jobs.billing!.status]).toEqual([0, 0])
    const dirs = [jobs.memorykernel!.dir, jobs.billing!.dir]

    const text = cli(['aggregate', ...dirs, '--root', fx.root], fx.root)
    expect([text.status, text.stderr]).toEqual([0, ''])
    expect(text.stdout).toMatch(/^## baseline-gate aggregate: ✅ PASS/)
    expect(text.stdout).toContain('| `billing` | health | ✅ PASS | 0 |')
    expect(text.stdout).toContain('| `memorykernel` | health | ✅ PASS | 0 |')

    const { status, out } = aggregate([...dirs, '--expect', 'memorykernel,billing'], fx.root)
    expect([status, out.verdict, out.missing, out.invalid]).toEqual([0, 'PASS', [], []])
    expect(out.baselines.map((b) => `${b.operation}-${b.name}`)).toEqual([
      'health-billing',
      'health-memorykernel'
    ])
  })

  it('a FAIL packet of one baseline (its pin broken) makes the aggregate FAIL', () => {
    const fx = twoBaselines()
    fx.editJson(BILLING.pin, (pin) => {
      pin.commit_sha = 'f'.repeat(40)
    })
    const jobs = fanOutHealth(fx)
    expect([jobs.memorykernel!.status, jobs.billing!.status]).toEqual([0, 1])
    const { status, out } = aggregate([jobs.memorykernel!.dir, jobs.billing!.dir], fx.root)
    expect([status, out.verdict]).toEqual([1, 'FAIL'])
    expect(out.baselines.map((b) => [b.name, b.verdict])).toEqual([
      ['billing', 'FAIL'],
      ['memorykernel', 'PASS']
    ])
  })

  it('a directory missing or empty is FAIL with "missing"', () => {
    const { fx, jobs } = unchangedFanOut()
    const mk = jobs.memorykernel!.dir
    // the billing job's artifact never arrived
    rmSync(jobs.billing!.dir, { recursive: true, force: true })
    const gone = aggregate([mk, jobs.billing!.dir], fx.root)
    expect([gone.status, gone.out.verdict]).toEqual([1, 'FAIL'])
    expect(gone.out.missing).toEqual([
      { baseline: null, dir: jobs.billing!.dir, reason: 'directory not found' }
    ])
    // ... or arrived empty
    const empty = tempDir('bg-fan-empty-')
    const r = aggregate([mk, empty, '--root', fx.root], fx.root)
    expect([r.status, r.out.verdict]).toEqual([1, 'FAIL'])
    expect(r.out.missing.map((m) => m.baseline ?? m.dir)).toEqual([empty, 'billing'])
    const text = cli(['aggregate', mk, '--expect', 'memorykernel,billing'], fx.root)
    expect(text.status).toBe(1)
    expect(text.stdout).toMatch(/### Missing\n\n- baseline `billing`: expected, but no valid evidence packet/)
  })

  it('a tampered packet (not JSON, or not the schema) is FAIL with "invalid"', () => {
    const { fx, jobs } = unchangedFanOut()
    const packet = join(jobs.billing!.dir, 'health-billing.json')
    const original = readFileSync(packet, 'utf8')
    for (const [content, reason] of [
      [original.slice(0, 200), /not JSON/],
      [
        original.replace('"schema": "evidence-packet.v1"', '"schema": "evidence-packet.v0"'),
        /not an evidence-packet\.v1/
      ]
    ] as const) {
      writeFileSync(packet, content)
      const { status, out } = aggregate([jobs.memorykernel!.dir, jobs.billing!.dir], fx.root)
      expect([status, out.verdict]).toEqual([1, 'FAIL'])
      expect(out.invalid).toEqual([{ file: packet, reason: expect.stringMatching(reason) }])
      const text = cli(['aggregate', jobs.memorykernel!.dir, jobs.billing!.dir], fx.root)
      expect(text.stdout).toContain('### Invalid')
    }
  })

  it('a packet the scan does not read is invalid, never left out: a link, a linked directory, one too deep; one run counted once', () => {
    const fx = twoBaselines()
    fx.replace(MATRIX, '## Baseline Pin', '## Baseline Pinned') // memorykernel now FAILs
    const jobs = fanOutHealth(fx)
    const mk = jobs.memorykernel!.dir
    expect(jobs.memorykernel!.status).toBe(1)
    const failing = join(mk, 'health-memorykernel.json')
    const layouts: [string, (dir: string) => void, RegExp][] = [
      [
        'the packet is a link',
        (dir) => symlinkSync(failing, join(dir, 'health-memorykernel.json')),
        /a symbolic link, not followed/
      ],
      [
        'its directory is a link',
        (dir) => symlinkSync(mk, join(dir, 'job')),
        /a symbolic link, not followed/
      ],
      [
        'its directory is named in bytes that are not UTF-8',
        (dir) => {
          const bad = Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xff])])
          mkdirSync(bad)
          copyFileSync(failing, Buffer.concat([bad, Buffer.from('/health-memorykernel.json')]))
        },
        /a name that is not UTF-8, not read/
      ],
      [
        'it is four levels down',
        (dir) => {
          const deep = join(dir, 'a', 'b', 'c', 'd')
          mkdirSync(deep, { recursive: true })
          copyFileSync(failing, join(deep, 'health-memorykernel.json'))
        },
        /more than 3 levels below .* that holds an evidence packet, not read/
      ]
    ]
    for (const [what, lay, reason] of layouts) {
      const dir = tempDir('bg-fan-layout-')
      copyFileSync(join(jobs.billing!.dir, 'health-billing.json'), join(dir, 'health-billing.json'))
      lay(dir)
      const { status, out } = aggregate([dir], fx.root)
      expect({ what, status, verdict: out.verdict }).toEqual({ what, status: 1, verdict: 'FAIL' })
      expect(out.invalid).toEqual([
        {
          file: expect.stringContaining(dir) as unknown as string,
          reason: expect.stringMatching(reason) as unknown as string
        }
      ])
    }
    // a deep directory of logs, with no packet in it, is nothing to report
    const logs = tempDir('bg-fan-logs-')
    copyFileSync(join(jobs.billing!.dir, 'health-billing.json'), join(logs, 'health-billing.json'))
    mkdirSync(join(logs, 'logs', 'x', 'y', 'z'), { recursive: true })
    writeFileSync(join(logs, 'logs', 'x', 'y', 'z', 'step.log'), 'ok\n')
    const deepLogs = aggregate([logs], fx.root)
    expect([deepLogs.status, deepLogs.out.invalid]).toEqual([0, []])
    // but a link down there, to a directory holding a FAIL packet, is said
    symlinkSync(mk, join(logs, 'logs', 'x', 'y', 'z', 'link'))
    const linkedDeep = aggregate([logs], fx.root)
    expect([linkedDeep.status, linkedDeep.out.invalid.map((i) => i.reason)]).toEqual([
      1,
      [expect.stringMatching(/more than 3 levels below .* that holds an evidence packet, not read/)]
    ])
    // the same directory twice, or with its parent: one packet
    const billing = jobs.billing!.dir
    const twice = aggregate([billing, billing], fx.root)
    expect([twice.status, twice.out.baselines.length, twice.out.invalid, twice.out.missing]).toEqual([
      0,
      1,
      [],
      []
    ])
    // two runs' packets of one job, in two directories: which is the evidence is not guessed
    const rerun = tempDir('bg-fan-rerun-')
    copyFileSync(join(billing, 'health-billing.json'), join(rerun, 'health-billing.json'))
    const two = aggregate([billing, rerun], fx.root)
    expect([two.status, two.out.verdict]).toEqual([1, 'FAIL'])
    expect(two.out.invalid).toEqual([
      {
        file: join(rerun, 'health-billing.json'),
        reason: expect.stringMatching(/a second health packet of "billing"/) as unknown as string
      }
    ])
  })

  it('a packet holding a key twice is invalid: readers disagree on its value', () => {
    const { fx, jobs } = unchangedFanOut()
    const packet = join(jobs.billing!.dir, 'health-billing.json')
    writeFileSync(
      packet,
      readFileSync(packet, 'utf8').replace('"verdict": "PASS"', '"verdict": "FAIL", "verdict": "PASS"')
    )
    const { status, out } = aggregate([jobs.memorykernel!.dir, jobs.billing!.dir], fx.root)
    expect([status, out.verdict]).toEqual([1, 'FAIL'])
    expect(out.invalid).toEqual([
      { file: packet, reason: expect.stringMatching(/holds the key "verdict" twice/) as unknown as string }
    ])
  })

  it('usage and policy errors exit 2 with one line', () => {
    const fx = twoBaselines()
    for (const [args, message] of [
      [['plan', '--baseline', 'nope'], /unknown baseline "nope"/],
      [['aggregate'], /needs at least one evidence directory/],
      [['aggregate', '.', '--policy', 'nope.json'], /policy file not found/]
    ] as const) {
      const r = cli([...args], fx.root)
      expect([r.status, r.stdout]).toEqual([2, ''])
      expect(r.stderr).toMatch(message)
    }
  })
})

describe('the change gates with --baseline on a two-baseline policy (built CLI)', () => {
  it('promote --no-suites and rollback --dry-run each write their baseline’s packet, which aggregate reads', () => {
    const fx = twoBaselines()
    // the approved trio dated before its commit, committed long enough ago for its stability window to be over
    for (const matrix of [MATRIX, BILLING.matrix]) fx.replace(matrix, /^Updated: .*$/m, 'Updated: 2026-09-30')
    const repo = gitRepo(fx)
    repo.commit('two baselines', PAST)
    // the producer releases the next minor version (its manifest, handoff and changelog entry); only billing is
    // repinned and promoted
    const next = nextTag(EMBEDDED.tag, 'minor')
    producerRelease(fx, next, (m) => {
      m.commit_sha = '5'.repeat(40)
    })
    fx.write(`${PRODUCER}/CHANGELOG.md`, `# Changelog\n\n## [${next}]\n\n## [${EMBEDDED.tag}]\n`)
    const repin = cli(['repin', '--baseline', 'billing'], fx.root)
    expect(repin.status).toBe(0)
    expect(fx.read(BILLING.pin)).toContain(next)
    expect(fx.read('config/memorykernel-integration-pin.json')).not.toContain(next)
    repo.commit(`promote billing ${next}`, new Date().toISOString())

    const promoted = tempDir('bg-fan-promotion-')
    const p = cli(
      [
        'promote',
        '--base',
        'HEAD~1',
        '--no-suites',
        '--baseline',
        'billing',
        '--json',
        '--evidence-dir',
        promoted
      ],
      fx.root
    )
    expect([p.status, p.stderr.match(STACK_LINE)]).toEqual([0, null])
    expect(readdirSync(promoted).filter((f) => f.endsWith('.json'))).toEqual([
      'promotion-billing.intoto.json',
      'promotion-billing.json'
    ])

    const rolled = tempDir('bg-fan-rollback-')
    const r = cli(
      [
        'rollback',
        '--baseline',
        'billing',
        '--trigger',
        'contract-drift',
        '--reason',
        `billing ${next} drifted`,
        '--dry-run',
        '--no-suites',
        '--json',
        '--evidence-dir',
        rolled
      ],
      fx.root
    )
    // stderr carries only the progress line saying why the suites did not run
    expect([r.status, r.stderr]).toEqual([
      0,
      'Suites skipped: a dry run writes nothing, so there is no restored trio to test (11 steps).\n'
    ])
    const out = JSON.parse(r.stdout) as {
      baselines: { name: string; target: { release_tag: string } | null }[]
    }
    expect(out.baselines.map((b) => [b.name, b.target?.release_tag])).toEqual([['billing', EMBEDDED.tag]])
    expect(readdirSync(rolled).filter((f) => f.endsWith('.json'))).toEqual([
      'rollback-billing.intoto.json',
      'rollback-billing.json'
    ])
    // a dry run writes nothing into the repository
    expect(repo.git('status', '--porcelain')).toBe('')

    const health = tempDir('bg-fan-health-')
    expect(
      cli(['health', '--no-probe', '--baseline', 'billing', '--evidence-dir', health], fx.root).status
    ).toBe(0)
    expect(readdirSync(health).filter((f) => f.endsWith('.json'))).toEqual([
      'health-billing.intoto.json',
      'health-billing.json'
    ])

    const a = aggregate([promoted, rolled, health, '--expect', 'billing'], fx.root)
    expect(a.out.baselines.map((b) => [b.operation, b.name, b.dry_run])).toEqual([
      ['health', 'billing', false],
      ['promotion', 'billing', false],
      ['rollback', 'billing', true]
    ])
    expect([a.status, a.out.verdict, a.out.missing, a.out.invalid]).toEqual([0, 'PASS', [], []])
  })
})
