// Acceptance: where the built command line works. From any directory inside the repository it judges the same
// trio as from its root, and writes its evidence under the root (never a stray .baseline-gate/ in a
// subdirectory); a --root that does not exist, or a directory outside any git repository, is a usage error
// (exit 2, one line, nothing created), never "internal error".
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { requireBuiltCli, runCli, STACK_LINE } from '../helpers/cli-run.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'
import { sha256Trio, TAGS, threeBaselines } from '../helpers/git-repo.js'

beforeAll(requireBuiltCli)
afterAll(cleanupFixtures)

interface Json {
  verdict: string
  baselines: { findings: { rule: string; file: string | null; line: number | null }[] }[]
  evidence: string
}

const parse = (stdout: string) => JSON.parse(stdout) as Json
/** What a verdict is made of: the verdict and every finding's rule and place. */
const verdictOf = (j: Json) => ({
  verdict: j.verdict,
  findings: j.baselines.flatMap((b) => b.findings.map((f) => `${f.rule} ${f.file ?? '-'}:${f.line ?? '-'}`))
})

describe('from a subdirectory', () => {
  it('health, promote and lkg give the same verdict as from the root, and the evidence goes under the root', () => {
    const { fx, c } = threeBaselines()
    const sub = join(fx.root, 'src', 'deep')
    mkdirSync(sub, { recursive: true })
    const runs = [
      ['health', '--no-probe', '--json'],
      ['promote', '--base', c.v5, '--head', c.v6, '--no-suites', '--replay', '--json']
    ]
    for (const args of runs) {
      const top = runCli(args, fx.root)
      const below = runCli(args, sub)
      // the same progress lines from either place, and nothing else on stderr
      expect([below.status, below.stderr]).toEqual([top.status, top.stderr])
      expect(top.stderr).not.toMatch(/error|Error/)
      expect(verdictOf(parse(below.stdout))).toEqual(verdictOf(parse(top.stdout)))
      expect(parse(below.stdout).evidence.startsWith(join(fx.root, '.baseline-gate', 'evidence'))).toBe(true)
    }
    // the promotion is a real change that the stability window of v0.5.0 holds, replayed from either place
    expect(verdictOf(parse(runCli(runs[1]!, sub).stdout)).findings).toContain(
      'BG504 config/memorykernel-integration-pin.json:3'
    )
    // the terminal names the evidence so that it can be opened from where the command ran: in full from below the
    // root (relative to the root it named nothing there), relative from the root itself
    const evidence = join(fx.root, '.baseline-gate', 'evidence', 'health-memorykernel.json')
    const fromBelow = runCli(['health', '--no-probe'], sub).stdout
    expect(fromBelow).toContain(`  evidence: ${evidence}\n`)
    // it names no file of the repository: nothing to say about where paths are read from
    expect(fromBelow).not.toContain('relative to the repository root')
    expect(runCli(['health', '--no-probe'], fx.root).stdout).toContain(
      '  evidence: .baseline-gate/evidence/health-memorykernel.json\n'
    )
    // the findings' files (and the commands of the next steps) are the root's: said so from below it, with where
    const promoteArgs = runs[1]!.filter((a) => a !== '--json')
    const note = `(files and commands here are relative to the repository root: cd ${fx.root} first)\n`
    expect(runCli(promoteArgs, sub).stdout).toContain(note)
    expect(runCli(promoteArgs, fx.root).stdout).not.toContain(note)
    const lkg = runCli(['lkg'], sub)
    expect([lkg.status, lkg.stderr]).toEqual([0, ''])
    expect(lkg.stdout).toContain(`last-known-good: ${TAGS.v5}`)
    expect(existsSync(join(fx.root, 'src', '.baseline-gate'))).toBe(false)
    expect(existsSync(join(sub, '.baseline-gate'))).toBe(false)
  })

  it('--root naming a subdirectory is the same repository', () => {
    const { fx } = threeBaselines()
    const top = runCli(['health', '--no-probe', '--json'], fx.root)
    const named = runCli(['health', '--no-probe', '--json', '--root', 'src'], fx.root)
    expect(verdictOf(parse(named.stdout))).toEqual(verdictOf(parse(top.stdout)))
  })
})

describe('roots that are not usable', () => {
  it('a repository of SHA-256 object names: health is refused (exit 2, one line), never judged with no commit in its evidence (found by review)', () => {
    const { fx } = sha256Trio()
    const r = runCli(['health', '--no-probe', '--json'], fx.root)
    expect([r.status, r.stdout]).toEqual([2, ''])
    expect(r.stderr).toMatch(
      /^baseline-gate: this repository names its objects with SHA-256 \(extensions\.objectFormat=sha256\), which baseline-gate does not support: .*\n$/
    )
    expect(existsSync(join(fx.root, '.baseline-gate'))).toBe(false)
  })

  it('a --root that does not exist: exit 2, one line, and nothing is created', () => {
    const parent = tempDir('bg-missing-root-')
    const missing = join(parent, 'no', 'such', 'repo')
    for (const command of [['health'], ['lkg'], ['promote', '--base', 'HEAD'], ['repin']]) {
      const r = runCli([...command, '--root', missing], parent)
      expect(r.status).toBe(2)
      expect(r.stderr).toBe(`baseline-gate: --root ${missing}: no such directory\n`)
      expect(r.stdout).toBe('')
    }
    expect(readdirSync(parent)).toEqual([])
  })

  it('outside any git repository: exit 2 with what to do, for every command, never "internal error"', () => {
    const outside = tempDir('bg-outside-')
    const commands = [
      ['health', '--no-probe'],
      ['lkg'],
      ['promote', '--base', 'HEAD'],
      ['rollback', '--trigger', 'contract-drift', '--reason', 'drill'],
      ['repin'],
      ['migrate'],
      ['init', '--dry-run']
    ]
    for (const command of commands) {
      const r = runCli(command, outside)
      expect([command[0], r.status]).toEqual([command[0], 2])
      expect(r.stderr).toMatch(/^baseline-gate: .* is not inside a git repository: .*\n$/)
      expect(r.stderr).not.toMatch(/internal error/)
      expect(r.stderr).not.toMatch(STACK_LINE)
    }
    expect(readdirSync(outside)).toEqual([])
  })
})
