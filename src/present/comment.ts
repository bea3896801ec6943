// The sticky pull-request comment of a gate: the shared Markdown report with fewer findings from the start,
// kept under GitHub's comment limit (the client's budget, marker included) by walking down its ladder. Pure.
import { GITHUB_COMMENT_LIMIT, STICKY_COMMENT_BUDGET, stickyMarker } from '../github/client.js'
import type { OperationResult } from '../operations/context.js'
import { thousands } from '../text/plural.js'
import { COMMENT_LADDER, fit } from './budget.js'
import type { Links } from './links.js'
import type { Trigger } from './headline.js'
import { reportMarkdown } from './report-markdown.js'

/** The marker of the sticky comment: one per operation, or per baseline when the run gates one baseline. */
export function commentMarker(operation: string, baseline: string | undefined): string {
  return baseline ? `${operation}:${baseline}` : operation
}

export interface CommentInput {
  links: Links
  trigger: Trigger | null
  /** The hidden marker the client adds (its length counts against the budget). */
  marker: string
  /** Characters the whole comment may use, marker included (default: the client's budget). */
  budget?: number
}

/** The comment body (without the marker line, which upsertStickyComment adds). */
export function renderComment(result: OperationResult, input: CommentInput): string {
  const budget = (input.budget ?? STICKY_COMMENT_BUDGET) - stickyMarker(input.marker).length - 1
  const options = {
    links: input.links,
    trigger: input.trigger,
    surface: 'comment',
    designed: COMMENT_LADDER[0]!,
    limit: `GitHub’s limit of ${thousands(GITHUB_COMMENT_LIMIT)} characters per comment`
  }
  const render = (detail: (typeof COMMENT_LADDER)[number]) => reportMarkdown(result, detail, options)
  // the last rung when nothing fits: the client cuts it at a line, closing any open fence, with a note
  return fit(render, COMMENT_LADDER, (text) => text.length <= budget) ?? render(COMMENT_LADDER.at(-1)!)
}
