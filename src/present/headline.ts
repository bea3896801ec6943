// The first line of every surface: the verdict and what was judged (the baseline, old -> new for a change,
// the trigger, the posture), in words built from the result alone.
import type { BaselineResult, OperationResult } from '../operations/context.js'
import { plural } from '../text/plural.js'
import { shortCommit } from '../text/short-commit.js'
import type { Identity } from '../trio/model.js'
import { stopsOnOtherFindings } from './drill.js'
import { c } from './inline.js'
import type { Line } from './inline.js'

const short = shortCommit

/** A baseline by its release tag, or its commit, or in words when the pin names neither. */
function label(id: Identity | null | undefined): Line {
  if (id?.release_tag) return [c(id.release_tag)]
  if (id?.commit_sha) return ['commit ', c(short(id.commit_sha))]
  return ['an unknown baseline']
}

/** What one baseline's run judged, without the verdict: "`mk`: `v0.4.0` → `v0.5.0`, breaking change". */
export function subject(b: BaselineResult): Line {
  const name = c(b.name)
  if (b.rollback) {
    const r = b.rollback
    const from = label(r.from)
    const to = label(b.identity)
    if (r.drill) return drillSubject(b)
    switch (r.status) {
      case 'restored':
        return [name, ': ', ...from, ' withdrawn, ', ...to, ' restored']
      case 'dry-run': {
        // a dry run that found errors (a trio edited on disk, the producer's files missing): the rollback would
        // stop on them, which the headline says before it says what the rollback would do
        const errors = b.verdict === 'FAIL' ? b.findings.filter((f) => f.severity === 'error').length : 0
        return [
          name,
          errors > 0 ? ': a rollback now would stop on ' : ': would withdraw ',
          ...(errors > 0
            ? [plural(errors, 'error'), ' (it would withdraw ', ...from, ' and restore ', ...to, ')']
            : [...from, ' and restore ', ...to]),
          r.drill ? ' (rollback drill, nothing written)' : ' (dry run, nothing written)'
        ]
      }
      case 'already-current':
        return [
          name,
          ': ',
          ...from,
          r.dryRun
            ? ' is already the baseline asked for (dry run, nothing written)'
            : ' is already the baseline asked for; nothing changed'
        ]
      case 'verification-failed':
        // the trio on disk (b.identity) is the one put back: the baseline that failed is the target's
        return [
          name,
          ': restoring ',
          ...(r.target ? label(r.target.identity) : to),
          ' in place of ',
          ...from,
          r.interrupted
            ? ' was interrupted; '
            : r.notStarted
              ? ' was not fully tested (a suite step could not start); '
              : ' failed its checks; ',
          ...from,
          ' is back in place'
        ]
      case 'failed':
        return notRestored(b)
    }
  }
  if (b.change) {
    const ch = b.change
    // --base naming the head (the commit checked out, or --head) compares a commit with itself: say so, not "did not
    // change" (not "checked out": with --head it need not be; found by review)
    if (!ch.trio_changed && ch.base === ch.head)
      return [
        name,
        ': nothing to compare, the base and the head are the same commit (',
        c(short(ch.head)),
        ')'
      ]
    if (!ch.trio_changed) {
      // nothing was repinned, yet errors may decide the verdict (a producer file broken, a link): said, so that
      // "did not change" is not read as a pass
      const errors = b.findings.filter((f) => f.severity === 'error').length
      return [
        name,
        ': the trio did not change between ',
        c(short(ch.base)),
        ' and ',
        c(short(ch.head)),
        ...(errors > 0 ? [`, but the change fails on ${plural(errors, 'error')}`] : [])
      ]
    }
    const same =
      b.previous?.release_tag === b.identity.release_tag && b.previous?.commit_sha === b.identity.commit_sha
    if (same)
      return [
        name,
        ' at ',
        ...label(b.identity),
        ': the baseline is unchanged (',
        ch.changed_files.length === 1 ? '1 file' : `${ch.changed_files.length} files`,
        ' of the trio changed)',
        // a change of posture is the change itself, and what the approval rules judge (found by review)
        ...(ch.posture_from !== ch.posture_to ? [', ', ...postureWords(b)] : [])
      ]
    const from = b.previous ? label(b.previous) : [c(short(ch.base))]
    return [
      name,
      ': ',
      ...from,
      ' → ',
      ...label(b.identity),
      `, ${ch.classification === 'none' ? 'no contract' : ch.classification} change${ch.rollback ? ' (a rollback)' : ''}`
    ]
  }
  const id = b.identity
  if (!id.release_tag && !id.commit_sha) return [name, ': no baseline identity (the pin could not be read)']
  return [
    name,
    ' at ',
    ...label(id),
    ...(id.commit_sha && id.release_tag ? [' (commit ', c(short(id.commit_sha)), ')'] : [])
  ]
}

/**
 * A rollback that stopped before writing anything, or a dry run that found it would: why, when it is that there was
 * nothing to restore (a re-run after a committed rollback, a typo in --to), never "did not complete", which reads
 * as a half-done restore.
 */
function notRestored(b: BaselineResult): Line {
  const r = b.rollback!
  const now = label(r.from)
  const why = (): Line => {
    switch (r.noTarget) {
      case 'only-baseline':
        return ['no earlier baseline to restore (', ...now, ' is the only one ever pinned)']
      case 'shallow':
        return ['no earlier baseline found (the clone is shallow)']
      case 'requested':
        return ['the baseline asked for with --to is not restorable (', ...now, ' stays pinned)']
      case 'none-restorable':
        return ['no earlier baseline is restorable (', ...now, ' stays pinned)']
      default:
        return r.dryRun
          ? ['a rollback of ', ...now, ' would not complete']
          : ['the rollback of ', ...now, ' stopped before writing anything']
    }
  }
  return [
    c(b.name),
    r.dryRun ? ': dry run, ' : ': ',
    ...why(),
    r.dryRun ? '; nothing written' : '; nothing changed'
  ]
}

/**
 * A rollback drill's subject (its headline says "rollback drill of"): what a rollback would restore, or why
 * there is nothing it could restore; the pin as it is stays the current one.
 */
function drillSubject(b: BaselineResult): Line {
  const r = b.rollback!
  const d = r.drill!
  const name = c(b.name)
  const now = label(r.from)
  if (r.status === 'already-current') return [name, ': ', ...now, ' is already the baseline asked for']
  if (d.noTarget === 'only-baseline')
    return [name, ': no earlier baseline to restore (', ...now, ' is the only one ever pinned)']
  if (d.noTarget === 'shallow')
    return [name, ': no earlier baseline found (the clone is shallow: its history is not there to search)']
  if (d.noTarget === 'requested')
    return [name, ': the baseline asked for is not restorable (', ...now, ' is pinned)']
  if (d.noTarget) return [name, ': no earlier baseline is restorable (', ...now, ' is pinned)']
  if (!r.target) return [name, ': the restore could not be planned (', ...now, ' is pinned)']
  const to = label(r.target.identity)
  if (d.verdict === 'PASS') return [name, ': ', ...now, ' pinned; a rollback would restore ', ...to]
  return stopsOnOtherFindings(d)
    ? [
        name,
        ': ',
        ...now,
        ' pinned; a rollback would restore ',
        ...to,
        ', but a run now would stop on the errors found'
      ]
    : [
        name,
        ': ',
        ...now,
        ' pinned; the last-known-good is not restorable as recorded (a rollback would restore ',
        ...to,
        ')'
      ]
}

/** "rollback drill" for a drill, else the operation's name. */
export function operationWords(result: OperationResult): string {
  return result.operation === 'rollback' && result.baselines.some((b) => b.rollback?.drill)
    ? 'rollback drill'
    : result.operation
}

/** The posture as the run leaves it: "NO-GO", or "NO-GO → GO" for a change of posture. */
function postureWords(b: BaselineResult): Line {
  const r = b.rollback
  // a dry run (and a drill) leaves the posture as it is: the restore's is what it would become
  if (r?.status === 'dry-run' && r.fromPosture !== undefined) {
    const now = r.fromPosture ? c(r.fromPosture) : 'not recorded'
    if (!r.target || !b.posture) return ['posture ', now]
    return ['posture would become ', c(b.posture), ' (now ', now, ')']
  }
  const ch = b.change
  if (ch?.trio_changed && ch.posture_from !== ch.posture_to)
    return ['posture ', c(ch.posture_from ?? 'not recorded'), ' → ', c(ch.posture_to ?? 'not recorded')]
  return b.posture ? ['posture ', c(b.posture)] : ['posture not recorded']
}

/** The headline without the verdict: the operation and its subject; for several baselines, how many failed. */
export function judged(result: OperationResult): Line {
  const op = operationWords(result)
  if (result.baselines.length === 1) return [`${op} of `, ...subject(result.baselines[0]!)]
  const failed = result.baselines.filter((b) => b.verdict === 'FAIL').length
  return [`${op} of ${result.baselines.length} baselines${failed > 0 ? `, ${failed} failing` : ''}`]
}

/**
 * How a run was started, in words ("schedule"), or as a line of our own whose parts may link (the pull request,
 * linked: GitHub makes no reference of a `#12` in text from a value, which the Markdown escape breaks).
 */
export type Trigger = string | Line

/** The line under the headline: the trigger and, for one baseline, its posture. */
export function context(result: OperationResult, trigger: Trigger | null): Line {
  const parts: Line[] = []
  if (trigger) parts.push(typeof trigger === 'string' ? [trigger] : trigger)
  if (result.baselines.length === 1) parts.push(postureWords(result.baselines[0]!))
  return parts.flatMap((p, i) => (i === 0 ? p : [' · ', ...p]))
}
