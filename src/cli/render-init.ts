// What `baseline-gate init` says: what it found (where, and why), what it could not decide (and what to do), the
// file it wrote (or, on a dry run, the file itself) and the next steps. The terminal text and the --json
// document come from the same outcome. Pure.
import { mapStrings } from '../text/map-strings.js'
import { inlineSafe } from '../text/terminal.js'
import type { InitItem } from '../adopt/propose.js'
import type { InitOutcome } from '../operations/init.js'
import { relativeToRootNote } from './render.js'
import type { Style } from './render.js'
import { plural } from '../text/plural.js'

type Shown = Exclude<InitOutcome, { status: 'refused' }>

/** The next steps: the files they name are the root's (as the rest of the report names them). */
export function nextSteps(o: Shown): string[] {
  if (o.status === 'no-trio') return []
  const steps: string[] = []
  steps.push(
    o.status === 'dry-run'
      ? `run npx --no baseline-gate init without --dry-run to write ${o.policyPath}${o.existed ? ' (with --force: it replaces the existing file)' : ''}`
      : `review ${o.policyPath}: every value init decided is written out; what it could not decide is left to the defaults`
  )
  for (const name of o.proposal.migrate) {
    const pin = o.proposal.document?.baselines[name]?.trio.pin ?? 'the pin'
    steps.push(
      `npx --no baseline-gate migrate${o.proposal.migrate.length > 1 ? ` --baseline ${name}` : ''}: ${pin} has no runtime_cutover_posture (the trio predates adoption)`
    )
  }
  steps.push(
    'npx --no baseline-gate health: check the trio, the producer and the adapter boundary against the policy'
  )
  return steps
}

/** The --json document: one object, stable keys. */
export function initJson(o: Shown): object {
  const item = (i: InitItem) => ({
    baseline: i.baseline,
    field: i.field,
    path: i.path,
    message: i.message,
    ...(i.todo !== undefined ? { todo: i.todo } : {})
  })
  return {
    policy_path: o.policyPath,
    written: o.status === 'written',
    dry_run: o.status === 'dry-run',
    existed: o.status === 'no-trio' ? null : o.existed,
    policy: o.proposal.document,
    found: o.proposal.found.map(item),
    undecided: o.proposal.undecided.map(item),
    notes: o.proposal.notes.map(item),
    next_steps: nextSteps(o)
  }
}

/**
 * @param cwd where the command ran: from anywhere but the root, a line says that the paths named (relative to the
 *   root, every one) are the root's
 */
export function renderInit(o: Shown, root: string, s: Style, cwd: string = root): string {
  // what the repository's files and names say, each on its line
  const p = {
    ...o.proposal,
    ...mapStrings(
      { found: o.proposal.found, undecided: o.proposal.undecided, notes: o.proposal.notes },
      inlineSafe
    )
  }
  const out: string[] = [s.bold(`baseline-gate init · ${root}`)]
  const rootNote = relativeToRootNote(cwd, root, true)
  if (rootNote) out.push(s.dim(rootNote))
  out.push('')
  if (p.found.length > 0) {
    out.push(s.bold('Found'))
    out.push(...grouped(p.found, (i) => [`${s.bold(i.field)}  ${i.path ?? ''}`.trimEnd(), s.dim(i.message)]))
    out.push('')
  }
  if (p.undecided.length > 0) {
    out.push(s.yellow(s.bold('Could not decide')))
    out.push(
      ...grouped(p.undecided, (i) => [
        `${s.bold(i.field)}  ${i.path ?? ''}`.trimEnd(),
        i.message,
        ...(i.todo ? [`${s.dim('→')} ${i.todo}`] : [])
      ])
    )
    out.push('')
  }
  if (p.notes.length > 0) {
    out.push(s.bold('Notes'))
    out.push(
      ...grouped(p.notes, (i) => [`${s.bold(i.field)}  ${i.path ? `${i.path}: ` : ''}${s.dim(i.message)}`])
    )
    out.push('')
  }
  if (o.status === 'no-trio') {
    const l = p.looked
    out.push(
      s.red(
        `No trio found (${plural(l.files, 'file')} looked at: ${l.json} JSON, ${l.markdown} Markdown, ${plural(l.cargo, 'Cargo manifest')}); nothing written.`
      )
    )
    return out.join('\n')
  }
  if (o.status === 'written') {
    out.push(s.green(`Wrote ${o.policyPath}${o.existed ? ' (replaced the existing file: --force)' : ''}`))
  } else {
    out.push(s.bold(`Would write ${o.policyPath} (dry run: nothing written):`), '')
    out.push(o.text.replace(/\n$/, ''))
  }
  out.push('', s.bold('Next steps'))
  // a pin's path is a file's name, which may hold a newline: each step stays on its line
  nextSteps(o).forEach((step, i) => out.push(`  ${i + 1}. ${inlineSafe(step)}`))
  return out.join('\n')
}

/** Items by baseline (the repository's own first), each as its lines, indented under the baseline's name. */
function grouped(items: InitItem[], lines: (i: InitItem) => string[]): string[] {
  const out: string[] = []
  const names = [...new Set(items.map((i) => i.baseline))]
  const several = names.length > 1 || names[0] !== null
  for (const name of names) {
    if (several) out.push(`  ${name ?? 'repository'}`)
    const pad = several ? '    ' : '  '
    for (const i of items.filter((x) => x.baseline === name)) {
      const [first, ...rest] = lines(i)
      out.push(`${pad}${first}`)
      for (const r of rest) out.push(`${pad}  ${r}`)
    }
  }
  return out
}
