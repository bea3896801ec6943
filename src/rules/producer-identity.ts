// Producer identity (BG311-BG314): what the producer repository says about the pinned baseline, judged
// against the pin. Pure: the reads happen in src/operations/producer-identity.ts, which hands over what
// it observed; this module turns the observations into findings. A read that did not happen, or failed
// for any reason other than a definite "not there", is BG314: a check that did not run never passes.
import { locate } from '../document/json-document.js'
import type { JsonFile, Pin } from '../trio/model.js'
import { finding } from './finding.js'
import type { Finding } from './finding.js'

/** The outcome of one read: its value, or why it failed (`notFound`: a definite 404 of the thing read). */
export type Observed<T> = { ok: true; value: T } | { ok: false; message: string; notFound: boolean }

export interface ProducerIdentityObservations {
  /** "owner/repo" of the producer repository. */
  repository: string
  tag: string
  pinnedCommit: string
  expectedManifestSha256: string
  /** The manifest's path inside the producer repository (the policy's producer.manifest). */
  manifestPath: string
  /** null: not read (an earlier read failed in a way that makes further reads pointless). */
  tagCommit: Observed<{ exists: false } | { exists: true; commitSha: string; annotated: boolean }> | null
  ancestry: Observed<{ status: string; descends: boolean; aheadBy: number; behindBy: number }> | null
  /** SHA-256 of the manifest's bytes at the tag's commit. */
  manifestSha256: Observed<string> | null
}

/** The check could not even start: no token, no usable repository URL, an incomplete pin. */
export interface ProducerIdentityUnavailable {
  unavailable: string
}

export type ProducerIdentityInput = ProducerIdentityObservations | ProducerIdentityUnavailable

export function producerIdentityRules(pin: JsonFile<Pin>, input: ProducerIdentityInput): Finding[] {
  const at = (field: keyof Pin) => (pin.doc ? locate(pin.doc, `/${field}`) : null)
  const couldNot = (field: keyof Pin, message: string): Finding =>
    finding('BG314', pin.path, at(field), `could not verify the producer identity: ${message}`)
  if ('unavailable' in input) return [couldNot('memorykernel_repo', input.unavailable)]

  const { repository, tag, pinnedCommit, expectedManifestSha256, manifestPath } = input
  const notRead = (what: string): string =>
    `${what} was not read because an earlier request to the GitHub API failed (see the finding above)`
  const findings: Finding[] = []

  const resolved = input.tagCommit
  if (resolved === null) {
    findings.push(couldNot('release_tag', notRead(`the tag ${tag} of ${repository}`)))
  } else if (!resolved.ok) {
    findings.push(couldNot('release_tag', resolved.message))
  } else if (!resolved.value.exists) {
    findings.push(
      finding(
        'BG313',
        pin.path,
        at('release_tag'),
        `the release tag ${tag} does not exist in the producer repository ${repository}: push the tag there, or pin a release that exists`
      )
    )
  }
  const tagCommit = resolved?.ok && resolved.value.exists ? resolved.value.commitSha : null

  if (tagCommit !== null) {
    const ancestry = input.ancestry
    const tagSays = `the release tag ${tag} of ${repository} points at ${tagCommit}`
    if (ancestry === null) {
      findings.push(couldNot('commit_sha', notRead(`the history between ${pinnedCommit} and ${tagCommit}`)))
    } else if (!ancestry.ok && ancestry.notFound) {
      findings.push(
        finding(
          'BG312',
          pin.path,
          at('commit_sha'),
          `the tag points elsewhere: ${tagSays}, and GitHub cannot relate it to the pinned commit ${pinnedCommit} (${ancestry.message}); pin the commit the tag was made from, or move the tag onto a descendant of the pinned commit`
        )
      )
    } else if (!ancestry.ok) {
      findings.push(couldNot('commit_sha', ancestry.message))
    } else if (!ancestry.value.descends) {
      const how =
        ancestry.value.status === 'behind'
          ? `an ancestor of the pinned commit ${pinnedCommit} (${ancestry.value.behindBy} commit${ancestry.value.behindBy === 1 ? '' : 's'} behind it)`
          : `on a history that diverged from the pinned commit ${pinnedCommit} (${ancestry.value.aheadBy} ahead, ${ancestry.value.behindBy} behind)`
      findings.push(
        finding(
          'BG312',
          pin.path,
          at('commit_sha'),
          `the tag points elsewhere: ${tagSays}, ${how}, which is neither the pinned commit nor a descendant of it; the tag and the pin name different code: pin the tag's release again (baseline-gate repin) or fix the tag in the producer repository`
        )
      )
    }

    const manifest = input.manifestSha256
    const where = `${manifestPath} at ${tag} (${tagCommit}) in ${repository}`
    if (manifest === null) {
      findings.push(couldNot('expected_producer_manifest_sha256', notRead(where)))
    } else if (!manifest.ok && manifest.notFound) {
      findings.push(
        finding(
          'BG311',
          pin.path,
          at('expected_producer_manifest_sha256'),
          `the producer manifest ${where} does not exist, so nothing published there has the pinned SHA-256 ${expectedManifestSha256}; check the policy's producer.manifest path, or pin a release that publishes the manifest`
        )
      )
    } else if (!manifest.ok) {
      findings.push(couldNot('expected_producer_manifest_sha256', manifest.message))
    } else if (manifest.value !== expectedManifestSha256) {
      findings.push(
        finding(
          'BG311',
          pin.path,
          at('expected_producer_manifest_sha256'),
          `the producer manifest ${where} has SHA-256 ${manifest.value}, the pin expects ${expectedManifestSha256}: the published manifest is not the pinned one (the tag was moved, or the mirror came from another commit); repin from the tag, or restore the tag`
        )
      )
    }
  }
  return findings
}
