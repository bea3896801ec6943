// The components a path walk has still to go through, as the operating system walks them: a symbolic link's text
// is walked before the rest, from the link's directory. Shared by the walk of a checkout (fs/contain.ts) and of a
// commit's trees (git/tree-path.ts), so that both read the same file for the same path.
import { isAbsolute, relative, sep } from 'node:path'

/** Whether `path` is `dir` or below it (both absolute and free of links). */
export function isWithin(dir: string, path: string): boolean {
  const back = relative(dir, path)
  return back === '' || (back !== '..' && !back.startsWith(`..${sep}`) && !isAbsolute(back))
}

/**
 * A link's text as components; a trailing slash asks for a directory ('.', which a file cannot be followed by). A
 * '.' or an empty component before others is dropped: the one after it already asks for a directory (found by
 * review: thousands of them in each of a chain of links made every walk through it crawl).
 */
export function linkComponents(text: string): string[] {
  const out = text.split('/').filter((s) => s !== '' && s !== '.')
  if (asksForDirectory(text)) out.push('.')
  return out
}

/** Whether a link's text ends in a slash or '/.' (or is '.' or empty): it names a directory, never a file. */
export function asksForDirectory(text: string): boolean {
  const last = text.slice(text.lastIndexOf('/') + 1)
  return last === '' || last === '.'
}

/**
 * The components left, those at the front counted when a link's text gave them (they always are a prefix: a link's
 * go in front). While one of those is walked, a missing component makes the link dangling: it is never a path to
 * create, whose `..` a lexical join would fold, perhaps above the root.
 */
export class PendingComponents {
  /** Last to walk first: taking the next one, or putting a link's in front, costs nothing for what stays. */
  private readonly stack: string[]
  private fromLinks = 0

  constructor(parts: readonly string[]) {
    this.stack = [...parts].reverse()
  }

  get length(): number {
    return this.stack.length
  }

  /** The next component, and whether a link's text gave it. */
  next(): { seg: string; fromLink: boolean } {
    const fromLink = this.fromLinks > 0
    if (fromLink) this.fromLinks--
    return { seg: this.stack.pop()!, fromLink }
  }

  /** Whether what is left starts with components of a link's text. */
  get inLink(): boolean {
    return this.fromLinks > 0
  }

  /** Components to walk before the rest, from a link's text. */
  pushLink(components: string[]): void {
    this.fromLinks += components.length
    for (let i = components.length - 1; i >= 0; i--) this.stack.push(components[i]!)
  }

  /** What is left (none of it from a link's text when `inLink` is false). */
  rest(): string[] {
    return [...this.stack].reverse()
  }
}
