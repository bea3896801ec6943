// Seeding and reading back the fake's state without HTTP: tokens, repositories, pull requests, issues,
// reviews, comments, teams, branches, tags and workflow runs; the files of a commit.
import { filesOf, resolveCommitish, sha1, storeBlob, storeCommit, storeTree } from './git-objects.js'
import { helpers } from './helpers.js'
import type { Helpers } from './helpers.js'
import { accountOf, INITIAL_COMMIT_DATE } from './state.js'
import type {
  FakeComment,
  FakeGitCommit,
  FakeGitTreeEntry,
  FakeIssue,
  FakePull,
  FakeRepo,
  FakeReview,
  FakeReviewState,
  FakeState,
  FakeToken,
  FakeWorkflowRun
} from './state.js'

/** Seeding helpers; they only write to `state`. */
export interface FakeSeeding {
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
   * Point `refs/heads/<branch>` at `sha` (a commit of the test's local repository, as a push would: the fake
   * need not hold its objects), so that the branch's tip on "GitHub" is the commit the workflow checked out.
   */
  pointBranch(fullName: string, branch: string, sha: string): void
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
}

/** The seeding helpers over `state`; `base()` is the server's URL once it listens. */
export function seeding(state: FakeState, base: () => string): FakeSeeding {
  const repoOf = (fullName: string): FakeRepo => {
    const repo = state.repos[fullName.toLowerCase()]
    if (!repo) throw new Error(`fake-github: no repository ${fullName}; call addRepo first`)
    return repo
  }
  const h = (): Helpers => helpers(state, base(), '/', {})
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

  const seeding: FakeSeeding = {
    addToken(token, login, options = {}) {
      accountOf(state, login)
      const grant: FakeToken = { login, write: options.write ?? true, readOrg: options.readOrg ?? true }
      state.tokens[token] = grant
      return grant
    },
    pointBranch(fullName, branch, sha) {
      repoOf(fullName).git.refs[`refs/heads/${branch}`] = sha
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
      const commit = seeding.commitAt(fullName, branchOrSha)
      if (!commit) return null
      const files = filesOf(repoOf(fullName).git, commit.tree)
      const paths = [...files.keys()].sort()
      return Object.fromEntries(paths.map((path) => [path, (files.get(path) as Buffer).toString('utf8')]))
    },
    fileAt(fullName, branchOrSha, path) {
      return seeding.filesAt(fullName, branchOrSha)?.[path] ?? null
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
    }
  }
  return seeding
}
