// A Sigstore bundle of an evidence statement, verified offline: nothing is fetched (no Rekor, no Fulcio, no TUF).
// What is checked: the bundle's DSSE payload is the statement (same type, predicate type and predicate, the same
// subject digests), and its signature verifies against the trust root given:
// - a public key (PEM): a key-signed bundle (publicKey hint); the signature only, no log or timestamp is required;
// - a Sigstore trusted_root.json: the certificate chains to a CA of the root, the signature, the identity (SAN)
//   asked for, and whatever the root can vouch for offline: the transparency-log entry (inclusion proof and signed
//   checkpoint or promise, against the log's key) when the root has logs, the certificate's SCT when it has CT
//   logs, one timestamp (log or TSA) inside the certificate's validity.
// Not checked: revocation, a log's current state (no online inclusion), freshness of the trust root itself.
import { createPublicKey } from 'node:crypto'
import { isDeepStrictEqual } from 'node:util'
import { bundleFromJSON } from '@sigstore/bundle'
import type { Bundle } from '@sigstore/bundle'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify'
import type { VerificationPolicy, VerifierOptions } from '@sigstore/verify'
import { IN_TOTO_PAYLOAD_TYPE } from './statement.js'
import type { EvidenceStatement } from './statement.js'
import type { SignerPolicy } from './signer-policy.js'

export type TrustRoot = { kind: 'public-key'; pem: string } | { kind: 'trusted-root'; root: TrustedRoot }

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The library's policy: @sigstore/verify matches the SAN as an unanchored regular expression (so an identity
 * `…@refs/heads/main` would also accept `…@refs/heads/main-evil`, and its dots any character); ours is anchored,
 * the exact identity escaped.
 */
function libraryPolicy(signer: SignerPolicy): VerificationPolicy {
  const pattern = 'exact' in signer.identity ? escapeRegExp(signer.identity.exact) : signer.identity.pattern
  return { subjectAlternativeName: `^(?:${pattern})$`, extensions: { issuer: signer.issuer } }
}

export interface BundleVerification {
  /** Every reason the bundle does not vouch for the statement; empty when it does. */
  problems: string[]
  /** Who signed: the certificate's identity, or "public key" for a key-signed bundle; null when unverified. */
  signer: string | null
}

/** A trust root from its text: a PEM public key, or a trusted_root.json; a string says why it is neither. */
export function parseTrustRoot(text: string): TrustRoot | string {
  if (text.includes('-----BEGIN PUBLIC KEY-----')) {
    try {
      createPublicKey(text)
      return { kind: 'public-key', pem: text }
    } catch (e) {
      return `not a usable public key (PEM): ${(e as Error).message}`
    }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    const lines = text.split('\n').filter((l) => l.trim() !== '')
    if (lines.length > 1 && lines.every((l) => l.trim().startsWith('{')))
      return 'JSON Lines (as gh attestation trusted-root prints them), not one trusted_root.json: keep the line of the Sigstore instance that signed the bundle (public-good for a public repository, GitHub for a private one)'
    return 'neither a public key (PEM, -----BEGIN PUBLIC KEY-----) nor a Sigstore trusted_root.json'
  }
  const obj = json as Record<string, unknown> | null
  if (
    !obj ||
    typeof obj !== 'object' ||
    !(
      String(obj.mediaType ?? '').startsWith('application/vnd.dev.sigstore.trustedroot') ||
      Array.isArray(obj.certificateAuthorities) ||
      Array.isArray(obj.tlogs)
    )
  )
    return 'JSON, but not a Sigstore trusted_root.json (no mediaType application/vnd.dev.sigstore.trustedroot…, no certificateAuthorities or tlogs)'
  try {
    const root = TrustedRoot.fromJSON(json)
    // its keys and certificates decoded now: one the library cannot read fails here, as a file that cannot be
    // used, not after the evidence's verdict was printed
    toTrustMaterial(root)
    return { kind: 'trusted-root', root }
  } catch (e) {
    return `not a valid trusted_root.json: ${(e as Error).message}`
  }
}

/** The bundle from its JSON; a string says why it is not a Sigstore bundle. */
export function parseBundle(json: unknown): Bundle | string {
  try {
    return bundleFromJSON(json)
  } catch (e) {
    return `not a Sigstore bundle: ${(e as Error).message}`
  }
}

/**
 * Whether `bundle` signs `statement`, verified against `trust` without the network.
 * @param signer who must have signed a certificate-signed bundle
 */
export function verifyStatementBundle(
  statement: EvidenceStatement,
  bundle: Bundle,
  trust: TrustRoot,
  signer: SignerPolicy | null
): BundleVerification {
  const problems: string[] = []
  if (bundle.content.$case !== 'dsseEnvelope') {
    return {
      problems: [
        'the bundle signs a message digest, not a DSSE envelope: attest the statement (actions/attest with predicate-type and predicate-path), do not sign the file'
      ],
      signer: null
    }
  }
  const envelope = bundle.content.dsseEnvelope
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    problems.push(
      `the DSSE payload type is ${envelope.payloadType}, not ${IN_TOTO_PAYLOAD_TYPE} (an in-toto statement)`
    )
  else problems.push(...payloadProblems(statement, Buffer.from(envelope.payload)))

  const certificateSigned = bundle.verificationMaterial.content.$case !== 'publicKey'
  if (trust.kind === 'public-key' && certificateSigned) {
    problems.push(
      'the bundle is signed with a certificate (keyless Sigstore), not a key: give --trust-root the Sigstore trusted_root.json and --cert-identity'
    )
    return { problems, signer: null }
  }
  if (trust.kind === 'trusted-root' && !certificateSigned) {
    problems.push(
      'the bundle is signed with a key (publicKey hint), not a Sigstore certificate: give --trust-root the public key (PEM) it was signed with'
    )
    return { problems, signer: null }
  }
  if (trust.kind === 'trusted-root' && certificateSigned && signer === null) {
    problems.push(
      'a certificate-signed bundle needs --cert-identity (or --cert-identity-regex): the workflow identity (SAN) that must have signed it, else anyone with a Sigstore certificate could have'
    )
    return { problems, signer: null }
  }
  const checked = verifySignature(bundle, trust, signer)
  if ('problem' in checked) problems.push(checked.problem)
  return { problems, signer: 'signer' in checked ? checked.signer : null }
}

/** The signature checks: who signed, or why it does not verify. */
function verifySignature(
  bundle: Bundle,
  trust: TrustRoot,
  signer: SignerPolicy | null
): { signer: string } | { problem: string } {
  let verifier: Verifier
  if (trust.kind === 'public-key') {
    const publicKey = createPublicKey(trust.pem)
    const material = toTrustMaterial(TrustedRoot.fromJSON({}), () => ({ publicKey, validFor: () => true }))
    // a key-signed bundle carries no certificate, and offline nothing needs a log entry or a timestamp
    verifier = new Verifier(material, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 })
  } else {
    const root = trust.root
    const options: VerifierOptions = {
      tlogThreshold: root.tlogs.length > 0 ? 1 : 0,
      ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0,
      timestampThreshold: 1
    }
    verifier = new Verifier(toTrustMaterial(root), options)
  }
  const policy = signer ? libraryPolicy(signer) : undefined
  try {
    const signed = verifier.verify(toSignedEntity(bundle), policy)
    const san = signed.identity?.subjectAlternativeName
    // held to the exact identity here as well, whatever the library makes of the pattern
    if (signer && 'exact' in signer.identity && san !== signer.identity.exact)
      return {
        problem: `the signing certificate's identity ${san ?? '(none)'} is not the --cert-identity given: check the workflow file and ref it names`
      }
    return { signer: san ?? 'public key' }
  } catch (e) {
    const err = e as Error & { code?: string }
    const what = trust.kind === 'public-key' ? 'the public key given' : 'the trusted root given'
    const option = signer && !('exact' in signer.identity) ? '--cert-identity-regex' : '--cert-identity'
    return {
      problem: `the signature does not verify against ${what}: ${hintFor(err.code, err.message, option)}`
    }
  }
}

/** The signed payload against the statement: the same statement, subject names aside. */
function payloadProblems(statement: EvidenceStatement, payload: Buffer): string[] {
  let signed: Record<string, unknown>
  try {
    signed = JSON.parse(payload.toString('utf8')) as Record<string, unknown>
  } catch {
    return ['the DSSE payload is not JSON: it is not an in-toto statement']
  }
  if (!signed || typeof signed !== 'object') return ['the DSSE payload is not an in-toto statement']
  const problems: string[] = []
  if (signed._type !== statement._type)
    problems.push(`the signed statement's _type is ${String(signed._type)}, not ${statement._type}`)
  if (signed.predicateType !== statement.predicateType)
    problems.push(
      `the signed statement's predicate type is ${String(signed.predicateType)}, not ${statement.predicateType}: the bundle attests something else`
    )
  else if (!isDeepStrictEqual(signed.predicate, JSON.parse(JSON.stringify(statement.predicate))))
    problems.push(
      'the signed predicate is not this packet: the bundle attests another run (or the packet was changed after signing)'
    )
  problems.push(...subjectProblems(statement, signed.subject))
  return problems
}

/**
 * Subject digests, not names: actions/attest names a file subject by its base name. Every sha256 subject of each
 * side is one of the other's; a gitCommit subject, if signed, is the statement's commit (actions/attest cannot sign
 * one from subject-path; the predicate binds the commit all the same).
 */
function subjectProblems(statement: EvidenceStatement, signedSubjects: unknown): string[] {
  if (!Array.isArray(signedSubjects)) return ['the signed statement has no subject list']
  const digests = (subjects: unknown[], algorithm: string) =>
    new Set(
      subjects
        .map((s) => (s as { digest?: Record<string, unknown> } | null)?.digest?.[algorithm])
        .filter((d): d is string => typeof d === 'string')
    )
  const mine = digests(statement.subject, 'sha256')
  const signed = digests(signedSubjects, 'sha256')
  const problems: string[] = []
  for (const s of statement.subject) {
    if ('sha256' in s.digest && !signed.has(s.digest.sha256))
      problems.push(`subject ${s.name}: the bundle signs no subject with sha256 ${s.digest.sha256}`)
  }
  for (const d of signed) {
    if (!mine.has(d))
      problems.push(`the bundle signs a subject sha256 ${d} that is none of the statement's subjects`)
  }
  const myCommits = digests(statement.subject, 'gitCommit')
  for (const c of digests(signedSubjects, 'gitCommit')) {
    if (!myCommits.has(c))
      problems.push(`the bundle signs commit ${c}, the statement's commit subject is another`)
  }
  return problems
}

/**
 * What a failure of the Sigstore verifier means here, by its error code, as a sentence with what to do: never the
 * library's code or its message (which reads "got undefined" when a certificate has no identity).
 */
export function hintFor(code: string | undefined, message = '', option = '--cert-identity'): string {
  if (code === 'UNTRUSTED_SIGNER_ERROR') {
    const got = /got (\S+)$/.exec(message)?.[1]
    const signer = got && got !== 'undefined' ? `, it names ${got}` : ''
    // the option the user gave, named as given (found by review: a pattern was called an identity)
    const what =
      option === '--cert-identity-regex'
        ? 'does not match the --cert-identity-regex given'
        : 'is not the --cert-identity given'
    return `the signing certificate's identity ${what}${signer}: check the workflow file and ref ${option} names${option === '--cert-identity-regex' ? ' (the pattern must match the whole identity)' : ''}`
  }
  if (code === 'SIGNATURE_ERROR')
    return 'the bundle was signed by another key, or its payload was changed after signing'
  if (code === 'TIMESTAMP_ERROR')
    return 'the bundle has no timestamp the trust root vouches for (a transparency-log entry or a TSA timestamp), so the short-lived certificate cannot be checked offline: give the trusted_root.json of the Sigstore instance that signed it (gh attestation trusted-root)'
  if (code?.startsWith('TLOG'))
    return "the bundle's transparency-log entry does not verify against the logs of the trust root: give the trusted_root.json of the instance that signed it"
  if (code === 'CERTIFICATE_ERROR')
    return 'the signing certificate does not chain to a certificate authority of the trust root (or was not valid when it signed): give the trusted_root.json of the instance that signed it'
  if (code === 'PUBLIC_KEY_ERROR')
    return 'the trust root has no key for this key-signed bundle: give the public key (PEM) it was signed with'
  return 'the bundle was signed by another key or identity, or the statement was changed after signing'
}
