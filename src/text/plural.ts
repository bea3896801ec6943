// How every count a person reads is written: "1 finding", "2 findings", "0 findings", "12,000 files". Pure.

/** `n word` with the word in the plural unless n is 1; give the plural when it is not word + "s". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${thousands(n)} ${n === 1 ? word : many}`
}

/**
 * 12000 -> "12,000", as n.toLocaleString('en-US') writes it. An integer is written without Intl: its first use
 * loads ICU's data, 30 to 150 ms of a CLI run that otherwise takes about 200 ms.
 */
export function thousands(n: number): string {
  return Number.isSafeInteger(n) && !Object.is(n, -0)
    ? String(n).replace(/\B(?=(\d{3})+$)/g, ',')
    : n.toLocaleString('en-US')
}

/** "a, b, c" for a short list; the first `max` and "and N more" for a longer one (a crafted list of thousands). */
export function someOf(items: readonly string[], max = 10): string {
  if (items.length <= max) return items.join(', ')
  return `${items.slice(0, max).join(', ')}, and ${thousands(items.length - max)} more`
}
