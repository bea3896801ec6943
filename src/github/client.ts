// The GitHub API client of baseline-gate (infra, DESIGN.md §2), built on @actions/github's octokit, so it
// honours GITHUB_API_URL (or an explicit apiUrl) and the runner's proxy settings. One client per
// repository, composed of one part per concern:
//
//   request.ts, session.ts        every request: timeout, one retry, the token kept out of every message
//   sticky-comment.ts             the sticky pull-request comment
//   issues.ts                     the marked issue of a baseline, issue comments (upsert.ts: one upsert)
//   joint-approval.ts             the joint approval of the consumer and producer owners (approvers.ts)
//   branch-commit.ts              a commit on a branch through the git data API
//   pull-requests.ts              the pull request of a branch
//   labels.ts                     the labels of an issue or pull request
//   repository-reads.ts           a file at a ref, a tag's commit, ancestry (the producer identity check)
//   workflow-runs.ts              the runs of a scheduled workflow
//
// Nothing here throws: every method resolves to a Result, and a failure says what could not be done and
// what to do about it. The token never appears in a message or a log line. Every ref, branch, tag or file
// path that goes into a URL is encoded once, by url-path.ts.
import { branchCommitApi } from './branch-commit.js'
import type { BranchCommitApi } from './branch-commit.js'
import { issueApi } from './issues.js'
import type { IssueApi } from './issues.js'
import { jointApprovalApi } from './joint-approval.js'
import { labelApi } from './labels.js'
import type { LabelApi } from './labels.js'
import type { JointApprovalApi } from './joint-approval.js'
import { pullRequestApi } from './pull-requests.js'
import type { PullRequestApi } from './pull-requests.js'
import { repositoryReadApi } from './repository-reads.js'
import type { RepositoryReadApi } from './repository-reads.js'
import { openSession } from './session.js'
import type { GitHubClientOptions, Repository } from './session.js'
import { stickyCommentApi } from './sticky-comment.js'
import type { StickyCommentApi } from './sticky-comment.js'
import { workflowRunApi } from './workflow-runs.js'
import type { WorkflowRunApi } from './workflow-runs.js'

export {
  fitBody,
  GITHUB_COMMENT_LIMIT,
  renderStickyComment,
  STICKY_COMMENT_BUDGET,
  stickyMarker
} from './comment-body.js'
export type { BranchCommit, FileToCommit } from './branch-commit.js'
export type { CommentRef, IssueComment, IssueRef, MarkedIssue } from './issues.js'
export type { JointApproval, Owners } from './joint-approval.js'
export type { LabelChange } from './labels.js'
export type { OpenPullRequest, PullRequestRef } from './pull-requests.js'
export type { Ancestry, CommitChange, RepositoryReadApi, ResolvedTag } from './repository-reads.js'
export type { Sleep } from './request.js'
export type { FailureReason, Result } from './result.js'
export type { GitHubClientOptions, Repository } from './session.js'
export type { StickyComment } from './sticky-comment.js'
export type { WorkflowRun } from './workflow-runs.js'

export interface GitHubClient
  extends
    RepositoryReadApi,
    StickyCommentApi,
    IssueApi,
    JointApprovalApi,
    LabelApi,
    BranchCommitApi,
    PullRequestApi,
    WorkflowRunApi {
  readonly repository: Repository
  readonly apiUrl: string
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const session = openSession(options)
  return {
    repository: { owner: session.owner, repo: session.repo },
    apiUrl: session.apiUrl,
    ...repositoryReadApi(session),
    ...stickyCommentApi(session),
    ...issueApi(session),
    ...jointApprovalApi(session),
    ...labelApi(session),
    ...branchCommitApi(session),
    ...pullRequestApi(session),
    ...workflowRunApi(session)
  }
}
