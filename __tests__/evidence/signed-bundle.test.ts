// The offline verification of a Sigstore bundle of an evidence statement (src/evidence/signed-bundle.ts), in
// process: what a trust root may be, and the bundles that cannot vouch for a statement whatever their signature.
// The signed round trips run through the built command line in __tests__/acceptance/verify-statement.test.ts.
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import {
  hintFor,
  parseBundle,
  parseTrustRoot,
  verifyStatementBundle
} from '../../src/evidence/signed-bundle.js'
import type { TrustRoot } from '../../src/evidence/signed-bundle.js'
import { PREDICATE_TYPE, STATEMENT_TYPE } from '../../src/evidence/statement.js'
import type { EvidenceStatement } from '../../src/evidence/statement.js'
import { dsseBundle } from '../helpers/sigstore.js'

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString()
const KEY: TrustRoot = { kind: 'public-key', pem: PEM }
const statement = {
  _type: STATEMENT_TYPE,
  subject: [{ name: 'config/pin.json', digest: { sha256: 'a'.repeat(64) } }],
  predicateType: PREDICATE_TYPE,
  predicate: { schema: 'evidence-packet.v1' }
} as unknown as EvidenceStatement

const dsse = (payloadType: string, payload: Buffer) => dsseBundle(payload, privateKey, { payloadType })

describe('parseTrustRoot', () => {
  it('a PEM public key, or a trusted_root.json', () => {
    expect(parseTrustRoot(PEM)).toEqual(KEY)
    const root = parseTrustRoot(
      JSON.stringify({ mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1', tlogs: [] })
    )
    expect(typeof root === 'object' && root.kind).toBe('trusted-root')
  })

  it('says why anything else is neither', () => {
    expect(parseTrustRoot('-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----\n')).toMatch(
      /^not a usable public key \(PEM\)/
    )
    expect(parseTrustRoot('hello')).toBe(
      'neither a public key (PEM, -----BEGIN PUBLIC KEY-----) nor a Sigstore trusted_root.json'
    )
    expect(parseTrustRoot('{"tlogs": []}\n{"tlogs": []}\n')).toMatch(
      /^JSON Lines \(as gh attestation trusted-root prints them\), not one trusted_root\.json: keep the line/
    )
    expect(parseTrustRoot('{"hello": 1}')).toMatch(/^JSON, but not a Sigstore trusted_root\.json/)
    // a certificate the library cannot decode: refused here, before any verdict, not when the bundle is verified
    const undecodable = parseTrustRoot(
      JSON.stringify({
        mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
        tlogs: [],
        ctlogs: [],
        timestampAuthorities: [],
        certificateAuthorities: [
          {
            subject: { organization: 'x', commonName: 'x' },
            uri: 'https://x.invalid',
            certChain: { certificates: [{ rawBytes: 'AAAA' }] },
            validFor: { start: '2020-01-01T00:00:00Z' }
          }
        ]
      })
    )
    expect(undecodable).toMatch(/^not a valid trusted_root\.json: /)
  })
})

describe('verifyStatementBundle', () => {
  it('verifies a bundle of exactly the statement', () => {
    const bundle = parseBundle(dsse('application/vnd.in-toto+json', Buffer.from(JSON.stringify(statement))))
    if (typeof bundle === 'string') throw new Error(bundle)
    expect(verifyStatementBundle(statement, bundle, KEY, null)).toEqual({
      problems: [],
      signer: 'public key'
    })
  })

  it('refuses a payload that is no in-toto statement, even when its signature verifies', () => {
    const other = parseBundle(dsse('text/plain', Buffer.from('hello')))
    if (typeof other === 'string') throw new Error(other)
    expect(verifyStatementBundle(statement, other, KEY, null)).toEqual({
      problems: [
        'the DSSE payload type is text/plain, not application/vnd.in-toto+json (an in-toto statement)'
      ],
      signer: 'public key'
    })
    const notJson = parseBundle(dsse('application/vnd.in-toto+json', Buffer.from('not json')))
    if (typeof notJson === 'string') throw new Error(notJson)
    expect(verifyStatementBundle(statement, notJson, KEY, null).problems).toEqual([
      'the DSSE payload is not JSON: it is not an in-toto statement'
    ])
  })

  it('refuses a bundle that signs a message digest instead of a statement, and a file that is no bundle', () => {
    const message = parseBundle({
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: { publicKey: { hint: 'k' }, tlogEntries: [] },
      messageSignature: {
        messageDigest: { algorithm: 'SHA2_256', digest: Buffer.alloc(32).toString('base64') },
        signature: Buffer.alloc(8).toString('base64')
      }
    })
    if (typeof message === 'string') throw new Error(message)
    expect(verifyStatementBundle(statement, message, KEY, null).problems).toEqual([
      expect.stringMatching(/^the bundle signs a message digest, not a DSSE envelope: attest the statement/)
    ])
    expect(parseBundle({ mediaType: 'x' })).toMatch(/^not a Sigstore bundle: /)
  })
})

describe('hintFor: what a Sigstore verifier failure means, as a sentence', () => {
  it('never passes on the library code or "got undefined"; names the signer the certificate has', () => {
    const codes = [
      'UNTRUSTED_SIGNER_ERROR',
      'SIGNATURE_ERROR',
      'TIMESTAMP_ERROR',
      'TLOG_INCLUSION_PROOF_ERROR',
      'CERTIFICATE_ERROR',
      'PUBLIC_KEY_ERROR',
      'NOT_IMPLEMENTED_ERROR',
      undefined
    ]
    for (const code of codes) {
      const text = hintFor(code, 'certificate identity error - expected https://x, got undefined')
      expect(text).not.toMatch(/[A-Z]{3,}_[A-Z_]+|undefined/)
      expect(text.length).toBeGreaterThan(40)
    }
    expect(
      hintFor('UNTRUSTED_SIGNER_ERROR', 'certificate identity error - expected https://x, got https://y')
    ).toBe(
      "the signing certificate's identity is not the --cert-identity given, it names https://y: check the workflow file and ref --cert-identity names"
    )
  })
})
