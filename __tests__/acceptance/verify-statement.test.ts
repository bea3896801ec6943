// Acceptance: the evidence packet's in-toto Statement (<operation>-<baseline>.intoto.json) checked by the BUILT
// command line (dist/cli/index.js) as a child process, on a real temporary git repository: its subjects against
// the checkout and the predicate, its commit subject against the repository; and `--bundle --trust-root`, a
// Sigstore bundle (v0.3, DSSE, publicKey hint) signed here with a locally generated ECDSA P-256 key, verified
// offline: a good one verifies, a tampered payload, a wrong key, a wrong subject digest, another statement and a
// missing trust root each fail with what is wrong.
import { execFileSync } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { requireBuiltCli, runCli, STACK_LINE } from '../helpers/cli-run.js'
import { cleanupFixtures, fixtureAt, MATRIX, PIN, tempDir, trioFixture } from '../helpers/fixture.js'
import { dsseBundle, localCertificateAuthority } from '../helpers/sigstore.js'

beforeAll(requireBuiltCli)
afterAll(cleanupFixtures)

type Json = Record<string, unknown>
interface Subject {
  name: string
  digest: Record<string, string>
}

/** The committed trio and its health run's packet and statement, made once (git and a run of the built CLI). */
let built: { root: string; evidence: string; commit: string; packet: string } | null = null

/**
 * A committed trio, its health run's packet and statement, and a directory for keys and bundles: copies of the
 * ones made once (the repository with its .git, so the copy is at the judged commit), as each test edits them.
 */
function setup() {
  if (built === null || !existsSync(built.root)) {
    const fx = trioFixture()
    // the fixture is a repository without commits: commit the trio, so the run judges a commit
    const git = gitIn(fx.root)
    git('add', '-A')
    git('commit', '-q', '--no-verify', '-m', 'the trio')
    const commit = git('rev-parse', 'HEAD')
    const evidence = tempDir('bg-attest-evidence-')
    const run = runCli(['health', '--no-probe', '--json', '--evidence-dir', evidence], fx.root)
    const packet = (JSON.parse(run.stdout) as { evidence: string }).evidence
    built = { root: fx.root, evidence, commit, packet }
  }
  const fx = fixtureAt(tempDir())
  cpSync(built.root, fx.root, { recursive: true })
  const evidence = tempDir('bg-attest-evidence-')
  cpSync(built.evidence, evidence, { recursive: true })
  const packet = join(evidence, basename(built.packet))
  const statement = packet.replace(/\.json$/, '.intoto.json')
  return {
    fx,
    git: gitIn(fx.root),
    commit: built.commit,
    packet,
    statement,
    dir: tempDir('bg-attest-keys-')
  }
}

function gitIn(root: string) {
  return (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], {
      cwd: root,
      encoding: 'utf8'
    }).trim()
}

const NOT_CHECKED =
  'Not checked: the signature; without it the verdict and findings are not authenticated (give --bundle and --trust-root)'

const verify = (root: string, args: string[]) => {
  const r = runCli(['verify-evidence', ...args, '--root', root], root)
  expect(r.stderr).not.toMatch(STACK_LINE)
  return r
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Json
const writeJson = (file: string, value: unknown) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`)

/** A bundle of `payload` signed by `key` over `signed` (default: the payload). */
const bundle = (payload: Buffer, key: KeyObject, signed?: Buffer): Json =>
  dsseBundle(payload, key, { signed })

function keyPair(dir: string, name: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const pem = join(dir, `${name}.pub.pem`)
  writeFileSync(pem, publicKey.export({ type: 'spki', format: 'pem' }))
  return { privateKey, pem }
}

/** setup(), and a bundle of its statement (b.sigstore.json) signed with a key of its own. */
function signedSetup() {
  const run = setup()
  const { privateKey, pem } = keyPair(run.dir, 'signer')
  const file = join(run.dir, 'b.sigstore.json')
  writeJson(file, bundle(readFileSync(run.statement), privateKey))
  return { ...run, privateKey, pem, file }
}

const VERIFIED =
  'evidence verified: 3 trio files match the checkout, at the judged commit; the commit subject is the judged commit'

describe('verify-evidence FILE.intoto.json (the statement)', () => {
  it('verifies the statement health wrote: the trio digests and the judged commit', () => {
    const { fx, commit, statement } = setup()
    const s = readJson(statement)
    expect((s.subject as Subject[]).at(-1)).toEqual({
      name: `git+local@${commit}`,
      digest: { gitCommit: commit }
    })
    const ok = verify(fx.root, [statement])
    expect(ok.status).toBe(0)
    expect(ok.stdout.trim().split('\n')).toEqual([
      `statement of health · memorykernel · ${(s.predicate as { identity: { release_tag: string } }).identity.release_tag} · judged at ${commit.slice(0, 12)} · a local run · recorded verdict PASS`,
      VERIFIED,
      NOT_CHECKED
    ])

    fx.replace(MATRIX, 'Updated:', 'updated:')
    const bad = verify(fx.root, [statement])
    expect(bad.status).toBe(1)
    expect(bad.stdout).toContain(`mismatch: ${MATRIX} (matrix): the packet records`)
  })

  it('names a subject digest that is not the packet, a trio file left unbound, and a commit the repository lacks', () => {
    const { fx, statement } = setup()
    const s = readJson(statement)
    const subjects = s.subject as Subject[]
    subjects[0]!.digest = { sha256: 'f'.repeat(64) }
    subjects.splice(1, 1) // the mirror is no longer a subject
    const other = 'c'.repeat(40)
    subjects.at(-1)!.digest = { gitCommit: other }
    subjects.at(-1)!.name = `git+local@${other}`
    ;(s.predicate as { git: Json }).git.commit = other
    writeJson(statement, s)
    const r = verify(fx.root, [statement])
    expect(r.status).toBe(1)
    const lines = r.stdout.trim().split('\n')
    expect(lines).toEqual([
      expect.stringMatching(/^statement of health · memorykernel · .* · recorded verdict PASS$/),
      `mismatch: subject ${PIN} (pin): the statement records ${'f'.repeat(64)}, its predicate (the packet) ${
        (s.predicate as { trio: { pin: { sha256: string } } }).trio.pin.sha256
      }: the statement was changed after the run wrote it`,
      expect.stringMatching(
        /^mismatch: config\/memorykernel-producer-manifest\.json \(manifest\): the packet read it, but it is no subject/
      ),
      expect.stringMatching(
        new RegExp(
          `^mismatch: commit subject git\\+local@${other}: the repository at .+ has no commit ${other}: check out .*fetch-depth: 0`
        )
      ),
      expect.stringMatching(
        new RegExp(
          `^mismatch: checkout: the run judged commit ${other}, and the checkout is at [0-9a-f]{40}: `
        )
      ),
      'evidence does NOT verify: 3 of 4 digests differ; the checkout is not the commit the run judged',
      NOT_CHECKED
    ])
  })

  it('an older run replayed on a later commit does not verify: its files match, but it judged another commit', () => {
    const { fx, git, commit, statement, packet } = setup()
    // the repository moves on, leaving the trio alone: the old PASS's digests all still match
    fx.write('src/later.txt', 'later\n')
    git('add', '-A')
    git('commit', '-q', '--no-verify', '-m', 'a later commit')
    for (const file of [statement, packet]) {
      const r = verify(fx.root, [file])
      expect(r.status).toBe(1)
      expect(r.stdout).toContain(
        `mismatch: checkout: the run judged commit ${commit}, and the checkout is at `
      )
      expect(r.stdout).toContain(`check out ${commit} and verify again`)
      expect(r.stdout).toContain('evidence does NOT verify: the checkout is not the commit the run judged')
      expect(r.stdout).not.toContain('evidence verified')
    }
    // at the judged commit it verifies again
    git('checkout', '-q', commit)
    expect(verify(fx.root, [statement]).status).toBe(0)
  })

  it('a packet that records no judged commit says nothing was compared, never that a commit matched', () => {
    const { fx, packet } = setup()
    const p = readJson(packet) as { git: Json; judged_at: Json }
    p.git.commit = null
    p.judged_at.commit = null
    writeJson(packet, p)
    const r = verify(fx.root, [packet])
    expect(r.stdout).toMatch(
      /^evidence verified: 3 trio files match the checkout at [0-9a-f]{12} \(the packet records no judged commit, so none was compared\)$/m
    )
  })

  it('a duplicate key is refused: readers disagree on which value wins', () => {
    const { fx, statement } = setup()
    const text = readFileSync(statement, 'utf8')
    writeFileSync(statement, text.replace('"verdict": "PASS"', '"verdict": "FAIL", "verdict": "PASS"'))
    const r = verify(fx.root, [statement])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/\.intoto\.json:\d+:\d+: the key "verdict" appears twice in one object/)
  })

  it('a statement of another kind is a usage error naming where (file:line:column) and what to give instead', () => {
    const { fx, statement } = setup()
    const s = readJson(statement)
    s.predicateType = 'https://slsa.dev/provenance/v1'
    writeJson(statement, s)
    const r = verify(fx.root, [statement])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('is not an evidence statement (in-toto Statement v1 of an evidence-packet.v1)')
    expect(r.stderr).toMatch(
      /\.intoto\.json:\d+:\d+: .*https:\/\/baseline-gate\.dev\/attestation\/evidence-packet\/v1/
    )
    expect(r.stderr).toContain('<operation>-<baseline>.intoto.json')
  })
})

describe('verify-evidence --bundle --trust-root (offline)', () => {
  it('a bundle signing exactly this statement verifies against its public key; so does the packet itself', () => {
    const { fx, statement, packet, dir } = setup()
    const { privateKey, pem } = keyPair(dir, 'signer')
    const file = join(dir, 'evidence.sigstore.json')
    writeJson(file, bundle(readFileSync(statement), privateKey))
    const ok = verify(fx.root, [statement, '--bundle', file, '--trust-root', pem])
    expect(ok.status).toBe(0)
    expect(ok.stdout.trim().split('\n').slice(1)).toEqual([
      VERIFIED,
      'bundle verified offline: signed by public key'
    ])
    expect(verify(fx.root, [packet, '--bundle', file, '--trust-root', pem]).status).toBe(0)
  })

  it("accepts actions/attest's own statement of the packet: file subjects by base name, no commit subject", () => {
    const { fx, statement, dir } = setup()
    const { privateKey, pem } = keyPair(dir, 'signer')
    const s = readJson(statement)
    const attest = {
      ...s,
      subject: (s.subject as Subject[])
        .filter((x) => 'sha256' in x.digest)
        .map((x) => ({ name: basename(x.name), digest: x.digest }))
    }
    const file = join(dir, 'attest.sigstore.json')
    writeJson(file, bundle(Buffer.from(JSON.stringify(attest)), privateKey))
    expect(verify(fx.root, [statement, '--bundle', file, '--trust-root', pem]).status).toBe(0)
  })

  it('fails on a tampered payload, a wrong key, a wrong subject digest and another statement', () => {
    const { fx, statement, dir } = setup()
    const { privateKey, pem } = keyPair(dir, 'signer')
    const other = keyPair(dir, 'other')
    const bytes = readFileSync(statement)
    const s = readJson(statement)
    const run = (name: string, b: Json, trustRoot = pem) => {
      const file = join(dir, `${name}.sigstore.json`)
      writeJson(file, b)
      const r = verify(fx.root, [statement, '--bundle', file, '--trust-root', trustRoot])
      expect(r.status).toBe(1)
      expect(r.stdout).toContain(VERIFIED)
      expect(r.stdout).not.toMatch(/[A-Z]+_ERROR|undefined/)
      expect(r.stdout).toMatch(
        /^bundle does NOT verify: \d+ problems?: the verdict and findings are not authenticated$/m
      )
      return r.stdout
    }

    // the payload is this statement, but the signature is over other bytes
    const tampered = Buffer.from(
      bytes.toString('utf8').replace('"operation": "health"', '"operation": "rollback"')
    )
    expect(run('tampered', bundle(bytes, privateKey, tampered))).toMatch(
      /^bundle: the signature does not verify against the public key given: the bundle was signed by another key, or its payload was changed after signing$/m
    )
    // signed by a key other than the trust root's
    expect(run('wrong-key', bundle(bytes, other.privateKey))).toMatch(
      /^bundle: the signature does not verify against the public key given/m
    )
    // validly signed, but a subject's digest is another
    const wrongSubject = structuredClone(s)
    ;(wrongSubject.subject as Subject[])[0]!.digest = { sha256: 'e'.repeat(64) }
    const subjectOut = run('wrong-subject', bundle(Buffer.from(JSON.stringify(wrongSubject)), privateKey))
    expect(subjectOut).toContain(`bundle: subject ${PIN}: the bundle signs no subject with sha256`)
    expect(subjectOut).toContain(
      `bundle: the bundle signs a subject sha256 ${'e'.repeat(64)} that is none of the statement's subjects`
    )
    expect(subjectOut).not.toContain('signature does not verify')
    // validly signed, but the statement of another run
    const another = structuredClone(s)
    ;(another.predicate as Json).finished_at = '2020-01-01T00:00:00.000Z'
    expect(run('another', bundle(Buffer.from(JSON.stringify(another)), privateKey))).toContain(
      'bundle: the signed predicate is not this packet: the bundle attests another run'
    )
    // validly signed, but of another predicate type
    const provenance = { ...s, predicateType: 'https://slsa.dev/provenance/v1' }
    expect(run('provenance', bundle(Buffer.from(JSON.stringify(provenance)), privateKey))).toContain(
      "bundle: the signed statement's predicate type is https://slsa.dev/provenance/v1"
    )
  })

  it('a missing or unusable trust root, or a file that is no bundle, is a usage error saying what to give', () => {
    const { fx, statement, dir, file, pem: signedPem } = signedSetup()

    const noRoot = verify(fx.root, [statement, '--bundle', file])
    expect([noRoot.status, noRoot.stderr.trim()]).toEqual([
      2,
      'baseline-gate: --bundle needs --trust-root: the public key (PEM) or the Sigstore trusted_root.json the bundle must be signed by'
    ])
    const gone = verify(fx.root, [statement, '--bundle', file, '--trust-root', join(dir, 'absent.pem')])
    expect([gone.status, gone.stdout]).toEqual([2, ''])
    expect(gone.stderr).toMatch(/^baseline-gate: --trust-root \S+absent\.pem: cannot be read \(missing\)$/m)
    // both files unusable: both named, and no verdict printed before the usage error
    const both = verify(fx.root, [
      statement,
      '--bundle',
      join(dir, 'absent.json'),
      '--trust-root',
      join(dir, 'absent.pem')
    ])
    expect([both.status, both.stdout]).toEqual([2, ''])
    expect(both.stderr).toMatch(/^baseline-gate: --bundle \S+absent\.json: cannot be read \(missing\)$/m)
    expect(both.stderr).toMatch(/^baseline-gate: --trust-root \S+absent\.pem: cannot be read \(missing\)$/m)
    // --cert-identity with a public key: the option does not apply (usage), the signature is not "wrong"
    const keyIdentity = verify(fx.root, [
      statement,
      '--bundle',
      file,
      '--trust-root',
      signedPem,
      '--cert-identity',
      'https://x'
    ])
    expect([keyIdentity.status, keyIdentity.stdout]).toEqual([2, ''])
    expect(keyIdentity.stderr).toMatch(/^baseline-gate: --cert-identity applies to a trusted_root\.json: /m)
    expect(keyIdentity.stderr).not.toMatch(/[A-Z]+_ERROR|undefined/)
    // the bundle given as FILE: said so, not its schema problems
    const swapped = verify(fx.root, [file])
    expect(swapped.status).toBe(2)
    expect(swapped.stderr.trim()).toMatch(
      /^baseline-gate: \S+b\.sigstore\.json: this is a Sigstore bundle: pass it with --bundle, and the statement as FILE/
    )

    const junk = join(dir, 'junk.txt')
    writeFileSync(junk, 'not a key\n')
    const notKey = verify(fx.root, [statement, '--bundle', file, '--trust-root', junk])
    expect(notKey.status).toBe(2)
    expect(notKey.stderr).toContain(
      'neither a public key (PEM, -----BEGIN PUBLIC KEY-----) nor a Sigstore trusted_root.json'
    )

    const pem = keyPair(dir, 'k').pem
    writeJson(join(dir, 'not-bundle.json'), { hello: 'world' })
    const notBundle = verify(fx.root, [
      statement,
      '--bundle',
      join(dir, 'not-bundle.json'),
      '--trust-root',
      pem
    ])
    expect(notBundle.status).toBe(2)
    expect(notBundle.stderr).toMatch(
      /^baseline-gate: --bundle \S+not-bundle\.json: not a Sigstore bundle: .*give the bundle actions\/attest wrote/m
    )

    expect(verify(fx.root, [statement, '--trust-root', pem]).stderr).toContain(
      '--trust-root is for a bundle: give --bundle FILE too'
    )
  })

  it('a key-signed bundle against a trusted_root.json (no key of its own) fails, saying so', () => {
    const { fx, statement, dir, file } = signedSetup()
    const root = join(dir, 'trusted_root.json')
    writeJson(root, {
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: [],
      certificateAuthorities: [],
      ctlogs: [],
      timestampAuthorities: []
    })
    const r = verify(fx.root, [statement, '--bundle', file, '--trust-root', root])
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(
      /^bundle: the bundle is signed with a key \(publicKey hint\), not a Sigstore certificate: give --trust-root the public key \(PEM\)/m
    )
  })

  it('a certificate-signed bundle: needs the trusted root and --cert-identity; offline, no timestamp means no trust', () => {
    const { fx, statement, dir } = setup()
    const identity =
      'https://github.com/acme/consumer/.github/workflows/baseline-promotion.yml@refs/heads/main'
    // a certificate authority of our own, in a trusted_root.json, and a leaf certificate it issued for the identity
    const ca = localCertificateAuthority(dir, identity)
    const root = ca.trustedRoot
    const b = bundle(readFileSync(statement), ca.leafKey)
    b.verificationMaterial = ca.material
    const file = join(dir, 'cert.sigstore.json')
    writeJson(file, b)
    const pem = keyPair(dir, 'k').pem

    const withKey = verify(fx.root, [statement, '--bundle', file, '--trust-root', pem])
    expect(withKey.status).toBe(1)
    expect(withKey.stdout).toContain(
      'bundle: the bundle is signed with a certificate (keyless Sigstore), not a key: give --trust-root the Sigstore trusted_root.json and --cert-identity'
    )
    const noIdentity = verify(fx.root, [statement, '--bundle', file, '--trust-root', root])
    expect(noIdentity.status).toBe(1)
    expect(noIdentity.stdout).toContain('bundle: a certificate-signed bundle needs --cert-identity')
    // offline, the short-lived certificate is only trusted at a time a log or a TSA vouches for: here there is none
    const noTimestamp = verify(fx.root, [
      statement,
      '--bundle',
      file,
      '--trust-root',
      root,
      '--cert-identity',
      identity
    ])
    expect(noTimestamp.status).toBe(1)
    expect(noTimestamp.stdout).toMatch(
      /^bundle: the signature does not verify against the trusted root given: the bundle has no timestamp the trust root vouches for/m
    )
  })
})
