// Cargo.toml, as far as adoption needs it: which directories are workspaces, which packages are their members,
// and which binaries each package builds (the explicit [[bin]] targets and the ones Cargo infers from files).
import { parse, TomlError } from 'smol-toml'
import { basenameOf, dirnameOf, isUnder, joinPath, relativeTo } from './paths.js'
import type { FileSet } from './paths.js'
import { classToken, globMatcher } from '../text/glob-nfa.js'
import type { GlobMatcher, GlobToken } from '../text/glob-nfa.js'

export interface CargoManifest {
  /** The directory of the Cargo.toml, relative to the repository root ('' for the root). */
  dir: string
  /** [package]: null for a virtual workspace manifest. */
  package: { name: string; autobins: boolean } | null
  /** [[bin]] entries as written; `path` relative to `dir`, null when Cargo infers it. */
  bins: { name: string; path: string | null }[]
  /** [workspace]: member globs and excluded paths, relative to `dir`; null when this is no workspace root. */
  workspace: { members: string[]; exclude: string[] } | null
}

export interface CargoBinary {
  package: string
  name: string
  /** The package directory (relative to the repository root). */
  dir: string
  /** The binary's main source file (relative to the repository root). */
  main: string
  /** How Cargo knows it: an explicit [[bin]] or inferred from src/main.rs or src/bin/. */
  origin: 'explicit' | 'implicit'
}

export type CargoParse = { ok: true; manifest: CargoManifest } | { ok: false; problem: string }

export function parseCargoToml(dir: string, text: string): CargoParse {
  let doc: Record<string, unknown>
  try {
    doc = parse(text) as Record<string, unknown>
  } catch (e) {
    const why = e instanceof TomlError ? e.message.split('\n')[0]! : String(e)
    return { ok: false, problem: why }
  }
  const pkg = table(doc.package)
  const name = typeof pkg?.name === 'string' ? pkg.name : null
  const ws = table(doc.workspace)
  const bins = (Array.isArray(doc.bin) ? doc.bin : [])
    .map(table)
    .filter((b): b is Record<string, unknown> => b !== null && typeof b.name === 'string')
    .map((b) => ({ name: b.name as string, path: typeof b.path === 'string' ? normalise(b.path) : null }))
  return {
    ok: true,
    manifest: {
      dir,
      package: name === null ? null : { name, autobins: pkg?.autobins !== false },
      bins,
      workspace: ws
        ? { members: strings(ws.members).map(normalise), exclude: strings(ws.exclude).map(normalise) }
        : null
    }
  }
}

/**
 * The member package directories of a workspace, among the directories that hold a Cargo.toml (`packageDirs`):
 * the workspace's own package, and every directory a `members` glob matches that `exclude` does not name.
 */
export function workspaceMembers(workspace: CargoManifest, packageDirs: readonly string[]): string[] {
  if (!workspace.workspace) return workspace.package ? [workspace.dir] : []
  const { members, exclude } = workspace.workspace
  const patterns = members.map((m) => memberMatcher(m))
  const excluded = exclude.map((e) => joinPath(workspace.dir, e))
  const out = packageDirs.filter((d) => {
    if (!isUnder(d, workspace.dir) || d === workspace.dir) return false
    const rel = relativeTo(d, workspace.dir)
    return patterns.some((p) => p.test(rel)) && !excluded.some((e) => isUnder(d, e))
  })
  if (workspace.package) out.unshift(workspace.dir)
  return out.sort()
}

/**
 * The binaries of a package: each explicit [[bin]] (its path, or the one Cargo infers for its name), then the
 * inferred ones no explicit target claims: src/main.rs (named after the package), src/bin/<name>.rs and
 * src/bin/<name>/main.rs.
 */
export function binariesOf(manifest: CargoManifest, files: FileSet): CargoBinary[] {
  if (!manifest.package) return []
  const pkg = manifest.package.name
  const at = (rel: string) => joinPath(manifest.dir, rel)
  const out: CargoBinary[] = []
  for (const bin of manifest.bins) {
    const guesses = bin.path
      ? [bin.path]
      : [
          `src/bin/${bin.name}.rs`,
          `src/bin/${bin.name}/main.rs`,
          ...(bin.name === pkg ? ['src/main.rs'] : [])
        ]
    const main = guesses.map(at).find((p) => files.has(p)) ?? at(guesses[0]!)
    out.push({ package: pkg, name: bin.name, dir: manifest.dir, main, origin: 'explicit' })
  }
  if (!manifest.package.autobins) return out
  const inferred: { name: string; main: string }[] = []
  if (files.has(at('src/main.rs'))) inferred.push({ name: pkg, main: at('src/main.rs') })
  const binDir = at('src/bin/')
  for (const path of files.under(binDir)) {
    const rest = path.slice(binDir.length)
    if (/^[^/]+\.rs$/.test(rest)) inferred.push({ name: rest.slice(0, -3), main: path })
    else if (/^[^/]+\/main\.rs$/.test(rest)) inferred.push({ name: basenameOf(dirnameOf(path)), main: path })
  }
  // a file an explicit target already builds, or a name it already has, is not a second binary
  const claimed = (b: { name: string; main: string }) =>
    out.some((e) => e.name === b.name || e.main === b.main)
  for (const b of inferred) {
    if (!claimed(b))
      out.push({ package: pkg, name: b.name, dir: manifest.dir, main: b.main, origin: 'implicit' })
  }
  return out
}

/**
 * Cargo's member globs as the glob crate reads them, path component by path component: `*` and `?` within one,
 * `**` as a whole one (any number of directories; elsewhere Cargo refuses the pattern, and it names no member
 * here), `[...]` classes (`[!...]` negated, `]` first taken as itself). Matched in linear time (text/glob-nfa.ts):
 * a contributor writes Cargo.toml.
 */
export function memberMatcher(glob: string): GlobMatcher {
  const tokens: GlobToken[] = []
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!
    if (c === '*' && glob[i + 1] === '*') {
      const atStart = i === 0 || glob[i - 1] === '/'
      if (!atStart || (glob[i + 2] !== '/' && i + 2 !== glob.length)) return NO_MEMBER
      tokens.push(glob[i + 2] === '/' ? { kind: 'dirs' } : { kind: 'any' })
      i += 2
    } else if (c === '*') tokens.push({ kind: 'segment' })
    else if (c === '?') tokens.push({ kind: 'one' })
    else if (c === '[') {
      // a `]` right after `[` or `[!` is the class's own character, not its end
      const first = glob[i + 1] === '!' ? i + 2 : i + 1
      const end = glob.indexOf(']', glob[first] === ']' ? first + 1 : first)
      if (end === -1) tokens.push({ kind: 'char', ch: '[' })
      else {
        tokens.push(classToken(glob.slice(i + 1, end)))
        i = end
      }
    } else tokens.push({ kind: 'char', ch: c })
  }
  return globMatcher(tokens, 'exact')
}

const NO_MEMBER: GlobMatcher = { test: () => false }

function table(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}

/** `./crates/x/` -> `crates/x`. */
function normalise(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '')
}
