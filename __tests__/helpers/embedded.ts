// The embedded default baseline, read from the committed trio when the tests load: the tests assert against it
// instead of quoting one release, so they pass on every correct producer release + repin (README's walk-through).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import semverInc from 'semver/functions/inc.js'
import semverValid from 'semver/functions/valid.js'

const ROOT = resolve(import.meta.dirname, '..', '..')
const read = (rel: string) => readFileSync(resolve(ROOT, rel), 'utf8')

export interface EmbeddedBaseline {
  /** The release tag, e.g. v0.4.0. */
  tag: string
  /** The producer's runtime commit, 40 hex. */
  commit: string
  /** Its first 12 characters, as the tool's messages abbreviate a commit. */
  short: string
  service: string
  api: string
  integration: string
  /** The SHA-256 of the mirror, as the pin records it. */
  manifestSha256: string
  posture: string
  /** The matrix's `Updated:` date, YYYY-MM-DD. */
  updated: string
  /** The handoff payload's handoff_generated_at_utc. */
  handoffAt: string
  /** The consumer version and consumer commit cells of the matrix's Approved row. */
  consumerVersion: string
  consumerCommit: string
  /** The stability window its manifest declares (minimum_sprint_days). */
  stabilityDays: number
}

function load(): EmbeddedBaseline {
  const pin = JSON.parse(read('config/memorykernel-integration-pin.json')) as Record<string, string>
  const mirror = readFileSync(resolve(ROOT, 'config/memorykernel-producer-manifest.json'))
  const matrix = read('docs/MEMORYKERNEL_COMPATIBILITY_MATRIX.md')
  const handoff = JSON.parse(
    read('services/memorykernel/docs/implementation/PRODUCER_RELEASE_HANDOFF_LATEST.json')
  ) as Record<string, string>
  const updated = /^Updated: (\d{4}-\d{2}-\d{2})$/m.exec(matrix)?.[1]
  const rows = matrix.split('\n').filter((l) => /^\| [^-]/.test(l) && !l.startsWith('| Consumer version |'))
  const approved = rows.find((l) => l.endsWith('| Approved |'))?.split(' | ')
  const manifest = JSON.parse(mirror.toString('utf8')) as {
    stability_window?: { minimum_sprint_days?: number }
  }
  const b: EmbeddedBaseline = {
    tag: pin.release_tag!,
    commit: pin.commit_sha!,
    short: pin.commit_sha!.slice(0, 12),
    service: pin.expected_service_contract_version!,
    api: pin.expected_api_contract_version!,
    integration: pin.expected_integration_baseline!,
    manifestSha256: pin.expected_producer_manifest_sha256!,
    posture: pin.runtime_cutover_posture!,
    updated: updated!,
    handoffAt: handoff.handoff_generated_at_utc!,
    consumerVersion: approved?.[0]?.replace(/^\| /, '') ?? '',
    consumerCommit: approved?.[1] ?? '',
    stabilityDays: manifest.stability_window?.minimum_sprint_days ?? 0
  }
  // what the tests cannot derive their releases and their clock from (whether the trio agrees with itself is
  // for the health tests of the repository to say, rule by rule)
  const problems = [
    semverValid(b.tag.replace(/^v/, '')) && b.tag.startsWith('v') ? '' : `release_tag ${b.tag}`,
    updated ? '' : 'no Updated: YYYY-MM-DD line in the matrix',
    Number.isNaN(Date.parse(b.handoffAt)) ? `handoff_generated_at_utc ${b.handoffAt}` : ''
  ].filter(Boolean)
  if (problems.length > 0)
    throw new Error(`the embedded trio gives the tests no baseline: ${problems.join('; ')}`)
  return b
}

/** The embedded default baseline of this repository, as its committed trio describes it. */
export const EMBEDDED: EmbeddedBaseline = load()

/**
 * The release `n` steps of `level` after `tag`, with its `v`: nextTag('v0.4.1', 'minor') is v0.5.0,
 * nextTag('v0.4.0', 'minor', 2) is v0.6.0, nextTag('v0.4.0', 'patch') is v0.4.1.
 */
export function nextTag(tag: string, level: 'major' | 'minor' | 'patch', n = 1): string {
  let version = tag.replace(/^v/, '')
  for (let i = 0; i < n; i++) {
    const next = semverInc(version, level)
    if (!next) throw new Error(`not a release tag: ${tag}`)
    version = next
  }
  return `v${version}`
}

/** A YYYY-MM-DD date plus `days`, at `time` (UTC). */
function dayAfter(date: string, days: number, time: string): Date {
  const d = new Date(`${date}T${time}Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d
}

/** The later of the embedded matrix's Updated date and the handoff's generation date (YYYY-MM-DD). */
const LATEST_EMBEDDED_DATE = [EMBEDDED.updated, EMBEDDED.handoffAt.slice(0, 10)].sort().at(-1)!

/**
 * The tests' fixed clock: noon of the day after the embedded baseline was written (its matrix's Updated date,
 * or the handoff's generation if that is later), so every fixed-clock test judges after the embedded trio.
 */
export const EMBEDDED_NOW = dayAfter(LATEST_EMBEDDED_DATE, 1, '12:00:00')

/**
 * Midnight 54 days before the embedded Updated date (2026-10-01 for 2026-11-24), or more when the embedded
 * manifest declares a longer stability window: long before the embedded baseline was approved, and a baseline
 * approved then is outside its stability window at EMBEDDED_NOW.
 */
export const EMBEDDED_OLD_DATE = dayAfter(
  LATEST_EMBEDDED_DATE,
  -Math.max(54, EMBEDDED.stabilityDays + 40),
  '00:00:00'
)
  .toISOString()
  .replace('.000Z', 'Z')

/** `text` as a regular expression that matches it literally (a tag's dots included). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
