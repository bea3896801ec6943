// The built actions (dist/<action>/index.js) as real child processes in a runner-like environment: the
// environment the runner gives a step (GITHUB_* variables, INPUT_* variables, the GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files), the spawn, and the parse of what the step wrote.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT, tempDir } from './fixture.js'

export type ActionName = 'health' | 'promotion' | 'rollback' | 'repin'

/** A safety net against a hung child, not a performance assertion. */
const CHILD_TIMEOUT_MS = 30_000

/** The path of the built bundle; throws when it is missing (the acceptance tests run dist/, never src/). */
export function builtAction(action: ActionName): string {
  const path = join(REPO_ROOT, 'dist', action, 'index.js')
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`)
  return path
}

/**
 * Parse a GITHUB_OUTPUT file: `name<<DELIM\nvalue\nDELIM` blocks (and plain `name=value` lines). `names` holds
 * every output name, once per time it was written. A block without its closing delimiter, or a line that is
 * neither form, throws.
 */
export function parseOutputFile(text: string): { outputs: Record<string, string>; names: string[] } {
  const outputs: Record<string, string> = {}
  const names: string[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line === '') continue
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delim] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]!)
      if (i >= lines.length) throw new Error(`GITHUB_OUTPUT: no closing delimiter for ${name}`)
      outputs[name!] = value.join('\n')
      names.push(name!)
      continue
    }
    const eq = line.indexOf('=')
    if (eq <= 0) throw new Error(`GITHUB_OUTPUT: cannot parse line ${JSON.stringify(line)}`)
    outputs[line.slice(0, eq)] = line.slice(eq + 1)
    names.push(line.slice(0, eq))
  }
  return { outputs, names }
}

const COMMON_INPUTS = { root: '', policy: '', baseline: '', 'evidence-dir': '' }

export interface ActionRunOptions {
  action: ActionName
  /** GITHUB_WORKSPACE, and the child's working directory. */
  workspace: string
  runId: string
  /** GITHUB_RUN_ATTEMPT; '1' unless given. */
  runAttempt?: string
  job: string
  repository: string
  sha: string
  ref: string
  eventName: string
  /** Written to a file named by GITHUB_EVENT_PATH; without it, GITHUB_EVENT_PATH is not set. */
  eventPayload?: unknown
  /** GITHUB_API_URL (with GITHUB_SERVER_URL https://github.example); without it, neither is set. */
  apiUrl?: string
  /** HOME is the run's own files directory; without it, HOME is not set. */
  home?: boolean
  /**
   * Every input, by its name in action.yml: each becomes INPUT_<NAME> (upper-cased, as the runner does). The
   * inputs of every operation (root, policy, baseline, evidence-dir) are '' unless given.
   */
  inputs: Record<string, string>
  /**
   * Hand the token on as action.yml does: on descriptor 3 (BASELINE_GATE_TOKEN_FD), not in INPUT_TOKEN
   * (src/actions/shared/token-fd.ts).
   */
  tokenOnDescriptor?: boolean
}

export interface ActionRun {
  status: number | null
  stdout: string
  stderr: string
  outputFile: string
  outputText: string
  outputs: Record<string, string>
  /** Every output name, once per time it was written. */
  outputNames: string[]
  summary: string
  /** The directory of GITHUB_OUTPUT, the summary, the event payload and HOME. */
  files: string
  runnerTemp: string
}

/**
 * Run the bundle as the runner does, with a clean environment (asynchronously: a fake GitHub API answers from
 * this process).
 */
export async function runBuiltAction(options: ActionRunOptions): Promise<ActionRun> {
  const files = tempDir(`bg-${options.action}-files-`)
  const runnerTemp = tempDir('bg-runner-temp-')
  const outputFile = join(files, 'github_output')
  const summaryFile = join(files, 'step_summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    RUNNER_TEMP: runnerTemp,
    GITHUB_RUN_ID: options.runId,
    GITHUB_RUN_ATTEMPT: options.runAttempt ?? '1',
    GITHUB_JOB: options.job,
    GITHUB_REPOSITORY: options.repository,
    GITHUB_SHA: options.sha,
    GITHUB_REF: options.ref,
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...Object.fromEntries(
      Object.entries({ ...COMMON_INPUTS, ...options.inputs }).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])
    )
  }
  const token = env.INPUT_TOKEN ?? ''
  if (options.tokenOnDescriptor) {
    delete env.INPUT_TOKEN
    env.BASELINE_GATE_TOKEN_FD = '3'
  }
  if (options.home) env.HOME = files
  if (options.apiUrl !== undefined) {
    env.GITHUB_SERVER_URL = 'https://github.example'
    env.GITHUB_API_URL = options.apiUrl
  }
  if (options.eventPayload !== undefined) {
    const eventFile = join(files, 'event.json')
    writeFileSync(eventFile, JSON.stringify(options.eventPayload))
    env.GITHUB_EVENT_PATH = eventFile
  }
  const child = spawn(process.execPath, [builtAction(options.action)], {
    cwd: options.workspace,
    env,
    stdio: options.tokenOnDescriptor ? ['ignore', 'pipe', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe']
  })
  // a here-string's bytes: the token and one line feed, then the end of the pipe
  if (options.tokenOnDescriptor) (child.stdio[3] as NodeJS.WritableStream).end(`${token}\n`)
  let stdout = ''
  let stderr = ''
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS)
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve(code))
  }).finally(() => clearTimeout(timer))
  const outputText = readFileSync(outputFile, 'utf8')
  const parsed = parseOutputFile(outputText)
  return {
    status,
    stdout,
    stderr,
    outputFile,
    outputText,
    outputs: parsed.outputs,
    outputNames: parsed.names,
    summary: readFileSync(summaryFile, 'utf8'),
    files,
    runnerTemp
  }
}

/** The lines of `text` that start with `prefix` (workflow commands in a step's log). */
export const lines = (text: string, prefix: string): string[] =>
  text.split('\n').filter((l) => l.startsWith(prefix))
