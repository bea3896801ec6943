// The built command line (dist/cli/index.js) run as a child process, the way a user runs it: no colours, a
// HOME and a TMPDIR of its own (tool version probes such as rustup's cargo may write there), a kill timer as a
// safety net against a hung child (not a performance assertion).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT, tempDir } from './fixture.js'

export const CLI = join(REPO_ROOT, 'dist', 'cli', 'index.js')
/** A line of a stack trace: the command line never prints one. */
export const STACK_LINE = /^\s+at\s/m
const CHILD_TIMEOUT_MS = 60_000

export interface CliRun {
  status: number | null
  stdout: string
  stderr: string
}

/** For beforeAll: the acceptance tests need the bundle. */
export function requireBuiltCli(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`)
}

let tmp: string | null = null
/**
 * One TMPDIR for the test file's runs, removed with its fixtures: a dry run's evidence goes to a new temporary
 * directory. (The code cache is beside the bundle, dist/cli/.compile-cache/, warm from one run to the next as on
 * a machine.)
 */
function cliTmp(): string {
  if (tmp === null || !existsSync(tmp)) tmp = tempDir('bg-cli-tmp-')
  return tmp
}

export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      NO_COLOR: '1',
      HOME: tempDir('bg-cli-home-'),
      TMPDIR: cliTmp(),
      ...env
    },
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS
  })
  if (r.error) throw r.error
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}
