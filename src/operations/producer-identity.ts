// The remote producer identity check (health with a token): read the producer repository named by the
// pin's `memorykernel_repo` through the GitHub API, and judge what it says with the BG311-BG314 rules.
//
// Reads, in order, one at a time (a hung or refusing API costs one request's timeout, never a storm):
// the pinned release tag (followed to its commit), then how that commit relates to the pinned commit_sha
// (compare), then the manifest's bytes at the tag's commit (the commit, not the tag name: a tag moved
// between two reads cannot mix two answers). A failure that will fail every further read too (no
// network, a timeout, a rate limit, a refused token) stops the reads; the rules then report what was
// not verified.
import type { FailureReason, Repository, RepositoryReadApi, Result } from '../github/client.js'
import { sha256 } from '../fs/digest.js'
import type { BaselinePolicy } from '../policy/types.js'
import type { Finding } from '../rules/finding.js'
import { producerIdentityRules } from '../rules/producer-identity.js'
import type { Observed, ProducerIdentityInput } from '../rules/producer-identity.js'
import type { Trio } from '../trio/model.js'

/** Makes API readers for other repositories (the entry builds it with the token and the API URL). */
export interface ProducerReader {
  forRepository(repository: Repository): RepositoryReadApi
}

/** Failures after which no further request is worth making. */
const STOPS: ReadonlySet<FailureReason> = new Set([
  'no-token',
  'unreachable',
  'timeout',
  'rate-limited',
  'forbidden'
])

/**
 * owner/repo from a repository URL: https://github.com/owner/repo, with or without `.git` or a final
 * slash, on any host (GitHub Enterprise: the API URL comes from GITHUB_API_URL). null when it is none.
 */
export function parseRepositoryUrl(url: unknown): Repository | null {
  if (typeof url !== 'string') return null
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    return null
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null
  if (parsed.search || parsed.hash || parsed.username || parsed.password) return null
  const parts = parsed.pathname
    .replace(/\/+$/, '')
    .split('/')
    .filter((p) => p !== '')
  if (parts.length !== 2) return null
  const owner = parts[0] as string
  const repo = (parts[1] as string).replace(/\.git$/, '')
  const name = /^[A-Za-z0-9_.-]+$/
  if (!name.test(owner) || !name.test(repo) || repo === '.' || repo === '..') return null
  return { owner, repo }
}

/** What to read, from the pin and the policy; or why the check cannot start. */
function plan(
  trio: Trio,
  baseline: BaselinePolicy
):
  | { repository: Repository; tag: string; commit: string; sha256: string; manifestPath: string }
  | { unavailable: string } {
  const pin = trio.pin.data
  if (!pin) return { unavailable: `the pin ${trio.pin.path} could not be read (see its findings)` }
  const repository = parseRepositoryUrl(pin.memorykernel_repo)
  if (!repository) {
    return {
      unavailable: `the pin's memorykernel_repo ${JSON.stringify(pin.memorykernel_repo ?? null)} is not a repository URL such as https://github.com/OWNER/REPO; fix the pin`
    }
  }
  const tag = pin.release_tag
  const commit = pin.commit_sha
  const digest = pin.expected_producer_manifest_sha256
  const bad: string[] = []
  if (typeof tag !== 'string' || tag === '') bad.push('release_tag')
  if (typeof commit !== 'string' || !/^[0-9a-f]{40}$/.test(commit)) bad.push('commit_sha')
  if (typeof digest !== 'string' || !/^[0-9a-f]{64}$/.test(digest))
    bad.push('expected_producer_manifest_sha256')
  if (bad.length > 0) {
    return {
      unavailable: `the pin's ${bad.join(', ')} ${bad.length === 1 ? 'is' : 'are'} missing or malformed (see its schema findings)`
    }
  }
  return {
    repository,
    tag: tag as string,
    commit: commit as string,
    sha256: digest as string,
    manifestPath: baseline.producer.manifest
  }
}

export async function checkProducerIdentity(
  trio: Trio,
  baseline: BaselinePolicy,
  reader: ProducerReader
): Promise<Finding[]> {
  const what = plan(trio, baseline)
  if ('unavailable' in what) return producerIdentityRules(trio.pin, what)
  const api = reader.forRepository(what.repository)
  let stopped = false
  const read = async <T, U>(
    run: () => Promise<Result<T>>,
    map: (value: T) => U
  ): Promise<Observed<U> | null> => {
    if (stopped) return null
    const result = await run()
    if (result.ok) return { ok: true, value: map(result.value) }
    if (STOPS.has(result.reason)) stopped = true
    return { ok: false, message: result.message, notFound: result.reason === 'not-found' }
  }

  const tagCommit = await read(
    () => api.resolveTag(what.tag),
    (t) =>
      t.exists
        ? { exists: true as const, commitSha: t.commitSha, annotated: t.annotated }
        : { exists: false as const }
  )
  // nothing more to read about a tag that is not there, or when its read failed
  if (!tagCommit?.ok) stopped = true
  const commitSha = tagCommit?.ok && tagCommit.value.exists ? tagCommit.value.commitSha : null
  if (commitSha === null) stopped = true

  const ancestry = await read(
    () => api.isAncestor(what.commit, commitSha as string),
    (a) => a
  )
  const manifestSha256 = await read(
    () => api.fileAtRef(what.manifestPath, commitSha as string),
    (bytes) => sha256(bytes)
  )
  const input: ProducerIdentityInput = {
    repository: `${what.repository.owner}/${what.repository.repo}`,
    tag: what.tag,
    pinnedCommit: what.commit,
    expectedManifestSha256: what.sha256,
    manifestPath: what.manifestPath,
    tagCommit,
    ancestry,
    manifestSha256
  }
  return producerIdentityRules(trio.pin, input)
}
