import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { RULE_IDS } from '../src/rules/catalog.js'
import { renderRulesDoc } from '../src/rules/rules-doc.js'
import { REPO_ROOT } from './helpers/fixture.js'

describe('generated documentation', () => {
  it('docs/rules.md is up to date with the rule catalog (run `npm run docs`)', () => {
    expect(readFileSync(join(REPO_ROOT, 'docs/rules.md'), 'utf8')).toBe(renderRulesDoc())
  })

  it('documents every rule with an example', () => {
    const doc = renderRulesDoc()
    for (const id of RULE_IDS) {
      expect(doc).toContain(`### ${id}`)
    }
    expect(doc.match(/^Example: /gm)).toHaveLength(RULE_IDS.length)
  })
})
