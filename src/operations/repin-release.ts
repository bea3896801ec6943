// A producer release proposed as a pull request (the repin action): the producer's manifest and handoff payload
// read from git at the release tag (never through a shell), `repin` run on them, and the repinned trio committed
// on one branch per baseline with one pull request whose body says what the release does (breaking, additive,
// patch), when the stability window ends, who must approve and what repin left; labelled. Only a reviewed release
// is proposed: a tag on the base branch, newer than the release the base branch pins. Idempotent: a branch whose
// head is exactly this repin's commit gets no commit, and the pull request and its labels change only when they
// differ; a branch holding anything else is reset to the repin commit (anyone who may push a branch could have
// put other changes, or a made-up newer release, there).
import { notBaseTip } from './base-tip.js'
import { releaseTagProblem } from '../git/tag-name.js'
import { stabilityWindow } from '../classify/change.js'
import { RELEASE_KINDS, renderRepinBody, repinLabels, repinTitle } from '../evidence/repin-body.js'
import type { ReleaseKind, RepinProposal } from '../evidence/repin-body.js'
import { readRepoFile } from '../fs/read.js'
import { git, isAncestorCommit, resolveCommit } from '../git/git.js'
import { readAtRevision } from '../git/tree-path.js'
import { repositoryPrefix } from '../git/root.js'
import type { GitHubClient } from '../github/client.js'
import { notOurs } from '../github/pull-requests.js'
import type { BaselinePolicy } from '../policy/types.js'
import { finding } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'
import { decideVerdict } from '../rules/verdict.js'
import { compareReleases, identityOf, postureOf } from '../trio/identity.js'
import { loadTrio, producerFilesFromBytes, producerPaths } from '../trio/load.js'
import type { Identity, Posture, TrioRole } from '../trio/model.js'
import type { BaselineResult, OperationContext, OperationResult } from './context.js'
import { pinHistory } from './promotion.js'
import { redactStrings } from './redact-findings.js'
import { runRepin } from './repin.js'
import { WRITE_ORDER } from './trio-files.js'
import { holdsThisRepin, readBranch, trustedRelease } from './repin-branch.js'
import type { BranchState } from './repin-branch.js'

/** What the GitHub client must do for a repin pull request. */
export type RepinClient = Pick<
  GitHubClient,
  | 'fileAtRef'
  | 'commitAtRef'
  | 'commitToBranch'
  | 'upsertPullRequest'
  | 'openPullRequest'
  | 'syncLabels'
  | 'branchHead'
>

export interface RepinPublisher {
  client: RepinClient
  /** The branch the pull request targets. */
  baseBranch: string
}

export interface RepinReleaseOptions {
  baselines: BaselinePolicy[]
  /** The release tag, as delivered (checked again here: see releaseTagProblem). */
  tag: string
  /** null: repin in the workspace only, propose nothing (no token). */
  publish: RepinPublisher | null
}

export type RepinReleaseStatus =
  /** The branch now proposes the release (a new commit, or the same release's commit kept) */
  | 'proposed'
  /** The trio already pins this release: nothing to propose */
  | 'already-pinned'
  /** Repinned in the workspace, nothing proposed (no GitHub client) */
  | 'repinned-only'
  /** Nothing written: the tag, the producer's files or the repinned trio are wrong (findings) */
  | 'refused'
  /** Repinned, but the branch, pull request or labels could not be written (BG516) */
  | 'not-proposed'

export interface RepinReleaseReport {
  status: RepinReleaseStatus
  tag: string
  kind: ReleaseKind | null
  branch: string | null
  /** A new commit was pushed to the branch (false: the branch already held this release). */
  committed: boolean
  /** The branch held more than a repin commit (other files, commits or parents): it was reset to the repin commit. */
  branchReset: boolean
  pullRequestUrl: string | null
  /** The pull request was opened by this run (false: updated or left as it was). */
  pullRequestCreated: boolean
  /** The pull request's title or body was written by this run (false: it already said this, left as it was). */
  pullRequestChanged: boolean
  /** A late delivery (BG515): the newer release the open pull request already proposes; null otherwise. */
  newerProposed: string | null
  /** The body of the pull request (also written to the evidence directory); null when none was rendered. */
  body: string | null
  /** The labels the pull request should carry (`labelled`: whether it does). */
  labels: string[]
  labelled: boolean
  left: string[]
}

export interface RepinReleaseResult {
  result: OperationResult
  reports: RepinReleaseReport[]
}

/** The branch of a baseline's repin pull request. */
export const repinBranch = (baseline: string): string => `baseline-gate/repin-${baseline}`

export { releaseTagProblem }

export async function runRepinRelease(
  ctx: OperationContext,
  options: RepinReleaseOptions
): Promise<RepinReleaseResult> {
  const reports: RepinReleaseReport[] = []
  const baselines: BaselineResult[] = []
  for (const baseline of options.baselines) {
    // the base branch's pin is anybody's merged text, a token-shaped release tag included: redacted before any
    // surface (annotations, summary, evidence, the pull request) is made of it
    const { report, identity, posture, findings } = redactStrings(ctx, await repinOne(ctx, baseline, options))
    const verdict = decideVerdict(findings)
    const evidence = ctx.evidence.writeAll([
      {
        name: `repin-${baseline.name}.md`,
        content: report.body ?? `# repin ${baseline.name}: ${verdict}\n\nNo pull request body was rendered.\n`
      }
    ])[0]!
    reports.push(report)
    baselines.push({ name: baseline.name, identity, posture, findings, steps: [], verdict, evidence })
  }
  const verdict = baselines.length > 0 && baselines.every((b) => b.verdict === 'PASS') ? 'PASS' : 'FAIL'
  return {
    result: { operation: 'repin', verdict, baselines, evidence: baselines[0]?.evidence ?? ctx.evidence.dir },
    reports
  }
}

interface One {
  report: RepinReleaseReport
  findings: Finding[]
  identity: Identity
  posture: Posture | null
}

async function repinOne(
  ctx: OperationContext,
  baseline: BaselinePolicy,
  options: RepinReleaseOptions
): Promise<One> {
  const { tag } = options
  const current = loadTrio(ctx.root, baseline)
  const from = identityOf(current)
  const report: RepinReleaseReport = {
    status: 'refused',
    tag,
    kind: null,
    branch: null,
    committed: false,
    branchReset: false,
    pullRequestUrl: null,
    pullRequestCreated: false,
    pullRequestChanged: false,
    newerProposed: null,
    body: null,
    labels: [],
    labelled: false,
    left: []
  }
  const refused = (findings: Finding[]): One => ({
    report,
    findings,
    identity: from,
    posture: postureOf(current)
  })
  const paths = producerPaths(baseline)
  const bad = (message: string, file: string | null = paths.manifest) =>
    refused([finding('BG515', file, null, message)])

  const tagProblem = releaseTagProblem(tag)
  if (tagProblem) return bad(`the release tag ${JSON.stringify(tag)} ${tagProblem}`, null)
  const commit = await resolveCommit(ctx.root, `refs/tags/${tag}`)
  if (!commit) {
    return bad(
      `the tag ${tag} is not in the checkout: push the release tag first, and check out with fetch-depth: 0 (which fetches the tags)`,
      null
    )
  }
  // a release is a reviewed commit of the base branch: a tag anywhere else (an unmerged branch) is not proposed
  const head = await resolveCommit(ctx.root, 'HEAD')
  if (!head || (await isAncestorCommit(ctx.root, commit, head)) !== true) {
    return bad(
      `the tag ${tag} is on ${commit.slice(0, 12)}, which is not on the checked-out base branch${head ? ` (${head.slice(0, 12)})` : ''}: tag a commit of the base branch (merge the release first), and check out the base branch with fetch-depth: 0`,
      null
    )
  }
  // the producer's files as the release tagged them; `./` makes each path relative to the root (a monorepo)
  const bytes = await readAtRevision(ctx.root, commit, [`./${paths.manifest}`, `./${paths.handoff}`])
  const producer = producerFilesFromBytes(baseline, {
    manifest: bytes.get(`./${paths.manifest}`) ?? null,
    handoff: bytes.get(`./${paths.handoff}`) ?? null
  })
  const released = producer.manifest.data?.release_tag
  if (!producer.manifest.data) {
    return bad(
      `the producer's manifest ${paths.manifest} ${producer.manifest.read.kind === 'ok' ? 'is not valid JSON' : 'does not exist'} at the tag ${tag} (${commit.slice(0, 12)}): tag the commit of the release`
    )
  }
  if (released !== tag) {
    return bad(
      `the tag ${tag} (${commit.slice(0, 12)}) holds a producer manifest whose release_tag is ${JSON.stringify(released ?? null)}, not ${tag}: tag the commit that releases ${tag}`
    )
  }

  // repin proposes newer releases only (the same one again is an idempotent re-delivery); going back is a rollback
  if (from.release_tag && from.release_tag !== tag && !newer(tag, from.release_tag)) {
    return bad(
      `${tag} is not newer than ${from.release_tag}, which ${baseline.trio.pin} pins on the base branch: repin proposes only newer releases; to return to a baseline pinned before, run \`baseline-gate rollback --to ${tag}\``,
      baseline.trio.pin
    )
  }

  // when the baseline being replaced was approved (from the history of the checked-out commit): BG504's window
  const approvedAt = (await pinHistory(ctx.root, head, baseline, from)).baseApprovedAt
  const window = stabilityWindow(current, approvedAt)
  const days = current.manifest.data?.stability_window?.minimum_sprint_days

  // an older release delivered after a newer one: the branch keeps the newer, and nothing is written here. Its pin
  // is trusted only when its head is a repin commit of a release of the base branch (else anyone who may push a
  // branch could hold every release back with a made-up newer tag): the branch is then reset below
  let onBranch: BranchState | null = null
  let trusted: string | null = null
  if (options.publish) {
    const branch = repinBranch(baseline.name)
    const read = await readBranch(ctx, baseline, options.publish.client, branch, head)
    if (!read.ok) {
      const why = `the branch ${branch} could not be read: ${read.message} Nothing was repinned or written; run the workflow again once the token may read the repository.`
      return refused([finding('BG516', null, null, why)])
    }
    onBranch = read.value
    trusted = await trustedRelease(ctx, baseline, onBranch, head)
    const newerThere = trusted && newer(trusted, tag) ? trusted : null
    // a newer release the branch holds is proposed only while its pull request is open: one closed unmerged was
    // declined, and held every older release back (closing it, as the refusal says, changed nothing)
    const open = newerThere
      ? await options.publish.client.openPullRequest({ head: branch, base: options.publish.baseBranch })
      : null
    if (open && !open.ok) {
      const why = `the pull request of ${branch} could not be read: ${open.message} Nothing was repinned or written; run the workflow again once the token may read the repository.`
      return refused([finding('BG516', null, null, why)])
    }
    // the gate's own pull request: one anyone else opened from the branch holds nothing back
    const proposed = open?.ok && open.value?.ours ? newerThere : null
    if (proposed) {
      report.branch = branch
      report.newerProposed = proposed
      return bad(
        `the pull request of ${branch} already proposes ${proposed}, newer than ${tag}: ${tag} is not proposed again (a late delivery of an older release)`,
        null
      )
    }
  }

  const repinned = runRepin({ root: ctx.root, clock: ctx.clock }, baseline, { producer })
  report.left = repinned.left
  if (repinned.status === 'refused') return refused(repinned.findings)
  // what repin left is the producer's to do: a warning each (BG517), the verdict stays the repin's own
  const left = repinned.left.map((item) => finding('BG517', null, null, leftMessage(item, tag)))
  if (repinned.status === 'unchanged') {
    report.status = 'already-pinned'
    return { report, findings: left, identity: from, posture: postureOf(current) }
  }
  const after = loadTrio(ctx.root, baseline)
  const to = identityOf(after)
  const posture = postureOf(after)
  const kind = releaseKind(repinned.classification ?? 'none')
  report.kind = kind
  report.labels = repinLabels(kind)
  const branch = repinBranch(baseline.name)
  // what the title, the body and the commit message say (the branch is the policy's name, never redacted)
  const proposal: RepinProposal = redactStrings(ctx, {
    baseline: baseline.name,
    displayName: baseline.display_name,
    tag,
    from,
    to,
    kind,
    posture,
    window: {
      approvedAt: approvedAt ? day(approvedAt) : null,
      days: typeof days === 'number' ? days : null,
      ends: window ? day(window.ends) : null,
      over: window ? ctx.clock() >= window.ends : false
    },
    owners: baseline.owners,
    left: repinned.left,
    written: WRITE_ORDER.map((r) => baseline.trio[r]),
    branch,
    pullRequest: !!options.publish
  })
  proposal.branch = branch
  const done = { identity: to, posture }
  if (!options.publish || !onBranch) {
    report.body = renderRepinBody(proposal)
    report.status = 'repinned-only'
    return { report, findings: left, ...done }
  }
  // the repinned trio as written in the workspace: what the branch must hold, and nothing else
  const prefix = await repositoryPrefix(ctx.root)
  const files = WRITE_ORDER.map((role) => {
    const read = readRepoFile(ctx.root, baseline.trio[role])
    return { role, path: `${prefix}${baseline.trio[role]}`, content: read.kind === 'ok' ? read.bytes : null }
  })
  const written = new Map<TrioRole, Buffer | null>(files.map((f) => [f.role, f.content]))
  const kept = holdsThisRepin(baseline, onBranch, head, written)
  // a branch that held anything but a repin commit (of an earlier release, or of this one on an earlier base
  // commit) is reset, and the reviewers are told
  const superseded = trusted !== null && (trusted !== tag || onBranch.commit?.parents[0] !== head)
  proposal.branchReset = !!onBranch.commit && !kept && !superseded
  report.body = renderRepinBody(proposal)
  const problems = await propose(ctx, options.publish, {
    head,
    proposal,
    report,
    files,
    kept,
    expected: onBranch.tip
  })
  return { report, findings: [...problems, ...left], ...done }
}

/** A thing repin left as a finding's message: plain words (backticks dropped), naming the release. */
function leftMessage(item: string, tag: string): string {
  return `repin to ${tag} left this to do: ${item.replace(/`/g, '')}`
}

/** breaking and additive as classify/change says; a release that is neither is a patch. */
function releaseKind(classification: 'none' | 'additive' | 'breaking'): ReleaseKind {
  return classification === 'none' ? 'patch' : classification
}

const day = (d: Date): string => d.toISOString().slice(0, 10)

/**
 * The branch, the pull request and its labels. The branch gets a new commit (on top of the checked-out commit,
 * through the API: no credentials in git, force-moved when it exists) unless it holds exactly this repin.
 */
async function propose(
  ctx: OperationContext,
  target: RepinPublisher,
  r: {
    head: string
    proposal: RepinProposal
    report: RepinReleaseReport
    files: { path: string; content: Buffer | null }[]
    kept: boolean
    /** The branch's head the decision was made on (null: no branch): moved only from there. */
    expected: string | null
  }
): Promise<Finding[]> {
  const { client } = target
  const { proposal, report, files } = r
  const branch = proposal.branch
  report.status = 'not-proposed'
  const notProposed = (what: string) => [
    finding(
      'BG516',
      null,
      null,
      `${what} The repinned trio is in the workspace; run the workflow again once the token may write.`
    )
  ]
  if (files.some((f) => f.content === null))
    return notProposed('a repinned trio file could not be read back from the workspace.')
  // nothing is written on a branch (kept or not) unless the checked-out commit is the base branch's tip
  const off = await notBaseTip(client, target.baseBranch, r.head)
  if (off) return notProposed(`nothing was written: ${off}`)
  // a pull request someone else opened from the branch: the branch is not moved under it (its description would be
  // left, its commits replaced)
  const open = await client.openPullRequest({ head: branch, base: target.baseBranch })
  if (!open.ok) return notProposed(`nothing was written: ${open.message}`)
  if (open.value && !open.value.ours)
    return [finding('BG516', null, null, `Nothing was written: ${notOurs(open.value, branch)}.`)]
  if (!r.kept) {
    const tree = await git(ctx.root, ['rev-parse', '--verify', '--end-of-options', `${r.head}^{tree}`])
    const committed = await client.commitToBranch({
      branch,
      parentSha: r.head,
      baseTreeSha: tree.stdout.toString('utf8').trim(),
      message: `${repinTitle(proposal)}\n\n${proposal.from.release_tag ?? 'unknown'} -> ${proposal.tag}: a ${proposal.kind} release. Written by baseline-gate repin from the producer's manifest at the tag.\n`,
      files: files.map((f) => ({ path: f.path, content: f.content! })),
      expectedSha: r.expected
    })
    // another run moved the branch meanwhile: its message says to run again, not to give the token more
    if (!committed.ok && committed.reason === 'conflict')
      return [finding('BG516', null, null, committed.message)]
    if (!committed.ok) return notProposed(`the repin was not committed: ${committed.message}`)
    report.committed = true
    report.branchReset = proposal.branchReset === true
  }
  report.branch = branch
  const pr = await client.upsertPullRequest({
    head: branch,
    base: target.baseBranch,
    title: repinTitle(proposal),
    body: report.body!
  })
  if (!pr.ok)
    return notProposed(
      `no pull request was opened or updated: ${pr.message} The branch ${branch} holds the repin.`
    )
  report.pullRequestUrl = pr.value.url
  report.pullRequestCreated = pr.value.created
  report.pullRequestChanged = pr.value.changed
  const labels = await client.syncLabels(pr.value.number, {
    wanted: report.labels,
    exclusive: [...RELEASE_KINDS]
  })
  report.status = 'proposed'
  // the pull request is proposed; its labels are a convenience a token without `issues: write` cannot create
  report.labelled = labels.ok
  if (!labels.ok)
    return [
      finding(
        'BG525',
        null,
        null,
        `the pull request ${pr.value.url} is not labelled ${report.labels.join(', ')}: ${labels.message} GitHub creates a missing label only for a token with \`issues: write\`; or create the labels once by hand.`
      )
    ]
  return []
}

/** Whether release `a` is newer than release `b` (semantic versions, a leading v ignored); false when unknown. */
function newer(a: string, b: string): boolean {
  return (compareReleases(a, b) ?? 0) > 0
}
