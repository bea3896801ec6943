// Where a run happened: from the Actions environment, or locally from the repository's HEAD.
import { execFile } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { headFromDisk } from './discover.js'
import type { DiskHead } from './discover.js'

export interface RunContext {
  repository: string | null
  commit: string | null
  ref: string | null
  event: string | null
  run_id: string | null
  run_attempt: string | null
}

const GIT_TIMEOUT_MS = 5000

export async function readRunContext(
  root: string,
  env: NodeJS.ProcessEnv = process.env
): Promise<RunContext> {
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
  const head = headFromDisk(root, env) ?? (await readHeadWithGit(root))
  return {
    repository: null,
    commit: head.commit,
    ref: head.ref,
    event: 'local',
    run_id: null,
    run_attempt: null
  }
}

/**
 * The git directory of the repository holding `start`: walks up to a `.git` directory, or a `.git` file
 * (worktrees, submodules) whose `gitdir:` line names it. Null when there is none, or the file names none.
 */
export function findGitDir(start: string): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git')
    if (existsSync(dotGit)) {
      if (statSync(dotGit).isDirectory()) return dotGit
      const m = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'))
      if (!m) return null
      const target = m[1]!.trim()
      return isAbsolute(target) ? target : resolve(dir, target)
    }
    if (dirname(dir) === dir) return null
  }
}

/** HEAD through git: slower, used wherever headFromDisk leaves the question to git. */
function readHeadWithGit(cwd: string): Promise<DiskHead> {
  return new Promise((done) => {
    execFile(
      'git',
      ['rev-parse', 'HEAD', '--symbolic-full-name', 'HEAD'],
      { cwd, timeout: GIT_TIMEOUT_MS, windowsHide: true },
      (err, stdout) => {
        const [commit, ref] = err ? [] : stdout.split('\n').map((l) => l.trim())
        done({ commit: commit && /^[0-9a-f]{40}$/.test(commit) ? commit : null, ref: ref || null })
      }
    )
  })
}
