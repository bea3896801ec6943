// Evidence packets: each one health writes is an evidence-packet.v1, and verify-evidence (the built CLI)
// recomputes its digests: a fresh packet verifies, one changed byte of a trio file does not.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { validateEvidence } from '../../src/generated/evidence-validators.js'
import { cleanupFixtures, health, MATRIX, REPO_ROOT, tempDir, trioFixture } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

const CLI = join(REPO_ROOT, 'dist/cli/index.js')

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, BASELINE_GATE_COMPILE_CACHE: '0' },
    timeout: 60_000
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('evidence packets', () => {
  it('health writes packets that match evidence-packet.v1, passing or failing', async () => {
    const fx = trioFixture()
    const pass = await health(fx.root, { keepSkipNotice: true })
    const broken = trioFixture()
    broken.replace(MATRIX, '| Approved |', '| Rejected |')
    const fail = await health(broken.root)
    for (const result of [pass, fail]) {
      const packet = JSON.parse(readFileSync(result.evidence, 'utf8')) as unknown
      expect(validateEvidence(packet)).toBe(true)
      expect(validateEvidence.errors ?? []).toEqual([])
    }
    expect([pass.verdict, fail.verdict]).toEqual(['PASS', 'FAIL'])
  })

  it('verify-evidence passes on a fresh packet and fails after one byte of a trio file changes', () => {
    const fx = trioFixture()
    const evidence = tempDir('bg-verify-')
    const run = cli(['health', '--no-probe', '--root', fx.root, '--json', '--evidence-dir', evidence])
    const packet = (JSON.parse(run.stdout) as { evidence: string }).evidence

    const ok = cli(['verify-evidence', packet, '--root', fx.root])
    expect(ok.status).toBe(0)
    expect(ok.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^packet of health · memorykernel · v\d+\.\d+\.\d+ · .* · recorded verdict PASS$/
      ),
      'evidence verified: 3 trio files match the directory given (no commit is checked out there, so none was compared)',
      'Not checked: the signature; without it the verdict and findings are not authenticated (give --bundle and --trust-root)'
    ])
    // from a subdirectory of the checkout, without --root: the repository's root, as for every command
    const sub = spawnSync(process.execPath, [CLI, 'verify-evidence', packet], {
      cwd: join(fx.root, 'docs'),
      encoding: 'utf8',
      env: { PATH: process.env.PATH, BASELINE_GATE_COMPILE_CACHE: '0' }
    })
    expect([sub.status, sub.stdout.split('\n')[1]]).toEqual([
      0,
      'evidence verified: 3 trio files match the directory given (no commit is checked out there, so none was compared)'
    ])
    // a directory that holds none of the trio files: a usage error asking about --root, not "does NOT verify"
    const elsewhere = tempDir('bg-verify-elsewhere-')
    const wrong = cli(['verify-evidence', packet, '--root', elsewhere])
    expect([wrong.status, wrong.stdout]).toEqual([2, ''])
    expect(wrong.stderr).toContain(
      `none of the packet's trio files is under ${elsewhere}: is --root the checkout the evidence is of?`
    )

    const text = fx.read(MATRIX)
    fx.write(MATRIX, text.replace('Updated:', 'updated:'))
    const bad = cli(['verify-evidence', packet, '--root', fx.root])
    expect(bad.status).toBe(1)
    expect(bad.stdout).toContain(`mismatch: ${MATRIX} (matrix)`)
    expect(bad.stdout).toContain('evidence does NOT verify: 1 of 3 digests differs')
  })

  it('a file that is not an evidence packet is a usage error naming where, not a mismatch', () => {
    const dir = tempDir('bg-verify-bad-')
    const file = join(dir, 'x.json')
    writeFileSync(file, '{"schema": "something-else"}\n')
    const r = cli(['verify-evidence', file])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/x\.json is not an evidence packet \(evidence-packet\.v1\)/)
    expect(r.stderr).toMatch(/^ {2}\S+x\.json:1:\d+: /m)
    expect(cli(['verify-evidence']).status).toBe(2)
  })
})
