// The migration of a trio written before adoption to the current format: what the newer rules require and the
// hand-kept format lacked. The pin gains runtime_cutover_posture (NO-GO unless told otherwise: GO needs the
// joint approval of both teams) and, when it lacks it, the SHA-256 of the mirror it pins; the matrix's Baseline
// Pin section is regenerated from the pin (the posture and digest lines added, machine paths made relative, the
// labels as written kept) and its Updated date set. The mirror is the producer's bytes and is never touched;
// nothing about which baseline is pinned changes. Pure: bytes in, bytes out; a second run changes nothing.
import { CONTROL_RANGES } from '../text/terminal.js'
import { sha256 } from '../fs/digest.js'
import { applySplices, pinLineValues, pinSectionSplice, updatedSplice } from '../ledger/edit.js'
import { PIN_LINES, pinLineLabel } from '../ledger/model.js'
import { foreignProducerName } from '../ledger/parse.js'
import { renameAdvice } from '../rules/matrix-pin-section.js'
import { quote } from '../text/quote.js'
import type { PinLineKey } from '../ledger/model.js'
import type { BaselinePolicy } from '../policy/types.js'
import { setJsonField } from '../document/json-edit.js'
import { trioFromBytes } from '../trio/load.js'
import { TRIO_ROLES } from '../trio/model.js'
import type { Pin, Posture, TrioRole } from '../trio/model.js'

export interface MigrationPlan {
  /** The trio's bytes after the migration (a file that does not exist stays null). */
  files: Record<TrioRole, Buffer | null>
  /** The files whose bytes change. */
  changed: TrioRole[]
  /** What the migration does, in words, one entry per change. */
  steps: string[]
  /** What it cannot do by itself, each with what to do; when any, nothing is changed. */
  blockers: string[]
  /** The pin gains the SHA-256 of the mirror's bytes: those on disk must be the bytes committed. */
  addsDigest: boolean
}

export interface MigrationOptions {
  /** The posture a pin without one gets. */
  posture: Posture
  /** YYYY-MM-DD: the Updated date of a matrix the migration changes. */
  today: string
}

/** The pin fields that name the baseline: the migration needs them all (it never invents an identity). */
/** What a Baseline Pin line can state between its backticks: one line, no control or format character, no backtick. */
const ONE_LINE_VALUE = new RegExp(`^[^${CONTROL_RANGES}\\u2028\\u2029\`]*$`, 'u')

const IDENTITY: (keyof Pin)[] = [
  'release_tag',
  'commit_sha',
  'expected_service_contract_version',
  'expected_api_contract_version',
  'expected_integration_baseline'
]

export function planMigration(
  baseline: BaselinePolicy,
  bytes: Record<TrioRole, Buffer | null>,
  options: MigrationOptions
): MigrationPlan {
  const trio = trioFromBytes(baseline, bytes)
  const paths = baseline.trio
  const steps: string[] = []
  const blockers: string[] = []
  const unchanged = (): MigrationPlan => ({
    files: { ...bytes },
    changed: [],
    steps: [],
    blockers,
    addsDigest: false
  })

  const pinData = trio.pin.data
  if (!bytes.pin || !pinData) {
    blockers.push(
      `${paths.pin} ${bytes.pin ? 'is not a JSON object' : 'does not exist'}: the migration edits a pin, it does not write one (baseline-gate health says what is wrong with it)`
    )
    return unchanged()
  }
  const missing = IDENTITY.filter((k) => typeof pinData[k] !== 'string' || pinData[k] === '')
  if (missing.length > 0) {
    blockers.push(
      `${paths.pin} lacks ${missing.join(', ')}: the migration never invents which baseline is pinned; fill them in from the producer's manifest at the pinned tag`
    )
  }
  // a value goes into the matrix as the code span of a Baseline Pin line: a line break would write lines of its own
  // (another "Runtime cutover posture"), a backtick would end the span
  const unwritable = IDENTITY.filter(
    (k) => typeof pinData[k] === 'string' && !ONE_LINE_VALUE.test(pinData[k])
  )
  if (unwritable.length > 0) {
    blockers.push(
      `${paths.pin}: ${unwritable.join(', ')} ${unwritable.length === 1 ? 'holds' : 'hold'} a line break, a control character or a backtick, which a Baseline Pin line of ${paths.matrix} cannot state: correct the pin first (baseline-gate health locates the value)`
    )
  }
  if (!bytes.manifest) {
    blockers.push(
      `there is no mirror ${paths.manifest}: copy the producer's contract manifest at ${String(pinData.release_tag)} there byte for byte (git show <tag>:<manifest path>), then migrate again`
    )
  }
  if (!bytes.matrix || !trio.matrix.ledger || trio.matrix.source === null) {
    blockers.push(`${paths.matrix} cannot be read: the migration edits the matrix, it does not write one`)
  } else if (!trio.matrix.ledger.pinSection || trio.matrix.ledger.pinSection.lines.length === 0) {
    blockers.push(
      `${paths.matrix} has no \`## Baseline Pin\` list: add the section (one line "- <producer> release tag: \`vX.Y.Z\`" is enough), then migrate again`
    )
  }
  // lines that name the producer otherwise would be written again under display_name, beside the originals
  // (found by review: a display_name left to its default duplicated every named line)
  const foreign = foreignProducerName(trio.matrix.ledger?.pinSection?.lines ?? [], baseline.display_name)
  if (foreign) {
    const first = foreign.lines[0]!.line
    blockers.push(
      `${paths.matrix}:${first.position.line}: the Baseline Pin section names the producer "${quote(foreign.name, 80)}" ("${quote(first.label, 100)}"), but the policy's display_name is "${baseline.display_name}" (migrate, health and lkg read those lines by it). ${renameAdvice(foreign.name, baseline.display_name)}; then migrate again`
    )
  }
  if (blockers.length > 0) return unchanged()

  let pinText = bytes.pin.toString('utf8')
  const digest = sha256(bytes.manifest!)
  const addsDigest = pinData.expected_producer_manifest_sha256 === undefined
  if (addsDigest) {
    pinText = setJsonField(pinText, 'expected_producer_manifest_sha256', digest)
    steps.push(`${paths.pin}: expected_producer_manifest_sha256 added, the SHA-256 of the mirror's bytes`)
  }
  if (pinData.runtime_cutover_posture === undefined) {
    pinText = setJsonField(pinText, 'runtime_cutover_posture', options.posture)
    steps.push(
      `${paths.pin}: runtime_cutover_posture added as ${options.posture}${options.posture === 'NO-GO' ? ' (GO needs the joint approval of the consumer and producer owners)' : ' (the promotion gate holds this change to the joint approval of both teams)'}`
    )
  }
  const pin = JSON.parse(pinText) as Partial<Pin>

  const matrixText = trio.matrix.source!.text
  const ledger = trio.matrix.ledger!
  const values = pinLineValues(
    {
      ...pin,
      // the lines state what the pin states; a digest the pin got wrong is health's finding (BG202), not ours
      expected_producer_manifest_sha256: pin.expected_producer_manifest_sha256 ?? digest
    },
    paths
  )
  const section = pinSectionSplice(matrixText, ledger, values, baseline.display_name)!
  let newMatrix = applySplices(matrixText, [section])
  if (newMatrix !== matrixText) {
    const lines = describeLines(ledger.pinSection!.lines, values, baseline.display_name)
    steps.push(`${paths.matrix}: Baseline Pin section ${lines}`)
    // dated like any other edit of the ledger; the offsets before the section are unchanged by its splice
    newMatrix = applySplices(matrixText, [section, updatedSplice(matrixText, ledger, options.today)])
    steps.push(`${paths.matrix}: Updated: ${options.today}`)
  }

  const files: Record<TrioRole, Buffer | null> = {
    pin: pinText === bytes.pin.toString('utf8') ? bytes.pin : Buffer.from(pinText),
    manifest: bytes.manifest,
    matrix: newMatrix === matrixText ? bytes.matrix : Buffer.from(newMatrix)
  }
  return { files, changed: TRIO_ROLES.filter((r) => files[r] !== bytes[r]), steps, blockers, addsDigest }
}

/** "gains the lines Runtime cutover posture, ...; rewrites Pin manifest (source of truth)". */
function describeLines(
  before: { key: PinLineKey | null; value: string }[],
  values: Record<PinLineKey, string>,
  displayName: string
): string {
  const added: string[] = []
  const rewritten: string[] = []
  for (const l of PIN_LINES) {
    const had = before.find((b) => b.key === l.key)
    const label = `"${pinLineLabel(l.key, displayName)}"`
    if (!had) added.push(label)
    else if (had.value !== values[l.key]) rewritten.push(`${label} (was \`${had.value}\`)`)
  }
  const parts = [
    added.length > 0 ? `gains ${added.join(', ')}` : '',
    rewritten.length > 0 ? `rewrites ${rewritten.join(', ')}` : ''
  ].filter(Boolean)
  return parts.length > 0 ? parts.join('; ') : 'rewritten in the canonical form'
}
