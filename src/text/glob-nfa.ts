// Globs matched in time linear in the path: every position of the pattern is tried at once, character by character
// (a Thompson simulation), never one guess after another. A glob turned into a regular expression backtracks:
// `*a*a*a*a*a*b` against a long name of `a`s takes time to the power of its stars, and init reads the globs of files
// a repository's contributors write (CODEOWNERS, Cargo.toml's workspace members). Pure.

export type GlobToken =
  /** This character. */
  | { kind: 'char'; ch: string }
  /** One character but `/` (`?`). */
  | { kind: 'one' }
  /** Any run of characters but `/`, none included (`*`). */
  | { kind: 'segment' }
  /** Any run of characters, `/` included (`**` inside a segment). */
  | { kind: 'any' }
  /** None or more whole directories: nothing, or any run that ends with `/` (`**` then `/`). */
  | { kind: 'dirs' }
  /** One character of a class (`[a-z]`, `[!ab]`), `/` included as a regular expression's class would. */
  | { kind: 'class'; ranges: [number, number][]; negated: boolean }

/**
 * Where a match must end: `exact` at the path's end; `or-contents` at its end or at a `/` (a directory's pattern
 * covers what is in it); `directory` at a `/` only (a pattern for directories alone).
 */
export type GlobEnd = 'exact' | 'or-contents' | 'directory'

export interface GlobMatcher {
  test(path: string): boolean
}

/**
 * Runs of tokens that may match nothing, made one where they match the same: a pattern of a million stars is one
 * token, not a million to walk through at every character (found by review: `*` x 200,000 took 45 s).
 */
function collapsed(tokens: readonly GlobToken[]): GlobToken[] {
  const out: GlobToken[] = []
  for (const t of tokens) {
    const last = out.at(-1)
    if (last && (t.kind === 'segment' || t.kind === 'any' || t.kind === 'dirs')) {
      // `**` absorbs any run next to it; `*` `*` is `*`; `**/` `**/` is `**/`
      if (last.kind === 'any') continue
      if (t.kind === 'any' && (last.kind === 'segment' || last.kind === 'dirs')) {
        out[out.length - 1] = t
        continue
      }
      if (t.kind === last.kind) continue
    }
    out.push(t)
  }
  return out
}

export function globMatcher(given: readonly GlobToken[], end: GlobEnd): GlobMatcher {
  const tokens = collapsed(given)
  const n = tokens.length
  // the states: 0..n-1 before each token, n when all are matched, and for a `dirs` token at s a second state n+1+s
  // inside its run (only a `/` ends that run; before it, `dirs` may match nothing at all)
  const inside = (s: number) => n + 1 + s
  return {
    test(path) {
      let current: number[] = []
      let next: number[] = []
      const seen = new Int32Array(2 * n + 1).fill(-1)
      let stamp = 0
      const mark = (list: number[], state: number): boolean => {
        if (seen[state] === stamp) return false
        seen[state] = stamp
        list.push(state)
        return true
      }
      // a state and what it reaches without a character: past a run that may be empty, into a `dirs` run
      const add = (list: number[], state: number) => {
        for (let s = state; s <= n && mark(list, s); s++) {
          if (s === n) return
          const kind = tokens[s]!.kind
          if (kind === 'dirs') mark(list, inside(s))
          else if (kind !== 'segment' && kind !== 'any') return
        }
      }
      add(current, 0)
      for (let t = 0; t < path.length; t++) {
        const c = path.charCodeAt(t)
        if (c === 0x2f && end !== 'exact' && current.includes(n)) return true
        stamp++
        next.length = 0
        for (const s of current) {
          if (s > n) {
            // inside a `dirs` run: any character goes on with it; a `/` may also end it
            mark(next, s)
            if (c === 0x2f) add(next, s - n)
            continue
          }
          if (s === n) continue
          const token = tokens[s]!
          switch (token.kind) {
            case 'char':
              if (token.ch.charCodeAt(0) === c) add(next, s + 1)
              break
            case 'one':
              if (c !== 0x2f) add(next, s + 1)
              break
            case 'class':
              if (inClass(token, c)) add(next, s + 1)
              break
            case 'segment':
              if (c !== 0x2f) add(next, s)
              break
            case 'any':
              add(next, s)
              break
            case 'dirs':
              // consumes nothing itself: its run is the state inside it
              break
          }
        }
        if (next.length === 0) return false
        ;[current, next] = [next, current]
      }
      return end !== 'directory' && current.includes(n)
    }
  }
}

function inClass(token: { ranges: [number, number][]; negated: boolean }, c: number): boolean {
  const within = token.ranges.some(([lo, hi]) => c >= lo && c <= hi)
  return within !== token.negated
}

/** A class's text between `[` and `]` as the glob crate reads it: a leading `!` negates, `a-z` spans. */
export function classToken(text: string): GlobToken {
  const negated = text.startsWith('!')
  const body = negated ? text.slice(1) : text
  const ranges: [number, number][] = []
  for (let i = 0; i < body.length; i++) {
    const lo = body.charCodeAt(i)
    if (body[i + 1] === '-' && i + 2 < body.length) {
      // a span written backwards matches nothing (a regular expression refuses it)
      ranges.push([lo, body.charCodeAt(i + 2)])
      i += 2
    } else ranges.push([lo, lo])
  }
  return { kind: 'class', ranges, negated }
}
