// `baseline-gate rollback`: the incident rollback on the command line. The working tree changes (no commit,
// no push); the action proposes the same change as a pull request. Loaded on demand, like promote.
import { createRedactor } from '../redact/redactor.js'
import { KNOWN_SECRET_VARIABLES, secretsFromEnv } from '../redact/known-secrets.js'
import { runRollback } from '../operations/rollback.js'
import type { OperationContext } from '../operations/context.js'
import type { BaselinePolicy } from '../policy/types.js'
import type { RollbackCommand } from './args.js'
import type { Io } from './io.js'
import { createProgress } from './progress.js'
import { renderReport, styleFor, toJson } from './render.js'

export async function rollback(
  cmd: RollbackCommand,
  io: Io,
  ctx: OperationContext,
  baselines: BaselinePolicy[]
): Promise<number> {
  const progress = createProgress(io.stderr, styleFor(io.stderr, io.env))
  const controller = new AbortController()
  // Ctrl-C stops the running steps (their process groups); the old trio is put back and the evidence written
  const onSignal = () => controller.abort()
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    const result = await runRollback(ctx, {
      baselines,
      trigger: cmd.trigger,
      reason: cmd.reason,
      to: cmd.to,
      dryRun: cmd.dryRun,
      suites: cmd.suites,
      redactor: createRedactor({ secrets: secretsFromEnv(io.env, KNOWN_SECRET_VARIABLES) }),
      publish: null,
      reporter: progress,
      signal: controller.signal
    })
    progress.close()
    if (cmd.json) io.stdout.write(`${JSON.stringify(toJson(result), null, 2)}\n`)
    else io.stdout.write(`${renderReport(result, ctx.root, styleFor(io.stdout, io.env))}\n`)
    return result.verdict === 'PASS' ? 0 : 1
  } finally {
    progress.close()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
