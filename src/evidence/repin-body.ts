// The repin pull request of a producer release: its title, its labels and its body. Headline first (what the
// release does and what changed), then what to do next (the approvals, the stability window, what repin left),
// then what did not run. Pure and deterministic: the same release renders the same bytes, so a re-delivered
// release leaves the pull request as it is.
import { code, escapeMarkdown, withCodeSpans } from './markdown-text.js'
import type { Identity, Posture } from '../trio/model.js'

/** What a release does to the contract: a breaking change, new error codes, or neither. */
export type ReleaseKind = 'breaking' | 'additive' | 'patch'
export const RELEASE_KINDS: readonly ReleaseKind[] = ['breaking', 'additive', 'patch']
/** The label every repin pull request carries; the kind's label beside it. */
export const REPIN_LABEL = 'baseline-repin'

export interface RepinProposal {
  baseline: string
  displayName: string
  tag: string
  from: Identity
  to: Identity
  kind: ReleaseKind
  /** The posture the repinned pin records (a breaking release starts NO-GO). */
  posture: Posture | null
  /** The stability window of the baseline being replaced (BG504); null days: the manifest declares none. */
  window: { approvedAt: string | null; days: number | null; ends: string | null; over: boolean }
  owners: { consumer: string[]; producer: string[] }
  /** What repin left to do, each with what to do (paths and commands between backticks). */
  left: string[]
  /** The trio files the branch changes, relative to the repository root. */
  written: string[]
  branch: string
  /** false: no pull request is proposed (no token): the body says what was repinned in the workspace. */
  pullRequest?: boolean
  /** The branch held more than a repin commit (other files or commits): it is reset to the repin commit. */
  branchReset?: boolean
}

/** The labels of the pull request: the repin label and the kind. */
export function repinLabels(kind: ReleaseKind): string[] {
  return [REPIN_LABEL, kind]
}

export function repinTitle(p: Pick<RepinProposal, 'displayName' | 'tag' | 'kind'>): string {
  return `Repin ${p.displayName} to ${p.tag} (${p.kind})`
}

const KIND_WORDS: Record<ReleaseKind, string> = {
  breaking:
    'a **breaking** release: it bumps a contract version or removes error codes. The pin starts at posture `NO-GO`.',
  additive: 'an **additive** release: it adds error codes and keeps every contract version.',
  patch: 'a **patch** release: same contracts, same error codes; the release and its manifest change.'
}

const VERSION_ROWS: [string, keyof Identity][] = [
  ['Release tag', 'release_tag'],
  ['Producer commit', 'commit_sha'],
  ['Service contract', 'service_contract_version'],
  ['API contract', 'api_contract_version'],
  ['Integration baseline', 'integration_baseline'],
  ['Manifest SHA-256', 'manifest_sha256']
]

/** A login (`@name`) or team (`@org/team`) as a mention; anything else as code. */
function mention(owner: string): string {
  return /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]{1,100})?$/.test(owner)
    ? `@${owner}`
    : code(owner)
}

function owners(list: string[]): string {
  return list.length > 0 ? list.map(mention).join(', ') : '_none configured (owners in the policy)_'
}

function windowLine(p: RepinProposal): string {
  const w = p.window
  const gate =
    p.pullRequest === false
      ? 'The promotion gate fails its pull request (BG504) before that date.'
      : 'The promotion gate fails this pull request (BG504) before that date.'
  const from = code(p.from.release_tag)
  if (w.days === null)
    return `The manifest of ${from} declares no stability window (\`stability_window.minimum_sprint_days\`).`
  if (!w.approvedAt || !w.ends)
    return `${from} declares a ${w.days}-day stability window, but when it was approved is unknown (a shallow checkout: use \`fetch-depth: 0\`); the promotion gate decides (BG504).`
  return w.over
    ? `${from} was approved on ${w.approvedAt}; its ${w.days}-day stability window ended on ${w.ends}.`
    : `${from} was approved on ${w.approvedAt}; its ${w.days}-day stability window ends on **${w.ends}**. ${gate}`
}

export function renderRepinBody(p: RepinProposal): string {
  const out: string[] = []
  const pr = p.pullRequest !== false
  out.push(
    `## ${escapeMarkdown(p.displayName)}: repin to ${code(p.tag)} — ${p.kind}`,
    '',
    `${code(p.from.release_tag)} → ${code(p.to.release_tag)} is ${KIND_WORDS[p.kind]}`,
    '',
    `| | Pinned now | ${pr ? 'This pull request' : 'Repinned in the workspace'} |`,
    '| --- | --- | --- |',
    ...VERSION_ROWS.map(([label, key]) => {
      const changed = p.from[key] !== p.to[key]
      return `| ${label} | ${code(p.from[key])} | ${code(p.to[key])}${changed ? ' (changed)' : ''} |`
    }),
    '',
    `Runtime cutover posture after the merge: ${code(p.posture)}.`,
    '',
    ...(p.branchReset
      ? [
          `The branch ${code(p.branch)} held other changes; it was reset to the repin commit: this pull request changes only the files below, on top of the base branch.`,
          ''
        ]
      : []),
    '### What to do next',
    '',
    `- [ ] Approval from the consumer owners: ${owners(p.owners.consumer)}`,
    `- [ ] Approval from the producer owners: ${owners(p.owners.producer)}`
  )
  if (p.kind === 'breaking' || p.posture === 'NO-GO') {
    out.push(
      '- [ ] The posture stays `NO-GO` after the merge; `GO` is a posture-only change that needs one approving review from each of the two owner sets on its head commit.'
    )
  }
  out.push(`- [ ] Stability window: ${windowLine(p)}`)
  for (const item of p.left) out.push(`- [ ] Left by repin: ${withCodeSpans(item)}`)
  if (p.left.length === 0)
    out.push('- Repin left nothing else to do: every file that names the release names it.')
  out.push('', '### What did not run', '')
  if (pr) {
    out.push(
      '- No suite ran here: the promotion gate (`actions/promotion`) judges this pull request with every rule and the consumer and producer suites. A pull request opened with the job token starts no workflow: re-run the gate, or give this workflow an App or fine-grained token.',
      '',
      '### About this pull request',
      '',
      `- Branch ${code(p.branch)}, one per baseline (${code(p.baseline)}): a re-delivered release changes nothing, a newer release updates this pull request.`
    )
  } else {
    out.push(
      `- No pull request was opened (no GitHub token or repository): the repinned trio is in the workspace only. With a token that may write (\`contents\`, \`pull-requests: write\`), it is proposed on the branch ${code(p.branch)}.`,
      '- No suite ran here: the promotion gate (`actions/promotion`) judges the pull request with every rule and the consumer and producer suites.',
      '',
      '### About this repin',
      ''
    )
  }
  out.push(
    `- Files: ${p.written.map((f) => code(f)).join(', ')} (written by \`baseline-gate repin\`, checked with every trio rule).`,
    `- Labels${pr ? '' : ' of its pull request'}: ${repinLabels(p.kind)
      .map((l) => code(l))
      .join(', ')}.`,
    ''
  )
  return out.join('\n')
}
