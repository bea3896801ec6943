// What the fake GitHub holds: tokens, accounts, repositories (pull requests, issues, comments, git data,
// workflow runs) and teams, which tests seed and inspect through `fake.state`, and the log of what was asked.

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

/** An annotated tag object (a lightweight tag is only a ref). */
export interface FakeGitTag {
  sha: string
  tag: string
  message: string
  object: { sha: string; type: 'commit' | 'tag' }
  date: string
}

/** Seconds after this are the fake's clock (FakeState.tick). */
export const EPOCH = Date.parse('2026-01-01T00:00:00Z')
/** The date of each repository's first commit: before EPOCH, so seeding one advances no clock. */
export const INITIAL_COMMIT_DATE = '2025-12-31T00:00:00Z'

/** The account of `login`, created on first use (a `[bot]` login is a Bot). */
export function accountOf(state: FakeState, login: string): FakeAccount {
  const key = login.toLowerCase()
  let account = state.accounts[key]
  if (!account) {
    account = { login, id: state.nextId++, type: login.endsWith('[bot]') ? 'Bot' : 'User' }
    state.accounts[key] = account
  }
  return account
}
