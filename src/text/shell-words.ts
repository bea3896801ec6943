// A command line to copy (printed, never run): each word as it is, or single-quoted where a shell would split or
// expand it.

/** One word of a command to copy. */
export function shellWord(w: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`
}

/** argv as one line to copy. */
export function shellWords(argv: readonly string[]): string {
  return argv.map(shellWord).join(' ')
}
