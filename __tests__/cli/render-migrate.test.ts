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

  it('blocked, it lists the trio as it is, whose format errors it would fix: never "does not fix" (found by review)', () => {
    const text = renderMigrate(
      {
        ...result([
          finding('BG108', 'config/pin.json', at, 'missing the required field `runtime_cutover_posture`')
        ]),
        status: 'blocked',
        blockers: ['config/pin.json is not a JSON object']
      },
      plain
    )
    expect(text).toContain(
      '  1 error in the trio as it is (the migration fixes those of the format once what blocks it is fixed):'
    )
    expect(text).not.toContain('does not fix')
  })

  it("shows a CRLF file's diff without a \\u000d at the end of every line, and says its endings are kept (found by review)", () => {
    const diff =
      '--- a/docs/m.md\r\n+++ b/docs/m.md\r\n@@ -1,2 +1,2 @@\r\n-Updated: 2026-01-01\r\n+Updated: 2026-12-05\r\n'
        .replace(/\r\n/g, '\n')
        .replace(/^([-+@ ][^-+@\n][^\n]*)$/gm, '$1\r')
    const text = renderMigrate({ ...result([]), diff }, plain)
    expect(text).toContain('(CRLF line endings, kept as they are, are not shown)')
    expect(text).toContain('\n-Updated: 2026-01-01\n+Updated: 2026-12-05\n')
    expect(text).not.toContain('\r')
  })
})
