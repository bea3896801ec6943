// verify-evidence --bundle: the Sigstore bundle of an evidence statement (or of the packet's statement), verified
// offline against a trust root (src/evidence/signed-bundle.ts says what is and is not checked). Loaded only by
// this command: the CLI bundles it, with the Sigstore libraries, as a file of its own.
import { parseJson } from '../document/json-document.js'
import { sourceFromBytes } from '../document/source-file.js'
import { readRepoFile } from '../fs/read.js'
import { parseBundle, parseTrustRoot, verifyStatementBundle } from '../evidence/signed-bundle.js'
import { buildStatement } from '../evidence/statement.js'
import type { EvidenceStatement } from '../evidence/statement.js'
import type { EvidencePacket } from '../evidence/packet.js'
import { isStatementLike } from './verify-evidence.js'

export interface BundleResult {
  /** Why the bundle or the trust root cannot be used at all (exit 2): nothing was verified. */
  unusable: string | null
  /** Why the bundle does not vouch for the statement (exit 1). */
  problems: string[]
  signer: string | null
}

/**
 * @param evidenceFile the statement (or packet) verify-evidence already checked against its schema
 */
export function verifyEvidenceBundle(
  evidenceFile: string,
  bundleFile: string,
  trustRootFile: string,
  identity: string | null
): BundleResult {
  const unusable = (why: string): BundleResult => ({ unusable: why, problems: [], signer: null })
  const evidence = readJson(evidenceFile)
  if ('problem' in evidence) return unusable(evidence.problem)
  const statement = isStatementLike(evidence.value)
    ? (evidence.value as EvidenceStatement)
    : buildStatement(evidence.value as EvidencePacket)

  const trustText = readText(trustRootFile, '--trust-root')
  if (trustText.problem) return unusable(trustText.problem)
  const trust = parseTrustRoot(trustText.text)
  if (typeof trust === 'string')
    return unusable(
      `--trust-root ${trustRootFile}: ${trust}; give the public key (PEM) the bundle was signed with, or the Sigstore trusted_root.json`
    )

  const bundleJson = readJson(bundleFile)
  if ('problem' in bundleJson) return unusable(`--bundle ${bundleJson.problem}`)
  const bundle = parseBundle(bundleJson.value)
  if (typeof bundle === 'string')
    return unusable(
      `--bundle ${bundleFile}: ${bundle}; give the bundle actions/attest wrote (its bundle-path output) or gh attestation download fetched`
    )
  const v = verifyStatementBundle(statement, bundle, trust, identity)
  return { unusable: null, problems: v.problems, signer: v.signer }
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
