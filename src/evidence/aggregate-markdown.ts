// The aggregate's one summary, in Markdown (stdout and the job summary). Pure; every found string is escaped.
import type { Aggregate } from './aggregate.js'
import { code, escapeMarkdown } from './markdown-text.js'

const VERDICT = { PASS: '✅ PASS', FAIL: '❌ FAIL' } as const

/** Rows beyond this are counted, not shown: a summary stays far under GitHub's 1 MiB whatever was downloaded. */
export const MAX_ROWS = 500

export function renderAggregateMarkdown(a: Aggregate): string {
  const out = [`## baseline-gate aggregate: ${VERDICT[a.verdict]}`, '']
  const n = a.baselines.length
  out.push(
    `${n} evidence packet${n === 1 ? '' : 's'}, ${a.missing.length} missing, ${a.invalid.length} invalid${a.superseded.length > 0 ? `, ${a.superseded.length} of an earlier attempt (not counted)` : ''}.`
  )
  if (n > 0) {
    out.push(
      '',
      '| Baseline | Operation | Verdict | Errors | Warnings | Identity tag |',
      '| --- | --- | --- | ---: | ---: | --- |',
      ...a.baselines
        .slice(0, MAX_ROWS)
        .map(
          (b) =>
            `| ${code(b.name)} | ${b.operation}${b.drill ? ' (drill)' : b.dry_run ? ' (dry run)' : ''} | ${VERDICT[b.verdict]} | ${b.errors} | ${b.warnings} | ${code(b.release_tag)} |`
        )
    )
    if (n > MAX_ROWS) out.push('', `_${n - MAX_ROWS} more packets are not shown._`)
  }
  if (a.missing.length > 0) {
    out.push('', '### Missing', '')
    for (const m of a.missing.slice(0, MAX_ROWS)) {
      const what = m.baseline !== null ? `baseline ${code(m.baseline)}` : `directory ${code(m.dir)}`
      out.push(`- ${what}: ${escapeMarkdown(m.reason)}`)
    }
  }
  if (a.invalid.length > 0) {
    out.push('', '### Invalid', '')
    for (const i of a.invalid.slice(0, MAX_ROWS)) out.push(`- ${code(i.file)}: ${escapeMarkdown(i.reason)}`)
  }
  if (a.superseded.length > 0) {
    out.push('', '### Replaced by a re-run (not counted)', '')
    for (const s of a.superseded.slice(0, MAX_ROWS))
      out.push(`- ${code(s.file)}: ${escapeMarkdown(s.reason)} (${code(s.by)})`)
  }
  return `${out.join('\n')}\n`
}
