// An action's `run(env)` in this process as the runner would run its step: a runner's environment as process.env
// (which @actions/core reads at each call), the inputs as INPUT_* variables, the GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, stdout captured; process.env, stdout and the exit code are put back afterwards.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseOutputFile } from './action-run.js'
import { tempDir } from './fixture.js'

export interface InProcessStep {
  stdout: string
  /** What the step would exit with: 1 when it failed. */
  exitCode: number
}

export async function runInProcess(
  main: (env: NodeJS.ProcessEnv) => Promise<void>,
  env: NodeJS.ProcessEnv
): Promise<InProcessStep> {
  const saved = { env: process.env, exitCode: process.exitCode, write: process.stdout.write }
  let stdout = ''
  process.env = env
  process.exitCode = undefined
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk)
    return true
  }) as typeof process.stdout.write
  let exitCode: number
  try {
    await main(env)
  } finally {
    exitCode = Number(process.exitCode ?? 0)
    process.stdout.write = saved.write
    process.exitCode = saved.exitCode
    process.env = saved.env
  }
  return { stdout, exitCode }
}

/**
 * The step's files: one pair per test file, because @actions/core remembers the summary file's path from its
 * first write. HOME points here as well.
 */
export interface StepFiles {
  dir: string
  output: string
  summary: string
}

export function stepFiles(prefix: string): StepFiles {
  const dir = tempDir(prefix)
  return { dir, output: join(dir, 'github_output'), summary: join(dir, 'step_summary') }
}

export interface StepOptions {
  files: StepFiles
  workspace: string
  eventName: string
  inputs: Record<string, string>
  repository?: string
  sha?: string
  runId?: string
  job?: string
  /** The fake GitHub API's URL (none: the step has no API to reach). */
  apiUrl?: string
  serverUrl?: string
  /** Written to GITHUB_EVENT_PATH. */
  eventPayload?: unknown
}

export interface StepRun extends InProcessStep {
  outputs: Record<string, string>
  /** Every output name, once per time it was written. */
  names: string[]
  summary: string
}

/** run(env) of an action with a runner's environment for `o`; the outputs and summary it wrote. */
export async function runStep(
  main: (env: NodeJS.ProcessEnv) => Promise<void>,
  o: StepOptions
): Promise<StepRun> {
  writeFileSync(o.files.output, '')
  writeFileSync(o.files.summary, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: o.files.dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: o.workspace,
    RUNNER_TEMP: tempDir('bg-inprocess-runner-temp-'),
    GITHUB_RUN_ID: o.runId ?? '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: o.job ?? 'inprocess',
    GITHUB_REPOSITORY: o.repository ?? 'octo/consumer',
    ...(o.sha ? { GITHUB_SHA: o.sha } : {}),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: o.eventName,
    ...(o.serverUrl ? { GITHUB_SERVER_URL: o.serverUrl } : {}),
    ...(o.apiUrl ? { GITHUB_API_URL: o.apiUrl } : {}),
    GITHUB_OUTPUT: o.files.output,
    GITHUB_STEP_SUMMARY: o.files.summary,
    ...Object.fromEntries(Object.entries(o.inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
  }
  if (o.eventPayload !== undefined) {
    env.GITHUB_EVENT_PATH = join(o.files.dir, 'event.json')
    writeFileSync(env.GITHUB_EVENT_PATH, JSON.stringify(o.eventPayload))
  }
  const { stdout, exitCode } = await runInProcess(main, env)
  const { outputs, names } = parseOutputFile(readFileSync(o.files.output, 'utf8'))
  return { outputs, names, summary: readFileSync(o.files.summary, 'utf8'), stdout, exitCode }
}
