// `baseline-gate migrate`: bring each baseline's trio written before adoption to the current format. Prints what
// it does and the diff before it writes; --dry-run only shows them. Exit 0 when every trio is in the current
// format and passes the trio rules, 1 when one is blocked or still has errors, 2 for usage errors.
import { mapStrings } from '../text/map-strings.js'
import { inlineSafe } from '../text/terminal.js'
import { runMigrate } from '../operations/migrate.js'
import { redactStrings } from '../operations/redact-findings.js'
import type { MigrateResult } from '../operations/migrate.js'
import type { BaselinePolicy } from '../policy/types.js'
import type { MigrateCommand } from './commands.js'
import { EXIT } from './io.js'
import type { Io } from './io.js'
import { styleFor } from './render.js'
import type { Style } from './render.js'
import { plural } from '../text/plural.js'
import { countBySeverity } from '../rules/finding.js'

export async function migrate(
  cmd: MigrateCommand,
  io: Io,
  root: string,
  baselines: BaselinePolicy[]
): Promise<number> {
  const now = cmd.now.source === 'given' ? cmd.now.at : new Date()
  // what it shows (its findings, the diff) quotes the trio: redacted as every output (found by review)
  const results = baselines.map((b) =>
    redactStrings({ env: io.env }, runMigrate({ root, now }, b, { posture: cmd.posture, dryRun: cmd.dryRun }))
  )
  if (cmd.json) io.stdout.write(`${JSON.stringify({ baselines: results }, null, 2)}\n`)
  else io.stdout.write(`${results.map((r) => renderMigrate(r, styleFor(io.stdout, io.env))).join('\n')}\n`)
  const ok = results.every((r) => r.blockers.length === 0 && r.findings.every((f) => f.severity !== 'error'))
  return ok ? EXIT.pass : EXIT.fail
}

const HEADLINE: Record<MigrateResult['status'], string> = {
  migrated: 'migrated to the current format',
  'would-migrate': 'dry run: this is the migration; nothing was written',
  unchanged: 'already in the current format: nothing to do',
  blocked: 'not migrated (nothing was written)'
}

export function renderMigrate(given: MigrateResult, s: Style): string {
  // each value on its line; the diff is the files' own lines
  const r = {
    ...given,
    ...mapStrings(
      {
        baseline: given.baseline,
        blockers: given.blockers,
        steps: given.steps,
        written: given.written,
        findings: given.findings
      },
      inlineSafe
    )
  }
  const out = [s.bold(`baseline-gate migrate · ${r.baseline}`), `  ${HEADLINE[r.status]}`]
  for (const b of r.blockers) out.push(`  ${s.red('blocked')}: ${b}`)
  for (const step of r.steps) out.push(`  - ${step}`)
  if (r.diff) {
    const lines = r.diff.trimEnd().split('\n')
    // a file with CRLF line endings (kept as they are): its CRs would show as \u000d at the end of every line
    const crlf = lines.some((l) => l.endsWith('\r'))
    out.push(
      '',
      ...(crlf ? [s.dim('  (CRLF line endings, kept as they are, are not shown)')] : []),
      ...lines.map((l) => colourDiff(l.replace(/\r$/, ''), s)),
      ''
    )
  }
  if (r.written.length > 0)
    out.push(`  wrote ${r.written.join(', ')} as one change: review the diff and commit the trio together`)
  const errors = r.findings.filter((f) => f.severity === 'error')
  if (r.findings.length > 0) {
    // the count says what the list holds: the errors, and the warnings and notices below them
    const c = countBySeverity(r.findings)
    const also = [
      ...(c.warning > 0 ? [plural(c.warning, 'warning')] : []),
      ...(c.notice > 0 ? [plural(c.notice, 'notice')] : [])
    ].join(' and ')
    // blocked, nothing was migrated: the list is of the trio as it is, the format's own errors among them (found
    // by review: it called the errors the migration adds fixes for ones it "does not fix")
    out.push(
      errors.length > 0
        ? r.status === 'blocked'
          ? `  ${s.red(plural(errors.length, 'error'))}${also ? ` (and ${also})` : ''} in the trio as it is (the migration fixes those of the format once what blocks it is fixed):`
          : `  ${s.red(plural(errors.length, 'error'))}${also ? ` (and ${also})` : ''} the migration does not fix (they are about the baseline, not the format):`
        : `  still to look at: ${also}`
    )
    for (const f of r.findings) {
      const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}  ` : ''
      out.push(`    ${where}${f.severity}  ${f.rule}  ${f.message}`)
    }
  }
  if (r.status === 'would-migrate')
    out.push(s.dim('  next: run npx --no baseline-gate migrate without --dry-run to write it'))
  if (r.status === 'migrated')
    out.push(
      s.dim(
        '  next: commit the trio in one pull request; the promotion gate sees no baseline change (the identity is the same) and, for GO, asks both teams'
      )
    )
  return out.join('\n')
}

function colourDiff(line: string, s: Style): string {
  if (line.startsWith('+++') || line.startsWith('---')) return s.bold(line)
  if (line.startsWith('+')) return s.green(line)
  if (line.startsWith('-')) return s.red(line)
  if (line.startsWith('@@')) return s.dim(line)
  return line
}
