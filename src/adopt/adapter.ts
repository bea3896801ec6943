// The consumer's adapter boundary: where its own sources are (the scan globs, per language), and which of them is
// the adapter (the file, or one per language, naming the most producer endpoints).
import {
  dirnameOf,
  generatedDirOf,
  isBuildDir,
  isBuildOutput,
  isToolPath,
  isUnder,
  languageOf,
  testPatternOf
} from './paths.js'
import { TS_GLOB_EXT } from '../policy/defaults.js'
import type { Language } from './paths.js'
import { codeUnitOrder } from '../text/order.js'

export interface ConsumerSources {
  /** The consumer's own source files: outside the producer, build output, generated code, tests and tooling. */
  files: { path: string; language: Language }[]
  /** Globs covering them, relative to the root: one per TypeScript top directory, one per Rust crate's src/. */
  scan: string[]
  /** Globs for what the scan globs cover but is not the consumer's own code (generated code, tests, the producer). */
  exclude: string[]
}

/**
 * @param producerRoots every producer's root (their code is not the consumer's)
 * @param cargoDirs the directories holding a Cargo.toml with a [package]
 */
export function consumerSources(
  files: readonly string[],
  producerRoots: readonly string[],
  cargoDirs: readonly string[]
): ConsumerSources {
  const inProducer = (p: string) => producerRoots.some((r) => isUnder(p, r))
  const crates = cargoDirs.filter((d) => !inProducer(d))
  const own: { path: string; language: Language }[] = []
  const roots = new Map<string, Language>()
  for (const path of files) {
    const language = languageOf(path)
    if (!language || inProducer(path) || isBuildOutput(path) || generatedDirOf(path) || testPatternOf(path))
      continue
    if (language === 'typescript') {
      // files at the top are configuration (eslint.config.js, vite.config.ts); tooling directories are not the app
      if (!path.includes('/') || isToolPath(path)) continue
      roots.set(`${path.split('/')[0]!}/**/*.${TS_GLOB_EXT}`, language)
    } else {
      const crate = nearestCrate(path, crates)
      const src = crate === null ? null : crate === '' ? 'src' : `${crate}/src`
      // only what a crate compiles from src/: build.rs, examples and benches are not the app's code
      if (src === null || !isUnder(path, src)) continue
      roots.set(`${src}/**/*.rs`, language)
    }
    own.push({ path, language })
  }
  // TypeScript first, as the adapter files are listed
  const scan = [...roots.keys()].sort(
    (a, b) => codeUnitOrder(roots.get(b)!, roots.get(a)!) || codeUnitOrder(a, b)
  )
  const ownSet = new Set(own.map((f) => f.path))
  const exclude = new Set<string>()
  for (const path of files) {
    if (ownSet.has(path) || !scan.some((g) => globCovers(g, path))) continue
    const producer = producerRoots.find((r) => isUnder(path, r))
    const reason =
      producer !== undefined
        ? `${producer}/**`
        : (generatedDirOf(path)?.concat('/**') ?? testPatternOf(path) ?? buildDirGlob(path))
    if (reason) exclude.add(reason)
  }
  // a scanned directory that holds a producer: its code (and its build output on disk) is never the consumer's
  for (const r of producerRoots) if (scan.some((g) => isUnder(r, globDir(g)))) exclude.add(`${r}/**`)
  return { files: own, scan, exclude: [...exclude].sort() }
}

/** Whether one of our own scan globs (`<dir>/**\/*.<ext or {exts}>`) covers a path. */
export function globCovers(glob: string, path: string): boolean {
  const m = /^(.*)\/\*\*\/\*\.(\{[^}]+\}|\w+)$/.exec(glob)
  if (!m) return false
  const exts = m[2]!.replace(/[{}]/g, '').split(',')
  const dot = path.lastIndexOf('.')
  return isUnder(path, m[1]!) && path !== m[1] && dot !== -1 && exts.includes(path.slice(dot + 1))
}

/** The directory one of our own scan globs starts from. */
function globDir(glob: string): string {
  return glob.slice(0, glob.indexOf('/**/'))
}

function nearestCrate(path: string, crates: readonly string[]): string | null {
  for (let dir = dirnameOf(path); ; dir = dirnameOf(dir)) {
    if (crates.includes(dir)) return dir
    if (dir === '') return null
  }
}

/** The build-output directory holding a path (dot-directories are never scanned: tinyglobby skips them). */
function buildDirGlob(path: string): string | null {
  const parts = path.split('/')
  for (let i = 0; i < parts.length - 1; i++) {
    if (isBuildDir(parts[i]!)) return `${parts.slice(0, i + 1).join('/')}/**`
  }
  return null
}

export interface NamingFile {
  path: string
  language: Language
  /** The producer endpoints it names, in the producer's order. */
  named: string[]
}

export interface AdapterChoice {
  /** The adapter: the file naming the most endpoints, one per language (TypeScript first). */
  files: NamingFile[]
  /** The endpoints the adapter files name, in the producer's order. */
  endpoints: string[]
  /** The other scanned files that name endpoints: BG603 would fail on each. */
  others: NamingFile[]
  /** Languages where two files named equally many endpoints: the choice between them is a guess. */
  ties: { language: Language; paths: string[] }[]
}

/**
 * @param named the consumer's scanned source files that name at least one endpoint
 * @param hints words (the baseline's and the producer's names) that make a file more likely the adapter on a tie
 */
export function chooseAdapter(
  named: readonly NamingFile[],
  endpoints: readonly string[],
  hints: string[]
): AdapterChoice {
  const files: NamingFile[] = []
  const ties: AdapterChoice['ties'] = []
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '')
  const words = [...hints.map(squash).filter(Boolean), 'adapter', 'client', 'producer', 'endpoints']
  const hintScore = (p: string) => (words.some((w) => squash(p).includes(w)) ? 1 : 0)
  for (const language of ['typescript', 'rust'] as const) {
    const mine = named.filter((f) => f.language === language)
    if (mine.length === 0) continue
    const most = Math.max(...mine.map((f) => f.named.length))
    const top = mine
      .filter((f) => f.named.length === most)
      .sort(
        (a, b) =>
          hintScore(b.path) - hintScore(a.path) ||
          a.path.length - b.path.length ||
          codeUnitOrder(a.path, b.path)
      )
    files.push(top[0]!)
    if (top.length > 1) ties.push({ language, paths: top.map((f) => f.path) })
  }
  // a language's best that names far fewer endpoints than another language's adapter, and is not named like one,
  // is a call past the adapter (a debug page asking the health endpoint), not a second adapter: taking it would switch
  // BG603 off for the very file that leaks; listed with the others, it is the reviewer's to decide. A file naming one
  // endpoint beside another language's adapter is such a call (found by review: a badge component whose comment
  // named the health endpoint became "the TypeScript adapter" beside a Rust one naming two)
  const best = Math.max(0, ...files.map((f) => f.named.length))
  const kept = files.filter(
    (f) =>
      f.named.length === best || (f.named.length >= 2 && f.named.length * 2 >= best) || hintScore(f.path) > 0
  )
  files.splice(0, files.length, ...kept)
  const chosen = new Set(files.map((f) => f.path))
  return {
    files,
    endpoints: endpoints.filter((e) => files.some((f) => f.named.includes(e))),
    others: named.filter((f) => !chosen.has(f.path)),
    ties: ties.filter((t) => files.some((f) => f.language === t.language))
  }
}
