// Where the gate reads a pull request's reviews from, and the one call that reads the joint approval of both
// teams: for a NO-GO -> GO change (8xx) and for a call hidden from the adapter scan (BG606).
import type { GitHubClient, JointApproval, Result } from '../github/client.js'
import type { BaselinePolicy } from '../policy/types.js'

/** Where the reviews come from: a pull request and a client, or why there is none. */
export type ReviewSource =
  | {
      client: GitHubClient
      pullRequest: number
      /** The pull request's head commit this run tests: only reviews on it count (default: its current head). */
      headSha?: string
    }
  | { unavailable: string }

/**
 * The joint approval of the owners the base revision's policy names; a string when it cannot be read (no pull
 * request, no token, or `owners` itself a string: why the base defines no owners to ask).
 */
export async function jointApproval(
  review: ReviewSource,
  owners: BaselinePolicy['owners'] | string
): Promise<Result<JointApproval> | string> {
  if (typeof owners === 'string') return owners
  if ('unavailable' in review) return review.unavailable
  return review.client.jointApproval(
    review.pullRequest,
    owners,
    review.headSha ? { headSha: review.headSha } : undefined
  )
}
