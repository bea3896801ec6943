// Acceptance: `baseline-gate promote` from the BUILT command line (dist/cli/index.js) as a child process, on
// real temporary git repositories holding the embedded default trio.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { verifyEvidence } from '../../src/operations/verify-evidence.js'
import { requireBuiltCli, runCli, STACK_LINE } from '../helpers/cli-run.js'
import type { CliRun } from '../helpers/cli-run.js'
import { cleanupFixtures, MATRIX, PIN, POLICY, tempDir, trioFixture } from '../helpers/fixture.js'
import type { Fixture } from '../helpers/fixture.js'

/** Commits of the approved baseline are old enough for its 14-day stability window to be over. */
const PAST = '2026-10-01T00:00:00Z'

beforeAll(requireBuiltCli)
afterAll(cleanupFixtures)

function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  return runCli(args, cwd, env)
}

function git(fx: Fixture, args: string[], date = PAST): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], {
    cwd: fx.root,
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    encoding: 'utf8'
  })
}

/** The embedded default trio committed as the approved baseline, with a policy whose suites are small. */
function repository(steps: object[]): Fixture {
  const fx = trioFixture()
  const policy = JSON.parse(fx.read(POLICY)) as { baselines: Record<string, Record<string, unknown>> }
  policy.baselines.memorykernel!.suites = { concurrent: true, consumer: steps, producer: [] }
  fx.write(POLICY, `${JSON.stringify(policy, null, 2)}\n`)
  git(fx, ['add', '-A'])
  git(fx, ['commit', '-q', '-m', 'approved baseline'])
  return fx
}

/** Bump the pin alone to another release, committed: the rules fail it (BG501) before any suite could. */
function pinOnly(fx: Fixture): void {
  fx.editJson(PIN, (pin) => {
    pin.release_tag = 'v9.9.9'
    pin.commit_sha = 'b'.repeat(40)
  })
  git(fx, ['commit', '-q', '-a', '-m', 'bump the pin only'], new Date().toISOString())
}

/** Hold the runtime: GO -> NO-GO in the pin and the matrix, committed (needs no approval). */
function holdRuntime(fx: Fixture): void {
  fx.replace(PIN, '"runtime_cutover_posture": "GO"', '"runtime_cutover_posture": "NO-GO"')
  fx.replace(MATRIX, /^- Runtime cutover posture: `GO`/m, '- Runtime cutover posture: `NO-GO`')
  git(fx, ['commit', '-q', '-a', '-m', 'hold the runtime'], new Date().toISOString())
}

const node = (script: string) => [process.execPath, '-e', script]

interface JsonResult {
  operation: string
  verdict: string
  baselines: {
    name: string
    trio_changed: boolean
    classification: string
    findings: { rule: string; severity: string; message: string }[]
    steps: { suite: string; name: string; status: string; exit_code: number | null; duration_ms: number }[]
  }[]
  evidence: string
}

describe('baseline-gate promote (built CLI)', () => {
  it('passes a trio change whose suites pass; --json has trio_changed, classification and the steps', () => {
    const fx = repository([
      { name: 'typecheck', run: node('console.log("types ok")') },
      { name: 'test', run: node('console.log("tests ok")') }
    ])
    holdRuntime(fx)
    const evidenceDir = tempDir('bg-promote-evidence-')
    const r = cli(['promote', '--base', 'HEAD~1', '--json', '--evidence-dir', evidenceDir], fx.root)
    expect(r.stderr).not.toMatch(STACK_LINE)
    expect(r.status).toBe(0)
    const out = JSON.parse(r.stdout) as JsonResult
    expect(out.operation).toBe('promotion')
    expect(out.verdict).toBe('PASS')
    const b = out.baselines[0]!
    expect([b.trio_changed, b.classification]).toEqual([true, 'none'])
    expect(b.steps.map((s) => [s.suite, s.name, s.status, s.exit_code])).toEqual([
      ['consumer', 'typecheck', 'passed', 0],
      ['consumer', 'test', 'passed', 0]
    ])
    for (const s of b.steps)
      expect(Object.keys(s).sort()).toEqual(['duration_ms', 'exit_code', 'name', 'status', 'suite'])
    // the progress went to stderr: what is judged first, then a line per finished step (not a terminal: no live line)
    const progress = r.stderr.split('\n')
    expect(progress[0]).toMatch(
      /^Judging memorykernel: \S+ -> \S+ \(base [0-9a-f]{12}, head [0-9a-f]{12}; changed: /
    )
    expect(progress[1]).toBe('Running 2 suite steps')
    expect(r.stderr).toMatch(/^PASS consumer › typecheck \(/m)
    expect(r.stderr).not.toContain('\r')
    expect(out.evidence).toBe(join(evidenceDir, 'promotion-memorykernel.json'))
    const v = verifyEvidence(fx.root, out.evidence)
    expect(v.problems).toEqual([])
    expect(v.checked).toBe(3 + 2) // the trio and the two logs

    // a packet whose steps all name one large file: refused at the size a step's log can have, never hashed once
    // per step (found by review: a crafted packet held a verifier for minutes)
    const dir = tempDir('bg-verify-many-')
    cpSync(evidenceDir, dir, { recursive: true })
    writeFileSync(join(dir, 'L'), Buffer.alloc(2 * 1024 * 1024))
    const packetFile = join(dir, 'promotion-memorykernel.json')
    const packet = JSON.parse(readFileSync(packetFile, 'utf8')) as { steps: unknown[] }
    const fake = {
      suite: 's',
      name: 'n',
      status: 'skipped',
      exit_code: null,
      duration_ms: 0,
      required: false
    }
    packet.steps.push(
      ...Array.from({ length: 500 }, () => ({ ...fake, log_file: 'L', log_sha256: '0'.repeat(64) }))
    )
    writeFileSync(packetFile, JSON.stringify(packet, null, 2))
    const many = verifyEvidence(fx.root, packetFile)
    expect(many.problems).toHaveLength(500)
    expect(many.problems[0]).toContain("the file is larger than a step's log can be (1 MiB)")
  })

  it('a step that swaps the evidence directory for a link out of the repository gets a clear refusal, not a crash', () => {
    const outside = tempDir('bg-promote-outside-')
    const fx = repository([
      {
        name: 'swap',
        run: node(
          `const fs = require('node:fs'); fs.rmSync('.baseline-gate/evidence', { recursive: true, force: true }); fs.mkdirSync('.baseline-gate', { recursive: true }); fs.symlinkSync(${JSON.stringify(outside)}, '.baseline-gate/evidence')`
        )
      },
      // still running when the first step's log is written
      { name: 'slow', run: node('setTimeout(() => console.log("slow ok"), 1500)') }
    ])
    holdRuntime(fx)
    const r = cli(['promote', '--base', 'HEAD~1'], fx.root)
    expect(r.stderr).not.toMatch(STACK_LINE)
    expect(r.stderr).not.toContain('internal error')
    expect(r.stderr).toMatch(/evidence directory .* leads outside the repository/)
    expect(r.status).toBe(2)
    expect(readdirSync(outside)).toEqual([])
  })

  it('a failing step fails the gate (exit 1) and the report shows the tail of its log', () => {
    const fx = repository([
      { name: 'test', run: node('console.log("assertion failed: expected 2, got 3"); process.exit(3)') }
    ])
    holdRuntime(fx)
    const r = cli(['promote', '--base', 'HEAD~1', '--evidence-dir', tempDir('bg-promote-evidence-')], fx.root)
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/BG701.*consumer › test.*exit code 3/)
    expect(r.stdout).toContain('assertion failed: expected 2, got 3')
    expect(r.stdout).toMatch(/FAIL/)
    expect(r.stderr).toMatch(/^FAIL consumer › test \(.*exit 3\)$/m)
  })

  it('an unchanged trio passes at once without running the suites', () => {
    const fx = repository([{ name: 'would fail', run: node('process.exit(1)') }])
    fx.write('README.md', 'unrelated change\n')
    git(fx, ['add', 'README.md'])
    git(fx, ['commit', '-q', '-m', 'docs'])
    const r = cli(
      ['promote', '--base', 'HEAD~1', '--json', '--evidence-dir', tempDir('bg-promote-evidence-')],
      fx.root
    )
    expect(r.status).toBe(0)
    const b = (JSON.parse(r.stdout) as JsonResult).baselines[0]!
    expect([b.trio_changed, b.classification, b.steps]).toEqual([false, 'none', []])
    expect(r.stderr).toBe('')
    const human = cli(
      ['promote', '--base', 'HEAD~1', '--evidence-dir', tempDir('bg-promote-evidence-')],
      fx.root
    )
    expect(human.stdout).toContain('the trio did not change; no baseline change to test')
  })

  it('--no-suites records every step as skipped and passes on the rules', () => {
    const fx = repository([{ name: 'test', run: node('process.exit(1)') }])
    holdRuntime(fx)
    const r = cli(
      [
        'promote',
        '--base',
        'HEAD~1',
        '--no-suites',
        '--json',
        '--evidence-dir',
        tempDir('bg-promote-evidence-')
      ],
      fx.root
    )
    expect(r.status).toBe(0)
    const b = (JSON.parse(r.stdout) as JsonResult).baselines[0]!
    expect(b.steps.map((s) => s.status)).toEqual(['skipped'])
    expect(b.findings.map((f) => f.rule)).toEqual(['BG704'])
    // judged at a given instant: the terminal says so, and the command it prints judges at that instant again
    const at = cli(['promote', '--base', 'HEAD~1', '--no-suites', '--now', '2026-12-31T00:00:00Z'], fx.root)
    expect(at.status).toBe(0)
    expect(at.stdout).toContain('  judged at 2026-12-31T00:00:00.000Z (--now), not at the time of this run\n')
    expect(at.stdout).toMatch(
      /merge only once they passed, in a check of their own \(baseline promotion suites in the example workflow\) or locally with npx --no baseline-gate promote --base \w{12} --now 2026-12-31T00:00:00\.000Z\./
    )
    // replayed: the terminal names the date it judged at, and the commit whose date it is (as the evidence does)
    const replay = cli(['promote', '--base', 'HEAD~1', '--no-suites', '--replay', '--json'], fx.root)
    const judgedAt = (
      JSON.parse(readFileSync((JSON.parse(replay.stdout) as { evidence: string }).evidence, 'utf8')) as {
        judged_at: { at: string; commit: string; source: string }
      }
    ).judged_at
    expect(judgedAt.source).toBe('commit')
    // and --json says it as the evidence does (a replayed PASS is not today's)
    expect((JSON.parse(replay.stdout) as { judged_at: unknown }).judged_at).toEqual(judgedAt)
    const said = cli(['promote', '--base', 'HEAD~1', '--no-suites', '--replay'], fx.root)
    expect(said.stdout).toContain(
      `  judged at ${new Date(judgedAt.at).toISOString()}, the committer date of commit ${judgedAt.commit.slice(0, 12)} (--replay), not at the time of this run\n`
    )
  })

  it('a rule FAIL skips the suites: no step runs, the terminal says so in one line, the evidence records why', () => {
    const marks = tempDir('bg-promote-marks-')
    const fx = repository([
      { name: 'test', run: node(`require("fs").writeFileSync(${JSON.stringify(join(marks, 'ran'))}, "")`) }
    ])
    pinOnly(fx)
    const evidenceDir = tempDir('bg-promote-evidence-')
    const r = cli(['promote', '--base', 'HEAD~1', '--evidence-dir', evidenceDir], fx.root)
    expect(r.status).toBe(1)
    expect(existsSync(join(marks, 'ran'))).toBe(false)
    const progress = r.stderr.trimEnd().split('\n')
    expect(progress).toHaveLength(2)
    expect(progress[0]).toMatch(
      /^Judging memorykernel: .* -> v9\.9\.9 \(base [0-9a-f]{12}, head [0-9a-f]{12}; changed: /
    )
    expect(progress[1]).toMatch(
      /^Suites skipped: the rules already decide FAIL \(\d+ errors?\)\. Run with --suites-anyway to run them\.$/
    )
    expect(r.stdout).toMatch(/BG501/)
    expect(r.stdout).toMatch(/BG704 +the suites were not run because the rules already decide FAIL/)
    const packet = JSON.parse(readFileSync(join(evidenceDir, 'promotion-memorykernel.json'), 'utf8')) as {
      steps: { status: string; skip_reason?: string }[]
      verdict: string
    }
    expect(packet.verdict).toBe('FAIL')
    expect(packet.steps).toEqual([
      expect.objectContaining({
        status: 'skipped',
        skip_reason: expect.stringMatching(/^the rules already decide FAIL \(\d+ errors?\)$/)
      })
    ])

    const anyway = cli(
      ['promote', '--base', 'HEAD~1', '--suites-anyway', '--evidence-dir', tempDir('bg-promote-evidence-')],
      fx.root
    )
    expect(anyway.status).toBe(1)
    expect(existsSync(join(marks, 'ran'))).toBe(true)
    expect(anyway.stderr).toMatch(/^PASS consumer › test \(/m)
    expect(anyway.stderr).not.toContain('Suites skipped')
  })

  it("a branch its base has moved on from is judged from where it left it, as its pull request's diff shows it (BG711; found by review)", () => {
    const fx = repository([])
    // the branch edits no trio file; after it left, the base branch held the runtime (a trio change)
    git(fx, ['checkout', '-q', '-b', 'topic'])
    fx.write('NOTES.md', 'runbook notes\n')
    git(fx, ['add', 'NOTES.md'])
    git(fx, ['commit', '-q', '-m', 'notes'])
    git(fx, ['checkout', '-q', '-b', 'moved-on', 'HEAD~1'])
    holdRuntime(fx)
    git(fx, ['checkout', '-q', 'topic'])
    const evidenceDir = tempDir('bg-promote-evidence-')
    const r = cli(
      ['promote', '--base', 'moved-on', '--no-suites', '--json', '--evidence-dir', evidenceDir],
      fx.root
    )
    expect(r.stderr).not.toMatch(STACK_LINE)
    const out = JSON.parse(r.stdout) as JsonResult
    const fork = git(fx, ['merge-base', 'moved-on', 'topic']).trim()
    // judged against moved-on itself, the branch would seem to undo its NO-GO (a GO without approval)
    expect([r.status, out.verdict, out.baselines[0]!.trio_changed]).toEqual([0, 'PASS', false])
    expect(out.baselines[0]!.findings.filter((f) => f.rule === 'BG711')).toEqual([
      expect.objectContaining({
        rule: 'BG711',
        severity: 'notice',
        file: null,
        message: expect.stringContaining(`moved-on (`) as unknown as string
      })
    ])
    expect(out.baselines[0]!.findings.find((f) => f.rule === 'BG711')!.message).toContain(
      `has moved on since this branch left it at ${fork.slice(0, 12)}`
    )
    // merged, the branch is judged against the base as given, with nothing to note
    git(fx, ['merge', '-q', '--no-edit', 'moved-on'], new Date().toISOString())
    const merged = JSON.parse(
      cli(
        [
          'promote',
          '--base',
          'moved-on',
          '--no-suites',
          '--json',
          '--evidence-dir',
          tempDir('bg-promote-evidence-')
        ],
        fx.root
      ).stdout
    ) as JsonResult
    expect([merged.verdict, merged.baselines[0]!.findings.map((f) => f.rule)]).toEqual(['PASS', []])
  })

  it('usage errors are one line and exit 2: no --base, an option as a revision, an unknown revision', () => {
    const fx = repository([])
    for (const [args, message] of [
      [['promote'], /needs --base/],
      [['promote', '--base', '--upload-pack=touch x'], /must name a revision|needs a value|argument/],
      [['promote', '--base', 'no-such-branch'], /--base no-such-branch names no commit/],
      [['promote', '--base', 'HEAD', '--head', 'nope'], /--head nope names no commit/],
      [['promote', '--base', 'HEAD', '--no-probe'], /does not take --no-probe/],
      [
        ['promote', '--base', 'HEAD', '--no-suites', '--suites-anyway'],
        /--no-suites or --suites-anyway, not both/
      ],
      [['health', '--base', 'HEAD'], /health does not take --base/]
    ] as const) {
      const r = cli([...args], fx.root)
      expect(r.status).toBe(2)
      expect(r.stdout).toBe('')
      const lines = r.stderr.split('\n').filter(Boolean)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(message)
      expect(r.stderr).not.toMatch(STACK_LINE)
    }
    expect(existsSync(join(fx.root, 'x'))).toBe(false)
  })

  it('the secrets of the environment never reach the report or the evidence', () => {
    const token = ['ghp', '_', 'Fake'.repeat(9)].join('')
    const fx = repository([
      {
        name: 'leaky',
        run: node('console.log("token=" + process.argv[1]); process.exit(1)'),
        cwd: '{repo_root}'
      }
    ])
    // the step gets the token through argv (the environment given to steps has no token variables)
    const policy = JSON.parse(fx.read(POLICY)) as {
      baselines: { memorykernel: { suites: { consumer: { run: string[] }[] } } }
    }
    policy.baselines.memorykernel.suites.consumer[0]!.run.push(token)
    fx.write(POLICY, `${JSON.stringify(policy, null, 2)}\n`)
    git(fx, ['commit', '-q', '-a', '-m', 'policy'])
    holdRuntime(fx)
    const evidenceDir = tempDir('bg-promote-evidence-')
    const r = cli(['promote', '--base', 'HEAD~1', '--evidence-dir', evidenceDir], fx.root, {
      GITHUB_TOKEN: token
    })
    expect(r.status).toBe(1)
    expect(r.stdout + r.stderr).not.toContain(token)
    expect(r.stdout).toContain('[REDACTED:')
    const log = readFileSync(join(evidenceDir, 'promotion-memorykernel-01-consumer-leaky.log'), 'utf8')
    expect(log).toContain('token=[REDACTED:')
    expect(log).not.toContain(token)
  })
})
