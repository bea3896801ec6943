// A consumer repository as it looks on the day it adopts baseline-gate: years of hand-made trio revisions in the
// pre-adoption format (no runtime_cutover_posture, absolute developer paths in the matrix, one ledger row that
// each promotion replaced, the manifest digest added half-way through), a layout of its own (a Tauri app whose
// adapter is a Rust file, a producer binary named after its Cargo package, pnpm), unrelated commits between the
// baselines, dates with a time zone, and whitespace noise. Nothing here is written by baseline-gate.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { gitRepo } from './git-repo.js'
import type { GitRepo } from './git-repo.js'
import { copyOfBuilt, HANDOFF, PRODUCER_MANIFEST, REPO_ROOT, tempDir } from './fixture.js'

export interface LegacyPaths {
  pin: string
  manifest: string
  matrix: string
}

export const LEGACY_DEFAULT_PATHS: LegacyPaths = {
  pin: 'config/memorykernel-integration-pin.json',
  manifest: 'config/memorykernel-producer-manifest.json',
  matrix: 'docs/MEMORYKERNEL_COMPATIBILITY_MATRIX.md'
}

export const LEGACY_PRODUCER = 'services/memorykernel'
export const LEGACY_PRODUCER_MANIFEST = `${LEGACY_PRODUCER}/contracts/integration/v1/producer-contract-manifest.json`
export const LEGACY_HANDOFF = `${LEGACY_PRODUCER}/docs/implementation/PRODUCER_RELEASE_HANDOFF_LATEST.json`
export const LEGACY_ADAPTER = 'src-tauri/src/commands/memory_kernel.rs'

/** One hand-made baseline of the history. */
export interface LegacyBaseline {
  tag: string
  commit: string
  service: string
  /** Whether the pin (and the matrix) carry the manifest digest yet. */
  hashed: boolean
  /** Whether the mirror exists yet. */
  mirrored: boolean
  consumer: { version: string; commit: string }
}

export const LEGACY_BASELINES = {
  v030: {
    tag: 'v0.3.0',
    commit: 'b9e1b39a1f0e4c2d8a7b6c5d4e3f2a1b0c9d8e7f',
    service: 'service.v2',
    hashed: false,
    mirrored: false,
    consumer: { version: '0.8.0', commit: 'a1cd0c3' }
  },
  v031: {
    tag: 'v0.3.1',
    commit: 'cf331449e6b7a8c9d0e1f2a3b4c5d6e7f8a9b0c1',
    service: 'service.v2',
    hashed: false,
    mirrored: true,
    consumer: { version: '0.8.1', commit: 'af2679b' }
  },
  /** v0.3.1 again, once the pin and the matrix learnt the manifest digest (another identity to the tool). */
  v031hashed: {
    tag: 'v0.3.1',
    commit: 'cf331449e6b7a8c9d0e1f2a3b4c5d6e7f8a9b0c1',
    service: 'service.v2',
    hashed: true,
    mirrored: true,
    consumer: { version: '0.8.1', commit: '2bb3669' }
  },
  /** Same runtime commit as v0.3.1 (the tag went on a docs commit), another manifest. */
  v032: {
    tag: 'v0.3.2',
    commit: 'cf331449e6b7a8c9d0e1f2a3b4c5d6e7f8a9b0c1',
    service: 'service.v2',
    hashed: true,
    mirrored: true,
    consumer: { version: '0.9.0', commit: 'fd56b4b' }
  },
  v040: {
    tag: 'v0.4.0',
    commit: '7e4806a34b98e6c06ee33fa9f11499a975e7b922',
    service: 'service.v3',
    hashed: true,
    mirrored: true,
    consumer: { version: '1.0.0', commit: 'cc6cb15' }
  }
} as const satisfies Record<string, LegacyBaseline>

export interface LegacyRepo {
  root: string
  repo: GitRepo
  paths: LegacyPaths
  /** The commit of each trio revision, and the last (unrelated) commit. */
  commits: {
    v030: string
    v031: string
    v031hashed: string
    v032: string
    matrixTypo: string
    v040: string
    head: string
  }
  /** A file's bytes as committed at a revision. */
  show(commit: string, path: string): Buffer
  read(rel: string): Buffer
  write(rel: string, content: string | Buffer): void
}

const REPO = 'https://github.com/saagar210/MemoryKernel'
const HOME = '/Users/d/Projects/AssistSupport'

/** The producer's manifest of a release: the embedded default's, with that release's identity. */
export function legacyManifest(b: LegacyBaseline): string {
  const m = JSON.parse(readFileSync(join(REPO_ROOT, PRODUCER_MANIFEST), 'utf8')) as Record<string, unknown>
  m.release_tag = b.tag
  m.commit_sha = b.commit
  m.expected_service_contract_version = b.service
  if (b.service === 'service.v2') delete m.service_v3_transition_guard
  // v0.3.2 differs from v0.3.1 in its bytes (another manifest digest), as the real one did
  if (b.tag === 'v0.3.2') m.stability_window = { minimum_sprint_days: 14 }
  return `${JSON.stringify(m, null, 2)}\n`
}

/** The producer's stable handoff payload for a release (the current format: the producer publishes it). */
function legacyHandoff(b: LegacyBaseline): string {
  const h = JSON.parse(readFileSync(join(REPO_ROOT, HANDOFF), 'utf8')) as Record<string, unknown>
  h.release_tag = b.tag
  h.commit_sha = b.commit
  h.expected_service_contract_version = b.service
  h.handoff_generated_at_utc = '2026-02-08T12:00:00Z'
  h.active_runtime_baseline = {
    release_tag: b.tag,
    commit_sha: b.commit,
    expected_service_contract_version: b.service,
    expected_api_contract_version: 'api.v1',
    integration_baseline: 'integration/v1'
  }
  return `${JSON.stringify(h, null, 2)}\n`
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** The pin as a person wrote it: no posture; the digest only once the tooling asked for it; noisy whitespace. */
function legacyPin(b: LegacyBaseline, manifest: string): string {
  const fields: [string, string | number][] = [
    ['memorykernel_repo', REPO],
    ['release_tag', b.tag],
    ['commit_sha', b.commit],
    ['expected_service_contract_version', b.service],
    ['expected_api_contract_version', 'api.v1'],
    ['expected_integration_baseline', 'integration/v1'],
    ...(b.hashed ? [['expected_producer_manifest_sha256', sha256(manifest)] as [string, string]] : []),
    ['default_base_url', 'http://127.0.0.1:4010'],
    ['default_timeout_ms', 2500]
  ]
  // each revision indented its own way, as different people saved it
  const indent = b.tag === 'v0.3.2' ? '    ' : '  '
  const body = fields.map(([k, v]) => `${indent}${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')
  const end = b.tag === 'v0.3.2' ? '}' : b.tag === 'v0.4.0' ? '}\n\n' : '}\n'
  return `{\n${body}\n${end}`
}

/** The matrix as the runbook's people kept it: one row, replaced at each promotion; absolute paths. */
function legacyMatrix(b: LegacyBaseline, manifest: string, paths: LegacyPaths, typoFixed = false): string {
  const lines = [
    `- MemoryKernel repo: \`${REPO}\``,
    `- MemoryKernel release tag: \`${b.tag}\`  `,
    `- MemoryKernel commit SHA: \`${b.commit}\``,
    `- Expected service contract version: \`${b.service}\``,
    '- Expected API contract version: `api.v1`',
    '- Expected integration baseline: `integration/v1`',
    ...(b.hashed ? [`- Expected producer manifest SHA-256: \`${sha256(manifest)}\``] : []),
    `- Pin manifest (source of truth): \`${HOME}/${paths.pin}\``,
    ...(b.mirrored ? [`- Producer manifest mirror: \`${HOME}/${paths.manifest}\``] : [])
  ]
  return [
    '# MemoryKernel Compatibility Matrix',
    '',
    'Updated: 2026-02-08',
    '',
    `This matrix records the MemoryKernel producer baseline that AssistSupport ${typoFixed ? 'is' : 'si'} approved to run against.`,
    '',
    '## Baseline Pin',
    '',
    ...lines,
    '',
    '## Approved Version Pairs',
    '',
    '| AssistSupport version | AssistSupport commit | MemoryKernel tag | MemoryKernel commit | Service contract | API contract | Integration baseline | Status |',
    '|---|---|---|---|---|---|---|---|',
    `|  ${b.consumer.version} | ${b.consumer.commit} |  ${b.tag} | ${b.commit} | ${b.service} | api.v1 | integration/v1 | Approved |`,
    '',
    '## Forward Readiness Note',
    '',
    `The service.v3 cutover is tracked against the canonical producer checkout at \`/Users/d/Projects/MemoryKernel\` on \`main\`.`,
    '',
    '## Consumer-Side Enforcement',
    '',
    '1. The pin is the runtime authority; the adapter reads it at start-up.',
    '2. The mirror is a byte-exact copy of the producer manifest.',
    '3. All three files change together, in one commit.',
    ''
  ].join('\n')
}

function writeAll(root: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true })
    writeFileSync(join(root, rel), content)
  }
}

/** The consumer's code and the producer's workspace, as they are throughout the history. */
function layout(): Record<string, string> {
  return {
    'package.json': `${JSON.stringify(
      {
        name: 'assistsupport',
        version: '1.2.0',
        private: true,
        scripts: { typecheck: 'tsc --noEmit', test: 'vitest run', 'test:ci': 'vitest run --coverage' }
      },
      null,
      2
    )}\n`,
    'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
    'src/App.tsx': 'export function App() {\n  return null\n}\n',
    'src/hooks/useMemoryKernel.ts':
      "import { invoke } from '@tauri-apps/api/core'\n\n// the Rust adapter talks to the producer; the UI only asks it\nexport const ask = (text: string) => invoke('memory_kernel_query_ask', { userInput: text })\n",
    'src-tauri/Cargo.toml': '[package]\nname = "assistsupport"\nversion = "1.2.0"\nedition = "2021"\n',
    'src-tauri/src/main.rs': 'mod commands;\n\nfn main() {}\n',
    'src-tauri/src/commands/mod.rs': 'pub mod memory_kernel;\n',
    [LEGACY_ADAPTER]: [
      '// The single outbound integration boundary to the MemoryKernel producer.',
      'const HEALTH: &str = "/v1/health";',
      'const SCHEMA_VERSION: &str = "/v1/db/schema-version";',
      'const QUERY_ASK: &str = "/v1/query/ask";',
      '',
      "pub fn endpoints() -> [&'static str; 3] {",
      '    [HEALTH, SCHEMA_VERSION, QUERY_ASK]',
      '}',
      ''
    ].join('\n'),
    [`${LEGACY_PRODUCER}/Cargo.toml`]:
      '[workspace]\nresolver = "2"\nmembers = ["crates/*"]\n\n[workspace.package]\nedition = "2021"\nrust-version = "1.78"\n',
    [`${LEGACY_PRODUCER}/crates/memory-kernel-service/Cargo.toml`]:
      '[package]\nname = "memory-kernel-service"\nversion = "0.4.0"\nedition.workspace = true\n',
    [`${LEGACY_PRODUCER}/crates/memory-kernel-service/src/main.rs`]:
      '// routes: /v1/health, /v1/ready, /v1/db/schema-version, /v1/query/ask\nfn main() {}\n',
    [`${LEGACY_PRODUCER}/crates/memory-kernel-api/Cargo.toml`]:
      '[package]\nname = "memory-kernel-api"\nversion = "0.4.0"\nedition.workspace = true\n',
    [`${LEGACY_PRODUCER}/crates/memory-kernel-api/src/lib.rs`]:
      'pub const API_CONTRACT_VERSION: &str = "api.v1";\n',
    [`${LEGACY_PRODUCER}/crates/memory-kernel-cli/Cargo.toml`]:
      '[package]\nname = "memory-kernel-cli"\nversion = "0.4.0"\nedition.workspace = true\n\n[[bin]]\nname = "mk"\npath = "src/main.rs"\n',
    [`${LEGACY_PRODUCER}/crates/memory-kernel-cli/src/main.rs`]: 'fn main() {}\n',
    [`${LEGACY_PRODUCER}/scripts/generate_producer_handoff_payload.sh`]: '#!/usr/bin/env bash\nexit 0\n',
    [`${LEGACY_PRODUCER}/scripts/verify_producer_contract_manifest.sh`]: '#!/usr/bin/env bash\nexit 0\n'
  }
}

/** The producer publishes a release: its manifest, its handoff payload, its changelog entry. */
function producerRelease(b: LegacyBaseline, changelog: string[]): Record<string, string> {
  changelog.splice(2, 0, `## [${b.tag}] - 2026-02-08`, '', `Contract \`${b.service}\` / \`api.v1\`.`, '')
  return {
    [LEGACY_PRODUCER_MANIFEST]: legacyManifest(b),
    [LEGACY_HANDOFF]: legacyHandoff(b),
    [`${LEGACY_PRODUCER}/CHANGELOG.md`]: changelog.join('\n')
  }
}

function trio(b: LegacyBaseline, paths: LegacyPaths, typoFixed = false): Record<string, string> {
  const manifest = legacyManifest(b)
  return {
    [paths.pin]: legacyPin(b, manifest),
    ...(b.mirrored ? { [paths.manifest]: manifest } : {}),
    [paths.matrix]: legacyMatrix(b, manifest, paths, typoFixed)
  }
}

/**
 * The history, oldest first (dates are Pacific time, as the people who wrote it were): v0.3.0 (no mirror yet),
 * v0.3.1 (the mirror appears), v0.3.1 again with the manifest digest, v0.3.2, a typo fix in the matrix, v0.4.0
 * (service.v3), each with unrelated commits around it; HEAD is an unrelated commit. No policy file.
 */
export function legacyRepository(options: { paths?: LegacyPaths } = {}): LegacyRepo {
  const paths = options.paths ?? LEGACY_DEFAULT_PATHS
  const { root, meta: commits } = copyOfBuilt(`legacyRepository ${JSON.stringify(paths)}`, () =>
    buildLegacyRepository(paths)
  )
  return {
    root,
    repo: gitRepo({ root }),
    paths,
    commits,
    // every byte as committed (GitRepo.git trims its output)
    show: (commit, path) => execFileSync('git', ['cat-file', 'blob', `${commit}:${path}`], { cwd: root }),
    read: (rel) => readFileSync(join(root, rel)),
    write: (rel, content) => writeAll(root, { [rel]: content.toString() })
  }
}

function buildLegacyRepository(paths: LegacyPaths): { root: string; meta: LegacyRepo['commits'] } {
  const root = tempDir('bg-legacy-')
  const repo = gitRepo({ root })
  const B = LEGACY_BASELINES
  const changelog = ['# Changelog', '']
  const at = (time: string) => `2026-02-${time}-08:00`

  writeAll(root, { ...layout(), ...producerRelease(B.v030, changelog), ...trio(B.v030, paths) })
  const v030 = repo.commit('repin to v0.3.0', at('08T01:20:00'))
  writeAll(root, { 'src/App.tsx': 'export function App() {\n  return <main />\n}\n' })
  repo.commit('ui: main layout', at('08T01:41:00'))

  writeAll(root, producerRelease(B.v031, changelog))
  repo.commit('memorykernel: release v0.3.1 (lock v2 error envelope)', at('08T01:58:00'))
  writeAll(root, trio(B.v031, paths))
  const v031 = repo.commit('repin v0.3.1 and enforce manifest sync', at('08T02:05:00'))
  writeAll(root, trio(B.v031hashed, paths))
  const v031hashed = repo.commit('enforce manifest hash governance', at('08T02:31:00'))
  writeAll(root, { 'README.md': '# AssistSupport\n\nSupport drafting with MemoryKernel enrichment.\n' })
  repo.commit('docs: readme', at('08T02:37:00'))

  writeAll(root, producerRelease(B.v032, changelog))
  writeAll(root, trio(B.v032, paths))
  const v032 = repo.commit('repin baseline to v0.3.2', at('08T02:50:00'))
  writeAll(root, trio(B.v032, paths, true))
  const matrixTypo = repo.commit('docs: fix typo in compatibility matrix', at('08T03:12:00'))
  for (let i = 0; i < 3; i++) {
    writeAll(root, { 'src/hooks/notes.ts': `export const notes = ${i}\n` })
    repo.commit(`drafts: notes ${i}`, at(`08T04:${10 + i * 10}:00`))
  }

  writeAll(root, producerRelease(B.v040, changelog))
  repo.commit('memorykernel: publish service.v3 baseline handoff', at('08T05:10:00'))
  writeAll(root, trio(B.v040, paths, true))
  const v040 = repo.commit('promote consumer baseline to service.v3', at('08T05:28:00'))
  writeAll(root, { 'src/hooks/notes.ts': 'export const notes = 9\n' })
  repo.commit('drafts: keep notes', at('09T09:00:00'))
  writeAll(root, { 'README.md': '# AssistSupport\n\nSupport drafting, with MemoryKernel enrichment.\n' })
  const head = repo.commit('docs: wording', at('10T10:00:00'))

  return { root, meta: { v030, v031, v031hashed, v032, matrixTypo, v040, head } }
}
