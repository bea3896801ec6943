// `baseline-gate init --dry-run` on a repository of 10,000 files (target: at most 2 s). The repository has the
// legacy consumer's layout (a Tauri app: a TypeScript UI, a Rust adapter under src-tauri, pnpm, the producer
// workspace under services/memorykernel copied from this repository, the trio from before adoption: no posture),
// plus generated sources, JSON data and Markdown to reach the count, committed once.
// Measured in the same run, interleaved: `node -e 0` (process start-up) and the bare `git ls-files` init runs
// first. Median of BENCH_INIT_RUNS (default 7) after one warm-up; BENCH_INIT_KEEP=1 keeps the repository.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { root, snapshotCli } from './lib.mjs'

const runs = Number(process.env.BENCH_INIT_RUNS ?? 7)
const FILES = 10_000
const TARGET_MS = 2_000
const tmp = mkdtempSync(join(tmpdir(), 'bg-bench-init-'))
const cli = snapshotCli(tmp)
const repo = join(tmp, 'repo')

const PIN = 'config/memorykernel-integration-pin.json'
const MIRROR = 'config/memorykernel-producer-manifest.json'
const MATRIX = 'docs/MEMORYKERNEL_COMPATIBILITY_MATRIX.md'
const ADAPTER = 'src-tauri/src/commands/memory_kernel.rs'

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

function write(rel, content) {
  mkdirSync(dirname(join(repo, rel)), { recursive: true })
  writeFileSync(join(repo, rel), content)
}

/** The legacy layout: what init must find among the generated files. */
function layout() {
  const files = new Map()
  const pin = JSON.parse(readFileSync(join(root, PIN), 'utf8'))
  delete pin.runtime_cutover_posture // the trio predates adoption
  files.set(PIN, `${JSON.stringify(pin, null, 2)}\n`)
  files.set(MIRROR, readFileSync(join(root, MIRROR)))
  files.set(MATRIX, readFileSync(join(root, MATRIX)))
  const producer = execFileSync('git', ['ls-files', '-z', '--', 'services/memorykernel'], { cwd: root })
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
  for (const rel of producer) files.set(rel, readFileSync(join(root, rel)))
  files.set(
    'package.json',
    `${JSON.stringify({ name: 'assistsupport', private: true, scripts: { typecheck: 'tsc --noEmit', test: 'vitest run', 'test:ci': 'vitest run --coverage' } }, null, 2)}\n`
  )
  files.set('pnpm-lock.yaml', "lockfileVersion: '9.0'\n")
  files.set(
    'src-tauri/Cargo.toml',
    '[package]\nname = "assistsupport"\nversion = "1.2.0"\nedition = "2021"\n'
  )
  files.set('src-tauri/src/main.rs', 'mod commands;\n\nfn main() {}\n')
  files.set('src-tauri/src/commands/mod.rs', 'pub mod memory_kernel;\n')
  files.set(
    ADAPTER,
    'const HEALTH: &str = "/v1/health";\nconst SCHEMA_VERSION: &str = "/v1/db/schema-version";\nconst QUERY_ASK: &str = "/v1/query/ask";\n'
  )
  files.set('src/App.tsx', 'export function App() {\n  return null\n}\n')
  return files
}

/** Filler of a realistic mix: UI components, Rust modules, JSON data, Markdown, some with `/v2/` routes of others. */
function filler(i) {
  const body = (n) => `// generated ${i}\n${'export const pad = "lorem ipsum dolor sit amet";\n'.repeat(n)}`
  switch (i % 20) {
    case 0:
    case 1:
      return [`src-tauri/src/gen_mods/m${i}.rs`, `pub fn f${i}() -> &'static str { "/v2/other/${i}" }\n`]
    case 2:
      return [
        `public/data/d${i}.json`,
        `${JSON.stringify({ id: i, label: `item ${i}`, tags: ['a', 'b'] })}\n`
      ]
    case 3:
      return [`docs/notes/n${i}.md`, `# Note ${i}\n\n## Section\n\nText about release v0.${i % 7}.0.\n`]
    case 4:
      return [`src/api/other${i}.ts`, `export const url${i} = '/v2/weather/${i}'\n${body(10)}`]
    case 5:
      return [`src/components/__tests__/c${i}.test.tsx`, `it('renders ${i}', () => {})\n`]
    default:
      return [`src/components/group${i % 50}/C${i}.tsx`, body(30)]
  }
}

function generate() {
  const files = layout()
  for (let i = 0; files.size < FILES; i++) {
    const [rel, content] = filler(i)
    files.set(rel, content)
  }
  for (const [rel, content] of files) write(rel, content)
  // an empty global config of our own: the user's (hooks, templates, signing) must not shape the repository
  writeFileSync(join(tmp, 'gitconfig'), '')
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: join(tmp, 'gitconfig') }
  const git = (...args) =>
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], {
      cwd: repo,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
  git('init', '-q', '-b', 'main')
  git('add', '-A')
  git('commit', '-q', '-m', 'the consumer, before adoption')
  const listed = git('ls-files').toString('utf8').trim().split('\n').length
  if (listed !== FILES) throw new Error(`the repository has ${listed} files, not ${FILES}`)
}

function time(argv) {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(argv[0], argv.slice(1), {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 28
  })
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, r }
}

/** init must have found what the layout holds: a wrong answer fast is no result. */
function check(r) {
  if (r.status !== 0) throw new Error(`init exited ${r.status}: ${r.stderr.toString()}`)
  const doc = JSON.parse(r.stdout.toString('utf8'))
  const b = doc.policy?.baselines?.memorykernel
  const bin = b?.producer?.start?.run ?? []
  if (
    b?.adapter?.file !== ADAPTER ||
    b?.trio?.pin !== PIN ||
    bin[bin.indexOf('--bin') + 1] !== 'memorykernel-service'
  )
    throw new Error(`init did not find the layout: ${JSON.stringify(b).slice(0, 2000)}`)
  if (doc.written !== false) throw new Error('a dry run wrote the policy')
}

try {
  const g0 = process.hrtime.bigint()
  generate()
  const genMs = Number(process.hrtime.bigint() - g0) / 1e6
  const subjects = [
    { name: 'node -e 0', argv: [process.execPath, '-e', '0'] },
    {
      name: 'git ls-files (what init lists)',
      argv: ['git', 'ls-files', '-z', '--cached', '--others', '--exclude-standard']
    },
    {
      name: 'baseline-gate init --dry-run',
      argv: [process.execPath, cli, 'init', '--dry-run', '--json', '--root', repo],
      check
    }
  ]
  const times = subjects.map(() => [])
  for (let i = 0; i <= runs; i++) {
    for (const [j, s] of subjects.entries()) {
      const { ms, r } = time(s.argv)
      if (s.check) s.check(r)
      else if (r.status !== 0) throw new Error(`${s.name} exited ${r.status}: ${r.stderr.toString()}`)
      if (i > 0) times[j].push(ms) // the first round is the warm-up
    }
  }
  const [node, ls, init] = times.map(median)
  console.log(
    `init bench: ${FILES.toLocaleString('en-US')} files (generated in ${(genMs / 1000).toFixed(1)} s), node ${process.version}, median of ${runs} interleaved runs after one warm-up`
  )
  console.log('')
  console.log(`${'command'.padEnd(36)} ${'median'.padStart(10)} ${'min'.padStart(10)} ${'ratio'.padStart(8)}`)
  for (const [j, s] of subjects.entries()) {
    const m = median(times[j])
    console.log(
      `${s.name.padEnd(36)} ${`${m.toFixed(1)} ms`.padStart(10)} ${`${Math.min(...times[j]).toFixed(1)} ms`.padStart(10)} ${`${(m / node).toFixed(2)}x`.padStart(8)}`
    )
  }
  console.log('')
  console.log(`init less start-up: ${(init - node).toFixed(1)} ms, of which git ls-files ${ls.toFixed(1)} ms`)
  console.log(
    `init / node -e 0: ${(init / node).toFixed(2)}x; target: init on ${FILES.toLocaleString('en-US')} files <= ${TARGET_MS} ms: ${init <= TARGET_MS ? 'within' : 'NOT within'} (${init.toFixed(0)} ms)`
  )
  if (init > TARGET_MS) process.exitCode = 1
} finally {
  // BENCH_INIT_KEEP=1 keeps the generated repository (to profile init on it)
  if (process.env.BENCH_INIT_KEEP === '1') console.log(`kept: ${repo}`)
  else rmSync(tmp, { recursive: true, force: true })
}
