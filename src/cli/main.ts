// The baseline-gate command: parse argv, run the operation, print, return the exit code. Never a stack trace.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { lastKnownGood } from '../operations/last-known-good.js'
import { redactStrings, runRedactor } from '../operations/redact-findings.js'
import { createEvidenceStore, EvidenceDirError } from '../fs/evidence-store.js'
import { runHealth } from '../operations/health.js'
import { runRepin } from '../operations/repin.js'
import { createOperationContext } from '../operations/context.js'
import { TOOL_VERSION } from '../version.js'
import { EXIT, guardIo, internalErrorLine } from './io.js'
import { installQuoteRedaction } from '../text/quote.js'
import { inlineSafe } from '../text/terminal.js'
import type { Io } from './io.js'
import { parseCommand } from './args.js'
import { commandBaselines, commandRoot } from './scope.js'
import { UsageError } from './commands.js'
import { commandUsage, usage } from './usage.js'
import { jobMatrix, renderPlan } from './render-plan.js'
import { lkgJson, renderLkg } from './render-rollback.js'
import { renderRepin, renderReport, styleFor, toJson } from './render.js'
import { sarifWriter, writeSarif } from './sarif.js'
import { signalExit } from '../exec/stop-signals.js'

export type { Io } from './io.js'
export { EXIT } from './io.js'

export async function main(argv: string[], given: Io): Promise<number> {
  const io = guardIo(given)
  // every value a message quotes is redacted whole before it is cut (text/quote.ts)
  installQuoteRedaction(runRedactor({ env: io.env }))
  try {
    const cmd = parseCommand(argv)
    if (cmd.command === 'help') {
      io.stdout.write(`${cmd.topic ? commandUsage(cmd.topic) : usage()}\n`)
      return EXIT.pass
    }
    if (cmd.command === 'version') {
      io.stdout.write(`${TOOL_VERSION}\n`)
      return EXIT.pass
    }
    // loaded on demand, like every command that health does not share code with (esbuild.config.mjs, lazyParts)
    if (cmd.command === 'verify-evidence') {
      const { verifyEvidenceCommand } = await import('./verify-evidence.js')
      return await verifyEvidenceCommand(cmd, io)
    }
    if (cmd.command === 'aggregate') {
      const { aggregate } = await import('./aggregate.js')
      return aggregate(cmd, io)
    }
    const { root, top, start } = await commandRoot(cmd, io)
    if (cmd.command === 'init') {
      const { init } = await import('./init.js')
      return await init(cmd, io, root, start)
    }
    const { policy, baselines } = commandBaselines(cmd, io, root)
    if (cmd.command === 'migrate') {
      const { migrate } = await import('./migrate.js')
      return await migrate(cmd, io, root, baselines)
    }
    if (cmd.command === 'repin') {
      // --now dates the ledger edit and judges the new trio; else the wall clock
      const clock = () => (cmd.now.source === 'given' ? cmd.now.at : new Date())
      const results = baselines.map((b) => runRepin({ root, clock }, b))
      // the identities the pins state, redacted as every operation's are
      io.stdout.write(`${renderRepin(redactStrings({ env: io.env }, results), { cwd: io.cwd, root })}\n`)
      // refused, or written with something left that the promotion would fail on
      return results.some((r) => r.status === 'refused' || r.left.length > 0) ? EXIT.fail : EXIT.pass
    }
    if (cmd.command === 'plan') {
      if (cmd.json) io.stdout.write(`${JSON.stringify(jobMatrix(baselines))}\n`)
      else io.stdout.write(`${renderPlan(redactStrings({ env: io.env }, baselines))}\n`)
      return EXIT.pass
    }
    if (cmd.command === 'lkg') {
      // the walks over the history begun before this code loaded, when asked for in the same words (early-lkg.ts)
      const reports = await Promise.all(baselines.map((b) => lastKnownGood(root, b, null, io.early)))
      // the identities the pins state, redacted as every operation's are (a pin is a pull request's to write)
      const redact = runRedactor({ env: io.env })
      if (cmd.json)
        io.stdout.write(
          `${JSON.stringify(redactStrings({ env: io.env }, lkgJson(reports, policy.baselines.length)), null, 2)}\n`
        )
      // redacted before it is rendered too: the rendering cuts long values, and a secret cut in two is none a
      // redactor knows (found by review: 13 of a token's 40 characters shown)
      else
        io.stdout.write(
          `${redact(renderLkg(redactStrings({ env: io.env }, reports), styleFor(io.stdout, io.env), policy.baselines.length))}\n`
        )
      return reports.every((r) => r.lkg.target) ? EXIT.pass : EXIT.fail
    }
    // the SARIF path first: a refused one leaves nothing behind, and the evidence store makes its directory
    const sarif = sarifWriter(cmd.sarif, { cwd: io.cwd, root, top, baselines })
    const defaultDir = join(root, '.baseline-gate')
    const evidence = cmd.evidenceDir
      ? createEvidenceStore(resolve(io.cwd, cmd.evidenceDir), { root })
      : cmd.command === 'rollback' && cmd.dryRun
        ? // a dry run writes nothing into the repository, not even ignored evidence
          createEvidenceStore(dryRunDirectory())
        : createEvidenceStore(join(defaultDir, 'evidence'), { ignoreInGit: defaultDir, root })
    const ctx = createOperationContext({
      root,
      rootFrom: start,
      policy,
      evidence,
      env: io.env,
      judgeAt: cmd.now
    })
    if (cmd.command === 'promote') {
      const { promote } = await import('./promote.js')
      return await promote(cmd, { io, ctx, baselines, json: cmd.json, sarif })
    }
    if (cmd.command === 'rollback') {
      const { rollback } = await import('./rollback.js')
      return await rollback(cmd, { io, ctx, baselines, json: cmd.json, sarif })
    }
    const remote = cmd.remote ? await producerReader(io.env) : null
    const result = await runHealth(ctx, { baselines, probe: cmd.probe, remote })
    const written = writeSarif(sarif, result)
    if (cmd.json) io.stdout.write(`${JSON.stringify(toJson(result, { sarif: written.report }), null, 2)}\n`)
    else
      io.stdout.write(
        `${renderReport(result, io.cwd, styleFor(io.stdout, io.env), { sarif: written.report, root })}\n`
      )
    if (written.error) throw written.error
    return result.verdict === 'PASS' ? EXIT.pass : EXIT.fail
  } catch (e) {
    // a message may quote a value of the policy or the trio (a pull request's) or of the environment: the run's
    // secrets and our detectors' kinds are removed, as from every finding (found by review: a credential in the
    // policy reached stderr whole)
    const redact = runRedactor({ env: io.env })
    const said = (m: string) => inlineSafe(redact(m))
    if (e instanceof Error && e.name === 'InterruptedError') {
      const signal = (e as Error & { signal?: string }).signal
      io.stderr.write(
        `baseline-gate: ${said(e.message)}: nothing was left half-written (a rollback puts the previous trio back); run the command again\n`
      )
      return signalExit(signal)
    }
    if (isUserError(e)) {
      // one line, as every user error is: a value it quotes cannot start another
      io.stderr.write(`baseline-gate: ${said(e.message)}\n`)
      return EXIT.usage
    }
    // An internal error gives no verdict: say so in one line (the stack only on request).
    io.stderr.write(internalErrorLine(new Error(redact((e as Error | undefined)?.message ?? String(e)))))
    const stack = (e as Error | undefined)?.stack
    if (io.env.BASELINE_GATE_DEBUG === '1' && stack) io.stderr.write(`${stack}\n`)
    return EXIT.usage
  }
}

/**
 * The errors that are the user's to fix (exit 2, one line), by the name each class sets: a part of the CLI
 * loaded on demand (promote, rollback, init, migrate, aggregate, verify-evidence: esbuild.config.mjs) carries its
 * own copies of these classes, which `instanceof` would not recognise.
 */
export const USER_ERRORS: ReadonlySet<string> = new Set([
  'UsageError',
  'PolicyError',
  'RevisionError',
  'RootError',
  'FileSetError',
  'ContainmentError',
  'EvidenceDirError',
  // git could not do what was asked (a partial clone's remote out of reach, a corrupt object): its own words
  'GitError'
])

function isUserError(e: unknown): e is Error {
  return e instanceof Error && USER_ERRORS.has(e.name)
}

/** `health --remote`: a reader of the producer repositories with the token from the environment. */
async function producerReader(env: NodeJS.ProcessEnv) {
  const token = (env.GITHUB_TOKEN || env.GH_TOKEN || '').trim()
  if (!token) {
    throw new UsageError(
      'health --remote needs a GitHub token that can read the producer repository: set GITHUB_TOKEN or GH_TOKEN'
    )
  }
  // loaded on demand: the GitHub client costs start-up time that a local health run should not pay
  const { createRepositoryReader } = await import('../github/repository-reader.js')
  return createRepositoryReader({ token, apiUrl: env.GITHUB_API_URL || undefined })
}

/** A dry run's evidence directory, outside the repository; a temporary directory that cannot be made is the user's
 * to fix, never an internal error (found by review: TMPDIR named a directory that does not exist). */
function dryRunDirectory(): string {
  try {
    return mkdtempSync(join(tmpdir(), 'baseline-gate-dry-run-'))
  } catch (e) {
    throw new EvidenceDirError(
      `a dry run writes its evidence to a new temporary directory, and none could be made in ${tmpdir()} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): point TMPDIR at a writable directory, or give --evidence-dir DIR`
    )
  }
}
