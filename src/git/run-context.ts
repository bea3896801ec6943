// Where a run happened: the commit checked out (HEAD), and from the Actions environment the repository, the event
// and the run.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { headFromDisk } from './discover.js'
import { git, resolveCommit, RevisionError } from './git.js'
import type { DiskHead } from './discover.js'

export interface RunContext {
  repository: string | null
  commit: string | null
  ref: string | null
  event: string | null
  run_id: string | null
  run_attempt: string | null
}

export async function readRunContext(
  root: string,
  env: NodeJS.ProcessEnv = process.env
): Promise<RunContext> {
  // git runs in this process's environment, so the question of whether to ask it is asked of the same
  const head = headFromDisk(root) ?? (await readHeadWithGit(root))
  if (env.GITHUB_ACTIONS === 'true') {
    // the commit judged is the one checked out, which a workflow's checkout `ref:` makes other than GITHUB_SHA:
    // the evidence (and the statement signed over it) must name the commit whose files were read (found by review)
    const asTriggered = head.commit !== null && head.commit === env.GITHUB_SHA
    return {
      repository: env.GITHUB_REPOSITORY || null,
      commit: head.commit,
      ref: asTriggered ? env.GITHUB_REF || null : head.ref,
      event: env.GITHUB_EVENT_NAME || null,
      run_id: env.GITHUB_RUN_ID || null,
      run_attempt: env.GITHUB_RUN_ATTEMPT || null
    }
  }
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

/**
 * HEAD through git, as headFromDisk answers (slower: used wherever it leaves the question to git): the commit
 * HEAD resolves to (null on an unborn branch) and the branch of `symbolic-ref -q HEAD` (null when detached).
 */
async function readHeadWithGit(cwd: string): Promise<DiskHead> {
  const [commit, ref] = await Promise.all([
    // git that cannot run leaves the commit unknown; a repository of SHA-256 names is refused (RevisionError),
    // never recorded as one without a commit (found by review: health passed with `commit: null` in its evidence)
    resolveCommit(cwd, 'HEAD').catch((e: unknown) => {
      if (e instanceof RevisionError) throw e
      return null
    }),
    git(cwd, ['symbolic-ref', '-q', 'HEAD']).then(
      (r) => (r.code === 0 ? r.stdout.toString('utf8').trim() || null : null),
      () => null
    )
  ])
  return { commit, ref }
}
