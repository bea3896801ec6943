// The producer, from its Cargo workspace and its sources: the endpoints it serves (the known ones plus the
// `/vN/...` routes its code spells out) and the binary that serves them.
import type { CargoBinary, CargoManifest } from './cargo.js'
import { dirnameOf, isUnder } from './paths.js'

export interface RustSource {
  path: string
  text: string
}

/**
 * The directory that owns `path` as a producer: the nearest directory above it (never the repository root, nor
 * another of the consumer's directories in `consumer`) whose Cargo.toml is a workspace root, else the nearest one
 * with a package; null when none.
 */
export function cargoRootOf(
  manifests: ReadonlyMap<string, CargoManifest>,
  path: string,
  consumer: ReadonlySet<string> = new Set()
): string | null {
  let nearestPackage: string | null = null
  for (let dir = dirnameOf(path); dir !== ''; dir = dirnameOf(dir)) {
    const m = manifests.get(dir)
    if (!m || consumer.has(dir)) continue
    if (m.workspace) return dir
    nearestPackage ??= m.package ? dir : null
  }
  return nearestPackage
}

/** The code of a Rust file without its unit tests (an unindented `#[cfg(test)]` starts them, by convention). */
export function withoutTests(text: string): string {
  const m = /^#\[cfg\(test\)\]/m.exec(text)
  return m ? text.slice(0, m.index) : text
}

/** `"/v1/..."` string literals: the routes a producer spells out. */
export function routeLiterals(text: string): string[] {
  const out = new Set<string>()
  for (const m of withoutTests(text).matchAll(/"(\/v\d+\/[A-Za-z0-9._~:@!$&'()*+,;=%/{}-]*[A-Za-z0-9}_-])"/g))
    out.add(m[1]!)
  return [...out].sort()
}

/** The producer's endpoints: the known ones first (in their order), then the other routes its sources name. */
export function producerEndpoints(known: readonly string[], sources: readonly RustSource[]): string[] {
  const extra = new Set<string>()
  for (const s of sources) for (const r of routeLiterals(s.text)) if (!known.includes(r)) extra.add(r)
  return [...known, ...[...extra].sort()]
}

export interface BinaryCandidate {
  binary: CargoBinary
  /** The producer endpoints its package's sources name. */
  named: string[]
  /** Whether its package's sources mention `--bind` (how it takes its listen address). */
  bind: boolean
}

export interface BinaryChoice {
  chosen: BinaryCandidate | null
  /** Every binary of the workspace's members, best first. */
  candidates: BinaryCandidate[]
  /** Why the first is chosen; or, when none is, why not. */
  why: string
  /** More than one binary was equally good: the choice is a guess. */
  tie: boolean
}

/**
 * The binary that serves the endpoints: among the binaries whose package's sources name any, one of a package
 * named like a service (or server), then the one naming the most, then one that takes `--bind`, then the one whose
 * own main file names them, then the one named after its package.
 */
export function chooseBinary(
  binaries: readonly CargoBinary[],
  sourcesOf: (binary: CargoBinary) => readonly RustSource[],
  endpoints: readonly string[]
): BinaryChoice {
  const candidates = binaries.map((binary) => {
    const sources = sourcesOf(binary)
    const named = endpoints.filter((e) => sources.some((s) => s.text.includes(e)))
    return { binary, named, bind: sources.some((s) => s.text.includes('--bind')), sources }
  })
  const score = (c: (typeof candidates)[number]) => [
    c.named.length > 0 ? 1 : 0,
    /service|server/i.test(c.binary.package) ? 1 : 0,
    c.named.length,
    c.bind ? 1 : 0,
    c.sources.some((s) => s.path === c.binary.main && endpoints.some((e) => s.text.includes(e))) ? 1 : 0,
    c.binary.name === c.binary.package ? 1 : 0
  ]
  const ranked = candidates
    .map((c) => ({ c, s: score(c) }))
    .sort((a, b) => compareScores(b.s, a.s) || compareText(key(a.c.binary), key(b.c.binary)))
  const out = ranked.map(({ c }) => ({ binary: c.binary, named: c.named, bind: c.bind }))
  const best = ranked[0]
  if (!best || best.c.named.length === 0) {
    return {
      chosen: null,
      candidates: out,
      why:
        binaries.length === 0
          ? 'the workspace builds no binary'
          : `none of its ${binaries.length} binar${binaries.length === 1 ? 'y' : 'ies'} (${binaries.map((b) => b.name).join(', ')}) has sources that name a producer endpoint`,
      tie: false
    }
  }
  const tie = ranked.length > 1 && compareScores(ranked[1]!.s, best.s) === 0
  const c = out[0]!
  const reasons = [
    `its package ${c.binary.package} names ${c.named.length} of the ${endpoints.length} producer endpoints`,
    ...(/service|server/i.test(c.binary.package) ? ['is named like a service'] : []),
    ...(c.bind ? ['takes --bind'] : [])
  ]
  return { chosen: c, candidates: out, why: reasons.join(', '), tie }
}

/** The Rust sources of the package in `pkgDir`: the files under its src/. */
export function packageSources(pkgDir: string, rustFiles: readonly RustSource[]): RustSource[] {
  const src = pkgDir === '' ? 'src' : `${pkgDir}/src`
  return rustFiles.filter((f) => isUnder(f.path, src))
}

function key(b: CargoBinary): string {
  return `${b.package}\0${b.name}`
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return 0
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
