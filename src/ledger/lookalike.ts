// Text a reader takes for a title or a label the tool checks, though it is not that text: letters of another
// script that look like Latin ones (a Cyrillic `а` in "Bаseline Pin"), ASCII letters that look alike (`I` for
// `l`), characters that show nothing (a zero-width space, a tag character), accents (`ü`, a combining dot) and
// compatibility forms (fullwidth letters, a no-break space). Without a table of confusables: after folding, a text
// of the title's length whose every difference is a character outside ASCII, and that keeps most of the title's
// letters, looks like it (found by review: a decoy `## Bаseline Pin` section above the real one passed; then
// `BaseIine`, a combining dot and U+1D173; a Chinese heading of the same length was taken for one).
import { CONTROL_RANGES } from '../text/terminal.js'

/**
 * What renders as nothing: the controls and format characters the terminal refuses (one list, text/terminal.ts),
 * variation selectors, and combining marks (an accent makes no other word to a reader: `Pín` reads as `Pin`).
 * Written out as ranges: a property escape costs its table at start-up (rules/files.ts).
 */
const IGNORED_RANGES = `${CONTROL_RANGES}\\ufe00-\\ufe0f\\u0300-\\u036f\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\ufe20-\\ufe2f`
// each character of the class is removed on its own: a combining one joins nothing here (written as escapes in a
// string, which the linter's misleading-class check does not look into)
const IGNORED = new RegExp(`[${IGNORED_RANGES}]`, 'gu')

/** ASCII characters a reader takes for one another, folded to one of them. */
const ASCII_ALIKE: Record<string, string> = { l: 'i', '1': 'i', '|': 'i', '!': 'i', '0': 'o' }

/** The text as a reader compares it: compatibility forms and accents folded, what shows nothing gone, case and spacing. */
export function skeleton(text: string): string {
  return text
    .normalize('NFKD')
    .replace(IGNORED, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/[l1|!0]/g, (c) => ASCII_ALIKE[c]!)
}

/** Whether `text` reads as `title` (exactly, or by the characters above). */
export function looksLike(text: string, title: string): boolean {
  return alike(Array.from(skeleton(text)), titleSkeleton(title))
}

/**
 * The first of `titles` that `text` reads as, or -1: the text's skeleton made once (a Baseline Pin label is asked
 * about every line's label: ten skeletons of a crafted 7,800-character label were most of what judging it cost).
 */
export function looksLikeWhich(text: string, titles: readonly string[]): number {
  const a = Array.from(skeleton(text))
  return titles.findIndex((t) => alike(a, titleSkeleton(t)))
}

/** Whether `text` starts with what reads as one of `titles` (a label at the start of a line). */
export function startsLikeAny(text: string, titles: readonly string[]): boolean {
  const a = Array.from(skeleton(text))
  return titles.some((t) => {
    const b = titleSkeleton(t)
    return alike(a.slice(0, b.length), b)
  })
}

/** The skeletons of the few titles and labels asked about, each made once per process (health asks per baseline). */
const titles = new Map<string, string[]>()
function titleSkeleton(title: string): string[] {
  let s = titles.get(title)
  if (!s) titles.set(title, (s = Array.from(skeleton(title))))
  return s
}

/** Whether `text` ends with what reads as `title` (a column header the ledger matches by its end). */
export function endsLike(text: string, title: string): boolean {
  const b = titleSkeleton(title)
  const a = Array.from(skeleton(text))
  return a.length >= b.length && alike(a.slice(a.length - b.length), b)
}

/** Same length; every difference a character outside ASCII; and at least half the characters the title's own. */
function alike(a: string[], b: string[]): boolean {
  if (a.length !== b.length || b.length === 0) return false
  let same = 0
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) same++
    else if (a[i]!.charCodeAt(0) < 0x80) return false
  }
  return same * 2 >= b.length
}
