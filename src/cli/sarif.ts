// `--sarif FILE`: the run's findings as a SARIF 2.1.0 file for code scanning, written atomically before the report,
// which names it.
// The path is the operator's, like --evidence-dir: outside the repository it is theirs to choose; inside it, a
// symbolic link must not lead out (BG110). A file that cannot be written is a usage error (exit 2), said in one line
// after the report (which then says it was not written).
import { errorCode } from '../text/error-code.js'
import { lstatSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { writeFileAtomic } from '../fs/atomic-write.js'
import { ContainmentError, operatorPathEscape } from '../fs/contain.js'
import { fileInTheWay, probeWritable } from '../fs/file-in-the-way.js'
import type { OperationResult } from '../operations/context.js'
import type { BaselinePolicy } from '../policy/types.js'
import { checkoutPrefix, sarifOf } from '../present/sarif.js'
import { UsageError } from './commands.js'
import type { SarifReport } from './render.js'

/** What writes the SARIF file of a result (`file`: absolute); null when --sarif was not given. */
export type SarifWriter = { file: string; write: (result: OperationResult) => void } | null

/**
 * Writes the SARIF file before the report, so that the report can say where it went (or that it was not written:
 * `error` is then thrown after the report, exit 2).
 */
export function writeSarif(
  sarif: SarifWriter,
  result: OperationResult
): { report: SarifReport | undefined; error: unknown } {
  if (!sarif) return { report: undefined, error: null }
  try {
    sarif.write(result)
    return { report: { file: sarif.file, written: true }, error: null }
  } catch (error) {
    return { report: { file: sarif.file, written: false }, error }
  }
}

export function sarifWriter(
  file: string | undefined,
  o: { cwd: string; root: string; top: string; baselines: readonly BaselinePolicy[] }
): SarifWriter {
  if (file === undefined) return null
  const abs = resolve(o.cwd, file)
  const refusal = (): Error | null => {
    const problem = operatorPathEscape(o.root, abs)
    if (problem)
      return new ContainmentError(
        `--sarif ${abs} ${problem}; nothing was written there (BG110): name a file no link leads out of the repository`
      )
    const blocked = fileInTheWay(dirname(abs))
    if (blocked) return new UsageError(`--sarif ${file}: ${blocked} is a file, so it cannot be written there`)
    if (lstatSync(abs, { throwIfNoEntry: false })?.isDirectory())
      return new UsageError(`--sarif ${file}: is a directory; give a file name such as ${file}/health.sarif`)
    return null
  }
  // asked before the run as well: a rollback must not restore the trio and only then find its report unwritable;
  // and whether a file can be made there at all (a read-only file system, no permission)
  const early = refusal()
  if (early) throw early
  try {
    probeWritable(dirname(abs))
  } catch (e) {
    throw new UsageError(
      `--sarif ${file}: no file can be written in ${dirname(abs)} (${errorCode(e)}); nothing was run: name a file in a directory this user can write`
    )
  }
  const write = (result: OperationResult): void => {
    const late = refusal()
    if (late) throw late
    // a local run knows no repository URL: each rule's help carries its text and names its docs/rules.md anchor
    const sarif = sarifOf(result, o.baselines, {
      root: o.root,
      prefix: checkoutPrefix(o.top, o.root),
      rulesDoc: null
    })
    try {
      writeFileAtomic(abs, sarif.text, { clean: true })
    } catch (e) {
      throw new UsageError(`--sarif ${file}: cannot write it: ${(e as Error).message}`)
    }
  }
  return { file: abs, write }
}
