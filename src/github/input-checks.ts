// What the client refuses before any request: each check says why a name or number cannot be used, or
// answers null. Names that go into a URL are checked here and encoded by url-path.ts.
import { ALREADY_ENCODED, alreadyEncoded } from './url-path.js'

export const SHA = /^[0-9a-f]{40}$/
const MARKER = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/

/** Why `name` cannot be a branch name (git check-ref-format's rules for refs/heads/<name>), or null. */
export function branchProblem(name: unknown): string | null {
  if (typeof name !== 'string' || name.length === 0) return 'is empty'
  if (name.length > 200) return 'is longer than 200 characters'
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(name))
    return 'contains a space, a control character or one of ~ ^ : ? * [ \\'
  if (name.includes('..') || name.includes('@{') || name === '@') return 'contains ".." or "@{" or is "@"'
  if (alreadyEncoded(name)) return ALREADY_ENCODED
  if (name.startsWith('-')) return 'starts with "-"'
  if (name.startsWith('refs/')) return 'starts with "refs/" (give the branch name alone)'
  if (name === 'HEAD') return 'is HEAD'
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) return 'has an empty path component'
  if (name.endsWith('.')) return 'ends with "."'
  if (name.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock')))
    return 'has a component that starts with "." or ends with ".lock"'
  return null
}

/** Why `ref` can be neither a full commit sha nor a branch or tag name, or null. */
export function refProblem(ref: unknown): string | null {
  return typeof ref === 'string' && SHA.test(ref) ? null : branchProblem(ref)
}

/** Why `path` cannot name a file of a commit (relative, POSIX, inside the repository), or null. */
export function filePathProblem(path: unknown): string | null {
  if (typeof path !== 'string' || path.length === 0) return 'is empty'
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return 'contains a control character or a backslash'
  if (alreadyEncoded(path)) return ALREADY_ENCODED
  const parts = path.split('/')
  if (parts.some((part) => part === '' || part === '.' || part === '..'))
    return 'is not a relative POSIX path (empty, "." or ".." component, or a leading "/")'
  if (parts.some((part) => part.toLowerCase() === '.git')) return 'is inside .git'
  return null
}

/** Why `label` cannot name a label to search by (the search takes a comma-separated list), or null. */
export function labelProblem(label: unknown): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  const unsafe = /[,\u0000-\u001f\u007f]/
  if (typeof label === 'string' && label.trim() !== '' && label.length <= 50 && !unsafe.test(label))
    return null
  return `the label ${JSON.stringify(label)} must be 1-50 characters, without a comma or a control character.`
}

/** Why `marker` cannot be a sticky marker (it must not break out of the HTML comment), or null. */
export function markerProblem(marker: unknown): string | null {
  if (typeof marker === 'string' && MARKER.test(marker) && !marker.includes('--')) return null
  return `the marker ${JSON.stringify(marker)} must be 1-100 letters, digits or . _ : / - (and no "--").`
}

/** Why `n` is not the number of an issue or pull request (`what`), or null. */
export function numberProblem(n: number, what: 'an issue' | 'a pull request'): string | null {
  return Number.isSafeInteger(n) && n > 0 ? null : `${String(n)} is not ${what} number.`
}

/** Why `title` cannot be a title, or null. */
export function titleProblem(title: unknown): string | null {
  return typeof title !== 'string' || title.trim() === '' ? 'the title is empty.' : null
}
