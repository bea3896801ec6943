// A commit id for a message, by its first 12 characters. A pin's commit_sha is the pull request's to write: a value
// that is no commit id is never cut to 12 (found by review: a redaction marker was shown as `[REDACTED:aw`), only
// to what a message holds, redacted whole before it is cut (text/quote.ts).
import { quote } from './quote.js'

export function shortCommit(sha: string): string {
  return /^[0-9a-f]{12,64}$/i.test(sha) ? sha.slice(0, 12) : quote(sha, 60)
}
