// The versions of the tools a run used (evidence: DESIGN.md §7), asked all at once, each with a deadline.
import { execFile } from 'node:child_process'

const TIMEOUT_MS = 10_000

const TOOLS: Record<string, string[]> = {
  git: ['git', '--version'],
  cargo: ['cargo', '--version'],
  rustc: ['rustc', '--version']
}

function versionOf(argv: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((done) => {
    execFile(argv[0]!, argv.slice(1), { timeout: TIMEOUT_MS, env, windowsHide: true }, (err, stdout) => {
      const line = String(stdout).split('\n')[0]?.trim() ?? ''
      done(err ? `unavailable (${(err as NodeJS.ErrnoException).code ?? 'error'})` : line || 'unknown')
    })
  })
}

/** node, git, cargo and rustc; a tool that is missing or hangs reads "unavailable (...)". */
export async function toolVersions(env: NodeJS.ProcessEnv): Promise<Record<string, string>> {
  const names = Object.keys(TOOLS)
  const versions = await Promise.all(names.map((n) => versionOf(TOOLS[n]!, env)))
  const out: Record<string, string> = { node: process.version }
  names.forEach((n, i) => (out[n] = versions[i]!))
  return out
}
