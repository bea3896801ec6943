// An in-memory GitHub REST API on loopback, for tests that run the real octokit code over real HTTP.
//
// It answers the way api.github.com does for the routes the suite uses: JSON bodies, the status codes
// GitHub gives (401 without or with a bad token, 403 for a token without the permission, 404 with
// {"message":"Not Found"}, 422 for invalid bodies), `Link` pagination honouring per_page / page, and
// the rate-limit headers. Tests seed and inspect `fake.state`, read what was asked in `fake.requests`
// (the Authorization header is recorded only as present or absent; `rawPath` and `rawQuery` are the
// request line exactly as sent, for tests of URL encoding), and inject faults with
// `failNext` / `hangNext` / `dropNext`.
//
// Git data: each repository holds blobs, trees, commits and refs (`FakeRepo.git`). A tree is stored
// flat (full paths, as the trees API takes them) on top of its base_tree; a base_tree or parent the
// fake has never seen (a real local commit) is accepted and recorded in `git.unknown`. `fileAt` and
// `filesAt` read a branch's files back (the files of an unknown base are not known, so not listed).
//
// The parts, under fake-github/: state.ts (what it holds), git-objects.ts, router.ts, replies.ts and
// views.ts (what handlers answer with), routes/ (one module per concern), seeding.ts, server.ts. Adding a
// route: append one entry to the module of its concern under routes/: the route as octokit names it
// ("METHOD /path/{param}") and a handler that returns { status, body, headers }.
export { COMMENT_BODY_LIMIT } from './fake-github/replies.js'
export { startFakeGitHub } from './fake-github/server.js'
export type { FakeGitHub } from './fake-github/server.js'
export type {
  FailOptions,
  FakeAccount,
  FakeComment,
  FakeGit,
  FakeGitCommit,
  FakeGitTag,
  FakeGitTree,
  FakeGitTreeEntry,
  FakeIssue,
  FakePull,
  FakeRepo,
  FakeRequest,
  FakeReview,
  FakeReviewState,
  FakeState,
  FakeToken,
  FakeWorkflowRun
} from './fake-github/state.js'
