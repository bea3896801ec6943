// Acceptance: `baseline-gate rollback --drill` from the BUILT command line (dist/cli/index.js) as a child process,
// on real git repositories with three baselines in their history: a restorable last-known-good exits 0 and writes
// nothing; a baseline the ledger still approves whose mirror is not what its pin hashed exits 1 with BG513 naming
// the file and the revision; a shallow clone exits 1 with BG510; a usage error exits 2; never a stack trace.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { requireBuiltCli, runCli, STACK_LINE } from '../helpers/cli-run.js'
import { brokenMiddle, treeState } from '../helpers/drill-history.js'
import { cleanupFixtures, MATRIX, PIN, tempDir } from '../helpers/fixture.js'
import { TAGS, threeBaselines } from '../helpers/git-repo.js'

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
    expect(text.stdout).toContain('(rollback drill, nothing written)')
    expect(text.stdout).toContain('drill: the last-known-good is restorable')
    expect(text.stdout).toMatch(/✓ digest: the mirror that would be written is the committed one/)
    expect(text.stdout).toContain('not checked: the rollback suites')
    const json = runCli([...DRILL, '--json', '--evidence-dir', evidence], fx.root)
    expect(json.status).toBe(0)
    const out = JSON.parse(json.stdout) as DrillJson
    const b = out.baselines[0]!
    expect([out.verdict, b.status, b.drill.verdict]).toEqual(['PASS', 'dry-run', 'PASS'])
    expect([b.target?.release_tag, b.target?.trio_revision]).toEqual([TAGS.v5, c.v5])
    expect(b.drill.checks.every((x) => x.ok === true)).toBe(true)
    expect(b.not_run.join('\n')).toMatch(/rollback drill writes nothing/)
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
    expect(text.stdout).toContain('then run the drill again')
    expect(treeState(h.fx.root)).toEqual(before)
    for (const x of [r, text]) expect(x.stderr + x.stdout).not.toMatch(STACK_LINE)
  })

  it('a shallow clone: exit 1, BG510 says to fetch the history', () => {
    const { fx } = threeBaselines()
    const clone = join(tempDir('bg-cli-drill-shallow-'), 'repo')
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${fx.root}`, clone])
    const r = runCli(DRILL, clone)
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/BG510/)
    expect(r.stdout).toMatch(/fetch-depth: 0/)
    expect(r.stderr + r.stdout).not.toMatch(STACK_LINE)
  })

  it('--drill belongs to rollback only: exit 2 with one line', () => {
    const { fx } = threeBaselines()
    const r = runCli(['health', '--drill'], fx.root)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/health does not take --drill/)
    expect(r.stderr + r.stdout).not.toMatch(STACK_LINE)
  })
})
