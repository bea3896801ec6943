// The job summary of the repin action: the verdict and what became of each release first (the pull request, or
// why there is none), then the findings, then the pull request's body as the reviewers read it. Pure.
import { findingsMarkdown } from '../evidence/findings-markdown.js'
import { code, withCodeSpans } from '../evidence/markdown-text.js'
import type { RepinReleaseReport } from '../operations/repin-release.js'
import type { OperationResult } from '../operations/context.js'
import { plural } from '../text/plural.js'
import { safeUrl } from './inline.js'

const STATUS: Record<RepinReleaseReport['status'], string> = {
  proposed: 'proposed as a pull request',
  'already-pinned': 'already pinned: nothing to propose',
  'repinned-only': 'repinned in the workspace; no pull request (no GitHub token or repository)',
  refused: 'not repinned: nothing was written, committed or opened',
  'not-proposed': 'repinned in the workspace, but not proposed on GitHub'
}

function what(r: RepinReleaseReport): string {
  const parts = [STATUS[r.status]]
  if (r.pullRequestUrl) {
    const url = safeUrl(r.pullRequestUrl)
      ? `[${r.pullRequestUrl}](${r.pullRequestUrl})`
      : code(r.pullRequestUrl)
    parts.push(`${r.pullRequestCreated ? 'opened' : r.pullRequestChanged ? 'updated' : 'unchanged'} ${url}`)
  }
  if (r.status === 'proposed')
    parts.push(
      r.branchReset
        ? 'new commit on the branch (the branch held other changes; it was reset to the repin commit)'
        : r.committed
          ? 'new commit on the branch'
          : 'the branch already held this release: no new commit'
    )
  if (r.labels.length > 0 && r.status === 'proposed')
    parts.push(`${r.labelled ? 'labels' : 'not labelled (BG525)'} ${r.labels.map((l) => code(l)).join(', ')}`)
  return parts.join('; ')
}

/** What a PASS did, for the headline: `proposed`, `already pinned`, `repinned in the workspace only`. */
const DONE: Partial<Record<RepinReleaseReport['status'], string>> = {
  proposed: 'proposed',
  'already-pinned': 'already pinned',
  'repinned-only': 'repinned in the workspace only'
}

/** The headline after the verdict: what was done, and how many things repin left (a BG517 warning each). */
function outcome(reports: RepinReleaseReport[]): string {
  const done = [...new Set(reports.map((r) => DONE[r.status]).filter((d) => d !== undefined))]
  const left = reports.reduce((n, r) => n + (r.status === 'refused' ? 0 : r.left.length), 0)
  const parts = [...done, ...(left > 0 ? [`${plural(left, 'item')} left by repin`] : [])]
  return parts.length > 0 ? ` · ${parts.join(', ')}` : ''
}

/** A refused release: what to do next (a late delivery needs nothing; anything else, what the findings say). */
function nextFor(r: RepinReleaseReport, baseline: string): string {
  if (r.newerProposed)
    return `Nothing to do: the open pull request of ${code(r.branch)} already proposes ${code(r.newerProposed)}; close it first if you meant to pin ${code(r.tag)}, then run the workflow again with ${code(r.tag)}.`
  return `${code(baseline)}: fix what the findings below say, then run the workflow again with ${code(r.tag)}.`
}

export function renderRepinSummary(result: OperationResult, reports: RepinReleaseReport[]): string {
  const out: string[] = []
  const tag = reports[0]?.tag ?? ''
  out.push(
    `## ${result.verdict === 'PASS' ? `✅ PASS · repin to ${code(tag)}${outcome(reports)}` : `❌ FAIL · repin to ${code(tag)}`}`,
    ''
  )
  result.baselines.forEach((b, i) => {
    const r = reports[i]
    if (!r) return
    out.push(`- ${code(b.name)}${r.kind ? ` (${r.kind})` : ''}: ${what(r)}.`)
  })
  const refused = result.baselines.flatMap((b, i) =>
    reports[i]?.status === 'refused' ? [nextFor(reports[i], b.name)] : []
  )
  if (refused.length > 0) {
    out.push('', '### What to do next', '')
    for (const line of refused) out.push(`- ${line}`)
  }
  const findings = result.baselines.flatMap((b) => b.findings)
  if (findings.length > 0) out.push('', '## Findings', '', findingsMarkdown(findings))
  for (const r of reports) {
    if (!r.body) continue
    out.push('', '---', '', r.body.trimEnd())
  }
  if (reports.some((r) => r.left.length > 0 && !r.body)) {
    out.push('', '## Left to do', '')
    for (const r of reports) for (const item of r.left) out.push(`- ${withCodeSpans(item)}`)
  }
  return `${out.join('\n')}\n`
}
