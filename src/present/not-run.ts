// What did not run, said on every surface: skipped suite steps (and why), steps that never started, a runtime
// preflight that was not done. A verdict is only as good as what it covers. What the run records is read by
// evidence/not-run (the packet's Markdown says the same); this adds what only the live result knows.
import {
  hasSuiteSteps,
  NOTHING_TO_GATE,
  notRunSentence,
  preflightNotRun,
  rollbackNotProbed,
  rollbackNotTested,
  suitesNotRun
} from '../evidence/not-run.js'
import type { BaselineResult } from '../operations/context.js'
import type { Line } from './inline.js'

export function notRun(b: BaselineResult): Line[] {
  const out = preflightNotRun(b)
  // a rollback drill says in one line what it does not run: the suites (whatever its steps record), the
  // producer's probe and the proposal
  const drill = b.rollback?.drill
  if (drill) out.push(notRunSentence(drill.notRun.map((n) => n.text).join('; ')))
  else {
    const r = b.rollback
    const unprobed = r ? rollbackNotProbed(r.status) : null
    if (unprobed) out.push(unprobed)
    // a rollback that restored nothing had no trio to test: no suite step was even listed
    if (r && !hasSuiteSteps(b.steps) && !r.restored) out.push(rollbackNotTested(r.status, r.dryRun))
    // a promotion with nothing to gate ran no suite: said, so that no one reads its PASS as the suites'
    if (b.change && !b.change.trio_changed && !hasSuiteSteps(b.steps)) out.push(NOTHING_TO_GATE)
    out.push(...suitesNotRun(b))
  }
  return out.map((text) => [text])
}
