// The SARIF renderer (src/evidence/sarif.ts) and its surface (src/present/sarif.ts): every log is valid against
// the official SARIF 2.1.0 schema, levels follow the severities, every result has a relative location (a finding
// without a file is shown on its baseline's pin), rule help comes from the catalog, fingerprints are stable.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  FINGERPRINT_KEY,
  rulesDocUrl,
  sarifCategory,
  sarifFileName,
  sarifLog,
  sarifRule,
  sarifText
} from '../../src/evidence/sarif.js'
import type { SarifInput } from '../../src/evidence/sarif.js'
import type { OperationResult } from '../../src/operations/context.js'
import { actionRulesDoc, checkoutPrefix, sarifOf } from '../../src/present/sarif.js'
import { RULE_IDS, RULES } from '../../src/rules/catalog.js'
import { finding } from '../../src/rules/finding.js'
import type { Finding } from '../../src/rules/finding.js'
import { defaultBaseline } from '../../src/policy/defaults.js'
import { sarifSchemaErrors } from '../helpers/sarif-schema.js'

const PIN = 'config/memorykernel-integration-pin.json'
const DOC =
  'https://github.com/octo/baseline-gate/blob/0123456789abcdef0123456789abcdef01234567/docs/rules.md'

function input(findings: Finding[], over: Partial<SarifInput> = {}): SarifInput {
  return {
    operation: 'health',
    baselines: [{ name: 'memorykernel', pin: PIN, findings }],
    toolVersion: '1.2.3',
    prefix: '',
    root: '/home/runner/work/consumer/consumer',
    rulesDoc: DOC,
    ...over
  }
}

const located = finding('BG206', 'docs/MEMORYKERNEL_COMPATIBILITY_MATRIX.md', { line: 12, column: 3 }, 'x')
const noFile = finding(
  'BG701',
  null,
  null,
  'suite step "consumer › test" failed (exit 1, 2.5 s); read its log tail'
)
const warning = finding('BG208', 'docs/MEMORYKERNEL_COMPATIBILITY_MATRIX.md', { line: 4, column: 1 }, 'w')
const notice = finding('BG407', null, null, 'the producer was not probed (probe: false)')

describe('sarifLog', () => {
  it('is one valid SARIF 2.1.0 run of baseline-gate with its version, category and results', () => {
    const log = sarifLog(input([located, noFile, warning, notice]))
    expect(sarifSchemaErrors(log)).toEqual([])
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(1)
    const run = log.runs[0]
    expect(run.tool.driver).toMatchObject({
      name: 'baseline-gate',
      version: '1.2.3',
      semanticVersion: '1.2.3',
      informationUri: 'https://github.com/octo/baseline-gate'
    })
    expect(run.automationDetails.id).toBe('baseline-gate/health/memorykernel/')
    expect(run.results).toHaveLength(4)
  })

  it('takes a backslash for a character of a name, never for a separator that points at another file', () => {
    const f = finding('BG603', 'src/producer\\endpoints.ts', { line: 1, column: 1 }, 'x')
    const location = sarifLog(input([f])).runs[0].results[0]!.locations[0]!
    expect(location.physicalLocation.artifactLocation.uri).toBe('src/producer%5Cendpoints.ts')
  })

  it('maps error, warning and notice to the levels error, warning and note', () => {
    const run = sarifLog(input([located, warning, notice])).runs[0]
    const level = (rule: string) => run.results.find((r) => r.ruleId === rule)!.level
    expect([level('BG206'), level('BG208'), level('BG407')]).toEqual(['error', 'warning', 'note'])
    expect(run.tool.driver.rules.find((r) => r.id === 'BG407')!.defaultConfiguration.level).toBe('note')
  })

  it('lists only the rules referenced, sorted, and each result points at its rule by index', () => {
    const run = sarifLog(input([warning, located, located])).runs[0]
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['BG206', 'BG208'])
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId)
  })

  it('locates a finding at its file, line and column, relative to the checkout', () => {
    const r = sarifLog(input([located])).runs[0].results[0]!
    expect(r.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'docs/MEMORYKERNEL_COMPATIBILITY_MATRIX.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12, startColumn: 3 }
    })
    expect(r.properties.located).toBe(true)
  })

  it('prefixes the root below the top of the checkout (a consumer inside a monorepo)', () => {
    const r = sarifLog(input([located], { prefix: 'apps/consumer' })).runs[0].results[0]!
    expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe(
      'apps/consumer/docs/MEMORYKERNEL_COMPATIBILITY_MATRIX.md'
    )
  })

  it('shows a finding without a file on line 1 of its baseline pin, and says so', () => {
    const r = sarifLog(input([noFile])).runs[0].results[0]!
    expect(r.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: PIN, uriBaseId: '%SRCROOT%' },
      region: { startLine: 1 }
    })
    // the rule id is not repeated in the message: code scanning shows it beside the message
    expect(r.message.text).toMatch(/^suite step "consumer › test" failed/)
    expect(r.message.text).toContain('baseline memorykernel: the finding has no file of its own')
    expect(r.properties.located).toBe(false)
  })

  it('never writes an absolute path: not in a location, not in a message', () => {
    const abs = finding('BG110', '/etc/passwd', { line: 1, column: 1 }, 'the path /etc/passwd leads out')
    const rooted = finding(
      'BG102',
      'config/x.json',
      null,
      'cannot read /home/runner/work/consumer/consumer/config/x.json (under /home/runner/work/consumer/consumer)'
    )
    const log = sarifLog(input([abs, rooted], { prefix: '/abs/prefix' }))
    expect(sarifSchemaErrors(log)).toEqual([])
    const uris = log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri)
    expect(uris).toEqual([PIN, 'config/x.json'])
    const text = JSON.stringify(log.runs[0].results)
    expect(text).not.toContain('/home/runner')
    expect(log.runs[0].results[1]!.message.text).toBe('cannot read config/x.json (under .)')
  })

  it('names no target of a link that leads out of the repository, and quotes no link: brackets are text', () => {
    const escape = finding(
      'BG110',
      PIN,
      { line: 1, column: 1 },
      'config/memorykernel-integration-pin.json leads outside the repository (to /proc/27260/environ)'
    )
    const quoted = finding(
      'BG108',
      PIN,
      { line: 3, column: 5 },
      'runtime_cutover_posture must be GO or NO-GO (got "[Click to approve](https://evil.example/x)")'
    )
    const log = sarifLog(input([escape, quoted]))
    expect(sarifSchemaErrors(log)).toEqual([])
    expect(log.runs[0].results.map((r) => r.message.text)).toEqual([
      'config/memorykernel-integration-pin.json leads outside the repository (to a path outside the repository)',
      'runtime_cutover_posture must be GO or NO-GO (got "\\[Click to approve\\](https://evil.example/x)")'
    ])
  })

  it('shows a control, bidirectional or zero-width character of a quoted value as data, as an annotation does', () => {
    const hostile = finding(
      'BG108',
      'api/\u202ex\u200b.json',
      { line: 3, column: 5 },
      'runtime_cutover_posture must be GO or NO-GO (got "\u202eOG\u001b[8m\u200b##[x]\nok")'
    )
    const log = sarifLog(input([hostile]))
    expect(sarifSchemaErrors(log)).toEqual([])
    const r = log.runs[0].results[0]!
    expect(r.message.text).toBe(
      'runtime_cutover_posture must be GO or NO-GO (got "\\u202eOG\\u001b\\[8m\\u200b\\u0023#\\[x\\]\\nok")'
    )
    // the location was already safe: every such character percent-encoded
    expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe('api/%E2%80%AEx%E2%80%8B.json')
  })

  it('percent-encodes a path as a URI reference', () => {
    const odd = finding('BG101', 'docs/my matrix#1.md', null, 'missing')
    const log = sarifLog(input([odd]))
    expect(log.runs[0].results[0]!.locations[0].physicalLocation.artifactLocation.uri).toBe(
      'docs/my%20matrix%231.md'
    )
    expect(sarifSchemaErrors(log)).toEqual([])
  })

  it('keeps fingerprints stable across runs: a moved line or a new duration is the same alert', () => {
    const before = sarifLog(input([located, noFile])).runs[0].results
    const moved = finding('BG206', located.file, { line: 40, column: 9 }, 'x')
    const slower = finding('BG701', null, null, noFile.message.replace('2.5 s', '31.0 s'))
    const after = sarifLog(input([slower, moved])).runs[0].results
    const print = (rs: typeof before, rule: string) => rs.find((r) => r.ruleId === rule)!.partialFingerprints
    expect(print(after, 'BG206')).toEqual(print(before, 'BG206'))
    expect(print(after, 'BG701')).toEqual(print(before, 'BG701'))
    expect(Object.keys(print(before, 'BG206'))).toEqual([FINGERPRINT_KEY])
  })

  it('gives two same-looking findings two fingerprints, and another baseline another one', () => {
    const a = finding('BG106', 'config/x.json', { line: 1, column: 2 }, 'syntax error at 1:2')
    const b = finding('BG106', 'config/x.json', { line: 5, column: 2 }, 'syntax error at 5:2')
    const one = sarifLog(input([a, b])).runs[0].results.map((r) => r.partialFingerprints[FINGERPRINT_KEY])
    expect(new Set(one).size).toBe(2)
    const other = sarifLog(
      input([], {
        baselines: [
          { name: 'memorykernel', pin: PIN, findings: [a] },
          { name: 'other', pin: 'config/other-pin.json', findings: [a] }
        ]
      })
    ).runs[0]
    expect(new Set(other.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY])).size).toBe(2)
    expect(other.automationDetails.id).toBe('baseline-gate/health/memorykernel+other/')
  })

  it('is byte-identical for the same input (a re-run uploads the same file)', () => {
    expect(sarifText(input([located, noFile, warning]))).toBe(sarifText(input([warning, noFile, located])))
    expect(sarifText(input([located]))).toMatch(/\n$/)
  })

  it('has empty results on a clean run, so code scanning closes the alerts of this category', () => {
    const log = sarifLog(input([]))
    expect(log.runs[0].results).toEqual([])
    expect(log.runs[0].tool.driver.rules).toEqual([])
    expect(sarifSchemaErrors(log)).toEqual([])
  })

  it('omits helpUri and informationUri when the docs URL is unknown or not http(s)', () => {
    for (const rulesDoc of [
      null,
      'file:///tmp/rules.md',
      'https://user:pw@github.com/x/y/blob/a/docs/rules.md'
    ]) {
      const log = sarifLog(input([located], { rulesDoc }))
      expect(log.runs[0].tool.driver.informationUri).toBeUndefined()
      expect(log.runs[0].tool.driver.rules[0]!.helpUri).toBeUndefined()
      expect(sarifSchemaErrors(log)).toEqual([])
    }
  })
})

describe('sarifRule: the help is the catalog', () => {
  it('names, describes and explains every rule of the catalog, with its docs anchor', () => {
    for (const id of RULE_IDS) {
      const rule = sarifRule(id, DOC)
      expect(rule.shortDescription.text).toBe(RULES[id].title)
      expect(rule.fullDescription.text).toBe(RULES[id].description)
      expect(rule.help.text).toContain(RULES[id].example)
      expect(rule.help.markdown).toContain(`[docs/rules.md#${id.toLowerCase()}](${DOC}#${id.toLowerCase()})`)
      expect(rule.helpUri).toBe(`${DOC}#${id.toLowerCase()}`)
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]*$/)
    }
    expect(sarifRule('BG101', DOC).name).toBe('TrioFileMissing')
    expect(sarifRule('BG701', null).help.markdown).toContain(
      "docs/rules.md#bg701 in baseline-gate's repository"
    )
  })

  it('tags each rule with its family', () => {
    expect(sarifRule('BG101', null).properties.tags).toEqual(['baseline-gate', 'parse-and-schema'])
    expect(sarifRule('BG803', null).properties.tags).toEqual(['baseline-gate', 'posture-and-approval'])
  })
})

describe('names and URLs', () => {
  it('names the file like the packets', () => {
    expect(sarifFileName('promotion', ['memorykernel'])).toBe('promotion-memorykernel.sarif')
    expect(sarifFileName('health', ['a', 'b'])).toBe('health.sarif')
    expect(sarifCategory('rollback', ['b', 'a'])).toBe('baseline-gate/rollback/a+b/')
  })

  it('links docs/rules.md of the action repository at its ref, or of the checkout at the commit', () => {
    expect(rulesDocUrl({ actionRepository: 'octo/baseline-gate', actionRef: 'v1.2.3' })).toBe(
      'https://github.com/octo/baseline-gate/blob/v1.2.3/docs/rules.md'
    )
    const sha = '0123456789abcdef0123456789abcdef01234567'
    expect(
      rulesDocUrl({ server: 'https://ghe.example/', repository: 'o/r', sha, localDocs: 'docs/rules.md' })
    ).toBe(`https://ghe.example/o/r/blob/${sha}/docs/rules.md`)
    expect(rulesDocUrl({ repository: 'o/r', sha: 'main', localDocs: 'docs/rules.md' })).toBeNull()
    expect(rulesDocUrl({ repository: 'o/r', sha, localDocs: '../docs/rules.md' })).toBeNull()
    expect(
      rulesDocUrl({ server: 'javascript:alert(1)', actionRepository: 'o/r', actionRef: 'v1' })
    ).toBeNull()
    expect(rulesDocUrl({})).toBeNull()
  })

  it("finds the action's own repository from where the runner put it", () => {
    const sha = '0123456789abcdef0123456789abcdef01234567'
    expect(
      actionRulesDoc({
        GITHUB_ACTION_PATH: '/home/runner/work/_actions/octo/baseline-gate/v1.2.3/actions/health',
        GITHUB_WORKSPACE: '/home/runner/work/consumer/consumer'
      })
    ).toBe('https://github.com/octo/baseline-gate/blob/v1.2.3/docs/rules.md')
    expect(
      actionRulesDoc({
        GITHUB_ACTION_PATH: '/home/runner/work/_actions/octo/baseline-gate/v1',
        GITHUB_WORKSPACE: '/w'
      })
    ).toBe('https://github.com/octo/baseline-gate/blob/v1/docs/rules.md')
    expect(
      actionRulesDoc({
        GITHUB_ACTION_PATH: '/w/actions/promotion',
        GITHUB_WORKSPACE: '/w',
        GITHUB_REPOSITORY: 'octo/baseline-gate',
        GITHUB_SHA: sha
      })
    ).toBe(`https://github.com/octo/baseline-gate/blob/${sha}/docs/rules.md`)
    expect(actionRulesDoc({})).toBeNull()
  })

  it('computes the root below the top of the checkout', () => {
    expect(checkoutPrefix('/w', '/w')).toBe('')
    expect(checkoutPrefix('/w', '/w/apps/consumer')).toBe('apps/consumer')
    expect(checkoutPrefix('/w', '/elsewhere')).toBe('')
  })
})

describe('sarifOf: the surface of an operation result', () => {
  it("renders each baseline's findings with its pin from the policy", () => {
    const result = {
      operation: 'promotion',
      verdict: 'FAIL',
      evidence: '/tmp/e/promotion-memorykernel.json',
      baselines: [{ name: 'memorykernel', findings: [noFile] }]
    } as unknown as OperationResult
    const surface = sarifOf(result, [defaultBaseline('memorykernel')], {
      root: '/r',
      prefix: '',
      rulesDoc: null
    })
    expect(surface.name).toBe('promotion-memorykernel.sarif')
    const log = JSON.parse(surface.text) as ReturnType<typeof sarifLog>
    expect(sarifSchemaErrors(log)).toEqual([])
    expect(log.runs[0].results[0]!.locations[0].physicalLocation.artifactLocation.uri).toBe(PIN)
  })
})

describe('property: any findings give a schema-valid log with a relative location on every result', () => {
  const ruleArb = fc.constantFrom(...RULE_IDS)
  const segment = fc.stringMatching(/^[A-Za-z0-9 ._#%?@!$&'()*+,;=~-]{1,12}$/)
  const fileArb = fc.oneof(
    fc.constant(null),
    fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/')),
    fc.constantFrom('/etc/passwd', '../outside.json', 'C:\\x.json', 'a/../../b', '')
  )
  const positionArb = fc.option(
    fc.record({ line: fc.integer({ min: -3, max: 100000 }), column: fc.integer({ min: -3, max: 500 }) }),
    { nil: null }
  )
  const findingArb = fc
    .tuple(
      ruleArb,
      fileArb,
      positionArb,
      fc.string({ maxLength: 200 }),
      fc.option(fc.string(), { nil: undefined })
    )
    .map(([rule, file, at, message, subject]) => finding(rule, file, at, message, subject))
  const baselineArb = fc.record({
    name: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
    pin: fc.constantFrom(PIN, 'apps/x/pin.json', '/abs/pin.json'),
    findings: fc.array(findingArb, { maxLength: 25 })
  })

  it('holds for random findings, baselines and prefixes', () => {
    fc.assert(
      fc.property(
        fc.array(baselineArb, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('', 'apps/consumer', '/abs', '../up'),
        fc.constantFrom('health', 'promotion', 'rollback'),
        (baselines, prefix, operation) => {
          const log = sarifLog(input([], { baselines, prefix, operation }))
          expect(sarifSchemaErrors(log)).toEqual([])
          const run = log.runs[0]
          expect(run.results).toHaveLength(baselines.reduce((n, b) => n + b.findings.length, 0))
          for (const r of run.results) {
            const uri = r.locations[0].physicalLocation.artifactLocation.uri
            expect(uri).not.toMatch(/^\/|^[A-Za-z]:|(^|\/)\.\.(\/|$)/)
            expect(uri).not.toBe('')
            expect(r.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1)
            expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId)
          }
          // one fingerprint per result within a run
          const prints = run.results.map(
            (r) => `${r.properties.baseline}|${r.partialFingerprints[FINGERPRINT_KEY]}`
          )
          expect(new Set(prints).size).toBe(prints.length)
        }
      ),
      { numRuns: 150 }
    )
  })
})
