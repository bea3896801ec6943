// repin: write the trio update for the producer's current release in one step, so nobody edits three files
// by hand. The new trio is checked with every trio rule in memory first; nothing is written unless it passes.
// What else names a release (the producer's handoff payload, the files of the policy's repin.mentions, such as
// the producer's CHANGELOG) is not the consumer's to write: repin checks it and says exactly what is left.
import { posix } from 'node:path'
import { classifyChange } from '../classify/change.js'
import type { Classification } from '../classify/change.js'
import { journalPath, lockSet, recoverFileSet, writeFileSet } from '../fs/atomic-set.js'
import { WRITE_ORDER } from './trio-files.js'
import { containedSetWrites, writeEscapeFindings } from './write-containment.js'
import { sha256 } from '../fs/digest.js'
import { readRepoFile } from '../fs/read.js'
import type { ReadResult } from '../fs/read.js'
import { headCommitSync } from '../git/git.js'
import { convertedOnCheckout } from './checkout-converted.js'
import {
  appendRowSplice,
  applySplices,
  pinLineValues,
  pinSectionSplice,
  removeRowSplice,
  statusSplice,
  updatedSplice
} from '../ledger/edit.js'
import { ledgerRows, rowOfTag, statusOf } from '../ledger/model.js'
import type { BaselinePolicy } from '../policy/types.js'
import { producerFileRules } from '../rules/files.js'
import { finding } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'
import { trioRules } from '../rules/index.js'
import { identityOf } from '../trio/identity.js'
import { loadProducerFiles, loadTrio, trioFromBytes } from '../trio/load.js'
import type { Identity, Manifest, Pin, ProducerFiles, TrioRole } from '../trio/model.js'
import { shellWords } from '../text/shell-words.js'

/** The order the set is written in: the pin, which the consumer reads at start-up, last. */

export interface RepinContext {
  root: string
  clock: () => Date
}

/** What the caller supplies instead of the working tree (the repin action: the producer's files at a release tag). */
export interface RepinOptions {
  /** The producer's manifest and handoff payload; default: read from the working tree. */
  producer?: ProducerFiles
}

export interface RepinResult {
  baseline: string
  status: 'repinned' | 'unchanged' | 'refused'
  from: Identity
  to: Identity | null
  /** Why it was refused (the problems of the producer's files, or of the trio it would have written). */
  findings: Finding[]
  /** Files written, relative to the root. */
  written: string[]
  /**
   * What else must name the release before the promotion can pass, each with what to do; paths and commands in
   * backticks (inline code where the surface has it, as is in a terminal).
   */
  left: string[]
  /** What the new release does to the contract (classify/change), null when nothing was repinned. */
  classification?: Classification | null
}

export function runRepin(
  ctx: RepinContext,
  baseline: BaselinePolicy,
  options: RepinOptions = {}
): RepinResult {
  // one run at a time on the trio, from its read to its write
  const release = lockSet(ctx.root, `trio-${baseline.name}`, `the trio of ${baseline.name}`)
  try {
    return repinLocked(ctx, baseline, options)
  } finally {
    release()
  }
}

function repinLocked(ctx: RepinContext, baseline: BaselinePolicy, options: RepinOptions): RepinResult {
  const journal = journalPath(ctx.root, `repin-${baseline.name}`)
  // a repin a crash interrupted is finished (or undone) before the trio is read: never a mixed trio
  recoverFileSet(journal, undefined, ctx.root)
  const current = loadTrio(ctx.root, baseline)
  const producer = options.producer ?? loadProducerFiles(ctx.root, baseline)
  const from = identityOf(current)
  const refused = (findings: Finding[], to: Identity | null = null): RepinResult => ({
    baseline: baseline.name,
    status: 'refused',
    from,
    to,
    findings,
    written: [],
    left: []
  })
  const producerProblems = producerFileRules(producer).filter(
    (f) => producer.manifest.path === f.file && f.severity === 'error'
  )
  if (producerProblems.length > 0 || producer.manifest.read.kind !== 'ok' || !producer.manifest.data) {
    return refused(producerProblems)
  }
  const pin = current.pin.data
  const matrix = current.matrix.source?.text
  if (!pin || !current.matrix.ledger || matrix === undefined) {
    // repin edits a working trio: a broken pin or matrix is fixed first (health names the problems)
    return refused(
      trioRules(current, { baseline, now: ctx.clock() }).filter((f) => f.file !== baseline.trio.manifest)
    )
  }

  const mirror = producer.manifest.read.bytes
  // the manifest as checked out is what the mirror copies and the pin's digest covers: where the checkout converted
  // it (a Windows checkout's core.autocrlf), the committed mirror would be other bytes than the digest's (BG526)
  const converted = options.producer
    ? []
    : convertedOnCheckout(ctx.root, [{ path: producer.manifest.path, bytes: mirror }], 'repin')
  if (converted.length > 0) return refused(converted)
  const manifest = producer.manifest.data
  const digest = sha256(mirror)
  const left = leftToDo(ctx.root, baseline, producer, manifest)
  const pinned: Partial<Pin> = {
    release_tag: manifest.release_tag,
    commit_sha: manifest.commit_sha,
    expected_service_contract_version: manifest.expected_service_contract_version,
    expected_api_contract_version: manifest.expected_api_contract_version,
    expected_integration_baseline: manifest.integration_baseline,
    expected_producer_manifest_sha256: digest
  }
  // already pinned: the mirror is the producer's manifest and the pin says what it says, field by field (a pin
  // whose digest matches but whose tag was edited by hand is repinned, as health would fail it)
  const samePin = (Object.keys(pinned) as (keyof Pin)[]).every((k) => pin[k] === pinned[k])
  if (samePin && current.manifest.sha256 === digest) {
    return { baseline: baseline.name, status: 'unchanged', from, to: from, findings: [], written: [], left }
  }

  // a release the ledger records as Rolled back is not pinned again (an incident withdrew it): what comes next is a
  // fixed release, under a new tag; said so, not as the duplicate ledger row writing it would make (BG214)
  const withdrawn = rowOfTag(current.matrix.ledger, manifest.release_tag ?? null)
  if (withdrawn && statusOf(withdrawn) === 'Rolled back') {
    return refused([
      finding(
        'BG310',
        baseline.trio.matrix,
        withdrawn.position,
        `the producer's tree is at ${manifest.release_tag}, which ${baseline.trio.matrix} records as Rolled back (line ${withdrawn.position.line}): a withdrawn release is not pinned again; publish a fixed producer release under a new tag, then repin`
      )
    ])
  }

  const nextPin: Partial<Pin> = { ...pin, ...pinned }
  const pinText = `${JSON.stringify(nextPin, null, 2)}\n`
  const draft = trioFromBytes(baseline, {
    pin: Buffer.from(pinText),
    manifest: mirror,
    matrix: Buffer.from(matrix)
  })
  // a breaking contract starts NO-GO: moving it to GO is a posture change that needs joint approval
  const change = classifyChange({
    base: current,
    head: draft,
    changed: ['pin', 'manifest'],
    now: ctx.clock(),
    baseApprovedAt: null
  })
  // a breaking contract starts NO-GO; so does a pin written before adoption, which had no posture
  if (change.classification === 'breaking' || nextPin.runtime_cutover_posture === undefined)
    nextPin.runtime_cutover_posture = 'NO-GO'
  const finalPin = `${JSON.stringify(nextPin, null, 2)}\n`

  const ledger = current.matrix.ledger
  const to = identityOf(
    trioFromBytes(baseline, { pin: Buffer.from(finalPin), manifest: mirror, matrix: null })
  )
  // the release the ledger already approves (a pin edited by hand since): its row stays, the pin is made whole
  const own = rowOfTag(ledger, String(manifest.release_tag))
  const repair = own !== null && statusOf(own) === 'Approved'
  // the release's Candidate row becomes its Approved row: the one written from the pin, in its place
  const candidate = own !== null && statusOf(own) === 'Candidate' ? own : null
  const approved = ledgerRows(ledger).filter((r) => r !== own && statusOf(r) === 'Approved')
  const version = repair ? null : consumerVersion(ctx.root, baseline.trio.pin)
  if (!repair && version === null)
    left.push(
      `the ledger's row of ${String(manifest.release_tag)} records consumer version 0.0.0: no package.json from ${tick(posix.dirname(baseline.trio.pin))} up to the repository root records a version; write the consumer's version in that row`
    )
  const values = pinLineValues({ ...nextPin, expected_producer_manifest_sha256: digest }, baseline.trio)
  const splices = [
    pinSectionSplice(matrix, ledger, values, baseline.display_name),
    updatedSplice(matrix, ledger, ctx.clock().toISOString().slice(0, 10)),
    ...approved.map((r) => statusSplice(r, 'Superseded')),
    candidate ? removeRowSplice(matrix, candidate) : null,
    repair
      ? null
      : appendRowSplice(matrix, ledger, values, {
          version: version ?? '0.0.0',
          commit: headCommitSync(ctx.root)?.slice(0, 12) ?? '0000000'
        })
  ].filter((s) => s !== null)
  const matrixText = applySplices(matrix, splices)

  const next = trioFromBytes(baseline, {
    pin: Buffer.from(finalPin),
    manifest: mirror,
    matrix: Buffer.from(matrixText)
  })
  const problems = [
    ...trioRules(next, { baseline, now: ctx.clock() }),
    ...writeEscapeFindings(
      ctx.root,
      WRITE_ORDER.map((r) => baseline.trio[r])
    )
  ].filter((f) => f.severity === 'error')
  if (problems.length > 0) return refused(problems, to)

  // the three files as one set (all or none, even across a crash); pin last, as it is what the consumer reads
  const content: Record<TrioRole, string | Buffer> = { manifest: mirror, matrix: matrixText, pin: finalPin }
  const writes = WRITE_ORDER.map((role) => [role, content[role]] as const)
  writeFileSet(
    journal,
    containedSetWrites(
      ctx.root,
      writes.map(([role, bytes]) => ({ path: baseline.trio[role], content: bytes }))
    ),
    undefined,
    ctx.root
  )
  return {
    baseline: baseline.name,
    status: 'repinned',
    from,
    to,
    findings: [],
    written: writes.map(([r]) => baseline.trio[r]),
    left,
    classification: change.classification
  }
}

/**
 * The producer's handoff payload must describe the release the trio now pins (else BG304), and every file of
 * repin.mentions must name its tag (a CHANGELOG entry): each one that does not is a thing left to do.
 */
function leftToDo(
  root: string,
  baseline: BaselinePolicy,
  producer: ProducerFiles,
  manifest: Partial<Manifest>
): string[] {
  const tag = String(manifest.release_tag)
  const left: string[] = []
  const h = producer.handoff.data
  const stale =
    !h ||
    h.release_tag !== manifest.release_tag ||
    h.commit_sha !== manifest.commit_sha ||
    h.active_runtime_baseline?.release_tag !== manifest.release_tag
  if (stale) {
    const names = h?.release_tag ? `names ${h.release_tag}` : 'cannot be read'
    const regenerate = baseline.repin.handoff
    const how = regenerate
      ? `regenerate it: ${tick(`(cd ${displayCwd(regenerate.cwd, baseline)} && ${shellWords(regenerate.run)})`)}`
      : "regenerate it with the producer's tool (set `repin.handoff` in the policy and repin prints the command)"
    left.push(
      `the producer's handoff payload ${tick(producer.handoff.path)} ${names}, not ${tag} (the promotion fails on it: BG304): ${how}`
    )
  }
  for (const path of baseline.repin.mentions) {
    const read = readRepoFile(root, path)
    if (read.kind !== 'ok')
      left.push(`${tick(path)} (\`repin.mentions\`) cannot be read (${read.kind}); it must name ${tag}`)
    else if (!read.bytes.includes(Buffer.from(tag)))
      left.push(`${tick(path)} does not mention ${tag}: add the release's entry (\`repin.mentions\`)`)
  }
  return left
}

/** A path or command between backticks; as is when it holds one itself (it could not be told apart). */
function tick(text: string): string {
  return text.includes('`') ? text : `\`${text}\``
}

/** A step's cwd as a person types it: {producer_root} and {repo_root} as repository paths. */
function displayCwd(cwd: string, baseline: BaselinePolicy): string {
  return cwd.replace('{producer_root}', baseline.producer.root).replace('{repo_root}', '.')
}

/**
 * The consumer's own version, for the ledger row: from the package.json (or a Rust consumer's Cargo.toml) nearest
 * the pin, up to the root: in a monorepo the consumer's own, not the workspace's, which often has none. Null when
 * none records one.
 */
function consumerVersion(root: string, pinPath: string): string | null {
  for (let dir = posix.dirname(pinPath); ; dir = posix.dirname(dir)) {
    const at = (name: string) => readRepoFile(root, dir === '.' ? name : `${dir}/${name}`)
    const v = packageJsonVersion(at('package.json')) ?? cargoVersion(at('Cargo.toml'))
    if (v) return v
    if (dir === '.' || dir === '/' || dir === '') return null
  }
}

function packageJsonVersion(read: ReadResult): string | null {
  if (read.kind !== 'ok') return null
  try {
    const v = (JSON.parse(read.bytes.toString('utf8')) as { version?: unknown }).version
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : null
  } catch {
    return null // not JSON: no version; the directories above may still say
  }
}

/** `version = "x"` of a Cargo.toml's [package] (one inherited from the workspace is not read: null). */
function cargoVersion(read: ReadResult): string | null {
  if (read.kind !== 'ok') return null
  const pkg = /^\[package\][^\S\n]*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(read.bytes.toString('utf8'))
  return pkg ? (/^version\s*=\s*"([^"\n]+)"/m.exec(pkg[1]!)?.[1] ?? null) : null
}
