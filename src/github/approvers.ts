// Which reviews of a pull request count toward the joint approval (pure; the client reads, this decides).
//
// As GitHub counts approvals: the latest decision (APPROVED, CHANGES_REQUESTED, DISMISSED; a COMMENTED
// review changes nothing) of each person, whatever commit it was given on, and only an approval given on the
// head commit (a request for changes submitted from an older commit's page withdraws an approval of the head,
// as it does on GitHub). On top of that, never the pull request's
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
    /** The person's latest decision, on whichever commit it was given. */
    latest: { state: string; commitId: string | null }
    approvedAnywhere: boolean
  }
  const people = new Map<string, Person>()
  for (const review of ordered) {
    if (!DECISIONS.has(review.state)) continue
    const key = review.login.toLowerCase()
    const latest = { state: review.state, commitId: review.commitId }
    const person = people.get(key) ?? { login: review.login, bot: false, latest, approvedAnywhere: false }
    person.bot ||= isBot({ login: review.login, type: review.userType })
    person.latest = latest
    if (review.state === 'APPROVED') person.approvedAnywhere = true
    people.set(key, person)
  }

  const approvers: string[] = []
  const notCounted: NotCounted[] = []
  for (const [key, p] of people) {
    const why = (reason: string, kind: NotCounted['kind'] = 'approval') =>
      notCounted.push({ login: p.login, kind, reason })
    const { state, commitId } = p.latest
    if (state === 'APPROVED' && commitId === headSha) {
      if (key === authorKey) why('they opened the pull request')
      else if (p.bot) why('it is a bot, and only people count')
      else approvers.push(p.login)
    } else if (key === authorKey && p.approvedAnywhere) {
      why('they opened the pull request')
    } else if (p.bot && p.approvedAnywhere) {
      why('it is a bot, and only people count')
    } else if (state === 'DISMISSED') {
      why('it was dismissed', 'review')
    } else if (state === 'CHANGES_REQUESTED' && p.approvedAnywhere) {
      why(
        commitId === headSha
          ? 'they requested changes after approving'
          : `they requested changes after approving (on commit ${commitId ? short(commitId) : 'unknown'}, which withdraws their approval of every commit)`
      )
    } else if (state === 'APPROVED') {
      why(
        `it was given on commit ${commitId ? short(commitId) : 'unknown'}, not on the head commit ${short(headSha)} (a later push; ` +
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
