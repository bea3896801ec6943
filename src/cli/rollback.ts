// `baseline-gate rollback`: the incident rollback on the command line. The working tree changes (no commit,
// no push); the action proposes the same change as a pull request. Loaded on demand, like promote.
import { environmentRedactor } from '../redact/redactor.js'
import { runRollback } from '../operations/rollback.js'
import type { RollbackCommand } from './commands.js'
import { judge } from './run-operation.js'
import type { Judging } from './run-operation.js'

export function rollback(cmd: RollbackCommand, judging: Judging): Promise<number> {
  const { trigger, reason, to, dryRun, drill, suites } = cmd
  const redactor = environmentRedactor(judging.io.env)
  // on Ctrl-C the running steps stop, the old trio is put back and the evidence written; nothing is published
  // from the command line (the action proposes the pull request)
  return judge(judging, (ctx, run) =>
    runRollback(ctx, { ...run, trigger, reason, to, dryRun, drill, suites, redactor, publish: null })
  )
}
