// The job summary of the repin action: the verdict and what became of each release first (the pull request, or
// why there is none), then the findings, then the pull request's body as the reviewers read it. Pure.
import { findingsMarkdown } from '../evidence/findings-markdown.js'
import { code, escapeMarkdown } from '../evidence/markdown-text.js'
import type { RepinReleaseReport } from '../operations/repin-release.js'
import type { OperationResult } from '../operations/context.js'
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
    parts.push(`${r.pullRequestCreated ? 'opened' : 'updated'} ${url}`)
  }
  if (r.status === 'proposed')
    parts.push(
      r.committed ? 'new commit on the branch' : 'the branch already held this release: no new commit'
    )
  if (r.labels.length > 0 && r.status === 'proposed')
    parts.push(`labels ${r.labels.map((l) => code(l)).join(', ')}`)
  return parts.join('; ')
}

export function renderRepinSummary(result: OperationResult, reports: RepinReleaseReport[]): string {
  const out: string[] = []
  const tag = reports[0]?.tag ?? ''
  out.push(`## ${result.verdict === 'PASS' ? '✅ PASS' : '❌ FAIL'} · repin to ${code(tag)}`, '')
  result.baselines.forEach((b, i) => {
    const r = reports[i]
    if (!r) return
    out.push(`- ${code(b.name)}${r.kind ? ` (${r.kind})` : ''}: ${what(r)}.`)
  })
  const findings = result.baselines.flatMap((b) => b.findings)
  if (findings.length > 0) out.push('', '## Findings', '', findingsMarkdown(findings))
  for (const r of reports) {
    if (!r.body) continue
    out.push('', '---', '', r.body.trimEnd())
  }
  if (reports.some((r) => r.left.length > 0 && !r.body)) {
    out.push('', '## Left to do', '')
    for (const r of reports) for (const item of r.left) out.push(`- ${escapeMarkdown(item)}`)
  }
  return `${out.join('\n')}\n`
}
