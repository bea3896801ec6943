// init's decisions about the consumer: its adapter boundary, its suites, the owners, what else names a release.
import { someOf } from '../text/plural.js'
import { chooseAdapter, consumerSources } from './adapter.js'
import type { NamingFile } from './adapter.js'
import { CODEOWNERS_PATHS, principalOf, ruleFor } from './codeowners.js'
import { dirnameOf, isUnder, joinPath } from './paths.js'
import { consumerSteps, packageManagerOf, producerSteps } from './suites.js'
import type { BaselineDocument } from './document.js'
import type { Proposing } from './repository.js'
import { plural } from '../text/plural.js'

const HANDOFF_SCRIPT = 'scripts/generate_producer_handoff_payload.sh'

// ---- the consumer: adapter, suites, owners ----

/**
 * @param pinPath this baseline's pin: in a monorepo of several consumers, the directories of the others are theirs
 *   (their adapters, their scans), left out of this one's (found by review: each baseline got both adapters)
 */
export function adapterOf(
  { repo, name, report }: Proposing,
  endpoints: string[],
  hints: string[],
  pinPath: string
): BaselineDocument['adapter'] | undefined {
  const packageDirs = [...repo.cargo.values()].filter((m) => m.package).map((m) => m.dir)
  const others = otherConsumers(repo, pinPath)
  const sources = consumerSources(repo.inv.files, [...repo.producerRoots, ...others], packageDirs)
  if (others.length > 0)
    report.note(
      name,
      'adapter.scan',
      null,
      `${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} another consumer's (${others.length === 1 ? 'its own pin is there' : 'each holds its own pin'}): left out of this baseline's scan and adapter, and judged by ${others.length === 1 ? 'its' : 'their'} own baseline`
    )
  if (sources.scan.length === 0) {
    report.undecided(
      name,
      'adapter.scan',
      null,
      'no consumer source files (TypeScript/JavaScript or Rust, outside the producer, build output, generated code and tests)',
      'set adapter.scan to globs of the consumer sources that must not name producer endpoints'
    )
    return undefined
  }
  const languages = (['typescript', 'rust'] as const)
    .filter((l) => sources.files.some((f) => f.language === l))
    .map((l) => (l === 'rust' ? 'Rust' : 'TypeScript'))
    .join(' and ')
  report.found(
    name,
    'adapter.scan',
    null,
    `${sources.scan.join(', ')}: the consumer's ${languages} sources (${plural(sources.files.length, 'file')})`
  )
  const naming: NamingFile[] = []
  for (const f of sources.files) {
    const bytes = repo.inv.read(f.path)
    if (!bytes || !bytes.includes('/v')) continue
    const named = endpoints.filter((e) => bytes.includes(e))
    if (named.length > 0) naming.push({ ...f, named })
  }
  const choice = chooseAdapter(naming, endpoints, hints)
  if (choice.files.length === 0) {
    report.undecided(
      name,
      'adapter.file',
      null,
      `no consumer source names a producer endpoint (${endpoints.join(', ')})`,
      'set adapter.file to the module that calls the producer (until then the boundary is not checked: notice BG604)'
    )
    return { scan: sources.scan, exclude: sources.exclude }
  }
  for (const f of choice.files) {
    report.found(
      name,
      'adapter.file',
      f.path,
      `names ${f.named.length} of the ${endpoints.length} producer endpoints (${f.named.join(', ')})${choice.files.length > 1 ? `: the ${f.language === 'rust' ? 'Rust' : 'TypeScript'} adapter` : ''}`
    )
  }
  for (const t of choice.ties) {
    report.undecided(
      name,
      'adapter.file',
      t.paths[0]!,
      `guessed: ${t.paths.join(', ')} name equally many endpoints`,
      'set adapter.file to the one module that calls the producer; route the others through it'
    )
  }
  for (const o of choice.others) {
    report.undecided(
      name,
      'adapter.file',
      o.path,
      `names ${o.named.join(', ')} outside the adapter: BG603 fails on it`,
      'route it through the adapter, add it to adapter.file, or add it to adapter.exclude (if it is not code)'
    )
  }
  const unused = endpoints.filter((e) => !choice.endpoints.includes(e))
  if (unused.length > 0) {
    // "the consumer does not use" was untrue beside a file that does (found by review): those are named
    const callers = choice.others.filter((o) => o.named.some((e) => unused.includes(e))).map((o) => o.path)
    const them = unused.length === 1 ? 'it' : 'them'
    report.note(
      name,
      'adapter.endpoints',
      null,
      `the adapter does not name ${unused.join(', ')}: listed under adapter.unused (the adapter need not name ${them}; no other file may${callers.length > 0 ? `, and ${someOf(callers, 5)} ${callers.length === 1 ? 'does' : 'do'}: BG603 fails there until ${callers.length === 1 ? 'it calls' : 'they call'} the producer through the adapter` : ''})`
    )
  }
  return {
    file: choice.files.length === 1 ? choice.files[0]!.path : choice.files.map((f) => f.path),
    endpoints: choice.endpoints,
    ...(unused.length > 0 ? { unused } : {}),
    scan: sources.scan,
    exclude: sources.exclude
  }
}

/**
 * A consumer's directory: the nearest one from the pin's up that holds a package.json or a Cargo package ('' at the
 * top).
 */
function consumerDirOf(repo: Proposing['repo'], pinPath: string): string {
  for (let dir = dirnameOf(pinPath); dir !== ''; dir = dirnameOf(dir))
    if (repo.files.has(joinPath(dir, 'package.json')) || repo.cargo.get(dir)?.package) return dir
  return ''
}

/** The directories of the other consumers (the other pins') that do not hold this pin. */
function otherConsumers(repo: Proposing['repo'], pinPath: string): string[] {
  const own = consumerDirOf(repo, pinPath)
  const dirs = repo.pins
    .map((p) => consumerDirOf(repo, p.path))
    .filter((d) => d !== '' && d !== own && !isUnder(pinPath, d))
  return [...new Set(dirs)].sort()
}

/**
 * The package.json of the consumer: the nearest one from the pin's directory up to the root. In a monorepo the
 * consumer's own package (its scripts, run in its directory), not the workspace root's.
 */
function consumerPackage(repo: Proposing['repo'], pinPath: string): { dir: string; path: string } {
  for (let dir = dirnameOf(pinPath); ; dir = dirnameOf(dir)) {
    const path = joinPath(dir, 'package.json')
    if (dir === '' || repo.files.has(path)) return { dir, path }
  }
}

export function suitesOf(
  { repo, name, report }: Proposing,
  producerRoot: string | null,
  pinPath: string
): BaselineDocument['suites'] | undefined {
  const out: NonNullable<BaselineDocument['suites']> = {}
  const own = consumerPackage(repo, pinPath)
  const pm = packageManagerOf((p) => repo.files.has(p), own.dir)
  const pkg = repo.inv.read(own.path)
  const scripts = scriptsOf(pkg)
  if (scripts === null) {
    report.undecided(
      name,
      'suites.consumer',
      own.path,
      pkg ? `${own.path} is not valid JSON` : 'no package.json at the root, nor between it and the pin',
      "set suites.consumer to the consumer's checks (argv arrays); until then the runbook's defaults run"
    )
  } else {
    const steps = consumerSteps(pm.manager, scripts, own.dir)
    if (steps.steps.length > 0) {
      out.consumer = steps.steps
      report.found(
        name,
        'suites.consumer',
        own.path,
        `${steps.steps.map((s) => s.name).join(', ')} with ${pm.manager} (${pm.lockfiles.length > 0 ? pm.lockfiles[0] : 'no lockfile'})`
      )
    }
    for (const missing of steps.missing) {
      report.undecided(
        name,
        'suites.consumer',
        own.path,
        `${own.path} has no "${missing}" script: the runbook's ${missing} step is ${steps.steps.length > 0 ? 'left out' : 'kept (none of the runbook scripts exists, so the defaults stay and fail visibly)'}`,
        `add the script, or add the step that does its job to suites.consumer`
      )
    }
    if (steps.unused.length > 0) {
      report.note(
        name,
        'suites.consumer',
        own.path,
        `not proposed: ${steps.unused.join(', ')} (init proposes the runbook's steps, the checks a new producer release can break; add a step to suites.consumer to run another script on every baseline change)`
      )
    }
    if (pm.lockfiles.length !== 1) {
      report.undecided(
        name,
        'suites.consumer',
        null,
        pm.lockfiles.length === 0
          ? 'no lockfile (pnpm-lock.yaml, yarn.lock, package-lock.json): npm assumed'
          : `several lockfiles (${pm.lockfiles.join(', ')}): ${pm.manager} assumed`,
        'commit the lockfile of the package manager the repository uses, or check the argv of suites.consumer'
      )
    }
  }
  if (producerRoot) {
    const steps = producerSteps((rel) => repo.files.has(joinPath(producerRoot, rel)))
    out.producer = steps.steps
    report.found(name, 'suites.producer', producerRoot, steps.steps.map((s) => s.name).join(', '))
    for (const m of steps.missing)
      report.note(name, 'suites.producer', joinPath(producerRoot, m), `does not exist: its step is left out`)
  }
  return out.consumer || out.producer ? out : undefined
}

/** package.json's scripts ({} when it has none); null when there is no package.json or it is not JSON. */
function scriptsOf(pkg: Buffer | null): Record<string, unknown> | null {
  if (!pkg) return null
  try {
    const parsed = JSON.parse(pkg.toString('utf8')) as unknown
    if (parsed === null || typeof parsed !== 'object') return null
    const scripts = (parsed as { scripts?: unknown }).scripts
    return scripts !== null && typeof scripts === 'object' ? (scripts as Record<string, unknown>) : {}
  } catch {
    return null
  }
}

export function ownersOf(
  { repo, name, report }: Proposing,
  pinPath: string,
  producerRoot: string | null
): BaselineDocument['owners'] | undefined {
  const co = repo.codeowners
  const todo =
    'a change of the posture to GO (from NO-GO, or from none) needs an approving review from each list: set owners.consumer and owners.producer (GitHub logins or org/team)'
  if (!co) {
    report.undecided(
      name,
      'owners',
      null,
      `no CODEOWNERS (${CODEOWNERS_PATHS.join(', ')}): owners.consumer and owners.producer stay empty`,
      todo
    )
    return undefined
  }
  const out: NonNullable<BaselineDocument['owners']> = {}
  const side = (field: 'consumer' | 'producer', path: string | null, what: string) => {
    const rule = path === null ? null : ruleFor(co.rules, path)
    const principals = rule ? rule.owners.map(principalOf).filter((p): p is string => p !== null) : []
    if (!rule || principals.length === 0) {
      report.undecided(
        name,
        `owners.${field}`,
        co.path,
        path === null
          ? `no producer root, so no owners of it`
          : `no CODEOWNERS rule gives ${what} an owner the policy can hold (a login or org/team)`,
        todo
      )
      return
    }
    out[field] = [...new Set(principals)]
    const skipped = rule.owners.filter((o) => principalOf(o) === null)
    report.found(
      name,
      `owners.${field}`,
      co.path,
      `${out[field]!.join(', ')}: owners of ${what} (line ${rule.line}: ${rule.pattern})${skipped.length > 0 ? `; ${skipped.join(', ')} left out (not a login or team)` : ''}`
    )
  }
  side('consumer', pinPath, pinPath)
  side('producer', producerRoot === null ? null : `${producerRoot}/`, producerRoot ?? '')
  if (out.consumer && out.producer && out.consumer.join() === out.producer.join()) {
    report.note(
      name,
      'owners',
      co.path,
      'the consumer and the producer have the same owners: the joint approval is one team'
    )
  }
  return out.consumer || out.producer ? out : undefined
}

export function repinOf(
  { repo, name, report }: Proposing,
  root: string,
  handoff: string | null
): BaselineDocument['repin'] | undefined {
  const out: NonNullable<BaselineDocument['repin']> = {}
  const changelog = joinPath(root, 'CHANGELOG.md')
  if (repo.files.has(changelog)) {
    out.mentions = ['{producer_root}/CHANGELOG.md']
    report.found(
      name,
      'repin.mentions',
      changelog,
      "the producer's changelog: a new baseline's release must be in it"
    )
  }
  const script = joinPath(root, HANDOFF_SCRIPT)
  if (repo.files.has(script) && handoff) {
    out.handoff = {
      run: ['bash', HANDOFF_SCRIPT, '--mode', 'stable', '--out-json', handoff],
      cwd: '{producer_root}'
    }
    report.found(
      name,
      'repin.handoff',
      script,
      'regenerates the handoff payload (repin prints it, never runs it)'
    )
  }
  return out.mentions || out.handoff ? out : undefined
}
