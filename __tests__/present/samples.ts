// Every surface a person reads, rendered from the fixtures: the golden files under rendered/ are these texts
// (golden.test.ts), and `npm run render:check` turns them into HTML as GitHub would show them.
import { renderIncidentNote } from '../../src/evidence/incident-note.js'
import { renderReport, toJson } from '../../src/cli/render.js'
import { renderComment } from '../../src/present/comment.js'
import { renderSummary } from '../../src/present/summary.js'
import type { OperationResult } from '../../src/operations/context.js'
import type { Trigger } from '../../src/present/headline.js'
import {
  healthFail,
  healthPass,
  LINKS,
  promotionHuge,
  promotionPass,
  promotionPassNoSuites,
  promotionRulesFail,
  promotionSuiteFail,
  rollbackResult,
  drillResult
} from './fixtures.js'

// as the promotion action words it: the pull request linked
const TRIGGER: Trigger = [{ text: 'pull request #42', link: 'https://github.com/octo/consumer/pull/42' }]
const comment = (r: OperationResult, budget?: number) =>
  renderComment(r, { links: LINKS, trigger: TRIGGER, marker: 'promotion', ...(budget ? { budget } : {}) })
const terminal = (r: OperationResult) => renderReport(r, '/repo')

/** File name -> its text. `.md` are Markdown as GitHub gets it, `.txt` the terminal, `.json` the --json output. */
export function samples(): Record<string, string> {
  const restored = rollbackResult(true)
  const noSuites = rollbackResult(false)
  return {
    'comment-promotion-pass.md': comment(promotionPass()),
    'comment-promotion-pass-no-suites.md': comment(promotionPassNoSuites()),
    'comment-promotion-fail-rules.md': comment(promotionRulesFail()),
    'comment-promotion-fail-suite.md': comment(promotionSuiteFail()),
    'comment-promotion-truncated.md': comment(promotionHuge(120, 3000), 12_000),
    'summary-promotion-fail-rules.md': renderSummary(promotionRulesFail(), {
      links: LINKS,
      trigger: TRIGGER
    }),
    'summary-promotion-truncated.md': renderSummary(promotionHuge(400, 3000), {
      links: LINKS,
      trigger: TRIGGER,
      limitBytes: 40_000
    }),
    'summary-health-pass.md': renderSummary(healthPass(), { links: LINKS, trigger: 'scheduled run' }),
    'summary-health-fail.md': renderSummary(healthFail(), { links: LINKS, trigger: 'scheduled run' }),
    'summary-rollback-skipped.md': renderSummary(noSuites.result, {
      links: { file: () => null, run: null, artifact: null },
      trigger: 'trigger contract-drift'
    }),
    'incident-note-restored.md': renderIncidentNote(restored.incident, {
      displayName: 'MemoryKernel',
      baseline: 'memorykernel',
      verdict: 'PASS'
    }),
    'incident-note-skipped.md': renderIncidentNote(noSuites.incident, {
      displayName: 'MemoryKernel',
      baseline: 'memorykernel',
      verdict: 'PASS'
    }),
    'terminal-promotion-fail-rules.txt': terminal(promotionRulesFail()),
    'terminal-promotion-fail-suite.txt': terminal(promotionSuiteFail()),
    'terminal-health-pass.txt': terminal(healthPass()),
    'terminal-rollback-skipped.txt': terminal(noSuites.result),
    'summary-rollback-drill-pass.md': renderSummary(drillResult('pass'), {
      links: { file: () => null, run: null, artifact: null },
      trigger: 'trigger contract-drift (rollback drill)'
    }),
    'summary-rollback-drill-fail.md': renderSummary(drillResult('fail'), {
      links: { file: () => null, run: null, artifact: null },
      trigger: 'trigger contract-drift (rollback drill)'
    }),
    'summary-rollback-drill-only-baseline.md': renderSummary(drillResult('only-baseline'), {
      links: { file: () => null, run: null, artifact: null },
      trigger: 'trigger contract-drift (rollback drill)'
    }),
    'terminal-rollback-drill-fail.txt': terminal(drillResult('fail')),
    'terminal-rollback-drill-only-baseline.txt': terminal(drillResult('only-baseline')),
    'json-promotion-fail-rules.json': `${JSON.stringify(toJson(promotionRulesFail()), null, 2)}\n`
  }
}
