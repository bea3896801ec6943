// The evidence packet as an in-toto Statement v1: the packet is the predicate, the trio files and the judged commit
// are the subjects. Built by a pure function; written beside the packet as `<operation>-<baseline>.intoto.json`.
import type { EvidencePacket } from './packet.js'

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1'
/** The predicate type of an evidence packet: stable, versioned with the packet's schema (evidence-packet.v1). */
export const PREDICATE_TYPE = 'https://baseline-gate.dev/attestation/evidence-packet/v1'
/** The DSSE payload type of an in-toto Statement. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json'

/** A trio file (sha256 of its bytes) or the judged commit (the in-toto digest set's `gitCommit`). */
export interface StatementSubject {
  name: string
  digest: { sha256: string } | { gitCommit: string }
}

export interface EvidenceStatement {
  _type: typeof STATEMENT_TYPE
  subject: StatementSubject[]
  predicateType: typeof PREDICATE_TYPE
  predicate: EvidencePacket
}

/**
 * The commit the packet judged: a promotion's head, a replay's commit, else the run's commit (GITHUB_SHA, or HEAD
 * of a local run). Null when the run had none (a repository without commits).
 */
export function judgedCommit(packet: EvidencePacket): string | null {
  return packet.change?.head ?? packet.judged_at.commit ?? packet.git.commit
}

/** `git+<owner/name>@<sha>` in Actions, `git+local@<sha>` for a local run (no repository is known then). */
export function commitSubjectName(repository: string | null, commit: string): string {
  return `git+${repository ?? 'local'}@${commit}`
}

/** The statement of a packet: one subject per trio file that could be read, then the judged commit. */
export function buildStatement(packet: EvidencePacket): EvidenceStatement {
  const subject: StatementSubject[] = []
  const seen = new Set<string>()
  for (const file of [packet.trio.pin, packet.trio.manifest, packet.trio.matrix]) {
    if (file.sha256 === null || seen.has(file.path)) continue
    seen.add(file.path)
    subject.push({ name: file.path, digest: { sha256: file.sha256 } })
  }
  const commit = judgedCommit(packet)
  if (commit !== null)
    subject.push({ name: commitSubjectName(packet.git.repository, commit), digest: { gitCommit: commit } })
  return { _type: STATEMENT_TYPE, subject, predicateType: PREDICATE_TYPE, predicate: packet }
}

/** The statement's file name beside the packet's: `health-main.json` -> `health-main.intoto.json`. */
export function statementFileName(packetFile: string): string {
  return packetFile.replace(/\.json$/, '') + '.intoto.json'
}
