// The promotion's progress in the Actions log: what is judged before anything runs, each suite step's log in a
// collapsible group (the shared reporter), and, when the suites are not run, a group saying so and why with the
// steps it skipped.
import type { LogWriter } from '../shared/step-log.js'
import { stepResultLine } from '../shared/step-log.js'
import { actionsReporter, oneLine } from '../shared/report.js'
import type { PromotionReporter } from '../../operations/promotion.js'
import { plural } from '../../text/plural.js'

export function promotionReporter(out: LogWriter, shared = actionsReporter()): PromotionReporter {
  const tag = (t: string | null) => (t === null ? 'release unknown' : oneLine(t))
  return {
    ...shared,
    judging: (j) =>
      out.info(
        `baseline-gate promotion · ${oneLine(j.baseline)}: ${tag(j.from)} -> ${tag(j.to)} ` +
          `(base ${j.base.slice(0, 12)}, head ${j.head.slice(0, 12)}; changed: ${j.changedFiles.map(oneLine).join(', ')})`
      ),
    suitesStarted: (steps) => out.info(`Running ${plural(steps, 'suite step')}`),
    suitesSkipped: (skip, steps) => {
      const anyway = skip.ruleErrors === undefined ? '' : '; set the input suites-anyway: true to run them'
      out.startGroup(`Suites skipped (${plural(steps.length, 'step')}): ${oneLine(skip.reason)}${anyway}`)
      for (const step of steps) out.info(stepResultLine(step))
      out.endGroup()
    }
  }
}
