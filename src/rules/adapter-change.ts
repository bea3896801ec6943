// 606-608: a change's policy that narrows the adapter boundary. Health judges the boundary a pull request's own
// policy draws, so a pull request could add a direct call to the producer and, in the same change, exclude the
// file from the scan (or drop the endpoint from the lists, or declare the file an adapter). The promotion gate
// compares the boundary the base revision's policy draws with the change's: a call the change hides needs the
// joint approval of both teams (the same as a NO-GO -> GO change); a narrowing that hides nothing today is said,
// since every later change is judged by it.
import type { Position } from '../document/source-file.js'
import type { JointApproval, Result } from '../github/client.js'
import type { BaselinePolicy } from '../policy/types.js'
import { someOf } from '../text/plural.js'
import { guardedEndpoints } from './adapter.js'
import { finding } from './finding.js'
import type { Finding } from './finding.js'

type Adapter = BaselinePolicy['adapter']

/**
 * A file the base's boundary finds naming the producer's endpoints, or cannot search (BG605), and the change's
 * boundary no longer does.
 */
export interface HiddenCall {
  path: string
  /** The endpoints it names that the change's boundary no longer looks for in it (none: `unread`). */
  endpoints: string[]
  /** The first of them in the file (null: `unread`). */
  at: Position | null
  /** Why the base's boundary could not search it (a file in UTF-16, too large, a link out): it fails there. */
  unread?: string
  /** What to do about `unread` (BG605's advice for it). */
  unreadTodo?: string
  /**
   * How the change's policy hides it; `excluded`: the change adds or edits the file where the scan's globs reach
   * and its excludes (or a node_modules directory) do not let it look, with no policy change.
   */
  why: 'unchecked' | 'adapter' | 'unscanned' | 'unlisted' | 'excluded'
}

/** How the change's boundary is narrower than the base's, one phrase per difference (none: not narrower). */
export function narrowing(base: Adapter, head: Adapter): string[] {
  // a base that names no adapter checks no boundary (BG604): nothing can be narrower
  if (base.files.length === 0) return []
  // `./src/**` and `src/**` are one glob (the scan reads them alike): no narrowing to warn of
  const plain = (x: string) => x.replace(/^(\.\/)+/, '')
  const gone = (from: string[], to: string[]) => {
    const kept = new Set(to.map(plain))
    return from.filter((x) => !kept.has(plain(x)))
  }
  const out: string[] = []
  const quoted = (xs: string[]) =>
    someOf(
      xs.map((x) => JSON.stringify(x)),
      5
    )
  const scan = gone(base.scan, head.scan)
  if (scan.length > 0) out.push(`adapter.scan no longer has ${quoted(scan)}`)
  const exclude = gone(head.exclude, base.exclude)
  if (exclude.length > 0) out.push(`adapter.exclude adds ${quoted(exclude)}`)
  const files = gone(head.files, base.files)
  if (head.files.length === 0 && base.files.length > 0) out.push('adapter.file is gone (BG604)')
  else if (files.length > 0) out.push(`adapter.file adds ${quoted(files)}`)
  const endpoints = gone(guardedEndpoints(base), guardedEndpoints(head))
  if (endpoints.length > 0)
    out.push(`neither adapter.endpoints nor adapter.unused has ${quoted(endpoints)} any more`)
  return out
}

const WHY: Record<Exclude<HiddenCall['why'], 'excluded'>, string> = {
  unchecked: 'it names no adapter file, so the boundary is not checked at all',
  adapter: 'it makes the file an adapter file',
  unscanned: 'it leaves the file out of the scan',
  unlisted: 'it drops the endpoint from adapter.endpoints and adapter.unused'
}

/** What to do instead of hiding it, or when the change is meant. */
const ADVICE: Record<HiddenCall['why'], string> = {
  unchecked: 'keep adapter.file in the policy; if the boundary is meant to go unchecked, get both approvals',
  adapter:
    'if the adapter is moved or split into this file, get both approvals (the producer owners review what calls them); else call the producer through the adapter',
  unscanned:
    'call the producer through the adapter instead, or get both approvals if the file is no code (documentation, fixtures)',
  unlisted:
    'keep the endpoint in adapter.endpoints or adapter.unused and call it through the adapter; if the producer no longer serves it, get both approvals',
  excluded:
    'call the producer through the adapter instead, or get both approvals if the file is generated or no code (a generated client of the producer is a call past the adapter too)'
}

export interface AdapterChangeInput {
  baseline: string
  narrowed: string[]
  hidden: HiddenCall[]
  /** Why the files the change stops looking at could not be looked at (null: they were). */
  unsearched: string | null
  /** The reviews, read only when a call is hidden (null otherwise); a string when they could not be read. */
  approval: Result<JointApproval> | string | null
}

export function adapterChangeRules(input: AdapterChangeInput): Finding[] {
  const what = input.narrowed.join('; ')
  if (input.unsearched !== null) {
    // what cannot be looked at fails, as an unreadable file does in the scan itself (BG605)
    return [
      finding(
        'BG606',
        null,
        null,
        `the change narrows the adapter boundary of baseline ${input.baseline} (${what}), and what it stops looking at could not be searched for the producer's endpoints: ${input.unsearched}`
      )
    ]
  }
  if (input.hidden.length === 0) {
    if (input.narrowed.length === 0) return []
    return [
      finding(
        'BG607',
        null,
        null,
        `the change narrows the adapter boundary of baseline ${input.baseline} (${what}); no file names a producer endpoint there today, but once merged, a direct call added there will not be seen: make sure the producer's owners review it`
      )
    ]
  }
  const approval = input.approval
  const approved =
    approval !== null && typeof approval !== 'string' && approval.ok && approval.value.approved
      ? approval.value
      : null
  const why =
    approval === null
      ? 'the reviews were not read'
      : typeof approval === 'string'
        ? `the reviews could not be checked: ${approval}`
        : !approval.ok
          ? `the reviews could not be checked: ${approval.message}`
          : `consumer owners approving: ${approval.value.consumer.join(', ') || 'nobody'}; producer owners approving: ${approval.value.producer.join(', ') || 'nobody'}`
  return input.hidden.map((h) => {
    const seen = h.unread
      ? `could not be searched for the producer's endpoints (${h.unread}), which the base revision's policy would fail (BG605, baseline ${input.baseline})`
      : `names the producer endpoint${h.endpoints.length === 1 ? '' : 's'} ${someOf(h.endpoints, 5)} outside the adapter, which the base revision's policy would fail (BG603, baseline ${input.baseline})`
    const call =
      h.why === 'excluded'
        ? `${h.unread ? `could not be searched for the producer's endpoints (${h.unread})` : `names the producer endpoint${h.endpoints.length === 1 ? '' : 's'} ${someOf(h.endpoints, 5)}`}, and the change adds or edits it where the adapter scan of baseline ${input.baseline} does not look (an adapter.exclude glob, or a node_modules directory, which is never scanned)`
        : `${seen}, and this change's policy no longer looks at it: ${WHY[h.why]} (${what})`
    return approved
      ? finding(
          'BG608',
          h.path,
          h.at,
          `${call}; with the joint approval of both teams on ${approved.headSha.slice(0, 12)}: consumer ${approved.consumer.join(', ')}, producer ${approved.producer.join(', ')}`
        )
      : finding(
          'BG606',
          h.path,
          h.at,
          `${call}. That needs the joint approval of the consumer and producer owners (${why}); ${h.unreadTodo ?? ADVICE[h.why]}`
        )
  })
}
