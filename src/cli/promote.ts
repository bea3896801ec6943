// `baseline-gate promote`: the promotion gate on the command line. Loaded on demand: the secret scanner it
// needs costs start-up time that health should not pay.
import { environmentRedactor } from '../redact/redactor.js'
import { runPromotion } from '../operations/promotion.js'
import type { PromoteCommand } from './commands.js'
import { judge } from './run-operation.js'
import type { Judging } from './run-operation.js'

export function promote(cmd: PromoteCommand, judging: Judging): Promise<number> {
  const { io, ctx, baselines } = judging
  return judge(judging, (reporter, signal) =>
    runPromotion(ctx, {
      baselines,
      base: cmd.base,
      head: cmd.head,
      suites: cmd.suites,
      suitesAnyway: cmd.suitesAnyway,
      redactor: environmentRedactor(io.env),
      review: {
        unavailable:
          'a local run has no pull request to read reviews from; the promotion workflow checks them (actions/promotion)'
      },
      reporter,
      signal
    })
  )
}
