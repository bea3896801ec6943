// Which rules disqualify a trio revision as a baseline to go back to. A revision written after adoption is judged
// by every trio rule but those of how its matrix documents the baseline (the `current` profile). A revision
// written before adoption, by hand, in the older format, is judged by the `legacy` profile: the identity rules
// decide (pin = mirror digest = the matrix's Baseline Pin lines = its one Approved row); what the old format
// could not satisfy (no runtime_cutover_posture, no posture line, absolute paths, an Updated date, cell formats of
// older rows) is reported, not disqualifying.
import type { RuleId } from '../rules/catalog.js'
import { pinLineSubject } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'
import type { Trio } from '../trio/model.js'

export type Profile = 'current' | 'legacy'

/** Rules that speak only of the identity or of whether the trio can be read at all: always disqualifying. */
const IDENTITY_RULES = new Set<RuleId>([
  'BG101',
  'BG102',
  'BG103',
  'BG104',
  'BG105',
  'BG106',
  'BG107',
  // the mirror is the producer's bytes, pinned by digest: it can never be migrated, so it must be valid as is
  'BG109',
  'BG201',
  'BG202',
  'BG204',
  'BG209',
  'BG211',
  'BG212',
  'BG214'
])

/** The pin's fields that make up the identity ('' is the pin as a whole: not an object). */
const IDENTITY_FIELDS = new Set([
  '',
  '/release_tag',
  '/commit_sha',
  '/expected_service_contract_version',
  '/expected_api_contract_version',
  '/expected_integration_baseline',
  '/expected_producer_manifest_sha256'
])

/** Baseline Pin lines that state the identity: a wrong value disqualifies, a missing one only when it names it. */
const IDENTITY_LINES = new Set(
  ['release_tag', 'commit_sha', 'service', 'api', 'integration', 'manifest_sha256'].map(pinLineSubject)
)
/** The lines every hand-kept matrix had (the original checks required them). */
const REQUIRED_LINES = new Set(['release_tag', 'commit_sha'].map(pinLineSubject))

/** Under the legacy profile, whether a finding's rule speaks of the identity. */
export function disqualifiesLegacy(f: Finding): boolean {
  if (f.severity !== 'error') return false
  if (IDENTITY_RULES.has(f.rule)) return true
  // without a subject the finding cannot be told apart: count it, rather than pass a revision on a guess
  if (f.subject === undefined) return f.rule === 'BG108' || f.rule === 'BG206' || f.rule === 'BG207'
  switch (f.rule) {
    case 'BG108':
      return IDENTITY_FIELDS.has(f.subject)
    case 'BG205':
      return REQUIRED_LINES.has(f.subject)
    case 'BG206':
    case 'BG207':
      return IDENTITY_LINES.has(f.subject)
    default:
      return false
  }
}

/**
 * Findings about how the matrix documents the baseline, not about which baseline it is: the Updated marker,
 * Baseline Pin lines the tool does not know, cell formats of the ledger (the identity cells of the Approved row
 * are BG212's), machine-specific paths, raw HTML and Markdown GitHub renders otherwise. Errors in a promotion;
 * in a rollback, follow-up work that must not keep the last-known-good baseline from coming back. A rollback
 * edits the current matrix and never restores the target's, so they do not disqualify a target either (raw HTML,
 * BG218, was refused only from this version on: a baseline approved before was passed over for it; found by
 * review).
 */
const DOCUMENTATION_RULES = new Set<RuleId>(['BG203', 'BG208', 'BG213', 'BG216', 'BG218', 'BG219'])

export function isDocumentationFinding(f: Finding): boolean {
  return DOCUMENTATION_RULES.has(f.rule)
}

/**
 * A rollback's pull request, judged by the promotion gate: a documentation finding its matrix already had before
 * (the same rule and message at the base) is a warning, follow-up once merged, as the rollback itself says; the
 * incident's restore is never held up by prose the base carried (found by review: raw HTML written before BG218
 * existed failed the rollback's pull request). Only where the matrix adds no line but where a rollback writes
 * (onlyRollbackEdits): a finding's message does not say all of its line, and a pull request that moved or added
 * prose could pass new markup for the old (found by review). One the change brings stays an error.
 */
export function inheritedDocumentation(
  head: Finding[],
  base: Finding[],
  matrices: { base: Trio; head: Trio }
): Finding[] {
  if (!onlyRollbackEdits(matrices.base, matrices.head)) return head
  const before = new Map<string, number>()
  const key = (f: Finding) => `${f.rule}\u0000${f.message}`
  for (const f of base) if (isDocumentationFinding(f)) before.set(key(f), (before.get(key(f)) ?? 0) + 1)
  return head.map((f) => {
    const left = before.get(key(f)) ?? 0
    if (!isDocumentationFinding(f) || f.severity !== 'error' || left === 0) return f
    before.set(key(f), left - 1)
    return {
      ...f,
      severity: 'warning' as const,
      message: `${f.message} (the matrix had it before this rollback: follow-up once it is merged)`
    }
  })
}

/**
 * Whether every line of the head matrix is a line of the base matrix or one a rollback writes: a Baseline Pin line
 * the tool knows, the Updated line, a row of the ledger table.
 */
function onlyRollbackEdits(base: Trio, head: Trio): boolean {
  const before = base.matrix.source?.text
  const after = head.matrix.source?.text
  const ledger = head.matrix.ledger
  if (before === undefined || after === undefined || !ledger) return false
  const had = new Map<string, number>()
  for (const line of before.split('\n')) had.set(line, (had.get(line) ?? 0) + 1)
  const table = ledger.ledgerSection?.table
  const spans: [number, number][] = [
    ...(ledger.pinSection?.lines ?? [])
      .filter((l) => l.key !== null)
      .map((l): [number, number] => [l.start, l.end]),
    ...(table ? [[table.start, table.end] as [number, number]] : []),
    ...(ledger.updated
      ? [[after.lastIndexOf('\n', ledger.updated.start) + 1, ledger.updated.end] as [number, number]]
      : [])
  ]
  let offset = 0
  for (const line of after.split('\n')) {
    const left = had.get(line) ?? 0
    if (left > 0) had.set(line, left - 1)
    else if (!spans.some(([s, e]) => offset >= s && offset + line.replace(/\r$/, '').length <= e))
      return false
    offset += line.length + 1
  }
  return true
}

export interface Judgement {
  profile: Profile
  /** The errors that make the revision unusable as a baseline. */
  disqualifying: Finding[]
  /** Under the legacy profile: the errors the old format could not avoid, reported and not held against it. */
  reported: Finding[]
}

export function judgeRevision(findings: Finding[], profile: Profile): Judgement {
  const errors = findings.filter((f) => f.severity === 'error')
  if (profile === 'current')
    return { profile, disqualifying: errors.filter((f) => !isDocumentationFinding(f)), reported: [] }
  return {
    profile,
    disqualifying: errors.filter(disqualifiesLegacy),
    reported: errors.filter((f) => !disqualifiesLegacy(f))
  }
}

/**
 * Adoption is the oldest revision whose pin records the runtime cutover posture (the current format's marker,
 * which `baseline-gate migrate` adds): it and every newer revision are judged by the current rules, every older
 * one by the legacy profile. A history with no such revision was written wholly before adoption.
 * @param atOrBeforeHasPosture whether this revision's pin, or an older one's, records the posture
 */
export function profileOf(atOrBeforeHasPosture: boolean): Profile {
  return atOrBeforeHasPosture ? 'current' : 'legacy'
}

/** "4 findings of 3 rules (BG108, BG205, BG206)". */
export function describeFindings(findings: Finding[]): string {
  const rules = [...new Set(findings.map((f) => f.rule))]
  const n = findings.length
  return `${n} finding${n === 1 ? '' : 's'} of ${rules.length} rule${rules.length === 1 ? '' : 's'} (${rules.join(', ')})`
}
