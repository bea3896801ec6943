// Names that go into a GitHub URL path (git refs, file paths, compare ranges, the web tree of a branch):
// encoded here, exactly once, and nowhere else.
//
// Each `/`-separated segment is percent-encoded (everything but RFC 3986's unreserved characters) and the
// slashes stay literal: GitHub documents `git/ref/heads/skunkworkz/featureA` and `contents/docs/x.md`.
// octokit's `{ref}` / `{path}` expansion would instead send `heads%2Fskunkworkz%2FfeatureA`, which
// GitHub accepts for refs but which fine-grained tokens and some proxies have been reported to refuse.
// The client therefore puts these paths in the route itself, where octokit leaves them as they are.
//
// Inputs are raw names. A name that already holds a percent-escape (`heads%2Fx`) would go out as
// `heads%252Fx`, a ref that does not exist: alreadyEncoded() lets the client refuse it with a reason.

/** One path segment, percent-encoded: only A-Z a-z 0-9 - . _ ~ are left as they are. */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
}

/** A raw relative path ("docs/a b.md"), segment by segment, slashes kept: "docs/a%20b.md". */
export function encodePath(path: string): string {
  return path.split('/').map(encodeSegment).join('/')
}

/** Whether `name` holds a percent-escape (`%2F`, `%20`): a name encoded before it reached the client. */
export function alreadyEncoded(name: string): boolean {
  return /%[0-9A-Fa-f]{2}/.test(name)
}

/** What a name that looks encoded is told. */
export const ALREADY_ENCODED =
  'looks URL-encoded (it holds a %XX escape): give the name as it is, it is encoded once when sent'

/** The `{ref}` of GET git/ref/{ref} and PATCH git/refs/{ref}: "heads/<branch>" or "tags/<tag>", encoded. */
export function refPath(kind: 'heads' | 'tags', name: string): string {
  return encodePath(`${kind}/${name}`)
}

/** The full ref name a request BODY takes (POST git/refs): "refs/heads/<branch>", not encoded. */
export function fullRefName(kind: 'heads' | 'tags', name: string): string {
  return `refs/${kind}/${name}`
}

/** The `{basehead}` of GET compare/{basehead}: "<base>...<head>", each side encoded. */
export function compareRange(base: string, head: string): string {
  return `${encodePath(base)}...${encodePath(head)}`
}
