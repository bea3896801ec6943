// Acceptance: `baseline-gate rollback --drill` from the BUILT command line (dist/cli/index.js) as a child process,
// on real git repositories with three baselines in their history: a restorable last-known-good exits 0 and writes
// nothing; a baseline the ledger still approves whose mirror is not what its pin hashed exits 1 with BG513 naming
// the file and the revision; a shallow clone exits 1 with BG510; a plain dry run with nothing to restore says it
// is one and what to do first; a usage error exits 2; never a stack trace.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { requireBuiltCli, runCli, STACK_LINE } from '../helpers/cli-run.js'
import { brokenMiddle, treeState } from '../helpers/drill-history.js'
import { cleanupFixtures, MATRIX, PIN, tempDir, trioFixture } from '../helpers/fixture.js'
import { gitRepo, TAGS, threeBaselines } from '../helpers/git-repo.js'

beforeAll(requireBuiltCli)
afterAll(cleanupFixtures)

const DRILL = ['rollback', '--drill', '--trigger', 'contract-drift', '--reason', 'scheduled rollback drill']

interface DrillJson {
  verdict: string
  baselines: {
    status: string
    not_run: string[]
    findings: { rule: string; file: string | null; line: number | null; message: string }[]
    target: { release_tag: string; trio_revision: string } | null
    drill: {
      verdict: string
      checks: { check: string; ok: boolean | null; detail: string }[]
      not_run: string[]
    }
  }[]
}

describe('baseline-gate rollback --drill (built CLI)', () => {
  it('a restorable last-known-good: exit 0, every check proven, what did not run said, nothing written', () => {
    const { fx, c } = threeBaselines()
    const evidence = tempDir('bg-cli-drill-evidence-')
    const before = treeState(fx.root)
    const text = runCli([...DRILL, '--evidence-dir', evidence], fx.root)
    expect(text.status).toBe(0)
    expect(text.stdout.split('\n')[0]).toBe(
      `PASS · rollback drill of memorykernel: ${TAGS.v6} pinned; a rollback would restore ${TAGS.v5}`
    )
    // the pin as it is now, not the restore the drill only imagines
    expect(text.stdout.split('\n')[1]).toMatch(
      new RegExp(`^  pinned now \\(as committed\\): ${TAGS.v6.replace(/\./g, '\\.')} · .* · posture GO$`)
    )
    // the drill's verdict and checks right under the headline
    expect(text.stdout.split('\n')[2]).toBe('  drill: the last-known-good is restorable')
    expect(text.stdout).toMatch(/✓ digest: the mirror that would be written is the committed one/)
    expect(text.stdout).toContain('findings: 0 errors, 0 warnings, 0 notices')
    // what did not run, once; no progress line about skipped suites on stderr
    expect(text.stdout.match(/rollback suites/g)).toHaveLength(1)
    expect(text.stderr).not.toContain('Suites skipped')
    // a drill is no incident: no incident note
    expect(readdirSync(evidence).filter((f) => f.includes('incident-note'))).toEqual([])
    const json = runCli([...DRILL, '--json', '--evidence-dir', evidence], fx.root)
    expect(json.status).toBe(0)
    const out = JSON.parse(json.stdout) as DrillJson
    const b = out.baselines[0]!
    expect([out.verdict, b.status, b.drill.verdict]).toEqual(['PASS', 'dry-run', 'PASS'])
    expect([b.target?.release_tag, b.target?.trio_revision]).toEqual([TAGS.v5, c.v5])
    expect(b.drill.checks.every((x) => x.ok === true)).toBe(true)
    expect(b.not_run).toEqual([
      "The rollback suites (a real rollback runs them); the runtime preflight (the producer's code in the repository is the release a rollback withdraws); no pull request or incident issue (a drill never proposes; with a token it opens only its drift issue)."
    ])
    expect(treeState(fx.root)).toEqual(before)
    for (const r of [text, json]) expect(r.stderr + r.stdout).not.toMatch(STACK_LINE)
  })

  it('--dry-run --drill is the same drill', () => {
    const { fx } = threeBaselines()
    const r = runCli([...DRILL, '--dry-run', '--json'], fx.root)
    expect(r.status).toBe(0)
    expect((JSON.parse(r.stdout) as DrillJson).baselines[0]!.drill.verdict).toBe('PASS')
  })

  it('the ledger still approves a baseline whose mirror is not what its pin hashed: exit 1, BG513 names file and revision', () => {
    const h = brokenMiddle()
    const before = treeState(h.fx.root)
    const r = runCli([...DRILL, '--json'], h.fx.root)
    expect(r.status).toBe(1)
    const out = JSON.parse(r.stdout) as DrillJson
    const b = out.baselines[0]!
    expect([out.verdict, b.drill.verdict]).toEqual(['FAIL', 'FAIL'])
    const f = b.findings.find((x) => x.rule === 'BG513')!
    expect(f.file).toBe(MATRIX)
    expect(f.message).toContain(h.c.v5)
    expect(f.message).toContain(`BG202 at ${PIN}:`)
    expect(f.message).toContain(`restore ${TAGS.v4} instead`)
    const text = runCli(DRILL, h.fx.root)
    expect(text.status).toBe(1)
    expect(text.stdout).toContain(`${MATRIX}:${f.line}:1  error    BG513`)
    expect(text.stdout).toContain('Then run the drill again')
    expect(treeState(h.fx.root)).toEqual(before)
    for (const x of [r, text]) expect(x.stderr + x.stdout).not.toMatch(STACK_LINE)
  })

  it('a shallow clone: exit 1, BG510 says to fetch the history', () => {
    const { fx } = threeBaselines()
    const clone = join(tempDir('bg-cli-drill-shallow-'), 'repo')
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${fx.root}`, clone])
    const r = runCli([...DRILL.slice(0, -1), 'weekly drill'], clone)
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/BG510/)
    expect(r.stdout).toMatch(/fetch-depth: 0/)
    expect(r.stdout).toContain(
      'rollback drill of memorykernel: no earlier baseline found (the clone is shallow'
    )
    // the re-run keeps the operator's reason, and never downloads a package of that name
    expect(r.stdout).toContain(
      'npx --no baseline-gate rollback --drill --baseline memorykernel --trigger contract-drift --reason "weekly drill"'
    )
    expect(r.stdout).not.toContain('not restored')
    // --json says what the terminal says: a dry run, nothing written
    const json = runCli([...DRILL, '--json'], clone)
    expect((JSON.parse(json.stdout) as DrillJson).baselines[0]!.status).toBe('dry-run')
    expect(r.stdout).toContain('status: rollback drill: nothing was written')
    expect(r.stderr + r.stdout).not.toMatch(STACK_LINE)
  })

  it('a plain dry run with nothing to restore says it is a dry run, what did not run, and what to do first', () => {
    const fx = trioFixture()
    gitRepo(fx).commit(`baseline ${TAGS.v4}`)
    const DRY = ['rollback', '--dry-run', '--trigger', 'contract-drift', '--reason', 'trying it']
    const r = runCli(DRY, fx.root)
    expect(r.status).toBe(1)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toBe(
      `FAIL · rollback of memorykernel: dry run, no earlier baseline to restore (${TAGS.v4} is the only one ever pinned); nothing written`
    )
    expect(r.stdout).toContain('  status: dry run: nothing was written; a rollback would not complete\n')
    expect(r.stdout).toContain(
      'did not run:\n    - No rollback suite ran: a dry run restores nothing, so there was no trio to test.'
    )
    expect(r.stdout).toContain(
      `next:\n  1. Nothing to roll back to: ${TAGS.v4} is the only baseline ever pinned on this branch; a rollback becomes possible after the next promotion.\n`
    )
    // no advice for an incident this run did not handle: no "run it again", no posture to keep
    expect(r.stdout).not.toMatch(
      /fix the problem under Findings|Keep the runtime cutover posture|not restored\n/
    )
    // a shallow clone: fetch the history first
    const clone = join(tempDir('bg-cli-dry-shallow-'), 'repo')
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${fx.root}`, clone])
    const shallow = runCli(DRY, clone)
    expect(shallow.stdout.split('\n')[0]).toBe(
      'FAIL · rollback of memorykernel: dry run, no earlier baseline found (the clone is shallow); nothing written'
    )
    expect(shallow.stdout).toMatch(
      /next:\n {2}1\. Check out the full history .*fetch-depth: 0.*\n {2}2\. Then run the dry run again\./
    )
    expect(r.stderr + r.stdout + shallow.stderr + shallow.stdout).not.toMatch(STACK_LINE)
  })

  it('rollback --help says what --drill exits with, where its evidence goes and what --to does with it', () => {
    const { fx } = threeBaselines()
    const r = runCli(['rollback', '--help'], fx.root)
    expect(r.status).toBe(0)
    const help = r.stdout.replace(/\s+/g, ' ')
    expect(help).toContain('with --drill: 0 the last-known-good is restorable, 1 it is not')
    expect(help).toContain('with --dry-run or --drill a new temporary directory')
    expect(help).toContain('with --drill: prove that tag restorable instead')
  })

  it('--drill belongs to rollback only: exit 2 with one line', () => {
    const { fx } = threeBaselines()
    const r = runCli(['health', '--drill'], fx.root)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/health does not take --drill/)
    expect(r.stderr + r.stdout).not.toMatch(STACK_LINE)
  })
})
