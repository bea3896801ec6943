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

/**
 * In `dir`: a certificate authority (trusted_root.json naming it, no logs, no timestamp authority) and a leaf
 * certificate for `identity` (its SAN URI, code signing) with its key. Needs openssl.
 */
export function localCertificateAuthority(dir: string, identity: string) {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes']
  openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=test-ca', '-days', '2')
  openssl('req', '-new', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=leaf')
  writeFileSync(
    join(dir, 'leaf.ext'),
    `subjectAltName=URI:${identity}\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=codeSigning\n`
  )
  openssl(
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'leaf.pem'
  )
  const der = (pem: string) => new X509Certificate(readFileSync(join(dir, pem))).raw.toString('base64')
  const trustedRoot = join(dir, 'trusted_root.json')
  writeFileSync(
    trustedRoot,
    JSON.stringify({
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: [],
      ctlogs: [],
      timestampAuthorities: [],
      certificateAuthorities: [
        {
          subject: { organization: 'test', commonName: 'test-ca' },
          uri: 'https://ca.invalid',
          certChain: { certificates: [{ rawBytes: der('ca.pem') }] },
          validFor: { start: '2020-01-01T00:00:00Z' }
        }
      ]
    })
  )
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
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes']
  const ca = ['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign']
  openssl(
    'req',
    '-x509',
    ...ec,
    ...ca,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-subj',
    '/CN=test-fulcio',
    '-days',
    '2'
  )
  openssl(
    'req',
    '-x509',
    ...ec,
    ...ca,
    '-keyout',
    'tsaca.key',
    '-out',
    'tsaca.pem',
    '-subj',
    '/CN=test-tsa-root',
    '-days',
    '2'
  )
  const issued = (name: string, ext: string, caName: string) => {
    openssl('req', '-new', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`)
    writeFileSync(join(dir, `${name}.ext`), ext)
    openssl(
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
  // Fulcio's issuer extension (v1): the issuer's URL as raw bytes
  const issuerHex = Buffer.from(issuer, 'utf8').toString('hex')
  issued(
    'leaf',
    `subjectAltName=URI:${identity}\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=codeSigning\n` +
      `1.3.6.1.4.1.57264.1.1=DER:${issuerHex.match(/../g)!.join(':')}\n`,
    'ca'
  )
  issued('tsa', 'keyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n', 'tsaca')
  const signature = sign(
    'sha256',
    pae(IN_TOTO, payload),
    createPrivateKey(readFileSync(join(dir, 'leaf.key')))
  )
  writeFileSync(join(dir, 'signature.bin'), signature)
  openssl('ts', '-query', '-data', 'signature.bin', '-sha256', '-cert', '-out', 'request.tsq')
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
  openssl('ts', '-reply', '-config', 'tsa.cnf', '-queryfile', 'request.tsq', '-out', 'token.der')
  const der = (pem: string) => new X509Certificate(readFileSync(join(dir, pem))).raw.toString('base64')
  const trustedRoot = join(dir, 'trusted_root.json')
  writeFileSync(
    trustedRoot,
    JSON.stringify({
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: [],
      ctlogs: [],
      certificateAuthorities: [
        {
          subject: { organization: 'test', commonName: 'test-fulcio' },
          uri: 'https://ca.invalid',
          certChain: { certificates: [{ rawBytes: der('ca.pem') }] },
          validFor: { start: '2020-01-01T00:00:00Z' }
        }
      ],
      timestampAuthorities: [
        {
          subject: { organization: 'test', commonName: 'test-tsa' },
          uri: 'https://tsa.invalid',
          certChain: { certificates: [{ rawBytes: der('tsa.pem') }, { rawBytes: der('tsaca.pem') }] },
          validFor: { start: '2020-01-01T00:00:00Z' }
        }
      ]
    })
  )
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
