// The text this tool writes into a comment, an issue or a pull request body: within GitHub's limit, cut
// with a note saying so; a sticky comment or issue starts with the hidden marker line that finds it again.

/** GitHub refuses comment bodies longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536
/** What a sticky comment may use, marker and truncation note included (a margin below the limit). */
export const STICKY_COMMENT_BUDGET = 65_000

/** The hidden marker line that identifies a sticky comment. */
export function stickyMarker(marker: string): string {
  return `<!-- baseline-gate:${marker} -->`
}

const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/**
 * The full comment text: the marker line, then the body, cut (on a line boundary where one is near,
 * never inside a surrogate pair, closing an open code fence) so the whole stays within `budget`.
 */
export function renderStickyComment(
  marker: string,
  body: string,
  budget: number = STICKY_COMMENT_BUDGET
): { text: string; truncated: boolean } {
  const head = `${stickyMarker(marker)}\n`
  const { text, truncated } = fitBody(body, budget - head.length, 'comment')
  return { text: head + text, truncated }
}

/**
 * `body` as it is when it fits in `budget` characters; else cut as renderStickyComment cuts it, with a
 * note naming what GitHub limits (`per`: "comment", "pull request body", ...).
 */
export function fitBody(
  body: string,
  budget: number = STICKY_COMMENT_BUDGET,
  per = 'comment'
): { text: string; truncated: boolean } {
  if (body.length <= budget) return { text: body, truncated: false }
  const note = (shown: number): string =>
    `\n\n---\n> **Truncated by baseline-gate:** ${thousands(shown)} of ${thousands(body.length)} characters ` +
    `of this report are shown, to stay under GitHub's limit of ${thousands(GITHUB_COMMENT_LIMIT)} characters ` +
    `per ${per}. The full report is in the job summary and in the evidence artifact.\n`
  const fenceReserve = 1 + 16 // "\n" + the longest fence we would close with
  let cut = Math.max(0, budget - note(body.length).length - fenceReserve)
  const newline = body.lastIndexOf('\n', cut)
  if (newline > 0 && newline > cut - 2_000) cut = newline
  else if (cut > 0 && isHighSurrogate(body.charCodeAt(cut - 1))) cut -= 1
  let kept = body.slice(0, cut)
  const open = openFence(kept)
  if (open) kept += `\n${open}`
  return { text: kept + note(cut), truncated: true }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/** The fence (``` or ~~~ run) left open at the end of `markdown`, or null. */
function openFence(markdown: string): string | null {
  let open: string | null = null
  for (const line of markdown.split('\n')) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    if (!m) continue
    const fence = m[1] as string
    if (open === null) open = fence.slice(0, 16)
    else if (fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = null
  }
  return open
}

/** A body as GitHub gives it back, line endings normalised to \n (to compare with what was written). */
export const normalised = (body: string | null | undefined): string => body?.replace(/\r\n/g, '\n') ?? ''

/** The text of an issue or a pull request, as it is written. */
export interface TitleAndBody {
  title: string
  body: string
}
