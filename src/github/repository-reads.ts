// Reads of a repository's contents and git data for the producer identity check: a file at a ref, the
// commit a tag names, and whether one commit descends from another. A client made for the producer's
// repository (repository-reader.ts) answers them.
import { statusOf } from './http-failure.js'
import { branchProblem, filePathProblem, refProblem } from './input-checks.js'
import { Failure, refuse } from './result.js'
import type { Doing, Result } from './result.js'
import type { Session } from './session.js'
import { compareRange, encodePath, refPath } from './url-path.js'

/** A release tag resolved to the commit it names. */
export type ResolvedTag =
  | {
      exists: true
      tag: string
      /** The commit the tag names (an annotated tag is followed to its commit). */
      commitSha: string
      /** An annotated tag (a tag object) rather than a lightweight one. */
      annotated: boolean
    }
  /** The repository is readable and has no such tag. */
  | { exists: false; tag: string }

/** How `head` relates to `base` (GitHub's compare). */
export interface Ancestry {
  status: 'identical' | 'ahead' | 'behind' | 'diverged'
  /** identical or ahead: `base` is `head` or one of its ancestors. */
  descends: boolean
  aheadBy: number
  behindBy: number
}

/** A commit and what it changed against its first parent (GitHub's commit API, the first page of files). */
export interface CommitChange {
  sha: string
  parents: string[]
  /**
   * The paths the commit adds, modifies or removes (a rename names both paths). GitHub lists at most 300 on the
   * first page: a commit with more is told apart by this list holding that many.
   */
  changed: string[]
}

/** Read-only calls on a repository's contents and git data (`contents: read`). */
export interface RepositoryReadApi {
  /**
   * The bytes of `path` (relative, POSIX) at `ref` (a tag, branch or commit sha), exactly as committed.
   * A 404 (no such file, ref or visible repository) answers `not-found`.
   */
  fileAtRef(path: string, ref: string): Promise<Result<Buffer>>
  /**
   * The commit `refs/tags/<tag>` names, following annotated tags (tag objects) to their commit. A tag
   * the readable repository does not have answers `{ exists: false }`; a repository the token cannot
   * see answers `not-found`.
   */
  resolveTag(tag: string): Promise<Result<ResolvedTag>>
  /** Whether `head` is `base` or descends from it: GET compare/{base}...{head}. */
  isAncestor(base: string, head: string): Promise<Result<Ancestry>>
  /** The commit `ref` names, its parents and the paths it changed (GET commits/{ref}); null when no commit. */
  commitAtRef(ref: string): Promise<Result<CommitChange | null>>
  /** The commit the branch `refs/heads/<branch>` points at (never a tag of the same name); null when none. */
  branchHead(branch: string): Promise<Result<string | null>>
  /** The repository's default branch (GET /repos/{owner}/{repo}). */
  defaultBranch(): Promise<Result<string>>
}

const MAX_TAG_DEPTH = 5

export function repositoryReadApi(session: Session): RepositoryReadApi {
  const { owner, repo, fullName, api, requestAt, step, call, branchSha } = session
  const readDoing = (what: string, subject: string): Doing => ({
    what: `${what} of ${fullName}`,
    permission:
      `\`contents: read\` on ${fullName} (the job token \`github.token\` reads only its own repository: ` +
      'for a private producer repository pass a GitHub App or fine-grained token that can read it)',
    subject
  })

  return {
    fileAtRef: (path, ref) => {
      const doing = readDoing(
        `read ${String(path)} at ${String(ref)}`,
        `that ${String(path)} exists at ${String(ref)} in ${fullName}`
      )
      const problem = () => {
        const badPath = filePathProblem(path)
        if (badPath) return `the file path ${JSON.stringify(path)} ${badPath}.`
        const badRef = refProblem(ref)
        return badRef ? `the ref ${JSON.stringify(ref)} ${badRef}.` : null
      }
      return call(doing, problem, async () => {
        type Contents = { type: string; content?: string; encoding?: string; size?: number; sha: string }
        const file = await step(doing, () =>
          requestAt<Contents | Contents[]>(`GET /repos/{owner}/{repo}/contents/${encodePath(path)}`, { ref })
        )
        if (Array.isArray(file) || file.type !== 'file') {
          throw new Failure(
            'not-a-file',
            `Could not ${doing.what}: ${path} is a ${Array.isArray(file) ? 'directory' : file.type}, not a file.`
          )
        }
        if (file.encoding === 'base64' && typeof file.content === 'string') {
          const bytes = Buffer.from(file.content, 'base64')
          if (file.size === undefined || bytes.length === file.size) return bytes
        }
        // over 1 MB the contents API leaves `content` empty: the blob API serves up to 100 MB, byte-exact
        const { data: blob } = await step(doing, () =>
          api().rest.git.getBlob({ owner, repo, file_sha: file.sha })
        )
        return Buffer.from(blob.content, blob.encoding === 'base64' ? 'base64' : 'utf8')
      })
    },

    defaultBranch: () => {
      const doing = readDoing('read the default branch', `the repository ${fullName}`)
      return call(
        doing,
        () => null,
        async () => {
          const { data } = await step(doing, () => api().rest.repos.get({ owner, repo }))
          return data.default_branch
        }
      )
    },

    branchHead: (branch) => {
      const doing = readDoing(`read the head of the branch ${String(branch)}`, `the repository ${fullName}`)
      const problem = () => {
        const bad = branchProblem(branch)
        return bad ? `the branch name ${JSON.stringify(branch)} ${bad}.` : null
      }
      return call(doing, problem, () => branchSha(doing, branch))
    },

    resolveTag: (tag) => {
      const doing = readDoing(`resolve the tag ${String(tag)}`, `the repository ${fullName}`)
      const problem = () => {
        const badTag = branchProblem(tag)
        return badTag ? `the tag name ${JSON.stringify(tag)} ${badTag}.` : null
      }
      return call(doing, problem, async (): Promise<ResolvedTag> => {
        const target = await step(doing, async () => {
          try {
            const data = await requestAt<{ object: { type: string; sha: string } }>(
              `GET /repos/{owner}/{repo}/git/ref/${refPath('tags', tag)}`
            )
            return data.object
          } catch (error) {
            if (statusOf(error) === 404) return null
            throw error
          }
        })
        if (target === null) {
          // GitHub answers 404 for a missing tag AND for a repository the token cannot see: tell them apart
          await step(doing, () => api().rest.repos.get({ owner, repo }))
          return { exists: false, tag }
        }
        let object: { type: string; sha: string } = target
        for (let depth = 0; object.type === 'tag'; depth++) {
          if (depth >= MAX_TAG_DEPTH) {
            refuse(doing, `the tag ${tag} is a chain of more than ${MAX_TAG_DEPTH} tag objects.`)
          }
          const tagSha = object.sha
          const { data } = await step(doing, () => api().rest.git.getTag({ owner, repo, tag_sha: tagSha }))
          object = data.object
        }
        if (object.type !== 'commit') {
          refuse(doing, `the tag ${tag} names a ${object.type} (${object.sha}), not a commit.`)
        }
        return { exists: true, tag, commitSha: object.sha, annotated: target.type === 'tag' }
      })
    },

    isAncestor: (base, head) => {
      const doing = readDoing(
        `compare ${String(base)}...${String(head)}`,
        `that both ${String(base)} and ${String(head)} are commits of ${fullName}`
      )
      const problem = () => {
        for (const [name, ref] of [
          ['base', base],
          ['head', head]
        ] as const) {
          const bad = refProblem(ref)
          if (bad) return `the ${name} ${JSON.stringify(ref)} ${bad}.`
        }
        return null
      }
      return call(doing, problem, async () => {
        const data = await step(doing, () =>
          requestAt<{ status: Ancestry['status']; ahead_by: number; behind_by: number }>(
            `GET /repos/{owner}/{repo}/compare/${compareRange(base, head)}`,
            { per_page: 1 }
          )
        )
        const status = data.status
        return {
          status,
          descends: status === 'identical' || status === 'ahead',
          aheadBy: data.ahead_by,
          behindBy: data.behind_by
        }
      })
    },

    commitAtRef: (ref) => {
      const doing = readDoing(
        `read the commit ${String(ref)}`,
        `that ${String(ref)} is a commit of ${fullName}`
      )
      const problem = () => {
        const bad = refProblem(ref)
        return bad ? `the ref ${JSON.stringify(ref)} ${bad}.` : null
      }
      return call(doing, problem, async (): Promise<CommitChange | null> => {
        type File = { filename: string; previous_filename?: string }
        type Commit = { sha: string; parents: { sha: string }[]; files?: File[] }
        const data = await step(doing, async () => {
          try {
            return await requestAt<Commit>(`GET /repos/{owner}/{repo}/commits/${encodePath(ref)}`, {
              per_page: 300
            })
          } catch (error) {
            // GitHub answers 422 ("No commit found") or 404 for a ref that names no commit
            if (statusOf(error) === 404 || statusOf(error) === 422) return null
            throw error
          }
        })
        if (data === null) return null
        const changed = (data.files ?? []).flatMap((f) =>
          f.previous_filename ? [f.filename, f.previous_filename] : [f.filename]
        )
        return { sha: data.sha, parents: data.parents.map((p) => p.sha), changed }
      })
    }
  }
}
