// `baseline-gate rollback`: the incident rollback on the command line. The working tree changes (no commit,
// no push); the action proposes the same change as a pull request. Loaded on demand, like promote.
import { environmentRedactor } from '../redact/redactor.js'
import { runRollback } from '../operations/rollback.js'
import type { OperationContext } from '../operations/context.js'
import type { BaselinePolicy } from '../policy/types.js'
import type { RollbackCommand } from './commands.js'
import type { Io } from './io.js'
import { runOperation } from './run-operation.js'
import type { SarifWriter } from './sarif.js'

export function rollback(
  cmd: RollbackCommand,
  io: Io,
  ctx: OperationContext,
  baselines: BaselinePolicy[],
  sarif: SarifWriter = null
): Promise<number> {
  // on Ctrl-C the running steps stop, the old trio is put back and the evidence written
  return runOperation(io, { json: cmd.json, root: ctx.root, sarif }, (reporter, signal) =>
    runRollback(ctx, {
      baselines,
      trigger: cmd.trigger,
      reason: cmd.reason,
      to: cmd.to,
      dryRun: cmd.dryRun,
      drill: cmd.drill,
      suites: cmd.suites,
      redactor: environmentRedactor(io.env),
      publish: null,
      reporter,
      signal
    })
  )
}
