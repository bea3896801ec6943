// The JSON GitHub shows for each object (pull request, review, comment, repository, issue, ref, tree,
// commit), with the URLs of the fake's base and github.com's web pages.
import { sha1 } from './git-objects.js'
import type { Helpers } from './helpers.js'
import type {
  FakeComment,
  FakeGitCommit,
  FakeGitTree,
  FakeIssue,
  FakePull,
  FakeRepo,
  FakeReview
} from './state.js'

/** The verification of a commit or tag object that carries no signature (the fake signs nothing). */
export const UNSIGNED = {
  verified: false,
  reason: 'unsigned',
  signature: null,
  payload: null,
  verified_at: null
} as const

export interface Views {
  pullJson(repo: FakeRepo, pull: FakePull): Record<string, unknown>
  reviewJson(repo: FakeRepo, pull: FakePull, review: FakeReview): Record<string, unknown>
  commentJson(repo: FakeRepo, comment: FakeComment): { url: string } & Record<string, unknown>
  repoJson(repo: FakeRepo): Record<string, unknown>
  /** An issue, or a pull request as the issues endpoints show it (with a `pull_request` key). */
  issueJson(repo: FakeRepo, item: FakeIssue | FakePull): { url: string } & Record<string, unknown>
  refJson(repo: FakeRepo, ref: string): { url: string } & Record<string, unknown>
  treeJson(repo: FakeRepo, tree: FakeGitTree): { url: string } & Record<string, unknown>
  commitObjectJson(repo: FakeRepo, commit: FakeGitCommit): { url: string } & Record<string, unknown>
}

export function views(h: Helpers, base: string): Views {
  const web = 'https://github.com'
  return {
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
        verification: UNSIGNED
      }
    }
  }
}
