// Size budgets of the surfaces GitHub limits: a job summary over 1 MiB is dropped whole, a comment over 65,536
// characters is refused. A rendering walks down a ladder of details until it fits; what it cut, it says.
import type { Detail } from './report-markdown.js'

/** GitHub drops a job summary over 1 MiB entirely; stay below it with room for the notes. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 64 * 1024

/** The summary's ladder: log tails shorten first, then the findings list, then the collapsed tables. */
export const SUMMARY_LADDER: readonly Detail[] = [
  { findings: Infinity, tailChars: Infinity, details: true },
  { findings: Infinity, tailChars: 1000, details: true },
  { findings: Infinity, tailChars: 0, details: true },
  { findings: 200, tailChars: 0, details: true },
  { findings: 50, tailChars: 0, details: true },
  { findings: 10, tailChars: 0, details: false },
  { findings: 0, tailChars: 0, details: false }
]

/** The comment is read on every push: fewer findings from the start. */
export const COMMENT_LADDER: readonly Detail[] = [
  { findings: 30, tailChars: Infinity, details: true },
  { findings: 30, tailChars: 1500, details: true },
  { findings: 30, tailChars: 0, details: true },
  { findings: 10, tailChars: 0, details: false },
  { findings: 0, tailChars: 0, details: false }
]

/** The first rendering down the ladder that fits; null when none does. */
export function fit(
  render: (detail: Detail) => string,
  ladder: readonly Detail[],
  fits: (text: string) => boolean
): string | null {
  for (const detail of ladder) {
    const text = render(detail)
    if (fits(text)) return text
  }
  return null
}
