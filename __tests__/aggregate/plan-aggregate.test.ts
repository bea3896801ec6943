// plan and aggregate in process: the job matrix of a two-baseline policy, and one verdict over the packets that
// a fanned-out run (one evidence directory per baseline) leaves behind.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runMain } from '../helpers/cli-in-process.js'
import { aggregateEvidence, readPacket } from '../../src/evidence/aggregate.js'
import type { Aggregate } from '../../src/evidence/aggregate.js'
import { MAX_ROWS, renderAggregateMarkdown } from '../../src/evidence/aggregate-markdown.js'
import { cleanupFixtures, POLICY, tempDir } from '../helpers/fixture.js'
import type { Fixture } from '../helpers/fixture.js'
import { BILLING, twoBaselines } from '../helpers/two-baselines.js'

afterAll(cleanupFixtures)

const STACK_LINE = /^\s+at\s/m

async function run(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = await runMain(argv, cwd, env)
  expect(r.stderr + r.stdout).not.toMatch(STACK_LINE)
  return r
}

/** health of one baseline, its packet in a directory of its own (as one matrix job uploads it). */
async function healthInto(fx: Fixture, baseline: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const dir = tempDir(`bg-agg-${baseline}-`)
  const r = await run(['health', '--no-probe', '--baseline', baseline, '--evidence-dir', dir], fx.root, env)
  expect(r.status).not.toBe(2)
  return dir
}

async function aggregateJson(args: string[], cwd: string) {
  const r = await run(['aggregate', '--json', ...args], cwd)
  return { status: r.status, out: JSON.parse(r.stdout) as Aggregate, stderr: r.stderr }
}

describe('plan', () => {
  it('--json prints the policy baselines as exactly one GitHub job matrix', async () => {
    const fx = twoBaselines()
    const r = await run(['plan', '--json'], fx.root)
    expect([r.status, r.stderr]).toEqual([0, ''])
    expect(r.stdout).toBe('{"include":[{"baseline":"memorykernel"},{"baseline":"billing"}]}\n')
    const one = await run(['plan', '--json', '--baseline', 'billing', '--root', fx.root], tempDir())
    expect(JSON.parse(one.stdout)).toEqual({ include: [{ baseline: 'billing' }] })
  })

  it('without --json prints a short list, one baseline a line', async () => {
    const fx = twoBaselines()
    const r = await run(['plan'], fx.root)
    expect(r.status).toBe(0)
    expect(r.stdout.split('\n')[0]).toBe('2 baselines:')
    expect(r.stdout).toMatch(
      /^ {2}memorykernel {2}MemoryKernel {2}\(pin config\/memorykernel-integration-pin\.json\)$/m
    )
    expect(r.stdout).toMatch(/^ {2}billing {2}Billing {2}\(pin config\/billing-integration-pin\.json\)$/m)
  })

  it('without a policy file plans the built-in default baseline', async () => {
    const repo = tempDir()
    execFileSync('git', ['init', '-q'], { cwd: repo })
    const r = await run(['plan', '--json'], repo)
    expect(JSON.parse(r.stdout)).toEqual({ include: [{ baseline: 'memorykernel' }] })
  })

  it('outside a git repository there is no root to plan: exit 2 with what to do', async () => {
    const r = await run(['plan', '--json'], tempDir())
    expect([r.status, r.stdout]).toEqual([2, ''])
    expect(r.stderr).toMatch(/is not inside a git repository: baseline-gate works on a clone/)
  })

  it('a policy error or a bad option exits 2 with one line on stderr', async () => {
    const fx = twoBaselines()
    const cases: [string[], RegExp][] = [
      [['plan', '--baseline', 'nope'], /unknown baseline "nope"; the policy defines: memorykernel, billing/],
      [['plan', '--policy', 'missing.json'], /policy file not found/],
      [['plan', '--no-probe'], /plan does not take --no-probe/],
      [['plan', '--evidence-dir', 'x'], /plan does not take --evidence-dir/],
      [['plan', 'extra'], /argument|positional/i]
    ]
    for (const [argv, message] of cases) {
      const r = await run(argv, fx.root)
      expect([r.status, r.stdout]).toEqual([2, ''])
      expect(r.stderr).toMatch(message)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
    }
    fx.write(POLICY, '{ "policy_version": ')
    const broken = await run(['plan', '--json'], fx.root)
    expect([broken.status, broken.stdout]).toEqual([2, ''])
    expect(broken.stderr).toMatch(/^baseline-gate: config\/baseline-policy\.json:1:/)
  })
})

describe('aggregate', () => {
  it('merges one directory per baseline into one PASS and one Markdown table', async () => {
    const fx = twoBaselines()
    const dirs = [await healthInto(fx, 'memorykernel'), await healthInto(fx, 'billing')]
    const r = await run(['aggregate', ...dirs], fx.root)
    expect([r.status, r.stderr]).toEqual([0, ''])
    expect(r.stdout).toMatch(/^## baseline-gate aggregate: ✅ PASS\n/)
    expect(r.stdout).toContain('| Baseline | Operation | Verdict | Errors | Warnings | Identity tag |')
    expect(r.stdout).toMatch(/^\| `billing` \| health \| ✅ PASS \| 0 \| \d+ \| `v\d+\.\d+\.\d+` \|$/m)
    expect(r.stdout).toMatch(/^\| `memorykernel` \| health \| ✅ PASS \| 0 \| \d+ \| `v\d+\.\d+\.\d+` \|$/m)

    const { status, out } = await aggregateJson(dirs, fx.root)
    expect(status).toBe(0)
    expect(Object.keys(out).sort()).toEqual(['baselines', 'invalid', 'missing', 'superseded', 'verdict'])
    expect(out.verdict).toBe('PASS')
    expect(out.baselines.map((b) => [b.name, b.operation, b.verdict])).toEqual([
      ['billing', 'health', 'PASS'],
      ['memorykernel', 'health', 'PASS']
    ])
    expect(out.baselines[0]!.file).toBe(join(dirs[1]!, 'health-billing.json'))
    expect([out.missing, out.invalid]).toEqual([[], []])
  })

  it("two runs' packets of one baseline, a PASS and a FAIL: its row shows the FAIL, never the PASS (found by review)", async () => {
    const fx = twoBaselines()
    // the PASS first in path order, the FAIL after it
    const pass = await healthInto(fx, 'billing')
    fx.editJson(BILLING.pin, (pin) => {
      pin.release_tag = 'v9.9.9'
    })
    const fail = await healthInto(fx, 'billing')
    const dirs = [pass, fail].sort()
    const { status, out } = await aggregateJson(dirs, fx.root)
    expect([status, out.verdict]).toEqual([1, 'FAIL'])
    expect(out.baselines.map((b) => [b.name, b.verdict])).toEqual([['billing', 'FAIL']])
    expect(out.invalid.map((i) => i.reason)).toEqual([
      expect.stringMatching(/^a second health packet of "billing" \(PASS; the one shown: .*, FAIL\)/)
    ])
  })

  it("shows what the packets state redacted: a secret of the run's environment in a packet's identity (found by review)", async () => {
    const fx = twoBaselines()
    const dir = await healthInto(fx, 'billing')
    const secret = ['Fake', 'Packet', 'Secret', '2026'].join('-')
    const file = join(dir, 'health-billing.json')
    const packet = JSON.parse(readFileSync(file, 'utf8')) as { identity: { release_tag: string } }
    packet.identity.release_tag = secret
    writeFileSync(file, JSON.stringify(packet, null, 2))
    const r = await run(['aggregate', dir], fx.root, { DEPLOY_TOKEN: secret })
    expect(r.stdout).toContain('[REDACTED:known-secret]')
    expect(r.stdout + r.stderr).not.toContain(secret)
  })

  it('also takes the parent directory of the downloaded artifacts', async () => {
    const fx = twoBaselines()
    const parent = tempDir('bg-agg-artifacts-')
    for (const b of ['memorykernel', 'billing']) {
      await run(
        ['health', '--no-probe', '--baseline', b, '--evidence-dir', join(parent, `evidence-${b}`)],
        fx.root
      )
    }
    const { status, out } = await aggregateJson([parent, '--expect', 'memorykernel,billing'], fx.root)
    expect([status, out.baselines.length, out.missing]).toEqual([0, 2, []])
  })

  it('FAILs when one baseline’s packet is FAIL, and says which', async () => {
    const fx = twoBaselines()
    fx.editJson(BILLING.pin, (pin) => {
      pin.release_tag = 'v9.9.9'
    })
    const dirs = [await healthInto(fx, 'memorykernel'), await healthInto(fx, 'billing')]
    const { status, out } = await aggregateJson(dirs, fx.root)
    expect([status, out.verdict]).toEqual([1, 'FAIL'])
    const billing = out.baselines.find((b) => b.name === 'billing')!
    expect([billing.verdict, billing.release_tag]).toEqual(['FAIL', 'v9.9.9'])
    expect(billing.errors).toBeGreaterThan(0)
    expect(out.baselines.find((b) => b.name === 'memorykernel')!.verdict).toBe('PASS')
    const text = await run(['aggregate', ...dirs], fx.root)
    expect(text.stdout).toMatch(/^\| `billing` \| health \| ❌ FAIL \| [1-9]\d* \|/m)
  })

  it('a job re-run in the same run counts by its latest attempt; the earlier one is listed, not counted (found by review)', async () => {
    const fx = twoBaselines()
    const RUN = '4242'
    const attempt = (n: number | string) => ({
      GITHUB_ACTIONS: 'true',
      GITHUB_SHA: 'c'.repeat(40),
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_RUN_ID: RUN,
      GITHUB_RUN_ATTEMPT: String(n)
    })
    // as download-artifact lays them out: one directory per artifact, named as the action names it
    const parent = tempDir('bg-agg-attempts-')
    const artifact = (baseline: string, n: number | string) =>
      join(parent, `baseline-gate-health-${baseline}-health-${RUN}-${n}`)
    const healthAt = async (baseline: string, n: number | string, dir = artifact(baseline, n)) => {
      const r = await run(
        ['health', '--no-probe', '--baseline', baseline, '--evidence-dir', dir],
        fx.root,
        attempt(n)
      )
      expect(r.status).not.toBe(2)
      return dir
    }
    const pin = fx.read(BILLING.pin)
    fx.editJson(BILLING.pin, (p) => {
      p.release_tag = 'v9.9.9'
    })
    // "Re-run failed jobs": the failed attempt's artifact stays beside the re-run's
    const failed = await healthAt('billing', 1)
    fx.write(BILLING.pin, pin)
    const rerun = await healthAt('billing', 2)
    const mk = await healthAt('memorykernel', 1)
    const aggregateAt = async (dirs: string[], env: NodeJS.ProcessEnv) => {
      const r = await run(['aggregate', '--json', ...dirs], fx.root, env)
      return { status: r.status, out: JSON.parse(r.stdout) as Aggregate }
    }
    const { status, out } = await aggregateAt([failed, rerun, mk], attempt(2))
    expect([status, out.verdict, out.invalid]).toEqual([0, 'PASS', []])
    expect(out.baselines.find((b) => b.name === 'billing')!.file).toBe(join(rerun, 'health-billing.json'))
    expect(out.superseded).toEqual([
      {
        file: join(failed, 'health-billing.json'),
        by: join(rerun, 'health-billing.json'),
        reason: "attempt 1 of run 4242 (FAIL), re-run as attempt 2: the later attempt's packet counts"
      }
    ])
    const text = await run(['aggregate', failed, rerun, mk], fx.root, attempt(2))
    expect(text.stdout).toContain(
      '2 evidence packets, 0 missing, 0 invalid, 1 of an earlier attempt (not counted).'
    )
    expect(text.stdout).toContain('### Replaced by a re-run (not counted)')
    // the parent of every artifact, as the drift workflow gives it
    const whole = await aggregateAt([parent], attempt(2))
    expect([whole.status, whole.out.superseded.length, whole.out.invalid]).toEqual([0, 1, []])

    // what still is "a second packet" (FAIL), never guessed between
    const second = async (dirs: string[], env: NodeJS.ProcessEnv = attempt(2)) => {
      const r = await aggregateAt(dirs, env)
      expect([r.status, r.out.verdict, r.out.superseded]).toEqual([1, 'FAIL', []])
      expect(r.out.invalid.map((i) => i.reason)).toEqual([
        expect.stringMatching(/a second health packet of "billing"/)
      ])
    }
    // outside a workflow run, or in another run: nothing says which attempt is this run's
    await second([failed, rerun, mk], {})
    await second([failed, rerun, mk], { ...attempt(2), GITHUB_RUN_ID: '4343' })
    // an attempt this run has not reached, or not as Actions writes one
    await second([failed, rerun, mk], attempt(1))
    const odd = await healthAt('billing', '1e9')
    await second([failed, odd, mk], attempt(2))
    // a packet planted in another job's artifact, or beside another packet in its own (found by review)
    await healthAt('billing', 2, join(mk, 'x'))
    await second([failed, mk])
    const crowded = await healthAt('billing', 3, join(parent, `baseline-gate-health-billing-health-${RUN}-3`))
    await healthAt('memorykernel', 3, crowded)
    await second([failed, crowded], attempt(3))
    // a directory named as an artifact, made inside another job's artifact; given as the artifacts' parent too
    // (found by review of the first version, which looked only at the name)
    const mk4 = await healthAt('memorykernel', 4)
    await healthAt('billing', 4, join(mk4, `baseline-gate-health-billing-health-${RUN}-4`))
    await second([failed, mk4], attempt(4))
    // an artifact holding the replacing packet and, below it, another job's own
    const hiding = await healthAt('billing', 5)
    await healthAt('memorykernel', 5, join(hiding, 'own'))
    await second([failed, hiding], attempt(5))
    // a name that starts with the baseline's but is a longer baseline's (billing-eu's artifact)
    const longer = await healthAt(
      'billing',
      6,
      join(parent, `baseline-gate-health-billing-eu-health-${RUN}-6`)
    )
    // (a memorykernel artifact of its own: the one above holds the packet planted earlier)
    const mk6 = await healthAt('memorykernel', 6)
    const r = await aggregateAt(
      [failed, longer, mk6, '--expect', 'memorykernel,billing,billing-eu'],
      attempt(6)
    )
    expect(r.out.superseded).toEqual([])
    expect(r.out.invalid.map((i) => i.reason)).toEqual([
      expect.stringMatching(/a second health packet of "billing"/)
    ])
  })

  it('FAILs with "missing" for an absent or empty directory and for an expected baseline without a packet', async () => {
    const fx = twoBaselines()
    const mk = await healthInto(fx, 'memorykernel')
    const empty = tempDir('bg-agg-empty-')
    const gone = join(tempDir(), 'never-downloaded')

    const r1 = await aggregateJson([mk, empty, gone], fx.root)
    expect([r1.status, r1.out.verdict]).toEqual([1, 'FAIL'])
    expect(r1.out.missing).toEqual([
      { baseline: null, dir: empty, reason: 'no evidence packet in this directory' },
      { baseline: null, dir: gone, reason: 'directory not found' }
    ])

    const r2 = await aggregateJson([mk, '--expect', 'memorykernel', '--expect', 'billing'], fx.root)
    expect([r2.status, r2.out.missing.map((m) => m.baseline)]).toEqual([1, ['billing']])
    const text = await run(['aggregate', mk, '--expect', 'memorykernel,billing'], fx.root)
    expect(text.stdout).toContain('### Missing')
    expect(text.stdout).toContain('- baseline `billing`: expected, but no valid evidence packet was found')

    // without --expect, --root (or --policy) makes every baseline of that policy expected
    const r3 = await aggregateJson([mk, '--root', fx.root], tempDir())
    expect(r3.out.missing.map((m) => m.baseline)).toEqual(['billing'])
    const r4 = await aggregateJson([mk, '--policy', join(fx.root, POLICY)], tempDir())
    expect(r4.out.missing.map((m) => m.baseline)).toEqual(['billing'])
    // and with neither there is no expectation: the one packet found is the verdict
    expect((await aggregateJson([mk], fx.root)).status).toBe(0)
  })

  it('FAILs with "invalid" for a packet that is not JSON, not the schema, misnamed or a doctored PASS', async () => {
    const fx = twoBaselines()
    fx.editJson(BILLING.pin, (pin) => {
      pin.release_tag = 'v9.9.9'
    })
    const failing = await healthInto(fx, 'billing')
    const dir = await healthInto(fx, 'memorykernel')
    const good = readFileSync(join(dir, 'health-memorykernel.json'), 'utf8')
    const packet = JSON.parse(good) as Record<string, unknown>
    const variants: [string, string, string, RegExp][] = [
      ['not-json', 'health-memorykernel.json', '{ "schema": "evidence-packet.v1", ', /not JSON: 1:/],
      [
        'schema',
        'health-memorykernel.json',
        JSON.stringify({ ...packet, verdict: 'MAYBE' }),
        /not an evidence-packet\.v1: 1:\d+: `verdict` must be/
      ],
      [
        'misnamed',
        'health-memorykernel.json',
        JSON.stringify({ ...packet, baseline: 'billing' }),
        /holds the health packet of "billing"/
      ],
      [
        'doctored',
        'health-billing.json',
        readFileSync(join(failing, 'health-billing.json'), 'utf8').replace(
          '"verdict": "FAIL"',
          '"verdict": "PASS"'
        ),
        /records PASS, but its own findings or steps make it FAIL/
      ]
    ]
    for (const [label, name, content, reason] of variants) {
      const d = tempDir(`bg-agg-${label}-`)
      writeFileSync(join(d, name), content)
      const { status, out } = await aggregateJson([d], fx.root)
      expect([label, status, out.verdict, out.baselines]).toEqual([label, 1, 'FAIL', []])
      expect(out.invalid).toHaveLength(1)
      expect(out.invalid[0]!.file).toBe(join(d, name))
      expect(out.invalid[0]!.reason).toMatch(reason)
    }
    const text = await run(['aggregate', failing], fx.root)
    expect(text.stdout).not.toContain('### Invalid')
  })

  it('ignores what is not a packet (Markdown, logs, the several-baseline index) but reads every packet', async () => {
    const fx = twoBaselines()
    const dir = tempDir('bg-agg-both-')
    const r = await run(['health', '--no-probe', '--evidence-dir', dir], fx.root)
    expect(r.status).toBe(0)
    // health over two baselines also writes health.json, the index: not a packet, not invalid
    expect(readFileSync(join(dir, 'health.json'), 'utf8')).toContain('evidence-index.v1')
    writeFileSync(join(dir, 'notes.json'), 'not json')
    const { status, out } = await aggregateJson([dir, '--expect', 'memorykernel,billing'], fx.root)
    expect([status, out.baselines.length, out.invalid, out.missing]).toEqual([0, 2, [], []])
  })

  it('appends the summary to GITHUB_STEP_SUMMARY, also with --json', async () => {
    const fx = twoBaselines()
    const dirs = [await healthInto(fx, 'memorykernel'), await healthInto(fx, 'billing')]
    const summary = join(tempDir(), 'summary.md')
    writeFileSync(summary, '# earlier step\n')
    const r = await run(['aggregate', '--json', ...dirs], fx.root, { GITHUB_STEP_SUMMARY: summary })
    expect(r.status).toBe(0)
    const text = readFileSync(summary, 'utf8')
    expect(text).toMatch(/^# earlier step\n## baseline-gate aggregate: ✅ PASS\n/)
    expect(text.match(/\| health \|/g)).toHaveLength(2)
    // an unwritable summary is reported, and the verdict stands
    const bad = join(tempDir(), 'no-such-dir', 'summary.md')
    const r2 = await run(['aggregate', ...dirs], fx.root, { GITHUB_STEP_SUMMARY: bad })
    expect(r2.status).toBe(0)
    expect(r2.stderr).toMatch(/^baseline-gate: cannot append to GITHUB_STEP_SUMMARY: /)
  })

  it('usage errors exit 2 with one line', async () => {
    const fx = twoBaselines()
    const cases: [string[], RegExp][] = [
      [['aggregate'], /aggregate needs at least one evidence directory/],
      [['aggregate', 'd', '--expect', 'Bad Name'], /--expect "Bad Name" is not a baseline name/],
      [['aggregate', 'd', '--expect', 'a,,b'], /--expect "" is not a baseline name/],
      [['aggregate', 'd', '--expect', 'a', '--root', '.'], /either --expect or --root\/--policy/],
      [['aggregate', 'd', '--no-probe'], /aggregate does not take --no-probe/],
      [['aggregate', 'd', '--policy', 'missing.json'], /policy file not found/]
    ]
    for (const [argv, message] of cases) {
      const r = await run(argv, fx.root)
      expect([argv, r.status, r.stdout]).toEqual([argv, 2, ''])
      expect(r.stderr).toMatch(message)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
    }
    const help = await run(['aggregate', '--help'], fx.root)
    expect([help.status, help.stdout]).toEqual([0, expect.stringContaining('aggregate DIR...')])
  })
})

describe('aggregateEvidence and its rendering (pure)', () => {
  it('no directory content at all is FAIL, never a vacuous PASS', () => {
    expect(aggregateEvidence([], null).verdict).toBe('FAIL')
    expect(aggregateEvidence([], []).verdict).toBe('FAIL')
  })

  it('an unreadable packet file is invalid, with the reason', () => {
    const a = aggregateEvidence(
      [
        {
          dir: 'd',
          problem: null,
          files: [{ file: 'd/health-x.json', read: { kind: 'too-large', size: 9, limit: 1 } }]
        }
      ],
      null
    )
    expect(a.invalid).toEqual([{ file: 'd/health-x.json', reason: 'cannot be read (too large)' }])
    expect(readPacket('x', { kind: 'ok', bytes: Buffer.from([0xff, 0xfe]) })).toEqual({
      reason: 'not valid UTF-8'
    })
  })

  it('escapes what a packet file could smuggle into the summary, and bounds the rows', () => {
    const many: Aggregate = {
      verdict: 'FAIL',
      baselines: Array.from({ length: MAX_ROWS + 3 }, (_, i) => ({
        name: `b${i}`,
        operation: i <= 1 ? 'rollback' : 'health',
        dry_run: i <= 1,
        drill: i === 1,
        verdict: 'PASS' as const,
        file: `d/health-b${i}.json`,
        errors: 0,
        warnings: 0,
        release_tag: null
      })),
      missing: [{ baseline: null, dir: 'a|b`c', reason: 'directory not found' }],
      invalid: [{ file: 'd/health-x.json', reason: 'not JSON: <img src=x> | *bold*' }],
      superseded: []
    }
    const md = renderAggregateMarkdown(many)
    expect(md).toContain('| `b0` | rollback (dry run) | ✅ PASS |')
    expect(md).toContain('_3 more packets are not shown._')
    expect(md).toContain("- directory `a\\|b'c`: directory not found")
    expect(md).toContain('not JSON: &lt;img src=x&gt; \\| \\*bold\\*')
    expect(md).toContain('| `b1` | rollback (drill) | ✅ PASS |')
    expect(md).toContain('| `b2` | health | ✅ PASS | 0 | 0 | _unknown_ |')
  })
})
