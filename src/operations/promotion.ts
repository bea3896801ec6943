// promotion: the gate on a change of the baseline (DESIGN.md §1). The trio at BASE and at HEAD comes straight
// from git (no checkout); when it did not change the gate says so and passes at once, unless the change breaks the
// producer's published files against the pin (producer-moved.ts: BG518 for a release). When it did: every trio
// and drift rule on the HEAD trio, the change classification (5xx), the joint approval of a NO-GO -> GO
// change (8xx, owners from the BASE policy so the pull request cannot choose its own approvers), the full
// suites with their redacted logs (7xx), and the evidence packet. The rules are judged first: when their errors
// already decide FAIL, minutes of suites could not change the verdict, so they are skipped (and recorded so)
// unless asked for anyway.
import { approvedSince } from '../classify/approved-since.js'
import { classifyChange } from '../classify/change.js'
import type { ChangeReport } from '../classify/change.js'
import { inheritedDocumentation } from '../classify/profile.js'
import { approvedBeforeAdoption } from '../classify/restorable.js'
import { packetName } from '../evidence/packet.js'
import type { ChangeEvidence } from '../evidence/packet.js'
import { sha256 } from '../fs/digest.js'
import { readRepoFile } from '../fs/read.js'
import {
  headCommit,
  isAncestorCommit,
  isShallow,
  mergeBaseCommit,
  resolveCommit,
  RevisionError
} from '../git/git.js'
import { fileHistory } from '../git/history.js'
import type { JointApproval, Result } from '../github/client.js'
import type { BaselinePolicy } from '../policy/types.js'
import type { Redactor } from '../redact/redactor.js'
import { approvalRules, needsJointApproval } from '../rules/approval.js'
import { driftRules } from '../rules/drift.js'
import { finding, sortFindings } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'
import { trioRules } from '../rules/index.js'
import { decideVerdict } from '../rules/verdict.js'
import type { StepResult } from '../rules/verdict.js'
import { locate } from '../document/json-document.js'
import { identityOf, pinFacts, postureOf } from '../trio/identity.js'
import { committedBytes, producerFilesFromBytes, trioFromBytes } from '../trio/load.js'
import type { Committed } from '../trio/load.js'
import { intermediateTrio } from './intermediate-trio.js'
import { TRIO_ROLES } from '../trio/model.js'
import type { Identity, TrioRole } from '../trio/model.js'
import type { BaselineResult, OperationContext, OperationResult } from './context.js'
import { changedEntries } from '../git/changed-paths.js'
import { boundaryChanges } from './adapter-change.js'
import { afterMerge } from './after-merge.js'
import { checkoutConversions, linkedTrio, readBlobs } from './change-reads.js'
import { operationResult } from './outcome.js'
import { producerMoved } from './producer-moved.js'
import { baselinePacket, startSuiteRun, writePacket } from './packet.js'
import { sameBytes } from './trio-files.js'
import type { RunFacts } from './packet.js'
import {
  adoptionNote,
  definitionNotes,
  movedFiles,
  movedGoverned,
  policyAtBase,
  unreadableAtBase,
  undefinedAtBase
} from './policy-at-base.js'
import { redactStrings } from './redact-findings.js'
import { jointApproval } from './reviews.js'
import type { ReviewSource } from './reviews.js'
import type { BaseDefinition, PolicyAtBase } from './policy-at-base.js'
import { operationSuites } from './suites.js'
import type { SuiteReporter, SuiteSkip } from './suites.js'
import { plural } from '../text/plural.js'

export interface PromotionOptions {
  baselines: BaselinePolicy[]
  /** A revision: the state before the change (the pull request's base). */
  base: string
  /** A revision: the change (default HEAD). */
  head: string
  /**
   * Judge from the merge base when `base` is not an ancestor of `head` (a branch its base has moved on from), as a
   * pull request's diff shows the change: the command line's `--base main` on such a branch would otherwise judge
   * main's own later changes as undone by the branch (BG711).
   */
  fromMergeBase?: boolean
  /** Run the suites (false: the verdict covers the rules only, and says so). */
  suites: boolean
  /** Run the suites even when the rules already decide FAIL (default: skip them then). */
  suitesAnyway?: boolean
  redactor: Redactor
  review: ReviewSource
  reporter?: PromotionReporter
  signal?: AbortSignal
}

/** What a changed trio's gate judges, told before its rules and suites run. */
export interface Judging {
  baseline: string
  base: string
  head: string
  /** The release tags before and after (null: the pin does not say). */
  from: string | null
  to: string | null
  changedFiles: string[]
}

export interface PromotionReporter extends SuiteReporter {
  judging?(what: Judging): void
}

export async function runPromotion(
  ctx: OperationContext,
  options: PromotionOptions
): Promise<OperationResult> {
  let base = await resolveCommit(ctx.root, options.base)
  if (!base) throw new RevisionError(`--base ${options.base} names no commit in ${ctx.root}`)
  const head = await resolveCommit(ctx.root, options.head)
  if (!head) throw new RevisionError(`--head ${options.head} names no commit in ${ctx.root}`)
  const fork = options.fromMergeBase ? await forkPoint(ctx.root, options.base, base, head) : null
  if (fork) base = fork.commit
  // a replay judges at the head commit's date, so it gives the verdict the change had then
  const run = await startSuiteRun(ctx, head)
  const atBase = await policyAtBase(ctx.root, ctx.policy, { base, head }, ctx.rootFrom)
  // every baseline is read from git and judged before any suite runs: a suite runs the pull request's code, which
  // could change what git shows afterwards (a replace ref, the repository's config) for the baselines after it
  // the adapter boundary is the base's too, for every baseline whichever the run judges (BG606 to BG608)
  const boundaries = await boundaryChanges(ctx.root, {
    head: ctx.policy.baselines,
    atBase: (b) => {
      const d = atBase.definitionOf(b)
      return d.kind === 'base' ? d.baseline : null
    },
    removed: atBase.removed,
    headCommit: head,
    changed: await changedEntries(ctx.root, base, head),
    approval: (owners) => jointApproval(options.review, owners)
  })
  const judging = new Set(options.baselines.map((b) => b.name))
  const unjudged = [...boundaries.byBaseline].flatMap(([name, f]) => (judging.has(name) ? [] : f))
  const judged: (() => Promise<BaselineResult>)[] = []
  for (const [i, baseline] of options.baselines.entries()) {
    // a renamed or removed baseline of the base is no baseline of this run's: its BG708 is told once, on the first;
    // so is the fork point the run judges from (BG711), and the boundary of a baseline the run does not judge
    const carried = [
      ...(i === 0
        ? [...(fork ? [fork.note] : []), ...atBase.removedWithTrioChanged, ...boundaries.removed, ...unjudged]
        : []),
      ...(boundaries.byBaseline.get(baseline.name) ?? [])
    ]
    judged.push(await promoteBaseline(ctx, options, baseline, atBase, carried, { base, head }, run))
  }
  const results: BaselineResult[] = []
  for (const finish of judged) results.push(await finish())
  return operationResult(ctx, 'promotion', results, run.instant)
}

/**
 * Where a branch left `base` when `base` has moved on since (not an ancestor of `head`), with the BG711 notice
 * that says so; null when `base` is an ancestor (nothing to say).
 */
async function forkPoint(
  root: string,
  named: string,
  base: string,
  head: string
): Promise<{ commit: string; note: Finding } | null> {
  if ((await isAncestorCommit(root, base, head)) !== false) return null
  const commit = await mergeBaseCommit(root, base, head)
  if (!commit)
    throw new RevisionError(
      `--base ${named} (${base.slice(0, 12)}) and --head (${head.slice(0, 12)}) share no history: name the branch the change is made on`
    )
  const note = finding(
    'BG711',
    null,
    null,
    `${named} (${base.slice(0, 12)}) has moved on since this branch left it at ${commit.slice(0, 12)}: the change is judged from there, as the pull request's diff shows it. On GitHub the gate judges the branch merged into ${named}; merge ${named} into the branch (or rebase it) to judge exactly that here`
  )
  return { commit, note }
}

async function promoteBaseline(
  ctx: OperationContext,
  options: PromotionOptions,
  inTree: BaselinePolicy,
  atBase: PolicyAtBase,
  carried: Finding[],
  revs: { base: string; head: string },
  run: RunFacts
): Promise<() => Promise<BaselineResult>> {
  const startedAt = ctx.clock()
  const now = run.instant.at
  // the baseline as the base revision's policy defines it (the working tree's where there is none to use)
  const definition = atBase.definitionOf(inTree)
  const own = definition.kind === 'none' || definition.kind === 'unreadable'
  const baseline = own ? inTree : definition.baseline
  const gate = own ? definition.why : definition.baseline
  const blobs = await readBlobs(ctx.root, revs, baseline)
  // a change whose policy moves a governed file: the move fails (BG710)
  const moving = definition.kind === 'base' && movedFiles(inTree, baseline).length > 0
  const changed = TRIO_ROLES.filter((r) => !sameBytes(blobs.base[r], blobs.head[r]))
  const headTrio = trioFromBytes(baseline, blobs.head)
  // what git holds of the files that health will read otherwise: a link, a checkout conversion
  const asCheckedOut = [
    ...linkedTrio(baseline, blobs.links, changed.length > 0),
    ...(await checkoutConversions(ctx.root, revs, baseline))
  ]

  const findings: Finding[] = [
    ...carried,
    ...asCheckedOut,
    // whatever the change does to the trio as a whole: its commits may set it to something else on the way
    ...(await intermediateTrio(ctx.root, revs, baseline)),
    ...(definition.kind === 'base' ? definitionNotes(inTree, baseline) : []),
    ...(moving ? movedGoverned(inTree, baseline) : []),
    ...(definition.kind === 'unreadable' ? [unreadableAtBase(definition.why, definition.todo)] : []),
    ...(definition.kind === 'adoption' ? [adoptionNote(definition.why)] : [])
  ]
  // the files the change's policy moves the baseline to: what health will judge there once it is merged
  if (moving) {
    const there = await readBlobs(ctx.root, revs, inTree)
    findings.push(...afterMerge(inTree, baseline, { trio: there.head, producer: there.producer }, now))
  }
  let steps: StepResult[] = []
  // the suites to run once every baseline is judged (null: the trio did not change, nothing to test)
  let ruleErrors: number | null = null
  let report: ChangeReport | null = null
  let approval: ChangeEvidence['approval'] = null
  let redactions = 0
  // the baseline the base revision pinned (the "old" of old -> new): the same bytes when the trio did not change
  let previous: Identity | null = committedBytes(blobs.base.pin) === null ? null : identityOf(headTrio)
  if (changed.length > 0) {
    const baseTrio = trioFromBytes(baseline, blobs.base)
    if (previous) previous = identityOf(baseTrio)
    options.reporter?.judging?.(
      redactStrings(ctx, {
        baseline: baseline.name,
        base: revs.base,
        head: revs.head,
        from: previous?.release_tag ?? null,
        to: identityOf(headTrio).release_tag,
        changedFiles: changed.map((r) => baseline.trio[r])
      })
    )
    const shallow = await isShallow(ctx.root)
    report = classifyChange({
      base: baseTrio,
      head: headTrio,
      changed,
      now,
      ...(shallow
        ? { baseApprovedAt: null, pinnedBefore: null }
        : await pinHistory(ctx.root, revs.base, baseline, identityOf(baseTrio)))
    })
    if (definition.kind === 'none') findings.push(undefinedAtBase(definition.why, baseline.trio[changed[0]!]))
    findings.push(
      ...(report.rollback
        ? inheritedDocumentation(
            trioRules(headTrio, { baseline, now }),
            trioRules(baseTrio, { baseline, now }),
            { base: baseTrio, head: headTrio }
          )
        : trioRules(headTrio, { baseline, now })),
      ...driftRules(headTrio, producerFilesFromBytes(baseline, blobs.producer), {
        now,
        mayBeRestored: !report.identityChanged || report.rollback
      }),
      ...report.findings
    )
    if (shallow && report.identityChanged && !report.rollback) {
      findings.push(
        finding(
          'BG507',
          null,
          null,
          'this clone is shallow, so the approval date of the baseline being replaced (and its stability window) cannot be read from history: check out with fetch-depth: 0'
        )
      )
    }
    if (needsJointApproval(report.posture)) {
      const owners = typeof gate === 'string' ? gate : gate.owners
      const reviewed = await jointApproval(options.review, owners)
      approval = approvalEvidence(reviewed)
      findings.push(
        ...approvalRules({
          posture: report.posture,
          pinPath: baseline.trio.pin,
          at: headTrio.pin.doc ? locate(headTrio.pin.doc, '/runtime_cutover_posture') : null,
          approval: reviewed,
          ...(typeof owners === 'string' ? {} : { owners })
        })
      )
    }
    findings.push(...suitesNotes(inTree, baseline, definition))
    ruleErrors = findings.filter((f) => f.severity === 'error').length
  } else {
    // no baseline changed; the producer's published files may no longer agree with the pin all the same
    findings.push(
      ...producerMoved(baseline, headTrio, { base: blobs.producerBase, head: blobs.producer }, now)
    )
  }

  return async () => {
    if (ruleErrors !== null) {
      const suites = await suitesOf(ctx, options, baseline, revs.head, blobs.head, ruleErrors, run)
      steps = suites.steps
      redactions = suites.redactions
      findings.push(...suites.findings)
    }
    const sorted = sortFindings(findings)
    const verdict = decideVerdict(sorted, steps)
    const identity = identityOf(headTrio)
    const posture = postureOf(headTrio)
    const change: ChangeEvidence = {
      base: revs.base,
      head: revs.head,
      trio_changed: changed.length > 0,
      changed_files: changed.map((r) => baseline.trio[r]),
      classification: report?.classification ?? 'none',
      rollback: report?.rollback ?? false,
      codes_added: report?.codes.added ?? [],
      codes_removed: report?.codes.removed ?? [],
      // a posture the base did not have is null, not the head's (absent -> GO is a change that needs approval)
      posture_from: report ? report.posture.from : posture,
      posture_to: report ? report.posture.to : posture,
      approval
    }
    const packet = await baselinePacket(ctx, run, {
      operation: 'promotion',
      baseline: baseline.name,
      judgedBy: definition.kind === 'base' ? { revision: revs.base, policy: definition.policy } : null,
      startedAt,
      judgedAt: run.instant,
      trio: headTrio,
      identity,
      posture,
      findings: sorted,
      steps,
      change,
      redactions,
      verdict
    })
    const evidence = writePacket(ctx.evidence, packet)
    return {
      name: baseline.name,
      identity,
      posture,
      findings: sorted,
      steps,
      verdict,
      evidence,
      change,
      previous,
      redactions
    }
  }
}

/**
 * Say when the suites that ran are not the ones the working tree's policy lists: they are the base revision's,
 * so that a pull request cannot switch its own checks off (where the base defines none, BG708 says why).
 */
function suitesNotes(inTree: BaselinePolicy, judged: BaselinePolicy, definition: BaseDefinition): Finding[] {
  if (definition.kind !== 'base' || JSON.stringify(judged.suites) === JSON.stringify(inTree.suites)) return []
  // the base has no policy file and every file the defaults name: the defaults govern it, their suites with them,
  // which a repository adopting the tool at the defaults' paths may not have (found by review: its one adoption
  // pull request failed on `npm run` scripts it never had, and nothing said why or what to do)
  const message =
    definition.policy.source === 'defaults'
      ? `the base revision has no policy file, and every file the built-in defaults name is there, so the defaults govern it: the gate's suites are theirs (${suiteNames(judged)}), not those of the policy this change brings. Land the policy on its own first (a pull request that changes no trio file), then the trio, or give the repository the scripts the defaults run`
      : // said whether or not the suites ran (the rules may have failed first: BG704); found by review: "ran" then
        "this change edits the policy's suites, and the gate runs those of the base revision: the edit applies once it is merged. Where this change needs the new suites, land the policy's edit on its own first (a pull request that changes no trio file), then this one"
  return [finding('BG706', null, null, message)]
}

/** The steps of a baseline's promotion suites, by name. */
function suiteNames(baseline: BaselinePolicy): string {
  const names = [...baseline.suites.consumer, ...baseline.suites.producer]
    .filter((s) => s.operations.includes('promotion'))
    .map((s) => s.name)
  return names.length > 0 ? names.join(', ') : 'none'
}

function approvalEvidence(reviewed: Result<JointApproval> | string): ChangeEvidence['approval'] {
  if (typeof reviewed === 'string' || !reviewed.ok) {
    const problem = typeof reviewed === 'string' ? reviewed : reviewed.message
    return { approved: false, consumer: [], producer: [], head_sha: null, problem }
  }
  const a = reviewed.value
  return {
    approved: a.approved,
    consumer: a.consumer,
    producer: a.producer,
    head_sha: a.headSha,
    problem: null
  }
}

/** From the pin's history at BASE: when its baseline was approved, and every identity the pin ever held. */
export async function pinHistory(
  root: string,
  base: string,
  baseline: BaselinePolicy,
  identity: Identity
): Promise<{ baseApprovedAt: Date | null; pinnedBefore: Identity[]; approvedBeforeAdoption: Identity[] }> {
  // dated by when each pin reached the base branch: a pull request's own commit carries whatever date its author
  // set, and an old one would open the stability window at once (BG504)
  const history = await fileHistory(root, base, baseline.trio.pin, {
    firstParent: true,
    keep: (bytes) => (bytes ? pinFacts(bytes) : null)
  })
  const baseApprovedAt = approvedSince(
    history,
    (rev) =>
      rev.content?.identity.release_tag === identity.release_tag &&
      rev.content?.identity.commit_sha === identity.commit_sha
  )
  const facts = history.flatMap((rev) => (rev.content ? [rev.content] : []))
  return {
    baseApprovedAt,
    pinnedBefore: facts.map((f) => f.identity),
    approvedBeforeAdoption: approvedBeforeAdoption(facts)
  }
}

/** Why the suites are not run: not asked for, or the rules' errors already decide FAIL; null: run them. */
function suitesSkip(options: PromotionOptions, ruleErrors: number): SuiteSkip | null {
  if (!options.suites) return { reason: 'on request: --no-suites, or the input suites: false' }
  if (ruleErrors > 0 && options.suitesAnyway !== true)
    return { reason: `the rules already decide FAIL (${plural(ruleErrors, 'error')})`, ruleErrors }
  return null
}

/**
 * The suites run on the files on disk, the rules on HEAD from git: they must be the same files, or the
 * suites would prove something about another revision (BG506, and the steps do not run).
 */
async function suitesOf(
  ctx: OperationContext,
  options: PromotionOptions,
  baseline: BaselinePolicy,
  head: string,
  headTrio: Record<TrioRole, Committed>,
  ruleErrors: number,
  run: RunFacts
): Promise<{ steps: StepResult[]; redactions: number; findings: Finding[] }> {
  const skip = suitesSkip(options, ruleErrors)
  const mismatch = skip ? null : await checkoutMismatch(ctx.root, baseline, head, headTrio)
  if (!skip && !mismatch) run.suitesRun?.()
  return operationSuites({
    root: ctx.root,
    baseline,
    operation: 'promotion',
    env: ctx.env,
    redactor: options.redactor,
    evidence: ctx.evidence,
    packet: packetName('promotion', baseline.name),
    skip,
    blocked: mismatch ? finding('BG506', mismatch.file, null, mismatch.message) : null,
    ...(options.reporter ? { reporter: options.reporter } : {}),
    ...(options.signal ? { signal: options.signal } : {})
  })
}

async function checkoutMismatch(
  root: string,
  baseline: BaselinePolicy,
  head: string,
  headTrio: Record<TrioRole, Committed>
): Promise<{ file: string | null; message: string } | null> {
  const checkedOut = await headCommit(root)
  if (checkedOut !== head) {
    return {
      file: null,
      message: `the head revision ${head.slice(0, 12)} is not the checked-out commit ${checkedOut?.slice(0, 12) ?? '(none)'}, and the suites run on the checkout: check out the head revision, or run without the suites`
    }
  }
  for (const role of TRIO_ROLES) {
    const path = baseline.trio[role]
    const read = readRepoFile(root, path)
    const disk = read.kind === 'ok' ? read.bytes : null
    const committed = committedBytes(headTrio[role])
    if (
      (disk === null) !== (committed === null) ||
      (disk && committed && sha256(disk) !== sha256(committed))
    ) {
      return {
        file: path,
        message: `${path} on disk differs from the head revision ${head.slice(0, 12)}; the suites would test uncommitted changes: commit them (or stash them) first`
      }
    }
  }
  return null
}
