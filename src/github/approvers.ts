// Which reviews of a pull request count toward the joint approval (pure; the client reads, this decides).
//
// As GitHub counts approvals: the latest decision (APPROVED, CHANGES_REQUESTED, DISMISSED; a COMMENTED
// review changes nothing) of each person on the head commit. On top of that, never the pull request's
// author (GitHub refuses a self-approval; the gate does not rely on every path into the reviews doing so)
// and never a bot: a workflow token (github-actions[bot]) may approve pull requests, which would let a
// pull request approve itself. Every approval that does not count says why, so the operator is not left
// guessing.

/** A review as the API gives it, as far as the decision needs it. */
export interface ReviewRecord {
  login: string
  /** The account type ("User", "Bot", ...); null when the API does not say. */
  userType: string | null
  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING */
  state: string
  /** The commit the review was given on. */
  commitId: string | null
  submittedAt: string | null
}

/** An account: the pull request's author. */
export interface Account {
  login: string
  type: string | null
}

/** An approval that does not count (or a dismissed review, which may have been one), and why. */
export interface NotCounted {
  login: string
  /** A dismissed review no longer says whether it approved: "review". */
  kind: 'approval' | 'review'
  /** Why, completing "approval by @login not counted: ..." */
  reason: string
}

export interface CountedApprovals {
  /** Logins whose latest decision on the head commit approves, author and bots excluded (review order). */
  approvers: string[]
  notCounted: NotCounted[]
}

const DECISIONS = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'])

/** A bot account: its type says so, or its login has GitHub's `[bot]` suffix. */
export function isBot(account: { login: string; type?: string | null }): boolean {
  return account.type === 'Bot' || /\[bot\]$/i.test(account.login)
}

const short = (sha: string): string => sha.slice(0, 12)

/** The approvals that count on `headSha`, and every approval that does not, with its reason. */
export function countApprovals(
  reviews: readonly ReviewRecord[],
  context: { headSha: string; author: Account | null }
): CountedApprovals {
  const { headSha, author } = context
  const authorKey = author?.login.toLowerCase() ?? null
  // in submission order; the list order breaks ties (GitHub lists reviews in submission order)
  const ordered = reviews
    .map((review, index) => ({ review, index }))
    .sort(
      (a, b) => (a.review.submittedAt ?? '').localeCompare(b.review.submittedAt ?? '') || a.index - b.index
    )
    .map(({ review }) => review)

  type Person = {
    login: string
    bot: boolean
    onHead: string | null
    approvedOnHead: boolean
    staleOn: string | null
  }
  const people = new Map<string, Person>()
  for (const review of ordered) {
    if (!DECISIONS.has(review.state)) continue
    const key = review.login.toLowerCase()
    const person = people.get(key) ?? {
      login: review.login,
      bot: false,
      onHead: null,
      approvedOnHead: false,
      staleOn: null
    }
    person.bot ||= isBot({ login: review.login, type: review.userType })
    if (review.commitId === headSha) {
      person.onHead = review.state
      if (review.state === 'APPROVED') person.approvedOnHead = true
    } else if (review.state === 'APPROVED') {
      person.staleOn = review.commitId
    }
    people.set(key, person)
  }

  const approvers: string[] = []
  const notCounted: NotCounted[] = []
  for (const [key, p] of people) {
    const approvedAnywhere = p.approvedOnHead || p.staleOn !== null
    const why = (reason: string, kind: NotCounted['kind'] = 'approval') =>
      notCounted.push({ login: p.login, kind, reason })
    if (p.onHead === 'APPROVED') {
      if (key === authorKey) why('they opened the pull request')
      else if (p.bot) why('it is a bot, and only people count')
      else approvers.push(p.login)
    } else if (key === authorKey && approvedAnywhere) {
      why('they opened the pull request')
    } else if (p.bot && approvedAnywhere) {
      why('it is a bot, and only people count')
    } else if (p.onHead === 'DISMISSED') {
      why('it was dismissed', 'review')
    } else if (p.onHead === 'CHANGES_REQUESTED' && p.approvedOnHead) {
      why('they requested changes after approving')
    } else if (p.onHead === null && p.staleOn !== null) {
      why(
        `it was given on commit ${short(p.staleOn)}, not on the head commit ${short(headSha)} (a later push; ` +
          'approve again)'
      )
    }
  }
  notCounted.sort((a, b) => a.login.toLowerCase().localeCompare(b.login.toLowerCase()))
  return { approvers, notCounted }
}

/**
 * The approvers on each side (sorted), whether that is a joint approval (an approving consumer owner and a
 * DIFFERENT approving producer owner), and the approvers who are owners on neither side.
 */
export function jointDecision(
  approvers: readonly string[],
  owners: { consumer: ReadonlySet<string>; producer: ReadonlySet<string> }
): { consumer: string[]; producer: string[]; approved: boolean; notOwners: NotCounted[] } {
  const on = (side: ReadonlySet<string>) => approvers.filter((a) => side.has(a.toLowerCase())).sort()
  const consumer = on(owners.consumer)
  const producer = on(owners.producer)
  const people = new Set([...consumer, ...producer].map((l) => l.toLowerCase()))
  const approved = consumer.length > 0 && producer.length > 0 && people.size >= 2
  const notOwners = approvers
    .filter((a) => !owners.consumer.has(a.toLowerCase()) && !owners.producer.has(a.toLowerCase()))
    .sort()
    .map((login) => ({
      login,
      kind: 'approval' as const,
      reason: 'they are neither a consumer nor a producer owner'
    }))
  return { consumer, producer, approved, notOwners }
}
