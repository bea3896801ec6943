// Where a run happened: from the Actions environment, or locally from the repository's HEAD.
import { execFile } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'

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
  const head = readHeadFromDisk(root) ?? (await readHeadWithGit(root))
  return {
    repository: null,
    commit: head.commit,
    ref: head.ref,
    event: 'local',
    run_id: null,
    run_attempt: null
  }
}

interface Head {
  commit: string | null
  ref: string | null
}

/**
 * HEAD straight from the .git directory (a git process costs more than the rest of a health check).
 * Handles worktrees and packed refs; returns null for anything unusual, and git itself is asked instead.
 */
export function readHeadFromDisk(root: string): Head | null {
  try {
    const gitDir = findGitDir(resolve(root))
    if (!gitDir) return null
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim()
    if (/^[0-9a-f]{40}$/.test(head)) return { commit: head, ref: null }
    const m = /^ref: (refs\/[^\s]+)$/.exec(head)
    if (!m) return null
    const ref = m[1]!
    const commonFile = join(gitDir, 'commondir')
    const common = existsSync(commonFile) ? resolve(gitDir, readFileSync(commonFile, 'utf8').trim()) : gitDir
    for (const dir of [gitDir, common]) {
      const loose = join(dir, ref)
      if (existsSync(loose)) {
        const sha = readFileSync(loose, 'utf8').trim()
        return /^[0-9a-f]{40}$/.test(sha) ? { commit: sha, ref } : null
      }
    }
    const packed = join(common, 'packed-refs')
    if (existsSync(packed)) {
      for (const line of readFileSync(packed, 'utf8').split('\n')) {
        const [sha, name] = line.trim().split(' ')
        if (name === ref && sha && /^[0-9a-f]{40}$/.test(sha)) return { commit: sha, ref }
      }
    }
    return { commit: null, ref } // an unborn branch
  } catch {
    return null
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

/** HEAD through git: slower, used when the .git layout is one readHeadFromDisk does not know. */
function readHeadWithGit(cwd: string): Promise<Head> {
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
