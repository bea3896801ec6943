// A commit on a branch through the git data API (blobs, one tree on top of a base tree, one commit), then
// the branch pointed at it: what a rollback writes before it opens its pull request.
import { alreadyExists } from './http-failure.js'
import { branchProblem, filePathProblem, SHA } from './input-checks.js'
import { Failure, refuse } from './result.js'
import type { Doing, Result } from './result.js'
import { DEFAULT_API_URL } from './session.js'
import type { Session } from './session.js'
import { encodePath, fullRefName, refPath } from './url-path.js'

export interface FileToCommit {
  /** Relative to the repository top, POSIX separators. */
  path: string
  content: Buffer
}

export interface BranchCommit {
  branch: string
  /** The new commit. */
  sha: string
  /** The html url of the branch tree. */
  url: string
  /** true: the branch was created; false: an existing branch was moved to the new commit. */
  created: boolean
}

export interface CommitInput {
  branch: string
  parentSha: string
  baseTreeSha: string
  message: string
  files: FileToCommit[]
  /**
   * The branch's head the caller decided on (null: there was no such branch). Given, the branch is moved only
   * from that commit: one another run created or moved meanwhile is left as it is (`conflict`), where forcing it
   * put an older release over a newer one. Absent: force-moved whatever it holds (a rollback's own branch).
   */
  expectedSha?: string | null
}

export interface BranchCommitApi {
  /**
   * Commit `files` on top of `parentSha` (whose tree is `baseTreeSha`) as one new commit through the git
   * data API (blobs, one tree with base_tree, one commit), then point `refs/heads/<branch>` at it:
   * created when missing, force-updated when it exists (a re-run replaces its own branch). The
   * repository's default branch is never moved. Needs `contents: write`.
   */
  commitToBranch(input: CommitInput): Promise<Result<BranchCommit>>
}

/** Why the input cannot be committed, or null. */
function inputProblem({
  branch,
  parentSha,
  baseTreeSha,
  message,
  files,
  expectedSha
}: CommitInput): string | null {
  const badBranch = branchProblem(branch)
  if (badBranch) return `the branch name ${JSON.stringify(branch)} ${badBranch}.`
  if (
    expectedSha !== undefined &&
    expectedSha !== null &&
    (typeof expectedSha !== 'string' || !SHA.test(expectedSha))
  )
    return `the expected branch head ${JSON.stringify(expectedSha)} is not a full 40-character lower-case hex SHA.`
  for (const [name, sha] of [
    ['parent commit', parentSha],
    ['base tree', baseTreeSha]
  ] as const) {
    if (typeof sha !== 'string' || !SHA.test(sha))
      return `the ${name} ${JSON.stringify(sha)} is not a full 40-character lower-case hex SHA.`
  }
  if (typeof message !== 'string' || message.trim() === '') return 'the commit message is empty.'
  if (!Array.isArray(files) || files.length === 0) return 'there are no files to commit.'
  const paths = new Set<string>()
  for (const file of files) {
    const badPath = filePathProblem(file?.path)
    if (badPath) return `the file path ${JSON.stringify(file?.path)} ${badPath}.`
    if (paths.has(file.path)) return `the file ${file.path} is given twice.`
    paths.add(file.path)
    if (!Buffer.isBuffer(file.content)) return `the content of ${file.path} is not a Buffer.`
  }
  return null
}

export function branchCommitApi(session: Session): BranchCommitApi {
  const { owner, repo, fullName, apiUrl, api, requestAt, step, call, branchSha } = session

  /** `doing`, naming the step of a multi-step write that failed and what was left behind. */
  const during = (doing: Doing, stepAndState: string): Doing => ({
    ...doing,
    what: `${doing.what} (${stepAndState})`
  })

  /** The html url of `branch`'s tree, next to a commit's page (GitHub Enterprise has its own host). */
  const treeUrl = (commitHtmlUrl: string | undefined, branch: string): string => {
    const path = encodePath(branch)
    const at = commitHtmlUrl?.lastIndexOf('/commit/') ?? -1
    if (commitHtmlUrl && at > 0) return `${commitHtmlUrl.slice(0, at)}/tree/${path}`
    const web = apiUrl === DEFAULT_API_URL ? 'https://github.com' : apiUrl.replace(/\/api\/v3$/, '')
    return `${web}/${fullName}/tree/${path}`
  }

  return {
    commitToBranch: (input) => {
      // a missing input is refused, not thrown
      const { branch, parentSha, baseTreeSha, message, files, expectedSha } = input ?? ({} as CommitInput)
      const doing: Doing = {
        what: `commit to the branch ${String(branch)} of ${fullName}`,
        permission: '`contents: write`',
        subject: `the repository ${fullName}`
      }
      return call(
        doing,
        () => inputProblem({ branch, parentSha, baseTreeSha, message, files, expectedSha }),
        async () => {
          // Read before writing anything: force-moving the default branch would drop its history.
          const reading = during(doing, 'reading the branch failed; nothing was written')
          const current = await branchSha(reading, branch)
          const moved = (what: string, made?: string) =>
            new Failure(
              'conflict',
              `Could not ${doing.what}: the branch ${what} since this run read it (another run at once?); it was left as it is${made ? ` (the commit ${made} made here is on no branch)` : ''}. Run the workflow again: it decides on the branch as it is then.`
            )
          if (expectedSha !== undefined && current !== expectedSha)
            throw moved(current === null ? 'was deleted' : expectedSha === null ? 'was created' : 'moved')
          if (current !== null) {
            const { data: about } = await step(reading, () => api().rest.repos.get({ owner, repo }))
            if (about.default_branch === branch) {
              refuse(
                doing,
                `${branch} is the default branch of ${fullName}, which is never force-moved. Commit on a ` +
                  'branch of its own and open a pull request.'
              )
            }
          }

          const tree: { path: string; mode: '100644'; type: 'blob'; sha: string }[] = []
          for (const file of files) {
            const { data } = await step(
              during(doing, `storing ${file.path} failed; nothing was committed`),
              () =>
                api().rest.git.createBlob({
                  owner,
                  repo,
                  content: file.content.toString('base64'),
                  encoding: 'base64'
                })
            )
            tree.push({ path: file.path, mode: '100644', type: 'blob', sha: data.sha })
          }
          const { data: newTree } = await step(
            during(doing, 'creating the tree failed; nothing was committed'),
            () => api().rest.git.createTree({ owner, repo, base_tree: baseTreeSha, tree })
          )
          const { data: commit } = await step(
            during(doing, 'creating the commit failed; the branch was not moved'),
            () =>
              api().rest.git.createCommit({ owner, repo, message, tree: newTree.sha, parents: [parentSha] })
          )

          let created = current === null
          const moving = during(
            doing,
            `created the commit ${commit.sha} but could not ${created ? 'create' : 'move'} the branch`
          )
          await step(moving, async () => {
            if (created) {
              try {
                // the ref travels in the body here, as a plain name
                await api().rest.git.createRef({
                  owner,
                  repo,
                  ref: fullRefName('heads', branch),
                  sha: commit.sha
                })
                return
              } catch (error) {
                if (!alreadyExists(error)) throw error
                // created since it was read (a concurrent run): moved like an existing one, unless the caller
                // decided on there being none; or by this very request, whose first answer was lost (a 5xx, then
                // the retry's "already exists"): the branch holds our commit
                if (expectedSha !== undefined) {
                  if ((await branchSha(moving, branch)) === commit.sha) return
                  throw moved('was created', commit.sha)
                }
                created = false
              }
            } else if (expectedSha !== undefined && (await branchSha(moving, branch)) !== expectedSha) {
              // read again just before the move: GitHub's REST API has no compare-and-swap of a ref
              throw moved('moved', commit.sha)
            }
            await requestAt(`PATCH /repos/{owner}/{repo}/git/refs/${refPath('heads', branch)}`, {
              sha: commit.sha,
              force: true
            })
          })
          return { branch, sha: commit.sha, url: treeUrl(commit.html_url, branch), created }
        }
      )
    }
  }
}
