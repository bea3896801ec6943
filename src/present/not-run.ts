// What did not run, said on every surface: skipped suite steps (and why), steps that never started, a runtime
// preflight that was not done. A verdict is only as good as what it covers.
import type { BaselineResult } from '../operations/context.js'
import { PREFLIGHT_SUITE } from '../rules/preflight.js'
import { plural } from '../text/plural.js'
import type { Line } from './inline.js'

export function notRun(b: BaselineResult): Line[] {
  const out: Line[] = []
  // the preflight skipped (BG407), or run without the pin's versions to compare against (BG409)
  for (const f of b.findings.filter((x) => x.rule === 'BG407' || x.rule === 'BG409'))
    out.push([`${f.message.charAt(0).toUpperCase()}${f.message.slice(1)}.`])
  const unsent = b.steps.filter((s) => s.suite === PREFLIGHT_SUITE && s.status === 'not-run').length
  if (unsent > 0)
    out.push([
      `${plural(unsent, 'probe request')} of the runtime preflight not sent: the producer did not start, or the run ended first (see the findings).`
    ])
  const suite = b.steps.filter((s) => s.suite !== PREFLIGHT_SUITE)
  // a rollback drill says in one line what it does not run: the suites (whatever its steps record) and the proposal
  const drill = b.rollback?.drill
  if (drill) {
    const text = drill.notRun.map((n) => n.text).join('; ')
    out.push([`${text.charAt(0).toUpperCase()}${text.slice(1)}.`])
    return out
  }
  // a rollback that restored nothing had no trio to test: no suite step was even listed
  const r = b.rollback
  if (r && suite.length === 0 && !r.restored)
    out.push([
      r.status === 'already-current'
        ? 'No rollback suite ran: the target is already the pinned baseline, so nothing was restored to test.'
        : `No rollback suite ran: ${r.dryRun ? 'a dry run restores nothing' : 'nothing was restored'}, so there was no trio to test.`
    ])
  const skipped = suite.filter((s) => s.status === 'skipped')
  // one line per reason recorded with the steps (on request, a dry run, the rules already decide FAIL)
  const reasons = new Map<string, number>()
  for (const s of skipped) {
    const why = s.skip_reason ?? b.findings.find((f) => f.rule === 'BG704')?.message ?? 'no reason recorded'
    reasons.set(why, (reasons.get(why) ?? 0) + 1)
  }
  for (const [why, n] of reasons) out.push([`${plural(n, 'suite step')} of ${suite.length} skipped: ${why}.`])
  const never = suite.filter((s) => s.status === 'not-run')
  if (never.length > 0)
    out.push([`${plural(never.length, 'suite step')} did not start (see the findings for why).`])
  return out
}
