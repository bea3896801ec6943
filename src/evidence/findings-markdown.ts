// Findings as a person reads them in Markdown (the evidence's own Markdown, the job summary, the comment):
// errors first, each linked to its file and line at the commit judged when a link is known, long messages under
// the table (a table cell is no place for a paragraph). Pure.
import { code, fenced, linkTitle, withCodeSpans } from './markdown-text.js'
import type { Finding } from '../rules/finding.js'
import { bySeverity, countBySeverity } from '../rules/finding.js'
import { shorten, shownMessage } from '../text/shorten.js'
import { plural } from '../text/plural.js'

const SEVERITY_ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' } as const

/** A finding's file and line as a link (a blob URL at the commit judged), or null when none is known. */
export type FileLink = (path: string, line: number | null) => string | null

const NO_LINK: FileLink = () => null

/** Where a finding is, as `path:line:column`, or '' when it has no file. */
export function location(f: Finding): string {
  if (!f.file) return ''
  return f.line ? `${f.file}:${f.line}${f.column ? `:${f.column}` : ''}` : f.file
}

/** A message longer than this goes under the table, with its number in the cell. */
const CELL_CHARS = 140

export function countsLine(findings: Finding[]): string {
  const n = countBySeverity(findings)
  return `${plural(n.error, 'error')}, ${plural(n.warning, 'warning')}, ${plural(n.notice, 'notice')}`
}

/** Where a finding is: a link to the file and line at the commit judged (named by the file's own name, the full
 * path in its title, so the column stays narrow), the path alone without a link, or "the run". */
function where(f: Finding, fileLink: FileLink): string {
  const loc = location(f)
  if (!loc || !f.file) return 'the run'
  const url = fileLink(f.file, f.line)
  if (!url) return code(loc)
  const name = loc.slice(f.file.lastIndexOf('/') + 1)
  return `[${code(name)}](${url} "${linkTitle(loc)}")`
}

const ticks = (s: string) => s.split('`').length - 1

/** Every line of `text` indented by `n` spaces: a block inside a list item. */
const indented = (text: string, n: number) =>
  text
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n')

/** A long message's start for its cell; a code span the cut leaves open is closed before the ellipsis. */
function cellCut(message: string): string {
  const cut = shorten(message, 90, 'word')
  return ticks(message) % 2 === 0 && ticks(cut) % 2 === 1 ? cut.replace(/\u2026$/, '`…') : cut
}

/** The findings table (at most `limit` rows; the rest counted) and the long messages after it. */
export function findingsMarkdown(
  findings: Finding[],
  fileLink: FileLink = NO_LINK,
  limit = Infinity
): string {
  if (findings.length === 0) return '_No findings._'
  const shown = bySeverity(findings).slice(0, limit)
  const long: string[] = []
  const rows = shown.map((f) => {
    let message = withCodeSpans(f.message)
    // a message of several lines (a producer's last output, a compiler's error) keeps its lines under the table:
    // its first line in words, the rest as a block (found by review: it was one squashed line)
    const nl = f.message.indexOf('\n')
    const first = shownMessage(nl === -1 ? f.message : f.message.slice(0, nl))
    const rest = nl === -1 ? '' : f.message.slice(nl + 1).replace(/\n+$/, '')
    if (f.message.length > CELL_CHARS || rest !== '') {
      const marker = `${long.length + 1}. `
      const block = rest !== '' ? `\n\n${indented(fenced(rest), marker.length)}` : ''
      long.push(
        `${marker}${SEVERITY_ICON[f.severity]} ${f.rule} at ${where(f, fileLink)}: ${withCodeSpans(first)}${block}`
      )
      message = `${withCodeSpans(cellCut(first))} (see note ${long.length} below)`
    }
    return `| ${SEVERITY_ICON[f.severity]} | ${f.rule} | ${where(f, fileLink)} | ${message} |`
  })
  const out = ['| | Rule | Where | Message |', '| --- | --- | --- | --- |', ...rows]
  // one by one: a spread of a hundred thousand messages overflows the stack (found by review)
  if (long.length > 0) out.push('', '**The long messages in full:**', '')
  for (const l of long) out.push(l)
  const hidden = findings.length - shown.length
  if (hidden > 0) {
    const rest = bySeverity(findings).slice(shown.length)
    out.push(
      '',
      `_${plural(hidden, 'more finding')} (${countsLine(rest)}) not listed here: every finding is in the evidence._`
    )
  }
  return out.join('\n')
}
