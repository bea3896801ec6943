// init: inspect the repository and write config/baseline-policy.json fitted to it. The repository's files ->
// the proposal (src/adopt) -> the policy text, loaded by the real loader and checked by the real adapter rules
// before anything is written; an existing policy is never replaced without --force; a dry run writes nothing.
import type { InitItem, Proposal } from '../adopt/propose.js'
import { propose } from '../adopt/propose.js'
import { writeFileAtomic } from '../fs/atomic-write.js'
import { listRepositoryFiles, repositoryInventory } from '../fs/inventory.js'
import type { FileInventory } from '../fs/inventory.js'
import { listFiles } from '../fs/listing.js'
import { workingTreeAttributes } from '../git/attributes.js'
import { writeTarget } from '../fs/write-target.js'
import { DEFAULT_POLICY_PATH } from '../policy/defaults.js'
import { policyAtRevision } from '../policy/load.js'
import { PolicyError } from '../policy/types.js'
import type { Policy } from '../policy/types.js'
import { adapterRules, guardedEndpoints } from '../rules/adapter.js'
import { sourceFromBytes } from '../document/source-file.js'
import { producerPaths } from '../trio/load.js'
import { TRIO_ROLES } from '../trio/model.js'
import type { SourceFile } from '../document/source-file.js'

export interface InitRequest {
  /** Compute and show everything; write nothing. */
  dryRun: boolean
  /** Replace an existing policy file. */
  force: boolean
  /**
   * The directory the user ran init from (or named with --root), relative to the root ('' or absent: the root):
   * the consumer's own, never taken for a producer when it holds a pin.
   */
  from?: string
}

export type InitOutcome =
  /** Nothing was looked at: the policy file exists (no --force) or cannot be written where it would go. */
  | { status: 'refused'; policyPath: string; message: string }
  /** No pin anywhere: nothing to adopt, nothing written. */
  | { status: 'no-trio'; policyPath: string; proposal: Proposal }
  | {
      status: 'written' | 'dry-run'
      policyPath: string
      proposal: Proposal
      /** The file's text (written, or what a run without --dry-run would write). */
      text: string
      /** The policy as the suite will read it. */
      policy: Policy
      /** A policy file existed before (replaced with --force; a dry run leaves it alone). */
      existed: boolean
    }

export async function runInit(root: string, request: InitRequest): Promise<InitOutcome> {
  const policyPath = DEFAULT_POLICY_PATH
  const target = writeTarget(root, policyPath)
  if (target.kind === 'outside-root') {
    return {
      status: 'refused',
      policyPath,
      message: `${policyPath} ${target.problem}; nothing written (BG110)`
    }
  }
  if (target.kind === 'not-a-file' && !request.dryRun) {
    return {
      status: 'refused',
      policyPath,
      message: `${policyPath} exists and is not a regular file (a directory or a symlink); move it away, or use --dry-run to see the policy`
    }
  }
  const existed = target.kind !== 'ok' || target.exists
  if (existed && !request.force && !request.dryRun) {
    return {
      status: 'refused',
      policyPath,
      message: `${policyPath} already exists; --force overwrites it, --dry-run shows the policy init would write`
    }
  }

  const inventory = repositoryInventory(root, await listRepositoryFiles(root))
  const proposal = propose(inventory, request.from)
  if (!proposal.document || proposal.text === null) return { status: 'no-trio', policyPath, proposal }
  const text = proposal.text
  let policy: Policy
  try {
    policy = policyAtRevision(root, Buffer.from(text, 'utf8'), policyPath)
  } catch (e) {
    // everything init writes comes from our own code: a policy that does not load is our bug, not the user's
    if (e instanceof PolicyError)
      throw new Error(`init proposed a policy that does not load: ${e.message}`, { cause: e })
    throw e
  }
  verifyAdapter(root, inventory, policy, proposal)
  await adviseByteExact(root, inventory, policy, proposal)
  if (!request.dryRun && target.kind === 'ok') writeFileAtomic(target.abs, text, { clean: true })
  return { status: request.dryRun ? 'dry-run' : 'written', policyPath, proposal, text, policy, existed }
}

/**
 * The trio and the producer's manifest are hashed byte for byte: a checkout that converts their line endings
 * (core.autocrlf=true, the Windows default) makes the mirror's SHA-256 differ from the pin's (BG202). Said, with
 * the .gitattributes lines, for those git would convert (its `text` attribute not unset: `-text`, or `binary`).
 */
async function adviseByteExact(
  root: string,
  inv: FileInventory,
  policy: Policy,
  proposal: Proposal
): Promise<void> {
  const listed = new Set(inv.files)
  for (const b of policy.baselines) {
    const paths = [...TRIO_ROLES.map((r) => b.trio[r]), producerPaths(b).manifest].filter((p) =>
      listed.has(p)
    )
    if (paths.length === 0) continue
    const attributes = await workingTreeAttributes(root, paths)
    const converted = paths.filter((p) => !attributes.get(p)?.includes('text=unset'))
    if (converted.length === 0) continue
    proposal.undecided.push({
      baseline: b.name,
      field: 'trio',
      path: '.gitattributes',
      message: `no -text for ${converted.join(', ')}: a checkout with core.autocrlf=true (the Windows default) may convert line endings in ${converted.length === 1 ? 'it' : 'them'} (only -text keeps a file byte for byte whatever the checkout's settings), and health fails on the bytes it hashes (BG202: the mirror's SHA-256 differs from the pin's)`,
      todo: `add to .gitattributes, and commit it: ${converted.map((p) => `${p} -text`).join('; ')}`
    })
  }
}

/**
 * The adapter rules health runs (src/rules/adapter.ts), over the files health's scan lists on disk (which may hold
 * more than git lists, such as ignored build output under a scanned directory), read through the inventory so a
 * file is read once: whatever they would report is said now, as undecided.
 */
function verifyAdapter(root: string, inv: FileInventory, policy: Policy, proposal: Proposal): void {
  const said = new Set(proposal.undecided.map((u) => `${u.baseline}\0${u.path}`))
  for (const b of policy.baselines) {
    const adapter = b.adapter
    if (adapter.files.length === 0) continue
    const source = (path: string) => {
      const bytes = inv.read(path)
      return bytes ? sourceFromBytes(path, bytes) : null
    }
    const own = new Set(adapter.files)
    // the unused endpoints too: no file but the adapter may name those either (BG603; found by review)
    const needles = guardedEndpoints(adapter).map((e) => Buffer.from(e, 'utf8'))
    const scanned = listFiles(root, adapter.scan, adapter.exclude)
      .filter((p) => !own.has(p))
      .filter((p) => {
        const bytes = inv.read(p)
        return bytes !== null && needles.some((n) => bytes.includes(n))
      })
      .map(source)
      .filter((f): f is SourceFile => f !== null)
    const findings = adapterRules({
      adapter,
      adapterSources: adapter.files.map((path) => ({ path, source: source(path) })),
      scanned
    })
    for (const f of findings) {
      if (said.has(`${b.name}\0${f.file}`)) continue
      said.add(`${b.name}\0${f.file}`)
      const item: InitItem = {
        baseline: b.name,
        field: 'adapter.file',
        path: f.file,
        message: `health would report ${f.rule}: ${f.message}`,
        todo:
          f.rule === 'BG603'
            ? 'route it through the adapter, add it to adapter.file, or add it (or its directory) to adapter.exclude'
            : 'check adapter.file and adapter.endpoints'
      }
      proposal.undecided.push(item)
    }
  }
}
