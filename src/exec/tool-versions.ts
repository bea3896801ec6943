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

async function ask(env: NodeJS.ProcessEnv): Promise<Record<string, string>> {
  const names = Object.keys(TOOLS)
  const versions = await Promise.all(names.map((n) => versionOf(TOOLS[n]!, env)))
  const out: Record<string, string> = { node: process.version }
  names.forEach((n, i) => (out[n] = versions[i]!))
  return out
}

/** node, git, cargo and rustc; a tool that is missing or hangs reads "unavailable (...)". */
export function toolVersions(env: NodeJS.ProcessEnv): Promise<Record<string, string>> {
  const key = JSON.stringify([process.cwd(), DECIDING.map((name) => env[name] ?? null)])
  let versions = asked.get(key)
  if (versions === undefined) {
    versions = ask(env)
    asked.set(key, versions)
    versions.then((v) => {
      if (Object.values(v).some((line) => line.startsWith('unavailable'))) asked.delete(key)
    })
  }
  // a copy: the caller's packet is its own
  return versions.then((v) => ({ ...v }))
}
