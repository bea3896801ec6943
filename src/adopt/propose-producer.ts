// init's decisions about the producer: which Cargo workspace holds it, its canonical manifest and handoff
// payload, the binary the preflight starts and the endpoints it serves.
import { sha256 } from '../fs/digest.js'
import { ENDPOINTS } from '../producer/endpoints.js'
import { defaultBaseline } from '../policy/defaults.js'
import { binariesOf, workspaceMembers } from './cargo.js'
import {
  basenameOf,
  dirnameOf,
  extensionOf,
  isBuildOutput,
  isUnder,
  joinPath,
  relativeTo,
  testPatternOf
} from './paths.js'
import { chooseBinary, packageSources, producerEndpoints } from './producer.js'
import type { RustSource } from './producer.js'
import type { PinFacts } from './trio-files.js'
import type { BaselineDocument } from './document.js'
import { normaliseName } from './repository.js'
import type { Located, Proposing, Repository } from './repository.js'

const SCHEMAS = defaultBaseline('x').producer.probe.schemas
const DEFAULT_MANIFEST = defaultBaseline('x').producer.manifest
const DEFAULT_HANDOFF = defaultBaseline('x').producer.handoff

// ---- the producer ----

export interface ProducerRootChoice {
  root: string | null
  /** The canonical manifest (relative to the repository root). */
  manifest: string | null
  why: string
}

export function chooseProducerRoot(
  repo: Repository,
  pin: Located<PinFacts>,
  fromFile: string | null
): ProducerRootChoice {
  const roots = repo.producerRoots
  if (roots.length === 0) {
    const loose = repo.manifests.length
    return {
      root: null,
      manifest: null,
      why: `no Cargo workspace or package holds a producer contract manifest ("manifest_contract_version": "producer-contract-manifest.v1")${loose > 0 ? ` (${loose} outside any: ${repo.manifests.map((m) => m.path).join(', ')})` : ''}`
    }
  }
  const scored = roots.map((root) => {
    const own = repo.manifests.filter((m) => m.root === root)
    const digest = own.some(
      (m) => pin.facts.manifest_sha256 !== null && sha256(m.bytes) === pin.facts.manifest_sha256
    )
    const identity = own.some(
      (m) => m.facts.release_tag === pin.facts.release_tag && m.facts.commit_sha === pin.facts.commit_sha
    )
    const named = fromFile !== null && normaliseName(basenameOf(root)) === normaliseName(fromFile)
    return { root, own, score: (digest ? 4 : 0) + (identity ? 2 : 0) + (named ? 1 : 0) }
  })
  scored.sort((a, b) => b.score - a.score)
  const best = scored[0]!
  if (scored.length > 1 && scored[1]!.score === best.score) {
    return {
      root: null,
      manifest: null,
      why: `${roots.length} Cargo workspaces hold a producer contract manifest (${roots.join(', ')}) and none matches the pin ${pin.path} better than the others`
    }
  }
  const manifest = canonicalManifest(best.own, pin)
  const why =
    roots.length === 1
      ? `the Cargo ${repo.cargo.get(best.root)?.workspace ? 'workspace' : 'package'} that holds the producer's contract manifest ${manifest.path}`
      : `of the ${roots.length} Cargo workspaces holding a producer contract manifest, the one ${best.score >= 4 ? "whose manifest has the pin's SHA-256" : best.score >= 2 ? "whose manifest has the pin's release" : "named like the pin's file"} (${manifest.path})`
  return { root: best.root, manifest: manifest.path, why }
}

/** Of a producer's manifests: the one at the default path, else the pin's (digest, then release), else the first. */
function canonicalManifest(
  own: Repository['manifests'],
  pin: Located<PinFacts>
): Repository['manifests'][number] {
  return (
    own.find((m) => m.root !== null && relativeTo(m.path, m.root) === DEFAULT_MANIFEST) ??
    own.find((m) => sha256(m.bytes) === pin.facts.manifest_sha256) ??
    own.find((m) => m.facts.release_tag === pin.facts.release_tag) ??
    own[0]!
  )
}

function producerRustSources(repo: Repository, root: string): RustSource[] {
  const out: RustSource[] = []
  for (const path of repo.files.under(`${root}/`)) {
    // judged inside the producer: a producer vendored under vendor/ still has its sources read, not its target/
    const own = relativeTo(path, root)
    if (extensionOf(path) !== 'rs' || isBuildOutput(own) || testPatternOf(own)) continue
    const bytes = repo.inv.read(path)
    if (bytes) out.push({ path, text: bytes.toString('utf8') })
  }
  return out
}

export function producerEndpointsOf(repo: Repository, root: string | null): string[] {
  const known = Object.values(ENDPOINTS) as string[]
  return root ? producerEndpoints(known, producerRustSources(repo, root)) : known
}

export function producerOf(
  { repo, name, report }: Proposing,
  root: string,
  manifestPath: string,
  endpoints: string[]
): NonNullable<BaselineDocument['producer']> {
  const out: NonNullable<BaselineDocument['producer']> = { root, manifest: relativeTo(manifestPath, root) }
  report.found(
    name,
    'producer.manifest',
    manifestPath,
    `the producer's contract manifest (producer-contract-manifest.v1)`
  )
  const known = Object.values(ENDPOINTS) as string[]
  const extra = endpoints.filter((e) => !known.includes(e))
  if (extra.length > 0)
    report.note(
      name,
      'adapter.endpoints',
      root,
      `the producer's sources also name the routes ${extra.join(', ')}: counted as producer endpoints`
    )

  const handoffs = repo.handoffs.filter((h) => isUnder(h.path, root))
  const handoff =
    handoffs.find((h) => relativeTo(h.path, root) === DEFAULT_HANDOFF) ??
    (handoffs.length === 1
      ? handoffs[0]
      : handoffs.find((h) => h.mode === 'stable' && /latest/i.test(h.path)))
  if (handoff) {
    out.handoff = relativeTo(handoff.path, root)
    report.found(
      name,
      'producer.handoff',
      handoff.path,
      `the producer's handoff payload (handoff_mode ${handoff.mode ?? '?'})`
    )
  } else {
    report.undecided(
      name,
      'producer.handoff',
      root,
      handoffs.length === 0
        ? `no handoff payload (a JSON with handoff_mode) under ${root}`
        : `${handoffs.length} handoff payloads under ${root}: ${handoffs.map((h) => h.path).join(', ')}`,
      `set producer.handoff to the payload the producer publishes (relative to ${root}; default ${DEFAULT_HANDOFF})`
    )
  }

  // the binary: among the workspace members', the one whose sources serve the endpoints
  const ws = repo.cargo.get(root)!
  const packageDirs = [...repo.cargo.values()].filter((m) => m.package).map((m) => m.dir)
  const members = workspaceMembers(ws, packageDirs)
  const binaries = members.flatMap((d) => binariesOf(repo.cargo.get(d)!, repo.files))
  const sources = producerRustSources(repo, root)
  const choice = chooseBinary(binaries, (b) => packageSources(b.dir, sources), endpoints)
  if (choice.chosen) {
    const { binary } = choice.chosen
    out.start = {
      run: [
        'cargo',
        'run',
        '--quiet',
        '--locked',
        '-p',
        binary.package,
        '--bin',
        binary.name,
        '--',
        '--bind',
        '127.0.0.1:{port}'
      ],
      cwd: '{producer_root}'
    }
    report.found(name, 'producer.start', binary.main, `the binary ${binary.name}: ${choice.why}`)
    if (choice.tie) {
      const others = choice.candidates.slice(1).filter((c) => c.named.length > 0)
      report.undecided(
        name,
        'producer.start',
        binary.main,
        `guessed ${binary.name}: ${others.map((c) => `${c.binary.name} (package ${c.binary.package})`).join(', ')} ${others.length === 1 ? 'is' : 'are'} as likely`,
        'check that producer.start.run starts the service that serves the endpoints (-p PACKAGE --bin BINARY)'
      )
    }
    if (!choice.chosen.bind) {
      report.undecided(
        name,
        'producer.start',
        binary.main,
        `how ${binary.name} takes its listen address: its sources never mention --bind`,
        'replace "--bind", "127.0.0.1:{port}" in producer.start.run with the option it takes (keep {port}: health gives it a free port)'
      )
    }
    if (!repo.files.has(joinPath(root, 'Cargo.lock'))) {
      report.undecided(
        name,
        'producer.start',
        root,
        `${root} has no Cargo.lock: cargo run --locked fails without one`,
        'commit one (cargo generate-lockfile), or drop --locked from producer.start.run'
      )
    }
  } else {
    report.undecided(
      name,
      'producer.start',
      root,
      `no binary to start: ${choice.why}`,
      'set producer.start.run to the argv that starts the producer service (with a {port} placeholder)'
    )
  }

  if (repo.files.under(`${joinPath(root, SCHEMAS)}/`).length > 0) {
    out.probe = { schemas: SCHEMAS }
    report.found(name, 'producer.probe.schemas', joinPath(root, SCHEMAS), "the producer's response schemas")
  } else {
    const elsewhere = [
      ...new Set(
        repo.files
          .under(`${root}/`)
          .filter((p) => p.endsWith('-response.schema.json'))
          .map((p) => relativeTo(dirnameOf(p), root))
      )
    ]
    report.undecided(
      name,
      'producer.probe.schemas',
      root,
      `${root} has no ${SCHEMAS}: the runtime preflight validates each response against the producer's schemas there${elsewhere.length > 0 ? ` (response schemas are in ${elsewhere.join(', ')})` : ''}`,
      'set producer.probe.schemas to the directory of its response schemas (relative to the producer root), or producer.probe.enabled to false'
    )
  }
  return out
}
