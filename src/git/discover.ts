// What git would answer about the repository, read from the files, without starting git: on a VM a process
// blocks Node's main thread for 12 to 16 ms while it is started, once per command for the root, once for HEAD
// (lkg, promotion, the run context) and once more for lkg's shallow check. Only the plain layout git writes
// itself is read; every other layout, and every variable of git's that could change the answer, is git's to
// answer (null), so a null is always safe: every caller then asks git.
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs'
import type { Stats } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** Git's variables that move the repository or the work tree, bound the search, set configuration or the shallow file. */
const GIT_LOCATION_VARIABLE =
  /^GIT_(DIR|WORK_TREE|COMMON_DIR|OBJECT_DIRECTORY|CEILING_DIRECTORIES|DISCOVERY_ACROSS_FILESYSTEM|SHALLOW_FILE|CONFIG\w*|TEST_\w+)$/

/**
 * The work tree's top as `git rev-parse --show-toplevel` finds it from `real` (a directory, symlinks resolved):
 * the nearest directory up whose `.git` is a plain repository of this user's (see plainRepository). Null where
 * git could answer otherwise: a `.git` file (a worktree, a submodule) or link; a directory on the way that looks
 * like a git directory itself (a bare repository in the work tree); a start inside a `.git`; a variable of git's
 * in the environment; another owner (safe.directory); a file-system boundary; no `.git` at all.
 */
export function discoverTop(real: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const uid = process.getuid?.()
  if (uid === undefined || Object.keys(env).some((k) => GIT_LOCATION_VARIABLE.test(k))) return null
  let device: number | undefined
  for (let dir = real; ; dir = dirname(dir)) {
    if (basename(dir) === '.git') return null
    const here = statSync(dir, { throwIfNoEntry: false })
    if (!here || (device !== undefined && here.dev !== device)) return null
    device = here.dev
    const dotGit = lstatSync(join(dir, '.git'), { throwIfNoEntry: false })
    if (dotGit)
      return dotGit.isDirectory() && plainRepository(join(dir, '.git'), [here, dotGit], uid) ? dir : null
    // git takes a directory that is a git directory itself as a bare repository
    if (lstatSync(join(dir, 'HEAD'), { throwIfNoEntry: false })) return null
    if (dirname(dir) === dir) return null
  }
}

/**
 * Whether the repository holding `start` is a shallow clone, as `git rev-parse --is-shallow-repository` says:
 * git keeps a shallow clone's graft points in `.git/shallow` and removes the file when the history is complete.
 * Null (ask git) outside the plain layout, or for a file that is not a list of commit ids.
 */
export function shallowFromDisk(start: string, env: NodeJS.ProcessEnv = process.env): boolean | null {
  const cuts = shallowCutsFromDisk(start, env)
  return cuts === null ? null : cuts.length > 0
}

/**
 * The commits a shallow clone's history stops at, as `.git/shallow` lists them (none for a whole history); null as
 * for shallowFromDisk.
 */
export function shallowCutsFromDisk(start: string, env: NodeJS.ProcessEnv = process.env): string[] | null {
  let top: string | null
  try {
    top = discoverTop(realpathSync(start), env)
  } catch {
    return null
  }
  if (!top) return null
  const file = join(top, '.git', 'shallow')
  if (!lstatSync(file, { throwIfNoEntry: false })) return []
  const text = readSmall(file)
  if (text === null) return null
  const lines = text.split('\n').filter((l) => l !== '')
  return lines.length > 0 && lines.every((l) => /^([0-9a-f]{40}|[0-9a-f]{64})$/.test(l)) ? lines : null
}

/**
 * HEAD as git answers it: the commit (`git rev-parse --verify -q HEAD`; null on an unborn branch) and the branch
 * (`git symbolic-ref -q HEAD`; null when detached).
 */
export interface DiskHead {
  commit: string | null
  ref: string | null
}

/**
 * HEAD read from the files, in the plain layout discoverTop reads (its checks first), and only where each file is
 * exactly as git writes it: a detached commit, or a branch from its loose ref, else from packed-refs, else an
 * unborn branch. Null (ask git) for anything else: a branch name git would refuse or that is not ASCII, a ref that
 * is a link, a directory, a symbolic ref or not one commit id and a newline, a packed-refs git would read otherwise
 * (see packedRef), any error.
 */
export function headFromDisk(start: string, env: NodeJS.ProcessEnv = process.env): DiskHead | null {
  try {
    const top = discoverTop(realpathSync(start), env)
    return top ? readHead(join(top, '.git')) : null
  } catch {
    return null
  }
}

function readHead(gitDir: string): DiskHead | null {
  const head = readSmall(join(gitDir, 'HEAD'))
  if (head === null) return null
  const detached = /^([0-9a-f]{40})\n?$/.exec(head)?.[1]
  if (detached) return { commit: detached, ref: null }
  const ref = /^ref: (refs\/[!-~]+)\n?$/.exec(head)?.[1]
  if (!ref || !plainRefName(ref)) return null
  const loose = join(gitDir, ref)
  const stat = lstatSync(loose, { throwIfNoEntry: false })
  if (stat) {
    const commit = stat.isFile() ? /^([0-9a-f]{40})\n?$/.exec(readSmall(loose) ?? '')?.[1] : undefined
    return commit ? { commit, ref } : null
  }
  const packedFile = join(gitDir, 'packed-refs')
  if (!lstatSync(packedFile, { throwIfNoEntry: false })) return { commit: null, ref }
  const packed = readSmall(packedFile, PACKED_REFS_LIMIT)
  const commit = packed === null ? undefined : packedRef(packed, ref)
  return commit === undefined ? null : { commit, ref }
}

/** packed-refs holds a line for every tag: a large repository's runs to megabytes. */
const PACKED_REFS_LIMIT = 64 * 1024 * 1024

/**
 * The commit packed-refs names for `ref` (null when it names none), from a file as git writes it: an optional
 * `# pack-refs with:` header, then `<id> <name>` lines, each maybe followed by a peeled `^<id>` line, ending in a
 * newline. Undefined (ask git) for anything else: another line, the ref twice, names out of order under a header
 * that says `sorted` (git searches such a file by halves and may miss a name).
 */
function packedRef(text: string, ref: string): string | null | undefined {
  if (text === '') return null
  if (!text.endsWith('\n')) return undefined
  const lines = text.slice(0, -1).split('\n')
  let sorted = false
  if (lines[0]!.startsWith('#')) {
    const header = lines.shift()!
    if (!header.startsWith('# pack-refs with:')) return undefined
    sorted = header.slice('# pack-refs with:'.length).split(' ').includes('sorted')
  }
  let found: string | null = null
  let previous: string | null = null
  for (const line of lines) {
    if (/^\^[0-9a-f]{40}$/.test(line) && previous !== null) continue
    const entry = /^([0-9a-f]{40}) (refs\/[!-~]+)$/.exec(line)
    if (!entry) return undefined
    const name = entry[2]!
    if (sorted && previous !== null && !(name > previous)) return undefined
    previous = name
    if (name === ref) {
      if (found !== null) return undefined
      found = entry[1]!
    }
  }
  return found
}

/**
 * A ref name under refs/ as git accepts it (git check-ref-format), in printable ASCII: no component that is
 * empty, starts with a dot or ends in `.lock`, no `..`, no `@{`, no space or any of `~^:?*[\`.
 */
function plainRefName(ref: string): boolean {
  if (!/^refs\/[!-~]+$/.test(ref) || ref.includes('..') || ref.includes('@{') || ref.endsWith('.'))
    return false
  if (/[~^:?*[\\]/.test(ref)) return false
  return ref.split('/').every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock'))
}

/**
 * A git directory git takes without a question, with its work tree its parent: HEAD a file naming a branch or a
 * commit, objects/ and refs/ there, no commondir, this user's (with the work tree), and a config that is plainly
 * what git writes (plainConfig).
 */
function plainRepository(gitDir: string, owned: Stats[], uid: number): boolean {
  if (owned.some((s) => s.uid !== uid)) return false
  // a linked HEAD is git's own question (it accepts only one that points into refs/)
  if (!lstatSync(join(gitDir, 'HEAD'), { throwIfNoEntry: false })?.isFile()) return false
  const head = readSmall(join(gitDir, 'HEAD'))
  if (head === null || !/^(ref: refs\/\S+|[0-9a-f]{40}|[0-9a-f]{64})\n?$/.test(head)) return false
  for (const part of ['objects', 'refs'])
    if (!statSync(join(gitDir, part), { throwIfNoEntry: false })?.isDirectory()) return false
  // the repository's format and objects are the common directory's
  if (lstatSync(join(gitDir, 'commondir'), { throwIfNoEntry: false })) return false
  const config = readSmall(join(gitDir, 'config'))
  return config !== null && plainConfig(config)
}

const BOOLEAN = /^(true|false|yes|no|on|off|1|0)$/
const ANY = /^.*$/
/**
 * [core] as git init and git clone write it, and the settings people commonly add, each with the values git takes
 * for it (a value git refuses makes every git command fail): any other key is git's question, and so is every
 * path setting (git expands `~user/` in excludesFile or attributesFile when it reads the config, and fails on an
 * unknown user).
 */
const PLAIN_CORE: Record<string, RegExp> = {
  repositoryformatversion: /^0$/,
  bare: /^(false|no|off|0)$/,
  filemode: BOOLEAN,
  logallrefupdates: /^(true|false|yes|no|on|off|1|0|always)$/,
  ignorecase: BOOLEAN,
  precomposeunicode: BOOLEAN,
  symlinks: BOOLEAN,
  autocrlf: /^(true|false|yes|no|on|off|1|0|input)$/,
  safecrlf: /^(true|false|yes|no|on|off|1|0|warn)$/,
  eol: /^(lf|crlf|native)$/,
  quotepath: BOOLEAN,
  longpaths: BOOLEAN,
  editor: ANY,
  pager: ANY,
  sshcommand: ANY
}

/**
 * A config as git writes it, with no setting that moves or removes the work tree or that git may refuse: printable
 * ASCII, each section header alone on its line, one `key = value` a line with no quoting, escape or continuation,
 * no [extensions] and no [include] or [includeIf] (an included file may say anything), and in [core] only the keys
 * of PLAIN_CORE, each with a value of its kind: repositoryformatversion 0, `bare` false. Anything else is not read
 * as plain (a value git would refuse, such as `core.abbrev = notanumber`, is git's to refuse).
 */
function plainConfig(text: string): boolean {
  let section = ''
  for (const raw of text.split('\n')) {
    if (/[^\t\x20-\x7e]/.test(raw)) return false
    const line = raw.replace(/^[ \t]+|[ \t]+$/g, '')
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue
    const header = /^\[([A-Za-z0-9.-]+)(?:[ \t]+"[^"\\]*")?\]$/.exec(line)
    if (header) {
      // [name], [name "sub"] or the old [name.sub]: only [core] itself holds the settings read here
      const name = header[1]!.toLowerCase()
      const base = name.split('.')[0]!
      const sub = line.includes('"') || name.includes('.')
      if (base === 'extensions' || base.startsWith('include') || (base === 'core' && sub)) return false
      section = sub ? `${base}.` : base
      continue
    }
    if (line.includes('"') || line.includes('\\')) return false
    const entry = /^([A-Za-z][A-Za-z0-9-]*)(?:[ \t]*=[ \t]*(.*))?$/.exec(line)
    if (!entry || section === '') return false
    if (section !== 'core') continue
    const allowed = PLAIN_CORE[entry[1]!.toLowerCase()]
    if (!allowed || entry[2] === undefined || !allowed.test(entry[2].toLowerCase())) return false
  }
  return true
}

/** A small file's text, or null (missing, unreadable, or too large to be what git writes there). */
function readSmall(path: string, limit = 65_536): string | null {
  try {
    const stat = statSync(path, { throwIfNoEntry: false })
    return stat?.isFile() && stat.size <= limit ? readFileSync(path, 'utf8') : null
  } catch {
    return null
  }
}
