// verify-evidence --bundle: the Sigstore bundle of an evidence statement (or of the packet's statement), verified
// offline against a trust root (src/evidence/signed-bundle.ts says what is and is not checked). Loaded only by
// this command: the CLI bundles it, with the Sigstore libraries, as a file of its own.
import { parseJson } from '../document/json-document.js'
import { sourceFromBytes } from '../document/source-file.js'
import { readRepoFile } from '../fs/read.js'
import type { Bundle } from '@sigstore/bundle'
import { parseBundle, parseTrustRoot, verifyStatementBundle } from '../evidence/signed-bundle.js'
import type { TrustRoot } from '../evidence/signed-bundle.js'
import type { SignerPolicy } from '../evidence/signer-policy.js'
import { buildStatement } from '../evidence/statement.js'
import type { EvidenceStatement } from '../evidence/statement.js'
import type { EvidencePacket } from '../evidence/packet.js'
import { isStatementLike } from './verify-evidence.js'

export interface BundleResult {
  /** Why the bundle or the trust root cannot be used at all (exit 2): nothing was verified; one line a file. */
  unusable: string | null
  /** Why the bundle does not vouch for the statement (exit 1). */
  problems: string[]
  signer: string | null
}

/** The bundle and the trust root read, parsed and fit for each other's use: ready to verify. */
export interface PreparedBundle {
  bundle: Bundle
  trust: TrustRoot
  signer: SignerPolicy | null
}

/**
 * Read and parse --bundle and --trust-root before anything is verified, so that a file that cannot be used is
 * said before any verdict is printed: every unusable file, one line each.
 */
export function prepareBundle(
  bundleFile: string,
  trustRootFile: string,
  signer: SignerPolicy | null
): { prepared: PreparedBundle } | { unusable: string[] } {
  const unusable: string[] = []
  let trust: TrustRoot | null = null
  const trustText = readText(trustRootFile, '--trust-root')
  if (trustText.problem) unusable.push(trustText.problem)
  else {
    const parsed = parseTrustRoot(trustText.text)
    if (typeof parsed === 'string')
      unusable.push(
        `--trust-root ${trustRootFile}: ${parsed}; give the public key (PEM) the bundle was signed with, or the Sigstore trusted_root.json`
      )
    else if (parsed.kind === 'public-key' && signer !== null)
      unusable.push(
        `--cert-identity applies to a trusted_root.json: --trust-root ${trustRootFile} is a public key, which has no identity; ` +
          'leave --cert-identity out to check a key-signed bundle, or give --trust-root the Sigstore trusted_root.json'
      )
    else trust = parsed
  }
  let bundle: Bundle | null = null
  const bundleJson = readJson(bundleFile)
  if ('problem' in bundleJson) unusable.push(`--bundle ${bundleJson.problem}`)
  else {
    const parsed = parseBundle(bundleJson.value)
    if (typeof parsed === 'string')
      unusable.push(
        `--bundle ${bundleFile}: ${parsed}; give the bundle actions/attest wrote (its bundle-path output) or gh attestation download fetched`
      )
    else bundle = parsed
  }
  if (unusable.length > 0 || !bundle || !trust) return { unusable }
  return { prepared: { bundle, trust, signer } }
}

/**
 * Whether the prepared bundle signs the evidence's statement.
 * @param evidence the statement (or packet) verify-evidence read and checked against its schema: the same value,
 * never a second read of the file, which could have been swapped in between
 */
export function verifyPreparedBundle(evidence: unknown, prepared: PreparedBundle): BundleResult {
  const statement = isStatementLike(evidence)
    ? (evidence as EvidenceStatement)
    : buildStatement(evidence as EvidencePacket)
  const v = verifyStatementBundle(statement, prepared.bundle, prepared.trust, prepared.signer)
  return { unusable: null, problems: v.problems, signer: v.signer }
}

/**
 * prepareBundle, then verifyPreparedBundle: the evidence file's statement against the bundle and the trust root.
 * @param evidenceFile the statement (or packet) verify-evidence already checked against its schema
 */
export function verifyEvidenceBundle(
  evidenceFile: string,
  bundleFile: string,
  trustRootFile: string,
  signer: SignerPolicy | null
): BundleResult {
  const p = prepareBundle(bundleFile, trustRootFile, signer)
  if ('unusable' in p) return { unusable: p.unusable.join('\n'), problems: [], signer: null }
  const evidence = readJson(evidenceFile)
  if ('problem' in evidence) return { unusable: evidence.problem, problems: [], signer: null }
  return verifyPreparedBundle(evidence.value, p.prepared)
}

function readText(
  file: string,
  option: string
): { text: string; problem: null } | { text: ''; problem: string } {
  const read = readRepoFile('/', file)
  if (read.kind !== 'ok')
    return { text: '', problem: `${option} ${file}: cannot be read (${read.kind.replace(/-/g, ' ')})` }
  return { text: read.bytes.toString('utf8'), problem: null }
}

/** A JSON file, or why not (file:line:column). */
function readJson(file: string): { value: unknown } | { problem: string } {
  const read = readRepoFile('/', file)
  if (read.kind !== 'ok') return { problem: `${file}: cannot be read (${read.kind.replace(/-/g, ' ')})` }
  const doc = parseJson(sourceFromBytes(file, read.bytes))
  const syntax = doc.syntaxErrors[0]
  if (syntax)
    return { problem: `${file}:${syntax.position.line}:${syntax.position.column}: ${syntax.message}` }
  return { value: doc.value }
}
