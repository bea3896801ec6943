// CODEOWNERS: who owns a path. GitHub's rules: gitignore-style patterns, the last matching line wins, a line
// without owners takes ownership away. Owners become policy principals: `@login` -> login, `@org/team` -> org/team.
import { globMatcher } from '../text/glob-nfa.js'
import type { GlobMatcher, GlobToken } from '../text/glob-nfa.js'

/** Where GitHub looks for the file, in its order of precedence. */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const

export interface CodeownersRule {
  pattern: string
  /** The owners as written (`@login`, `@org/team`, or an e-mail address). */
  owners: string[]
  /** 1-based line in the file. */
  line: number
  matcher: GlobMatcher
}

export function parseCodeowners(text: string): CodeownersRule[] {
  const rules: CodeownersRule[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim()
    if (line === '') return
    // a pattern may escape a space (`docs/my\ file`); owners never contain one
    const parts = line.match(/(?:\\ |\S)+/g) ?? []
    const [pattern, ...owners] = parts
    if (!pattern || pattern.startsWith('!') || pattern.startsWith('[')) return // not supported by GitHub
    rules.push({ pattern, owners, line: i + 1, matcher: patternMatcher(pattern.replace(/\\ /g, ' ')) })
  })
  return rules
}

/** The rule that decides `path` (the last one that matches), or null. A directory is given with a trailing '/'. */
export function ruleFor(rules: readonly CodeownersRule[], path: string): CodeownersRule | null {
  for (let i = rules.length - 1; i >= 0; i--) if (rules[i]!.matcher.test(path)) return rules[i]!
  return null
}

/** An owner as a policy principal (login or org/team), or null for one the policy cannot hold (an e-mail). */
export function principalOf(owner: string): string | null {
  const m = /^@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9_.-]+)?)$/.exec(owner)
  return m ? m[1]! : null
}

/**
 * A gitignore-style pattern over a repository-relative path. A pattern matches a file, or a directory and therefore
 * everything in it. Without a '/' (other than a trailing one) it matches at any depth; otherwise it is anchored at
 * the root. Matched in linear time (text/glob-nfa.ts): a contributor writes the file.
 */
export function patternMatcher(pattern: string): GlobMatcher {
  let p = pattern
  const dirOnly = p.endsWith('/')
  if (dirOnly) p = p.replace(/\/+$/, '')
  const anchored = p.includes('/')
  p = p.replace(/^\//, '')
  const tokens: GlobToken[] = anchored ? [] : [{ kind: 'dirs' }]
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!
    // `**` is a pattern of its own only as a whole path component (git's rules): `**/` any number of directories,
    // none included; a trailing `/**` everything inside. Anywhere else it is two `*` (found by review: `src/**.ts`
    // took `src/q/r.ts`, which git does not)
    const component = (i === 0 || p[i - 1] === '/') && (p[i + 2] === '/' || i + 2 === p.length)
    if (c === '*' && p[i + 1] === '*' && component) {
      tokens.push(p[i + 2] === '/' ? { kind: 'dirs' } : { kind: 'any' })
      i += 2
    } else if (c === '*') tokens.push({ kind: 'segment' })
    else if (c === '?') tokens.push({ kind: 'one' })
    else tokens.push({ kind: 'char', ch: c })
  }
  // a match on a directory covers its contents; a directory-only pattern must match a directory
  // (GitHub's exception: `docs/*` owns the files directly in docs/, not those of its subdirectories)
  return globMatcher(tokens, dirOnly ? 'directory' : p.endsWith('/*') ? 'exact' : 'or-contents')
}
