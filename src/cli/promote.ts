// `baseline-gate promote`: the promotion gate on the command line. Loaded on demand: the secret scanner it
// needs costs start-up time that health should not pay.
import { createRedactor } from '../redact/redactor.js'
import { KNOWN_SECRET_VARIABLES, secretsFromEnv } from '../redact/known-secrets.js'
import { runPromotion } from '../operations/promotion.js'
import type { OperationContext } from '../operations/context.js'
import type { BaselinePolicy } from '../policy/types.js'
import type { PromoteCommand } from './args.js'
import type { Io } from './io.js'
import { createProgress } from './progress.js'
import { renderReport, styleFor, toJson } from './render.js'

export async function promote(
  cmd: PromoteCommand,
  io: Io,
  ctx: OperationContext,
  baselines: BaselinePolicy[]
): Promise<number> {
  const progress = createProgress(io.stderr, styleFor(io.stderr, io.env))
  const controller = new AbortController()
  // Ctrl-C stops the running steps' process groups (the runner kills them) and still writes the evidence
  const onSignal = () => controller.abort()
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    const result = await runPromotion(ctx, {
      baselines,
      base: cmd.base,
      head: cmd.head,
      suites: cmd.suites,
      redactor: createRedactor({ secrets: secretsFromEnv(io.env, KNOWN_SECRET_VARIABLES) }),
      review: {
        unavailable:
          'a local run has no pull request to read reviews from; the promotion workflow checks them (actions/promotion)'
      },
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
