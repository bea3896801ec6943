// What a path is, by its segments: build output, generated code, tests, tooling. Adoption decides from content,
// but only the content of files that can be the consumer's own: a copy in dist/ or a test fixture never is.
import { TS_EXTENSIONS } from '../policy/defaults.js'

/** Build output and dependencies: never a trio file, never a source. */
const BUILD_DIRS = new Set(['node_modules', 'target', 'dist', 'build', 'out', 'coverage', 'vendor'])
/** Generated code: it names whatever its generator was fed; nobody edits it. */
const GENERATED_DIRS = new Set(['generated', '__generated__', 'gen'])
/** Tests and their fixtures: they name endpoints and hold trio-shaped files on purpose. */
const TEST_DIRS = new Set([
  '__tests__',
  '__mocks__',
  '__fixtures__',
  'test',
  'tests',
  'e2e',
  'fixtures',
  'testdata'
])
/** Top-level directories of tooling and documentation, not the application. */
const TOOL_DIRS = new Set(['scripts', 'bench', 'benches', 'tools', 'examples', 'docs', 'doc'])

export type Language = 'typescript' | 'rust'

export function languageOf(path: string): Language | null {
  const ext = extensionOf(path)
  if (ext === 'rs') return 'rust'
  return (TS_EXTENSIONS as readonly string[]).includes(ext) ? 'typescript' : null
}

export function extensionOf(path: string): string {
  const base = basenameOf(path)
  const dot = base.lastIndexOf('.')
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase()
}

export function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

export function dirnameOf(path: string): string {
  const i = path.lastIndexOf('/')
  return i === -1 ? '' : path.slice(0, i)
}

/** `path` is `dir` or inside it ('' is the root, which holds everything). */
export function isUnder(path: string, dir: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`)
}

/** `rel` joined to `dir` ('' is the root). */
export function joinPath(dir: string, rel: string): string {
  return dir === '' ? rel : `${dir}/${rel}`
}

/** `path` relative to `dir` (which must hold it). */
export function relativeTo(path: string, dir: string): string {
  return dir === '' ? path : path.slice(dir.length + 1)
}

function directories(path: string): string[] {
  return path.split('/').slice(0, -1)
}

/** A directory name of build output or dependencies (dist, target, node_modules, ...). */
export function isBuildDir(name: string): boolean {
  return BUILD_DIRS.has(name)
}

/** Inside build output, dependencies or a dot-directory (.git, .github, .baseline-gate, .next, ...). */
export function isBuildOutput(path: string): boolean {
  return directories(path).some((d) => BUILD_DIRS.has(d) || d.startsWith('.'))
}

/** The generated directory that holds `path` (its path), or null. */
export function generatedDirOf(path: string): string | null {
  const dirs = directories(path)
  const i = dirs.findIndex((d) => GENERATED_DIRS.has(d))
  return i === -1 ? null : dirs.slice(0, i + 1).join('/')
}

/** Why `path` is a test file (the glob that excludes it), or null. */
export function testPatternOf(path: string): string | null {
  const dir = directories(path).find((d) => TEST_DIRS.has(d))
  if (dir) return `**/${dir}/**`
  const m = /\.(test|spec)\.[a-z]+$/i.exec(basenameOf(path))
  return m ? `**/*.${m[1]!.toLowerCase()}.*` : null
}

/** In a top-level tooling or documentation directory (scripts/, bench/, docs/, ...). */
export function isToolPath(path: string): boolean {
  const first = path.split('/')[0]!
  return path.includes('/') && TOOL_DIRS.has(first)
}

/** Never a trio file: build output, generated code, tests. */
export function isNoise(path: string): boolean {
  return isBuildOutput(path) || generatedDirOf(path) !== null || testPatternOf(path) !== null
}

/**
 * Noise only for being under a `vendor/` directory: vendored code, where an embedded producer may live (vendor/mk),
 * though never the consumer's own trio. Any other reason (a dot-directory, build output, tests) keeps it noise.
 */
export function isVendored(path: string): boolean {
  const dirs = directories(path)
  return (
    dirs.includes('vendor') &&
    !dirs.some((d) => d !== 'vendor' && (BUILD_DIRS.has(d) || d.startsWith('.'))) &&
    generatedDirOf(path) === null &&
    testPatternOf(path) === null
  )
}

/** Membership and prefix listing over a repository's sorted file list. */
export interface FileSet {
  has(path: string): boolean
  /** The files whose path starts with `prefix` (a directory ending in '/'), in order. */
  under(prefix: string): string[]
}

export function fileSet(sorted: readonly string[]): FileSet {
  const set = new Set(sorted)
  return {
    has: (path) => set.has(path),
    under(prefix) {
      // the list is sorted: the paths with a prefix are one run, found by binary search
      let lo = 0
      let hi = sorted.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (sorted[mid]! < prefix) lo = mid + 1
        else hi = mid
      }
      const out: string[] = []
      for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) out.push(sorted[i]!)
      return out
    }
  }
}
