// verify-evidence: recompute the digests an evidence packet records (the trio files against a checkout, the
// step logs against the files beside the packet) and say which ones do not match. An in-toto Statement of a packet
// (<operation>-<baseline>.intoto.json) is checked as well: its subjects against the predicate and the checkout,
// its commit subject against the judged commit and the repository, then the predicate as a packet. Either way the
// recorded verdict is held against the packet's own findings and steps (evidence/aggregate judges it the same way).
import { lstatSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { sha256 } from '../fs/digest.js'
import { MAX_FILE_BYTES, readRepoFile } from '../fs/read.js'
import {
  committedBytesSync,
  hasCommitSync,
  headCommitSync,
  isAncestorCommitSync,
  notAtCommitSync
} from '../git/git.js'
import { schemaFiles } from '../generated/validators.js'
import { validateEvidence, validateStatement } from '../generated/evidence-validators.js'
import { parseJson } from '../document/json-document.js'
import { validateDocument } from '../document/schema-errors.js'
import { sourceFromBytes } from '../document/source-file.js'
import { verdictContradiction } from '../evidence/aggregate.js'
import type { EvidencePacket } from '../evidence/packet.js'
import { commitSubjectName, judgedCommit } from '../evidence/statement.js'
import type { EvidenceStatement } from '../evidence/statement.js'
import { MAX_LOG_BYTES } from '../evidence/step-log.js'

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

/** What the evidence says it is of, and what of it was recomputed: the lines a person reads first and last. */
export interface EvidenceInspection {
  verification: EvidenceVerification
  /** What the packet judged, as it records it; null when the file could not be read as evidence. */
  judged: {
    kind: 'packet' | 'statement'
    operation: string
    baseline: string
    releaseTag: string | null
    commit: string | null
    /** The GitHub repository the run was in (owner/name); null for a local run. */
    repository: string | null
    verdict: string
  } | null
  /**
   * The checkout's HEAD, and how it stands to the judged commit: the same commit, or one after it (a rollback's
   * restored trio is committed after the commit it started from); null when git cannot tell.
   */
  checkout: { head: string; judged: 'same' | 'after' | 'other' | 'unrecorded' } | null
  /** The parsed evidence file, as read once: what --bundle verifies (never a second read of the file). */
  value?: unknown
  /** The digests recomputed, by kind: trio files recorded and matched (against the checkout), step logs, the commit subject. */
  counts: { trio: number; logs: number; commit: number }
  /** True when the packet read trio files and none of them is under the root: the root is not the checkout. */
  wrongRoot: boolean
}

interface Packet {
  operation: string
  trio: Record<string, { path: string; sha256: string | null }>
  steps: { name: string; log_file?: string; log_sha256?: string }[]
  incident?: {
    dry_run: boolean
    status: string
    pull_request_url: string | null
    active: { release_tag: string | null }
    rolled_back_from: { release_tag: string | null }
  }
}

/**
 * Whose trio a packet records: the checkout's (health, promotion, and a rollback that restored nothing: it records
 * the trio it found), the one a rollback restored (committed after the commit it started from), or the one a dry
 * run would have restored (no checkout has it). Found by review: a rollback that failed before writing was taken
 * for a restore, and its evidence sent the reader to a commit that does not exist.
 */
function trioOf(packet: Packet): 'checkout' | 'restored' | 'would-restore' {
  const incident = packet.incident
  if (!incident) return 'checkout'
  if (incident.status === 'restored') return 'restored'
  if (incident.status === 'dry-run' && incident.active.release_tag !== incident.rolled_back_from.release_tag)
    return 'would-restore'
  return 'checkout'
}

/** The command that makes a packet of `operation` (a promotion's is `promote`). */
const commandOf = (operation: string): string => (operation === 'promotion' ? 'promote' : operation)

export function verifyEvidence(root: string, packetFile: string): EvidenceVerification {
  return inspectEvidence(root, packetFile).verification
}

/** verifyEvidence, with what the evidence is of and what was recomputed (what verify-evidence prints). */
export function inspectEvidence(root: string, packetFile: string): EvidenceInspection {
  const none = { judged: null, checkout: null, counts: { trio: 0, logs: 0, commit: 0 }, wrongRoot: false }
  const read = readRepoFile('/', packetFile)
  if (read.kind !== 'ok')
    return {
      verification: {
        checked: 0,
        problems: [`${packetFile}: cannot be read (${read.kind.replace(/-/g, ' ')})`],
        unreadable: true
      },
      ...none
    }
  const doc = parseJson(sourceFromBytes(packetFile, read.bytes))
  const syntax = doc.syntaxErrors[0]
  if (syntax) {
    return {
      verification: {
        checked: 0,
        problems: [`${packetFile}:${syntax.position.line}:${syntax.position.column}: ${syntax.message}`],
        unreadable: true
      },
      ...none
    }
  }
  if (doc.duplicateKeys.length > 0) {
    return {
      verification: {
        checked: 0,
        // readers disagree on which value wins: `"verdict": "FAIL", ..., "verdict": "PASS"` reads as either
        problems: doc.duplicateKeys.map(
          (d) =>
            `${packetFile}:${d.position.line}:${d.position.column}: the key "${d.key}" appears twice in one object, so readers disagree on its value; no run writes that: use the evidence the run wrote, unchanged`
        ),
        unreadable: true
      },
      ...none
    }
  }
  if (isSigstoreBundle(doc.value)) {
    return {
      verification: {
        checked: 0,
        problems: [
          `${packetFile}: this is a Sigstore bundle: pass it with --bundle, and the statement as FILE ` +
            `(baseline-gate verify-evidence <dir>/<operation>-<baseline>.intoto.json --bundle ${packetFile} --trust-root FILE)`
        ],
        unreadable: true
      },
      ...none
    }
  }
  const statement = isStatementLike(doc.value)
  const schema = statement
    ? validateDocument(doc, validateStatement, schemaFiles.validateStatement)
    : validateDocument(doc, validateEvidence, schemaFiles.validateEvidence)
  if (schema.length > 0) {
    return {
      verification: {
        checked: 0,
        problems: schema.map((p) => `${packetFile}:${p.position.line}:${p.position.column}: ${p.message}`),
        unreadable: true,
        notPacket: true,
        ...(statement ? { statement: true } : {})
      },
      ...none
    }
  }
  const s = statement ? (doc.value as EvidenceStatement) : null
  const packet = (s ? s.predicate : doc.value) as EvidencePacket
  const judged = {
    kind: statement ? ('statement' as const) : ('packet' as const),
    operation: packet.operation,
    baseline: packet.baseline,
    releaseTag: packet.identity.release_tag,
    commit: judgedCommit(packet),
    repository: packet.git.repository,
    verdict: packet.verdict
  }
  const checkout = checkoutOf(root, judged.commit)
  // the fields the checks below read
  const fields = packet as unknown as Packet
  const own = checkPacket(root, packetFile, fields, judged.commit, checkout?.judged === 'same')
  const subjects = s ? checkSubjects(root, s) : { checked: 0, problems: [] }
  const place = [
    ...checkoutProblem(fields, judged.commit, checkout),
    // a rollback's restored trio is the run's own write, committed after the commit it started from
    ...(trioOf(fields) === 'checkout' ? uncommittedProblem(root, judged.commit, checkout, own.read) : [])
  ]
  const contradiction = verdictContradiction(packet)
  const verdict = contradiction
    ? [
        `verdict: the ${judged.kind} ${contradiction} (${errorCodes(packet)}): it was edited after the run wrote it; ` +
          `do not trust its verdict: run ${packet.operation} again, or use the evidence the run wrote, unchanged`
      ]
    : []
  return {
    verification: {
      checked: subjects.checked + own.checked,
      problems: [...subjects.problems, ...place, ...own.problems, ...verdict],
      unreadable: false,
      ...(statement ? { statement: true } : {})
    },
    judged,
    checkout,
    counts: { trio: own.matched, logs: own.checked - own.trio, commit: subjects.checked },
    wrongRoot: own.wrongRoot,
    value: doc.value
  }
}

/** A regular file with another name elsewhere: no run writes a log so. */
function hardLinked(path: string): boolean {
  const st = lstatSync(path, { throwIfNoEntry: false })
  return st !== undefined && st.isFile() && st.nlink > 1
}

/** The checkout's HEAD and how it stands to the judged commit; null when git cannot tell (no repository). */
function checkoutOf(root: string, judged: string | null): EvidenceInspection['checkout'] {
  const head = headCommitSync(root)
  if (!head) return null
  if (judged === null) return { head, judged: 'unrecorded' }
  if (head === judged) return { head, judged: 'same' }
  return { head, judged: isAncestorCommitSync(root, judged, head) ? 'after' : 'other' }
}

/**
 * The digests are recomputed from the working tree, so they say something of the judged commit only there: an
 * older run's PASS would match a later commit that left the trio alone, and say nothing of it. A rollback's trio
 * is the one it restored, committed after the commit it started from: any checkout after that commit.
 */
function checkoutProblem(
  packet: Packet,
  judged: string | null,
  checkout: EvidenceInspection['checkout']
): string[] {
  if (!checkout || judged === null || checkout.judged === 'same') return []
  const restored = packet.operation === 'rollback' && trioOf(packet) === 'restored'
  if (restored && checkout.judged === 'after') return []
  const at = `the checkout is at ${checkout.head}`
  return [
    restored
      ? `checkout: the rollback started from commit ${judged}, and ${at}, which does not come after it: check out the rollback's commit (the restored trio) and verify again`
      : `checkout: the run judged commit ${judged}, and ${at}: what it judged is of ${judged.slice(0, 12)} only (files can match a later commit that left them alone); check out ${judged} and verify again`
  ]
}

/**
 * At the judged commit itself, the digests vouch for that commit only where its files are the checkout's: a run on
 * a tree with uncommitted trio edits judged the edits, which its commit subject does not hold (found by review:
 * "verified at the judged commit").
 */
function uncommittedProblem(
  root: string,
  judged: string | null,
  checkout: EvidenceInspection['checkout'],
  read: string[]
): string[] {
  if (!judged || checkout?.judged !== 'same') return []
  const off = notAtCommitSync(root, judged, read) ?? []
  return off.map(
    (path) =>
      `${path}: the checkout's file matches the evidence, but it is not what commit ${judged.slice(0, 12)} holds, as git sees it (an uncommitted edit, or a filter attribute whose program this tool does not run): the run judged the file on disk, not the commit; verify on a clean checkout of ${judged.slice(0, 12)}`
  )
}

/** The rules of the packet's error findings, and its required steps that did not pass: what makes it FAIL. */
function errorCodes(packet: EvidencePacket): string {
  const rules = [...new Set(packet.findings.filter((f) => f.severity === 'error').map((f) => f.rule))]
  const steps = packet.steps.filter((st) => st.required && st.status !== 'passed').map((st) => st.name)
  return [
    ...(rules.length > 0 ? [`error findings: ${rules.join(', ')}`] : []),
    ...(steps.length > 0 ? [`required steps not passed: ${steps.join(', ')}`] : [])
  ].join('; ')
}

/** A Sigstore bundle (what actions/attest writes), given where the evidence belongs. */
function isSigstoreBundle(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const v = value as Record<string, unknown>
  return (
    String(v.mediaType ?? '').startsWith('application/vnd.dev.sigstore.bundle') ||
    ('verificationMaterial' in v && ('dsseEnvelope' in v || 'messageSignature' in v))
  )
}

/** A JSON object with `_type`: meant as an in-toto Statement (its schema errors say what is wrong with it). */
export function isStatementLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && '_type' in value
}

/** The packet's own digests: the trio files against the checkout, the step logs against the files beside it. */
function checkPacket(
  root: string,
  packetFile: string,
  packet: Packet,
  commit: string | null,
  /** The checkout is the judged commit: sending the reader there again would be advice in a circle. */
  atJudged = false
): {
  checked: number
  trio: number
  matched: number
  problems: string[]
  wrongRoot: boolean
  /** The trio files read from the checkout that matched the packet's digests. */
  read: string[]
} {
  const problems: string[] = []
  const read: string[] = []
  let checked = 0
  let recorded = 0
  let missing = 0
  // files whose recorded digest was recomputed and matched: a file the packet records as absent verifies nothing
  let matched = 0
  // a rollback's trio is the one it restored: it is in the rollback's pull request, not at the commit it started from
  const kind = trioOf(packet)
  const checkout =
    kind === 'would-restore'
      ? "a dry run's trio is the one a rollback would write, and nothing was written: no checkout has it"
      : kind === 'restored'
        ? `check out the rollback's commit (the restored trio${packet.incident?.pull_request_url ? `, ${packet.incident.pull_request_url}` : ''}) and verify again`
        : commit
          ? `check out commit ${commit}, the one the run judged, and verify again`
          : 'check out the commit the run judged and verify again'
  for (const [role, digest] of Object.entries(packet.trio)) {
    checked++
    const file = readRepoFile(root, digest.path)
    if (digest.sha256 !== null) {
      recorded++
      if (file.kind === 'missing') missing++
    }
    const actual = file.kind === 'ok' ? sha256(file.bytes) : null
    if (actual !== null && actual === digest.sha256) {
      matched++
      read.push(digest.path)
    }
    if (actual !== digest.sha256) {
      const was = digest.sha256 ?? 'no file'
      const now = actual ?? `no readable file (${file.kind.replace(/-/g, ' ')})`
      // at the judged commit, "check out that commit" is advice in a circle (found by review): either the file on
      // disk is not the commit's (an edit since the run: undo it), or it is, and the run read a file the commit
      // does not hold (health judges the files on disk: an uncommitted edit then)
      if (atJudged && commit && kind === 'checkout') {
        const edited = notAtCommitSync(root, commit, [digest.path])
        // git sees no edit, yet the bytes differ: the checkout converted them (core.autocrlf, an eol or a filter
        // attribute), and the run read the commit's own (found by review: "matches no commit", and a run again
        // recorded the same digest)
        const committed =
          edited?.length === 0 ? committedBytesSync(root, commit, digest.path, MAX_FILE_BYTES) : null
        const said = `${digest.path} (${role}): the packet records ${was}, the checkout has ${now}, and the checkout is at ${commit.slice(0, 12)}, the commit the run judged`
        problems.push(
          edited === null
            ? `${said}: if git status shows the file changed, undo the change (git checkout -- ${digest.path}) and verify again; if not, the run read a file that commit does not hold (an uncommitted edit), and this evidence matches no commit: run baseline-gate ${commandOf(packet.operation)} again on the clean checkout`
            : edited.length > 0
              ? `${said}: the file differs from what that commit holds, as git sees it (an edit since the run): undo it (git checkout -- ${digest.path}) and verify again`
              : committed && sha256(committed) === digest.sha256
                ? `${said}: the packet's digest is the commit's own file; the checkout converted it (core.autocrlf, an eol or a filter attribute in .gitattributes): check it out as committed (git -c core.autocrlf=false checkout -- ${digest.path}) and verify again`
                : `${said}, which holds the file as it is on disk: the run read a file that commit does not hold (an uncommitted edit), and this evidence matches no commit: run baseline-gate ${commandOf(packet.operation)} again on the clean checkout and keep that evidence`
        )
        continue
      }
      problems.push(
        `${digest.path} (${role}): the packet records ${was}, the checkout has ${now}: ` +
          `the file changed after the run, or the checkout is of another commit: ${checkout}; ` +
          'if it still differs, the evidence is not of this file'
      )
    }
  }
  const trio = checked
  // each file hashed once, and none larger than a step's log can be: a packet naming one large file for thousands of
  // steps would otherwise keep the verifier busy for minutes (found by review)
  const hashed = new Map<string, { actual: string | null; kind: string }>()
  for (const step of packet.steps) {
    if (!step.log_file || !step.log_sha256) continue
    checked++
    // read inside the packet's directory, never through a link out of it nor a hard link (an artifact has none):
    // a log linked to any file would be hashed here
    const path = join(dirname(packetFile), step.log_file)
    let seen = hashed.get(path)
    if (!seen) {
      const read = hardLinked(path)
        ? ({ kind: 'not-a-file' } as const)
        : readRepoFile(dirname(packetFile), step.log_file, MAX_LOG_BYTES)
      seen = { actual: read.kind === 'ok' ? sha256(read.bytes) : null, kind: read.kind }
      hashed.set(path, seen)
    }
    const log = seen
    const actual = log.actual
    if (actual !== step.log_sha256) {
      const file = actual
        ? `the file has ${actual}`
        : log.kind === 'missing'
          ? 'the file has gone missing'
          : log.kind === 'too-large'
            ? `the file is larger than a step's log can be (${MAX_LOG_BYTES / 1024 / 1024} MiB)`
            : `the file is no regular file inside the evidence directory (${log.kind.replace(/-/g, ' ')})`
      problems.push(
        `log of step "${step.name}" (${step.log_file}): the packet records ${step.log_sha256}, ${file}: ` +
          'the log was changed or removed after the run: verify the evidence directory as the run wrote it (its artifact), unchanged'
      )
    }
  }
  return { checked, trio, matched, problems, wrongRoot: recorded > 0 && missing === recorded, read }
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
      `commit subject ${commitSubject.name}: the statement records ${commitSubject.sha}, its packet judged ${judged ?? 'no commit'}: ` +
        'the statement was changed after the run wrote it: use the statement the run wrote beside the packet, unchanged'
    )
  } else if (commitSubject.name !== commitSubjectName(packet.git.repository, commitSubject.sha)) {
    problems.push(
      `commit subject ${commitSubject.name}: expected the name ${commitSubjectName(packet.git.repository, commitSubject.sha)} (the packet's repository and commit): ` +
        'the statement was changed after the run wrote it: use the statement the run wrote beside the packet, unchanged'
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
