// verify-evidence: recompute the digests an evidence packet records (the trio files against a checkout, the
// step logs against the files beside the packet) and say which ones do not match.
import { dirname, join } from 'node:path'
import { sha256 } from '../fs/digest.js'
import { readRepoFile } from '../fs/read.js'
import { schemaFiles, validateEvidence } from '../generated/validators.js'
import { parseJson } from '../document/json-document.js'
import { validateDocument } from '../document/schema-errors.js'
import { sourceFromBytes } from '../document/source-file.js'

export interface EvidenceVerification {
  /** Digests that were recomputed. */
  checked: number
  /** Every mismatch, and every reason the packet cannot be trusted as written. */
  problems: string[]
  /** True when the packet itself could not be read or is not an evidence packet (nothing could be checked). */
  unreadable: boolean
  /** The file is JSON but not an evidence-packet.v1: `problems` are its schema errors, one per place. */
  notPacket?: boolean
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
  const schema = validateDocument(doc, validateEvidence, schemaFiles.validateEvidence)
  if (schema.length > 0) {
    return {
      checked: 0,
      problems: schema.map((p) => `${packetFile}:${p.position.line}:${p.position.column}: ${p.message}`),
      unreadable: true,
      notPacket: true
    }
  }
  const packet = doc.value as Packet
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
