// rollback: the incident procedure (DESIGN.md §1, §6). For each baseline: finish any restore a crash
// interrupted, find the last-known-good revision in git, plan the restored trio (pin and mirror as committed,
// posture NO-GO, the ledger's Status cells and Baseline Pin section edited in place), check it with every
// health rule in memory, write the three files as one set, run the rollback suites on them, and put the old
// trio back when anything fails. Then the incident note, the evidence and, in Actions, the pull request
// and the incident issue. A dry run stops before the first write.
import { settingsChanged } from '../classify/change.js'
import { isDocumentationFinding } from '../classify/profile.js'
import { nextMilestone, renderIncidentNote, severityOf } from '../evidence/incident-note.js'
import type { IncidentEvidence, RollbackStatus, RollbackTrigger } from '../evidence/incident-note.js'
import { incidentNoteFileName, packetName } from '../evidence/packet-name.js'
import { failedOnlyToStart } from '../evidence/not-run.js'
import { journalPath, lockSet, recoverFileSet } from '../fs/atomic-set.js'
import {
  editedTrio,
  putBack,
  restoredTrioChanged,
  sameTrio,
  setWrites,
  writeRestore
} from './restore-writes.js'
import { clearUnverified, settleUnverified } from './unverified-restore.js'
import { trioOnDisk, trioWriteEscapes, WRITE_ORDER } from './trio-files.js'
import { publish } from './rollback-publish.js'
import type { RollbackPublisher } from './rollback-publish.js'
import type { Recovery, SetFs } from '../fs/atomic-set.js'
import type { BaselinePolicy } from '../policy/types.js'
import type { Redactor } from '../redact/redactor.js'
import { driftRules } from '../rules/drift.js'
import { finding, sortFindings } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'
import { trioRules } from '../rules/index.js'
import { decideVerdict } from '../rules/verdict.js'
import type { StepResult } from '../rules/verdict.js'
import { identityOf, postureOf } from '../trio/identity.js'
import { loadProducerFiles, loadTrio } from '../trio/load.js'
import { planRestore, RestoreError, restoredTrio } from '../trio/restore.js'
import type { RestorePlan } from '../trio/restore.js'
import type { ProducerFiles, Trio } from '../trio/model.js'
import { adapterFindings } from './adapter-input.js'
import type { BaselineResult, OperationContext, OperationResult, RollbackReport } from './context.js'
import { AT_SHALLOW_CUT, lastKnownGood } from './last-known-good.js'
import { pinHistory } from './promotion.js'
import { operationResult } from './outcome.js'
import { baselinePacket, startSuiteRun, writePacket } from './packet.js'
import { redactFindings, redactStrings, runRedactor } from './redact-findings.js'
import type { RunFacts } from './packet.js'
import { DRILL_SUITES_SKIP, drillNext, drillReport, noTargetMessage, whyNoTarget } from './rollback-drill.js'
import type { DrillNoTarget, DrillReport } from './rollback-drill.js'
import { describeSteps, operationSuites, suitesRan } from './suites.js'
import { uncommittedBeside } from './uncommitted-beside.js'
import type { SuiteReporter } from './suites.js'

export interface RollbackOptions {
  baselines: BaselinePolicy[]
  trigger: RollbackTrigger
  /** The operator's words, recorded literally (after redaction). */
  reason: string
  /** Go back to this release tag instead of the last-known-good one. */
  to: string | null
  dryRun: boolean
  /** A rollback drill: a dry run that also proves the last-known-good restorable (rollback-drill.ts). */
  drill?: boolean
  /** Run the rollback suites (false: the verdict covers the rules only, and says so). */
  suites: boolean
  redactor: Redactor
  /** Propose the rollback on GitHub (the action); null: leave it in the working tree (the CLI). */
  publish: RollbackPublisher | null
  reporter?: SuiteReporter
  signal?: AbortSignal
  /** The file system the restore writes through (tests inject a crash at each write). */
  fs?: SetFs
}

export async function runRollback(ctx: OperationContext, options: RollbackOptions): Promise<OperationResult> {
  // a drill and a dry run run no suite, so they ask cargo and rustc nothing (found by review)
  const run = await startSuiteRun(ctx)
  const reason = (await options.redactor.redact(options.reason)).text
  const results: BaselineResult[] = []
  for (const baseline of options.baselines) {
    // a drill is a dry run: it writes nothing
    const dryRun = options.dryRun || options.drill === true
    // one run at a time on the trio, from its read to its put-back (a dry run reads only)
    const release = dryRun
      ? () => {}
      : lockSet(ctx.root, `trio-${baseline.name}`, `the trio of ${baseline.name}`)
    try {
      results.push(await rollBack(ctx, { ...options, reason, dryRun }, baseline, run))
    } finally {
      release()
    }
  }
  return operationResult(ctx, 'rollback', results, run.instant)
}

async function rollBack(
  ctx: OperationContext,
  options: RollbackOptions,
  baseline: BaselinePolicy,
  run: RunFacts
): Promise<BaselineResult> {
  const startedAt = ctx.clock()
  const now = run.instant.source === 'wall-clock' ? startedAt : run.instant.at
  // the policy's display name titles the timeline, the note, the Markdown, the pull request and the issue: shown
  // redacted, as every value is; the matrix's own labels are read with it as written (found by review: redacted
  // for the rules too, every revision failed BG205)
  const shownName = runRedactor(ctx)(baseline.display_name)
  const timeline: { at: string; event: string }[] = []
  const mark = (event: string) => timeline.push({ at: ctx.clock().toISOString(), event })
  mark(
    `${options.dryRun ? 'dry run of a rollback' : 'rollback'} of ${shownName} started (trigger: ${options.trigger})`
  )
  const journal = journalPath(ctx.root, `rollback-${baseline.name}`)
  // a restore that a crash interrupted is finished (or undone) before anything is read
  const recovered: Recovery = options.dryRun ? 'none' : recoverFileSet(journal, options.fs, ctx.root)
  if (recovered !== 'none')
    mark(`an interrupted restore was ${recovered === 'completed' ? 'completed' : 'undone'}`)

  const found = await lastKnownGood(ctx.root, baseline, options.to)
  const from = found.identity
  const findings: Finding[] = []
  let steps: StepResult[] = []
  let redactions = 0
  let status: RollbackStatus = 'failed'
  let plan: RestorePlan | null = null
  let written: string[] = []
  // why there is no target, when lkg found none (a dry run says it as a drill does)
  let missing: DrillNoTarget | null = null
  // an untested restore a stopped rollback left (BG220) goes back first: this run restores and tests afresh
  const settled = settleUnverified(ctx.root, journal, {
    baseline,
    committed: found.currentBytes,
    dryRun: options.dryRun,
    putBack: () => putBack(ctx.root, journal, setWrites(ctx.root, baseline, found.currentBytes), options.fs),
    mark,
    ...(options.fs ? { fs: options.fs } : {})
  })
  findings.push(...settled.findings)
  const onDisk = settled.assumeCommitted ? found.currentBytes : trioOnDisk(ctx.root, baseline)

  // a trio path that leads out of the repository is never written through
  const escapes = trioWriteEscapes(ctx.root, baseline)

  if (escapes.length > 0) {
    findings.push(...escapes)
  } else if (options.to && options.to === from.release_tag) {
    status = 'already-current'
    mark(`${options.to} is already the current baseline: nothing to restore`)
  } else if (!found.lkg.target || !found.targetBytes) {
    findings.push(finding('BG510', baseline.trio.pin, null, noTargetMessage(found, options.to)))
    missing = whyNoTarget(found, options.to)
  } else {
    const target = found.lkg.target
    mark(
      `last-known-good: ${target.identity.release_tag} at ${target.commit.slice(0, 12)} (${target.date}${found.targetAtCut ? `: ${AT_SHALLOW_CUT}` : ''}), judged by the ${target.profile} rules`
    )
    try {
      plan = planRestore(
        baseline,
        found.current,
        { ...found.targetBytes, commit: target.commit },
        now.toISOString().slice(0, 10)
      )
    } catch (e) {
      if (!(e instanceof RestoreError)) throw e
      findings.push(
        finding('BG510', baseline.trio.matrix, null, `${e.message}: fix the matrix, then run again`)
      )
    }
  }

  let restored: Trio | null = null
  let followUp: Finding[] = []
  let verification: Finding[] = []
  // in a dry run (and a drill) what only the imagined restore causes is no finding: BG310 says the producer is at
  // the release the restore would withdraw, which is true of the restore, not of the repository as it is
  let expected: Finding[] = []
  let producerRelease: string | null = null
  if (plan) {
    restored = restoredTrio(baseline, plan)
    const already = sameTrio(onDisk, plan)
    const edited = !already && !sameTrio(onDisk, found.currentBytes)
    // documentation findings of the restored files (a hand-kept matrix's paths, dates, old rows) are follow-up
    // work: the incident is about the baseline, and they must not keep the last-known-good one from coming back
    const producer = loadProducerFiles(ctx.root, baseline)
    producerRelease = producer.manifest.data?.release_tag ?? null
    // the pin comes back whole: a setting changed since the target (a base URL) goes back with it, said here
    // and in the note rather than first seen on the rollback's pull request (found by review)
    const checked = [
      ...verify(ctx, baseline, restored, producer, now),
      ...settingsChanged(found.current, restored)
    ]
    followUp = sortFindings(checked.filter(isDocumentationFinding))
    verification = checked.filter((f) => !isDocumentationFinding(f))
    if (options.dryRun) {
      expected = verification.filter(onlyFromTheRestore)
      verification = verification.filter((f) => !onlyFromTheRestore(f))
    }
    for (const f of verification) findings.push(f)
    // edits beside an untested restore are BG220's to say: "commit the edits" would commit it (found by review)
    if (edited && settled.findings.length === 0)
      findings.push(await editedTrio(ctx.root, baseline, onDisk, found))
    findings.push(...trioWriteEscapes(ctx.root, baseline))
    let blocked = findings.some((f) => f.severity === 'error')
    if (options.dryRun) {
      status = 'dry-run'
    } else if (!blocked) {
      // one already on disk is written over by nothing, and marked untested all the same
      const restore = { baseline: baseline.name, at: now, suites: options.suites }
      const writes = setWrites(ctx.root, baseline, plan)
      const problem = writeRestore(ctx.root, journal, { ...restore, writes }, options.fs)
      if (problem) {
        // nothing was changed (the set write is all or nothing): a finding, so that the evidence, the note and
        // the incident issue still record the incident (found by review: the action ended as an internal error)
        findings.push(finding('BG527', null, null, problem))
        blocked = true
      } else if (already) {
        mark('the restored trio was already on disk')
      } else {
        written = WRITE_ORDER.map((r) => baseline.trio[r])
        mark(`trio restored to ${restored && identityOf(restored).release_tag} (posture NO-GO)`)
      }
    }
    // nothing written: what only the restore would cause (BG310) is not true of the repository as it is
    if (blocked && !options.dryRun) dropRestoreOnly(findings)
    const skip = options.dryRun
      ? options.drill
        ? DRILL_SUITES_SKIP
        : 'a dry run writes nothing, so there is no restored trio to test'
      : blocked
        ? `${blockedBy(findings)}, so nothing was written`
        : options.suites
          ? null
          : 'on request: --no-suites, or the input suites: false'
    let suites: Awaited<ReturnType<typeof operationSuites>>
    try {
      // what else the working tree holds is tested along with the restored trio: said before a failure is read
      if (skip === null) {
        findings.push(...(await uncommittedBeside(ctx.root, baseline, ctx.evidence.dir)))
        run.suitesRun?.()
      }
      suites = await operationSuites({
        root: ctx.root,
        baseline,
        operation: 'rollback',
        env: ctx.env,
        redactor: options.redactor,
        evidence: ctx.evidence,
        packet: packetName('rollback', baseline.name),
        skip,
        // a drill's report says once what it does not run: no progress line about skipped suites before it
        ...(options.reporter && !options.drill ? { reporter: options.reporter } : {}),
        ...(options.signal ? { signal: options.signal } : {})
      })
    } catch (e) {
      // the run cannot judge the trio it wrote (a Ctrl-C reaches git's processes too, and a failed git read
      // throws): the working tree holds the old trio again, never an unverified one
      if (written.length > 0)
        putBack(ctx.root, journal, setWrites(ctx.root, baseline, found.currentBytes), options.fs)
      throw e
    }
    steps = suites.steps
    redactions = suites.redactions
    // a drill says what it does not run in its own words (BG704 would say it a second time)
    findings.push(...suites.findings.filter((f) => !(options.drill && f.rule === 'BG704')))
    if (!options.dryRun && !blocked) mark(`rollback suites: ${describeSteps(steps)}`)
    // the suites ran the repository's code beside the restored trio (and another run may have written it): a trio
    // on disk that is not the one restored is no rollback (BG528)
    if (plan && !options.dryRun && !blocked)
      findings.push(...restoredTrioChanged(ctx.root, baseline, plan, steps))
    const failed = decideVerdict(findings, steps) === 'FAIL'
    if (!options.dryRun) {
      if (failed && (written.length > 0 || already)) {
        // the working tree holds exactly the old trio again
        putBack(ctx.root, journal, setWrites(ctx.root, baseline, found.currentBytes), options.fs)
        written = []
        dropRestoreOnly(findings)
        mark(
          options.signal?.aborted
            ? 'interrupted while the rollback suites ran: the previous trio was put back'
            : failedOnlyToStart({ findings, steps })
              ? 'a rollback suite step could not start, so the restored trio was not fully tested: the previous trio was put back'
              : 'verification failed: the previous trio was put back'
        )
      }
      status = failed ? (blocked ? 'failed' : 'verification-failed') : 'restored'
      if (status === 'restored') clearUnverified(journal, options.fs)
    }
  }

  let drill: DrillReport | null = null
  if (options.drill) {
    // a drill restores nothing: "not restored" would say an attempt failed; it is a dry run whatever it found
    if (status === 'failed') status = 'dry-run'
    // the whole first-parent history of the pin, as the gate reads it (BG509): which releases it ever held
    const history = found.shallow ? null : await pinHistory(ctx.root, found.head, baseline, found.identity)
    const drilled = drillReport({
      baseline,
      found,
      plan,
      verification,
      expected,
      producerRelease,
      ...(history
        ? {
            pinnedTags: new Set(
              history.pinnedBefore.flatMap((id) => (id.release_tag ? [id.release_tag] : []))
            )
          }
        : {}),
      trigger: options.trigger,
      reason: options.reason,
      to: options.to
    })
    drill = drilled.report
    findings.push(...drilled.findings)
    for (const c of drill.checks)
      // a check not reached says why in its detail ("not reached: ...", "not checked: ...")
      mark(`drill ${c.check}: ${c.ok === null ? '' : c.ok ? 'proven: ' : 'FAILED: '}${c.detail}`)
  }
  const verdict = decideVerdict(findings, steps)
  // the old trio put back because the run was stopped while its suites ran, not because they failed
  const interrupted = status === 'verification-failed' && options.signal?.aborted === true
  // put back because a suite step could not start (a program missing on the runner): no verdict on the target
  const notStarted =
    status === 'verification-failed' && !interrupted && failedOnlyToStart({ findings, steps })
  const active = restored && (status === 'restored' || status === 'dry-run') ? identityOf(restored) : from
  // redacted once here: the note, the packet and what publish sends to GitHub (titles, the commit) all read it
  const incident: IncidentEvidence = redactStrings(ctx, {
    trigger: options.trigger,
    severity: severityOf(options.trigger),
    reason: options.reason,
    posture: 'NO-GO',
    rolled_back_from: from,
    active,
    target_revision: found.lkg.target?.commit ?? null,
    status,
    dry_run: options.dryRun,
    // a drill is no incident: its packet says so, and names no next step of one (found by review: its Markdown
    // read as a SEV-2 incident, next "run the rollback for real")
    ...(options.drill ? { drill: true as const } : {}),
    timeline,
    suites_ran: suitesRan(steps),
    next_milestone: options.drill
      ? { due: null, what: drillNext(findings, verdict) }
      : nextMilestone(
          startedAt,
          status,
          suitesRan(steps),
          options.dryRun,
          interrupted ? 'interrupted' : notStarted ? 'not-started' : null
        ),
    pull_request_url: null,
    incident_issue_url: null,
    target_profile: plan ? (found.lkg.target?.profile ?? null) : null,
    follow_up: followUp
  })

  const published =
    options.publish && !options.dryRun
      ? await publish(
          ctx,
          options.publish,
          { ...baseline, display_name: shownName },
          {
            status,
            verdict,
            plan,
            incident,
            found,
            // the pull request's body is the note: the same warnings and errors, redacted as the packet's are
            warnings: redactFindings(
              ctx,
              findings.filter((f) => f.severity === 'warning')
            ),
            problems: redactFindings(
              ctx,
              findings.filter((f) => f.severity === 'error')
            ),
            interrupted,
            notStarted
          }
        )
      : null
  if (published) {
    incident.pull_request_url = published.pullRequestUrl
    incident.incident_issue_url = published.incidentIssueUrl
    findings.push(...published.problems.map((p) => finding('BG512', null, null, p)))
  }
  const finalFindings = sortFindings(findings)
  const finalVerdict = decideVerdict(finalFindings, steps)
  // the drill's word is the run's: a trio edited on disk (BG511) would stop a real rollback too
  if (drill) drill.verdict = finalVerdict
  mark(`evidence written (verdict ${finalVerdict})`)
  const name = packetName('rollback', baseline.name)
  const trio =
    restored && (status === 'restored' || status === 'dry-run') ? restored : loadTrio(ctx.root, baseline)
  const packet = await baselinePacket(ctx, run, {
    operation: 'rollback',
    baseline: baseline.name,
    startedAt,
    judgedAt: { ...run.instant, at: now },
    trio,
    identity: identityOf(trio),
    posture: postureOf(trio),
    findings: finalFindings,
    steps,
    redactions,
    incident,
    verdict: finalVerdict
  })
  const evidence = writePacket(ctx.evidence, packet, { displayName: shownName })
  // a drill is no incident: no incident note (its events are in the packet's incident.timeline)
  const note = drill
    ? ''
    : renderIncidentNote(incident, {
        displayName: shownName,
        baseline: baseline.name,
        verdict: finalVerdict,
        postureNow: packet.posture,
        problems: packet.findings.filter((f) => f.severity === 'error'),
        interrupted,
        notStarted,
        warnings: packet.findings.filter((f) => f.severity === 'warning')
      })
  if (!drill) ctx.evidence.write(incidentNoteFileName(`${name}.json`), note)
  const rollback: RollbackReport = {
    status,
    dryRun: options.dryRun,
    noTarget: missing,
    restored: status === 'restored',
    interrupted,
    notStarted,
    from,
    fromPosture: postureOf(found.current),
    target: found.lkg.target,
    targetAtCut: found.targetAtCut,
    passedOver: found.lkg.passedOver,
    ledger: plan?.ledger ?? [],
    written,
    recovered,
    followUp,
    note,
    branch: published?.branch ?? null,
    pullRequestUrl: incident.pull_request_url,
    incidentIssueUrl: incident.incident_issue_url,
    ...(drill ? { drill } : {})
  }
  return {
    name: baseline.name,
    identity: identityOf(trio),
    posture: postureOf(trio),
    findings: finalFindings,
    steps,
    verdict: finalVerdict,
    evidence,
    redactions,
    rollback
  }
}

/** A finding only the restore causes: BG310, the producer's tree at the release the restore marks Rolled back. */
const onlyFromTheRestore = (f: Finding): boolean => f.rule === 'BG310'

/** Remove, in place, the findings only the restore causes: the restore was not written, or was put back. */
function dropRestoreOnly(findings: Finding[]): void {
  for (let i = findings.length - 1; i >= 0; i--) if (onlyFromTheRestore(findings[i]!)) findings.splice(i, 1)
}

/** Why a rollback stopped before writing, in words for the skipped suites: the errors that stopped it. */
function blockedBy(findings: Finding[]): string {
  const rules = [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.rule))]
  if (rules.includes('BG511'))
    return 'the trio on disk has edits the checked-out commit does not have (BG511)'
  if (rules.includes('BG110')) return 'a trio file would be written outside the repository (BG110)'
  if (rules.includes('BG527')) return 'the restored trio could not be written (BG527)'
  return `the restored trio fails its checks (${rules.join(', ')})`
}

/** Every health rule on the restored trio, in memory (the probe excepted: the running producer is the withdrawn one). */
function verify(
  ctx: OperationContext,
  baseline: BaselinePolicy,
  trio: Trio,
  producer: ProducerFiles,
  now: Date
): Finding[] {
  return [
    ...trioRules(trio, { baseline, now }),
    ...driftRules(trio, producer, { now }),
    ...adapterFindings(ctx.root, baseline)
  ]
}
