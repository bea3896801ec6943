// Reads of a repository: the repository, a file at a ref, a blob, an annotated tag, a comparison
// (the producer identity check; any known token may read).
import { ancestorsOf, filesOf, gitBlobSha, resolveCommitish, sha1 } from '../git-objects.js'
import type { RouteSpec } from '../router.js'
import { UNSIGNED } from '../views.js'

/** The contents API leaves `content` out of files larger than this (1 MB). */
const CONTENTS_INLINE_LIMIT = 1024 * 1024

export const repositoryReadsRoutes: RouteSpec[] = [
  {
    route: 'GET /repos/{owner}/{repo}',
    handler: ({ params, h }) => {
      const repo = h.repo(params)
      if (!repo) return h.notFound()
      return { status: 200, body: h.repoJson(repo) }
    }
  },
  {
    route: 'GET /repos/{owner}/{repo}/contents/{path}',
    handler: ({ params, query, h }) => {
      const repo = h.repo(params)
      if (!repo) return h.notFound()
      const ref = query.ref ?? repo.defaultBranch
      const commit = resolveCommitish(repo.git, ref)
      if (!commit) return h.error(404, `No commit found for the ref ${ref}`)
      const path = params.path.replace(/^\/+|\/+$/g, '')
      const files = filesOf(repo.git, repo.git.commits[commit]?.tree ?? '')
      const content = files.get(path)
      const full = `${repo.owner}/${repo.name}`
      const urls = (kind: 'blob' | 'tree', p: string, sha: string) => ({
        url: `${h.repoJson(repo).url as string}/contents/${p}?ref=${encodeURIComponent(ref)}`,
        html_url: `https://github.com/${full}/${kind}/${ref}/${p}`,
        git_url: `${h.repoJson(repo).url as string}/git/${kind === 'blob' ? 'blobs' : 'trees'}/${sha}`
      })
      if (content === undefined) {
        // a directory: its direct entries
        const prefix = `${path}/`
        const names = new Set<string>()
        for (const p of files.keys())
          if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]!)
        if (path === '' || names.size === 0) return h.notFound()
        return {
          status: 200,
          body: [...names].sort().map((name) => {
            const p = `${prefix}${name}`
            const blob = files.get(p)
            const sha = blob ? gitBlobSha(blob) : sha1(p)
            return {
              type: blob ? 'file' : 'dir',
              name,
              path: p,
              sha,
              size: blob?.length ?? 0,
              ...urls(blob ? 'blob' : 'tree', p, sha)
            }
          })
        }
      }
      const sha = gitBlobSha(content)
      // GitHub: base64 wrapped at 60 characters; over 1 MB the content is left out (encoding "none")
      const large = content.length > CONTENTS_INLINE_LIMIT
      return {
        status: 200,
        body: {
          type: 'file',
          encoding: large ? 'none' : 'base64',
          size: content.length,
          name: path.split('/').pop(),
          path,
          content: large ? '' : (content.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n',
          sha,
          ...urls('blob', path, sha),
          download_url: `https://raw.githubusercontent.com/${full}/${ref}/${path}`
        }
      }
    }
  },
  {
    route: 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}',
    handler: ({ params, h }) => {
      const repo = h.repo(params)
      const content = repo?.git.blobs[params.file_sha]
      if (!repo || !content) return h.notFound()
      return {
        status: 200,
        body: {
          sha: params.file_sha,
          node_id: `B_${params.file_sha}`,
          size: content.length,
          url: `${h.repoJson(repo).url as string}/git/blobs/${params.file_sha}`,
          content: content.toString('base64'),
          encoding: 'base64'
        }
      }
    }
  },
  {
    route: 'GET /repos/{owner}/{repo}/git/tags/{tag_sha}',
    handler: ({ params, h }) => {
      const repo = h.repo(params)
      const tag = repo?.git.tags?.[params.tag_sha]
      if (!repo || !tag) return h.notFound()
      const url = `${h.repoJson(repo).url as string}/git`
      return {
        status: 200,
        body: {
          node_id: `TAG_${tag.sha}`,
          sha: tag.sha,
          url: `${url}/tags/${tag.sha}`,
          tag: tag.tag,
          message: tag.message,
          tagger: { name: repo.owner, email: `${repo.owner}@users.noreply.github.com`, date: tag.date },
          object: {
            sha: tag.object.sha,
            type: tag.object.type,
            url: `${url}/${tag.object.type}s/${tag.object.sha}`
          },
          verification: UNSIGNED
        }
      }
    }
  },
  {
    route: 'GET /repos/{owner}/{repo}/compare/{basehead}',
    handler: ({ params, h }) => {
      const repo = h.repo(params)
      if (!repo) return h.notFound()
      const m = /^(.+?)\.\.\.(.+)$/.exec(params.basehead)
      if (!m) return h.notFound()
      const base = resolveCommitish(repo.git, m[1]!)
      const head = resolveCommitish(repo.git, m[2]!)
      if (!base || !head) return h.notFound()
      const fromBase = ancestorsOf(repo.git, base)
      const fromHead = ancestorsOf(repo.git, head)
      const aheadBy = [...fromHead].filter((sha) => !fromBase.has(sha)).length
      const behindBy = [...fromBase].filter((sha) => !fromHead.has(sha)).length
      if (aheadBy > 0 && behindBy > 0 && ![...fromHead].some((sha) => fromBase.has(sha))) {
        return h.error(404, `No common ancestor between ${m[1]} and ${m[2]}.`)
      }
      const status =
        base === head ? 'identical' : behindBy === 0 ? 'ahead' : aheadBy === 0 ? 'behind' : 'diverged'
      const full = `${repo.owner}/${repo.name}`
      return {
        status: 200,
        body: {
          url: `${h.repoJson(repo).url as string}/compare/${params.basehead}`,
          html_url: `https://github.com/${full}/compare/${params.basehead}`,
          status,
          ahead_by: aheadBy,
          behind_by: behindBy,
          total_commits: aheadBy,
          base_commit: h.commitObjectJson(repo, repo.git.commits[base]!),
          merge_base_commit: h.commitObjectJson(repo, repo.git.commits[base]!),
          commits: [],
          files: []
        }
      }
    }
  }
]
