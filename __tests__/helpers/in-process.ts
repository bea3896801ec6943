// An action's `run(env)` in this process as the runner would run its step: `env` as process.env (which
// @actions/core reads at each call), stdout captured, and process.env, stdout and the exit code put back afterwards.
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
