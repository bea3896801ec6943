// verify-evidence: recompute the digests an evidence packet records (the trio files against a checkout, the
// step logs against the files beside the packet) and say which ones do not match. An in-toto Statement of a packet
// (<operation>-<baseline>.intoto.json) is checked as well: its subjects against the predicate and the checkout,
// its commit subject against the judged commit and the repository, then the predicate as a packet.
import { dirname, join } from 'node:path'
import { sha256 } from '../fs/digest.js'
import { readRepoFile } from '../fs/read.js'
import { hasCommitSync } from '../git/git.js'
import { schemaFiles } from '../generated/validators.js'
import { validateEvidence, validateStatement } from '../generated/evidence-validators.js'
import { parseJson } from '../document/json-document.js'
import { validateDocument } from '../document/schema-errors.js'
import { sourceFromBytes } from '../document/source-file.js'
import type { EvidencePacket } from '../evidence/packet.js'
import { commitSubjectName, judgedCommit } from '../evidence/statement.js'
import type { EvidenceStatement } from '../evidence/statement.js'

export interface EvidenceVerification {
  /** Digests that were recomputed. */
  checked: number
  /** Every mismatch, and every reason the packet cannot be trusted as written. */
  problems: string[]
  /** True when the packet itself could not be read or is not an evidence packet (nothing could be checked). */
  unreadable: boolean
  /** The file is JSON but not an evidence-packet.v1: `problems` are its schema errors, one per place. */
  notPacket?: boolean
  /** The file is (or claims to be, with `_type`) an in-toto Statement of a packet, not a bare packet. */
  statement?: boolean
}

interface Packet {
  trio: Record<string, { path: string; sha256: string | null }>
  steps: { name: string; log_file?: string; log_sha256?: string }[]
}

export function verifyEvidence(root: string, packetFile: string): EvidenceVerification {
  const read = readRepoFile('/', packetFile)
  if (read.kind !== 'ok')
    return {
      checked: 0,
      problems: [`${packetFile}: cannot be read (${read.kind.replace(/-/g, ' ')})`],
      unreadable: true
    }
  const doc = parseJson(sourceFromBytes(packetFile, read.bytes))
  const syntax = doc.syntaxErrors[0]
  if (syntax) {
    return {
      checked: 0,
      problems: [`${packetFile}:${syntax.position.line}:${syntax.position.column}: ${syntax.message}`],
      unreadable: true
    }
  }
  const statement = isStatementLike(doc.value)
  const schema = statement
    ? validateDocument(doc, validateStatement, schemaFiles.validateStatement)
    : validateDocument(doc, validateEvidence, schemaFiles.validateEvidence)
  if (schema.length > 0) {
    return {
      checked: 0,
      problems: schema.map((p) => `${packetFile}:${p.position.line}:${p.position.column}: ${p.message}`),
      unreadable: true,
      notPacket: true,
      ...(statement ? { statement: true } : {})
    }
  }
  if (!statement) return checkPacket(root, packetFile, doc.value as Packet)
  const s = doc.value as EvidenceStatement
  const subjects = checkSubjects(root, s)
  const packet = checkPacket(root, packetFile, s.predicate as unknown as Packet)
  return {
    checked: subjects.checked + packet.checked,
    problems: [...subjects.problems, ...packet.problems],
    unreadable: false,
    statement: true
  }
}

/** A JSON object with `_type`: meant as an in-toto Statement (its schema errors say what is wrong with it). */
export function isStatementLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && '_type' in value
}

/** The packet's own digests: the trio files against the checkout, the step logs against the files beside it. */
function checkPacket(root: string, packetFile: string, packet: Packet): EvidenceVerification {
  const problems: string[] = []
  let checked = 0
  for (const [role, digest] of Object.entries(packet.trio)) {
    checked++
    const file = readRepoFile(root, digest.path)
    const actual = file.kind === 'ok' ? sha256(file.bytes) : null
    if (actual !== digest.sha256) {
      const was = digest.sha256 ?? 'no file'
      const now = actual ?? `no readable file (${file.kind.replace(/-/g, ' ')})`
      problems.push(`${digest.path} (${role}): the packet records ${was}, the checkout has ${now}`)
    }
  }
  for (const step of packet.steps) {
    if (!step.log_file || !step.log_sha256) continue
    checked++
    const log = readRepoFile('/', join(dirname(packetFile), step.log_file))
    const actual = log.kind === 'ok' ? sha256(log.bytes) : null
    if (actual !== step.log_sha256) {
      problems.push(
        `log of step "${step.name}" (${step.log_file}): the packet records ${step.log_sha256}, the file has ${actual ?? 'gone missing'}`
      )
    }
  }
  return { checked, problems, unreadable: false }
}

/**
 * The statement's subjects against its predicate and the checkout: each file subject is a trio file of the packet
 * with the packet's digest (which the packet's check recomputes from the checkout); every trio file the packet read
 * is a subject; the commit subject is the commit the packet judged, and the checkout's repository has it.
 */
function checkSubjects(root: string, s: EvidenceStatement): { checked: number; problems: string[] } {
  const packet = s.predicate as EvidencePacket
  const problems: string[] = []
  let checked = 0
  const trio = Object.entries(packet.trio)
  const fileSubjects = new Set<string>()
  let commitSubject: { name: string; sha: string } | null = null
  for (const subject of s.subject) {
    if ('gitCommit' in subject.digest) {
      if (commitSubject)
        problems.push(`subject ${subject.name}: a second commit subject; a statement judges one commit`)
      commitSubject = { name: subject.name, sha: subject.digest.gitCommit }
      continue
    }
    const recorded = subject.digest.sha256
    fileSubjects.add(subject.name)
    const entry = trio.find(([, d]) => d.path === subject.name)
    if (!entry) {
      problems.push(
        `subject ${subject.name}: not a trio file of the packet (its trio: ${trio.map(([, d]) => d.path).join(', ')}); ` +
          'the statement was edited or is of another packet: write it again with the run that wrote the packet'
      )
      continue
    }
    const [role, digest] = entry
    if (digest.sha256 !== recorded) {
      problems.push(
        `subject ${subject.name} (${role}): the statement records ${recorded}, its predicate (the packet) ${digest.sha256 ?? 'no file'}: ` +
          'the statement was changed after the run wrote it'
      )
    }
    // equal to the packet's digest: the packet's check recomputes it against the checkout (one line, not two)
  }
  for (const [role, digest] of trio) {
    if (digest.sha256 !== null && !fileSubjects.has(digest.path))
      problems.push(
        `${digest.path} (${role}): the packet read it, but it is no subject of the statement, which does not bind it: ` +
          'use the statement the run wrote beside the packet, unchanged'
      )
  }
  const judged = judgedCommit(packet)
  if (commitSubject === null) {
    if (judged !== null)
      problems.push(
        `the statement has no commit subject, but its packet judged commit ${judged}: use the statement the run wrote beside the packet, unchanged`
      )
    return { checked, problems }
  }
  checked++
  if (commitSubject.sha !== judged) {
    problems.push(
      `commit subject ${commitSubject.name}: the statement records ${commitSubject.sha}, its packet judged ${judged ?? 'no commit'}`
    )
  } else if (commitSubject.name !== commitSubjectName(packet.git.repository, commitSubject.sha)) {
    problems.push(
      `commit subject ${commitSubject.name}: expected the name ${commitSubjectName(packet.git.repository, commitSubject.sha)} (the packet's repository and commit)`
    )
  }
  const has = hasCommitSync(root, commitSubject.sha)
  if (has === false)
    problems.push(
      `commit subject ${commitSubject.name}: the repository at ${root} has no commit ${commitSubject.sha}: ` +
        'check out the repository the evidence is of, with its history (fetch-depth: 0)'
    )
  else if (has === null)
    problems.push(
      `commit subject ${commitSubject.name}: ${root} is not a git repository, so the commit cannot be checked: give --root the checkout of the repository the evidence is of`
    )
  return { checked, problems }
}
