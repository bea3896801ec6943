// `baseline-gate init`: write config/baseline-policy.json fitted to the repository (adopting the tool).
// Exit 0: written, or shown (--dry-run); 1: no trio anywhere (nothing written); 2: an existing policy and no --force.
import { runInit } from '../operations/init.js'
import { redactStrings } from '../operations/redact-findings.js'
import { checkoutPrefix } from '../present/sarif.js'
import type { InitCommand } from './commands.js'
import { EXIT } from './io.js'
import type { Io } from './io.js'
import { initJson, renderInit } from './render-init.js'
import { styleFor } from './render.js'

/** @param start the directory init ran from (or --root): below the root, the consumer's own (see runInit) */
export async function init(cmd: InitCommand, io: Io, root: string, start: string = root): Promise<number> {
  // what it shows quotes the trio it found (a pin's release tag): redacted as every output (found by review)
  const outcome = redactStrings(
    { env: io.env },
    await runInit(root, {
      dryRun: cmd.dryRun,
      force: cmd.force,
      from: checkoutPrefix(root, start)
    })
  )
  if (outcome.status === 'refused') {
    io.stderr.write(`baseline-gate: ${outcome.message}\n`)
    return EXIT.usage
  }
  if (cmd.json) io.stdout.write(`${JSON.stringify(initJson(outcome), null, 2)}\n`)
  else io.stdout.write(`${renderInit(outcome, root, styleFor(io.stdout, io.env), io.cwd)}\n`)
  return outcome.status === 'no-trio' ? EXIT.fail : EXIT.pass
}
