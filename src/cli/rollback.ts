// `baseline-gate rollback`: the incident rollback on the command line. The working tree changes (no commit,
// no push); the action proposes the same change as a pull request. Loaded on demand, like promote.
import { environmentRedactor } from '../redact/redactor.js'
import { runRollback } from '../operations/rollback.js'
import type { RollbackCommand } from './commands.js'
import { judge } from './run-operation.js'
import type { Judging } from './run-operation.js'

export function rollback(cmd: RollbackCommand, judging: Judging): Promise<number> {
  const { io, ctx, baselines } = judging
  // on Ctrl-C the running steps stop, the old trio is put back and the evidence written
  return judge(judging, (reporter, signal) =>
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
