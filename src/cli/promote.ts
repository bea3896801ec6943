// `baseline-gate promote`: the promotion gate on the command line. Loaded on demand: the secret scanner it
// needs costs start-up time that health should not pay.
import { environmentRedactor } from '../redact/redactor.js'
import { runPromotion } from '../operations/promotion.js'
import type { OperationContext } from '../operations/context.js'
import type { BaselinePolicy } from '../policy/types.js'
import type { PromoteCommand } from './commands.js'
import type { Io } from './io.js'
import { runOperation } from './run-operation.js'
import type { SarifWriter } from './sarif.js'

export function promote(
  cmd: PromoteCommand,
  io: Io,
  ctx: OperationContext,
  baselines: BaselinePolicy[],
  sarif: SarifWriter = null
): Promise<number> {
  return runOperation(io, { json: cmd.json, root: ctx.root, sarif }, (reporter, signal) =>
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
