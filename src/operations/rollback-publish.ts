// The GitHub side of a rollback: the restored trio committed on a branch through the API, the pull request whose
// body is the incident note, and the incident issue that links it.
import { sha256 } from '../fs/digest.js'
import { shorten } from '../text/shorten.js'
import type { IncidentEvidence, RollbackStatus } from '../evidence/incident-note.js'
import { renderIncidentNote } from '../evidence/incident-note.js'
import { git } from '../git/git.js'
import { repositoryPrefix } from '../git/root.js'
import type { GitHubClient } from '../github/client.js'
import { notOurs } from '../github/pull-requests.js'
import type { BaselinePolicy } from '../policy/types.js'
import type { Finding } from '../rules/finding.js'
import type { Verdict } from '../rules/verdict.js'
import { postureOf } from '../trio/identity.js'
import type { RestorePlan } from '../trio/restore.js'
import type { OperationContext } from './context.js'
import type { LkgReport } from './last-known-good.js'
import { WRITE_ORDER } from './trio-files.js'
import { notBaseTip } from './base-tip.js'

/** The most of a release tag a title or a commit message holds (GitHub's titles stop at 256 characters). */
const MAX_TAG_SHOWN = 64

/** Where a rollback is proposed: a branch, a pull request into `baseBranch`, and an incident issue. */
export interface RollbackPublisher {
  client: GitHubClient
  /** The branch the pull request targets (the branch the workflow ran on). */
  baseBranch: string
}

export interface Published {
  branch: string | null
  pullRequestUrl: string | null
  incidentIssueUrl: string | null
  /** What could not be done, each in words. */
  problems: string[]
}

/**
 * Propose the rollback: the restored trio committed on `baseline-gate/rollback-<baseline>` (one commit on top
 * of the checked-out commit, through the API: no credentials in git), a pull request whose body is the incident
 * note, and an incident issue linking it. A re-run moves the same branch and updates the same pull request and
 * issue. When the rollback failed there is no pull request, but the incident issue still says so.
 */
/**
 * The incident issue's marker: one issue per baseline and withdrawn release. A tag the marker cannot hold as it is
 * (longer than 40 characters, or of other characters) is named by its digest, so the issue is still opened.
 */
export function incidentMarker(baseline: string, fromTag: string | null): string {
  const tag = fromTag ?? 'unknown'
  return `incident-rollback:${baseline}:${/^[A-Za-z0-9._-]{1,40}$/.test(tag) ? tag : `sha256-${sha256(tag).slice(0, 16)}`}`
}

export async function publish(
  ctx: OperationContext,
  target: RollbackPublisher,
  baseline: BaselinePolicy,
  r: {
    status: RollbackStatus
    verdict: Verdict
    plan: RestorePlan | null
    incident: IncidentEvidence
    found: LkgReport
    warnings: readonly Finding[]
    /** The run's errors (redacted): why a rollback that did not complete stopped. */
    problems: readonly Finding[]
    /** The restored trio went untested and was put back: the run was stopped, or a suite step could not start. */
    interrupted: boolean
    notStarted: boolean
  }
): Promise<Published> {
  const { client } = target
  const out: Published = { branch: null, pullRequestUrl: null, incidentIssueUrl: null, problems: [] }
  const note = (verdict: Verdict, notProposed: readonly string[] = []) =>
    renderIncidentNote(r.incident, {
      notProposed,
      displayName: baseline.display_name,
      baseline: baseline.name,
      verdict,
      postureNow: r.status === 'restored' ? 'NO-GO' : postureOf(r.found.current),
      warnings: r.warnings,
      // the same words as the note beside the packet (found by review: the issue said the checks failed)
      problems: r.problems,
      interrupted: r.interrupted,
      notStarted: r.notStarted
    })
  // as titles and the issue's marker hold them: a pin's tag is a pull request's to write, of any length (found by
  // review: a tag over 69 characters made the marker one the client refuses, and no incident issue was opened)
  const fromTag = shorten(r.incident.rolled_back_from.release_tag ?? 'unknown', MAX_TAG_SHOWN)
  const toTag = shorten(r.incident.active.release_tag ?? 'unknown', MAX_TAG_SHOWN)

  // the rollback is built on the checked-out commit: only the base branch's tip may be proposed into it
  const off =
    r.status === 'restored' && r.plan ? await notBaseTip(client, target.baseBranch, r.found.head) : null
  if (off) out.problems.push(`the rollback was not proposed: ${off}`)
  const branch = `baseline-gate/rollback-${baseline.name}`
  // a pull request someone else opened from the branch: the branch is not moved under it
  const open =
    r.status === 'restored' && r.plan && !off
      ? await client.openPullRequest({ head: branch, base: target.baseBranch })
      : null
  const foreign = open?.ok && open.value && !open.value.ours ? open.value : null
  if (foreign) out.problems.push(`the rollback was not proposed: ${notOurs(foreign, branch)}.`)
  else if (open && !open.ok) out.problems.push(`the rollback was not proposed: ${open.message}`)
  if (r.status === 'restored' && r.plan && !off && open?.ok && !foreign) {
    const prefix = await repositoryPrefix(ctx.root)
    const tree = await git(ctx.root, ['rev-parse', '--verify', `${r.found.head}^{tree}`])
    const committed = await client.commitToBranch({
      branch,
      parentSha: r.found.head,
      baseTreeSha: tree.stdout.toString('utf8').trim(),
      // the reason stays in the note (the pull request's body, in a code block): in a commit message its lines
      // would be read as trailers (`Co-authored-by:`) or closing keywords (`fixes #12`) once merged
      message: `Roll back ${baseline.display_name} from ${fromTag} to ${toTag} (${r.incident.trigger})\n\nRuntime cutover posture: NO-GO until the consumer and producer owners approve.\nThe reason is in the incident note (the pull request's description).\n`,
      files: WRITE_ORDER.map((role) => ({ path: `${prefix}${baseline.trio[role]}`, content: r.plan![role] }))
    })
    if (!committed.ok) {
      out.problems.push(
        `the rollback was not proposed: ${committed.message} The restored trio, the note and the evidence are in the workspace and the artifact.`
      )
    } else {
      out.branch = committed.value.branch
      const pr = await client.upsertPullRequest({
        head: branch,
        base: target.baseBranch,
        title: `Roll back ${baseline.display_name} to ${toTag} (NO-GO)`,
        body: note(r.verdict)
      })
      if (pr.ok) {
        out.pullRequestUrl = pr.value.url
        r.incident.pull_request_url = pr.value.url
      } else
        out.problems.push(
          `no pull request was opened: ${pr.message} The branch ${branch} holds the restored trio.`
        )
    }
  }
  const issue = await client.upsertIssue({
    marker: incidentMarker(baseline.name, r.incident.rolled_back_from.release_tag),
    label: 'baseline-incident',
    title: `Incident: ${baseline.display_name} ${fromTag} rolled back${r.status === 'restored' ? ` to ${toTag}` : ' (not completed)'}`,
    // what could not be proposed is said in the note the teams read, not only in the job's summary
    body: note(r.verdict, out.problems)
  })
  if (issue.ok) {
    out.incidentIssueUrl = issue.value.url
    r.incident.incident_issue_url = issue.value.url
    if (out.pullRequestUrl) {
      // the pull request's note links the issue too
      const again = await client.upsertPullRequest({
        head: out.branch!,
        base: target.baseBranch,
        title: `Roll back ${baseline.display_name} to ${toTag} (NO-GO)`,
        body: note(r.verdict)
      })
      if (!again.ok) out.problems.push(`the pull request does not link the incident issue: ${again.message}`)
    }
  } else out.problems.push(`no incident issue was opened or updated: ${issue.message}`)
  return out
}
