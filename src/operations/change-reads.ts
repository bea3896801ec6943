// What the promotion gate reads of a change from git, and the findings of how it reads them: the trio and the
// producer's published files at both revisions (as a checkout of each reads them: through links inside the root),
// the links a trio file is reached through (BG519), and the checkout conversions a .gitattributes change makes
// (BG520).
import { BlobReader } from '../git/git.js'
import {
  attributesChanged,
  checkoutAttributes,
  convertingAttributes,
  hidingAttributes
} from '../git/attributes.js'
import { readAtCommit } from '../git/tree-path.js'
import type { BaselinePolicy } from '../policy/types.js'
import { finding } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'
import { committed, producerPaths } from '../trio/load.js'
import type { Committed } from '../trio/load.js'
import { TRIO_ROLES } from '../trio/model.js'
import type { TrioRole } from '../trio/model.js'
import type { ProducerBytes } from './producer-moved.js'

export interface Blobs {
  base: Record<TrioRole, Committed>
  head: Record<TrioRole, Committed>
  /** The symbolic link each trio file was reached through (`link -> target`), at each revision (BG519). */
  links: { base: Partial<Record<TrioRole, string>>; head: Partial<Record<TrioRole, string>> }
  /** The producer's manifest and handoff at head, and at base (for BG518 when the trio did not change). */
  producer: ProducerBytes
  producerBase: ProducerBytes
}

/**
 * Everything the gate reads from git, through one cat-file process. Paths are relative to the root, which may
 * be a directory inside the repository (a consumer in a monorepo): `REV:./path` is relative to the working
 * directory of git, `REV:path` would be relative to the top of the repository. The trio changed when its
 * bytes differ between the two revisions (no `git diff`, whose output is relative to the top).
 */
export async function readBlobs(
  root: string,
  revs: { base: string; head: string },
  baseline: BaselinePolicy
): Promise<Blobs> {
  const reader = new BlobReader(root)
  // as a checkout of `rev` reads it: a link inside the root followed, one out of it refused (BG110)
  const read = async (rev: string, path: string) => committed(await readAtCommit(reader, rev, path))
  const links: Blobs['links'] = { base: {}, head: {} }
  const trioAt = async (rev: string, at: 'base' | 'head') => {
    const out = {} as Record<TrioRole, Committed>
    for (const role of TRIO_ROLES) {
      const r = await readAtCommit(reader, rev, baseline.trio[role])
      if (r.kind === 'ok' && r.via) links[at][role] = r.via
      out[role] = committed(r)
    }
    return out
  }
  const paths = producerPaths(baseline)
  const producerAt = async (rev: string) => ({
    manifest: await read(rev, paths.manifest),
    handoff: await read(rev, paths.handoff)
  })
  try {
    return {
      head: await trioAt(revs.head, 'head'),
      base: await trioAt(revs.base, 'base'),
      links,
      producer: await producerAt(revs.head),
      producerBase: await producerAt(revs.base)
    }
  } finally {
    reader.close()
  }
}

/**
 * BG519 for each trio file the head reaches through a symbolic link, where the change makes or moves the link or
 * changes the trio: git dates a link, not the file it names, so the history the gate reads (BG504) would be the
 * link's. A link the base already had, on a change that leaves the trio alone, is no concern of this change.
 */
export function linkedTrio(baseline: BaselinePolicy, links: Blobs['links'], trioChanged: boolean): Finding[] {
  return TRIO_ROLES.filter((r) => links.head[r] && (trioChanged || links.head[r] !== links.base[r])).map(
    (r) =>
      finding(
        'BG519',
        baseline.trio[r],
        null,
        `the ${r} ${baseline.trio[r]} is reached through a symbolic link (${links.head[r]}): the gate reads the trio's history from git (when the baseline was approved, what it replaces), and git keeps the link's history, not the file's; make it a regular file`
      )
  )
}

/**
 * BG520 for each baseline file (the trio, the producer's published files) whose checkout conversion this change
 * changes: the gate judges committed bytes, health the checkout. Nothing is asked of git when no .gitattributes
 * changed.
 */
export async function checkoutConversions(
  root: string,
  revs: { base: string; head: string },
  baseline: BaselinePolicy
): Promise<Finding[]> {
  if (!(await attributesChanged(root, revs.base, revs.head))) return []
  const paths = [...TRIO_ROLES.map((r) => baseline.trio[r]), ...Object.values(producerPaths(baseline))]
  const [before, after] = await Promise.all([
    checkoutAttributes(root, revs.base, paths),
    checkoutAttributes(root, revs.head, paths)
  ])
  return paths.flatMap((path) => {
    const hidden = hidingAttributes(after.get(path) ?? [])
    const hiding =
      hidden.length > 0 && hidden.join(' ') !== hidingAttributes(before.get(path) ?? []).join(' ')
        ? [
            finding(
              'BG524',
              path,
              null,
              `this change sets ${hidden.join(', ')} on ${path} in .gitattributes: git and GitHub would then show no diff of it (or fold it away as generated), so a reviewer could not see its changes; leave the baseline's files out of such attributes`
            )
          ]
        : []
    const from = convertingAttributes(before.get(path) ?? [])
    const to = convertingAttributes(after.get(path) ?? [])
    if (from.join(' ') === to.join(' ')) return hiding
    return [
      ...hiding,
      finding(
        'BG520',
        path,
        null,
        `this change makes git ${to.length > 0 ? `convert ${path} on checkout (${to.join(', ')})` : `check ${path} out as committed`}, where ${from.length > 0 ? `it converted it (${from.join(', ')})` : 'it checked it out as committed'}: the gate judges the bytes as committed, health reads them as checked out; keep checkout conversions off the baseline's files (\`${path} -text\` in .gitattributes, and no filter, ident or encoding for it)`
      )
    ]
  })
}
