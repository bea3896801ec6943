// The rollback drill (issue 17): a dry run of the rollback that proves, without writing anything, that the
// last-known-good baseline is still restorable. It judges what the rollback itself computed (the target found in
// git, its bytes, the restore plan, the rules on the restored trio in memory): nothing here reads or plans a
// restore a second time. Pure: the rollback's facts in, the checks and their findings out.
import type { PassedOver } from '../classify/last-known-good.js'
import { sha256 } from '../fs/digest.js'
import { cellText, ledgerRows, rowOfTag, statusOf } from '../ledger/model.js'
import type { BaselinePolicy } from '../policy/types.js'
import { finding } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'
import { identityOfPinBytes, olderRelease, sameIdentity } from '../trio/identity.js'
import type { Pin } from '../trio/model.js'
import type { RestorePlan } from '../trio/restore.js'
import { plural } from '../text/plural.js'
import { AT_SHALLOW_CUT } from './last-known-good.js'
import type { LkgReport } from './last-known-good.js'

export type DrillCheckName = 'target' | 'bytes' | 'digest' | 'ledger' | 'verification' | 'history'

export interface DrillCheck {
  check: DrillCheckName
  /** null: not reached (an earlier check failed, so there was nothing to check). */
  ok: boolean | null
  /** What was proven, or what is wrong, in words. */
  detail: string
}

/**
 * Why a drill (or a dry run) found nothing to restore: the clone is shallow (the history is not there to search),
 * the baseline asked for with --to is not restorable (BG510 says why), the baseline is the only one ever pinned on
 * the branch (nothing to go back to until the next promotion), or no earlier revision is restorable. Null when
 * there is a target.
 */
export type DrillNoTarget = 'shallow' | 'requested' | 'only-baseline' | 'none-restorable'

export interface DrillReport {
  /** PASS when every check held (warnings aside). */
  verdict: 'PASS' | 'FAIL'
  checks: DrillCheck[]
  /** Why there is no target (null when there is one). */
  noTarget: DrillNoTarget | null
  /** The trigger and the operator's reason the drill ran with (redacted): a re-run suggested keeps them. */
  trigger: string
  reason: string
  /** What the drill does not check, each in words (said on every surface). */
  notRun: { what: 'suites' | 'preflight' | 'proposal' | 'history'; text: string }[]
}

/** Why the suites are skipped in a drill: recorded with the steps, so every surface says it. */
/** A drill's next step: none of an incident's. */
export const DRILL_NEXT = 'nothing to do for this drill (it wrote nothing and opened no incident)'

/**
 * The drill's next step, as its packet and its Markdown give it, for the verdict it reached (found by review: "if it
 * passed ... if it failed" under a known verdict; "nothing to do" above an untested restore, BG221).
 */
export function drillNext(findings: readonly Finding[], verdict: 'PASS' | 'FAIL'): string {
  const has = (rule: string) => findings.some((f) => f.rule === rule && f.severity === 'error')
  if (verdict === 'PASS')
    return findings.some((f) => f.rule === 'BG221')
      ? "put back the untested restore a stopped rollback left on disk (BG221): run the rollback again, which puts it back first, or restore the previous trio as health's BG220 says, and do not commit it"
      : DRILL_NEXT
  if (has('BG511'))
    return 'commit or discard the edits to the trio on disk (BG511: a rollback would refuse them too), then run the drill again'
  return 'fix what the drill found (under Findings), so that a rollback in an incident can restore the last-known-good; then run the drill again'
}

export const DRILL_SUITES_SKIP =
  'a rollback drill restores nothing, and a real rollback runs the suites on the restored trio'

const NOT_RUN: DrillReport['notRun'] = [
  { what: 'suites', text: 'the rollback suites (a real rollback runs them)' },
  {
    what: 'preflight',
    text: "the runtime preflight (the producer's code in the repository is the release a rollback withdraws)"
  },
  {
    what: 'proposal',
    text: 'no pull request or incident issue (a drill never proposes; with a token it opens only its drift issue)'
  }
]

export interface DrillInput {
  baseline: BaselinePolicy
  found: LkgReport
  /** The restore the rollback planned (null: it could not plan one; its own finding says why). */
  plan: RestorePlan | null
  /** The errors of every health rule on the restored trio in memory (documentation follow-up excluded). */
  verification: Finding[]
  /** What only the imagined restore causes (BG310: the producer still at the release it would withdraw). */
  expected?: Finding[]
  /** The release the producer's tree is at (its manifest's tag), which BG310 says the restore leaves withdrawn. */
  producerRelease?: string | null
  /** Every release tag the pin held on the branch's first-parent history (all of it, not only what lkg walked). */
  pinnedTags?: ReadonlySet<string>
  trigger: string
  reason: string
  /** The baseline asked for with --to (null: the last-known-good). */
  to: string | null
}

export function drillReport(input: DrillInput): { report: DrillReport; findings: Finding[] } {
  const { baseline, found, plan } = input
  const checks: DrillCheck[] = []
  const findings: Finding[] = []
  const target = found.lkg.target
  const short = (commit: string) => commit.slice(0, 12)

  // history: no approved baseline newer than the target may be skipped because its bytes no longer verify. The
  // finding stands on the baseline's ledger row (in the checked-out matrix: where the remedy goes); the message
  // names the file and line at the revision that no longer verifies
  for (const p of skippedApproved(found)) {
    const at = p.first
    const file = at?.file ?? baseline.trio.pin
    findings.push(
      finding(
        'BG513',
        baseline.trio.matrix,
        { line: p.line, column: 1 },
        `the ledger lists ${p.release_tag} as ${p.status}, but its trio revision ${p.commit} no longer verifies ` +
          `(${at?.rule ?? 'the rules'} at ${file}${at?.line ? `:${at.line}` : ''}, revision ${short(p.commit)}): ${p.detail.replace(/\.+$/, '')}. ` +
          `A rollback would skip it and restore ${target ? target.identity.release_tag : 'nothing'} instead: restore the revision's files, or mark ${p.release_tag} Rolled back in ${baseline.trio.matrix}`
      )
    )
  }
  // a newer baseline whose row the ledger lost after adoption: the gate would refuse to restore it (BG509), so a
  // rollback skips it; said, so that a damaged ledger does not quietly send the rollback further back
  for (const p of skippedWithoutRow(found)) {
    findings.push(
      finding(
        'BG514',
        baseline.trio.matrix,
        found.current.matrix.ledger?.ledgerSection?.table?.position ?? null,
        `the ledger has no row for ${p.release_tag}, which the pin held at revision ${short(p.commit)}: a rollback skips it (the promotion gate restores only a release the ledger records, or an older one approved before adoption: BG509) and restores ${target ? target.identity.release_tag : 'nothing'} instead. If ${p.release_tag} was an approved baseline, put its row back in ${baseline.trio.matrix} (Superseded)`
      )
    )
  }
  // a release the ledger records as approved, older than the current one, that no revision of the branch's
  // first-parent history pins: a merge made the commits that pinned it a second parent (`git pull` merged and
  // pushed), so neither a rollback nor the gate (BG509) can restore it (found by review)
  for (const u of input.pinnedTags ? unseenApproved(found, input.pinnedTags) : []) {
    findings.push(
      finding(
        'BG514',
        baseline.trio.matrix,
        { line: u.line, column: 1 },
        `the ledger records ${u.tag} as ${u.status}, but no revision on the branch's first-parent history pins it: a merge that made the commits pinning it a second parent (a \`git pull\` merged and pushed) hides it from a rollback and from the promotion gate (BG509), which restore ${target ? target.identity.release_tag : 'nothing'} instead. To go back to ${u.tag}, promote it again`
      )
    )
  }
  const skipped = findings.filter((f) => f.rule === 'BG513').length
  // a shallow clone that holds the target holds what lies between it and the current baseline (BG513's ground),
  // not the whole first-parent history the ledger's approved releases are matched against (found by review: a
  // PASS said "Nothing to do")
  const partial = found.shallow && target !== null
  // the current baseline's own revisions are not "newer": only the others a rollback passes over are counted
  const newer = found.lkg.passedOver.filter((p) => p.reason !== 'current').length
  checks.push({
    check: 'history',
    // a shallow clone without the target holds too little history to say what a rollback would skip (found by
    // review: "proven")
    ok: found.shallow && !target && skipped === 0 ? null : skipped === 0,
    detail:
      found.shallow && !target && skipped === 0
        ? 'not checked: the clone is shallow, so the baselines before its cut are not there to read (check out with fetch-depth: 0)'
        : skipped > 0
          ? skipped === 1
            ? '1 baseline the ledger records as approved (Approved or Superseded) would be skipped: its revision no longer verifies'
            : `${skipped} baselines the ledger records as approved (Approved or Superseded) would be skipped: their revisions no longer verify`
          : newer === 0
            ? target
              ? 'no baseline the ledger lists as approved is skipped (no revision between the current baseline and the target)'
              : 'no baseline the ledger lists as approved is skipped'
            : `no baseline the ledger lists as approved is skipped (${plural(newer, 'other revision')} passed over)`
  })
  const notRun = NOT_RUN.map((n) => ({ ...n }))
  if (partial)
    notRun.splice(2, 0, {
      what: 'history',
      text: "the ledger's approved releases matched to the branch's whole first-parent history (this clone is shallow: check out with fetch-depth: 0)"
    })

  if (!target || !found.targetBytes) {
    const noTarget = whyNoTarget(found, input.to)
    checks.unshift({
      check: 'target',
      ok: false,
      detail:
        noTarget === 'only-baseline'
          ? `no earlier baseline to restore (BG510): ${found.identity.release_tag ?? 'the current baseline'} is the only one ever pinned on this branch`
          : `no last-known-good baseline to restore (BG510): ${found.lkg.problem ?? 'none found'}`
    })
    for (const check of ['bytes', 'digest', 'ledger', 'verification'] as const)
      checks.push({ check, ok: null, detail: 'not reached: there is no target' })
    return { report: report(checks, input, noTarget), findings }
  }
  checks.unshift({
    check: 'target',
    ok: true,
    detail: `${target.identity.release_tag} at trio revision ${target.commit} (${target.date}${found.targetAtCut ? `: ${AT_SHALLOW_CUT}` : ''}), judged by the ${target.profile} rules`
  })

  const bytes = found.targetBytes
  const pin = parsePin(bytes.pin)
  checks.push({
    check: 'bytes',
    ok: true,
    detail: `${baseline.trio.pin} (sha256 ${sha256(bytes.pin)}) and ${baseline.trio.manifest} (sha256 ${sha256(bytes.manifest)}) read from git at ${short(target.commit)}`
  })

  const recorded = pin?.expected_producer_manifest_sha256
  const got = sha256(bytes.manifest)
  const planned = plan ? sha256(plan.manifest) : null
  const restoredId = plan ? identityOfPinBytes(plan.pin) : null
  const digestOk =
    recorded === got && planned === got && restoredId !== null && sameIdentity(restoredId, target.identity)
  if (!digestOk && plan) {
    const why =
      recorded !== got
        ? `the pin ${baseline.trio.pin} at ${short(target.commit)} records expected_producer_manifest_sha256 ${String(recorded)}, but ${baseline.trio.manifest} at that revision hashes to ${got}`
        : planned !== got
          ? `the restore would write ${baseline.trio.manifest} with sha256 ${String(planned)}, not the ${got} committed at ${short(target.commit)}`
          : `the restored pin does not name ${target.identity.release_tag} as committed at ${short(target.commit)}`
    findings.push(
      finding(
        'BG513',
        recorded !== got ? baseline.trio.manifest : baseline.trio.pin,
        null,
        `${why}: the last-known-good cannot be restored byte for byte`
      )
    )
  }
  checks.push({
    check: 'digest',
    ok: plan ? digestOk : null,
    detail: !plan
      ? 'not reached: the rollback could not plan the restore (see its finding)'
      : digestOk
        ? `the mirror that would be written is the committed one, and hashes to the pin's expected_producer_manifest_sha256 ${got}`
        : 'the bytes that would be restored do not match the digest the pin records (see BG513)'
  })

  const row = rowOfTag(found.current.matrix.ledger, target.identity.release_tag)
  if (!row && plan) {
    findings.push(
      finding(
        'BG514',
        baseline.trio.matrix,
        null,
        `the ledger has no row for ${target.identity.release_tag}: a rollback would append one (${plan.ledger.find((l) => l.includes('appended')) ?? 'see the restore plan'})`
      )
    )
  }
  checks.push({
    check: 'ledger',
    ok: !plan ? null : true,
    detail: !plan
      ? 'not reached: the rollback could not plan the restore (see its finding)'
      : row
        ? `row ${target.identity.release_tag} (${baseline.trio.matrix}:${row.position.line}, ${cellText(row, 'status')}) would be marked Approved`
        : `no row for ${target.identity.release_tag}: the restore would append one (BG514)`
  })

  const errors = input.verification.filter((f) => f.severity === 'error')
  // a consequence of the restore the drill only imagines, said here rather than as a finding of the drill
  const expected = (input.expected ?? []).some((f) => f.rule === 'BG310')
    ? `; as expected after a rollback, the producer's tree would stay at the withdrawn ${input.producerRelease ?? 'release'} (BG310 in a real rollback)`
    : ''
  checks.push({
    check: 'verification',
    ok: !plan ? null : errors.length === 0,
    detail: !plan
      ? 'not reached: the rollback could not plan the restore (see its finding)'
      : errors.length === 0
        ? `the restored trio, as it would be written, passes every trio, drift and adapter rule (in memory)${expected}`
        : `the restored trio, as it would be written, fails ${plural(errors.length, 'error')} of ${[...new Set(errors.map((f) => f.rule))].join(', ')} (see the findings)${expected}`
  })
  return { report: report(checks, input, null, notRun), findings }
}

/** BG510's message: why nothing can be restored, and what the search passed over (the first five). */
export function noTargetMessage(found: LkgReport, to: string | null | undefined): string {
  const over = found.lkg.passedOver
  const shown = over.slice(0, 5).map((p) => `${p.commit.slice(0, 12)} ${p.release_tag ?? '?'}: ${p.detail}`)
  const more = over.length > shown.length ? `; and ${over.length - shown.length} more` : ''
  const what = to
    ? `the baseline asked for (--to ${to}) cannot be restored`
    : 'no last-known-good baseline to restore'
  return `${what}: ${found.lkg.problem ?? 'none found'}${shown.length ? ` (passed over: ${shown.join('; ')}${more})` : ''}`
}

/** Why lkg found nothing to restore (see DrillNoTarget): a drill and a dry run say it in the same words. */
export function whyNoTarget(found: LkgReport, to: string | null): DrillNoTarget {
  if (found.shallow) return 'shallow'
  if (to) return 'requested'
  return found.lkg.revisions > 0 && found.lkg.passedOver.every((p) => p.reason === 'current')
    ? 'only-baseline'
    : 'none-restorable'
}

function report(
  checks: DrillCheck[],
  input: DrillInput,
  noTarget: DrillNoTarget | null,
  notRun: DrillReport['notRun'] = NOT_RUN.map((n) => ({ ...n }))
): DrillReport {
  return {
    verdict: checks.some((c) => c.ok === false) ? 'FAIL' : 'PASS',
    checks,
    noTarget,
    trigger: input.trigger,
    reason: input.reason,
    notRun
  }
}

/**
 * The newer baselines a rollback passes over because their revision no longer verifies (or cannot be read) while
 * the current ledger still lists them as approved: the newest revision of each such tag, the target's and the
 * current baseline's tags excepted (a broken revision of the target's own tag is superseded by a good one).
 */
function skippedApproved(
  found: LkgReport
): (PassedOver & { release_tag: string; status: string; line: number })[] {
  const ledger = found.current.matrix.ledger
  const seen = new Set<string>([
    found.identity.release_tag ?? '',
    found.lkg.target?.identity.release_tag ?? ''
  ])
  const out: (PassedOver & { release_tag: string; status: string; line: number })[] = []
  for (const p of found.lkg.passedOver) {
    if (p.reason !== 'invalid' || !p.release_tag || seen.has(p.release_tag)) continue
    seen.add(p.release_tag)
    const row = rowOfTag(ledger, p.release_tag)
    const status = row ? cellText(row, 'status') : null
    const known = row ? statusOf(row) : null
    if (row && status !== null && (known === 'Approved' || known === 'Superseded'))
      out.push({ ...p, release_tag: p.release_tag, status, line: row.position.line })
  }
  return out
}

/**
 * The releases the current ledger records as Approved or Superseded, older than the current one, that no revision
 * of the branch's first-parent history pins (`pinned`: all of them; a release rolled back to and left again is
 * pinned all the same, found by review).
 */
function unseenApproved(
  found: LkgReport,
  pinned: ReadonlySet<string>
): { tag: string; status: string; line: number }[] {
  const seen = new Set(pinned)
  const out: { tag: string; status: string; line: number }[] = []
  for (const row of ledgerRows(found.current.matrix.ledger)) {
    const known = statusOf(row)
    const tag = cellText(row, 'producer_tag')
    if ((known !== 'Approved' && known !== 'Superseded') || seen.has(tag)) continue
    if (!olderRelease(tag, found.identity.release_tag)) continue
    seen.add(tag)
    out.push({ tag, status: cellText(row, 'status'), line: row.position.line })
  }
  return out
}

/** The newest revision of each tag a rollback passes over for want of a ledger row (the current and the target's tags
 * excepted). */
function skippedWithoutRow(found: LkgReport): (PassedOver & { release_tag: string })[] {
  const seen = new Set<string>([
    found.identity.release_tag ?? '',
    found.lkg.target?.identity.release_tag ?? ''
  ])
  const out: (PassedOver & { release_tag: string })[] = []
  for (const p of found.lkg.passedOver) {
    if (p.reason !== 'no-row' || !p.release_tag || seen.has(p.release_tag)) continue
    seen.add(p.release_tag)
    out.push({ ...p, release_tag: p.release_tag })
  }
  return out
}

function parsePin(bytes: Buffer): Partial<Pin> | null {
  try {
    const data = JSON.parse(bytes.toString('utf8')) as unknown
    return typeof data === 'object' && data !== null ? (data as Partial<Pin>) : null
  } catch {
    return null
  }
}
