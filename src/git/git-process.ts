// How this tool starts git: the module loaded on first use, the deadline and the bounds of every git process, the
// options and the environment that keep the user's configuration from changing what git prints or asks.
import { isAbsolute, resolve } from 'node:path'

// loaded when git first runs: node:child_process (with the net and stream modules it loads) is 5 ms of every
// start-up, and `health` reads .git itself and runs no git at all
export const childProcess = () => process.getBuiltinModule('node:child_process')

export const TIMEOUT_MS = 30_000
export const MAX_OUTPUT = 64 * 1024 * 1024
export const MAX_STDERR = 64 * 1024

export class GitError extends Error {
  override name = 'GitError'
}

export interface GitResult {
  code: number
  stdout: Buffer
  stderr: string
}

// no pager, no colour, no prompts: a gate never waits for a human
// The user's configuration must not change what git prints: quoted paths, colours, and signature lines
// (`log.showSignature` printed "No signature" before a signed commit's `%H %cI`, which the history walk took for a
// revision: a stability window went unjudged)
export const OPTIONS = ['-c', 'core.quotepath=off', '-c', 'color.ui=never', '-c', 'log.showSignature=false']
export const env = () => {
  const e: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' }
  // git resolves a relative location from its own working directory, which is the root, not where the command
  // was started (a hook's GIT_DIR=.git with --root apps/consumer: found by review); made absolute from there
  for (const name of LOCATION_VARIABLES) {
    const value = e[name]
    if (value && !isAbsolute(value)) e[name] = resolve(value)
  }
  return e
}
const LOCATION_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_COMMON_DIR',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY'
]
