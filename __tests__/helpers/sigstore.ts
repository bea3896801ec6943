// Sigstore bundles made here, for the offline verification tests: a DSSE envelope signed with a local key (PAE as
// the DSSE spec defines it) in a bundle v0.3, and a certificate authority of our own (openssl) with a leaf
// certificate for a workflow identity, as a trusted_root.json would name a Fulcio instance.
import { execFileSync } from 'node:child_process'
import { createPrivateKey, sign, X509Certificate } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const IN_TOTO = 'application/vnd.in-toto+json'

/** DSSE's pre-authentication encoding: what the signature is over. */
export function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8')
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'utf8'),
    type,
    Buffer.from(` ${payload.length} `, 'utf8'),
    payload
  ])
}

/**
 * A bundle v0.3 of a DSSE envelope of `payload`, signed by `key` over `signed` (default: the payload itself), with a
 * publicKey hint and no log entry or timestamp.
 */
export function dsseBundle(
  payload: Buffer,
  key: KeyObject,
  options: { signed?: Buffer; payloadType?: string } = {}
): Record<string, unknown> {
  const payloadType = options.payloadType ?? IN_TOTO
  const sig = sign('sha256', pae(payloadType, options.signed ?? payload), key)
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: {
      publicKey: { hint: 'baseline-gate-test-key' },
      tlogEntries: [],
      timestampVerificationData: { rfc3161Timestamps: [] }
    },
    dsseEnvelope: {
      payload: payload.toString('base64'),
      payloadType,
      signatures: [{ sig: sig.toString('base64'), keyid: '' }]
    }
  }
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes']

function openssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
}

/** A self-signed certificate authority `<name>.pem` / `<name>.key` in `dir`. */
function selfSignedAuthority(dir: string, name: string, commonName: string): void {
  const ca = ['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign']
  openssl(
    dir,
    'req',
    '-x509',
    ...EC,
    ...ca,
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.pem`,
    '-subj',
    `/CN=${commonName}`,
    '-days',
    '2'
  )
}

/** A certificate `<name>.pem` (and its key) issued by the authority `<caName>` with the extensions `ext`. */
function issued(dir: string, name: string, ext: string, caName: string): void {
  openssl(dir, 'req', '-new', ...EC, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`)
  writeFileSync(join(dir, `${name}.ext`), ext)
  openssl(
    dir,
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${caName}.pem`,
    '-CAkey',
    `${caName}.key`,
    '-CAcreateserial',
    '-out',
    `${name}.pem`,
    '-extfile',
    `${name}.ext`,
    '-days',
    '1'
  )
}

/** A code-signing leaf certificate's extensions for a workflow identity (SAN URI). */
const leafExtensions = (identity: string) =>
  `subjectAltName=URI:${identity}\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=codeSigning\n`

/** A certificate's DER, base64, as a trusted root and a bundle hold it. */
function derOf(dir: string, pem: string): string {
  return new X509Certificate(readFileSync(join(dir, pem))).raw.toString('base64')
}

/** A trusted_root.json in `dir` naming our CA (`ca.pem`) and, when given, our timestamp authority's chain. */
function writeTrustedRoot(dir: string, caName: string, tsaChain: string[] = []): string {
  const file = join(dir, 'trusted_root.json')
  const authority = (commonName: string, uri: string, pems: string[]) => ({
    subject: { organization: 'test', commonName },
    uri,
    certChain: { certificates: pems.map((pem) => ({ rawBytes: derOf(dir, pem) })) },
    validFor: { start: '2020-01-01T00:00:00Z' }
  })
  writeFileSync(
    file,
    JSON.stringify({
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: [],
      ctlogs: [],
      certificateAuthorities: [authority(caName, 'https://ca.invalid', ['ca.pem'])],
      timestampAuthorities:
        tsaChain.length > 0 ? [authority('test-tsa', 'https://tsa.invalid', tsaChain)] : []
    })
  )
  return file
}

/**
 * In `dir`: a certificate authority (trusted_root.json naming it, no logs, no timestamp authority) and a leaf
 * certificate for `identity` (its SAN URI, code signing) with its key. Needs openssl.
 */
export function localCertificateAuthority(dir: string, identity: string) {
  selfSignedAuthority(dir, 'ca', 'test-ca')
  issued(dir, 'leaf', leafExtensions(identity), 'ca')
  const der = (pem: string) => derOf(dir, pem)
  const trustedRoot = writeTrustedRoot(dir, 'test-ca')
  return {
    trustedRoot,
    leafKey: createPrivateKey(readFileSync(join(dir, 'leaf.key'))),
    /** The bundle's verification material: the leaf certificate, no log entry, no timestamp. */
    material: {
      certificate: { rawBytes: der('leaf.pem') },
      tlogEntries: [],
      timestampVerificationData: { rfc3161Timestamps: [] }
    }
  }
}

/**
 * In `dir`: a certificate authority and a timestamp authority of our own (openssl) in a trusted_root.json, and a
 * bundle v0.3 of `payload` signed by a leaf certificate for `identity` (SAN URI) from OIDC `issuer` (Fulcio's
 * issuer extension), with an RFC 3161 timestamp of the signature: what verifies offline end to end, so that the
 * identity and issuer checks are reached. Needs openssl.
 */
export function timestampedBundle(dir: string, payload: Buffer, identity: string, issuer: string) {
  selfSignedAuthority(dir, 'ca', 'test-fulcio')
  selfSignedAuthority(dir, 'tsaca', 'test-tsa-root')
  // Fulcio's issuer extension (v1): the issuer's URL as raw bytes
  const issuerHex = Buffer.from(issuer, 'utf8').toString('hex')
  issued(
    dir,
    'leaf',
    `${leafExtensions(identity)}1.3.6.1.4.1.57264.1.1=DER:${issuerHex.match(/../g)!.join(':')}\n`,
    'ca'
  )
  issued(dir, 'tsa', 'keyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n', 'tsaca')
  const signature = sign(
    'sha256',
    pae(IN_TOTO, payload),
    createPrivateKey(readFileSync(join(dir, 'leaf.key')))
  )
  writeFileSync(join(dir, 'signature.bin'), signature)
  openssl(dir, 'ts', '-query', '-data', 'signature.bin', '-sha256', '-cert', '-out', 'request.tsq')
  writeFileSync(join(dir, 'tsaserial'), '01\n')
  writeFileSync(
    join(dir, 'tsa.cnf'),
    [
      '[ tsa ]',
      'default_tsa = tsa1',
      '[ tsa1 ]',
      `serial = ${join(dir, 'tsaserial')}`,
      `signer_cert = ${join(dir, 'tsa.pem')}`,
      `certs = ${join(dir, 'tsaca.pem')}`,
      `signer_key = ${join(dir, 'tsa.key')}`,
      'signer_digest = sha256',
      'default_policy = 1.2.3.4.1',
      'digests = sha256',
      'accuracy = secs:1',
      'ess_cert_id_alg = sha256',
      ''
    ].join('\n')
  )
  openssl(dir, 'ts', '-reply', '-config', 'tsa.cnf', '-queryfile', 'request.tsq', '-out', 'token.der')
  const der = (pem: string) => derOf(dir, pem)
  const trustedRoot = writeTrustedRoot(dir, 'test-fulcio', ['tsa.pem', 'tsaca.pem'])
  const bundle = join(dir, 'bundle.json')
  writeFileSync(
    bundle,
    JSON.stringify({
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: {
        certificate: { rawBytes: der('leaf.pem') },
        tlogEntries: [],
        timestampVerificationData: {
          rfc3161Timestamps: [{ signedTimestamp: readFileSync(join(dir, 'token.der')).toString('base64') }]
        }
      },
      dsseEnvelope: {
        payload: payload.toString('base64'),
        payloadType: IN_TOTO,
        signatures: [{ sig: signature.toString('base64'), keyid: '' }]
      }
    })
  )
  return { trustedRoot, bundle }
}
