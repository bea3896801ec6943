// A commit as GitHub's commit API answers it: its parents and the files it changed against its first parent
// (a parent the fake does not know has no files, so a commit on top of an unknown commit lists its tree).
import { filesOf, resolveCommitish } from '../git-objects.js'
import type { RouteSpec } from '../router.js'

/** GitHub lists at most this many files of a commit on one page. */
const FILES_PER_PAGE = 300

export const commitsRoutes: RouteSpec[] = [
  {
    route: 'GET /repos/{owner}/{repo}/commits/{ref}',
    handler: ({ params, h }) => {
      const repo = h.repo(params)
      if (!repo) return h.notFound()
      const sha = resolveCommitish(repo.git, params.ref)
      const commit = sha ? repo.git.commits[sha] : undefined
      if (!commit) return h.error(422, `No commit found for SHA: ${params.ref}`)
      const parent = commit.parents[0] ? repo.git.commits[commit.parents[0]] : undefined
      const before = parent ? filesOf(repo.git, parent.tree) : new Map<string, Buffer>()
      const after = filesOf(repo.git, commit.tree)
      const files: { filename: string; status: string }[] = []
      for (const [path, content] of after) {
        const was = before.get(path)
        if (!was) files.push({ filename: path, status: 'added' })
        else if (!was.equals(content)) files.push({ filename: path, status: 'modified' })
      }
      for (const path of before.keys())
        if (!after.has(path)) files.push({ filename: path, status: 'removed' })
      files.sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0))
      const json = h.commitObjectJson(repo, commit)
      return {
        status: 200,
        body: {
          sha: commit.sha,
          node_id: json.node_id,
          url: `${json.url.replace('/git/commits/', '/commits/')}`,
          html_url: json.html_url,
          commit: json,
          parents: json.parents,
          files: files.slice(0, FILES_PER_PAGE)
        }
      }
    }
  }
]
