// The components a path walk has still to go through, as the operating system walks them: a symbolic link's text
// is walked before the rest, from the link's directory. Shared by the walk of a checkout (fs/contain.ts) and of a
// commit's trees (git/tree-path.ts), so that both read the same file for the same path.
import { isAbsolute, relative, sep } from 'node:path'

/** Whether `path` is `dir` or below it (both absolute and free of links). */
export function isWithin(dir: string, path: string): boolean {
  const back = relative(dir, path)
  return back === '' || (back !== '..' && !back.startsWith(`..${sep}`) && !isAbsolute(back))
}

/** A link's text as components; a trailing slash asks for a directory ('.', which a file cannot be followed by). */
export function linkComponents(text: string): string[] {
  return text
    .split('/')
    .map((s, i, all) => (s === '' && i === all.length - 1 ? '.' : s))
    .filter((s) => s !== '')
}

/**
 * The components left, those at the front counted when a link's text gave them (they always are a prefix: a link's
 * go in front). While one of those is walked, a missing component makes the link dangling: it is never a path to
 * create, whose `..` a lexical join would fold, perhaps above the root.
 */
export class PendingComponents {
  private readonly items: string[]
  private fromLinks = 0

  constructor(parts: readonly string[]) {
    this.items = [...parts]
  }

  get length(): number {
    return this.items.length
  }

  /** The next component, and whether a link's text gave it. */
  next(): { seg: string; fromLink: boolean } {
    const fromLink = this.fromLinks > 0
    if (fromLink) this.fromLinks--
    return { seg: this.items.shift()!, fromLink }
  }

  /** Whether what is left starts with components of a link's text. */
  get inLink(): boolean {
    return this.fromLinks > 0
  }

  /** Components to walk before the rest, from a link's text. */
  pushLink(components: string[]): void {
    this.fromLinks += components.length
    this.items.unshift(...components)
  }

  /** What is left (none of it from a link's text when `inLink` is false). */
  rest(): string[] {
    return [...this.items]
  }
}
