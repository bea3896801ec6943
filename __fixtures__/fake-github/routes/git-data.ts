// Git data writes and ref reads: blobs, trees, commits, refs (what a branch commit goes through).
import { isAncestor, MODES, storeBlob, storeCommit, storeTree, validRef } from '../git-objects.js'
import type { RouteSpec } from '../router.js'
import type { FakeGitTreeEntry } from '../state.js'

export const gitDataRoutes: RouteSpec[] = [
  {
    route: 'POST /repos/{owner}/{repo}/git/blobs',
    handler: ({ params, body, caller, h }) => {
      const repo = h.repo(params)
      if (!repo) return h.notFound()
      if (!caller.grant.write) return h.error(403, 'Resource not accessible by integration')
      const { content, encoding = 'utf-8' } = (body ?? {}) as { content?: unknown; encoding?: unknown }
      if (typeof content !== 'string') return h.invalid('Blob', 'content', 'missing_field')
      if (encoding !== 'utf-8' && encoding !== 'base64') {
        return h.invalid('Blob', 'encoding', 'invalid', 'encoding must be one of utf-8, base64')
      }
      const sha = storeBlob(repo.git, Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8'))
      const url = `${h.repoJson(repo).url as string}/git/blobs/${sha}`
      return { status: 201, body: { sha, url }, headers: { location: url } }
    }
  },
  {
    route: 'POST /repos/{owner}/{repo}/git/trees',
    handler: ({ params, body, caller, h }) => {
      const repo = h.repo(params)
      if (!repo) return h.notFound()
      if (!caller.grant.write) return h.error(403, 'Resource not accessible by integration')
      const { base_tree: baseTree, tree } = (body ?? {}) as { base_tree?: unknown; tree?: unknown }
      if (!Array.isArray(tree)) return h.invalid('Tree', 'tree', 'missing_field')
      if (baseTree !== undefined && baseTree !== null && typeof baseTree !== 'string') {
        return h.invalid('Tree', 'base_tree', 'invalid')
      }
      const entries: FakeGitTreeEntry[] = []
      for (const raw of tree as unknown[]) {
        const e = (raw ?? {}) as {
          path?: unknown
          mode?: unknown
          type?: unknown
          sha?: unknown
          content?: unknown
        }
        const path = typeof e.path === 'string' ? e.path : ''
        const parts = path.split('/')
        if (
          parts.some((part) => part === '' || part === '.' || part === '..' || part.toLowerCase() === '.git')
        ) {
          return h.error(422, `tree.path ${JSON.stringify(e.path)} is invalid`)
        }
        const type = MODES[String(e.mode)]
        if (!type || type !== e.type) {
          return h.error(
            422,
            `tree.mode ${JSON.stringify(e.mode)} does not fit tree.type ${JSON.stringify(e.type)}`
          )
        }
        let sha: string | null
        if (e.content !== undefined && e.sha === undefined) {
          if (typeof e.content !== 'string' || type !== 'blob')
            return h.error(422, 'tree.content must be text')
          sha = storeBlob(repo.git, Buffer.from(e.content, 'utf8'))
        } else if (e.sha === null && e.content === undefined) {
          sha = null
        } else if (typeof e.sha === 'string' && e.content === undefined) {
          const known =
            type === 'blob' ? e.sha in repo.git.blobs : type === 'tree' ? e.sha in repo.git.trees : true
          if (!known) return h.error(422, `tree.sha ${e.sha} is not a valid ${type}`)
          sha = e.sha
        } else {
          return h.error(
            422,
            'Must supply either tree.sha or tree.content. Request will be rejected if both are present.'
          )
        }
        entries.push({ path, mode: String(e.mode), type, sha })
      }
      // a base the fake never saw (a real local commit's tree): accepted, recorded
      if (typeof baseTree === 'string' && !(baseTree in repo.git.trees)) repo.git.unknown.push(baseTree)
      const stored = storeTree(repo.git, typeof baseTree === 'string' ? baseTree : null, entries)
      const json = h.treeJson(repo, stored)
      return { status: 201, body: json, headers: { location: json.url } }
    }
  },
  {
    route: 'POST /repos/{owner}/{repo}/git/commits',
    handler: ({ params, body, caller, h }) => {
      const repo = h.repo(params)
      if (!repo) return h.notFound()
      if (!caller.grant.write) return h.error(403, 'Resource not accessible by integration')
      const {
        message,
        tree,
        parents = []
      } = (body ?? {}) as { message?: unknown; tree?: unknown; parents?: unknown }
      if (typeof message !== 'string') return h.invalid('Commit', 'message', 'missing_field')
      if (typeof tree !== 'string' || !(tree in repo.git.trees))
        return h.error(422, 'Tree SHA does not exist')
      if (
        !Array.isArray(parents) ||
        parents.some((p) => typeof p !== 'string' || !/^[0-9a-f]{40}$/.test(p))
      ) {
        return h.error(422, 'Parent SHA does not exist or is not a commit object')
      }
      // parents the fake never saw (real local commits): accepted, recorded
      for (const parent of parents as string[])
        if (!(parent in repo.git.commits)) repo.git.unknown.push(parent)
      const commit = storeCommit(repo.git, {
        message,
        tree,
        parents: [...(parents as string[])],
        login: caller.account.login,
        date: h.now()
      })
      const json = h.commitObjectJson(repo, commit)
      return { status: 201, body: json, headers: { location: json.url } }
    }
  },
  {
    route: 'GET /repos/{owner}/{repo}/git/ref/{ref}',
    handler: ({ params, h }) => {
      const repo = h.repo(params)
      const ref = `refs/${params.ref}`
      if (!repo || !(ref in repo.git.refs)) return h.notFound()
      return { status: 200, body: h.refJson(repo, ref) }
    }
  },
  {
    route: 'POST /repos/{owner}/{repo}/git/refs',
    handler: ({ params, body, caller, h }) => {
      const repo = h.repo(params)
      if (!repo) return h.notFound()
      if (!caller.grant.write) return h.error(403, 'Resource not accessible by integration')
      const { ref, sha } = (body ?? {}) as { ref?: unknown; sha?: unknown }
      if (typeof ref !== 'string' || !validRef(ref)) return h.error(422, 'Reference name is invalid')
      if (typeof sha !== 'string' || !(sha in repo.git.commits)) return h.error(422, 'Object does not exist')
      if (ref in repo.git.refs) return h.error(422, 'Reference already exists')
      repo.git.refs[ref] = sha
      const json = h.refJson(repo, ref)
      return { status: 201, body: json, headers: { location: json.url } }
    }
  },
  {
    route: 'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
    handler: ({ params, body, caller, h }) => {
      const repo = h.repo(params)
      if (!repo) return h.notFound()
      if (!caller.grant.write) return h.error(403, 'Resource not accessible by integration')
      const ref = `refs/${params.ref}`
      const current = repo.git.refs[ref]
      if (!current) return h.error(422, 'Reference does not exist')
      const { sha, force = false } = (body ?? {}) as { sha?: unknown; force?: unknown }
      if (typeof sha !== 'string' || !(sha in repo.git.commits)) return h.error(422, 'Object does not exist')
      if (force !== true && !isAncestor(repo.git, current, sha))
        return h.error(422, 'Update is not a fast forward')
      repo.git.refs[ref] = sha
      return { status: 200, body: h.refJson(repo, ref) }
    }
  }
]
