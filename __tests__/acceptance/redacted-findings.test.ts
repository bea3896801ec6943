// A finding quotes what it found. When that is the value of a secret of the run's environment (a token a pull
// request planted in the pin, knowing or guessing it), the value reaches no surface: not the terminal, not the
// packet or its Markdown, not the in-toto statement, not the SARIF uploaded to code scanning. The built CLI.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { requireBuiltCli, runCli } from '../helpers/cli-run.js'
import { cleanupFixtures, PIN, tempDir, trioFixture } from '../helpers/fixture.js'
import { gitRepo } from '../helpers/git-repo.js'

beforeAll(requireBuiltCli)
afterAll(cleanupFixtures)

const SECRET = ['s3cr3t', 'Value', 'XYZ', '123456'].join('-')

describe('a secret of the environment quoted by a finding', () => {
  it('is redacted on every surface', () => {
    const fx = trioFixture()
    fx.replace(PIN, /"runtime_cutover_posture": "[^"]*"/, `"runtime_cutover_posture": "${SECRET}"`)
    gitRepo(fx).commit('a pin quoting a secret')
    const evidence = tempDir('bg-redacted-evidence-')
    const sarif = join(tempDir('bg-redacted-sarif-'), 'out.sarif')
    const run = runCli(
      ['health', '--no-probe', '--evidence-dir', evidence, '--sarif', sarif, '--json'],
      fx.root,
      {
        GITHUB_TOKEN: SECRET
      }
    )
    expect(run.status).toBe(1)
    const result = JSON.parse(run.stdout) as {
      baselines: { findings: { rule: string; message: string }[] }[]
    }
    const bg108 = result.baselines[0]!.findings.find((f) => f.rule === 'BG108')!
    expect(bg108.message).toContain('[REDACTED:known-secret]')
    const surfaces = [
      run.stdout,
      run.stderr,
      readFileSync(sarif, 'utf8'),
      ...readdirSync(evidence).map((f) => readFileSync(join(evidence, f), 'utf8'))
    ]
    expect(surfaces.length).toBeGreaterThanOrEqual(6)
    for (const text of surfaces) expect(text).not.toContain(SECRET)
  })

  it('a token-shaped release tag in the pin is redacted where the identity is shown, too', () => {
    // a GitHub token's shape, built here so that no scanner takes this file for a leak
    const token = ['ghp', 'Ab3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5'].join('_')
    const fx = trioFixture()
    fx.replace(PIN, /"release_tag": "[^"]*"/, `"release_tag": "${token}"`)
    gitRepo(fx).commit('a pin whose release tag is a token')
    const evidence = tempDir('bg-redacted-evidence-')
    const text = runCli(['health', '--no-probe', '--evidence-dir', evidence], fx.root)
    const json = runCli(['health', '--no-probe', '--evidence-dir', evidence, '--json'], fx.root)
    expect([text.status, json.status]).toEqual([1, 1])
    const result = JSON.parse(json.stdout) as { baselines: { identity: { release_tag: string } }[] }
    expect(result.baselines[0]!.identity.release_tag).toBe('[REDACTED:github-token]')
    const surfaces = [
      text.stdout,
      text.stderr,
      json.stdout,
      ...readdirSync(evidence).map((f) => readFileSync(join(evidence, f), 'utf8'))
    ]
    expect(surfaces.length).toBeGreaterThanOrEqual(6)
    for (const s of surfaces) expect(s).not.toContain(token)
    // lkg shows the pinned identity too
    const lkg = [runCli(['lkg'], fx.root), runCli(['lkg', '--json'], fx.root)]
    expect(lkg.map((r) => r.stdout).join('')).toContain('[REDACTED:github-token]')
    for (const r of lkg) expect(r.stdout + r.stderr).not.toContain(token)
    // and repin names the identity it repins from
    const repin = runCli(['repin'], fx.root)
    expect(repin.stdout).toContain('[REDACTED:github-token]')
    expect(repin.stdout + repin.stderr).not.toContain(token)
  })

  it('a value cut to fit a message is cut between words: no start of a secret survives the cut (found by review)', () => {
    // built from parts, so that no scanner takes this file for a leak
    const password = ['Sup3rS3cret', 'Passw0rdXyZ', '123456789abcdefghij'].join('')
    const declared = ['Pr0dDeployKey', '7f3a9c2e1b', 'QwErTyUiOp'].join('')
    const fx = trioFixture()
    fx.editJson(PIN, (pin) => {
      pin.expected_service_contract_version = `https://deploy:${password}@git.example.com/x`
      pin.expected_api_contract_version = `api.v1 (deployed with the key ${declared})`
    })
    gitRepo(fx).commit('a pin quoting secrets past the cut')
    const evidence = tempDir('bg-redacted-cut-')
    const sarif = join(tempDir('bg-redacted-cut-sarif-'), 'out.sarif')
    const run = runCli(['health', '--no-probe', '--evidence-dir', evidence, '--sarif', sarif], fx.root, {
      DEPLOY_API_KEY: declared
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/BG108/)
    const surfaces = [
      run.stdout,
      run.stderr,
      readFileSync(sarif, 'utf8'),
      ...readdirSync(evidence).map((f) => readFileSync(join(evidence, f), 'utf8'))
    ]
    for (const text of surfaces)
      for (const part of [password.slice(0, 8), declared.slice(0, 8)]) expect(text).not.toContain(part)
  })

  it('lkg redacts a long value before its terminal report cuts it: no part of a secret at the cut survives (found by review)', () => {
    const secret = ['ourSecretValue', '0123456789', 'abcdefXYZ'].join('')
    const fx = trioFixture()
    fx.editJson(PIN, (pin) => {
      // the secret straddles the 300-character cut of a shown value
      pin.release_tag = `v1.2.${'9'.repeat(90)}${secret}${'9'.repeat(60_000)}`
    })
    gitRepo(fx).commit('a pin with a secret in a long tag')
    const run = runCli(['lkg'], fx.root, { DEPLOY_TOKEN: secret })
    expect(run.stdout).toContain('[REDACTED:')
    for (const part of [secret.slice(0, 8), secret.slice(-8)]) expect(run.stdout).not.toContain(part)
  })

  it('a declared secret of several words is redacted whole before a value is cut to fit: no word of it survives (found by review)', () => {
    const passphrase = ['correct', 'horse', 'battery', 'staple', 'zebra'].join(' ')
    const fx = trioFixture()
    fx.editJson(PIN, (pin) => {
      pin.release_tag = `deploy notes: db password is ${passphrase}`
    })
    gitRepo(fx).commit('a pin quoting a passphrase')
    const evidence = tempDir('bg-redacted-phrase-')
    const run = runCli(['health', '--no-probe', '--evidence-dir', evidence, '--json'], fx.root, {
      DB_PASSWORD: passphrase
    })
    expect(run.status).toBe(1)
    const surfaces = [
      run.stdout,
      run.stderr,
      ...readdirSync(evidence).map((f) => readFileSync(join(evidence, f), 'utf8'))
    ]
    for (const text of surfaces) expect(text).not.toContain('horse battery')
    expect(run.stdout).toContain('[REDACTED:known-secret]')
  })

  it('promote and migrate, bundles of their own, redact a passphrase before they cut it too (found by review)', () => {
    const passphrase = ['correct', 'horse', 'battery', 'staple'].join(' ')
    const value = `the commit is at the tag we agreed on ${passphrase}`
    const fx = trioFixture()
    const repo = gitRepo(fx)
    repo.commit('the embedded baseline', '2026-01-01T00:00:00Z')
    fx.editJson(PIN, (pin) => {
      pin.commit_sha = value
    })
    repo.commit('a pin quoting a passphrase')
    const evidence = tempDir('bg-redacted-bundles-')
    const env = { DEPLOY_PASSPHRASE: passphrase }
    const runs = [
      runCli(['promote', '--base', 'HEAD~1', '--no-suites', '--evidence-dir', evidence], fx.root, env),
      runCli(['migrate', '--dry-run'], fx.root, env),
      runCli(
        ['rollback', '--dry-run', '--trigger', 'contract-drift', '--reason', 'x', '--evidence-dir', evidence],
        fx.root,
        env
      )
    ]
    const surfaces = [
      ...runs.flatMap((r) => [r.stdout, r.stderr]),
      ...readdirSync(evidence).map((f) => readFileSync(join(evidence, f), 'utf8'))
    ]
    expect(runs[0]!.stdout).toMatch(/BG108|BG501/)
    for (const text of surfaces) expect(text).not.toContain('horse')
  })

  it('init and migrate show the trio they read redacted too (found by review)', () => {
    const token = ['ghp', 'Ab3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5'].join('_')
    const fx = trioFixture({ policy: false })
    fx.replace(PIN, /"release_tag": "[^"]*"/, `"release_tag": "${token}"`)
    gitRepo(fx).commit('a pin whose release tag is a token')
    for (const args of [
      ['init', '--dry-run'],
      ['init', '--dry-run', '--json'],
      ['migrate', '--dry-run'],
      ['migrate', '--dry-run', '--json']
    ]) {
      const r = runCli(args, fx.root)
      expect(r.stdout + r.stderr).not.toContain(token)
      expect(r.stdout.length).toBeGreaterThan(0)
    }
  })

  it("a user error quoting a token (the policy's, a flag's) is redacted on stderr too (found by review)", () => {
    const token = ['ghp', 'Ab3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5'].join('_')
    const fx = trioFixture()
    gitRepo(fx).commit('the embedded baseline')
    const run = runCli(['health', '--no-probe', '--baseline', token], fx.root)
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('[REDACTED:github-token]')
    expect(run.stdout + run.stderr).not.toContain(token)
  })
})
