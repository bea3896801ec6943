// `baseline-gate promote`: the promotion gate on the command line. Loaded on demand: the secret scanner it
// needs costs start-up time that health should not pay.
import { environmentRedactor } from '../redact/redactor.js'
import { runPromotion } from '../operations/promotion.js'
import type { ReviewSource } from '../operations/reviews.js'
import type { PromoteCommand } from './commands.js'
import { judge } from './run-operation.js'
import type { Judging } from './run-operation.js'

const NO_REVIEWS: ReviewSource = {
  unavailable:
    'a local run has no pull request to read reviews from; the promotion workflow checks them (actions/promotion)'
}

export function promote(
  { base, head, suites, suitesAnyway }: PromoteCommand,
  judging: Judging
): Promise<number> {
  const redactor = environmentRedactor(judging.io.env)
  return judge(judging, (ctx, run) =>
    runPromotion(ctx, {
      ...run,
      base,
      head,
      // a branch its base has moved on from is judged as its pull request's diff shows it (BG711)
      fromMergeBase: true,
      suites,
      suitesAnyway,
      redactor,
      review: NO_REVIEWS
    })
  )
}
