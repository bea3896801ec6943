// How every count a person reads is written: "1 finding", "2 findings", "0 findings", "12,000 files". Pure.

/** `n word` with the word in the plural unless n is 1; give the plural when it is not word + "s". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`
}
