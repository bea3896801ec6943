// Where a run happened: from the Actions environment, or locally from git (one process, bounded in time).
import { execFile } from 'node:child_process'

export interface RunContext {
  repository: string | null
  commit: string | null
  ref: string | null
  event: string | null
  run_id: string | null
  run_attempt: string | null
}

const GIT_TIMEOUT_MS = 5000

export async function readRunContext(root: string, env: NodeJS.ProcessEnv = process.env): Promise<RunContext> {
  if (env.GITHUB_ACTIONS === 'true') {
    return {
      repository: env.GITHUB_REPOSITORY || null,
      commit: env.GITHUB_SHA || null,
      ref: env.GITHUB_REF || null,
      event: env.GITHUB_EVENT_NAME || null,
      run_id: env.GITHUB_RUN_ID || null,
      run_attempt: env.GITHUB_RUN_ATTEMPT || null
    }
  }
  const [commit, ref] = await gitLines(root, ['rev-parse', '--verify', '-q', 'HEAD', '--symbolic-full-name', 'HEAD'])
  return { repository: null, commit: commit ?? null, ref: ref || null, event: 'local', run_id: null, run_attempt: null }
}

/** Output lines of a git command, or [] when git is absent, the directory is no repository, or it times out. */
function gitLines(cwd: string, args: string[]): Promise<string[]> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: GIT_TIMEOUT_MS, windowsHide: true }, (err, stdout) => {
      resolve(err ? [] : stdout.split('\n').map((l) => l.trim()).filter(Boolean))
    })
  })
}
