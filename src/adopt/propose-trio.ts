// init's decisions about the rest of the trio: the mirror of the pinned manifest, and the matrix.
import { sha256 } from '../fs/digest.js'
import { defaultBaseline } from '../policy/defaults.js'
import { basenameOf } from './paths.js'
import { matrixNamesTag } from './trio-files.js'
import type { MatrixFacts, PinFacts } from './trio-files.js'
import type { Located, Proposing } from './repository.js'

// ---- the trio's mirror and matrix ----

export function chooseMirror({ repo, name, report }: Proposing, pin: Located<PinFacts>): string | null {
  const candidates = repo.manifests.filter((m) => m.root === null)
  const digest = pin.facts.manifest_sha256
  if (digest === null) {
    report.undecided(
      name,
      'trio.manifest',
      pin.path,
      'the pin has no expected_producer_manifest_sha256 (it predates the digest): the mirror can only be matched by its release',
      "add the SHA-256 of the mirror's exact bytes to the pin as expected_producer_manifest_sha256; health reports its absence"
    )
  }
  const defaultPath = defaultBaseline(name).trio.manifest
  if (candidates.length === 0) {
    report.undecided(
      name,
      'trio.manifest',
      null,
      'no mirror: no JSON outside the producer holds "manifest_contract_version": "producer-contract-manifest.v1" (trio revisions from before the mirror have none)',
      `copy the producer's manifest at ${pin.facts.release_tag || 'the pinned release'} byte for byte to ${defaultPath} (the default trio.manifest), or set trio.manifest`
    )
    return null
  }
  const byDigest = digest === null ? [] : candidates.filter((m) => sha256(m.bytes) === digest)
  // with several pins, a mirror that matches another pin is that baseline's, never a fallback for this one
  const others = repo.pins.filter((x) => x !== pin)
  const unclaimed = candidates.filter(
    (m) =>
      !others.some(
        (x) =>
          sha256(m.bytes) === x.facts.manifest_sha256 ||
          (m.facts.release_tag === x.facts.release_tag && m.facts.commit_sha === x.facts.commit_sha)
      )
  )
  const byIdentity = candidates.filter(
    (m) => m.facts.release_tag === pin.facts.release_tag && m.facts.commit_sha === pin.facts.commit_sha
  )
  let chosen: (typeof candidates)[number] | null = null
  let why = ''
  const matching = byDigest.length >= 1 ? byDigest : byIdentity
  if (matching.length >= 1) {
    chosen = matching.length === 1 ? matching[0]! : preferDefaultOrNearest(matching, defaultPath, pin.path)
    why =
      byDigest.length >= 1
        ? "its SHA-256 equals the pin's expected_producer_manifest_sha256"
        : `its release_tag and commit_sha equal the pin's (${digest === null ? 'the pin has no digest' : "none has the pin's SHA-256"})`
    if (chosen && matching.length > 1)
      why += `; of the ${matching.length} copies that do, ${chosen.path === defaultPath ? 'the one at the default path' : 'the one nearest the pin'}`
  } else if (unclaimed.length === 1) {
    chosen = unclaimed[0]!
    why = `the only producer contract manifest outside the producer${unclaimed.length < candidates.length ? ' that no other pin claims' : ''}; it does not match the pin (${digest === null ? 'another release' : 'another SHA-256'}): health will say so`
  }
  if (!chosen) {
    report.undecided(
      name,
      'trio.manifest',
      null,
      matching.length > 1
        ? `${matching.length} copies match the pin, and none is nearer it than the others (nor at the default path among those): ${matching.map((m) => m.path).join(', ')}`
        : `${candidates.length} producer contract manifests outside the producer and none matches the pin: ${candidates.map((m) => m.path).join(', ')}`,
      matching.length > 1
        ? "set trio.manifest to this baseline's own mirror (another consumer's copy is that consumer's: leave it)"
        : 'set trio.manifest to the byte-exact copy of the producer manifest at the pinned release'
    )
    return null
  }
  report.found(name, 'trio.manifest', chosen.path, `the mirror: ${why}`)
  return chosen.path
}

/**
 * Of several copies that match, the one nearest the pin (the most leading directories in common), and of copies as
 * near, the one at the default path; null when that leaves two. Nearest first: in a monorepo whose top is a consumer
 * too, the default path is the top consumer's mirror (found by review: an app's baseline was given it).
 */
function preferDefaultOrNearest<T extends { path: string }>(
  xs: readonly T[],
  defaultPath: string,
  near: string
): T | null {
  const best = nearestOf(xs, near)
  return best.length === 1 ? best[0]! : (best.find((x) => x.path === defaultPath) ?? null)
}

/**
 * The one of `xs` nearest `near`, or null when two are as near: two consumers of a monorepo that pin the same release
 * each keep their own mirror and matrix beside their pin (found by review: the second consumer's baseline was given
 * the first one's mirror, and no matrix at all).
 */
function nearestTo<T extends { path: string }>(xs: readonly T[], near: string): T | null {
  const best = nearestOf(xs, near)
  return best.length === 1 ? best[0]! : null
}

/** Those of `xs` that share the most leading directories with `near`. */
function nearestOf<T extends { path: string }>(xs: readonly T[], near: string): T[] {
  const y = near.split('/').slice(0, -1)
  const shared = (a: string) => {
    const x = a.split('/').slice(0, -1)
    let n = 0
    while (n < x.length && n < y.length && x[n] === y[n]) n++
    return n
  }
  const most = Math.max(...xs.map((x) => shared(x.path)))
  return xs.filter((x) => shared(x.path) === most)
}

/**
 * The matrices that can be this pin's ledger: those that name its release, else those that name no other pin's
 * (a matrix naming another pin's release is that baseline's ledger, not a fallback for this one).
 */
export function matrixCandidates(
  repo: Proposing['repo'],
  pin: Located<PinFacts>
): { naming: Located<MatrixFacts>[]; pool: Located<MatrixFacts>[] } {
  const tag = pin.facts.release_tag
  const naming = repo.matrices.filter((m) => matrixNamesTag(m.facts, tag))
  const otherTags = repo.pins
    .filter((x) => x !== pin && x.facts.release_tag !== tag)
    .map((x) => x.facts.release_tag)
  const unclaimed = repo.matrices.filter((m) => !otherTags.some((t) => matrixNamesTag(m.facts, t)))
  return { naming, pool: naming.length > 0 ? naming : unclaimed }
}

export function chooseMatrix(
  { repo, name, report }: Proposing,
  pin: Located<PinFacts>
): Located<MatrixFacts> | null {
  const all = repo.matrices
  const tag = pin.facts.release_tag
  if (all.length === 0) {
    report.undecided(
      name,
      'trio.matrix',
      null,
      'no matrix: no Markdown file has both a "## Baseline Pin" and an "## Approved Version Pairs" section',
      `write the compatibility matrix (the default trio.matrix is ${defaultBaseline(name).trio.matrix}), or set trio.matrix`
    )
    return null
  }
  const candidates = matrixCandidates(repo, pin)
  const naming = candidates.naming
  let pool = candidates.pool
  if (pool.length > 1) {
    // the one that refers to this pin's file, then the one whose Baseline Pin names the tag
    const pinName = basenameOf(pin.path)
    const refers = pool.filter((m) => m.facts.text.includes(pinName))
    if (refers.length >= 1) pool = refers
    const exact = pool.filter((m) => m.facts.releaseTag === tag)
    if (exact.length >= 1) pool = exact
  }
  // two consumers that pin the same release: each keeps its own ledger beside its pin
  const nearest = pool.length > 1 ? nearestTo(pool, pin.path) : null
  if (nearest) pool = [nearest]
  if (pool.length !== 1) {
    report.undecided(
      name,
      'trio.matrix',
      null,
      pool.length === 0
        ? `no matrix names ${tag || 'the pinned release'}; ${all.map((m) => m.path).join(', ')} ${all.length === 1 ? 'is' : 'are'} another baseline's`
        : `${pool.length} matrices ${naming.length > 0 ? `name ${tag}` : 'and none names the pinned release'}: ${pool.map((m) => m.path).join(', ')}`,
      'set trio.matrix to the ledger of this baseline'
    )
    return null
  }
  const chosen = pool[0]!
  report.found(
    name,
    'trio.matrix',
    chosen.path,
    naming.includes(chosen)
      ? `the matrix: Baseline Pin and Approved Version Pairs sections, names ${tag}${nearest ? `; of the matrices that do, the one nearest the pin` : ''}`
      : `the only matrix (Baseline Pin and Approved Version Pairs sections), but it does not name ${tag || 'the pinned release'}: health will say so`
  )
  return chosen
}
