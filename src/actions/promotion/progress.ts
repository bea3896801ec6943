// The promotion's progress in the Actions log: what is judged before anything runs, each suite step's log in a
// collapsible group (the shared reporter), and, when the suites are not run, a group saying so and why with the
// steps it skipped.
import type { LogWriter } from '../shared/step-log.js'
import { stepResultLine } from '../shared/step-log.js'
import { actionsReporter } from '../shared/report.js'
import type { PromotionReporter } from '../../operations/promotion.js'
import { plural } from '../../text/plural.js'
import { inlineSafe } from '../../text/terminal.js'

export function promotionReporter(out: LogWriter, shared = actionsReporter()): PromotionReporter {
  const tag = (t: string | null) => (t === null ? 'release unknown' : inlineSafe(t))
  return {
    ...shared,
    judging: (j) =>
      out.info(
        `baseline-gate promotion · ${inlineSafe(j.baseline)}: ${tag(j.from)} -> ${tag(j.to)} ` +
          `(base ${j.base.slice(0, 12)}, head ${j.head.slice(0, 12)}; changed: ${j.changedFiles.map(inlineSafe).join(', ')})`
      ),
    suitesStarted: (steps) => out.info(`Running ${plural(steps, 'suite step')}`),
    suitesSkipped: (skip, steps) => {
      const anyway = skip.ruleErrors === undefined ? '' : '; set the input suites-anyway: true to run them'
      out.startGroup(`Suites skipped (${plural(steps.length, 'step')}): ${inlineSafe(skip.reason)}${anyway}`)
      for (const step of steps) out.info(stepResultLine(step))
      out.endGroup()
    }
  }
}
