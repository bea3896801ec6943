// Deep and huge inputs, as a pull request can plant them: JSON nested 100,000 deep (once an "internal error",
// exit 2 and an empty --json), a matrix crafted for the Markdown parser's quadratic paths (once minutes per
// gate). Each is a located BG111 finding; the verdict and the JSON output stay intact, and no case stalls.
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { runMain } from '../helpers/cli-in-process.js'
import type { MainRun } from '../helpers/cli-in-process.js'
import { loadPolicy } from '../../src/policy/load.js'
import { PROBE_REQUESTS, sendProbe } from '../../src/producer/probe.js'
import type { Finding } from '../../src/rules/finding.js'
import { STACK_LINE } from '../helpers/cli-run.js'
import {
  cleanupFixtures,
  findingsOf,
  HANDOFF,
  health,
  MATRIX,
  MIRROR,
  PIN,
  POLICY,
  PRODUCER_MANIFEST,
  tempDir,
  trioFixture
} from '../helpers/fixture.js'
import type { Fixture } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
/** A JSON file whose first field holds `value`, on the second line from column 14. */
const holding = (value: string) => `{\n  "release": ${value}\n}\n`
/** The column of the bracket that opens the 65th level in `holding(value)` (the file's own object is the first). */
const column65 = (value: string) => 14 + (value.startsWith('{') ? 63 * '{"a":'.length : 63)

function over(findings: Finding[]): [string | null, number | null, number | null][] {
  return findings.filter((f) => f.rule === 'BG111').map((f) => [f.file, f.line, f.column])
}

/** `baseline-gate health --json --no-probe` in process, as a user runs it. */
function cliHealth(root: string): Promise<MainRun> {
  return runMain(['health', '--json', '--no-probe', '--evidence-dir', tempDir('bg-evidence-')], root)
}

describe('JSON nested 100,000 deep', () => {
  it('the pin: a located BG111, verdict FAIL, and the --json output a whole JSON document (exit 1, not 2)', async () => {
    const fx = trioFixture()
    fx.write(PIN, holding(deepArray(100_000)))
    const r = await cliHealth(fx.root)
    expect(r.stderr).not.toMatch(STACK_LINE)
    expect(r.status).toBe(1)
    const out = JSON.parse(r.stdout) as { verdict: string; baselines: { findings: Finding[] }[] }
    expect(out.verdict).toBe('FAIL')
    expect(over(out.baselines[0]!.findings)).toEqual([[PIN, 2, column65('[')]])
    const f = out.baselines[0]!.findings.find((x) => x.rule === 'BG111')!
    expect(f.message).toContain('more than 64 levels')
    expect(f.message).toContain('was not parsed')
  })

  it.each([
    ['the pin', PIN],
    ['the mirror', MIRROR],
    ["the producer's manifest", PRODUCER_MANIFEST],
    ["the producer's handoff payload", HANDOFF]
  ])(
    '%s, in arrays or in objects: BG111 on that file and every other file still checked',
    async (_what, rel) => {
      for (const value of [deepArray(100_000), deepObject(100_000), deepArray(5_000)]) {
        const fx = trioFixture()
        fx.write(rel, holding(value))
        const result = await health(fx.root)
        const findings = result.baselines[0]!.findings
        expect(result.verdict).toBe('FAIL')
        expect(over(findings)).toEqual([[rel, 2, column65(value)]])
        // the mirror's digest is still checked, and explaining the mismatch does not walk the deep value
        if (rel === MIRROR) expect(findings.map((f) => f.rule)).toContain('BG202')
      }
    }
  )

  it('the policy file: a located error, never the defaults', () => {
    const fx = trioFixture()
    fx.write(POLICY, holding(deepArray(100_000)))
    expect(() => loadPolicy({ root: fx.root })).toThrow(
      `${POLICY}:2:${column65('[')}: arrays and objects nest more than 64`
    )
  })

  it("a probed producer's response body nested 100,000 deep is not read (the rules would walk it)", async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(deepArray(100_000))
    })
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    try {
      const { port } = server.address() as AddressInfo
      const sent = await sendProbe(new URL(`http://127.0.0.1:${port}/`), PROBE_REQUESTS[0]!, 5_000)
      expect(sent.json).toBeUndefined()
      expect(sent.jsonError).toContain('more than 64 levels')
    } finally {
      server.close()
    }
  })
})

/** Write `body` as the matrix's last section; the line of its first line. */
function appendToMatrix(fx: Fixture, body: string): number {
  const text = fx.read(MATRIX)
  fx.write(MATRIX, `${text}\n## Notes\n\n${body}`)
  return text.split('\n').length + 3
}

describe('a matrix crafted for the Markdown parser (each once seconds to minutes per gate)', () => {
  // column null: it depends on how many markers the matrix already holds
  it.each([
    [
      'a 200 KB cell of `*a`',
      (fx: Fixture) => appendToMatrix(fx, `| a | ${'*a'.repeat(100_000)} |\n`),
      6,
      'table cell'
    ],
    [
      'a run of 60,000 `>`',
      (fx: Fixture) => appendToMatrix(fx, `${'>'.repeat(60_000)} a\n`),
      null,
      'block quote'
    ],
    [
      '100,000 pipes in a row',
      (fx: Fixture) => appendToMatrix(fx, `${'|'.repeat(100_000)}\n`),
      1,
      'table cells'
    ],
    [
      'a paragraph of 5,000 lines of `*a`',
      (fx: Fixture) => appendToMatrix(fx, '*a*a*a*a\n'.repeat(5_000)),
      null,
      '`*`'
    ],
    [
      'a run of nested list markers',
      (fx: Fixture) => appendToMatrix(fx, `${'+ '.repeat(20_000)}a\n`),
      null,
      'list items'
    ],
    ['100 setext headings', (fx: Fixture) => appendToMatrix(fx, 'a\n=\n'.repeat(100)), 1, '`=` or `-`'],
    ['50,000 lines', (fx: Fixture) => appendToMatrix(fx, 'a\n\n'.repeat(25_000)), 1, 'lines'],
    [
      'backtick runs on a 100 KB line',
      (fx: Fixture) => appendToMatrix(fx, `${'`a'.repeat(50_000)}\n`),
      65_537,
      'characters long'
    ]
  ])('%s: BG111 where it crosses the limit, and no stall', async (_what, plant, column, words) => {
    const fx = trioFixture()
    const first = plant(fx)
    const started = Date.now()
    const findings = await findingsOf(fx.root)
    // generous: under the limits the parse is bounded by the largest real ledger; past them nothing is parsed
    expect(Date.now() - started).toBeLessThan(10_000)
    const f = findings.filter((x) => x.rule === 'BG111')
    expect(f).toHaveLength(1)
    expect(f[0]!.file).toBe(MATRIX)
    expect(f[0]!.line).toBeGreaterThanOrEqual(first)
    if (column !== null) expect(f[0]!.column).toBe(column)
    expect(f[0]!.message).toContain(words)
    // refused, not parsed: no matrix rule ran on it
    expect(findings.filter((x) => x.file === MATRIX && x.rule !== 'BG111')).toEqual([])
  })
})

describe('a value of 60,000 characters in the pin', () => {
  it('the terminal report and the packet Markdown show it cut, with its length; --json and the packet keep it whole', async () => {
    const fx = trioFixture()
    const tag = `v1.2.${'9'.repeat(60_000)}`
    fx.editJson(PIN, (pin) => {
      pin.release_tag = tag
    })
    const dir = tempDir('bg-evidence-')
    const r = await runMain(['health', '--no-probe', '--evidence-dir', dir], fx.root)
    expect(r.status).toBe(1)
    const lines = r.stdout.split('\n')
    // the headline, the identity line and the findings quoting the tag (BG201, BG206, BG212, BG304): each cut
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(2_500)
    expect(r.stdout.length).toBeLessThan(20_000)
    expect(lines[0]).toContain('(60,005 characters)')
    expect(r.stdout).toContain('characters; the evidence packet holds it whole)')
    const md = readFileSync(join(dir, 'health-memorykernel.md'), 'utf8')
    expect(Math.max(...md.split('\n').map((l) => l.length))).toBeLessThan(5_000)
    expect(md).toContain('(60,005 characters)')
    const packet = JSON.parse(readFileSync(join(dir, 'health-memorykernel.json'), 'utf8')) as {
      identity: { release_tag: string }
    }
    expect(packet.identity.release_tag).toBe(tag)
    const json = await runMain(['health', '--json', '--no-probe', '--evidence-dir', dir], fx.root)
    expect(
      (JSON.parse(json.stdout) as { baselines: { identity: { release_tag: string } }[] }).baselines[0]!
        .identity.release_tag
    ).toBe(tag)
  })
})

describe('a trio file saved as UTF-16', () => {
  it('is one finding that says so and what to do, not the noise of reading it as UTF-8 (found by review)', async () => {
    const fx = trioFixture()
    for (const file of [MATRIX, PIN])
      fx.write(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fx.read(file), 'utf16le')]))
    const findings = (await health(fx.root)).baselines[0]!.findings
    for (const file of [MATRIX, PIN]) {
      const mine = findings.filter((f) => f.file === file)
      expect([file, mine.length, mine[0]!.severity]).toEqual([file, 1, 'error'])
      expect(mine[0]!.message).toMatch(
        /is UTF-16 text \(it starts with a UTF-16 byte order mark\), which this tool does not read; save it as UTF-8$/
      )
    }
  })
})
