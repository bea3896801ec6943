// What reaches a terminal, or a GitHub Actions log (where the runner reads every line for workflow commands), from
// text a pull request wrote: a pin's value, a matrix cell, a file name, a step's output. Never a control character,
// an escape sequence other than our own colours, a bidirectional override that reorders what is shown, or a line
// the runner would take as a command (`::error::`, `::add-mask::`, `##[...]`). What is escaped stays visible as
// `\uXXXX`, which in a JSON string is the same character, so a --json document keeps its meaning. Pure.

// the colours and weights of cli/style.ts, the only escapes our own output writes (never conceal, blink, reverse)
const SGR = '\\u001b\\[(?:1|2|22|31|32|33|39)m'
// C0 controls but tab and newline, DEL, C1 controls; Unicode's bidirectional formatting characters
const CONTROL =
  '[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]'
const UNSAFE_KEEPING_COLOUR = new RegExp(`${SGR}|${CONTROL}`, 'g')
const UNSAFE_IN_A_LINE = new RegExp(`${CONTROL}|\\n|\\t`, 'g')
// the runner trims a line's leading white space before it looks for `::` (and the older `##[`)
const COMMAND_LINE = new RegExp(`^((?:[^\\S\\n]|${SGR})*)(::|##\\[)`, 'gm')

const escape = (ch: string): string =>
  ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`

/**
 * A whole output, as written: its lines and our colours kept; every other control character and escape shown as
 * `\uXXXX`; a line that would start a workflow command shown with its first character escaped.
 */
export function terminalSafe(text: string): string {
  return text
    .replace(UNSAFE_KEEPING_COLOUR, (m) => (m.length > 1 ? m : escape(m)))
    .replace(
      COMMAND_LINE,
      (_, lead: string, command: string) => `${lead}${escape(command[0]!)}${command.slice(1)}`
    )
}

/** One value inside a line: the same, and its newlines, tabs and escape sequences shown too (`\n`, `\t`, `\u001b`). */
export function inlineSafe(text: string): string {
  return text.replace(UNSAFE_IN_A_LINE, escape)
}
