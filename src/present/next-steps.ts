// What to do next, in the order a person would do it, decided from the result alone (pure). Every surface
// shows these right under the headline.
import { shownValue } from '../text/shorten.js'
import { couldNotStart } from '../evidence/not-run.js'
import { policyBaselineCount } from '../operations/context.js'
import type { BaselineResult, OperationResult } from '../operations/context.js'
import type { StepResult } from '../rules/verdict.js'
import { RULES_ALREADY_FAIL } from '../operations/suites.js'
import { PREFLIGHT_SUITE } from '../rules/preflight.js'
import { plural } from '../text/plural.js'
import { c, lineToText } from './inline.js'
import type { Line } from './inline.js'
import { drill, FETCH_HISTORY, NONE_RESTORABLE, REQUESTED } from './next-steps-drill.js'
import { scopedTo, severalSteps } from './next-steps-several.js'

const MERGE = 'Merge once the change is reviewed.'

export { drillCommand } from './next-steps-drill.js'

const APPROVAL = new Set(['BG801', 'BG802'])
// the stability window: nothing in the files to fix, a date to wait for (its own next step)
const WAIT = 'BG504'
// a suite step that failed, timed out or could not run: its own next step reads its log (failedSteps)
const STEP_RESULT = new Set(['BG701', 'BG702', 'BG703'])
const notPassed = (s: StepResult): boolean => s.required && s.status !== 'passed' && s.status !== 'skipped'

/** The rule errors a person fixes in files (the suites' and the approval's are told apart). */
function ruleErrors(b: BaselineResult): number {
  return b.findings.filter(
    (f) => f.severity === 'error' && !STEP_RESULT.has(f.rule) && !APPROVAL.has(f.rule) && f.rule !== WAIT
  ).length
}

/** Whether the suites were skipped because the rules had already decided FAIL (a promotion's rules-first gate). */
function suitesSkippedForRules(b: BaselineResult): boolean {
  return b.steps.some((s) => s.status === 'skipped' && s.skip_reason?.startsWith(RULES_ALREADY_FAIL) === true)
}

/** The steps named in a sentence: the first three, and how many more. */
function stepNames(steps: readonly StepResult[]): Line {
  const names = steps.slice(0, 3).flatMap((s, i) => [...(i > 0 ? [', '] : []), c(`${s.suite} › ${s.name}`)])
  return [...names, ...(steps.length > 3 ? [` and ${steps.length - 3} more`] : [])]
}

function failedSteps(b: BaselineResult): Line[] {
  // a run cancelled under its suites (Ctrl-C, a cancelled job): what was stopped says nothing of the change
  if (b.steps.some((s) => s.error === 'aborted'))
    return [
      [
        'The run was cancelled while its suites ran (Ctrl-C, or a cancelled job): the steps it stopped or did not start are no verdict on the change; run it again.'
      ]
    ]
  const out: Line[] = []
  // a step that could not start has no log: what it needs is missing on this machine (found by review)
  const unstarted = b.steps.filter((s) => couldNotStart(s) && s.suite !== PREFLIGHT_SUITE)
  if (unstarted.length > 0)
    out.push([
      `Give this machine what ${unstarted.length === 1 ? 'the step' : `the ${unstarted.length} steps`} that could not start (`,
      ...stepNames(unstarted),
      `) ${unstarted.length === 1 ? 'needs' : 'need'}: BG703 under Findings names the missing program or directory (in a workflow, a setup step before this one), then run again. What ${unstarted.length === 1 ? 'it tests' : 'they test'} was not tested.`
    ])
  // the steps with a log to read: a request never sent has none, and the preflight's failure is told by its
  // finding (BG401, BG402: the producer's last output), not by a log in the evidence
  const failed = b.steps.filter((s) => notPassed(s) && s.status !== 'not-run' && s.suite !== PREFLIGHT_SUITE)
  // the suites that failed are not the change's own: the change cannot fix them by editing its policy (found by
  // review: an adoption pull request's steps failed, and only the notice said to land the policy first)
  if (failed.length > 0 && b.findings.some((f) => f.rule === 'BG706'))
    out.push([
      "The suites that ran are the base revision's, not this change's policy's (",
      c('BG706'),
      '): its notice under Findings says why and how to land a change of them.'
    ])
  if (failed.length > 0)
    out.push([
      `Read the log of the ${plural(failed.length, 'step')} that did not pass (`,
      ...stepNames(failed),
      failed.length === 1
        ? '): its last lines are in this report, the whole log in the evidence.'
        : '): their last lines are in this report, the whole logs in the evidence.'
    ])
  return out
}

/** The options that judged the run at another instant than now (--now, --replay), for a command to run it again. */
function instantOptions(result: Pick<OperationResult, 'judgeAt'>): string {
  const j = result.judgeAt
  if (!j) return ''
  return j.source === 'given' ? ` --now ${j.at.toISOString()}` : ' --replay'
}

function promotion(b: BaselineResult, result: OperationResult): Line[] {
  const ch = b.change
  const base = ch ? ch.base.slice(0, 12) : 'BASE'
  // the same instant as this run: without it, a run today may judge the stability window otherwise
  const local = c(`npx --no baseline-gate promote --base ${base}${instantOptions(result)}`)
  const out: Line[] = []
  if (b.verdict === 'PASS') {
    if (ch && !ch.trio_changed)
      return b.findings.some((f) => f.rule === 'BG518')
        ? [
            [
              "The trio did not change, but the producer's manifest names a new release, so health fails once this is merged (",
              c('BG518'),
              '): repin in this pull request with ',
              c('npx --no baseline-gate repin'),
              ' (the release and its trio in one change), or right after it merges.'
            ]
          ]
        : b.findings.some((f) => f.rule === 'BG607')
          ? [
              [
                'The trio did not change; the change narrows the adapter boundary (',
                c('BG607'),
                "): have the producer's owners review the policy change before it merges."
              ]
            ]
          : [['Nothing to do: the trio did not change, so there is no baseline change to test.']]
    if (b.findings.some((f) => f.rule === 'BG704'))
      // a workflow runs them in a job of their own (actions/promotion/README.md): their check, not this one, says
      // whether they passed. Beside another baseline's failure nothing merges yet (found by review)
      out.push([
        result.baselines.some((x) => x.verdict === 'FAIL')
          ? 'The suites did not run here (asked for no suites): they must pass as well, in a check of their own ('
          : 'The suites did not run here (asked for no suites): merge only once they passed, in a check of their own (',
        c('baseline promotion suites'),
        ' in the example workflow) or locally with ',
        local,
        '.'
      ])
    out.push([MERGE])
    if (b.posture !== 'GO')
      out.push([
        'The runtime cutover posture stays ',
        c(b.posture ?? 'NO-GO'),
        ': GO takes a posture-only change approved by a consumer owner and a producer owner.'
      ])
    return out
  }
  const errors = ruleErrors(b)
  if (errors > 0)
    out.push([
      `Fix the ${plural(errors, 'error')} listed under Findings, then push again; `,
      local,
      ' gives the same verdict locally.'
    ])
  const wait = b.findings.find((f) => f.rule === WAIT)
  if (wait)
    out.push([
      `Wait for the stability window: ${wait.message}. Re-run this check after that instant; the change itself may stay as it is.`
    ])
  if (b.findings.some((f) => f.rule === 'BG801'))
    out.push([
      'Get an approving review from a consumer owner and from a producer owner (the author and bots do not count), then re-run this check.'
    ])
  // run locally (no pull request, no token), the approval cannot be read: the pull request's gate reads it
  if (b.findings.some((f) => f.rule === 'BG802'))
    out.push([
      'The joint approval could not be checked here (',
      c('BG802'),
      ' under Findings says why and whose approval counts): the promotion workflow on the pull request checks it; this FAIL stays until it can.'
    ])
  if (suitesSkippedForRules(b))
    out.push([
      'The suites were skipped because the rules already fail: they run once the rules pass, or now with ',
      c('--suites-anyway'),
      ' (input ',
      c('suites-anyway: true'),
      ').'
    ])
  out.push(...failedSteps(b))
  return out
}

/** A health PASS with warnings: what they ask, never "nothing to do" above a warning. */
function healthWarnings(b: BaselineResult): Line[] {
  const out: Line[] = []
  // after a rollback: the producer's code is still the release the incident withdrew
  if (b.findings.some((f) => f.rule === 'BG310'))
    out.push([
      "The producer's tree is still at a release the ledger records as rolled back (",
      c('BG310'),
      '): the trio keeps the restored baseline until a fixed producer release is promoted with ',
      c('npx --no baseline-gate repin'),
      '.'
    ])
  const others = b.findings.filter((f) => f.severity === 'warning' && f.rule !== 'BG310').length
  if (others > 0)
    out.push([
      `Read the ${plural(others, b.findings.some((f) => f.rule === 'BG310') ? 'other warning' : 'warning')} under Findings: none fails the verdict, each says what to change.`
    ])
  if (b.findings.some((f) => f.rule === 'BG407'))
    out.push([
      'The running producer was not probed: ',
      c('npx --no baseline-gate health'),
      ' without ',
      c('--no-probe'),
      ' checks it too.'
    ])
  return out
}

function health(b: BaselineResult): Line[] {
  if (b.verdict === 'PASS' && b.findings.some((f) => f.severity === 'warning')) return healthWarnings(b)
  if (b.verdict === 'PASS')
    return b.findings.some((f) => f.rule === 'BG407')
      ? [
          [
            "Nothing to fix: the trio, the producer's published files and the rules agree. The running producer was not probed: ",
            c('npx --no baseline-gate health'),
            ' without ',
            c('--no-probe'),
            ' checks it too.'
          ]
        ]
      : [['Nothing to do: the trio, the producer and the rules agree.']]
  const out: Line[] = []
  // a pin without a posture was written before adoption: the format comes first, and a rollback would not fix it
  const preAdoption = b.posture === null && b.identity.release_tag !== null
  if (preAdoption)
    out.push([
      'The trio is in the format written before adoption: ',
      c('npx --no baseline-gate migrate --dry-run'),
      ' shows the rewrite, ',
      c('npx --no baseline-gate migrate'),
      ' writes it; commit it in one pull request (',
      c('docs/adopting.md'),
      ' in baseline-gate).'
    ])
  const errors = ruleErrors(b)
  if (errors > 0)
    out.push(
      preAdoption
        ? ['Then fix the errors ', c('npx --no baseline-gate health'), ' still finds after the migration.']
        : [
            `Fix the ${plural(errors, 'error')} listed under Findings; `,
            c('npx --no baseline-gate health'),
            ' gives the same verdict locally.'
          ]
    )
  if (b.findings.some((f) => f.severity === 'error' && f.rule.startsWith('BG3')))
    out.push([
      'If the producer moved on to a new release, ',
      c('npx --no baseline-gate repin'),
      ' updates the trio for one pull request.'
    ])
  const steps = failedSteps(b)
  // a producer that did not start or answer here (a missing toolchain, a build that failed, a cold build slower
  // than the ready timeout) says nothing of production: the way on is to start it, or to judge the files alone,
  // not a rollback (found by review: BG402 advised one)
  const errorRules = [...new Set(b.findings.filter((f) => f.severity === 'error').map((f) => f.rule))]
  // a process the producer left running (BG410) is about its start command here too, not production
  const notStarted = errorRules.filter((r) => r === 'BG401' || r === 'BG402')
  if (errorRules.length > 0 && errorRules.every((r) => r === 'BG401' || r === 'BG402' || r === 'BG410'))
    return [
      ...out,
      ...(notStarted.length > 0
        ? [
            [
              'The producer did not start or answer here (',
              c(notStarted.join(', ')),
              ' says why: its command, its toolchain, its build, or a ready timeout shorter than its start, ',
              c('producer.probe.ready_timeout_s'),
              ' in the policy); once it answers, run health again, or ',
              c('npx --no baseline-gate health --no-probe'),
              ' judges the files without the running producer.'
            ]
          ]
        : []),
      ...(errorRules.includes('BG410')
        ? [
            [
              'A process the producer started outlived it (',
              c('BG410'),
              '): find it with ',
              c('ps'),
              ' and stop it, and change ',
              c('producer.start.run'),
              ' so that nothing it starts outlives the producer.'
            ]
          ]
        : [])
    ]
  // the last resort comes last: fixing the findings or the failed steps comes first; before adoption the errors
  // are the format's, which a rollback does not change
  if (preAdoption) return [...out, ...steps]
  // the runbook's trigger: the running producer answering wrong is a preflight failure (SEV-1), the rest drift
  const trigger = errorRules.some((r) => r.startsWith('BG4')) ? 'preflight-failure' : 'contract-drift'
  return [
    ...out,
    ...steps,
    [
      'If the pinned baseline is broken in production, roll back to the last-known-good one: ',
      c(`npx --no baseline-gate rollback --trigger ${trigger} --reason "<why, in a sentence>"`),
      " (baseline-gate's runbook, docs/runbook.md, says when)."
    ]
  ]
}

/** @param scoped the policy has other baselines: a command to repeat names this one */
function rollback(b: BaselineResult, scoped = false): Line[] {
  const r = b.rollback
  if (!r) return []
  if (r.drill) return drill(b)
  const out: Line[] = []
  const review: Line = r.pullRequestUrl
    ? [
        'Review and merge the rollback pull request: ',
        { link: r.pullRequestUrl, text: r.pullRequestUrl },
        '.'
      ]
    : r.branch
      ? // the restored trio is committed there already: only the pull request is missing
        [
          'Open one pull request from the branch ',
          c(r.branch),
          ' (it holds the restored trio; this run could not open one).'
        ]
      : ['Commit the restored trio and open one pull request with it (this run opened none).']
  switch (r.status) {
    case 'restored':
      out.push(review)
      if (!b.steps.some((s) => s.status !== 'skipped' && s.status !== 'not-run'))
        out.push([
          'Run the suites on the restored baseline (this run skipped them, and the re-pin confirmation needs them): once the restored trio is committed, ',
          c('npx --no baseline-gate promote --base HEAD~1'),
          " runs them on it, as the rollback pull request's promotion gate does."
        ])
      break
    case 'dry-run':
      // a dry run with errors (a trio edited on disk, BG511) found what would stop the rollback: that comes first
      if (b.findings.some((f) => f.severity === 'error'))
        out.push([
          'Fix what the errors among the findings say, then run the dry run again: a rollback run now would stop on them.'
        ])
      else
        // the trio this dry run names: the last-known-good, or the one --to asked for (found by review: it said the
        // last-known-good after a --to)
        out.push([
          'Run the rollback for real (the same command without ',
          c('--dry-run'),
          // one incident's: with other baselines in the policy, the command names this one (found by review)
          ...(scoped ? [', with ', c(`--baseline ${b.name}`)] : []),
          `) to restore ${b.rollback?.target ? `the ${shownValue(b.rollback.target.identity.release_tag ?? '?')} trio` : 'the trio'} this dry run names.`
        ])
      break
    case 'already-current':
      // only --to reaches this: the tag asked for is the one pinned now, which says nothing of the last-known-good
      out.push([
        'Nothing was restored: ',
        c('--to'),
        ' names the baseline pinned now. To roll back, leave out ',
        c('--to'),
        ' for the last-known-good (',
        c('npx --no baseline-gate lkg'),
        ' names it), or name an older baseline.'
      ])
      break
    case 'verification-failed':
      out.push(
        r.interrupted
          ? [
              'The rollback was interrupted while its suites ran and the previous trio was put back: run it again to roll back.'
            ]
          : r.notStarted
            ? [
                'A rollback suite step could not start (BG703 under Findings says which program or directory is missing), so the restored trio was not fully tested and the previous trio was put back: this says nothing of the restored baseline. Give the runner what the step needs, then run the rollback again.'
              ]
            : [
                'The restored trio failed its checks: read the findings and logs below; the incident stays open until a baseline passes.'
              ]
      )
      break
    case 'failed':
      if (r.dryRun) return notRestored(b)
      out.push(...notRestored(b))
      break
  }
  if (r.status === 'restored' || (r.status === 'verification-failed' && !r.interrupted && !r.notStarted))
    out.push(...failedSteps(b))
  // nothing rolled back (already current): no posture to keep for a rollback that did not happen
  if (r.status === 'already-current') return out
  // a rollback that stopped, or whose restore failed and was put back, changed nothing: the pin's posture is
  // what it was, GO included, and "keep NO-GO" would describe a state nobody is in
  if (!r.dryRun && (r.status === 'failed' || r.status === 'verification-failed')) {
    const posture = r.fromPosture ?? b.posture
    out.push([
      'Nothing was rolled back: the pin still holds ',
      c(r.from.release_tag ?? 'the same baseline'),
      ...(posture ? [' at posture ', c(posture)] : []),
      '.'
    ])
    return out
  }
  out.push(
    r.dryRun
      ? [
          'After the rollback itself, keep the runtime cutover posture ',
          c('NO-GO'),
          ' until the consumer and producer owners both approve.'
        ]
      : [
          'Keep the runtime cutover posture ',
          c('NO-GO'),
          ' until the consumer and producer owners both approve; the incident note gives the next milestone and when it is due.'
        ]
  )
  return out
}

/**
 * A rollback that stopped before writing, or a dry run that found it would: what to do first, by why it stopped,
 * then run it again (the dry run, or the rollback).
 */
function notRestored(b: BaselineResult): Line[] {
  const r = b.rollback!
  const again: Line = [r.dryRun ? 'Then run the dry run again.' : 'Then run the rollback again.']
  switch (r.noTarget) {
    case 'only-baseline':
      return [
        [
          'Nothing to roll back to: ',
          c(r.from.release_tag ?? 'the current baseline'),
          ' is the only baseline ever pinned on this branch; a rollback becomes possible after the next promotion.'
        ]
      ]
    case 'shallow':
      return [FETCH_HISTORY, again]
    case 'requested':
      return [REQUESTED, again]
    case 'none-restorable':
      return [NONE_RESTORABLE, again]
    default:
      return [
        [
          r.dryRun
            ? 'A rollback would not complete: fix the problem under Findings, then run the dry run again.'
            : 'Fix what the errors under Findings say (nothing was written), then run the rollback again.'
        ]
      ]
  }
}

export function nextSteps(result: OperationResult): Line[] {
  const failing = result.baselines.some((b) => b.verdict === 'FAIL')
  // a run of some of the policy's baselines (--baseline, a job per baseline): its commands name theirs, or they would
  // act on every baseline (found by review: a rollback printed for one baseline rolled back two)
  const total = policyBaselineCount(result)
  const per = result.baselines.map((b) => {
    let lines =
      result.operation === 'promotion'
        ? promotion(b, result)
        : result.operation === 'rollback'
          ? rollback(b, total > 1)
          : health(b)
    // one pull request for all: none of it merges while another baseline fails (found by review)
    if (result.operation === 'promotion' && failing) lines = lines.filter((l) => lineToText(l) !== MERGE)
    return {
      name: b.name,
      lines,
      clear: b.verdict === 'PASS' && lines.every(allClear),
      failed: b.verdict === 'FAIL'
    }
  })
  if (per.length > 1) return severalSteps(per, total)
  // one baseline: a step said twice is said once
  const seen = new Set<string>()
  const one = per[0]
  const lines = (one?.lines ?? []).map((l) => (total > 1 ? scopedTo(l, one!.name) : l))
  return lines.filter((line) => {
    const key = lineToText(line)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** A step that says there is nothing to do (a "Nothing to fix" that asks for a probe is a step). */
function allClear(line: Line): boolean {
  return /^Nothing to do\b/.test(lineToText(line))
}
