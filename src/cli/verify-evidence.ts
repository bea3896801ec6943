// `baseline-gate verify-evidence`: recompute what a packet (or its in-toto statement) records, and with --bundle
// check a Sigstore bundle of it offline. Loaded on demand: health does not read the evidence validators.
import { resolve } from 'node:path'
import { verifyEvidence } from '../operations/verify-evidence.js'
import type { EvidenceVerification } from '../operations/verify-evidence.js'
import { plural } from '../text/plural.js'
import type { VerifyEvidenceCommand } from './commands.js'
import { EXIT } from './io.js'
import type { Io } from './io.js'

export async function verifyEvidenceCommand(cmd: VerifyEvidenceCommand, io: Io): Promise<number> {
  const v = verifyEvidence(resolve(io.cwd, cmd.root), resolve(io.cwd, cmd.file))
  if (v.unreadable) {
    io.stderr.write(`${unverifiable(cmd.file, v)}\n`)
    return EXIT.usage
  }
  for (const p of v.problems) io.stdout.write(`mismatch: ${p}\n`)
  io.stdout.write(
    v.problems.length === 0
      ? `evidence verified: ${plural(v.checked, 'digest')} ${v.checked === 1 ? 'matches' : 'match'}\n`
      : `evidence does NOT verify: ${v.problems.length} of ${plural(v.checked, 'digest')} ${v.problems.length === 1 ? 'differs' : 'differ'}\n`
  )
  if (!cmd.bundle) return v.problems.length === 0 ? EXIT.pass : EXIT.fail
  // loaded on demand: the Sigstore libraries are a file of their own that no other command reads
  const { verifyEvidenceBundle } = await import('../operations/verify-bundle.js')
  const b = verifyEvidenceBundle(
    resolve(io.cwd, cmd.file),
    resolve(io.cwd, cmd.bundle.file),
    resolve(io.cwd, cmd.bundle.trustRoot),
    cmd.bundle.identity
  )
  if (b.unusable) {
    io.stderr.write(`baseline-gate: ${b.unusable}\n`)
    return EXIT.usage
  }
  for (const p of b.problems) io.stdout.write(`bundle: ${p}\n`)
  io.stdout.write(
    b.problems.length === 0
      ? `bundle verified offline: signed by ${b.signer ?? 'an unknown signer'}\n`
      : `bundle does NOT verify: ${plural(b.problems.length, 'problem')}\n`
  )
  return v.problems.length === 0 && b.problems.length === 0 ? EXIT.pass : EXIT.fail
}

/** How many schema problems of a file that is not a packet are listed; the rest are counted. */
export const UNVERIFIABLE_SHOWN = 10

/** Why a file cannot be verified: one problem per line (path:line:col: message), then what to do. */
function unverifiable(file: string, v: EvidenceVerification): string {
  if (!v.notPacket) return `baseline-gate: ${v.problems.join('; ')}`
  const more = v.problems.length - UNVERIFIABLE_SHOWN
  const what = v.statement
    ? 'an evidence statement (in-toto Statement v1 of an evidence-packet.v1)'
    : 'an evidence packet (evidence-packet.v1)'
  return [
    `baseline-gate: ${file} is not ${what}: ${plural(v.problems.length, 'problem')}`,
    ...v.problems.slice(0, UNVERIFIABLE_SHOWN).map((p) => `  ${p}`),
    ...(more > 0 ? [`  and ${more} more`] : []),
    'Give verify-evidence the packet a health, promote or rollback run wrote, unchanged: ' +
      '<evidence dir>/<operation>-<baseline>.json (or its statement <operation>-<baseline>.intoto.json), not the ' +
      '<operation>.json index (default evidence dir: .baseline-gate/evidence)'
  ].join('\n')
}
