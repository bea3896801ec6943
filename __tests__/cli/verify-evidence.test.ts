// verify-evidence in process: on a file that is not an evidence packet, one problem per line, a readable
// number of them, and what to do; on a packet or statement, what it is of, what was checked and what was not; the
// root found from a subdirectory; every unusable file named before anything is printed.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { chownSync, existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runMain } from '../helpers/cli-in-process.js'
import { SIGNATURE_NOT_CHECKED, UNVERIFIABLE_SHOWN } from '../../src/cli/verify-evidence.js'
import { cleanupFixtures, health, MATRIX, PIN, tempDir, trioFixture } from '../helpers/fixture.js'
import { gitRepo } from '../helpers/git-repo.js'
import { dsseBundle } from '../helpers/sigstore.js'

afterAll(cleanupFixtures)

async function verify(content: string) {
  const dir = tempDir('bg-verify-cli-')
  const file = join(dir, 'packet.json')
  writeFileSync(file, content)
  const { status, stdout, stderr } = await runMain(['verify-evidence', file], dir)
  return { status, stdout, lines: stderr.trimEnd().split('\n'), file }
}

describe('verify-evidence on a file that is not a packet', () => {
  it('{}: a headline with the count, one problem per line up to the cap, "and N more", then what to do', async () => {
    const r = await verify('{}\n')
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    const [headline, ...rest] = r.lines
    const count = Number(/: (\d+) problems$/.exec(headline!)?.[1])
    expect(count).toBeGreaterThan(UNVERIFIABLE_SHOWN)
    expect(headline).toBe(
      `baseline-gate: ${r.file} is not an evidence packet (evidence-packet.v1): ${count} problems`
    )
    const listed = rest.slice(0, UNVERIFIABLE_SHOWN)
    for (const line of listed)
      expect(line).toMatch(/^ {2}\S+packet\.json:1:1: the object is missing the required field `\w+`$/)
    expect(listed[0]).toContain('`schema`')
    expect(rest[UNVERIFIABLE_SHOWN]).toBe(`  and ${count - UNVERIFIABLE_SHOWN} more`)
    expect(rest[UNVERIFIABLE_SHOWN + 1]).toMatch(
      /^Give verify-evidence the packet a health, promote or rollback run wrote/
    )
    expect(rest).toHaveLength(UNVERIFIABLE_SHOWN + 2)
  })

  it('a packet with one unknown field: that one problem, no "more" line, then what to do', async () => {
    const fx = trioFixture()
    const packet = JSON.parse(readFileSync((await health(fx.root)).evidence, 'utf8')) as object
    const r = await verify(`${JSON.stringify({ ...packet, guessed: true }, null, 2)}\n`)
    expect(r.status).toBe(2)
    expect(r.lines).toHaveLength(3)
    expect(r.lines[0]).toMatch(/: 1 problem$/)
    expect(r.lines[1]).toMatch(/^ {2}\S+packet\.json:\d+:\d+: .*`guessed`/)
    expect(r.lines[2]).toMatch(/^Give verify-evidence/)
  })

  it('a file that is not JSON stays one line', async () => {
    const r = await verify('{')
    expect(r.status).toBe(2)
    expect(r.lines).toHaveLength(1)
    expect(r.lines[0]).toMatch(/^baseline-gate: \S+packet\.json:1:\d+: /)
  })
})

async function run(args: string[], cwd: string) {
  const r = await runMain(['verify-evidence', ...args], cwd)
  return { ...r, lines: r.stdout.trimEnd().split('\n') }
}

/** A fixture, its health run's packet and statement, a P-256 key (PEM) and a bundle of the statement signed by it. */
async function evidence(options: { broken?: boolean } = {}) {
  const fx = trioFixture()
  if (options.broken) fx.replace(MATRIX, '| Approved |', '| Rejected |')
  const packet = (await health(fx.root)).baselines[0]!.evidence
  const statement = packet.replace(/\.json$/, '.intoto.json')
  const dir = tempDir('bg-verify-cli-keys-')
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const pem = join(dir, 'key.pem')
  writeFileSync(pem, publicKey.export({ type: 'spki', format: 'pem' }))
  const bundle = join(dir, 'statement.sigstore.json')
  writeFileSync(bundle, JSON.stringify(dsseBundle(readFileSync(statement), privateKey)))
  return { fx, packet, statement, dir, pem, bundle }
}

describe('verify-evidence on a packet or its statement', () => {
  it('at the judged commit, a trio file edited and not committed is no evidence of that commit (found by review: "verified")', async () => {
    const fx = trioFixture()
    const repo = gitRepo(fx)
    repo.commit('the embedded baseline')
    fx.write(MATRIX, `${fx.read(MATRIX)}\nUnreviewed line.\n`)
    // the command line's run, which records the commit checked out as the one judged
    expect((await runMain(['health', '--no-probe'], fx.root)).status).toBe(0)
    const r = await run(['.baseline-gate/evidence/health-memorykernel.intoto.json'], fx.root)
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(
      new RegExp(
        `mismatch: ${MATRIX}: the checkout's file matches the evidence, but it is not what commit [0-9a-f]{12} holds, as git sees it \\(an uncommitted edit`
      )
    )
    expect(r.stdout).not.toContain('evidence verified')
    // the edit discarded: the checkout is the judged commit, so "check out that commit" would be advice in a circle
    // (found by review)
    repo.git('checkout', '--', MATRIX)
    const again = await run(['.baseline-gate/evidence/health-memorykernel.intoto.json'], fx.root)
    expect(again.status).toBe(1)
    expect(again.stdout).toMatch(
      new RegExp(
        `mismatch: ${MATRIX} \\(matrix\\): the packet records [0-9a-f]{64}, the checkout has [0-9a-f]{64}, and the checkout is at [0-9a-f]{12}, the commit the run judged, which holds the file as it is on disk: the run read a file that commit does not hold \\(an uncommitted edit\\), and this evidence matches no commit: run baseline-gate health again on the clean checkout`
      )
    )
    expect(again.stdout).not.toMatch(/check out commit/)
  })

  it('at the judged commit, a file the verifier edited after a clean run: undo the edit, not "check out that commit" (found by review)', async () => {
    const fx = trioFixture()
    gitRepo(fx).commit('the embedded baseline')
    expect((await runMain(['health', '--no-probe'], fx.root)).status).toBe(0)
    fx.write(MATRIX, `${fx.read(MATRIX)}\nAn edit after the run.\n`)
    const r = await run(['.baseline-gate/evidence/health-memorykernel.json'], fx.root)
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(
      `the commit the run judged: the file differs from what that commit holds, as git sees it (an edit since the run): undo it (git checkout -- ${MATRIX}) and verify again`
    )
    expect(r.stdout).not.toMatch(/check out commit|matches no commit/)
  })

  it('at the judged commit, a checkout that converts the file (core.autocrlf): check it out as committed, not "matches no commit" (found by review)', async () => {
    const fx = trioFixture()
    // a repository that lets git convert the matrix (this one's .gitattributes marks the trio -text)
    fx.write('.gitattributes', '* text=auto\n')
    const repo = gitRepo(fx)
    repo.commit('the embedded baseline')
    expect((await runMain(['health', '--no-probe'], fx.root)).status).toBe(0)
    // the same commit as a checkout with core.autocrlf writes it: CRLF line endings, and git status sees no edit
    // (the test helper's git forces autocrlf off, so the status is asked of git as the repository is configured)
    repo.git('config', 'core.autocrlf', 'true')
    fx.write(MATRIX, fx.read(MATRIX).replace(/\n/g, '\r\n'))
    // the index takes the file's stat as a checkout would record it; the blob stays the committed one
    const asConfigured = (...args: string[]) => execFileSync('git', args, { cwd: fx.root, encoding: 'utf8' })
    asConfigured('add', '--', MATRIX)
    expect(asConfigured('status', '--porcelain')).toBe('')
    const r = await run(['.baseline-gate/evidence/health-memorykernel.json'], fx.root)
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(
      `the packet's digest is the commit's own file; the checkout converted it (core.autocrlf, an eol or a filter attribute in .gitattributes): check it out as committed (git -c core.autocrlf=false checkout -- ${MATRIX}) and verify again`
    )
    expect(r.stdout).not.toMatch(/matches no commit|check out commit/)
  })

  it('a rollback that restored nothing records the trio it found: verified as the checkout, never sent to a rollback commit that does not exist (found by review)', async () => {
    const fx = trioFixture()
    gitRepo(fx).commit('the only baseline')
    fx.write(MATRIX, `${fx.read(MATRIX)}\nUnreviewed line.\n`)
    const evidence = tempDir('bg-verify-norestore-')
    const rb = await runMain(
      ['rollback', '--trigger', 'contract-drift', '--reason', 'x', '--no-suites', '--evidence-dir', evidence],
      fx.root
    )
    expect(rb.status).toBe(1)
    const r = await run([join(evidence, 'rollback-memorykernel.json')], fx.root)
    // the trio it recorded is the edited one on disk, not the commit's
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/is not what commit [0-9a-f]{12} holds, as git sees it \(an uncommitted edit/)
    expect(r.stdout).not.toContain("check out the rollback's commit")
  })

  it('a matrix committed with CRLF under text=auto is the commit; a CR added by hand is not (found by review)', async () => {
    const fx = trioFixture()
    fx.write(MATRIX, fx.read(MATRIX).replace(/\n/g, '\r\n'))
    const repo = gitRepo(fx)
    repo.commit('the matrix, written with CRLF')
    fx.write('.gitattributes', '* text=auto\n')
    repo.commit('text=auto, after it')
    expect(repo.git('status', '--porcelain')).toBe('')
    expect((await runMain(['health', '--no-probe'], fx.root)).status).toBe(0)
    const r = await run(['.baseline-gate/evidence/health-memorykernel.intoto.json'], fx.root)
    expect([r.status, r.lines[1]]).toEqual([
      0,
      'evidence verified: 3 trio files match the checkout, at the judged commit; the commit subject is the judged commit'
    ])
    // a CR before a line's LF, added by hand where git converts nothing (no attributes), is an edit
    const plain = trioFixture()
    const plainRepo = gitRepo(plain)
    plainRepo.commit('the embedded baseline, no attributes')
    plain.write(PIN, plain.read(PIN).replace('{\n', '{\r\n'))
    expect(plainRepo.git('status', '--porcelain')).toBe(`M ${PIN}`)
    expect((await runMain(['health', '--no-probe'], plain.root)).status).toBe(0)
    const edited = await run(['.baseline-gate/evidence/health-memorykernel.intoto.json'], plain.root)
    expect(edited.status).toBe(1)
    expect(edited.stdout).toContain(
      `mismatch: ${PIN}: the checkout's file matches the evidence, but it is not what commit`
    )
  })

  it('a repository git refuses (another owner) is a usage error naming safe.directory, never a missing commit (found by review)', async () => {
    if (process.getuid?.() !== 0) return
    const fx = trioFixture()
    gitRepo(fx).commit('the embedded baseline')
    expect((await runMain(['health', '--no-probe'], fx.root)).status).toBe(0)
    chownSync(join(fx.root, '.git'), 4242, 4242)
    const r = await runMain(
      ['verify-evidence', '.baseline-gate/evidence/health-memorykernel.intoto.json'],
      fx.root
    )
    expect([r.status, r.stdout]).toEqual([2, ''])
    expect(r.stderr).toBe(
      `baseline-gate: git refuses the repository at ${fx.root} because another user owns it; allow it with: git config --global --add safe.directory ${fx.root}\n`
    )
  })

  it('writes nothing into the repository: not even the index a touched trio file would make git refresh (found by review)', async () => {
    const fx = trioFixture()
    gitRepo(fx).commit('the embedded baseline')
    expect((await runMain(['health', '--no-probe'], fx.root)).status).toBe(0)
    const later = new Date(Date.now() + 60_000)
    utimesSync(join(fx.root, MATRIX), later, later)
    const index = join(fx.root, '.git/index')
    const before = [readFileSync(index), statSync(index).mtimeMs]
    const r = await run(['.baseline-gate/evidence/health-memorykernel.intoto.json'], fx.root)
    expect(r.status).toBe(0)
    expect([readFileSync(index), statSync(index).mtimeMs]).toEqual(before)
  })

  it('a trio file under a filter attribute is not compared: the program of the git config never runs (found by review)', async () => {
    const fx = trioFixture()
    const repo = gitRepo(fx)
    repo.commit('the embedded baseline')
    const ran = join(tempDir('bg-filter-'), 'ran')
    repo.git('config', 'filter.x.clean', `sh -c 'echo ran >> ${ran}; cat'`)
    writeFileSync(join(fx.root, '.git/info/attributes'), '*.md filter=x\n')
    expect((await runMain(['health', '--no-probe'], fx.root)).status).toBe(0)
    const r = await run(['.baseline-gate/evidence/health-memorykernel.intoto.json'], fx.root)
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(
      `mismatch: ${MATRIX}: the checkout's file matches the evidence, but it is not what commit`
    )
    expect(existsSync(ran)).toBe(false)
  })

  it('a checkout conversion of the commit (eol=crlf in .gitattributes) is the commit, not an edit (found by review)', async () => {
    const fx = trioFixture()
    fx.write('.gitattributes', '*.md text eol=crlf\n')
    const repo = gitRepo(fx)
    repo.commit('the embedded baseline, its Markdown checked out with CRLF')
    rmSync(join(fx.root, MATRIX))
    repo.git('checkout', '--', MATRIX)
    expect(readFileSync(join(fx.root, MATRIX), 'utf8')).toContain('\r\n')
    expect(repo.git('status', '--porcelain')).toBe('')
    expect((await runMain(['health', '--no-probe'], fx.root)).status).toBe(0)
    const r = await run(['.baseline-gate/evidence/health-memorykernel.intoto.json'], fx.root)
    expect([r.status, r.lines[1]]).toEqual([
      0,
      'evidence verified: 3 trio files match the checkout, at the judged commit; the commit subject is the judged commit'
    ])
  })

  it('says what it judged, what matched, and that the signature was not checked without --bundle', async () => {
    const { fx, statement } = await evidence()
    const r = await run([statement], fx.root)
    expect(r.status).toBe(0)
    expect(r.lines).toEqual([
      expect.stringMatching(
        /^statement of health · memorykernel · v\d+\.\d+\.\d+ · (judged at [0-9a-f]{12}|no judged commit recorded) · a local run · recorded verdict PASS$/
      ),
      'evidence verified: 3 trio files match the directory given (no commit is checked out there, so none was compared)',
      SIGNATURE_NOT_CHECKED
    ])
    expect(SIGNATURE_NOT_CHECKED).toBe(
      'Not checked: the signature; without it the verdict and findings are not authenticated (give --bundle and --trust-root)'
    )
  })

  it('finds the repository root from a subdirectory, as every other command does', async () => {
    const { fx, packet } = await evidence()
    const r = await run([packet], join(fx.root, 'docs'))
    expect([r.status, r.lines[1]]).toEqual([
      0,
      'evidence verified: 3 trio files match the directory given (no commit is checked out there, so none was compared)'
    ])
    expect(r.stdout).not.toContain('mismatch')
  })

  it('a checkout holding none of the trio files is a usage error asking whether --root is right, not a mismatch', async () => {
    const { packet } = await evidence()
    const elsewhere = tempDir('bg-verify-elsewhere-')
    const r = await run([packet, '--root', elsewhere], elsewhere)
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(
      `baseline-gate: none of the packet's trio files is under ${elsewhere}: is --root the checkout the evidence is of?`
    )
  })

  it('each mismatch line says what to do', async () => {
    const { fx, packet } = await evidence()
    fx.replace(MATRIX, 'Updated:', 'updated:')
    const r = await run([packet], fx.root)
    expect(r.status).toBe(1)
    expect(r.lines[1]).toMatch(
      new RegExp(
        `^mismatch: ${MATRIX} \\(matrix\\): the packet records [0-9a-f]{64}, the checkout has [0-9a-f]{64}: .*check out .* and verify again`
      )
    )
    expect(r.lines.at(-2)).toBe('evidence does NOT verify: 1 of 3 digests differs')
  })

  it('a packet or statement that records PASS against its own error findings is a mismatch (forged verdict)', async () => {
    const { fx, packet, statement } = await evidence({ broken: true })
    const p = JSON.parse(readFileSync(packet, 'utf8')) as { verdict: string; findings: { rule: string }[] }
    expect(p.verdict).toBe('FAIL')
    writeFileSync(packet, JSON.stringify({ ...p, verdict: 'PASS' }))
    const s = JSON.parse(readFileSync(statement, 'utf8')) as { predicate: { verdict: string } }
    s.predicate.verdict = 'PASS'
    writeFileSync(statement, JSON.stringify(s))
    for (const [file, kind] of [
      [packet, 'packet'],
      [statement, 'statement']
    ] as const) {
      const r = await run([file], fx.root)
      expect(r.status).toBe(1)
      expect(r.lines[0]).toMatch(new RegExp(`^${kind} of health · .* · recorded verdict PASS$`))
      expect(r.stdout).toMatch(
        new RegExp(
          `^mismatch: verdict: the ${kind} records PASS, but its own findings or steps make it FAIL \\(error findings: BG\\d+.*\\): .*run health again`,
          'm'
        )
      )
      expect(r.lines.at(-2)).toBe(
        'evidence does NOT verify: the recorded verdict contradicts its own findings'
      )
      expect(r.lines.at(-1)).toBe(SIGNATURE_NOT_CHECKED)
    }
  })

  it('a Sigstore bundle given as FILE: pass it with --bundle, not 21 schema problems', async () => {
    const { fx, bundle } = await evidence()
    const r = await run([bundle], fx.root)
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^baseline-gate: \S+statement\.sigstore\.json: this is a Sigstore bundle: pass it with --bundle, and the statement as FILE/
      )
    ])
  })
})

describe('verify-evidence --bundle: every file checked before anything is printed', () => {
  it('verifies, and then says nothing was left unchecked about the signature', async () => {
    const { fx, statement, bundle, pem } = await evidence()
    const r = await run([statement, '--bundle', bundle, '--trust-root', pem], fx.root)
    expect(r.status).toBe(0)
    expect(r.lines.slice(1)).toEqual([
      'evidence verified: 3 trio files match the directory given (no commit is checked out there, so none was compared)',
      'bundle verified offline: signed by public key'
    ])
  })

  it('names every unusable file, and prints no verdict before the usage error', async () => {
    const { fx, statement, dir } = await evidence()
    const r = await run(
      [statement, '--bundle', join(dir, 'nonexist.json'), '--trust-root', join(dir, 'nonexist2')],
      fx.root
    )
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(
      `baseline-gate: --trust-root ${join(dir, 'nonexist2')}: cannot be read (missing)`
    )
    expect(r.stderr).toContain(
      `baseline-gate: --bundle ${join(dir, 'nonexist.json')}: cannot be read (missing)`
    )
    expect(r.stderr).toContain('Nothing was verified.')
  })

  it('--cert-identity with a public key is a usage error saying it applies to a trusted_root.json', async () => {
    const { fx, statement, bundle, pem } = await evidence()
    const r = await run(
      [statement, '--bundle', bundle, '--trust-root', pem, '--cert-identity', 'https://x'],
      fx.root
    )
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(
      /^baseline-gate: --cert-identity applies to a trusted_root.json: .* has no identity/m
    )
    expect(r.stderr).not.toMatch(/UNTRUSTED_SIGNER_ERROR|undefined/)
  })
})

describe('verify-evidence: who must have signed', () => {
  async function usage(args: string[]) {
    const { status, stderr } = await runMain(
      ['verify-evidence', 'x.intoto.json', ...args],
      tempDir('bg-verify-signer-')
    )
    return { status, stderr: stderr.trim() }
  }
  const bundle = ['--bundle', 'b.json', '--trust-root', 'root.json']

  it('--cert-identity or --cert-identity-regex, not both; a pattern that does not compile is said', async () => {
    expect(
      await usage([...bundle, '--cert-identity', 'https://a', '--cert-identity-regex', 'https://.*'])
    ).toEqual({
      status: 2,
      stderr: 'baseline-gate: give --cert-identity (exactly this identity) or --cert-identity-regex, not both'
    })
    expect(await usage([...bundle, '--cert-identity-regex', 'https://(a'])).toEqual({
      status: 2,
      stderr: expect.stringMatching(
        /^baseline-gate: --cert-identity-regex https:\/\/\(a: not a regular expression: /
      )
    })
  })

  it('--cert-oidc-issuer goes with an identity, and every signer option with --bundle', async () => {
    expect((await usage([...bundle, '--cert-oidc-issuer', 'https://issuer'])).stderr).toBe(
      'baseline-gate: --cert-oidc-issuer goes with --cert-identity or --cert-identity-regex'
    )
    expect((await usage(['--cert-identity-regex', '.*'])).stderr).toBe(
      'baseline-gate: --cert-identity-regex is for a bundle: give --bundle FILE too'
    )
  })
})
