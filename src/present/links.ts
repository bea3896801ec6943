// Where a person can click: a finding's file and line at the commit judged, the run, the evidence artifact.
import { encodePath } from '../github/url-path.js'
import type { FileLink } from '../evidence/findings-markdown.js'
import { safeUrl } from './inline.js'

/** Links a surface may show; every part may be unknown (a local run, no repository). */
export interface Links {
  /** The file and line at the commit judged (a blob URL at its SHA), or null. */
  file: FileLink
  /** The run's page. */
  run: string | null
  /** The name of the evidence artifact. */
  artifact: string | null
}

/**
 * Blob links at a commit: `<server>/<owner>/<repo>/blob/<sha>/<prefix>/<path>#L<line>`. `prefix` is the
 * repository root below the top of the checkout (a consumer inside a monorepo). Null when anything is unknown,
 * so no link ever points at a guess.
 */
export function blobLinks(o: {
  server: string | undefined
  repository: string | undefined
  sha: string | null | undefined
  prefix: string
}): Links['file'] {
  const server = (o.server || 'https://github.com').replace(/\/+$/, '')
  const repo = o.repository ?? ''
  const sha = o.sha ?? ''
  if (!safeUrl(server) || !/^[\w.-]+\/[\w.-]+$/.test(repo) || !/^[0-9a-f]{40,64}$/.test(sha))
    return () => null
  return (path, line) => {
    if (path === '' || path.startsWith('/') || path.split('/').includes('..')) return null
    const full = o.prefix ? `${o.prefix}/${path}` : path
    return `${server}/${repo}/blob/${sha}/${encodePath(full)}${line ? `#L${line}` : ''}`
  }
}
