// init's decisions on repositories held in memory: what it finds by content, and what it says it cannot decide
// (two mirrors, no matrix, a second file naming endpoints, a binary without --bind, ...).
import { createHash } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import { propose } from '../../src/adopt/propose.js'
import type { BaselineDocument, InitItem, Proposal } from '../../src/adopt/propose.js'
import { memoryInventory } from '../../src/fs/inventory.js'

const sha = (s: string) => createHash('sha256').update(s).digest('hex')
const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`

const TAG = 'v1.2.0'
const COMMIT = 'c'.repeat(40)

function manifestText(tag = TAG, commit = COMMIT): string {
  return json({
    manifest_contract_version: 'producer-contract-manifest.v1',
    release_tag: tag,
    commit_sha: commit,
    expected_service_contract_version: 'service.v3',
    expected_api_contract_version: 'api.v1',
    integration_baseline: 'integration/v1'
  })
}

function pinText(manifest: string | null, extra: Record<string, unknown> = {}): string {
  return json({
    memorykernel_repo: 'https://github.com/acme/mk',
    release_tag: TAG,
    commit_sha: COMMIT,
    expected_service_contract_version: 'service.v3',
    expected_api_contract_version: 'api.v1',
    expected_integration_baseline: 'integration/v1',
    ...(manifest === null ? {} : { expected_producer_manifest_sha256: sha(manifest) }),
    runtime_cutover_posture: 'GO',
    ...extra
  })
}

function matrixText(tag = TAG, name = 'MemoryKernel'): string {
  return [
    `# ${name} Compatibility Matrix`,
    '',
    '## baseline pin',
    '',
    `- ${name} release tag: \`${tag}\``,
    `- ${name} commit SHA: \`${COMMIT}\``,
    '',
    '## Approved Version Pairs',
    '',
    '| a | b |',
    '| --- | --- |',
    ''
  ].join('\n')
}

const M = manifestText()
const ENDPOINTS = ['/v1/health', '/v1/ready', '/v1/db/schema-version', '/v1/query/ask']
const SCAN_TS = 'src/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'

/** A consumer with an embedded producer under services/mk, laid out its own way; `over` adds, replaces (null: removes). */
function repository(over: Record<string, string | null> = {}): Record<string, string> {
  const files: Record<string, string | null> = {
    'package.json': json({
      name: 'app',
      scripts: {
        typecheck: 'tsc',
        test: 'vitest',
        'test:governance-negative': 'x',
        'test:contract': 'y',
        'test:ci': 'z'
      }
    }),
    'package-lock.json': '{}\n',
    'tsconfig.json': json({ compilerOptions: { strict: true } }),
    'vite.config.ts': "export default { server: { proxy: { '/v1/health': 'x' } } }\n",
    '.github/CODEOWNERS': '* @acme/app\n/config/ @acme/app @carol\nservices/mk/ @acme/mk-team\n',
    'config/mk-integration-pin.json': pinText(M),
    'config/mk-producer-manifest.json': M,
    'docs/MK_COMPATIBILITY_MATRIX.md': matrixText(),
    'docs/guide.md': '# Guide\n\n## Baseline Pin\n\nprose only, no ledger\n',
    'src/app.ts': 'export const app = 1\n',
    'src/api/mk-client.ts': ENDPOINTS.map((e, i) => `export const E${i} = '${e}'\n`).join(''),
    '__tests__/client.test.ts': "fetch('/v1/health'); fetch('/v1/query/ask')\n",
    'dist/bundle.js': ENDPOINTS.join(' '),
    'scripts/smoke.mjs': "await fetch('http://127.0.0.1:4010/v1/health')\n",
    'services/mk/Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
    'services/mk/Cargo.lock': '# lock\n',
    'services/mk/crates/mk-service/Cargo.toml': '[package]\nname = "mk-service"\n',
    'services/mk/crates/mk-service/src/main.rs':
      'mod routes;\n// memorykernel [--bind ADDR]\nfn main() { let _ = "--bind"; }\n',
    'services/mk/crates/mk-service/src/routes.rs': [
      ...ENDPOINTS.map((e) => `const _R: &str = "${e}";`),
      '#[cfg(test)]',
      'mod tests { const _T: &str = "/v1/nope"; }',
      ''
    ].join('\n'),
    'services/mk/crates/mk-cli/Cargo.toml':
      '[package]\nname = "mk-cli"\n\n[[bin]]\nname = "mk"\npath = "src/main.rs"\n',
    'services/mk/crates/mk-cli/src/main.rs':
      'fn main() { let _ = ("/v1/query/ask", "/v1/health", "/v1/ready", "/v1/db/schema-version"); }\n',
    'services/mk/crates/mk-contract/Cargo.toml': '[package]\nname = "mk-contract"\n',
    'services/mk/crates/mk-contract/src/lib.rs': 'pub const ASK: &str = "/v1/query/ask";\n',
    'services/mk/contracts/integration/v1/producer-contract-manifest.json': M,
    'services/mk/contracts/integration/v1/schemas/health-response.schema.json': '{}\n',
    'services/mk/docs/implementation/PRODUCER_RELEASE_HANDOFF_LATEST.json': json({
      handoff_mode: 'stable',
      release_tag: TAG,
      commit_sha: COMMIT,
      expected_service_contract_version: 'service.v3',
      expected_api_contract_version: 'api.v1',
      manifest_contract_version: 'producer-contract-manifest.v1'
    }),
    ...over
  }
  return Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== null))
}

function run(files: Record<string, string>): Proposal {
  return propose(memoryInventory(files))
}

function only(p: Proposal): BaselineDocument {
  const names = Object.keys(p.document?.baselines ?? {})
  expect(names).toHaveLength(1)
  return p.document!.baselines[names[0]!]!
}

const fields = (items: InitItem[]) => items.map((i) => i.field)
const about = (items: InitItem[], field: string) => items.filter((i) => i.field === field)

describe('propose: a repository laid out its own way', () => {
  const p = run(repository())
  const b = only(p)

  it('finds the trio by content, names the baseline after the pin file', () => {
    expect(Object.keys(p.document!.baselines)).toEqual(['mk'])
    expect(b.trio).toEqual({
      pin: 'config/mk-integration-pin.json',
      manifest: 'config/mk-producer-manifest.json',
      matrix: 'docs/MK_COMPATIBILITY_MATRIX.md'
    })
    expect(b.display_name).toBe('MemoryKernel')
    expect(about(p.found, 'trio.manifest')[0]!.message).toMatch(/SHA-256 equals the pin's/)
  })

  it('finds the producer: root, manifest, handoff, the service binary (not the CLI that names endpoints too)', () => {
    expect(b.producer).toEqual({
      root: 'services/mk',
      manifest: 'contracts/integration/v1/producer-contract-manifest.json',
      handoff: 'docs/implementation/PRODUCER_RELEASE_HANDOFF_LATEST.json',
      start: {
        run: [
          'cargo',
          'run',
          '--quiet',
          '--locked',
          '-p',
          'mk-service',
          '--bin',
          'mk-service',
          '--',
          '--bind',
          '127.0.0.1:{port}'
        ],
        cwd: '{producer_root}'
      },
      probe: { schemas: 'contracts/integration/v1/schemas' }
    })
  })

  it('finds the adapter among the consumer sources only (not tests, dist, scripts or root config)', () => {
    expect(b.adapter).toEqual({
      file: 'src/api/mk-client.ts',
      endpoints: ENDPOINTS,
      scan: [SCAN_TS],
      exclude: []
    })
    expect(about(p.found, 'adapter.file')[0]!.message).toMatch(/^names 4 of the 4 producer endpoints/)
  })

  it('suites: the runbook scripts with npm; the producer checks that exist', () => {
    expect(b.suites!.consumer!.map((s) => s.run)).toEqual([
      ['npm', 'run', 'typecheck'],
      ['npm', 'run', 'test'],
      ['npm', 'run', 'test:governance-negative'],
      ['npm', 'run', 'test:contract'],
      ['npm', 'run', 'test:ci']
    ])
    expect(b.suites!.producer!.map((s) => s.name)).toEqual(['cargo fmt', 'cargo clippy', 'cargo test'])
    expect(about(p.notes, 'suites.producer').map((n) => n.path)).toEqual([
      'services/mk/scripts/verify_producer_contract_manifest.sh',
      'services/mk/scripts/verify_producer_handoff_payload.sh'
    ])
  })

  it('owners from CODEOWNERS: the pin’s for the consumer, the producer root’s for the producer', () => {
    expect(b.owners).toEqual({ consumer: ['acme/app', 'carol'], producer: ['acme/mk-team'] })
  })

  it('decides everything here, and says nothing of migrate (the pin has a posture)', () => {
    expect(p.undecided).toEqual([])
    expect(p.migrate).toEqual([])
    expect(b.repin).toBeUndefined()
  })

  it('writes the same text on every run, display_name first', () => {
    expect(run(repository()).text).toBe(p.text)
    expect(Object.keys(b)).toEqual(['display_name', 'trio', 'producer', 'adapter', 'suites', 'owners'])
    expect(p.text!.endsWith('}\n')).toBe(true)
    expect(p.text).not.toContain('$schema')
  })
})

describe('propose: the mirror', () => {
  const old = manifestText('v1.1.0', 'b'.repeat(40))

  it('of two candidates, takes the one with the pin’s SHA-256', () => {
    const p = run(repository({ 'config/aaa-old-manifest.json': old }))
    expect(only(p).trio.manifest).toBe('config/mk-producer-manifest.json')
    expect(about(p.undecided, 'trio.manifest')).toEqual([])
  })

  it('a pin without the digest: matched by release, and the missing digest is said', () => {
    const p = run(
      repository({ 'config/aaa-old-manifest.json': old, 'config/mk-integration-pin.json': pinText(null) })
    )
    expect(only(p).trio.manifest).toBe('config/mk-producer-manifest.json')
    expect(about(p.found, 'trio.manifest')[0]!.message).toMatch(/release_tag and commit_sha equal the pin's/)
    expect(about(p.undecided, 'trio.manifest')[0]!.message).toMatch(/no expected_producer_manifest_sha256/)
  })

  it('two candidates and neither matches: undecided, left to the default', () => {
    const p = run(
      repository({
        'config/aaa-old-manifest.json': old,
        'config/mk-producer-manifest.json': manifestText('v0.9.0', 'd'.repeat(40))
      })
    )
    expect(only(p).trio.manifest).toBeUndefined()
    expect(about(p.undecided, 'trio.manifest')[0]!.message).toMatch(
      /2 producer contract manifests .* none matches/
    )
  })

  it('no mirror at all (an old trio): undecided, with what to do', () => {
    const p = run(repository({ 'config/mk-producer-manifest.json': null }))
    expect(only(p).trio.manifest).toBeUndefined()
    const u = about(p.undecided, 'trio.manifest')[0]!
    expect(u.message).toMatch(/^no mirror/)
    expect(u.todo).toMatch(/config\/mk-producer-manifest\.json/)
  })
})

describe('propose: the matrix', () => {
  it('no matrix: undecided; no display_name guessed', () => {
    const p = run(repository({ 'docs/MK_COMPATIBILITY_MATRIX.md': null }))
    const b = only(p)
    expect(b.trio.matrix).toBeUndefined()
    expect(b.display_name).toBeUndefined()
    expect(about(p.undecided, 'trio.matrix')[0]!.message).toMatch(/Baseline Pin.*Approved Version Pairs/)
    expect(about(p.undecided, 'display_name')[0]!.message).toBe('there is no matrix to read it from')
  })

  it('of two matrices, the one naming the pinned release; a heading inside a code fence does not count', () => {
    const p = run(
      repository({
        'docs/A_OLD_MATRIX.md': matrixText('v0.1.0', 'Old'),
        'docs/howto.md': '# How\n\n```md\n## Baseline Pin\n## Approved Version Pairs\n```\n'
      })
    )
    expect(only(p).trio.matrix).toBe('docs/MK_COMPATIBILITY_MATRIX.md')
  })
})

describe('propose: the adapter boundary', () => {
  it('another consumer file naming an endpoint: each one undecided (BG603), the adapter stays the one naming most', () => {
    const p = run(repository({ 'src/pages/status.tsx': "const url = '/v1/health'\n" }))
    expect(only(p).adapter!.file).toBe('src/api/mk-client.ts')
    const u = about(p.undecided, 'adapter.file')
    expect(u.map((i) => i.path)).toEqual(['src/pages/status.tsx'])
    expect(u[0]!.message).toMatch(/BG603/)
    expect(u[0]!.todo).toMatch(/route it through the adapter/)
  })

  it('an adapter written as .mts is found, and a .cts file naming an endpoint is undecided (BG603)', () => {
    const p = run(
      repository({
        'src/api/mk-client.ts': null,
        'src/api/mk-client.mts': ENDPOINTS.map((e, i) => `export const E${i} = '${e}'\n`).join(''),
        'src/legacy/status.cts': "exports.url = '/v1/health'\n"
      })
    )
    expect(only(p).adapter!.file).toBe('src/api/mk-client.mts')
    expect(about(p.undecided, 'adapter.file').map((i) => i.path)).toEqual(['src/legacy/status.cts'])
  })

  it('a TypeScript client and a Rust command module: one adapter file per language, the endpoints they name', () => {
    const p = run(
      repository({
        'src/api/mk-client.ts': "export const H = '/v1/health'\n",
        'src-tauri/Cargo.toml': '[package]\nname = "app"\n',
        'src-tauri/build.rs': 'fn main() { let _ = "/v1/ready"; }\n',
        'src-tauri/src/main.rs': 'fn main() {}\n',
        'src-tauri/src/commands/mk.rs':
          'const A: &str = "/v1/query/ask";\nconst S: &str = "/v1/db/schema-version";\n'
      })
    )
    const b = only(p)
    expect(b.adapter).toEqual({
      file: ['src/api/mk-client.ts', 'src-tauri/src/commands/mk.rs'],
      endpoints: ['/v1/health', '/v1/db/schema-version', '/v1/query/ask'],
      unused: ['/v1/ready'],
      scan: [SCAN_TS, 'src-tauri/src/**/*.rs'],
      exclude: []
    })
    expect(about(p.notes, 'adapter.endpoints')[0]!.message).toBe(
      'the adapter does not name /v1/ready: listed under adapter.unused (the adapter need not name it; no other file may)'
    )
  })

  it('an endpoint only another file names is not said to be unused by the consumer: that file is named (found by review)', () => {
    const p = run(
      repository({
        'src/api/mk-client.ts':
          "export const H = '/v1/health'\nexport const A = '/v1/query/ask'\nexport const S = '/v1/db/schema-version'\n",
        'src/debug.ts': "fetch('/v1/ready')\n"
      })
    )
    expect(only(p).adapter!.unused).toEqual(['/v1/ready'])
    expect(about(p.notes, 'adapter.endpoints')[0]!.message).toBe(
      'the adapter does not name /v1/ready: listed under adapter.unused (the adapter need not name it; no other file may, and src/debug.ts does: BG603 fails there until it calls the producer through the adapter)'
    )
  })

  it('a Rust adapter naming two endpoints and a component whose comment names one: the component is a leak, not a TypeScript adapter (found by review)', () => {
    const p = run(
      repository({
        'src/api/mk-client.ts': null,
        'src/components/StatusBadge.tsx':
          '// polls /v1/health through the desktop shell\nexport const Badge = () => null\n',
        'src-tauri/Cargo.toml': '[package]\nname = "app"\n',
        'src-tauri/src/main.rs': 'fn main() {}\n',
        'src-tauri/src/commands/memory_kernel.rs':
          'const H: &str = "/v1/health";\nconst A: &str = "/v1/query/ask";\n'
      })
    )
    expect(only(p).adapter!.file).toBe('src-tauri/src/commands/memory_kernel.rs')
    expect(about(p.undecided, 'adapter.file').map((i) => i.path)).toEqual(['src/components/StatusBadge.tsx'])
  })

  it('a Rust adapter naming every endpoint and a web page naming one: the page is a leak (BG603), not a second adapter', () => {
    const p = run(
      repository({
        'src/api/mk-client.ts': null,
        'web/debug.js': "export const up = () => fetch(base + '/v1/health')\n",
        'adapters/kernel/Cargo.toml': '[package]\nname = "kernel"\n',
        'adapters/kernel/src/lib.rs': ENDPOINTS.map((e, i) => `pub const E${i}: &str = "${e}";\n`).join('')
      })
    )
    expect(only(p).adapter!.file).toBe('adapters/kernel/src/lib.rs')
    const u = about(p.undecided, 'adapter.file')
    expect(u.map((i) => i.path)).toEqual(['web/debug.js'])
    expect(u[0]!.message).toMatch(/BG603/)
  })

  it('two files naming equally many: a guess, said as such', () => {
    const p = run(repository({ 'src/z/other.ts': ENDPOINTS.map((e) => `'${e}'`).join('\n') }))
    expect(only(p).adapter!.file).toBe('src/api/mk-client.ts')
    expect(about(p.undecided, 'adapter.file').map((u) => u.message)).toEqual([
      'guessed: src/api/mk-client.ts, src/z/other.ts name equally many endpoints',
      expect.stringMatching(/^names .* outside the adapter: BG603/)
    ])
  })

  it('generated code and tests under the scanned directory are excluded, and never the adapter', () => {
    const p = run(
      repository({
        'src/generated/api.ts': ENDPOINTS.concat(['/v1/extra']).join('\n'),
        'src/api/mk-client.test.ts': ENDPOINTS.join('\n')
      })
    )
    expect(only(p).adapter).toMatchObject({
      file: 'src/api/mk-client.ts',
      exclude: ['**/*.test.*', 'src/generated/**']
    })
    expect(about(p.undecided, 'adapter.file')).toEqual([])
  })

  it('a scanned directory that holds the producer: the producer is excluded from the scan', () => {
    const p = run(repository({ 'services/web/app.ts': 'export {}\n' }))
    expect(only(p).adapter).toMatchObject({
      scan: ['services/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', SCAN_TS],
      exclude: ['services/mk/**']
    })
  })

  it('no consumer source names an endpoint: adapter.file undecided, the scan still written', () => {
    const p = run(repository({ 'src/api/mk-client.ts': 'export {}\n' }))
    expect(only(p).adapter).toEqual({ scan: [SCAN_TS], exclude: [] })
    expect(about(p.undecided, 'adapter.file')[0]!.todo).toMatch(/BG604/)
  })

  it('routes the producer spells out (outside its tests) count as endpoints; the consumer uses only some', () => {
    const p = run(
      repository({
        'services/mk/crates/mk-service/src/admin.rs': 'const R: &str = "/v2/admin/reindex";\n'
      })
    )
    expect(only(p).adapter!.endpoints).toEqual(ENDPOINTS)
    expect(about(p.notes, 'adapter.endpoints').map((n) => n.message)).toEqual([
      expect.stringMatching(/also name the routes \/v2\/admin\/reindex/),
      expect.stringMatching(/does not name \/v2\/admin\/reindex/)
    ])
    expect(about(p.found, 'adapter.file')[0]!.message).toMatch(/^names 4 of the 5 producer endpoints/)
  })
})

describe('propose: the producer binary', () => {
  it('sources that never mention --bind, and no Cargo.lock: both undecided', () => {
    const p = run(
      repository({
        'services/mk/crates/mk-service/src/main.rs': 'mod routes;\nfn main() {}\n',
        'services/mk/Cargo.lock': null
      })
    )
    expect(only(p).producer!.start!.run).toContain('mk-service')
    expect(about(p.undecided, 'producer.start').map((u) => u.message)).toEqual([
      'how mk-service takes its listen address: its sources never mention --bind',
      'services/mk has no Cargo.lock: cargo run --locked fails without one'
    ])
  })

  it('no binary names an endpoint: producer.start undecided, left to the default', () => {
    const p = run(
      repository({
        'services/mk/crates/mk-service/src/routes.rs': '',
        'services/mk/crates/mk-cli/src/main.rs': 'fn main() {}\n'
      })
    )
    expect(only(p).producer!.start).toBeUndefined()
    expect(about(p.undecided, 'producer.start')[0]!.message).toMatch(
      /^no binary to start: none of its 2 binaries/
    )
  })

  it('no response schemas where the probe looks: undecided', () => {
    const p = run(
      repository({ 'services/mk/contracts/integration/v1/schemas/health-response.schema.json': null })
    )
    expect(only(p).producer!.probe).toBeUndefined()
    expect(fields(p.undecided)).toEqual(['producer.probe.schemas'])
  })

  it('the changelog and the handoff script give repin its mentions and its command', () => {
    const p = run(
      repository({
        'services/mk/CHANGELOG.md': '# Changelog\n',
        'services/mk/scripts/generate_producer_handoff_payload.sh': '#!/bin/sh\n'
      })
    )
    expect(only(p).repin).toEqual({
      mentions: ['{producer_root}/CHANGELOG.md'],
      handoff: {
        run: [
          'bash',
          'scripts/generate_producer_handoff_payload.sh',
          '--mode',
          'stable',
          '--out-json',
          'docs/implementation/PRODUCER_RELEASE_HANDOFF_LATEST.json'
        ],
        cwd: '{producer_root}'
      }
    })
  })
})

describe('propose: pins', () => {
  it('no pin: no document, and it says what it looked for', () => {
    const p = run(repository({ 'config/mk-integration-pin.json': null }))
    expect(p.document).toBeNull()
    expect(p.text).toBeNull()
    expect(p.undecided[0]!.message).toMatch(/^no pin found: .*release_tag, commit_sha/)
    // what there is of a trio is still named
    expect(p.notes.map((n) => [n.field, n.path])).toEqual([
      ['trio.matrix', 'docs/MK_COMPATIBILITY_MATRIX.md'],
      ['trio.manifest', 'config/mk-producer-manifest.json'],
      ['producer.manifest', 'services/mk/contracts/integration/v1/producer-contract-manifest.json']
    ])
  })

  it('neither a handoff payload, a schema nor a test fixture is a pin', () => {
    const p = run(
      repository({
        '__tests__/fixtures/pin.json': pinText(M),
        'config/schemas/pin.schema.json': json({ properties: { release_tag: {}, commit_sha: {} } })
      })
    )
    expect(Object.keys(p.document!.baselines)).toEqual(['mk'])
  })

  it('a pin file named its own way: the baseline is named after the producer directory', () => {
    const files = repository({ 'config/mk-integration-pin.json': null, 'config/pinned.json': pinText(M) })
    const p = run(files)
    expect(Object.keys(p.document!.baselines)).toEqual(['mk'])
    expect(only(p).trio.pin).toBe('config/pinned.json')
  })

  it('a pin without a posture predates adoption: migrate is the next step', () => {
    const pin = JSON.parse(pinText(M)) as Record<string, unknown>
    delete pin.runtime_cutover_posture
    const p = run(repository({ 'config/mk-integration-pin.json': json(pin) }))
    expect(p.migrate).toEqual(['mk'])
    expect(about(p.notes, 'format')[0]!.message).toMatch(/baseline-gate migrate/)
  })

  it('two pins and two producers: two baselines, each matched to its producer by the manifest digest', () => {
    const other = manifestText('v7.0.0', 'e'.repeat(40))
    const p = run(
      repository({
        'config/zz-integration-pin.json': pinText(other, {
          release_tag: 'v7.0.0',
          commit_sha: 'e'.repeat(40)
        }),
        'config/zz-producer-manifest.json': other,
        'services/zz/Cargo.toml': '[package]\nname = "zz-service"\n',
        'services/zz/src/main.rs': 'fn main() { let _ = ("/v1/health", "--bind"); }\n',
        'services/zz/contracts/integration/v1/producer-contract-manifest.json': other
      })
    )
    const { mk, zz } = p.document!.baselines
    expect(mk!.producer!.root).toBe('services/mk')
    expect(mk!.trio.manifest).toBe('config/mk-producer-manifest.json')
    expect(zz!.producer!.root).toBe('services/zz')
    expect(zz!.producer!.start!.run).toEqual(expect.arrayContaining(['zz-service']))
    expect(zz!.trio.manifest).toBe('config/zz-producer-manifest.json')
    // the one matrix is mk's ledger (it names mk's release): zz has none, and says so
    expect(mk!.trio.matrix).toBe('docs/MK_COMPATIBILITY_MATRIX.md')
    expect(zz!.trio.matrix).toBeUndefined()
    expect(p.undecided.filter((u) => u.baseline === 'zz').map((u) => u.field)).toContain('trio.matrix')
    // nor mk's producer name: its matrix is mk's (found by review)
    expect(zz!.display_name).toBeUndefined()
    expect(p.undecided.filter((u) => u.baseline === 'zz').map((u) => u.field)).toContain('display_name')
  })

  it('two consumers of a monorepo that pin the same release: each baseline gets the mirror nearest its pin (found by review)', () => {
    const files = Object.fromEntries(
      ['apps/helpdesk', 'apps/other'].flatMap((dir) => [
        [`${dir}/config/mk-integration-pin.json`, pinText(M)],
        [`${dir}/config/mk-producer-manifest.json`, M],
        [`${dir}/docs/MK_COMPATIBILITY_MATRIX.md`, matrixText()]
      ])
    )
    const all = repository({
      'config/mk-integration-pin.json': null,
      'config/mk-producer-manifest.json': null,
      'docs/MK_COMPATIBILITY_MATRIX.md': null,
      ...files
    })
    const p = run(all)
    const baselines = Object.values(p.document!.baselines)
    // the mirror and the matrix beside each pin, and the name the matrices write (found by review: no matrix, and
    // no display_name, so that migrate wrote lines under the baseline's name and lkg found no revision)
    expect(baselines.map((b) => [b.trio.pin, b.trio.manifest, b.trio.matrix, b.display_name]).sort()).toEqual(
      ['apps/helpdesk', 'apps/other'].map((dir) => [
        `${dir}/config/mk-integration-pin.json`,
        `${dir}/config/mk-producer-manifest.json`,
        `${dir}/docs/MK_COMPATIBILITY_MATRIX.md`,
        'MemoryKernel'
      ])
    )
    expect(p.undecided.map((u) => u.field)).not.toContain('trio.manifest')
    expect(p.undecided.map((u) => u.field)).not.toContain('trio.matrix')
    expect(about(p.found, 'trio.manifest')[0]!.message).toMatch(
      /of the 2 copies that do, the one nearest the pin$/
    )
  })

  it("a consumer at the top and one in apps/: the app's mirror is the one beside its pin, not the top's at the default path (found by review)", () => {
    const p = run(
      repository({
        'apps/helpdesk/config/mk-integration-pin.json': pinText(M),
        'apps/helpdesk/config/mk-producer-manifest.json': M,
        'apps/helpdesk/docs/MK_COMPATIBILITY_MATRIX.md': matrixText()
      })
    )
    const byPin = Object.fromEntries(
      Object.values(p.document!.baselines).map((b) => [b.trio.pin, b.trio.manifest])
    )
    expect(byPin).toEqual({
      'config/mk-integration-pin.json': 'config/mk-producer-manifest.json',
      'apps/helpdesk/config/mk-integration-pin.json': 'apps/helpdesk/config/mk-producer-manifest.json'
    })
  })

  it('two copies as near the pin: undecided, and the advice leaves the other copy alone', () => {
    const p = run(
      repository({
        'config/mk-producer-manifest.json': null,
        'config/a/mk-producer-manifest.json': M,
        'config/b/mk-producer-manifest.json': M
      })
    )
    expect(only(p).trio.manifest).toBeUndefined()
    const u = about(p.undecided, 'trio.manifest')[0]!
    expect(u.message).toMatch(/^2 copies match the pin, and none is nearer it than the others/)
    expect(u.todo).toBe(
      "set trio.manifest to this baseline's own mirror (another consumer's copy is that consumer's: leave it)"
    )
  })

  it('no matrix chosen, but every matrix names the producer alike: display_name is that name; else it is undecided', () => {
    const two = {
      'docs/MK_COMPATIBILITY_MATRIX.md': null,
      'docs/a/MATRIX.md': matrixText(),
      'docs/b/MATRIX.md': matrixText()
    }
    const p = run(repository(two))
    expect(only(p).trio.matrix).toBeUndefined()
    expect(only(p).display_name).toBe('MemoryKernel')
    expect(about(p.found, 'display_name')[0]!.message).toMatch(
      /every matrix that could be this baseline's names the producer so/
    )
    const q = run(repository({ ...two, 'docs/b/MATRIX.md': matrixText(TAG, 'Memory Kernel') }))
    expect(only(q).display_name).toBeUndefined()
    expect(about(q.undecided, 'display_name')[0]!.todo).toMatch(
      /^set display_name to the producer's name as this baseline's matrix writes it: migrate, health and lkg match/
    )
  })
})

describe('propose: a Rust consumer in a directory of a monorepo (found by review)', () => {
  /** apps/consumer is a Cargo package with its pin, mirror and matrix; the producer (with its handoff) in services/mk. */
  function rustApp(): Record<string, string> {
    const base = repository({
      'config/mk-integration-pin.json': null,
      'config/mk-producer-manifest.json': null,
      'docs/MK_COMPATIBILITY_MATRIX.md': null
    })
    return {
      ...base,
      'apps/consumer/Cargo.toml': '[package]\nname = "consumer"\n',
      'apps/consumer/src/adapter.rs': 'const ASK: &str = "/v1/query/ask";\n',
      'apps/consumer/config/mk-integration-pin.json': pinText(M),
      'apps/consumer/config/mk-producer-manifest.json': M,
      'apps/consumer/docs/MK_COMPATIBILITY_MATRIX.md': matrixText()
    }
  }

  it('is a consumer, not a producer: the same proposal from the top, the app and a directory inside it', () => {
    const proposals = ['', 'apps/consumer', 'apps/consumer/src'].map((dir) =>
      propose(memoryInventory(rustApp()), dir)
    )
    for (const p of proposals) {
      const b = only(p)
      expect(b.trio).toEqual({
        pin: 'apps/consumer/config/mk-integration-pin.json',
        manifest: 'apps/consumer/config/mk-producer-manifest.json',
        matrix: 'apps/consumer/docs/MK_COMPATIBILITY_MATRIX.md'
      })
      expect(b.producer?.root).toBe('services/mk')
      expect(p.notes.map((n) => n.message).join('\n')).not.toMatch(/inside the producer/)
    }
    expect(proposals[1]!.document).toEqual(proposals[0]!.document)
    expect(proposals[2]!.document).toEqual(proposals[0]!.document)
  })

  it("with a second consumer beside it, each baseline's adapter and scan are its own; the other's directory is left out", () => {
    const files = {
      ...rustApp(),
      'apps/admin/package.json': json({ name: 'admin', scripts: { test: 'vitest' } }),
      'apps/admin/src/mk_client.ts': ENDPOINTS.map((e, i) => `export const E${i} = '${e}'\n`).join(''),
      'apps/admin/config/mk-integration-pin.json': pinText(M),
      'apps/admin/config/mk-producer-manifest.json': M,
      'apps/admin/docs/MK_COMPATIBILITY_MATRIX.md': matrixText()
    }
    // no consumer code at the top: the two apps are the consumers
    delete (files as Record<string, string>)['src/api/mk-client.ts']
    const p = propose(memoryInventory(files))
    const byPin = Object.fromEntries(Object.values(p.document!.baselines).map((b) => [b.trio.pin, b]))
    const consumer = byPin['apps/consumer/config/mk-integration-pin.json']!
    const admin = byPin['apps/admin/config/mk-integration-pin.json']!
    expect(consumer.adapter!.file).toBe('apps/consumer/src/adapter.rs')
    // its scan reaches no file of apps/admin, or leaves the directory out
    expect(
      consumer.adapter!.scan.every((g) => !/^apps\/(\*\*|admin)\//.test(g)) ||
        consumer.adapter!.exclude!.includes('apps/admin/**')
    ).toBe(true)
    expect(admin.adapter!.file).toBe('apps/admin/src/mk_client.ts')
    expect(admin.adapter!.scan).not.toContain('apps/consumer/src/**/*.rs')
    expect(admin.adapter!.exclude).toContain('apps/consumer/**')
    expect(p.notes.map((n) => n.message)).toContainEqual(
      "apps/admin is another consumer's (its own pin is there): left out of this baseline's scan and adapter, and judged by its own baseline"
    )
  })

  it("a producer's own example pin stays the producer's: the producer holds the handoff", () => {
    const files = { ...rustApp(), 'services/mk/examples/mk-integration-pin.json': pinText(M) }
    const p = propose(memoryInventory(files))
    expect(only(p).trio.pin).toBe('apps/consumer/config/mk-integration-pin.json')
    expect(p.notes.map((n) => n.message)).toContainEqual(
      expect.stringMatching(/^left out: inside the producer in services\/mk/)
    )
  })
})

describe('propose: the consumer side', () => {
  it('yarn from its lockfile; a runbook script that does not exist is undecided', () => {
    const p = run(
      repository({
        'package-lock.json': null,
        'yarn.lock': '# yarn\n',
        'package.json': json({ scripts: { test: 'jest', typecheck: 'tsc' } })
      })
    )
    expect(only(p).suites!.consumer!.map((s) => s.run)).toEqual([
      ['yarn', 'run', 'typecheck'],
      ['yarn', 'run', 'test']
    ])
    expect(about(p.undecided, 'suites.consumer').map((u) => u.message)).toEqual([
      expect.stringMatching(/no "test:governance-negative" script/),
      expect.stringMatching(/no "test:contract" script/),
      expect.stringMatching(/no "test:ci" script/)
    ])
  })

  it("in a monorepo, the consumer's own package.json: its scripts, run in its directory, with the workspace's lockfile", () => {
    const base = repository()
    const moved: Record<string, string | null> = {
      // the workspace root: no runbook script, the lockfile
      'package.json': json({ private: true, workspaces: ['apps/*'] }),
      'apps/consumer/package.json': base['package.json']!
    }
    for (const path of [
      'config/mk-integration-pin.json',
      'config/mk-producer-manifest.json',
      'docs/MK_COMPATIBILITY_MATRIX.md'
    ]) {
      moved[path] = null
      moved[`apps/consumer/${path}`] = base[path]!
    }
    const p = run(repository(moved))
    expect(only(p).trio.pin).toBe('apps/consumer/config/mk-integration-pin.json')
    expect(only(p).suites!.consumer!.map((s) => [s.run, s.cwd])).toEqual([
      [['npm', 'run', 'typecheck'], 'apps/consumer'],
      [['npm', 'run', 'test'], 'apps/consumer'],
      [['npm', 'run', 'test:governance-negative'], 'apps/consumer'],
      [['npm', 'run', 'test:contract'], 'apps/consumer'],
      [['npm', 'run', 'test:ci'], 'apps/consumer']
    ])
    expect(about(p.found, 'suites.consumer').map((f) => f.path)).toEqual(['apps/consumer/package.json'])
    expect(about(p.undecided, 'suites.consumer')).toEqual([])
  })

  it('scripts that are not the runbook steps (lint, build) are not proposed, and that is said with why', () => {
    const p = run(
      repository({
        'package.json': json({
          scripts: { lint: 'eslint .', test: 'jest', build: 'tsc -b', typecheck: 'tsc' }
        })
      })
    )
    expect(only(p).suites!.consumer!.map((s) => s.name)).toEqual(['typecheck', 'test'])
    expect(about(p.notes, 'suites.consumer')).toEqual([
      expect.objectContaining({
        path: 'package.json',
        message: expect.stringMatching(
          /^not proposed: lint, build \(init proposes the runbook's steps, the checks a new producer release can break; add a step to suites.consumer/
        ) as unknown
      })
    ])
    // only the runbook's scripts: nothing to say
    expect(about(run(repository()).notes, 'suites.consumer')).toEqual([])
  })

  it('no lockfile: npm assumed, and said', () => {
    const p = run(repository({ 'package-lock.json': null }))
    expect(about(p.undecided, 'suites.consumer')[0]!.message).toMatch(/no lockfile .*npm assumed/)
  })

  it('no CODEOWNERS: the owners stay empty, and the posture change that needs them is named', () => {
    const p = run(repository({ '.github/CODEOWNERS': null }))
    expect(only(p).owners).toBeUndefined()
    expect(about(p.undecided, 'owners')[0]!.todo).toMatch(
      /a change of the posture to GO \(from NO-GO, or from none\)/
    )
  })
})

describe('propose: an archived copy of the trio', () => {
  it('is not made a second baseline: one baseline, and a note naming the copy and the live pin (found by review)', () => {
    const old = pinText(M).replace(TAG, 'v0.3.0')
    const p = run(
      repository({
        'docs/archive/2025/mk-integration-pin.json': old,
        'docs/archive/2025/mk-producer-manifest.json': M
      })
    )
    expect(Object.keys(p.document!.baselines)).toEqual(['mk'])
    expect(only(p).trio).toMatchObject({ pin: 'config/mk-integration-pin.json' })
    expect(
      p.notes.filter((n) => n.path === 'docs/archive/2025/mk-integration-pin.json').map((n) => n.message)
    ).toEqual([
      expect.stringMatching(
        /^a copy of the pin config\/mk-integration-pin\.json in an archive directory: not made a baseline/
      )
    ])
  })

  it('an archived pin with no live one of its name is still proposed: it may be the only pin', () => {
    const p = run(
      repository({
        'config/mk-integration-pin.json': null,
        'old/mk-integration-pin.json': pinText(M)
      })
    )
    expect(only(p).trio).toMatchObject({ pin: 'old/mk-integration-pin.json' })
  })
})
