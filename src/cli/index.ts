// The `baseline-gate` executable: load the CLI bundle through the code cache and run it.
// Built as CommonJS (dist/cli/index.js, which dist/cli/package.json marks "commonjs"): Node starts a CommonJS main
// file without its ES module loader, which is about 10 ms of every start; so no top-level await here.
import { fileURLToPath } from 'node:url'
import { requireWithCodeCache } from './compile-cache.js'
import { EXIT, internalErrorLine } from './io.js'
import type * as Main from './main.js'
import type * as EarlyLkg from './early-lkg.js'
import type { EarlyWalks } from '../git/early-walks.js'
import { refuseInspectorSignal } from '../exec/inspector.js'
import { dieOfHangUp, interruptedLine, signalOfExit } from '../exec/stop-signals.js'
import { inlineSafe } from '../text/terminal.js'
import { stdOutput } from './std-output.js'

// before anything else: a suite the command runs must not open a debugger in it (exec/inspector.ts)
refuseInspectorSignal()

// stderr carries the progress and the error lines, not the report: a failure to write it (`2>/dev/full`) leaves the
// run to finish with its own exit code, rather than crash with exit 1, which reads as FAIL (found by review)
const stderr = stdOutput(
  2,
  () => process.stderr,
  () => {}
)
// the report could not be written (a full disk behind `--json > report.json`): no verdict, whatever main decides
let unwritten = false
// a reader that stops early (`baseline-gate lkg | head`) closes the pipe: what it left unread is its choice, not
// a crash with a stack trace; the exit code stays main's verdict. Any other failure to write is said in one line
// (found by review: ENOSPC threw a stack trace, and exit 1 read as FAIL)
const stdout = stdOutput(
  1,
  () => process.stdout,
  (e) => {
    if (e.code === 'EPIPE' || unwritten) return
    unwritten = true
    // the failed write may be reported after main has settled
    process.exitCode = EXIT.usage
    stderr.write(
      `baseline-gate: cannot write to stdout (${inlineSafe(e.code ?? e.message)}): no verdict; check where the output goes (a full disk, a closed file)\n`
    )
  }
)

// No verdict until main settles: a run that ends with main still pending (an await nothing will ever wake) must
// not exit 0, which a gate reads as PASS. Top-level await gave 13 there; this gives main's own internal error code.
let settled = false
process.exitCode = EXIT.usage
process.once('exit', (code) => {
  // a signal that ended the producer and the steps (exec/process-group.ts exits with the shell's code) is no
  // internal error (found by review: a Ctrl-C during health said so)
  if (!settled)
    stderr.write(interruptedLine(code) ?? internalErrorLine(new Error('the command ended without a verdict')))
})
const finish = (code: number) => {
  settled = true
  process.exitCode = unwritten ? EXIT.usage : code
  // a run a hang-up cut short ends as the hang-up would have ended it (see dieOfHangUp)
  if (!unwritten && signalOfExit(code) === 'SIGHUP') dieOfHangUp()
}
// main answers every error itself; this is the net under it (a broken install, a bug)
const fail = (e: unknown) => {
  stderr.write(internalErrorLine(e))
  finish(EXIT.usage)
}

/** lkg begins its walks over the history before main.cjs loads (early-lkg.ts); null for every other command. */
async function earlyWalks(argv: string[]): Promise<EarlyWalks | null> {
  if (argv[0] !== 'lkg') return null
  try {
    const { beginLkgWalks } = requireWithCodeCache(
      fileURLToPath(new URL('./early-lkg.cjs', import.meta.url)),
      process.env,
      'lkg'
    ) as typeof EarlyLkg
    return await beginLkgWalks(argv, { env: process.env, cwd: process.cwd() })
  } catch {
    // no head start, no other harm: main does the same work and reports what failed
    return null
  }
}

async function run(argv: string[]): Promise<number> {
  const early = await earlyWalks(argv)
  // a walk main did not take (or main never loaded: a broken install) ends with the command, not when git does
  try {
    // one code cache per command word (flags such as --version share one): see requireWithCodeCache
    const word = argv[0] ?? ''
    const variant = /^[a-z][a-z-]{0,31}$/.test(word) ? word : '-'
    const { main } = requireWithCodeCache(
      fileURLToPath(new URL('./main.cjs', import.meta.url)),
      process.env,
      variant
    ) as typeof Main
    return await main(argv, {
      stdout,
      stderr,
      env: process.env,
      cwd: process.cwd(),
      ...(early ? { early } : {})
    })
  } finally {
    void early?.stopAll()
  }
}

run(process.argv.slice(2)).then(finish, fail)
