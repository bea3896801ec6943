// What to do after a rollback drill (pure): the drill's own next steps, the command that runs it again, and the
// lines a rollback that found nothing to restore shares with it.
import type { BaselineResult } from '../operations/context.js'
import { plural } from '../text/plural.js'
import { c } from './inline.js'
import type { Line } from './inline.js'

export const FETCH_HISTORY: Line = [
  'Check out the full history (actions/checkout with ',
  c('fetch-depth: 0'),
  '; locally ',
  c('git fetch --unshallow'),
  '): the last-known-good trio is read from it.'
]
export const REQUESTED: Line = [
  'The baseline asked for with ',
  c('--to'),
  ' cannot be restored: ',
  c('BG510'),
  ' under Findings says why; name another baseline, or leave out ',
  c('--to'),
  ' for the last-known-good.'
]
export const NONE_RESTORABLE: Line = [
  'No earlier revision of the trio is restorable: ',
  c('BG510'),
  ' under Findings lists each revision passed over and why; fix or restore one of them.'
]

/** A word of a command to copy: as it is, double-quoted, or single-quoted when it holds what a shell expands. */
function shellWord(w: string): string {
  if (/^[A-Za-z0-9_./:=@%+-]+$/.test(w)) return w
  return /["$`\\!]/.test(w) ? `'${w.replace(/'/g, `'\\''`)}'` : `"${w}"`
}

/**
 * The command that runs a baseline's drill again, with the trigger and the reason it ran with. `npx --no`: the
 * package is not on a registry, so only the checkout's own install may run (never a download of that name).
 */
export function drillCommand(b: BaselineResult): string {
  const d = b.rollback?.drill
  return [
    'npx --no baseline-gate rollback --drill --baseline',
    shellWord(b.name),
    '--trigger',
    shellWord(d?.trigger ?? 'contract-drift'),
    '--reason',
    shellWord(d?.reason || 'rollback drill')
  ].join(' ')
}

/** A rollback drill is no incident: what to fix, from the codes found, so that a rollback would restore what the ledger records. */
export function drill(b: BaselineResult): Line[] {
  const d = b.rollback!.drill!
  const r = b.rollback!
  const again = c(drillCommand(b))
  const has = (rule: string) => b.findings.some((f) => f.rule === rule && f.severity === 'error')
  const restores = c(r.target?.identity.release_tag ?? b.identity.release_tag ?? '?')
  // a shallow clone proved the target, not the whole history: never "nothing to do" (found by review)
  if (b.verdict === 'PASS' && d.notRun.some((n) => n.what === 'history'))
    return [
      [
        'Nothing to fix in what was checked: a rollback now would restore ',
        restores,
        ". This clone is shallow, so the ledger's approved releases were not matched to the whole history: run the drill on a full clone (",
        c('fetch-depth: 0'),
        ') for the whole proof.'
      ]
    ]
  // an untested restore on disk is something to do, though the drill passed (found by review: "Nothing to do")
  if (b.verdict === 'PASS' && b.findings.some((f) => f.rule === 'BG221'))
    return [
      [
        'A rollback now would restore ',
        restores,
        ', putting back first the untested restore a stopped rollback left on disk (',
        c('BG221'),
        '); until one does, health fails on it (',
        c('BG220'),
        '): run the rollback again, or put the previous trio back as BG220 says.'
      ]
    ]
  if (b.verdict === 'PASS') return [['Nothing to do: a rollback now would restore ', restores, '.']]
  if (d.noTarget === 'only-baseline')
    return [
      [
        'Nothing to fix: ',
        c(r.from.release_tag ?? 'the current baseline'),
        ' is the only baseline ever pinned on this branch, so there is nothing to roll back to until the next promotion; the drill passes once a second baseline is promoted.'
      ]
    ]
  const out: Line[] = []
  if (d.noTarget === 'shallow') out.push(FETCH_HISTORY)
  else if (d.noTarget === 'requested') out.push(REQUESTED)
  else if (d.noTarget) out.push(NONE_RESTORABLE)
  if (has('BG513'))
    out.push([
      'For each ',
      c('BG513'),
      ": restore that revision's files as committed, or mark the baseline ",
      c('Rolled back'),
      ' in the matrix if it must never come back.'
    ])
  if (has('BG220'))
    out.push([
      'Put the previous trio back as ',
      c('BG220'),
      ' says (the untested restore a stopped rollback left, edited since): do not commit it.'
    ])
  if (has('BG511'))
    out.push([
      'Commit or discard the edits to the trio on disk (',
      c('BG511'),
      '): a rollback would refuse them too.'
    ])
  const known = new Set(['BG220', 'BG510', 'BG511', 'BG513'])
  const others = b.findings.filter((f) => f.severity === 'error' && !known.has(f.rule)).length
  if (others > 0)
    out.push([
      `Fix the ${plural(others, 'other error')} listed under Findings (the restored trio would fail them).`
    ])
  out.push(['Then run the drill again: ', again, '.'])
  return out
}
