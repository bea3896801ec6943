// The versions of the tools a run used (evidence: DESIGN.md §7), asked all at once, each with a deadline.
import { execFile } from 'node:child_process'

const TIMEOUT_MS = 10_000

const TOOLS: Record<string, string[]> = {
  git: ['git', '--version'],
  cargo: ['cargo', '--version'],
  rustc: ['rustc', '--version']
}

/**
 * What decides which binary answers: the search path and rustup's choice of toolchain. cargo and rustc are
 * rustup's proxies on most machines, about 50 and 75 ms each to answer. The command line and the actions run one
 * operation a process; the tests run hundreds in one, and ask once per environment. An answer that says a tool
 * was unavailable is not kept: the next operation asks again.
 */
const DECIDING = ['PATH', 'HOME', 'RUSTUP_HOME', 'RUSTUP_TOOLCHAIN', 'CARGO_HOME'] as const

const asked = new Map<string, Promise<Record<string, string>>>()

function versionOf(argv: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((done) => {
    execFile(argv[0]!, argv.slice(1), { timeout: TIMEOUT_MS, env, windowsHide: true }, (err, stdout) => {
      const line = String(stdout).split('\n')[0]?.trim() ?? ''
      done(err ? `unavailable (${(err as NodeJS.ErrnoException).code ?? 'error'})` : line || 'unknown')
    })
  })
}

/** What cargo and rustc read when they were not asked. */
export const NOT_ASKED = 'not asked: no suite ran'

async function ask(env: NodeJS.ProcessEnv, rust: boolean): Promise<Record<string, string>> {
  const names = Object.keys(TOOLS)
  const versions = await Promise.all(
    names.map((n) => (rust || n === 'git' ? versionOf(TOOLS[n]!, env) : Promise.resolve(NOT_ASKED)))
  )
  const out: Record<string, string> = { node: process.version }
  names.forEach((n, i) => (out[n] = versions[i]!))
  return out
}

/**
 * node, git, cargo and rustc; a tool that is missing or hangs reads "unavailable (...)".
 * @param rust ask cargo and rustc too. rustup runs the toolchain the working directory names
 *   (`rust-toolchain.toml`, which may name a directory of the checkout): a program of the repository's own, which
 *   only a run that runs the repository's suites anyway may start (found by review: a promotion without suites
 *   ran a pull request's `tc/bin/rustc` beside the token)
 */
export function toolVersions(env: NodeJS.ProcessEnv, rust = true): Promise<Record<string, string>> {
  const key = JSON.stringify([process.cwd(), rust, DECIDING.map((name) => env[name] ?? null)])
  let versions = asked.get(key)
  if (versions === undefined) {
    versions = ask(env, rust)
    asked.set(key, versions)
    versions.then((v) => {
      if (Object.values(v).some((line) => line.startsWith('unavailable'))) asked.delete(key)
    })
  }
  // a copy: the caller's packet is its own
  return versions.then((v) => ({ ...v }))
}

/** The tools of a run whose suites may not run: cargo and rustc asked only once `suitesRun()` is called. */
export interface RunTools {
  /** Settles with what was asked by the time it is awaited (the packet's writing, after any suite). */
  versions: PromiseLike<Record<string, string>>
  suitesRun(): void
}

export function runTools(env: NodeJS.ProcessEnv): RunTools {
  const without = toolVersions(env, false)
  let withRust: Promise<Record<string, string>> | null = null
  return {
    versions: { then: (ok, fail) => (withRust ?? without).then(ok, fail) },
    suitesRun: () => {
      withRust ??= toolVersions(env, true)
    }
  }
}
