// Acceptance: `baseline-gate lkg` and `baseline-gate rollback` from the BUILT command line (dist/cli/index.js)
// as a child process, on a real git repository with three baselines in its history.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CLI, requireBuiltCli, runCli, STACK_LINE } from '../helpers/cli-run.js'
import type { CliRun } from '../helpers/cli-run.js'
import { cleanupFixtures, MATRIX, MIRROR, PIN, POLICY, tempDir, trioFixture } from '../helpers/fixture.js'
import { day, gitRepo, nodeStep, TAGS, threeBaselines } from '../helpers/git-repo.js'
import { addBilling } from '../helpers/two-baselines.js'
import { expectGone } from '../helpers/processes.js'

beforeAll(requireBuiltCli)
afterAll(cleanupFixtures)

function cli(args: string[], cwd: string): CliRun {
  return runCli(args, cwd)
}

/** A rollback with a trigger and a reason, and these arguments. */
const rollbackX = (root: string, ...args: string[]): CliRun =>
  cli(['rollback', '--trigger', 'contract-drift', '--reason', 'x', ...args], root)

const status = (root: string) =>
  execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' })
const committed = (root: string, commit: string, path: string) =>
  execFileSync('git', ['show', `${commit}:${path}`], { cwd: root })

describe('baseline-gate lkg', () => {
  it('names the previous baseline and what it passed over; --json is one object', () => {
    const { fx, c } = threeBaselines()
    const text = cli(['lkg'], fx.root)
    expect([text.status, text.stderr]).toEqual([0, ''])
    expect(text.stdout).toContain(`last-known-good: ${TAGS.v5}`)
    expect(text.stdout).toContain(c.v6.slice(0, 12))
    // each revision passed over names the rules that judged it, as rules, not as a reason
    expect(text.stdout).toContain(`${TAGS.v6} (current rules): same baseline as the current one`)
    // and what to do with the answer (found by review: no next step)
    expect(text.stdout).toContain(
      '\nnext:\n  1. Prove the restore without writing anything: npx --no baseline-gate rollback --drill '
    )
    const json = cli(['lkg', '--json'], fx.root)
    const out = JSON.parse(json.stdout) as {
      baselines: { target: { commit: string; identity: { release_tag: string } }; passed_over: unknown[] }[]
    }
    expect(out.baselines[0]!.target.commit).toBe(c.v5)
    expect(out.baselines[0]!.target.identity.release_tag).toBe(TAGS.v5)
    expect(out.baselines[0]!.passed_over).toHaveLength(1)
  })

  // lkg begins git's walk over the trio before main.cjs has loaded (cli/early-lkg.ts); main takes it. A `git` on
  // PATH that writes down each walk shows there is one per baseline, not a second one main started for itself
  it("runs git's walk over each baseline's trio once, begun before the rest loads; a bad policy is main's to report", async () => {
    const { fx, c, repo } = threeBaselines()
    const bin = tempDir('bg-cli-git-')
    const walks = join(bin, 'walks.log')
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()
    writeFileSync(
      join(bin, 'git'),
      `#!/bin/sh\nfor a in "$@"; do [ "$a" = log ] && echo "$*" >> '${walks}' && break; done\nexec '${realGit}' "$@"\n`,
      { mode: 0o755 }
    )
    const withShim = (args: string[]) =>
      runCli(args, fx.root, { PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}` })
    const logged = () => (existsSync(walks) ? readFileSync(walks, 'utf8').trim().split('\n') : [])
    const json = withShim(['lkg', '--json'])
    expect([json.status, json.stderr]).toEqual([0, ''])
    expect(logged()).toEqual([expect.stringMatching(/ log .*--first-parent .* -- \.\/config\/.*pin/)])
    // the same report as main() alone gives, which begins nothing early
    const { runMain } = await import('../helpers/cli-in-process.js')
    const inProcess = await runMain(['lkg', '--json'], fx.root)
    expect(json.stdout).toBe(inProcess.stdout)
    expect(JSON.parse(json.stdout).baselines[0].target.commit).toBe(c.v5)
    // what early-lkg.ts begins is what main takes: the two ask git in the same words
    const { beginLkgWalks } = await import('../../src/cli/early-lkg.js')
    const { main } = await import('../../src/cli/main.js')
    const where = { cwd: fx.root, env: { NO_COLOR: '1' } }
    expect(await beginLkgWalks(['health'], where)).toBeNull()
    const early = (await beginLkgWalks(['lkg', '--json'], where))!
    expect(early.pending).toBe(1)
    let out = ''
    const quiet = { write: (s: string) => (out += s) }
    expect(await main(['lkg', '--json'], { ...where, stdout: quiet, stderr: quiet, early })).toBe(0)
    expect(early.pending).toBe(0)
    expect(out).toBe(inProcess.stdout)

    // two baselines: two walks, each taken (billing's trio has one revision, so no target: exit 1)
    addBilling(fx)
    repo.commit('a second baseline', day(30))
    rmSync(walks)
    const two = withShim(['lkg', '--json'])
    expect([two.status, two.stderr]).toEqual([1, ''])
    expect(logged()).toHaveLength(2)
    // each baseline took its own walk: the same report as main() alone (found by review: swapped walks passed)
    expect(two.stdout).toBe((await runMain(['lkg', '--json'], fx.root)).stdout)
    expect(JSON.parse(two.stdout).baselines[0].target.commit).toBe(c.v5)

    // a policy that does not load: nothing begun, main says what is wrong as it always did
    fx.write(POLICY, '{ "policy_version": ')
    rmSync(walks)
    const bad = withShim(['lkg'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/baseline-policy\.json/)
    expect(bad.stderr).not.toMatch(STACK_LINE)
    expect(logged()).toEqual([])
    expect(await beginLkgWalks(['lkg'], where)).toBeNull()
  })

  it('exits 1 when there is none, 2 on a usage error, never with a stack trace', () => {
    const dir = tempDir('bg-cli-lkg-')
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir })
    // a repository whose history holds one baseline only (the embedded default, committed once): no target
    const only = trioFixture()
    gitRepo(only).commit('the only baseline', day(0))
    const none = cli(['lkg', '--root', only.root], dir)
    expect(none.status).toBe(1)
    expect(none.stdout).toContain('next:\n  1. Nothing can be restored: the reasons are above')
    const usage = cli(['lkg', '--to', 'v1.0.0'], dir)
    expect(usage.status).toBe(2)
    expect(usage.stderr).toMatch(/lkg does not take --to/)
    for (const r of [none, usage]) expect(r.stderr + r.stdout).not.toMatch(STACK_LINE)
  })
})

describe('baseline-gate rollback', () => {
  it('an evidence directory that is a file, or under one, is a usage error before anything is written', () => {
    const { fx } = threeBaselines()
    for (const dir of [POLICY, `${POLICY}/evidence`]) {
      const r = rollbackX(fx.root, '--no-suites', '--evidence-dir', dir)
      expect([r.status, r.stdout, r.stderr.match(STACK_LINE)]).toEqual([2, '', null])
      expect(r.stderr).toContain(dir === POLICY ? 'is a file, not a directory' : `${POLICY} is a file`)
      expect(r.stderr).toContain('nothing was run or written')
      expect(status(fx.root)).toBe('')
    }
  })

  it('a --sarif file no file can be made beside (sysfs, even for root) is refused before the trio is restored', () => {
    const { fx } = threeBaselines()
    const r = rollbackX(fx.root, '--no-suites', '--sarif', '/sys/kernel/rb.sarif')
    expect([r.status, r.stdout, r.stderr.match(STACK_LINE)]).toEqual([2, '', null])
    expect(r.stderr).toMatch(
      /^baseline-gate: --sarif \/sys\/kernel\/rb\.sarif: no file can be written in \/sys\/kernel \(EACCES\); nothing was run: /
    )
    expect(status(fx.root)).toBe('')
    // where it can be written, nothing is left of the check: the directories it made are removed again
    const parent = tempDir('bg-cli-sarif-')
    const ok = rollbackX(fx.root, '--dry-run', '--sarif', join(parent, 'a', 'b.sarif'))
    expect(ok.status).toBe(0)
    expect(readdirSync(join(parent, 'a'))).toEqual(['b.sarif'])
  })

  it('an evidence directory no file can be made in (sysfs, even for root) is refused before the trio is restored', () => {
    const { fx } = threeBaselines()
    const r = rollbackX(fx.root, '--no-suites', '--evidence-dir', '/sys/kernel')
    expect([r.status, r.stdout, r.stderr.match(STACK_LINE)]).toEqual([2, '', null])
    expect(r.stderr).toMatch(
      /^baseline-gate: the evidence directory \/sys\/kernel cannot be written \(EACCES\); nothing was run: /
    )
    expect(status(fx.root)).toBe('')
  })

  it('a dry run whose temporary directory cannot be made says so and what to do, never an internal error (found by review)', () => {
    const { fx } = threeBaselines()
    const r = runCli(['rollback', '--dry-run', '--trigger', 'contract-drift', '--reason', 'x'], fx.root, {
      TMPDIR: '/nonexistent-bg-tmp'
    })
    expect([r.status, r.stdout, r.stderr.match(STACK_LINE)]).toEqual([2, '', null])
    expect(r.stderr).toMatch(
      /^baseline-gate: a dry run writes its evidence to a new temporary directory, and none could be made in \/nonexistent-bg-tmp \(ENOENT\): point TMPDIR at a writable directory, or give --evidence-dir DIR\n$/
    )
    expect(status(fx.root)).toBe('')
  })

  it('restores the last-known-good trio in the working tree; --json has target and restored', () => {
    const { fx, c } = threeBaselines()
    const evidence = tempDir('bg-cli-rollback-evidence-')
    const r = cli(
      [
        'rollback',
        '--trigger',
        'preflight-failure',
        '--reason',
        `${TAGS.v6} fails its preflight`,
        '--json',
        '--evidence-dir',
        evidence
      ],
      fx.root
    )
    expect([r.status, r.stderr.match(STACK_LINE)]).toEqual([0, null])
    const out = JSON.parse(r.stdout) as {
      verdict: string
      baselines: {
        target: { release_tag: string; trio_revision: string }
        restored: boolean
        posture: string
      }[]
    }
    expect(out.verdict).toBe('PASS')
    expect(out.baselines[0]!.target.release_tag).toBe(TAGS.v5)
    expect(out.baselines[0]!.target.trio_revision).toBe(c.v5)
    expect(out.baselines[0]!.restored).toBe(true)
    expect(out.baselines[0]!.posture).toBe('NO-GO')
    expect(readFileSync(join(fx.root, MIRROR)).equals(committed(fx.root, c.v5, MIRROR))).toBe(true)
    expect(JSON.parse(readFileSync(join(fx.root, PIN), 'utf8')).runtime_cutover_posture).toBe('NO-GO')
    expect(readdirSync(evidence)).toEqual(
      expect.arrayContaining([
        'rollback-memorykernel.json',
        'rollback-memorykernel.md',
        'rollback-memorykernel-incident-note.md'
      ])
    )
    const note = readFileSync(join(evidence, 'rollback-memorykernel-incident-note.md'), 'utf8')
    expect(note).toContain(`${TAGS.v6} fails its preflight`)
    expect(note).toContain('NO-GO')
    // no commit, no push: only the trio changed in the working tree
    expect(
      status(fx.root)
        .split('\n')
        .filter(Boolean)
        .map((l) => l.slice(3))
        .sort()
    ).toEqual([MIRROR, PIN, MATRIX].sort())
  })

  it('records a hostile reason literally; --dry-run writes nothing into the repository', () => {
    const { fx } = threeBaselines()
    const reason = 'drift $(touch PWNED) `touch PWNED2` "q" \'q\'\n::set-output name=verdict::PASS'
    const r = cli(
      ['rollback', '--trigger', 'contract-drift', '--reason', reason, '--dry-run', '--json'],
      fx.root
    )
    expect(r.status).toBe(0)
    const out = JSON.parse(r.stdout) as {
      evidence: string
      baselines: { restored: boolean; status: string }[]
    }
    expect(out.baselines[0]!.status).toBe('dry-run')
    expect(out.baselines[0]!.restored).toBe(false)
    expect(out.evidence.startsWith(fx.root)).toBe(false)
    const packet = JSON.parse(readFileSync(out.evidence, 'utf8')) as { incident: { reason: string } }
    expect(packet.incident.reason).toBe(reason)
    expect(
      execFileSync('git', ['status', '--porcelain', '--ignored'], { cwd: fx.root, encoding: 'utf8' })
    ).toBe('')
    expect(readdirSync(fx.root).filter((n) => n.startsWith('PWNED'))).toEqual([])
  })

  it('usage errors exit 2 with one line', () => {
    const { fx } = threeBaselines()
    for (const args of [
      ['rollback', '--reason', 'x'],
      ['rollback', '--trigger', 'bad', '--reason', 'x'],
      ['rollback', '--trigger', 'contract-drift'],
      ['rollback', '--trigger', 'contract-drift', '--reason', 'x', '--to', '-v1'],
      ['rollback', '--trigger', 'contract-drift', '--reason', 'x', '--base', 'main']
    ]) {
      const r = cli(args, fx.root)
      expect([args, r.status]).toEqual([args, 2])
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).not.toMatch(STACK_LINE)
    }
    expect(status(fx.root)).toBe('')
  })
})

/**
 * A rollback killed with its process group (SIGKILL, as a lost runner) while its suite step runs: the restored trio
 * stays on disk, untested. The step (in a process group of its own, out of the kill's reach) writes its pid and waits
 * while the file `hold` is there: the guardian must stop it.
 */
async function killedInSuites() {
  const marker = join(tempDir('bg-rollback-sigkill-'), 'started')
  const hold = join(tempDir('bg-rollback-sigkill-'), 'hold')
  execFileSync('touch', [hold])
  const { fx } = threeBaselines([
    nodeStep(
      'slow',
      "const fs = require('node:fs'); fs.writeFileSync(process.argv[1], String(process.pid)); const wait = () => fs.existsSync(process.argv[2]) ? setTimeout(wait, 50) : process.exit(0); wait()",
      [marker, hold]
    )
  ])
  const child = spawn(process.execPath, [CLI, 'rollback', '--trigger', 'contract-drift', '--reason', 'x'], {
    cwd: fx.root,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1' },
    // its own process group: the kill takes the rollback and whatever it did not put in a group of its own
    detached: true
  })
  const closed = new Promise((resolve) => child.on('close', resolve))
  const stepPid = () => (existsSync(marker) ? Number(readFileSync(marker, 'utf8')) : 0)
  for (let i = 0; i < 600 && stepPid() <= 0; i++) await new Promise((r) => setTimeout(r, 50))
  const step = stepPid()
  expect(step).toBeGreaterThan(0)
  process.kill(-child.pid!, 'SIGKILL')
  await closed
  return { fx, hold, step }
}

describe('baseline-gate rollback interrupted (Ctrl-C)', () => {
  // SIGHUP (a closed terminal) as a Ctrl-C is: found by review, the first one was swallowed and the run went on
  it.each([
    ['SIGINT', 130],
    ['SIGHUP', 129]
  ] as const)(
    '%s while its suites run: the previous trio is put back and the evidence and the note say it was interrupted',
    async (signal, exit) => {
      const marker = join(tempDir('bg-rollback-sigint-'), 'started')
      const { fx } = threeBaselines([
        nodeStep(
          'slow',
          "require('node:fs').writeFileSync(process.argv[1], 'started'); setTimeout(() => {}, 60000)",
          [marker]
        )
      ])
      const evidence = tempDir('bg-rollback-sigint-evidence-')
      const child = spawn(
        process.execPath,
        [CLI, 'rollback', '--trigger', 'contract-drift', '--reason', 'x', '--evidence-dir', evidence],
        { cwd: fx.root, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1' } }
      )
      let stdout = ''
      let stderr = ''
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
      // a hang-up ends the process by SIGHUP itself (stop-signals.ts: dieOfHangUp), which a shell reports as 129
      const closed = new Promise<number | null>((resolve) =>
        child.on('close', (code, by) => resolve(code ?? (by === 'SIGHUP' ? 129 : null)))
      )
      // the step runs once the restored trio is on disk: interrupt it then (polled; the bound is a safety net)
      for (let i = 0; i < 600 && !existsSync(marker); i++) await new Promise((r) => setTimeout(r, 50))
      expect(existsSync(marker)).toBe(true)
      expect(status(fx.root)).not.toBe('')
      child.kill(signal)
      const code = await closed
      expect(stderr).not.toMatch(/internal error|ended without a verdict/)
      expect(stderr + stdout).not.toMatch(STACK_LINE)
      // interrupted, its verdict written: the exit says so (130, as a shell's), not a verdict of the suites (1)
      expect(code).toBe(exit)
      // the trio as committed: nothing half-done is left for the operator to commit
      expect(status(fx.root)).toBe('')
      expect(stdout).toContain('was interrupted; ')
      // the step it stopped is "stopped", with no log to read as a failure; the ledger's edits are said undone
      expect(stdout).toMatch(/^ {2}consumer {2}slow {2}stopped /m)
      expect(stdout).not.toContain('last lines of')
      expect(stdout).toMatch(/^ {2}ledger \(undone\): row /m)
      expect(stdout).not.toMatch(/^ {2}ledger: /m)
      expect(stdout).toContain(
        `  incident note: ${join(evidence, 'rollback-memorykernel-incident-note.md')}\n`
      )
      expect(stdout).toContain(
        'The rollback was interrupted while its suites ran and the previous trio was put back: run it again to roll back.'
      )
      const note = readFileSync(join(evidence, 'rollback-memorykernel-incident-note.md'), 'utf8')
      expect(note).toContain('was interrupted while its suites ran on the restored trio')
      const packet = JSON.parse(readFileSync(join(evidence, 'rollback-memorykernel.json'), 'utf8')) as {
        verdict: string
        incident: { timeline: { event: string }[] }
      }
      expect(packet.verdict).toBe('FAIL')
      expect(packet.incident.timeline.map((t) => t.event)).toContain(
        'interrupted while the rollback suites ran: the previous trio was put back'
      )
    }
  )

  it('SIGKILL while its suites run leaves the restored trio unverified: health fails on it (BG220) until a rollback tests it', async () => {
    const { fx, hold, step } = await killedInSuites()
    // the suite step did not outlive the rollback: the guardian stopped it (it used to run until `hold` went)
    await expectGone([step])
    // the restored trio stayed: health says what it is, and fails
    expect(status(fx.root)).not.toBe('')
    const health = cli(['health', '--no-probe'], fx.root)
    expect(health.status).toBe(1)
    expect(health.stdout).toMatch(/error {4}BG220 {2}a rollback of memorykernel restored this trio at /)
    expect(health.stdout).toContain(
      'Run the rollback again (the same command, or the rollback workflow again): it puts the previous trio back first'
    )
    // a dry run says a rollback would put it back first, and plans from the trio HEAD commits (found by review:
    // "a rollback now would stop on 1 error")
    const dry = rollbackX(fx.root, '--dry-run', '--now', '2099-01-02T00:00:00Z')
    expect([dry.status, dry.stdout]).toEqual([0, expect.not.stringContaining('BG220 ')])
    expect(dry.stdout).toMatch(/notice +BG221 +a rollback would first put back the untested restore/)
    // the drill passes, and its next step is no "Nothing to do" (found by review)
    const drillEvidence = tempDir('bg-rollback-drill-evidence-')
    const drill = rollbackX(
      fx.root,
      '--drill',
      '--now',
      '2099-01-02T00:00:00Z',
      '--evidence-dir',
      drillEvidence
    )
    expect(drill.status).toBe(0)
    expect(drill.stdout).toMatch(/putting back first the untested restore a stopped rollback left on disk/)
    expect(drill.stdout).not.toContain('Nothing to do')
    // ... and so does its note: no "nothing to do for this drill" above the BG221 finding (found by review)
    const drillNote = readFileSync(join(drillEvidence, 'rollback-memorykernel.md'), 'utf8')
    expect(drillNote).toMatch(
      /\*\*Next:\*\* [^\n]*: put back the untested restore a stopped rollback left on disk \(BG221\)/
    )
    expect(drillNote).not.toMatch(/nothing to do for this drill/i)
    // the rollback run again, a day later (its restore dates the ledger otherwise): it puts the untested restore
    // back, restores afresh and tests it (found by review: BG511, "commit or discard the edits")
    execFileSync('rm', [hold])
    const evidence = tempDir('bg-rollback-sigkill-evidence-')
    const again = rollbackX(fx.root, '--now', '2099-01-02T00:00:00Z', '--evidence-dir', evidence)
    expect(again.stdout).toMatch(/^PASS · rollback of memorykernel: v\S+ withdrawn, v\S+ restored/)
    expect(again.status).toBe(0)
    const packet = JSON.parse(readFileSync(join(evidence, 'rollback-memorykernel.json'), 'utf8')) as {
      incident: { timeline: { event: string }[] }
    }
    expect(packet.incident.timeline.map((t) => t.event).join('\n')).toMatch(
      /by a stopped rollback was put back first \(BG220\)/
    )
    const after = cli(['health', '--no-probe'], fx.root)
    expect(after.stdout).not.toContain('BG220')
    expect(
      readdirSync(join(fx.root, '.git', 'baseline-gate')).filter((f) => f.includes('unverified'))
    ).toEqual([])
  })

  it('an untested restore edited by hand since is still said (BG220, the files that are), and a rollback stops on it rather than undo the edits (found by review)', async () => {
    const { fx } = await killedInSuites()
    writeFileSync(
      join(fx.root, MATRIX),
      `${readFileSync(join(fx.root, MATRIX), 'utf8')}\nOn call: rolled back at 03:10.\n`
    )
    const health = cli(['health', '--no-probe'], fx.root)
    expect(health.stdout).toMatch(
      /BG220 .*config\/memorykernel-producer-manifest\.json, config\/memorykernel-integration-pin\.json are still the untested restore/
    )
    const again = rollbackX(fx.root)
    expect(again.status).toBe(1)
    expect(again.stdout).toContain('BG220')
    // and nothing beside it says to commit (found by review: BG511 "commit or discard the edits")
    expect(again.stdout).not.toContain('BG511')
    const drill = rollbackX(fx.root, '--drill')
    expect(drill.stdout).toContain('do not commit it')
    expect(drill.stdout).not.toMatch(/BG511|Commit or discard/)
    // the edit stays, and so does the mark
    expect(readFileSync(join(fx.root, MATRIX), 'utf8')).toContain('On call: rolled back at 03:10.')
    expect(cli(['health', '--no-probe'], fx.root).stdout).toContain('BG220')
  })

  it('a file of the restore committed and then edited, or one put back by hand: the first stops a rollback, the second does not (found by review)', async () => {
    const { fx, hold } = await killedInSuites()
    const repo = gitRepo(fx)
    repo.git('add', '--', MATRIX)
    repo.git('commit', '-qm', 'the restored matrix, committed')
    writeFileSync(
      join(fx.root, MATRIX),
      `${readFileSync(join(fx.root, MATRIX), 'utf8')}\nOn call: NOTE-XYZ\n`
    )
    execFileSync('rm', [hold])
    const stopped = rollbackX(fx.root, '--now', '2099-01-02T00:00:00Z')
    expect(stopped.status).toBe(1)
    expect(stopped.stdout).toContain('BG220')
    expect(readFileSync(join(fx.root, MATRIX), 'utf8')).toContain('On call: NOTE-XYZ')
    // the edit set aside and the matrix put back at HEAD, the pin by hand too: the mirror alone is still untested
    repo.git('checkout', '--', MATRIX, PIN)
    const health = cli(['health', '--no-probe'], fx.root)
    expect(health.stdout).toMatch(/BG220 .*untested restore/)
    expect(rollbackX(fx.root, '--now', '2099-01-02T00:00:00Z').status).toBe(0)
  })

  it('an untested restore committed as it is no longer reads as one: BG220 holds only while it is uncommitted (found by review)', async () => {
    const { fx } = await killedInSuites()
    expect(cli(['health', '--no-probe'], fx.root).stdout).toContain('BG220')
    gitRepo(fx).commit('the restore, committed untested')
    expect(cli(['health', '--no-probe'], fx.root).stdout).not.toContain('BG220')
  })
})
