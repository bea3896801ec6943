// The one way this tool keeps a single thing of its own up to date (a sticky comment, a marked issue, the
// pull request of a branch): find it; leave it as it is when it already says what is wanted, else update
// it; create it when there is none. When creating fails because a concurrent run created it meanwhile,
// that one is found again and updated.

export interface UpsertSteps<Found, Value> {
  /** Ours, or null when there is none. */
  find: () => Promise<Found | null>
  /** Whether what was found already says what is wanted. */
  isCurrent: (found: Found) => boolean
  /** What is answered for what was found and left as it is. */
  unchanged: (found: Found) => Value
  update: (found: Found) => Promise<Value>
  create: () => Promise<Value>
  /** Whether a failed create means that it was created meanwhile; default: never. */
  createdMeanwhile?: (error: unknown) => boolean
}

export async function upsert<Found, Value>(steps: UpsertSteps<Found, Value>): Promise<Value> {
  const settle = async (found: Found): Promise<Value> =>
    steps.isCurrent(found) ? steps.unchanged(found) : steps.update(found)
  const existing = await steps.find()
  if (existing) return settle(existing)
  try {
    return await steps.create()
  } catch (error) {
    const raced = steps.createdMeanwhile?.(error) ? await steps.find() : null
    if (raced) return settle(raced)
    throw error
  }
}
