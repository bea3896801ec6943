// baseline-gate init's decisions: the repository's files in, a policy document out, with what was found (where,
// and why) and what could not be decided (and what to do about it). Decided from content, not names: a wrong
// policy makes the suite check the wrong files without a word, so every guess is said out loud.
import { shortCommit } from '../text/short-commit.js'
import type { FileInventory } from '../fs/inventory.js'
import { basenameOf, dirnameOf, extensionOf } from './paths.js'
import { policyText } from './policy-text.js'
import type { PinFacts } from './trio-files.js'
import type { BaselineDocument, PolicyDocument, Proposal } from './document.js'
import { normaliseName, readRepository, Report } from './repository.js'
import type { Located, Proposing, Repository } from './repository.js'
import { chooseProducerRoot, producerEndpointsOf, producerOf } from './propose-producer.js'
import { chooseMatrix, chooseMirror, matrixCandidates } from './propose-trio.js'
import { adapterOf, ownersOf, repinOf, suitesOf } from './propose-consumer.js'

export type { BaselineDocument, InitItem, PolicyDocument, Proposal } from './document.js'

/** @param consumerDir where init ran (or --root), relative to the root: see readRepository */
export function propose(inv: FileInventory, consumerDir = ''): Proposal {
  const report = new Report()
  const repo = readRepository(inv, report, consumerDir)
  const looked = {
    files: inv.files.length,
    json: inv.files.filter((f) => extensionOf(f) === 'json').length,
    markdown: inv.files.filter((f) => /^(md|markdown)$/.test(extensionOf(f))).length,
    cargo: repo.cargo.size
  }
  if (repo.pins.length === 0) {
    report.undecided(
      null,
      'trio.pin',
      null,
      `no pin found: no JSON file (outside build output, generated code and tests) holds release_tag, commit_sha, expected_service_contract_version and expected_api_contract_version (${looked.json} JSON files looked at)`,
      'run init in the consumer repository that pins the producer, or write the pin first (the trio: pin, mirror, matrix)'
    )
    // what there is of a trio still helps the person who writes the pin
    for (const m of repo.matrices)
      report.note(null, 'trio.matrix', m.path, 'a compatibility matrix, but no pin')
    for (const m of repo.manifests) {
      report.note(
        null,
        m.root ? 'producer.manifest' : 'trio.manifest',
        m.path,
        m.root
          ? `the contract manifest of the producer in ${m.root}`
          : 'a producer contract manifest (a mirror?), but no pin'
      )
    }
    return { document: null, text: null, ...report.lists(), migrate: [], looked }
  }
  const baselines: Record<string, BaselineDocument> = {}
  const migrate: string[] = []
  for (const pin of repo.pins) {
    const live = archivedCopyOf(repo.pins, pin)
    if (live) {
      report.note(
        null,
        'trio.pin',
        pin.path,
        `a copy of the pin ${live.path} in an archive directory: not made a baseline (health judges the live trio, and lkg and rollback read its history); if it pins a consumer of its own, add that baseline to the policy by hand`
      )
      continue
    }
    const { name, doc } = baselineFor(repo, pin, new Set(Object.keys(baselines)), report)
    baselines[name] = doc
    if (pin.facts.posture === null) migrate.push(name)
  }
  const document: PolicyDocument = { policy_version: 'baseline-policy.v1', baselines }
  return { document, text: policyText(document), ...report.lists(), migrate, looked }
}

// ---- one baseline per pin ----

/** A directory a repository keeps old copies in (found by review: an archived pin became a second baseline). */
const ARCHIVE =
  /(^|\/)(archive|archived|archives|old|backup|backups|bak|attic|deprecated|legacy|history)(\/|$)/i

/** The live pin `pin` is an archived copy of (the same file name, outside an archive directory), or null. */
function archivedCopyOf(
  pins: readonly Located<PinFacts>[],
  pin: Located<PinFacts>
): Located<PinFacts> | null {
  if (!ARCHIVE.test(dirnameOf(pin.path))) return null
  const name = basenameOf(pin.path)
  return (
    pins.find((p) => p !== pin && basenameOf(p.path) === name && !ARCHIVE.test(dirnameOf(p.path))) ?? null
  )
}

function baselineFor(
  repo: Repository,
  pin: Located<PinFacts>,
  taken: Set<string>,
  report: Report
): { name: string; doc: BaselineDocument } {
  const fromFile = /^(.+)-integration-pin\.json$/.exec(basenameOf(pin.path))?.[1] ?? null
  const producer = chooseProducerRoot(repo, pin, fromFile)
  const name = uniqueName(
    normaliseName(
      fromFile ?? (producer.root ? basenameOf(producer.root) : basenameOf(pin.path).replace(/\.json$/, ''))
    ),
    taken
  )
  const p = pin.facts
  report.found(
    name,
    'trio.pin',
    pin.path,
    `a pin: release ${p.release_tag || '?'} at ${p.commit_sha ? shortCommit(p.commit_sha) : '?'}; the baseline is named ${name} after ${fromFile ? 'the pin file' : producer.root ? 'the producer directory' : 'the pin file'}`
  )
  const at: Proposing = { repo, name, report }
  const trio: BaselineDocument['trio'] = { pin: pin.path }
  const mirror = chooseMirror(at, pin)
  if (mirror) trio.manifest = mirror
  const matrix = chooseMatrix(at, pin)
  if (matrix) trio.matrix = matrix.path
  const displayName = matrix ? matrix.facts.displayName : agreedDisplayName(repo, pin)
  // migrate, health and lkg read the matrix's named lines ("- MemoryKernel release tag:") by display_name: left to
  // its default, the baseline's name, every hand-written revision fails (found by review: lkg found none)
  const why = `migrate, health and lkg match the matrix's "- <Name> release tag:" lines by it (default: ${name})`
  if (displayName) {
    report.found(
      name,
      'display_name',
      matrix?.path ?? null,
      matrix
        ? `${displayName}: the matrix's "- ${displayName} release tag:" line`
        : `${displayName}: every matrix that could be this baseline's names the producer so ("- ${displayName} release tag:"), though none was chosen`
    )
  } else {
    report.undecided(
      name,
      'display_name',
      matrix?.path ?? null,
      matrix
        ? 'the matrix has no "- <Name> release tag:" line in its Baseline Pin section'
        : repo.matrices.length === 0
          ? 'there is no matrix to read it from'
          : "no matrix was chosen, and the matrices that could be this baseline's do not name the producer alike",
      `set display_name to the producer's name as this baseline's matrix writes it: ${why}`
    )
  }
  // the keys in the order a person reads them: who, which files, the producer, the boundary, the checks
  const doc: BaselineDocument = displayName ? { display_name: displayName, trio } : { trio }

  const endpoints = producerEndpointsOf(repo, producer.root)
  if (producer.root) {
    report.found(name, 'producer.root', producer.root, producer.why)
    doc.producer = producerOf(at, producer.root, producer.manifest!, endpoints)
  } else {
    report.undecided(
      name,
      'producer.root',
      null,
      producer.why,
      `set producer.root to the producer's directory (default: services/${name})`
    )
  }
  doc.adapter = adapterOf(
    at,
    endpoints,
    [name, displayName ?? '', producer.root ? basenameOf(producer.root) : ''],
    pin.path
  )
  const suites = suitesOf(at, producer.root, pin.path)
  if (suites) doc.suites = suites
  const owners = ownersOf(at, pin.path, producer.root)
  if (owners) doc.owners = owners
  if (producer.root) {
    const repin = repinOf(at, producer.root, doc.producer?.handoff ?? null)
    if (repin) doc.repin = repin
  }
  if (p.posture === null) {
    report.note(
      name,
      'format',
      pin.path,
      'the pin has no runtime_cutover_posture: the trio predates adoption; baseline-gate migrate brings it to the current format'
    )
  }
  return { name, doc }
}

/**
 * The producer's name that every matrix that could be this pin's ledger writes alike, or null (found by review: a
 * second producer's baseline took the first one's name from that one's matrix).
 */
function agreedDisplayName(repo: Repository, pin: Located<PinFacts>): string | null {
  const names = new Set(
    matrixCandidates(repo, pin)
      .pool.map((m) => m.facts.displayName)
      .filter((n): n is string => n !== null)
  )
  return names.size === 1 ? [...names][0]! : null
}

function uniqueName(name: string, taken: Set<string>): string {
  if (!taken.has(name)) return name
  for (let i = 2; ; i++) {
    const candidate = `${name.slice(0, 60)}-${i}`
    if (!taken.has(candidate)) return candidate
  }
}
