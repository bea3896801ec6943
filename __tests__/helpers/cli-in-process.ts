// The command line's main() in this process with an injected Io (parse, root, operation, rendering), the way a
// user runs it: no colours, stdout and stderr captured. The built bundle as a child process is cli-run.ts.
import { main } from '../../src/cli/main.js'

export interface MainRun {
  status: number
  stdout: string
  stderr: string
}

/** @param env the command's environment beside NO_COLOR (which it overrides) */
export async function runMain(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<MainRun> {
  let stdout = ''
  let stderr = ''
  const status = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { NO_COLOR: '1', ...env },
    cwd
  })
  return { status, stdout, stderr }
}
