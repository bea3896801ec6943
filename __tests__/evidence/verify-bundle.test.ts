// verify-evidence --bundle in process (src/operations/verify-bundle.ts over src/evidence/signed-bundle.ts): the
// files it reads and what it makes of each; the built command line runs the same cases in
// __tests__/acceptance/verify-statement.test.ts.
import { generateKeyPairSync } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { GITHUB_ACTIONS_ISSUER } from '../../src/evidence/signer-policy.js'
import type { SignerPolicy } from '../../src/evidence/signer-policy.js'
import { prepareBundle, verifyEvidenceBundle } from '../../src/operations/verify-bundle.js'
import { cleanupFixtures, health, REPO_ROOT, tempDir, trioFixture } from '../helpers/fixture.js'
import { dsseBundle, localCertificateAuthority, timestampedBundle } from '../helpers/sigstore.js'

afterAll(cleanupFixtures)

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })

async function setup() {
  const fx = trioFixture()
  const packet = (await health(fx.root)).baselines[0]!.evidence
  const statement = packet.replace(/\.json$/, '.intoto.json')
  const dir = tempDir('bg-bundle-')
  const pem = join(dir, 'key.pem')
  writeFileSync(pem, publicKey.export({ type: 'spki', format: 'pem' }))
  const bundle = join(dir, 'bundle.json')
  writeFileSync(bundle, JSON.stringify(dsseBundle(readFileSync(statement), privateKey)))
  return { packet, statement, dir, pem, bundle }
}

describe('verifyEvidenceBundle', () => {
  it('verifies the statement, or the packet as its statement, against the public key', async () => {
    const { packet, statement, pem, bundle } = await setup()
    const ok = { unusable: null, problems: [], signer: 'public key' }
    expect(verifyEvidenceBundle(statement, bundle, pem, null)).toEqual(ok)
    expect(verifyEvidenceBundle(packet, bundle, pem, null)).toEqual(ok)
  })

  it('names the file that cannot be used, and why', async () => {
    const { statement, dir, pem, bundle } = await setup()
    expect(verifyEvidenceBundle(statement, bundle, join(dir, 'gone.pem'), null).unusable).toBe(
      `--trust-root ${join(dir, 'gone.pem')}: cannot be read (missing)`
    )
    writeFileSync(join(dir, 'junk'), 'junk')
    expect(verifyEvidenceBundle(statement, bundle, join(dir, 'junk'), null).unusable).toMatch(
      /^--trust-root \S+junk: neither a public key .*; give the public key \(PEM\) the bundle was signed with/
    )
    writeFileSync(join(dir, 'broken.json'), '{"mediaType": ')
    expect(verifyEvidenceBundle(statement, join(dir, 'broken.json'), pem, null).unusable).toMatch(
      /^--bundle \S+broken\.json:1:\d+: /
    )
    writeFileSync(join(dir, 'other.json'), '{"hello": 1}')
    expect(verifyEvidenceBundle(statement, join(dir, 'other.json'), pem, null).unusable).toMatch(
      /^--bundle \S+other\.json: not a Sigstore bundle: .*give the bundle actions\/attest wrote/
    )
    expect(verifyEvidenceBundle(join(dir, 'none.json'), bundle, pem, null).unusable).toBe(
      `${join(dir, 'none.json')}: cannot be read (missing)`
    )
  })

  it('a key-signed bundle against a trusted_root.json says to give the key', async () => {
    const { statement, dir, bundle } = await setup()
    const root = join(dir, 'trusted_root.json')
    writeFileSync(
      root,
      JSON.stringify({ mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1', tlogs: [] })
    )
    expect(verifyEvidenceBundle(statement, bundle, root, null)).toEqual({
      unusable: null,
      problems: [
        'the bundle is signed with a key (publicKey hint), not a Sigstore certificate: give --trust-root the public key (PEM) it was signed with'
      ],
      signer: null
    })
  })

  it('a certificate-signed bundle: the trusted root, the identity asked for, and offline a timestamp', async () => {
    const { statement, dir, pem } = await setup()
    const identity =
      'https://github.com/acme/consumer/.github/workflows/baseline-rollback.yml@refs/heads/main'
    const ca = localCertificateAuthority(dir, identity)
    const bundle = join(dir, 'cert.json')
    writeFileSync(
      bundle,
      JSON.stringify({
        ...dsseBundle(readFileSync(statement), ca.leafKey),
        verificationMaterial: ca.material
      })
    )
    expect(verifyEvidenceBundle(statement, bundle, pem, null).problems).toEqual([
      expect.stringMatching(/^the bundle is signed with a certificate \(keyless Sigstore\), not a key/)
    ])
    expect(verifyEvidenceBundle(statement, bundle, ca.trustedRoot, null).problems).toEqual([
      expect.stringMatching(/^a certificate-signed bundle needs --cert-identity/)
    ])
    expect(
      verifyEvidenceBundle(statement, bundle, ca.trustedRoot, {
        identity: { exact: identity },
        issuer: GITHUB_ACTIONS_ISSUER
      })
    ).toEqual({
      unusable: null,
      problems: [
        expect.stringMatching(
          /^the signature does not verify against the trusted root given: the bundle has no timestamp the trust root vouches for/
        )
      ],
      signer: null
    })
  })
})

describe('the signer of a certificate-signed bundle (timestamped, so the identity is reached offline)', () => {
  const WORKFLOW = 'https://github.com/acme/app/.github/workflows/baseline-rollback.yml'
  const exact = (identity: string, issuer = GITHUB_ACTIONS_ISSUER): SignerPolicy => ({
    identity: { exact: identity },
    issuer
  })

  async function signed(identity: string, issuer = GITHUB_ACTIONS_ISSUER) {
    const { statement } = await setup()
    return { statement, ...timestampedBundle(tempDir('bg-tsa-'), readFileSync(statement), identity, issuer) }
  }

  it('verifies with the exact identity and GitHub Actions as the issuer', async () => {
    const b = await signed(`${WORKFLOW}@refs/heads/main`)
    expect(
      verifyEvidenceBundle(b.statement, b.bundle, b.trustedRoot, exact(`${WORKFLOW}@refs/heads/main`))
    ).toEqual({
      unusable: null,
      problems: [],
      signer: `${WORKFLOW}@refs/heads/main`
    })
  })

  it('--cert-identity is exact: a longer branch name, or a dot standing for any character, is another identity', async () => {
    const evil = await signed(`${WORKFLOW}@refs/heads/main-evil`)
    const v = verifyEvidenceBundle(
      evil.statement,
      evil.bundle,
      evil.trustedRoot,
      exact(`${WORKFLOW}@refs/heads/main`)
    )
    expect([v.signer, v.problems]).toEqual([null, [expect.stringMatching(/identity/)]])
    const dots = await signed(
      'https://github.com/acme/app/.github/workflows/baseline-rollbackXyml@refs/heads/main'
    )
    expect(
      verifyEvidenceBundle(
        dots.statement,
        dots.bundle,
        dots.trustedRoot,
        exact(`${WORKFLOW}@refs/heads/main`)
      ).signer
    ).toBeNull()
  })

  it('--cert-identity-regex must match the whole identity (anchored at both ends)', async () => {
    const queue = await signed(`${WORKFLOW}@refs/heads/gh-readonly-queue/main/pr-7-abc`)
    const pattern = (p: string): SignerPolicy => ({ identity: { pattern: p }, issuer: GITHUB_ACTIONS_ISSUER })
    const escaped = WORKFLOW.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    expect(
      verifyEvidenceBundle(
        queue.statement,
        queue.bundle,
        queue.trustedRoot,
        pattern(`${escaped}@refs/heads/gh-readonly-queue/main/.+`)
      ).signer
    ).toBe(`${WORKFLOW}@refs/heads/gh-readonly-queue/main/pr-7-abc`)
    // a prefix is not enough: the pattern is anchored at its end as well, and the refusal names the option given
    const prefix = verifyEvidenceBundle(
      queue.statement,
      queue.bundle,
      queue.trustedRoot,
      pattern(`${escaped}@refs/heads/gh-readonly-queue`)
    )
    expect(prefix.signer).toBeNull()
    expect(prefix.problems.join('\n')).toContain('does not match the --cert-identity-regex given')
    expect(prefix.problems.join('\n')).not.toContain('is not the --cert-identity given')
  })

  it("the pattern the promotion workflow's comment gives verifies a genuine merge-queue bundle (found by review: it could not)", async () => {
    const yml = readFileSync(join(REPO_ROOT, '.github/workflows/baseline-promotion.yml'), 'utf8')
    const given = /--cert-identity-regex\n\s*# '([^']+)'/.exec(yml)![1]!
    const queue = await signed(
      `https://github.com/OWNER/REPO/.github/workflows/baseline-promotion.yml@refs/heads/gh-readonly-queue/main/pr-7-abc`
    )
    const v = verifyEvidenceBundle(queue.statement, queue.bundle, queue.trustedRoot, {
      identity: { pattern: given },
      issuer: GITHUB_ACTIONS_ISSUER
    })
    expect(v.problems).toEqual([])
  })

  it('the issuer is checked: a certificate from another OIDC issuer does not verify', async () => {
    const other = await signed(`${WORKFLOW}@refs/heads/main`, 'https://accounts.example')
    const v = verifyEvidenceBundle(
      other.statement,
      other.bundle,
      other.trustedRoot,
      exact(`${WORKFLOW}@refs/heads/main`)
    )
    expect([v.signer, v.problems.length]).toEqual([null, 1])
    expect(
      verifyEvidenceBundle(
        other.statement,
        other.bundle,
        other.trustedRoot,
        exact(`${WORKFLOW}@refs/heads/main`, 'https://accounts.example')
      ).signer
    ).toBe(`${WORKFLOW}@refs/heads/main`)
  })
})

describe('prepareBundle: the bundle and the trust root, before anything is verified', () => {
  it('names every file that cannot be used, not only the first', async () => {
    const { dir } = await setup()
    expect(prepareBundle(join(dir, 'gone.json'), join(dir, 'gone.pem'), null)).toEqual({
      unusable: [
        `--trust-root ${join(dir, 'gone.pem')}: cannot be read (missing)`,
        `--bundle ${join(dir, 'gone.json')}: cannot be read (missing)`
      ]
    })
  })

  it('--cert-identity with a public key: a usage error, the option applies to a trusted_root.json', async () => {
    const { pem, bundle } = await setup()
    const p = prepareBundle(bundle, pem, { identity: { exact: 'https://x' }, issuer: GITHUB_ACTIONS_ISSUER })
    expect(p).toEqual({
      unusable: [
        expect.stringMatching(
          /^--cert-identity applies to a trusted_root\.json: --trust-root \S+key\.pem is a public key, which has no identity; leave --cert-identity out/
        )
      ]
    })
    expect('prepared' in prepareBundle(bundle, pem, null)).toBe(true)
  })
})
