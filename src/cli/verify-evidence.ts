// `baseline-gate verify-evidence`: recompute what a packet (or its in-toto statement) records, and with --bundle
// check a Sigstore bundle of it offline. Loaded on demand: health does not read the evidence validators.
// Nothing is printed before every file given is known to be usable: a usage error (exit 2) never follows a verdict.
import { shownValue } from '../text/shorten.js'
import { mapStrings } from '../text/map-strings.js'
import { inlineSafe } from '../text/terminal.js'
import { resolve } from 'node:path'
import { findRoot, RootError } from '../git/root.js'
import { inspectEvidence } from '../operations/verify-evidence.js'
import type { EvidenceInspection, EvidenceVerification } from '../operations/verify-evidence.js'
import type { PreparedBundle } from '../operations/verify-bundle.js'
import { DEFAULT_POLICY_PATH } from '../policy/defaults.js'
import { plural } from '../text/plural.js'
import type { VerifyEvidenceCommand } from './commands.js'
import { EXIT } from './io.js'
import type { Io } from './io.js'

/** What is not checked without --bundle: said on every run without one. */
export const SIGNATURE_NOT_CHECKED =
  'Not checked: the signature; without it the verdict and findings are not authenticated (give --bundle and --trust-root)'

export async function verifyEvidenceCommand(cmd: VerifyEvidenceCommand, io: Io): Promise<number> {
  const root = await evidenceRoot(cmd.root, io.cwd)
  if ('problem' in root) {
    io.stderr.write(`baseline-gate: ${inlineSafe(root.problem)}\n`)
    return EXIT.usage
  }
  const file = resolve(io.cwd, cmd.file)
  // what the packet states is printed: each value on its line, whatever a pull request's run wrote into it; the
  // parsed file is kept as read for the bundle (its bytes are what was signed, and it is read once)
  const { value, ...read } = inspectEvidence(root.dir, file)
  const inspection = mapStrings(read, inlineSafe)
  const v = inspection.verification

  // every file that cannot be used, named before anything is verified or printed
  const unusable: string[] = []
  if (v.unreadable) unusable.push(unverifiable(cmd.file, v))
  else if (inspection.wrongRoot)
    unusable.push(
      `baseline-gate: none of the packet's trio files is under ${root.dir}: is --root the checkout the evidence is of? ` +
        `Run verify-evidence in that checkout${inspection.judged?.commit ? ` (commit ${inspection.judged.commit})` : ''}, or give --root DIR`
    )
  let prepared: PreparedBundle | null = null
  // loaded on demand: the Sigstore libraries are a file of their own that no other command reads
  const bundleModule = cmd.bundle ? await import('../operations/verify-bundle.js') : null
  if (cmd.bundle && bundleModule) {
    const p = bundleModule.prepareBundle(
      resolve(io.cwd, cmd.bundle.file),
      resolve(io.cwd, cmd.bundle.trustRoot),
      cmd.bundle.signer
    )
    // a library's message can quote the bundle: one line each, as every value printed
    if ('unusable' in p) unusable.push(...p.unusable.map((u) => `baseline-gate: ${inlineSafe(u)}`))
    else prepared = p.prepared
  }
  if (unusable.length > 0) {
    io.stderr.write(`${unusable.join('\n')}\n`)
    if (!v.unreadable || unusable.length > 1) io.stderr.write('Nothing was verified.\n')
    return EXIT.usage
  }

  io.stdout.write(`${judgedLine(inspection)}\n`)
  for (const p of v.problems) io.stdout.write(`mismatch: ${p}\n`)
  io.stdout.write(`${digestLine(inspection)}\n`)
  if (!prepared || !bundleModule) {
    io.stdout.write(`${SIGNATURE_NOT_CHECKED}\n`)
    return v.problems.length === 0 ? EXIT.pass : EXIT.fail
  }
  const b = mapStrings(bundleModule.verifyPreparedBundle(value, prepared), inlineSafe)
  for (const p of b.problems) io.stdout.write(`bundle: ${p}\n`)
  io.stdout.write(
    b.problems.length === 0
      ? `bundle verified offline: signed by ${b.signer ?? 'an unknown signer'}\n`
      : `bundle does NOT verify: ${plural(b.problems.length, 'problem')}: the verdict and findings are not authenticated\n`
  )
  return v.problems.length === 0 && b.problems.length === 0 ? EXIT.pass : EXIT.fail
}

/**
 * The checkout the trio digests are recomputed from: the repository's root found from --root or the current
 * directory, as every other command finds it (src/git/root.ts); a directory that is no git repository is used as
 * it is (a packet needs no history; a statement's commit subject then says it cannot be checked).
 */
async function evidenceRoot(
  given: string | undefined,
  cwd: string
): Promise<{ dir: string } | { problem: string }> {
  try {
    return { dir: (await findRoot({ given, cwd, marker: DEFAULT_POLICY_PATH })).root }
  } catch (e) {
    // a --root that is not a directory, or a repository git refuses (another owner: safe.directory), is a usage
    // error; a directory outside git is used as it is (found by review: a refused repository was used as a plain
    // directory, and the commit called missing)
    if (e instanceof RootError && e.at !== 'git') return { problem: e.message }
    return { dir: given === undefined ? cwd : resolve(cwd, given) }
  }
}

/** What the evidence is of, as it records it: the first line, before anything it is checked against. */
function judgedLine(inspection: EvidenceInspection): string {
  const j = inspection.judged
  if (!j) return 'evidence'
  return [
    `${j.kind} of ${j.operation}`,
    j.baseline,
    j.releaseTag === null ? 'no release tag' : shownValue(j.releaseTag),
    // the repository's commit the run judged ("commit" alone is the producer's, on every other line)
    j.commit ? `judged at ${j.commit.slice(0, 12)}` : 'no judged commit recorded',
    j.repository ? `in ${j.repository}` : 'a local run',
    `recorded verdict ${j.verdict}`
  ].join(' · ')
}

/** The digests recomputed, and whether they all match. */
function digestLine(inspection: EvidenceInspection): string {
  const v = inspection.verification
  if (v.problems.length > 0) {
    const other = (kind: string) => v.problems.some((p) => p.startsWith(`${kind}: `))
    const differ = v.problems.filter((p) => !p.startsWith('verdict: ') && !p.startsWith('checkout: ')).length
    const parts = [
      ...(differ > 0
        ? [`${differ} of ${plural(v.checked, 'digest')} ${differ === 1 ? 'differs' : 'differ'}`]
        : []),
      ...(other('checkout') ? ['the checkout is not the commit the run judged'] : []),
      ...(other('verdict') ? ['the recorded verdict contradicts its own findings'] : [])
    ]
    return `evidence does NOT verify: ${parts.join('; ')}`
  }
  const { trio, logs, commit } = inspection.counts
  const c = inspection.checkout
  // where the files were compared: the judged commit itself, or (a rollback's) the commit with its restored trio
  const where = !c
    ? 'the directory given (no commit is checked out there, so none was compared)'
    : c.judged === 'same'
      ? 'the checkout, at the judged commit'
      : c.judged === 'unrecorded'
        ? `the checkout at ${c.head.slice(0, 12)} (the packet records no judged commit, so none was compared)`
        : `the checkout at ${c.head.slice(0, 12)}, which comes after the commit the rollback started from`
  const files =
    trio === 0
      ? `no trio file was recomputed (the packet records none), against ${where}`
      : `${plural(trio, 'trio file')} ${trio === 1 ? 'matches' : 'match'} ${where}`
  const parts = [
    files,
    ...(commit > 0 ? ['the commit subject is the judged commit'] : []),
    ...(logs > 0
      ? [`${plural(logs, 'step log')} ${logs === 1 ? 'matches' : 'match'} the files beside the packet`]
      : [])
  ]
  return `evidence verified: ${parts.join('; ')}`
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
