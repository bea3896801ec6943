// Acceptance: adopting a repository whose history holds hand-made baselines in the pre-adoption format (no
// runtime_cutover_posture, absolute developer paths in the matrix, one ledger row replaced at each promotion, the
// manifest digest added half-way, unrelated commits between, whitespace noise), through the BUILT command line.
// The legacy profile judges that history: lkg finds the previous baseline, and rollback restores it byte for byte
// (the pin but for its posture, NO-GO), brought to the current format, its documentation findings follow-up.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { requireBuiltCli, runCli, STACK_LINE } from '../helpers/cli-run.js'
import { cleanupFixtures } from '../helpers/fixture.js'
import { LEGACY_HANDOFF, LEGACY_PRODUCER_MANIFEST, legacyRepository } from '../helpers/legacy-repo.js'
import type { LegacyRepo } from '../helpers/legacy-repo.js'

beforeAll(requireBuiltCli)
afterAll(cleanupFixtures)

const ROLLBACK = ['rollback', '--trigger', 'contract-drift', '--reason', 'v0.4.0 broke the error envelope']

interface LkgJson {
  baselines: {
    target: {
      commit: string
      profile: string
      identity: { release_tag: string }
      reported: { rule: string }[]
    }
    passed_over: { commit: string; reason: string; profile: string }[]
  }[]
}

interface RollbackJson {
  verdict: string
  evidence: string
  baselines: {
    status: string
    restored: boolean
    posture: string
    target: { release_tag: string; trio_revision: string; profile: string }
    follow_up: { rule: string; file: string; line: number }[]
    findings: { rule: string; severity: string }[]
  }[]
}

const changedFiles = (root: string) =>
  execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3))
    .sort()

/** The pin's text without its posture field (the one value a rollback edits). */
const withoutPosture = (pin: string) => pin.replace(/,\n\s*"runtime_cutover_posture": "[A-Z-]+"/, '')

describe('a history of hand-made baselines, then init', () => {
  let r: LegacyRepo
  beforeAll(() => {
    r = legacyRepository()
    // adoption's first step: init writes the policy fitted to this layout, committed as a person would
    const init = runCli(['init'], r.root)
    expect([init.status, init.stderr]).toEqual([0, ''])
    expect(init.stdout).toContain('adapter.file  src-tauri/src/commands/memory_kernel.rs')
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'add', 'config/baseline-policy.json'], {
      cwd: r.root
    })
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'adopt: the policy'], {
      cwd: r.root,
      env: {
        ...process.env,
        GIT_COMMITTER_DATE: '2026-02-11T09:00:00Z',
        GIT_AUTHOR_DATE: '2026-02-11T09:00:00Z'
      }
    })
  })

  it('lkg names the previous baseline, judged by the legacy profile; the identity rules decide', () => {
    const text = runCli(['lkg'], r.root)
    expect([text.status, text.stderr]).toEqual([0, ''])
    expect(text.stdout).toContain('last-known-good: v0.3.2')
    expect(text.stdout).toContain('written before adoption: valid under the legacy profile')
    const out = JSON.parse(runCli(['lkg', '--json'], r.root).stdout) as LkgJson
    const b = out.baselines[0]!
    // the newest revision of v0.3.2 is the typo fix of its matrix
    expect([b.target.identity.release_tag, b.target.commit, b.target.profile]).toEqual([
      'v0.3.2',
      r.commits.matrixTypo,
      'legacy'
    ])
    // what the old format could not satisfy is reported, not held against it
    expect([...new Set(b.target.reported.map((f) => f.rule))].sort()).toEqual(['BG108', 'BG205', 'BG206'])
    expect(b.passed_over).toEqual([
      expect.objectContaining({ commit: r.commits.v040, reason: 'current', profile: 'legacy' })
    ])
  })

  it('an older revision without the manifest digest is not a good baseline: --to v0.3.1 restores the one with it', () => {
    const out = JSON.parse(runCli(['lkg', '--json'], r.root).stdout) as LkgJson
    expect(out.baselines[0]!.target.commit).not.toBe(r.commits.v031)
    const dry = runCli([...ROLLBACK, '--to', 'v0.3.1', '--dry-run', '--no-suites', '--json'], r.root)
    // stderr: only the one progress line saying why the suites did not run
    expect([dry.status, dry.stderr]).toEqual([
      0,
      'Suites skipped: a dry run writes nothing, so there is no restored trio to test (7 steps).\n'
    ])
    const b = (JSON.parse(dry.stdout) as RollbackJson).baselines[0]!
    expect([b.status, b.target.release_tag, b.target.trio_revision]).toEqual([
      'dry-run',
      'v0.3.1',
      r.commits.v031hashed
    ])
    expect(changedFiles(r.root)).toEqual([])
    // said as what a rollback would do: a dry run restored nothing (found by review: "the restore brought it")
    const text = runCli([...ROLLBACK, '--to', 'v0.3.1', '--dry-run', '--no-suites'], r.root).stdout
    expect(text).toContain(
      'the revision a rollback would restore predates adoption: the restore would bring it to the current format (posture NO-GO)'
    )
    expect(text).not.toContain('brought it')
  })

  it('--to v0.3.0 (no digest, no mirror) is refused with why it can never be restored, not with advice to migrate (found by review)', () => {
    const dry = runCli([...ROLLBACK, '--to', 'v0.3.0', '--dry-run', '--no-suites', '--json'], r.root)
    expect(dry.status).toBe(1)
    const out = JSON.parse(dry.stdout) as { baselines: { findings: { rule: string; message: string }[] }[] }
    const why = out.baselines[0]!.findings.find((f) => f.rule === 'BG510')!.message
    expect(why).toContain(
      "a revision written before the pin recorded its mirror's digest can never be restored, as nothing pinned the mirror's bytes"
    )
    expect(why).not.toContain('migrate')
  })

  it('rollback --no-suites restores the previous baseline byte for byte at NO-GO, in the current format; exit 0', () => {
    const run = runCli([...ROLLBACK, '--no-suites', '--json'], r.root)
    expect([run.status, run.stderr]).toEqual([
      0,
      'Suites skipped: on request: --no-suites, or the input suites: false (7 steps).\n'
    ])
    expect(run.stdout).not.toMatch(STACK_LINE)
    const out = JSON.parse(run.stdout) as RollbackJson
    const b = out.baselines[0]!
    expect([out.verdict, b.status, b.restored, b.posture]).toEqual(['PASS', 'restored', true, 'NO-GO'])
    expect([b.target.release_tag, b.target.profile]).toEqual(['v0.3.2', 'legacy'])
    const target = r.commits.matrixTypo
    const paths = r.paths
    // the mirror exactly as committed; the pin exactly as committed (its 4-space indent, no final newline) but
    // for the posture it gains
    expect(r.read(paths.manifest).equals(r.show(target, paths.manifest))).toBe(true)
    const pin = r.read(paths.pin).toString('utf8')
    expect(JSON.parse(pin).runtime_cutover_posture).toBe('NO-GO')
    expect(withoutPosture(pin)).toBe(r.show(target, paths.pin).toString('utf8'))
    // the current matrix, edited in place into the current format: posture line, relative paths, both rows
    const matrix = r.read(paths.matrix).toString('utf8')
    expect(matrix).toContain('- Runtime cutover posture: `NO-GO`')
    expect(matrix).toContain(`- Pin manifest (source of truth): \`${paths.pin}\``)
    expect(matrix).toMatch(/\|\s+v0\.4\.0\s+\|.*\| Rolled back \|/)
    // the restored row takes the consumer version and commit its own ledger recorded
    expect(matrix).toContain(
      '| 0.9.0 | fd56b4b | v0.3.2 | cf331449e6b7a8c9d0e1f2a3b4c5d6e7f8a9b0c1 | service.v2 | api.v1 | integration/v1 | Approved |'
    )
    // the prose keeps its developer path: follow-up, not a blocked rollback
    expect(b.follow_up.map((f) => [f.rule, f.file])).toEqual([['BG216', paths.matrix]])
    expect(b.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect(changedFiles(r.root)).toEqual([paths.pin, paths.manifest, paths.matrix].sort())

    const packet = JSON.parse(readFileSync(out.evidence, 'utf8')) as {
      incident: { target_profile: string; follow_up: { rule: string }[]; posture: string }
    }
    expect(packet.incident).toMatchObject({ target_profile: 'legacy', posture: 'NO-GO' })
    expect(packet.incident.follow_up.map((f) => f.rule)).toEqual(['BG216'])
    const note = readFileSync(join(out.evidence, '..', 'rollback-memorykernel-incident-note.md'), 'utf8')
    expect(note).toContain('## Follow-up (does not block the rollback)')
    expect(note).toContain('written before baseline-gate was adopted')
    expect(note).toContain('`BG216`')

    // the restored trio passes health, judged on the day it was written
    const health = runCli(['health', '--no-probe', '--json'], r.root)
    expect((JSON.parse(health.stdout) as { verdict: string }).verdict).toBe('PASS')
  })
})

describe('migrate on the same history', () => {
  it('shows the diff first, writes the trio in the current format as one change, and a second run does nothing', () => {
    const r = legacyRepository()
    const dry = runCli(['migrate', '--dry-run', '--now', '2026-03-01'], r.root)
    expect([dry.status, dry.stderr]).toEqual([0, ''])
    expect(dry.stdout).toContain('dry run: this is the migration; nothing was written')
    // nothing was written: there is nothing to commit yet
    expect(dry.stdout).toContain('next: run npx --no baseline-gate migrate without --dry-run to write it')
    expect(dry.stdout).not.toContain('commit the trio')
    expect(dry.stdout).toContain('+  "runtime_cutover_posture": "NO-GO"')
    expect(dry.stdout).toContain('+- Runtime cutover posture: `NO-GO`')
    expect(dry.stdout).toContain('-Updated: 2026-02-08')
    expect(changedFiles(r.root)).toEqual([])

    const run = runCli(['migrate', '--now', '2026-03-01', '--json'], r.root)
    expect([run.status, run.stderr]).toEqual([0, ''])
    const out = JSON.parse(run.stdout) as { baselines: { status: string; written: string[] }[] }
    expect(out.baselines[0]!.status).toBe('migrated')
    expect(out.baselines[0]!.written.sort()).toEqual([r.paths.pin, r.paths.matrix].sort())
    // the mirror is the producer's: never touched; the pin only gains its posture
    expect(changedFiles(r.root)).toEqual([r.paths.pin, r.paths.matrix].sort())
    expect(withoutPosture(r.read(r.paths.pin).toString('utf8'))).toBe(
      r.show(r.commits.head, r.paths.pin).toString('utf8')
    )
    const again = runCli(['migrate', '--now', '2026-03-01'], r.root)
    expect([again.status, again.stdout]).toEqual([
      0,
      expect.stringContaining('already in the current format')
    ])
    expect(changedFiles(r.root)).toEqual([r.paths.pin, r.paths.matrix].sort())

    // committed, the migration is the adoption: older revisions stay legacy, the rollback still works
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qam', 'adopt baseline-gate'],
      {
        cwd: r.root,
        env: {
          ...process.env,
          GIT_COMMITTER_DATE: '2026-03-01T10:00:00Z',
          GIT_AUTHOR_DATE: '2026-03-01T10:00:00Z'
        }
      }
    )
    const lkg = JSON.parse(runCli(['lkg', '--json'], r.root).stdout) as LkgJson
    expect(lkg.baselines[0]!.target).toMatchObject({ commit: r.commits.matrixTypo, profile: 'legacy' })
    expect(lkg.baselines[0]!.passed_over.map((p) => [p.reason, p.profile])).toEqual([
      ['current', 'current'],
      ['current', 'legacy']
    ])
  })

  it('--posture GO is allowed (the promotion gate then asks both teams); a bad --posture or --now is a usage error', () => {
    const r = legacyRepository()
    for (const args of [
      ['migrate', '--posture', 'MAYBE'],
      ['migrate', '--now', 'yesterday'],
      ['migrate', '--now', '2026-02-31'],
      ['migrate', '--now', '2026-03-01T10:00:00'],
      ['migrate', '--now', '2026-03-01', '--replay']
    ]) {
      const bad = runCli(args, r.root)
      expect([args, bad.status]).toEqual([args, 2])
      expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    }
    expect(changedFiles(r.root)).toEqual([])
    const go = runCli(['migrate', '--posture', 'GO', '--now', '2026-03-01'], r.root)
    expect(go.status).toBe(0)
    expect(JSON.parse(r.read(r.paths.pin).toString('utf8')).runtime_cutover_posture).toBe('GO')
  })
})

describe('a release withdrawn by hand before adoption (found by review)', () => {
  const commitAll = (root: string, message: string, date: string) => {
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '-A'], { cwd: root })
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', message], {
      cwd: root,
      env: { ...process.env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date }
    })
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
  }

  it('lkg passes over it (it has no row, and a downgrade left it), so the rollback it proposes passes the gate', () => {
    const r = legacyRepository()
    // v0.4.0 broke, and the team put v0.3.2 back by hand (the producer's release and the trio): the one-row
    // ledger says v0.3.2 again, and nothing records v0.4.0 as Rolled back. Then they adopted baseline-gate
    for (const path of [...Object.values(r.paths), LEGACY_PRODUCER_MANIFEST, LEGACY_HANDOFF])
      r.write(path, r.show(r.commits.matrixTypo, path))
    commitAll(r.root, 'revert to v0.3.2: v0.4.0 breaks drafts', '2026-02-12T09:00:00Z')
    expect(runCli(['init'], r.root).status).toBe(0)
    expect(runCli(['migrate', '--now', '2026-03-01'], r.root).status).toBe(0)
    const adopted = commitAll(r.root, 'adopt baseline-gate', '2026-03-01T10:00:00Z')

    // the withdrawn v0.4.0 is the newest other identity; the gate would refuse to restore it (no row, not older)
    const lkg = JSON.parse(runCli(['lkg', '--json'], r.root).stdout) as LkgJson
    const b = lkg.baselines[0]!
    expect([b.target.identity.release_tag, b.target.commit]).toEqual(['v0.3.1', r.commits.v031hashed])
    expect(b.passed_over.map((p) => [p.commit, p.reason])).toContainEqual([r.commits.v040, 'no-row'])
    const text = runCli(['lkg'], r.root)
    expect(text.stdout).toContain(
      'the ledger has no row for v0.4.0, and it is no older release than v0.3.2 that the pin held before adoption and a promotion replaced: the promotion gate refuses to restore it (BG509)'
    )

    // the rollback it writes is what the gate accepts
    const rolled = runCli(
      [
        'rollback',
        '--trigger',
        'contract-drift',
        '--reason',
        'v0.3.2 drafts fail',
        '--no-suites',
        '--now',
        '2026-03-02T09:00:00Z',
        '--json'
      ],
      r.root
    )
    expect(rolled.status).toBe(0)
    expect((JSON.parse(rolled.stdout) as RollbackJson).baselines[0]!.target.release_tag).toBe('v0.3.1')
    commitAll(r.root, 'roll back to v0.3.1', '2026-03-02T10:00:00Z')
    const gate = runCli(
      ['promote', '--base', adopted, '--no-suites', '--json', '--now', '2026-03-02T12:00:00Z'],
      r.root
    )
    const out = JSON.parse(gate.stdout) as {
      verdict: string
      baselines: { findings: { rule: string; severity: string; message: string }[] }[]
    }
    expect(out.baselines[0]!.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect([gate.status, out.verdict]).toEqual([0, 'PASS'])
  })
})
