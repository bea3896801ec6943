// An in-memory GitHub REST API on loopback, for tests that run the real octokit code over real HTTP.
//
// It answers the way api.github.com does for the routes the suite uses: JSON bodies, the status codes
// GitHub gives (401 without or with a bad token, 403 for a token without the permission, 404 with
// {"message":"Not Found"}, 422 for invalid bodies), `Link` pagination honouring per_page / page, and
// the rate-limit headers. Tests seed and inspect `fake.state`, read what was asked in `fake.requests`
// (the Authorization header is recorded only as present or absent; `rawPath` and `rawQuery` are the
// request line exactly as sent, for tests of URL encoding), and inject faults with
// `failNext` / `hangNext`.
//
// Git data: each repository holds blobs, trees, commits and refs (`FakeRepo.git`). A tree is stored
// flat (full paths, as the trees API takes them) on top of its base_tree; a base_tree or parent the
// fake has never seen (a real local commit) is accepted and recorded in `git.unknown`. `fileAt` and
// `filesAt` read a branch's files back (the files of an unknown base are not known, so not listed).
//
// Adding a route: append one entry to ROUTES below: the route as octokit names it
// ("METHOD /path/{param}") and a handler that returns { status, body, headers }.
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

// ---------------------------------------------------------------------------------------------------
// State

export interface FakeAccount {
  login: string
  id: number
  type: 'User' | 'Bot'
}

/** What a token may do. A `Bot` account models an installation token such as GITHUB_TOKEN. */
export interface FakeToken {
  login: string
  /** Write access to the repositories' contents, issues and pull requests (false: a fork's read-only token). */
  write: boolean
  /** Can read organization team membership (GITHUB_TOKEN cannot). */
  readOrg: boolean
}

export interface FakeComment {
  id: number
  issue_number: number
  body: string
  login: string
  created_at: string
  updated_at: string
}

export type FakeReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING'

export interface FakeReview {
  id: number
  login: string
  state: FakeReviewState
  commit_id: string
  body: string
  submitted_at: string
}

export interface FakePull {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  login: string
  labels: string[]
  head: { sha: string; ref: string }
  base: { sha: string; ref: string }
  reviews: FakeReview[]
}

export interface FakeIssue {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  labels: string[]
  login: string
}

export interface FakeGitTreeEntry {
  /** The full path from the top of the tree. */
  path: string
  mode: string
  type: 'blob' | 'tree' | 'commit'
  /** null: removed from the base tree */
  sha: string | null
}

export interface FakeGitTree {
  sha: string
  /** The tree these entries change; may be one the fake does not know (see FakeGit.unknown). */
  base_tree: string | null
  entries: FakeGitTreeEntry[]
}

export interface FakeGitCommit {
  sha: string
  message: string
  tree: string
  parents: string[]
  /** Who created it (the token's account). */
  login: string
  date: string
}

export interface FakeGit {
  blobs: Record<string, Buffer>
  trees: Record<string, FakeGitTree>
  commits: Record<string, FakeGitCommit>
  /** Full ref name ("refs/heads/main") -> commit sha */
  refs: Record<string, string>
  /** base_tree and parent shas that were given but are no object of the fake, in order of use. */
  unknown: string[]
  /** Annotated tag objects by sha (producer identity; see addTag). */
  tags?: Record<string, FakeGitTag>
}

export interface FakeRepo {
  owner: string
  name: string
  /** "main" unless changed; addRepo seeds it with one commit holding README.md. */
  defaultBranch: string
  /** The repository setting "Allow GitHub Actions to create and approve pull requests" (true here). */
  actionsCanCreatePullRequests: boolean
  pulls: Record<number, FakePull>
  issues: Record<number, FakeIssue>
  /** Issue and pull-request conversation comments, oldest first. */
  comments: FakeComment[]
  git: FakeGit
  /** Workflow runs (the Actions API), seeded by addWorkflowRun; absent until the first one. */
  workflowRuns?: FakeWorkflowRun[]
}

/** A workflow run as the Actions API shows it (the fields the suite reads, and a few more). */
export interface FakeWorkflowRun {
  id: number
  workflow_id: number
  /** The workflow file, e.g. ".github/workflows/baseline-drift.yml". */
  path: string
  name: string
  event: string
  status: 'queued' | 'in_progress' | 'completed'
  conclusion: 'success' | 'failure' | 'cancelled' | 'skipped' | null
  head_sha: string
  head_branch: string
  run_number: number
  run_attempt: number
  created_at: string
  updated_at: string
}

export interface FakeState {
  /** token -> what it may do */
  tokens: Record<string, FakeToken>
  /** login -> account (created on first use) */
  accounts: Record<string, FakeAccount>
  /** "owner/repo" -> repository */
  repos: Record<string, FakeRepo>
  /** "org/team-slug" -> member logins */
  teams: Record<string, string[]>
  /** The next id for comments, reviews, accounts. */
  nextId: number
  /** Seconds since 2026-01-01T00:00:00Z: every created object advances it, so timestamps are ordered. */
  tick: number
}

export interface FakeRequest {
  method: string
  /** The path without the query string, e.g. /repos/o/r/pulls/1 */
  path: string
  /**
   * The path exactly as it arrived on the request line, before any decoding or normalisation: what a
   * test of URL encoding asserts (`/repos/o/r/git/ref/heads/x%23y`, never `heads%252Fx`).
   */
  rawPath: string
  /** The query string exactly as it arrived, without the `?` ('' when there is none). */
  rawQuery: string
  query: Record<string, string>
  body: unknown
  /** Whether an Authorization header was sent (its value is never recorded). */
  auth: boolean
  /** The route template that matched, e.g. "GET /repos/{owner}/{repo}/pulls/{pull_number}", or null. */
  route: string | null
  /** The status answered, or null while unanswered (a hang). */
  status: number | null
}

export interface FailOptions {
  /** Replace the default error body. */
  body?: unknown
  headers?: Record<string, string>
}

export interface FakeGitHub {
  /** Base URL to put in GITHUB_API_URL, e.g. http://127.0.0.1:40123 (no trailing slash). */
  url: string
  state: FakeState
  requests: FakeRequest[]
  /** The route templates this server answers. */
  routes: string[]
  /** The next `times` requests matching `route` answer `status` (with GitHub's body for it). */
  failNext(route: string, status: number, times?: number, options?: FailOptions): void
  /** The next `times` requests matching `route` are accepted and never answered. */
  hangNext(route: string, times?: number): void
  /** The next `times` requests matching `route` are read, then their connection is closed unanswered. */
  dropNext(route: string, times?: number): void
  /** Seeding helpers; they only write to `state`. */
  addToken(token: string, login: string, options?: Partial<Omit<FakeToken, 'login'>>): FakeToken
  addRepo(fullName: string): FakeRepo
  addPull(
    fullName: string,
    pull: {
      number?: number
      headSha?: string
      title?: string
      login?: string
      baseSha?: string
      body?: string
      labels?: string[]
      headRef?: string
      baseRef?: string
    }
  ): FakePull
  addIssue(
    fullName: string,
    issue: {
      number?: number
      title?: string
      body?: string
      labels?: string[]
      state?: 'open' | 'closed'
      login?: string
    }
  ): FakeIssue
  /** A commit holding exactly `files` (path -> text), with `branch` pointing at it; its sha. */
  addBranch(fullName: string, branch: string, files: Record<string, string>, parents?: string[]): string
  addReview(
    fullName: string,
    pullNumber: number,
    login: string,
    state: FakeReviewState,
    commitId?: string
  ): FakeReview
  addComment(fullName: string, issueNumber: number, login: string, body: string): FakeComment
  setTeam(orgSlashTeam: string, logins: string[]): void
  /** Comments of one issue or pull request, oldest first. */
  commentsOf(fullName: string, issueNumber: number): FakeComment[]
  /** Branch name -> commit sha, sorted by name. */
  branches(fullName: string): Record<string, string>
  /** The commit a branch points at, or the commit with that sha; null when neither exists. */
  commitAt(fullName: string, branchOrSha: string): FakeGitCommit | null
  /** Every file (path -> text) of that commit's tree, its base trees resolved; null: no such commit. */
  filesAt(fullName: string, branchOrSha: string): Record<string, string> | null
  /** One file of that commit's tree as text; null when the commit or the file does not exist. */
  fileAt(fullName: string, branchOrSha: string, path: string): string | null
  /**
   * Point `refs/tags/<tag>` at `target` (a commit sha or branch name), moving it when it exists: a
   * lightweight tag, or with `annotated` a tag object in between. Returns what the ref names (the tag
   * object's sha for an annotated tag).
   */
  addTag(
    fullName: string,
    tag: string,
    target: string,
    options?: { annotated?: boolean; message?: string }
  ): string
  /**
   * A workflow run of `fullName` (Actions API). Defaults: workflow 161335 (.github/workflows/baseline-drift.yml),
   * event "schedule", status "completed" with conclusion "success", created now (the fake's clock).
   */
  addWorkflowRun(
    fullName: string,
    run?: Partial<Omit<FakeWorkflowRun, 'path'>> & { path?: string }
  ): FakeWorkflowRun
  close(): Promise<void>
}

// ---------------------------------------------------------------------------------------------------
// Git objects

const sha1 = (data: string | Buffer): string => createHash('sha1').update(data).digest('hex')

/** Tree entry modes and the object type each one names. */
const MODES: Record<string, FakeGitTreeEntry['type']> = {
  '100644': 'blob',
  '100755': 'blob',
  '120000': 'blob',
  '040000': 'tree',
  '160000': 'commit'
}

function storeBlob(git: FakeGit, content: Buffer): string {
  // git's own blob id, so a test can compare with `git hash-object`
  const sha = sha1(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]))
  git.blobs[sha] = content
  return sha
}

function storeTree(git: FakeGit, baseTree: string | null, entries: FakeGitTreeEntry[]): FakeGitTree {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const sha = sha1(`tree\0${JSON.stringify({ baseTree, sorted })}`)
  const tree: FakeGitTree = { sha, base_tree: baseTree, entries: sorted }
  git.trees[sha] = tree
  return tree
}

function storeCommit(git: FakeGit, commit: Omit<FakeGitCommit, 'sha'>): FakeGitCommit {
  const parents = commit.parents.map((p) => `parent ${p}\n`).join('')
  const sha = sha1(
    `commit\0tree ${commit.tree}\n${parents}author ${commit.login} ${commit.date}\n\n${commit.message}`
  )
  const stored = { sha, ...commit }
  git.commits[sha] = stored
  return stored
}

/** Every file of a tree, its base trees and subtrees resolved (an unknown tree has no known files). */
function filesOf(git: FakeGit, treeSha: string, depth = 0): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  const tree = git.trees[treeSha]
  if (!tree || depth > 100) return files
  if (tree.base_tree)
    for (const [path, content] of filesOf(git, tree.base_tree, depth + 1)) files.set(path, content)
  for (const entry of tree.entries) {
    // an entry replaces what the base had at its path: a file, a whole directory, or a file where a
    // directory now starts
    for (const path of [...files.keys()]) {
      if (path === entry.path || path.startsWith(`${entry.path}/`) || entry.path.startsWith(`${path}/`))
        files.delete(path)
    }
    if (entry.sha === null) continue
    if (entry.type === 'blob') {
      const content = git.blobs[entry.sha]
      if (content) files.set(entry.path, content)
    } else if (entry.type === 'tree') {
      for (const [path, content] of filesOf(git, entry.sha, depth + 1))
        files.set(`${entry.path}/${path}`, content)
    }
  }
  return files
}

/** Whether `ancestor` is `sha` or reachable from it through the parents the fake knows. */
function isAncestor(git: FakeGit, ancestor: string, sha: string): boolean {
  const seen = new Set<string>()
  const queue = [sha]
  while (queue.length > 0) {
    const next = queue.shift() as string
    if (next === ancestor) return true
    if (seen.has(next)) continue
    seen.add(next)
    queue.push(...(git.commits[next]?.parents ?? []))
  }
  return false
}

// --- producer identity: annotated tags, commit-ish resolution, ancestry

/** An annotated tag object (a lightweight tag is only a ref). */
export interface FakeGitTag {
  sha: string
  tag: string
  message: string
  object: { sha: string; type: 'commit' | 'tag' }
  date: string
}

/** The contents API leaves `content` out of files larger than this (1 MB). */
const CONTENTS_INLINE_LIMIT = 1024 * 1024

/** git's blob id of `content`. */
const gitBlobSha = (content: Buffer): string =>
  sha1(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]))

/** The commit a branch, tag (annotated tags peeled) or commit sha names; null when none. */
function resolveCommitish(git: FakeGit, name: string): string | null {
  let sha: string | undefined =
    git.refs[`refs/heads/${name}`] ?? git.refs[`refs/tags/${name}`] ?? git.refs[name] ?? name
  for (let depth = 0; sha !== undefined && git.tags?.[sha] && depth < 10; depth++)
    sha = git.tags[sha]?.object.sha
  return sha !== undefined && sha in git.commits ? sha : null
}

/** `sha` and every commit reachable from it through the parents the fake knows. */
function ancestorsOf(git: FakeGit, sha: string): Set<string> {
  const seen = new Set<string>()
  const queue = [sha]
  while (queue.length > 0) {
    const next = queue.shift() as string
    if (seen.has(next) || !(next in git.commits)) continue
    seen.add(next)
    queue.push(...(git.commits[next]?.parents ?? []))
  }
  return seen
}

/** Whether `ref` ("refs/heads/x") is a ref name git check-ref-format accepts (at least two levels). */
function validRef(ref: string): boolean {
  const parts = ref.split('/')
  return (
    parts.length >= 3 &&
    parts[0] === 'refs' &&
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    !/[\u0000-\u0020\u007f~^:?*[\\]|\.\.|@\{/.test(ref) &&
    !ref.endsWith('.') &&
    parts.every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock'))
  )
}

// ---------------------------------------------------------------------------------------------------
// Router

interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

interface Caller {
  token: string
  grant: FakeToken
  account: FakeAccount
}

interface RouteContext {
  params: Record<string, string>
  query: Record<string, string>
  body: unknown
  caller: Caller
  state: FakeState
  /** The server's base URL. */
  base: string
  path: string
  /** Helpers shared by handlers. */
  h: Helpers
}

type Handler = (ctx: RouteContext) => Reply

interface RouteSpec {
  /** "METHOD /path/{param}" as octokit names routes. */
  route: string
  handler: Handler
}

const DOCS = 'https://docs.github.com/rest'

const ROUTES: RouteSpec[] = [
  {
    route: 'GET /user',
    handler: ({ caller, h }) => {
      // installation tokens (GITHUB_TOKEN) cannot read /user
      if (caller.account.type === 'Bot') return h.error(403, 'Resource not accessible by integration')
      return { status: 200, body: h.account(caller.account.login) }
    }
  },
  {
    route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
    handler: ({ params, h }) => {
      const repo = h.repo(params)
      const pull = repo && repo.pulls[Number(params.pull_number)]
      if (!repo || !pull) return h.notFound()
      return { status: 200, body: h.pullJson(repo, pull) }
    }
  },
  {
    route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    handler: ({ params, h }) => {
      const repo = h.repo(params)
      const pull = repo && repo.pulls[Number(params.pull_number)]
      if (!repo || !pull) return h.notFound()
      // pending reviews are visible to their author only; the list is in submission order
      const reviews = pull.reviews.filter((r) => r.state !== 'PENDING')
      return h.page(reviews.map((r) => h.reviewJson(repo, pull, r)))
    }
  },
  {
    route: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    handler: ({ params, h }) => {
      const repo = h.repo(params)
      const number = Number(params.issue_number)
      if (!repo || !h.issueExists(repo, number)) return h.notFound()
      return h.page(repo.comments.filter((c) => c.issue_number === number).map((c) => h.commentJson(repo, c)))
    }
  },
  {
    route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    handler: ({ params, body, caller, state, h }) => {
      const repo = h.repo(params)
      const number = Number(params.issue_number)
      if (!repo || !h.issueExists(repo, number)) return h.notFound()
      if (!caller.grant.write) return h.error(403, 'Resource not accessible by integration')
      const invalid = h.validateBody(body, 'IssueComment')
      if (invalid) return invalid
      const now = h.now()
      const comment: FakeComment = {
        id: state.nextId++,
        issue_number: number,
        body: (body as { body: string }).body,
        login: caller.account.login,
        created_at: now,
        updated_at: now
      }
      repo.comments.push(comment)
      const json = h.commentJson(repo, comment)
      return { status: 201, body: json, headers: { location: json.url } }
    }
  },
  {
    route: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    handler: ({ params, body, caller, h }) => {
      const repo = h.repo(params)
      const comment = repo && repo.comments.find((c) => c.id === Number(params.comment_id))
      if (!repo || !comment) return h.notFound()
      // anyone with write access may edit any comment of the repository
      if (!caller.grant.write) return h.error(403, 'Resource not accessible by integration')
      const invalid = h.validateBody(body, 'IssueComment')
      if (invalid) return invalid
      comment.body = (body as { body: string }).body
      comment.updated_at = h.now()
      return { status: 200, body: h.commentJson(repo, comment) }
    }
  },
  {
    route: 'GET /orgs/{org}/teams/{team_slug}/members',
    handler: ({ params, caller, state, h }) => {
      const members = state.teams[`${params.org}/${params.team_slug}`.toLowerCase()]
      if (!members) return h.notFound()
      if (!caller.grant.readOrg) return h.error(403, 'Resource not accessible by integration')
      return h.page(members.map((login) => h.account(login)))
    }
  },
  {
    route: 'GET /repos/{owner}/{repo}',
    handler: ({ params, h }) => {
      const repo = h.repo(params)
      if (!repo) return h.notFound()
      return { status: 200, body: h.repoJson(repo) }
    }
  },
  // --- git data: blobs, trees, commits, refs
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
  // --- producer identity: contents, blobs, annotated tags, compare (reads; any known token may read)
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
          verification: {
            verified: false,
            reason: 'unsigned',
            signature: null,
            payload: null,
            verified_at: null
          }
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
  },
  // --- pull requests
  {
    route: 'GET /repos/{owner}/{repo}/pulls',
    handler: ({ params, query, h }) => {
      const repo = h.repo(params)
      if (!repo) return h.notFound()
      const state = query.state ?? 'open'
      if (!['open', 'closed', 'all'].includes(state)) return h.invalid('PullRequest', 'state', 'invalid')
      let pulls = Object.values(repo.pulls).filter((p) => state === 'all' || p.state === state)
      // head is "owner:branch"; GitHub ignores a head without the owner
      const colon = query.head?.indexOf(':') ?? -1
      if (query.head !== undefined && colon > 0) {
        const user = query.head.slice(0, colon).toLowerCase()
        const ref = query.head.slice(colon + 1)
        pulls = pulls.filter((p) => user === repo.owner.toLowerCase() && p.head.ref === ref)
      }
      if (query.base !== undefined) pulls = pulls.filter((p) => p.base.ref === query.base)
      // sort=created (the default) is the creation order, which the numbers follow; newest first by default
      pulls.sort((a, b) => (query.direction === 'asc' ? a.number - b.number : b.number - a.number))
      return h.page(pulls.map((p) => h.pullJson(repo, p)))
    }
  },
  {
    route: 'POST /repos/{owner}/{repo}/pulls',
    handler: ({ params, body, caller, h }) => {
      const repo = h.repo(params)
      if (!repo) return h.notFound()
      if (!caller.grant.write) return h.error(403, 'Resource not accessible by integration')
      if (caller.account.login === 'github-actions[bot]' && !repo.actionsCanCreatePullRequests) {
        return h.error(403, 'GitHub Actions is not permitted to create or approve pull requests.')
      }
      const input = (body ?? {}) as { title?: unknown; head?: unknown; base?: unknown; body?: unknown }
      for (const field of ['title', 'head', 'base'] as const) {
        const value = input[field]
        if (typeof value !== 'string' || value === '') return h.invalid('PullRequest', field, 'missing_field')
      }
      const tooLong = h.checkText(input, 'PullRequest', 'body')
      if (tooLong) return tooLong
      let head = input.head as string
      const colon = head.indexOf(':')
      if (colon >= 0) {
        // forks are not modelled: only this repository's owner
        if (head.slice(0, colon).toLowerCase() !== repo.owner.toLowerCase()) {
          return h.invalid('PullRequest', 'head', 'invalid')
        }
        head = head.slice(colon + 1)
      }
      const base = input.base as string
      const headSha = repo.git.refs[`refs/heads/${head}`]
      const baseSha = repo.git.refs[`refs/heads/${base}`]
      if (!headSha) return h.invalid('PullRequest', 'head', 'invalid')
      if (!baseSha) return h.invalid('PullRequest', 'base', 'invalid')
      const open = Object.values(repo.pulls).find(
        (p) => p.state === 'open' && p.head.ref === head && p.base.ref === base
      )
      if (open) {
        return h.error(422, 'Validation Failed', {
          errors: [
            {
              resource: 'PullRequest',
              code: 'custom',
              message: `A pull request already exists for ${repo.owner}:${head}.`
            }
          ]
        })
      }
      if (isAncestor(repo.git, headSha, baseSha)) {
        return h.error(422, 'Validation Failed', {
          errors: [
            { resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${head}` }
          ]
        })
      }
      const pull: FakePull = {
        number: h.nextNumber(repo),
        title: input.title as string,
        body: typeof input.body === 'string' ? input.body : '',
        state: 'open',
        login: caller.account.login,
        labels: [],
        head: { sha: headSha, ref: head },
        base: { sha: baseSha, ref: base },
        reviews: []
      }
      repo.pulls[pull.number] = pull
      const json = h.pullJson(repo, pull)
      return { status: 201, body: json, headers: { location: json.url as string } }
    }
  },
  {
    route: 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}',
    handler: ({ params, body, caller, h }) => {
      const repo = h.repo(params)
      const pull = repo && repo.pulls[Number(params.pull_number)]
      if (!repo || !pull) return h.notFound()
      if (!caller.grant.write) return h.error(403, 'Resource not accessible by integration')
      const input = (body ?? {}) as { title?: unknown; body?: unknown; state?: unknown }
      if (input.title !== undefined && (typeof input.title !== 'string' || input.title === '')) {
        return h.invalid('PullRequest', 'title', 'invalid')
      }
      if (input.state !== undefined && input.state !== 'open' && input.state !== 'closed') {
        return h.invalid('PullRequest', 'state', 'invalid')
      }
      const tooLong = h.checkText(input, 'PullRequest', 'body')
      if (tooLong) return tooLong
      if (typeof input.title === 'string') pull.title = input.title
      if (input.body !== undefined) pull.body = typeof input.body === 'string' ? input.body : ''
      if (input.state === 'open' || input.state === 'closed') pull.state = input.state
      return { status: 200, body: h.pullJson(repo, pull) }
    }
  },
  // --- issues (pull requests are listed as issues too, with a `pull_request` key)
  {
    route: 'GET /repos/{owner}/{repo}/issues',
    handler: ({ params, query, h }) => {
      const repo = h.repo(params)
      if (!repo) return h.notFound()
      const state = query.state ?? 'open'
      if (!['open', 'closed', 'all'].includes(state)) return h.invalid('Issue', 'state', 'invalid')
      const wanted = (query.labels ?? '')
        .split(',')
        .map((l) => l.trim().toLowerCase())
        .filter((l) => l !== '')
      const items: (FakeIssue | FakePull)[] = [...Object.values(repo.issues), ...Object.values(repo.pulls)]
      const listed = items
        .filter((item) => state === 'all' || item.state === state)
        .filter((item) => wanted.every((l) => item.labels.some((have) => have.toLowerCase() === l)))
        .sort((a, b) => (query.direction === 'asc' ? a.number - b.number : b.number - a.number))
      return h.page(listed.map((item) => h.issueJson(repo, item)))
    }
  },
  {
    route: 'POST /repos/{owner}/{repo}/issues',
    handler: ({ params, body, caller, h }) => {
      const repo = h.repo(params)
      if (!repo) return h.notFound()
      if (!caller.grant.write) return h.error(403, 'Resource not accessible by integration')
      const input = (body ?? {}) as { title?: unknown; body?: unknown; labels?: unknown }
      if (typeof input.title !== 'string' || input.title === '')
        return h.invalid('Issue', 'title', 'missing_field')
      const tooLong = h.checkText(input, 'Issue', 'body')
      if (tooLong) return tooLong
      const labels = labelNames(input.labels)
      if (!labels) return h.invalid('Issue', 'labels', 'invalid')
      const issue: FakeIssue = {
        number: h.nextNumber(repo),
        title: input.title,
        body: typeof input.body === 'string' ? input.body : '',
        state: 'open',
        labels,
        login: caller.account.login
      }
      repo.issues[issue.number] = issue
      const json = h.issueJson(repo, issue)
      return { status: 201, body: json, headers: { location: json.url } }
    }
  },
  {
    route: 'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
    handler: ({ params, body, caller, h }) => {
      const repo = h.repo(params)
      const number = Number(params.issue_number)
      const item = repo && (repo.issues[number] ?? repo.pulls[number])
      if (!repo || !item) return h.notFound()
      if (!caller.grant.write) return h.error(403, 'Resource not accessible by integration')
      const input = (body ?? {}) as { title?: unknown; body?: unknown; state?: unknown; labels?: unknown }
      if (input.title !== undefined && (typeof input.title !== 'string' || input.title === '')) {
        return h.invalid('Issue', 'title', 'invalid')
      }
      if (input.state !== undefined && input.state !== 'open' && input.state !== 'closed') {
        return h.invalid('Issue', 'state', 'invalid')
      }
      const tooLong = h.checkText(input, 'Issue', 'body')
      if (tooLong) return tooLong
      const labels = input.labels === undefined ? item.labels : labelNames(input.labels)
      if (!labels) return h.invalid('Issue', 'labels', 'invalid')
      if (typeof input.title === 'string') item.title = input.title
      if (input.body !== undefined) item.body = typeof input.body === 'string' ? input.body : ''
      if (input.state === 'open' || input.state === 'closed') item.state = input.state
      item.labels = labels
      return { status: 200, body: h.issueJson(repo, item) }
    }
  }
]

// --- actions: workflow runs (the scheduled drift check reads its own run and the previous scheduled one)

const RUN_STATUSES = ['queued', 'in_progress', 'completed']

function workflowRunJson(base: string, repo: FakeRepo, run: FakeWorkflowRun): Record<string, unknown> {
  const full = `${repo.owner}/${repo.name}`
  return {
    id: run.id,
    node_id: `WFR_${run.id}`,
    name: run.name,
    display_title: run.name,
    path: run.path,
    workflow_id: run.workflow_id,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    head_sha: run.head_sha,
    head_branch: run.head_branch,
    run_number: run.run_number,
    run_attempt: run.run_attempt,
    created_at: run.created_at,
    updated_at: run.updated_at,
    run_started_at: run.created_at,
    url: `${base}/repos/${full}/actions/runs/${run.id}`,
    html_url: `https://github.com/${full}/actions/runs/${run.id}`,
    workflow_url: `${base}/repos/${full}/actions/workflows/${run.workflow_id}`,
    repository: { id: 1, name: repo.name, full_name: full }
  }
}

ROUTES.push(
  {
    route: 'GET /repos/{owner}/{repo}/actions/runs/{run_id}',
    handler: ({ params, base, h }) => {
      const repo = h.repo(params)
      const run = repo?.workflowRuns?.find((r) => r.id === Number(params.run_id))
      if (!repo || !run) return h.notFound()
      return { status: 200, body: workflowRunJson(base, repo, run) }
    }
  },
  {
    // the workflow by its id or its file name; newest first; `status` takes a status or a conclusion
    route: 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
    handler: ({ params, query, base, h }) => {
      const repo = h.repo(params)
      if (!repo) return h.notFound()
      const wanted = params.workflow_id as string
      const ofWorkflow = (repo.workflowRuns ?? []).filter((r) =>
        /^\d+$/.test(wanted) ? r.workflow_id === Number(wanted) : r.path.split('/').pop() === wanted
      )
      if (ofWorkflow.length === 0) return h.notFound()
      const listed = ofWorkflow
        .filter((r) => !query.event || r.event === query.event)
        .filter((r) => !query.branch || r.head_branch === query.branch)
        .filter((r) =>
          !query.status
            ? true
            : RUN_STATUSES.includes(query.status)
              ? r.status === query.status
              : r.conclusion === query.status
        )
        .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id)
      const page = h.page(listed.map((r) => workflowRunJson(base, repo, r)))
      return { ...page, body: { total_count: listed.length, workflow_runs: page.body } }
    }
  }
)

/** Label names from a request: strings or { name } objects; null when neither. */
function labelNames(labels: unknown): string[] | null {
  if (labels === undefined || labels === null) return []
  if (!Array.isArray(labels)) return null
  const names: string[] = []
  for (const label of labels as unknown[]) {
    const name = typeof label === 'string' ? label : (label as { name?: unknown } | null)?.name
    if (typeof name !== 'string' || name === '') return null
    if (!names.includes(name)) names.push(name)
  }
  return names
}

interface CompiledRoute extends RouteSpec {
  method: string
  pattern: RegExp
  keys: string[]
}

function compile(spec: RouteSpec): CompiledRoute {
  const [method, template] = spec.route.split(' ') as [string, string]
  const keys: string[] = []
  const source = template
    .split('/')
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part)
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      keys.push(m[1] as string)
      // a ref ("heads/topic/x"), a file path or a compare range of branches with slashes may arrive with
      // its slashes literal (as GitHub documents them) or as %2F: GitHub takes both, and so does the fake.
      // Either way a parameter is decoded ONCE, so a double-encoded name (heads%252Fx) names another ref.
      return ['ref', 'path', 'basehead'].includes(m[1] as string) ? '(.+)' : '([^/]+)'
    })
    .join('/')
  return { ...spec, method, pattern: new RegExp(`^${source}$`), keys }
}

// ---------------------------------------------------------------------------------------------------
// Helpers shared by handlers

interface Helpers {
  now(): string
  account(login: string): FakeAccount & { html_url: string; url: string; node_id: string }
  repo(params: Record<string, string>): FakeRepo | undefined
  issueExists(repo: FakeRepo, number: number): boolean
  notFound(): Reply
  error(status: number, message: string, extra?: Record<string, unknown>): Reply
  validateBody(body: unknown, resource: string): Reply | null
  page(items: unknown[]): Reply
  pullJson(repo: FakeRepo, pull: FakePull): Record<string, unknown>
  reviewJson(repo: FakeRepo, pull: FakePull, review: FakeReview): Record<string, unknown>
  commentJson(repo: FakeRepo, comment: FakeComment): { url: string } & Record<string, unknown>
  /** 422 Validation Failed naming one field. */
  invalid(resource: string, field: string, code: string, message?: string): Reply
  /** 422 when an optional text field is not a string or longer than GitHub allows; else null. */
  checkText(body: unknown, resource: string, field: string): Reply | null
  /** The next issue / pull request number (they share one sequence). */
  nextNumber(repo: FakeRepo): number
  repoJson(repo: FakeRepo): Record<string, unknown>
  /** An issue, or a pull request as the issues endpoints show it (with a `pull_request` key). */
  issueJson(repo: FakeRepo, item: FakeIssue | FakePull): { url: string } & Record<string, unknown>
  refJson(repo: FakeRepo, ref: string): { url: string } & Record<string, unknown>
  treeJson(repo: FakeRepo, tree: FakeGitTree): { url: string } & Record<string, unknown>
  commitObjectJson(repo: FakeRepo, commit: FakeGitCommit): { url: string } & Record<string, unknown>
}

const EPOCH = Date.parse('2026-01-01T00:00:00Z')
/** The date of each repository's first commit: before EPOCH, so seeding one advances no clock. */
const INITIAL_COMMIT_DATE = '2025-12-31T00:00:00Z'
export const COMMENT_BODY_LIMIT = 65_536

function accountOf(state: FakeState, login: string): FakeAccount {
  const key = login.toLowerCase()
  let account = state.accounts[key]
  if (!account) {
    account = { login, id: state.nextId++, type: login.endsWith('[bot]') ? 'Bot' : 'User' }
    state.accounts[key] = account
  }
  return account
}

function helpers(state: FakeState, base: string, path: string, query: Record<string, string>): Helpers {
  const web = 'https://github.com'
  const h: Helpers = {
    now: () => new Date(EPOCH + 1000 * state.tick++).toISOString().replace('.000Z', 'Z'),
    account: (login) => {
      const a = accountOf(state, login)
      return {
        ...a,
        node_id: `U_${a.id}`,
        url: `${base}/users/${encodeURIComponent(a.login)}`,
        html_url: `${web}/${a.login}`
      }
    },
    repo: (params) => state.repos[`${params.owner}/${params.repo}`.toLowerCase()],
    issueExists: (repo, number) => number in repo.pulls || number in repo.issues,
    notFound: () => h.error(404, 'Not Found'),
    error: (status, message, extra = {}) => ({
      status,
      body: { message, documentation_url: DOCS, status: String(status), ...extra }
    }),
    validateBody: (body, resource) => {
      const text = (body as { body?: unknown } | null)?.body
      if (typeof text !== 'string' || text.length === 0) {
        return h.error(422, 'Validation Failed', {
          errors: [{ resource, code: 'missing_field', field: 'body' }]
        })
      }
      if (text.length > COMMENT_BODY_LIMIT) {
        return h.error(422, 'Validation Failed', {
          errors: [
            {
              resource,
              code: 'custom',
              field: 'body',
              message: `body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`
            }
          ]
        })
      }
      return null
    },
    page: (items) => {
      // GitHub: per_page defaults to 30 and is capped at 100; page defaults to 1
      const asked = Number.parseInt(query.per_page ?? '', 10)
      const perPage = Number.isInteger(asked) && asked > 0 ? Math.min(asked, 100) : 30
      const askedPage = Number.parseInt(query.page ?? '', 10)
      const page = Number.isInteger(askedPage) && askedPage > 0 ? askedPage : 1
      const last = Math.max(1, Math.ceil(items.length / perPage))
      const link = (n: number, rel: string): string => {
        const params = new URLSearchParams(query)
        params.set('per_page', String(perPage))
        params.set('page', String(n))
        return `<${base}${path}?${params.toString()}>; rel="${rel}"`
      }
      const links: string[] = []
      if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'))
      if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
      if (page > 1) links.push(link(1, 'first'))
      const reply: Reply = {
        status: 200,
        body: items.slice((page - 1) * perPage, page * perPage),
        headers: links.length > 0 ? { link: links.join(', ') } : undefined
      }
      return reply
    },
    pullJson: (repo, pull) => {
      const full = `${repo.owner}/${repo.name}`
      return {
        url: `${base}/repos/${full}/pulls/${pull.number}`,
        html_url: `${web}/${full}/pull/${pull.number}`,
        number: pull.number,
        state: pull.state,
        title: pull.title,
        user: h.account(pull.login),
        draft: false,
        merged: false,
        body: pull.body === '' ? null : pull.body,
        labels: pull.labels.map((name) => ({ name })),
        head: {
          label: `${repo.owner}:${pull.head.ref}`,
          ref: pull.head.ref,
          sha: pull.head.sha,
          repo: { full_name: full }
        },
        base: {
          label: `${repo.owner}:${pull.base.ref}`,
          ref: pull.base.ref,
          sha: pull.base.sha,
          repo: { full_name: full }
        }
      }
    },
    reviewJson: (repo, pull, review) => {
      const full = `${repo.owner}/${repo.name}`
      return {
        id: review.id,
        node_id: `PRR_${review.id}`,
        user: h.account(review.login),
        body: review.body,
        state: review.state,
        html_url: `${web}/${full}/pull/${pull.number}#pullrequestreview-${review.id}`,
        pull_request_url: `${base}/repos/${full}/pulls/${pull.number}`,
        author_association: 'MEMBER',
        submitted_at: review.submitted_at,
        commit_id: review.commit_id
      }
    },
    commentJson: (repo, comment) => {
      const full = `${repo.owner}/${repo.name}`
      const kind = comment.issue_number in repo.pulls ? 'pull' : 'issues'
      return {
        id: comment.id,
        node_id: `IC_${comment.id}`,
        url: `${base}/repos/${full}/issues/comments/${comment.id}`,
        html_url: `${web}/${full}/${kind}/${comment.issue_number}#issuecomment-${comment.id}`,
        issue_url: `${base}/repos/${full}/issues/${comment.issue_number}`,
        body: comment.body,
        user: h.account(comment.login),
        created_at: comment.created_at,
        updated_at: comment.updated_at,
        author_association: 'MEMBER'
      }
    },
    invalid: (resource, field, code, message) =>
      h.error(422, 'Validation Failed', {
        errors: [{ resource, code, field, ...(message === undefined ? {} : { message }) }]
      }),
    checkText: (body, resource, field) => {
      const value = (body as Record<string, unknown> | null)?.[field]
      if (value === undefined || value === null) return null
      if (typeof value !== 'string') return h.invalid(resource, field, 'invalid')
      if (value.length > COMMENT_BODY_LIMIT) {
        return h.invalid(
          resource,
          field,
          'custom',
          `${field} is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`
        )
      }
      return null
    },
    nextNumber: (repo) => {
      const used = [...Object.keys(repo.pulls), ...Object.keys(repo.issues)].map(Number)
      return Math.max(0, ...used) + 1
    },
    repoJson: (repo) => {
      const full = `${repo.owner}/${repo.name}`
      return {
        id: 1,
        node_id: 'R_1',
        name: repo.name,
        full_name: full,
        owner: h.account(repo.owner),
        private: false,
        html_url: `${web}/${full}`,
        url: `${base}/repos/${full}`,
        default_branch: repo.defaultBranch
      }
    },
    issueJson: (repo, item) => {
      const full = `${repo.owner}/${repo.name}`
      const pull = 'head' in item
      const json: { url: string } & Record<string, unknown> = {
        id: 500_000 + item.number,
        node_id: `I_${item.number}`,
        url: `${base}/repos/${full}/issues/${item.number}`,
        html_url: `${web}/${full}/${pull ? 'pull' : 'issues'}/${item.number}`,
        number: item.number,
        state: item.state,
        title: item.title,
        body: item.body === '' ? null : item.body,
        user: h.account(item.login),
        labels: item.labels.map((name) => ({ id: 0, name, color: 'ededed', default: false })),
        comments: repo.comments.filter((c) => c.issue_number === item.number).length,
        author_association: 'MEMBER'
      }
      if (pull) {
        json.pull_request = {
          url: `${base}/repos/${full}/pulls/${item.number}`,
          html_url: `${web}/${full}/pull/${item.number}`,
          merged_at: null
        }
      }
      return json
    },
    refJson: (repo, ref) => {
      const full = `${repo.owner}/${repo.name}`
      const sha = repo.git.refs[ref] as string
      return {
        ref,
        node_id: `REF_${sha1(ref).slice(0, 12)}`,
        url: `${base}/repos/${full}/git/${ref}`,
        object: repo.git.tags?.[sha]
          ? { sha, type: 'tag', url: `${base}/repos/${full}/git/tags/${sha}` }
          : { sha, type: 'commit', url: `${base}/repos/${full}/git/commits/${sha}` }
      }
    },
    treeJson: (repo, tree) => {
      const full = `${repo.owner}/${repo.name}`
      return {
        sha: tree.sha,
        url: `${base}/repos/${full}/git/trees/${tree.sha}`,
        tree: tree.entries
          .filter((e) => e.sha !== null)
          .map((e) => ({
            path: e.path,
            mode: e.mode,
            type: e.type,
            sha: e.sha,
            url: `${base}/repos/${full}/git/${e.type}s/${e.sha}`
          })),
        truncated: false
      }
    },
    commitObjectJson: (repo, commit) => {
      const full = `${repo.owner}/${repo.name}`
      const who = h.account(commit.login)
      const person = {
        name: who.login,
        email: `${who.id}+${who.login}@users.noreply.github.com`,
        date: commit.date
      }
      return {
        sha: commit.sha,
        node_id: `C_${commit.sha}`,
        url: `${base}/repos/${full}/git/commits/${commit.sha}`,
        html_url: `${web}/${full}/commit/${commit.sha}`,
        author: person,
        committer: person,
        message: commit.message,
        tree: { sha: commit.tree, url: `${base}/repos/${full}/git/trees/${commit.tree}` },
        parents: commit.parents.map((sha) => ({
          sha,
          url: `${base}/repos/${full}/git/commits/${sha}`,
          html_url: `${web}/${full}/commit/${sha}`
        })),
        verification: {
          verified: false,
          reason: 'unsigned',
          signature: null,
          payload: null,
          verified_at: null
        }
      }
    }
  }
  return h
}

// ---------------------------------------------------------------------------------------------------
// Server

interface Fault {
  kind: 'fail' | 'hang' | 'drop'
  status: number
  remaining: number
  options: FailOptions
}

const DEFAULT_MESSAGES: Record<number, string> = {
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  422: 'Validation Failed',
  429: 'API rate limit exceeded',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
  504: 'We couldn\u2019t respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.'
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function tokenOf(header: string | undefined): string | null {
  if (!header) return null
  const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim())
  return m ? (m[1] as string) : null
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const state: FakeState = { tokens: {}, accounts: {}, repos: {}, teams: {}, nextId: 1000, tick: 0 }
  const requests: FakeRequest[] = []
  const routes = ROUTES.map(compile)
  const faults = new Map<string, Fault[]>()
  const sockets = new Set<Socket>()
  let base = ''
  let requestSeq = 0

  const knownRoute = (route: string): string => {
    if (!routes.some((r) => r.route === route)) {
      throw new Error(`fake-github: no route "${route}"; known: ${routes.map((r) => r.route).join(', ')}`)
    }
    return route
  }
  const takeFault = (route: string): Fault | null => {
    const queue = faults.get(route)
    const fault = queue?.[0]
    if (!queue || !fault) return null
    fault.remaining -= 1
    if (fault.remaining <= 0) queue.shift()
    return fault
  }

  const send = (res: ServerResponse, entry: FakeRequest, reply: Reply): void => {
    entry.status = reply.status
    const remaining = String(Math.max(0, 5000 - requests.length))
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `FAKE:${(++requestSeq).toString(16).toUpperCase()}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': remaining,
      'x-ratelimit-used': String(5000 - Number(remaining)),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      ...reply.headers
    }
    res.writeHead(reply.status, headers)
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body))
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = req.url ?? '/'
    const mark = target.indexOf('?')
    const rawPath = mark < 0 ? target : target.slice(0, mark)
    const rawQuery = mark < 0 ? '' : target.slice(mark + 1)
    const url = new URL(target, base)
    const query = Object.fromEntries(url.searchParams)
    const raw = await readBody(req)
    let body: unknown = null
    let badJson = false
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw)
      } catch {
        body = raw
        badJson = true
      }
    }
    const method = (req.method ?? 'GET').toUpperCase()
    const path = url.pathname.replace(/\/+$/, '') || '/'
    let match: { route: CompiledRoute; params: Record<string, string> } | null = null
    for (const route of routes) {
      if (route.method !== method) continue
      const m = route.pattern.exec(path)
      if (!m) continue
      const params: Record<string, string> = {}
      route.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1] as string)))
      match = { route, params }
      break
    }
    const entry: FakeRequest = {
      method,
      path,
      rawPath,
      rawQuery,
      query,
      body,
      auth: typeof req.headers.authorization === 'string',
      route: match ? match.route.route : null,
      status: null
    }
    requests.push(entry)
    const h = helpers(state, base, path, query)

    if (!match) return send(res, entry, h.notFound())
    const fault = takeFault(match.route.route)
    if (fault?.kind === 'hang') return // accepted, never answered (close() ends the socket)
    if (fault?.kind === 'drop') {
      req.socket.destroy()
      return
    }
    if (fault) {
      const headers = { ...fault.options.headers }
      if (fault.status === 429) headers['x-ratelimit-remaining'] ??= '0'
      const reply =
        fault.options.body !== undefined
          ? { status: fault.status, body: fault.options.body, headers }
          : { ...h.error(fault.status, DEFAULT_MESSAGES[fault.status] ?? 'Error'), headers }
      return send(res, entry, reply)
    }

    const token = tokenOf(req.headers.authorization)
    if (!token) return send(res, entry, h.error(401, 'Requires authentication'))
    const grant = state.tokens[token]
    if (!grant) return send(res, entry, h.error(401, 'Bad credentials'))
    if (badJson) return send(res, entry, h.error(400, 'Problems parsing JSON'))
    const caller: Caller = { token, grant, account: accountOf(state, grant.login) }
    let reply: Reply
    try {
      reply = match.route.handler({ params: match.params, query, body, caller, state, base, path, h })
    } catch (error) {
      reply = h.error(500, `fake-github handler failed: ${(error as Error).message}`)
    }
    send(res, entry, reply)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify({ message: `fake-github: ${(error as Error).message}` }))
      }
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const repoOf = (fullName: string): FakeRepo => {
    const repo = state.repos[fullName.toLowerCase()]
    if (!repo) throw new Error(`fake-github: no repository ${fullName}; call addRepo first`)
    return repo
  }
  const h = (): Helpers => helpers(state, base, '/', {})
  /** A commit of exactly `files` on a new tree, `branch` pointing at it (no HTTP). */
  const seedBranch = (
    repo: FakeRepo,
    branch: string,
    files: Record<string, string>,
    parents: string[],
    date: string
  ): string => {
    const entries: FakeGitTreeEntry[] = Object.entries(files).map(([path, text]) => ({
      path,
      mode: '100644',
      type: 'blob',
      sha: storeBlob(repo.git, Buffer.from(text, 'utf8'))
    }))
    const tree = storeTree(repo.git, null, entries)
    const message = parents.length === 0 ? 'Initial commit' : `Seed ${branch}`
    const commit = storeCommit(repo.git, { message, tree: tree.sha, parents, login: repo.owner, date })
    repo.git.refs[`refs/heads/${branch}`] = commit.sha
    return commit.sha
  }

  const fake: FakeGitHub = {
    url: base,
    state,
    requests,
    routes: routes.map((r) => r.route),
    failNext(route, status, times = 1, options = {}) {
      const list = faults.get(knownRoute(route)) ?? []
      list.push({ kind: 'fail', status, remaining: times, options })
      faults.set(route, list)
    },
    hangNext(route, times = 1) {
      const list = faults.get(knownRoute(route)) ?? []
      list.push({ kind: 'hang', status: 0, remaining: times, options: {} })
      faults.set(route, list)
    },
    dropNext(route, times = 1) {
      const list = faults.get(knownRoute(route)) ?? []
      list.push({ kind: 'drop', status: 0, remaining: times, options: {} })
      faults.set(route, list)
    },
    addToken(token, login, options = {}) {
      accountOf(state, login)
      const grant: FakeToken = { login, write: options.write ?? true, readOrg: options.readOrg ?? true }
      state.tokens[token] = grant
      return grant
    },
    addRepo(fullName) {
      const [owner, name] = fullName.split('/') as [string, string]
      const repo: FakeRepo = {
        owner,
        name,
        defaultBranch: 'main',
        actionsCanCreatePullRequests: true,
        pulls: {},
        issues: {},
        comments: [],
        git: { blobs: {}, trees: {}, commits: {}, refs: {}, unknown: [] }
      }
      state.repos[fullName.toLowerCase()] = repo
      seedBranch(repo, 'main', { 'README.md': `# ${name}\n` }, [], INITIAL_COMMIT_DATE)
      return repo
    },
    addPull(fullName, spec) {
      const repo = repoOf(fullName)
      const number = spec.number ?? h().nextNumber(repo)
      const pull: FakePull = {
        number,
        title: spec.title ?? `Pull request ${number}`,
        body: spec.body ?? '',
        state: 'open',
        login: spec.login ?? 'octocat',
        labels: [...(spec.labels ?? [])],
        head: { sha: spec.headSha ?? 'a'.repeat(40), ref: spec.headRef ?? `topic-${number}` },
        base: { sha: spec.baseSha ?? 'b'.repeat(40), ref: spec.baseRef ?? 'main' },
        reviews: []
      }
      accountOf(state, pull.login)
      repo.pulls[number] = pull
      return pull
    },
    addIssue(fullName, spec) {
      const repo = repoOf(fullName)
      const number = spec.number ?? h().nextNumber(repo)
      const issue: FakeIssue = {
        number,
        title: spec.title ?? `Issue ${number}`,
        body: spec.body ?? '',
        state: spec.state ?? 'open',
        labels: [...(spec.labels ?? [])],
        login: spec.login ?? 'octocat'
      }
      accountOf(state, issue.login)
      repo.issues[number] = issue
      return issue
    },
    addBranch(fullName, branch, files, parents = []) {
      return seedBranch(repoOf(fullName), branch, files, parents, h().now())
    },
    addReview(fullName, pullNumber, login, reviewState, commitId) {
      const pull = repoOf(fullName).pulls[pullNumber]
      if (!pull) throw new Error(`fake-github: no pull request #${pullNumber} in ${fullName}`)
      accountOf(state, login)
      const review: FakeReview = {
        id: state.nextId++,
        login,
        state: reviewState,
        commit_id: commitId ?? pull.head.sha,
        body: '',
        submitted_at: h().now()
      }
      pull.reviews.push(review)
      return review
    },
    addComment(fullName, issueNumber, login, body) {
      const repo = repoOf(fullName)
      accountOf(state, login)
      const now = h().now()
      const comment: FakeComment = {
        id: state.nextId++,
        issue_number: issueNumber,
        body,
        login,
        created_at: now,
        updated_at: now
      }
      repo.comments.push(comment)
      return comment
    },
    setTeam(orgSlashTeam, logins) {
      for (const login of logins) accountOf(state, login)
      state.teams[orgSlashTeam.toLowerCase()] = [...logins]
    },
    commentsOf(fullName, issueNumber) {
      return repoOf(fullName).comments.filter((c) => c.issue_number === issueNumber)
    },
    branches(fullName) {
      const { refs } = repoOf(fullName).git
      const names = Object.keys(refs)
        .filter((ref) => ref.startsWith('refs/heads/'))
        .sort()
      return Object.fromEntries(names.map((ref) => [ref.slice('refs/heads/'.length), refs[ref] as string]))
    },
    commitAt(fullName, branchOrSha) {
      const { git } = repoOf(fullName)
      const sha = git.refs[`refs/heads/${branchOrSha}`] ?? branchOrSha
      return git.commits[sha] ?? null
    },
    filesAt(fullName, branchOrSha) {
      const commit = fake.commitAt(fullName, branchOrSha)
      if (!commit) return null
      const files = filesOf(repoOf(fullName).git, commit.tree)
      const paths = [...files.keys()].sort()
      return Object.fromEntries(paths.map((path) => [path, (files.get(path) as Buffer).toString('utf8')]))
    },
    fileAt(fullName, branchOrSha, path) {
      return fake.filesAt(fullName, branchOrSha)?.[path] ?? null
    },
    addTag(fullName, tag, target, options = {}) {
      const { git } = repoOf(fullName)
      const commit = resolveCommitish(git, target)
      if (!commit) throw new Error(`fake-github: no commit ${target} in ${fullName}`)
      let sha = commit
      if (options.annotated) {
        const message = options.message ?? `Release ${tag}`
        const date = h().now()
        sha = sha1(`tag\0object ${commit}\ntype commit\ntag ${tag}\n${date}\n\n${message}`)
        git.tags ??= {}
        git.tags[sha] = { sha, tag, message, object: { sha: commit, type: 'commit' }, date }
      }
      git.refs[`refs/tags/${tag}`] = sha
      return sha
    },
    addWorkflowRun(fullName, spec = {}) {
      const repo = repoOf(fullName)
      const runs = (repo.workflowRuns ??= [])
      const workflowId = spec.workflow_id ?? 161335
      const created = spec.created_at ?? h().now()
      const run: FakeWorkflowRun = {
        id: spec.id ?? state.nextId++,
        workflow_id: workflowId,
        path: spec.path ?? '.github/workflows/baseline-drift.yml',
        name: spec.name ?? 'baseline-drift',
        event: spec.event ?? 'schedule',
        status: spec.status ?? 'completed',
        conclusion:
          spec.conclusion !== undefined
            ? spec.conclusion
            : (spec.status ?? 'completed') === 'completed'
              ? 'success'
              : null,
        head_sha: spec.head_sha ?? (repo.git.refs[`refs/heads/${repo.defaultBranch}`] as string),
        head_branch: spec.head_branch ?? repo.defaultBranch,
        run_number: spec.run_number ?? runs.filter((r) => r.workflow_id === workflowId).length + 1,
        run_attempt: spec.run_attempt ?? 1,
        created_at: created,
        updated_at: spec.updated_at ?? created
      }
      runs.push(run)
      return run
    },
    close() {
      return new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
    }
  }
  return fake
}
