// init reads the repository once: the files that can be trio files, producer manifests, handoff payloads,
// matrices and Cargo manifests (raw bytes searched before anything is parsed), and CODEOWNERS.
import type { FileInventory } from '../fs/inventory.js'
import { parseCargoToml } from './cargo.js'
import type { CargoManifest } from './cargo.js'
import { CODEOWNERS_PATHS, parseCodeowners } from './codeowners.js'
import type { CodeownersRule } from './codeowners.js'
import { basenameOf, dirnameOf, extensionOf, fileSet, isNoise, isUnder, isVendored } from './paths.js'
import type { FileSet } from './paths.js'
import { cargoRootOf } from './producer.js'
import { classifyJson, JSON_NEEDLES, readMatrix } from './trio-files.js'
import type { ManifestFacts, MatrixFacts, PinFacts } from './trio-files.js'
import type { InitItem } from './document.js'

const NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/

export interface Located<T> {
  path: string
  facts: T
  bytes: Buffer
}

/** What every baseline's decisions draw on: the repository read once. */
export interface Repository {
  inv: FileInventory
  files: FileSet
  cargo: Map<string, CargoManifest>
  pins: Located<PinFacts>[]
  /** Producer contract manifests: inside a producer (canonical) or outside (mirrors). */
  manifests: (Located<ManifestFacts> & { root: string | null })[]
  handoffs: { path: string; mode: string | null }[]
  matrices: Located<MatrixFacts>[]
  producerRoots: string[]
  codeowners: { path: string; rules: CodeownersRule[] } | null
}

/** One baseline being proposed: the repository as read, the baseline's name, and where each decision is said. */
export interface Proposing {
  repo: Repository
  name: string
  report: Report
}

export class Report {
  private readonly f: InitItem[] = []
  private readonly u: InitItem[] = []
  private readonly n: InitItem[] = []
  found(baseline: string | null, field: string, path: string | null, message: string): void {
    this.f.push({ baseline, field, path, message })
  }
  undecided(
    baseline: string | null,
    field: string,
    path: string | null,
    message: string,
    todo: string
  ): void {
    this.u.push({ baseline, field, path, message, todo })
  }
  note(baseline: string | null, field: string, path: string | null, message: string): void {
    this.n.push({ baseline, field, path, message })
  }
  lists(): { found: InitItem[]; undecided: InitItem[]; notes: InitItem[] } {
    return { found: this.f, undecided: this.u, notes: this.n }
  }
}

// ---- reading: only the files that can matter, each once ----

/**
 * @param consumerDir the directory the user ran init from (or named with --root), relative to the root: when it
 *   holds a pin, it is the consumer's (an app of a monorepo with its own Cargo workspace), never a producer
 */
export function readRepository(inv: FileInventory, report: Report, consumerDir = ''): Repository {
  const files = fileSet(inv.files)
  const cargo = new Map<string, CargoManifest>()
  const pins: Located<PinFacts>[] = []
  const manifests: Located<ManifestFacts>[] = []
  const handoffs: { path: string; mode: string | null }[] = []
  const matrices: Located<MatrixFacts>[] = []
  for (const path of inv.files) {
    // a producer vendored under vendor/ is looked for (its Cargo manifests, its contract manifest and handoff);
    // nothing there is the consumer's trio (found by review: init said no workspace held the manifest)
    const vendored = isVendored(path)
    if (isNoise(path) && !vendored) continue
    const ext = extensionOf(path)
    if (basenameOf(path) === 'Cargo.toml') {
      const bytes = inv.read(path)
      if (!bytes) continue
      const parsed = parseCargoToml(dirnameOf(path), bytes.toString('utf8'))
      if (parsed.ok) cargo.set(parsed.manifest.dir, parsed.manifest)
      // a vendored crate's manifest is not ours to report on
      else if (!vendored)
        report.note(null, 'producer', path, `cannot be parsed as TOML (${parsed.problem}); left out`)
    } else if (ext === 'json') {
      const bytes = inv.read(path)
      // the raw bytes first: most JSON files (package.json, tsconfig.json, fixtures) are never parsed
      if (!bytes || !JSON_NEEDLES.some((n) => bytes.includes(n))) continue
      const c = classifyJson(bytes)
      if (vendored && c.kind !== 'manifest' && c.kind !== 'handoff') continue
      if (c.kind === 'pin') pins.push({ path, facts: c.pin, bytes })
      else if (c.kind === 'manifest') manifests.push({ path, facts: c.manifest, bytes })
      else if (c.kind === 'handoff') handoffs.push({ path, mode: c.mode })
      else if (c.kind === 'unparsable')
        report.undecided(
          null,
          'trio',
          path,
          `looks like a trio file but is not valid JSON (${c.problem})`,
          'fix it, then run baseline-gate init again'
        )
    } else if ((ext === 'md' || ext === 'markdown') && !vendored) {
      const bytes = inv.read(path)
      if (!bytes || !bytes.includes('##')) continue
      const m = readMatrix(bytes.toString('utf8'))
      if (m) matrices.push({ path, facts: m, bytes })
    }
  }
  const located = locateManifests(cargo, manifests, pins, handoffs, ranFrom(cargo, pins, consumerDir))
  const producerRoots = [...new Set(located.map((m) => m.root).filter((r): r is string => r !== null))].sort()
  const inProducer = (p: string) => producerRoots.some((r) => isUnder(p, r))
  // a pin or matrix inside a producer is the producer's own (an example, a template), not the consumer's trio
  for (const p of pins.filter((x) => inProducer(x.path)))
    report.note(
      null,
      'trio.pin',
      p.path,
      `left out: inside the producer in ${producerRoots.find((r) => isUnder(p.path, r))} (taken for the producer's own); if it is the consumer's pin, run init from the consumer's directory (or give it with --root)`
    )
  return {
    inv,
    files,
    cargo,
    pins: pins.filter((p) => !inProducer(p.path)),
    manifests: located,
    handoffs,
    matrices: matrices.filter((m) => !inProducer(m.path)),
    producerRoots,
    codeowners: readCodeowners(inv, files)
  }
}

/**
 * The consumer's directory init ran from, as a Cargo root: the directory itself when it holds a pin, else the Cargo
 * root around it when that holds one (found by review: from apps/consumer/src, the app's own Cargo root was taken
 * for the producer, and from apps/consumer it was not).
 */
function ranFrom(
  cargo: ReadonlyMap<string, CargoManifest>,
  pins: readonly Located<PinFacts>[],
  consumerDir: string
): string[] {
  if (consumerDir === '') return []
  const holdsPin = (dir: string) => pins.some((p) => isUnder(p.path, dir))
  if (holdsPin(consumerDir)) return [consumerDir]
  const root = cargoRootOf(cargo, `${consumerDir}/.`)
  return root !== null && holdsPin(root) ? [root] : []
}

/**
 * Each manifest with the producer that holds it. Producers do not nest: a Cargo root with another producer's root
 * below it is the consumer's directory (its own workspace, the producer checked in under it), so what it holds
 * outside that producer is a mirror. Nor is a Cargo root that holds a pin and no handoff payload a producer, while
 * another root looks like one (it holds a handoff, or no pin): it is a Rust consumer of a monorepo, and its manifest
 * is its mirror (found by review: such an app was taken for the producer, and its pin left out). `consumer`:
 * directories known to be the consumer's.
 */
function locateManifests(
  cargo: ReadonlyMap<string, CargoManifest>,
  manifests: readonly Located<ManifestFacts>[],
  pins: readonly Located<PinFacts>[],
  handoffs: readonly { path: string }[],
  consumer: readonly string[]
): (Located<ManifestFacts> & { root: string | null })[] {
  const skip = new Set(consumer)
  for (;;) {
    const located = manifests.map((m) => ({ ...m, root: cargoRootOf(cargo, m.path, skip) }))
    const roots = [...new Set(located.map((m) => m.root).filter((r): r is string => r !== null))]
    const holders = roots.filter((r) => roots.some((inner) => inner !== r && isUnder(inner, r)))
    // a pin or handoff inside a root nested in `r` is that root's, not r's
    const own = (path: string, r: string) =>
      isUnder(path, r) && !roots.some((inner) => inner !== r && isUnder(inner, r) && isUnder(path, inner))
    const holdsPin = (r: string) => pins.some((p) => own(p.path, r))
    const holdsHandoff = (r: string) => handoffs.some((h) => own(h.path, r))
    const producerLike = (r: string) => holdsHandoff(r) || !holdsPin(r)
    const consumers = roots.filter(
      (r) => holdsPin(r) && !holdsHandoff(r) && roots.some((o) => o !== r && producerLike(o))
    )
    const more = [...holders, ...consumers].filter((r) => !skip.has(r))
    if (more.length === 0) return located
    for (const r of more) skip.add(r)
  }
}

function readCodeowners(inv: FileInventory, files: FileSet): Repository['codeowners'] {
  // GitHub uses the first of these it finds
  const path = CODEOWNERS_PATHS.find((p) => files.has(p))
  const bytes = path ? inv.read(path) : null
  return path && bytes ? { path, rules: parseCodeowners(bytes.toString('utf8')) } : null
}

export function normaliseName(raw: string): string {
  const name = raw
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 63)
    .replace(/-+$/, '')
  return NAME.test(name) ? name : 'baseline'
}
