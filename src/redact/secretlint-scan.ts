// secretlint's recommended preset, run on text in memory (no file is read: the source is virtual, `.txt`).

import { lintSource } from '@secretlint/core'
import { rules as recommendedRules } from '@secretlint/secretlint-rule-preset-recommend'
import type { Span } from './spans.js'

type CoreConfig = Parameters<typeof lintSource>[0]['options']['config']

/**
 * `secretlint-disable` comments would let any line of a log switch the scanner off. A preset's own rule list
 * cannot disable one of its rules (secretlint 11.7.1 ignores `disabled` there), so the preset's rules are
 * registered one by one, without the comment filter.
 */
const FILTER_COMMENTS = '@secretlint/secretlint-rule-filter-comments'

const CONFIG: CoreConfig = {
  rules: recommendedRules
    .filter((rule) => rule.meta.id !== FILTER_COMMENTS)
    .map((rule) => ({ id: rule.meta.id, rule }))
}

/** Our name for what a secretlint rule found (by rule, then by message id). */
const KIND_BY_RULE: Record<string, string> = {
  aws: 'aws-secret-access-key',
  github: 'github-token',
  slack: 'slack-token',
  npm: 'npm-token',
  basicauth: 'url-credential',
  sendgrid: 'sendgrid-key',
  privatekey: 'private-key',
  'database-connection-string': 'database-connection-string',
  openai: 'openai-api-key',
  anthropic: 'anthropic-api-key',
  linear: 'linear-api-key',
  shopify: 'shopify-token',
  '1password': '1password-token',
  gcp: 'gcp-service-account-key'
}
const KIND_BY_MESSAGE: Record<string, string> = {
  AWSAccessKeyID: 'aws-access-key-id',
  AWSAccountID: 'aws-account-id',
  IncomingWebhook: 'slack-webhook'
}

export function secretlintKind(ruleId: string, messageId: string): string {
  const byMessage = KIND_BY_MESSAGE[messageId]
  if (byMessage) return byMessage
  const short = ruleId.replace(/^@secretlint\/secretlint-rule-/, '').replace(/^secretlint-rule-/, '')
  return KIND_BY_RULE[short] ?? `secretlint-${short.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
}

/**
 * The spans secretlint's recommended rules report in `text`, each with our kind. Throws what secretlint throws
 * (the caller decides what a scanner failure means).
 */
export async function secretlintSpans(text: string, rank: number): Promise<Span[]> {
  // secretlint drops a leading BOM and reports ranges in the rest: keep the offsets ours
  const offset = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const result = await lintSource({
    source: {
      content: offset ? text.slice(1) : text,
      filePath: 'captured-output.txt',
      ext: '.txt',
      contentType: 'text'
    },
    options: { config: CONFIG, noPhysicFilePath: true, maskSecrets: true }
  })
  return result.messages.map((m) => ({
    start: m.range[0] + offset,
    end: m.range[1] + offset,
    kind: secretlintKind(m.ruleId, m.messageId),
    rank
  }))
}
