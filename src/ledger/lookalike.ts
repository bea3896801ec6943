// Text a reader takes for a title or a label the tool checks, though it is not that text: letters of another
// script that look like Latin ones (a Cyrillic `а` in "Bаseline Pin"), characters that show nothing (a zero-width
// space, a tag character), compatibility forms (fullwidth letters, a no-break space). Without a table of
// confusables: after NFKC and with the invisible characters gone, a text of the same length whose every
// difference from the title is a character outside ASCII looks like it (found by review: a decoy
// `## Bаseline Pin` section above the real one passed).

/**
 * Characters that render as nothing (format characters, fillers, variation selectors, tags), written out as
 * ranges (a property escape costs its table at start-up, as in rules/files.ts).
 */
const INVISIBLE_RANGES =
  '\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0\\u{e0000}-\\u{e0fff}'
// each character of the class is removed on its own: a combining one (U+034F) joins nothing here
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE = new RegExp(`[${INVISIBLE_RANGES}]`, 'gu')

/** The text as a reader compares it: compatibility forms folded, invisible characters gone, case and spacing. */
export function skeleton(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').trim().replace(/\s+/g, ' ').toLowerCase()
}

/** Whether `text` reads as `title` (exactly, or by the characters above). */
export function looksLike(text: string, title: string): boolean {
  const a = Array.from(skeleton(text))
  const b = Array.from(skeleton(title))
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && a[i]!.charCodeAt(0) < 0x80) return false
  return true
}
