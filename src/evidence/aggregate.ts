// One verdict over the evidence packets of a fanned-out run (one artifact directory per matrix job). Pure: the
// caller reads the directories; this decides what the bytes it found are worth.
import type { ReadResult } from '../fs/read.js'
import { schemaFiles } from '../generated/validators.js'
import { validateEvidence } from '../generated/evidence-validators.js'
import { countBySeverity } from '../rules/finding.js'
import { aggregateVerdict, decideVerdict } from '../rules/verdict.js'
import type { Verdict } from '../rules/verdict.js'
import { parseJson } from '../document/json-document.js'
import { validateDocument } from '../document/schema-errors.js'
import { sourceFromBytes } from '../document/source-file.js'
import { packetName } from './packet.js'
import type { EvidencePacket } from './packet.js'
import { shorten } from '../text/shorten.js'
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path'

/** `<operation>-<baseline>.json`: the only files of an evidence directory that are packets. */
export const PACKET_FILE = /^(health|promotion|rollback)-[a-z0-9][a-z0-9_-]*\.json$/

/** What the caller found in one directory given on the command line. */
export interface DirectoryScan {
  /** As given (shown in the report). */
  dir: string
  /** Why nothing could be listed; null when the directory was read. */
  problem: 'not found' | 'not a directory' | `unreadable (${string})` | null
  /**
   * Every packet-named file under it: its path (the directory as given, joined) and what reading it gave; or an
   * entry the scan refused to read (a link, a directory too deep), with why.
   */
  files: ({ file: string; read: ReadResult } | { file: string; refused: string })[]
  /** Packets under it already counted from another directory given (the same one twice, or its parent). */
  counted?: number
}

export interface AggregateEntry {
  name: string
  operation: string
  /** A rollback's dry run: it restored nothing, and its verdict says whether a rollback would complete. */
  dry_run: boolean
  /** A rollback drill (a dry run on a schedule, no incident): said as such, not as an attempted rollback. */
  drill: boolean
  verdict: Verdict
  file: string
  errors: number
  warnings: number
  release_tag: string | null
}

export interface MissingEntry {
  /** An expected baseline without a valid packet, or null for a directory without one. */
  baseline: string | null
  dir: string | null
  reason: string
}

export interface InvalidEntry {
  file: string
  reason: string
}

/** A packet of an earlier attempt of the same run and commit, which a re-run of its job replaced. */
export interface SupersededEntry {
  file: string
  /** The packet of the later attempt, which counts. */
  by: string
  reason: string
}

export interface Aggregate {
  verdict: Verdict
  baselines: AggregateEntry[]
  missing: MissingEntry[]
  invalid: InvalidEntry[]
  /** Earlier attempts' packets ("Re-run failed jobs" keeps the artifacts of every attempt): not counted. */
  superseded: SupersededEntry[]
}

/** A reason is shown in a job summary: one line, bounded, whatever a tampered file holds. */
const MAX_REASON = 300

/** Parse and check one packet file: the packet, or why it cannot be trusted. */
export function readPacket(file: string, read: ReadResult): { packet: EvidencePacket } | { reason: string } {
  if (read.kind !== 'ok') return { reason: `cannot be read (${read.kind.replace(/-/g, ' ')})` }
  const source = sourceFromBytes(file, read.bytes)
  if (!source.validUtf8) return { reason: 'not valid UTF-8' }
  const doc = parseJson(source)
  const syntax = doc.syntaxErrors[0]
  if (syntax)
    return { reason: `not JSON: ${syntax.position.line}:${syntax.position.column}: ${syntax.message}` }
  const twice = doc.duplicateKeys[0]
  if (twice)
    return {
      reason: `holds the key "${twice.key}" twice in one object (${twice.position.line}:${twice.position.column}), so readers disagree on its value: no run writes that`
    }
  const schema = validateDocument(doc, validateEvidence, schemaFiles.validateEvidence)
  const first = schema[0]
  if (first) {
    const more = schema.length > 1 ? ` (and ${schema.length - 1} more)` : ''
    return {
      reason: `not an evidence-packet.v1: ${first.position.line}:${first.position.column}: ${first.message}${more}`
    }
  }
  const packet = doc.value as EvidencePacket
  // the name is what a matrix job was asked to produce: a packet of another job under it is not its evidence
  const expected = `${packetName(packet.operation, packet.baseline)}.json`
  const base = file.split(/[\\/]/).pop() ?? file
  if (base !== expected)
    return { reason: `holds the ${packet.operation} packet of "${packet.baseline}", not what its name says` }
  const contradiction = verdictContradiction(packet)
  if (contradiction) return { reason: contradiction }
  return { packet }
}

/**
 * Why a packet's recorded verdict cannot be what the tool wrote: a PASS that its own findings or steps contradict
 * was edited after the tool wrote it. Null when the verdict agrees with them.
 */
export function verdictContradiction(
  packet: Pick<EvidencePacket, 'verdict' | 'findings' | 'steps'>
): string | null {
  if (packet.verdict === 'PASS' && decideVerdict(packet.findings, packet.steps) === 'FAIL')
    return 'records PASS, but its own findings or steps make it FAIL'
  return null
}

/**
 * The workflow run the aggregate itself runs in (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT): only packets of that run, of
 * an attempt it has reached, can replace an earlier attempt's. Absent (a run outside Actions): none can.
 */
export interface AggregateRun {
  runId: string
  attempt: number
}

/**
 * The one verdict: FAIL when any packet fails, is invalid or unreadable, when a directory holds no packet, or
 * when an expected baseline has none; PASS needs at least one packet. `expected` null: no expectation.
 */
export function aggregateEvidence(
  scans: DirectoryScan[],
  expected: string[] | null,
  run: AggregateRun | null = null
): Aggregate {
  const baselines: AggregateEntry[] = []
  const invalid: InvalidEntry[] = []
  const missing: MissingEntry[] = []
  const seen = new Map<string, Found[]>()
  for (const scan of scans) {
    if (scan.problem !== null) {
      missing.push({ baseline: null, dir: scan.dir, reason: `directory ${scan.problem}` })
      continue
    }
    if (scan.files.length === 0 && !scan.counted) {
      missing.push({ baseline: null, dir: scan.dir, reason: 'no evidence packet in this directory' })
      continue
    }
    for (const entry of scan.files) {
      const { file } = entry
      const r = 'refused' in entry ? { reason: entry.refused } : readPacket(file, entry.read)
      if ('reason' in r) {
        invalid.push({ file, reason: oneLine(r.reason) })
        continue
      }
      const job = `${r.packet.operation}\0${r.packet.baseline}`
      seen.set(job, [...(seen.get(job) ?? []), { file, packet: r.packet, given: scan.dir }])
    }
  }
  const superseded: SupersededEntry[] = []
  // every baseline named, per operation: an artifact's name must name the packet's baseline and no longer one
  const baselinesOf = (operation: string): string[] => [
    ...new Set([
      ...[...seen.values()]
        .flat()
        .filter((f) => f.packet.operation === operation)
        .map((f) => f.packet.baseline),
      ...(expected ?? [])
    ])
  ]
  // the packets anywhere under a directory: an artifact that replaces an attempt holds that one packet, nested ones
  // included (a job that hid its own packet below a planted one made two)
  const found = [...seen.values()].flat()
  const packetsUnder = (dir: string) => found.filter((f) => f.file.startsWith(`${dir}${sep}`)).length
  for (const packets of seen.values()) {
    // a job re-run in the same run, on the same commit: its latest attempt is the evidence; of two runs' packets
    // the row shows a failing one, never a PASS beside a FAIL it hides (found by review)
    const latest = latestAttempt(packets, run, packetsUnder, baselinesOf)
    const counted = latest ?? packets.find((p) => p.packet.verdict === 'FAIL') ?? packets[0]!
    const first = counted
    for (const other of packets.filter((p) => p !== counted)) {
      const { operation, baseline } = other.packet
      if (latest)
        superseded.push({
          file: other.file,
          by: latest.file,
          reason: `attempt ${other.packet.git.run_attempt} of run ${other.packet.git.run_id} (${other.packet.verdict}), re-run as attempt ${latest.packet.git.run_attempt}: the later attempt's packet counts`
        })
      // two runs' packets of one job: which one is the evidence is not for aggregate to guess
      else
        invalid.push({
          file: other.file,
          reason: oneLine(
            `a second ${operation} packet of "${baseline}" (${other.packet.verdict}; the one shown: ${first.file}, ${first.packet.verdict}): give the evidence of one run`
          )
        })
    }
    const counts = countBySeverity(counted.packet.findings)
    baselines.push({
      name: counted.packet.baseline,
      operation: counted.packet.operation,
      dry_run: counted.packet.incident?.dry_run === true,
      drill: counted.packet.incident?.drill === true,
      verdict: counted.packet.verdict,
      file: counted.file,
      errors: counts.error,
      warnings: counts.warning,
      release_tag: counted.packet.identity.release_tag
    })
  }
  const present = new Set(baselines.map((b) => b.name))
  for (const name of [...new Set(expected ?? [])].sort()) {
    if (!present.has(name))
      missing.push({ baseline: name, dir: null, reason: 'expected, but no valid evidence packet was found' })
  }
  baselines.sort(
    (a, b) =>
      a.name.localeCompare(b.name) || a.operation.localeCompare(b.operation) || a.file.localeCompare(b.file)
  )
  const ok = missing.length === 0 && invalid.length === 0
  const verdict = ok ? aggregateVerdict(baselines.map((b) => b.verdict)) : 'FAIL'
  return { verdict, baselines, missing, invalid, superseded }
}

interface Found {
  file: string
  packet: EvidencePacket
  /** The directory given on the command line under which it was found. */
  given: string
}

/**
 * The packet of the latest attempt when every packet is of the aggregate's own run (one repository, one commit),
 * each of another attempt ("Re-run failed jobs" keeps the earlier attempts' artifacts beside the new ones); null
 * otherwise. A packet's `run_attempt` is only its own word, and a job's code can write a packet anywhere in its
 * artifact (found by review: one job's planted packet replaced another's FAIL), so the latest must also be where
 * the action puts that attempt's evidence: the only packet of an artifact named for its operation, baseline, run
 * and attempt (`baseline-gate-<operation>-<baseline>-<job>-<run>-<attempt>`, actions/shared/inputs.ts), of an
 * attempt the aggregate's run has reached.
 */
function latestAttempt(
  packets: Found[],
  run: AggregateRun | null,
  packetsUnder: (dir: string) => number,
  baselinesOf: (operation: string) => string[]
): Found | null {
  if (packets.length < 2 || run === null) return null
  const first = packets[0]!.packet.git
  const attempts = packets.map((p) => p.packet.git.run_attempt ?? '')
  const sameRun = packets.every(
    (p) =>
      p.packet.git.run_id === run.runId &&
      p.packet.git.repository === first.repository &&
      p.packet.git.commit === first.commit
  )
  // attempts as Actions writes them: 1, 2, ... (never '1e9', '02' or '1.0'), none past the aggregate's own
  if (!sameRun || !attempts.every((a) => /^[1-9]\d{0,3}$/.test(a) && Number(a) <= run.attempt)) return null
  if (new Set(attempts).size !== attempts.length) return null
  const latest = packets[attempts.indexOf(String(Math.max(...attempts.map(Number))))]!
  const { operation, baseline, git } = latest.packet
  const dir = dirname(latest.file)
  // an artifact as download-artifact lays it out: the directory given when it is an artifact, or one directly below
  // the parent of every artifact given; never a directory a job made inside its own artifact (found by review)
  const below = relative(latest.given, dir)
  const givenIsArtifact = basename(resolve(latest.given)).startsWith('baseline-gate-')
  const inPlace = givenIsArtifact
    ? below === ''
    : below !== '' &&
      below !== '..' &&
      !below.startsWith(`..${sep}`) &&
      !below.includes(sep) &&
      !isAbsolute(below)
  if (!inPlace) return null
  const artifact = basename(dir)
  const prefix = (name: string) => `baseline-gate-${operation}-${name}-`
  // `billing` is in `baseline-gate-health-billing-eu-...` too: the longest baseline the name starts with is its own
  const owner = baselinesOf(operation)
    .filter((name) => artifact.startsWith(prefix(name)))
    .sort((a, b) => b.length - a.length)[0]
  const named = owner === baseline && artifact.endsWith(`-${git.run_id}-${git.run_attempt}`)
  return named && packetsUnder(dir) === 1 ? latest : null
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return shorten(line, MAX_REASON)
}
