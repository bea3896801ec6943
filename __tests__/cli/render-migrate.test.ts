// migrate's terminal report: the count above the findings says what the list below it holds.
import { describe, expect, it } from '@jest/globals'
import { renderMigrate } from '../../src/cli/migrate.js'
import { styleFor } from '../../src/cli/render.js'
import type { MigrateResult } from '../../src/operations/migrate.js'
import { finding } from '../../src/rules/finding.js'

const plain = styleFor({ isTTY: false }, { NO_COLOR: '1' })
const result = (findings: MigrateResult['findings']): MigrateResult => ({
  baseline: 'memorykernel',
  status: 'would-migrate',
  steps: [],
  blockers: [],
  diff: '',
  written: [],
  findings
})
const at = { line: 3, column: 1 }

describe('renderMigrate', () => {
  it('counts the errors and, beside them, the warnings and notices the list shows', () => {
    const text = renderMigrate(
      result([
        finding('BG212', 'docs/m.md', at, 'an error'),
        finding('BG216', 'docs/m.md', at, 'a warning'),
        finding('BG208', 'docs/m.md', at, 'another warning')
      ]),
      plain
    )
    expect(text).toContain(
      '  1 error (and 2 warnings) the migration does not fix (they are about the baseline, not the format):'
    )
    expect(renderMigrate(result([finding('BG216', 'docs/m.md', at, 'a warning')]), plain)).toContain(
      '  still to look at: 1 warning\n'
    )
  })
})
