// What did not run, from what a run records: its findings and its steps. Every surface says it (a verdict is only
// as good as what it covers): the presentation layer adds what only a live result knows (a drill, a rollback that
// restored nothing); the packet's own Markdown says it from the packet alone. Pure.
import type { RollbackStatus } from './incident-note.js'
import type { Finding } from '../rules/finding.js'
import { PREFLIGHT_SUITE } from '../rules/preflight.js'
import { decideVerdict } from '../rules/verdict.js'
import type { StepResult } from '../rules/verdict.js'
import { plural } from '../text/plural.js'

interface Recorded {
  findings: readonly Finding[]
  steps: readonly StepResult[]
}

/** A message as a sentence of its own: capital first, full stop last. */
export function notRunSentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}

/** The runtime preflight: skipped (BG407), run without the pin's versions to compare (BG409), requests not sent. */
export function preflightNotRun({ findings, steps }: Recorded): string[] {
  const out = findings
    .filter((f) => f.rule === 'BG407' || f.rule === 'BG409')
    .map((f) => notRunSentence(f.message))
  const unsent = steps.filter((s) => s.suite === PREFLIGHT_SUITE && s.status === 'not-run').length
  if (unsent > 0)
    out.push(
      `${plural(unsent, 'probe request')} of the runtime preflight not sent: the producer did not start, or the run ended first (see the findings).`
    )
  return out
}

/** The suite steps: one line per reason steps were skipped for, then the steps that never started. */
export function suitesNotRun({ findings, steps }: Recorded): string[] {
  const suite = steps.filter((s) => s.suite !== PREFLIGHT_SUITE)
  const reasons = new Map<string, number>()
  for (const s of suite.filter((x) => x.status === 'skipped')) {
    const why = s.skip_reason ?? findings.find((f) => f.rule === 'BG704')?.message ?? 'no reason recorded'
    reasons.set(why, (reasons.get(why) ?? 0) + 1)
  }
  const out = [...reasons].map(([why, n]) => `${plural(n, 'suite step')} of ${suite.length} skipped: ${why}.`)
  // a step that could not be started says why (its program or directory missing); the others were not reached
  const unstarted = new Map<string, StepResult[]>()
  for (const s of suite.filter((x) => x.status === 'not-run' && x.error))
    unstarted.set(s.error!, [...(unstarted.get(s.error!) ?? []), s])
  for (const [why, list] of unstarted)
    out.push(
      `${plural(list.length, 'suite step')} of ${suite.length} could not start (${list.map((s) => `${s.suite} › ${s.name}`).join(', ')}): ${why}; what ${list.length === 1 ? 'it tests' : 'they test'} was not tested.`
    )
  const never = suite.filter((s) => s.status === 'not-run' && !s.error).length
  if (never > 0) out.push(`${plural(never, 'suite step')} did not start (see the findings for why).`)
  return out
}

/** A suite step that could not be started (its program or its directory missing): it tested nothing. */
export const couldNotStart = (s: StepResult): boolean => s.status === 'not-run' && !!s.error

/**
 * Whether a run failed only because suite steps could not start: without them (and BG703, which says so) it would
 * pass. A rollback then learned nothing of the restored trio, which is no verdict on it.
 */
export function failedOnlyToStart({ findings, steps }: Recorded): boolean {
  return (
    steps.some(couldNotStart) &&
    decideVerdict(
      findings.filter((f) => f.rule !== 'BG703'),
      steps.filter((s) => !couldNotStart(s))
    ) === 'PASS'
  )
}

/** Whether the steps list any suite step at all (the preflight's requests are steps too). */
export function hasSuiteSteps(steps: readonly StepResult[]): boolean {
  return steps.some((s) => s.suite !== PREFLIGHT_SUITE)
}

/** A rollback that restored nothing had no trio to test: no suite step was even listed. */
export function rollbackNotTested(status: RollbackStatus, dryRun: boolean): string {
  return status === 'already-current'
    ? 'No rollback suite ran: the target is already the pinned baseline, so nothing was restored to test.'
    : `No rollback suite ran: ${dryRun ? 'a dry run restores nothing' : 'nothing was restored'}, so there was no trio to test.`
}

/** The rollback statuses whose run checked a restored trio (one written, planned, or put back after failing). */
const CHECKED_A_TRIO: readonly RollbackStatus[] = ['restored', 'verification-failed', 'dry-run']

/**
 * A rollback (its dry run and drill too) checks the restored trio with every rule but the runtime preflight: the
 * producer's code in the repository is still the release being withdrawn, so there is nothing right to probe.
 */
export function rollbackNotProbed(status: RollbackStatus): string | null {
  return CHECKED_A_TRIO.includes(status)
    ? 'The runtime preflight: a rollback does not start the producer (its code in the repository is still the withdrawn release); health probes it once the restored release runs.'
    : null
}

/** A promotion whose trio did not change ran no suite: there was nothing to gate. */
export const NOTHING_TO_GATE =
  'No suite ran: the trio did not change, so there was no baseline change to test.'
