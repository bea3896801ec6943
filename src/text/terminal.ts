// What reaches a terminal, or a GitHub Actions log (where the runner reads every line for workflow commands), from
// text a pull request wrote: a pin's value, a matrix cell, a file name, a step's output. Never a control character,
// an escape sequence other than our own colours, an invisible or bidirectional formatting character, or anything
// the runner would take as a command. The runner (actions/runner, ActionCommandManager) tries two syntaxes on each
// line: `::name::data` at the line's start once its leading white space is trimmed, and the older `##[name]data`
// ANYWHERE in the line. What is escaped stays visible as `\uXXXX`, which in a JSON string is the same character,
// so a --json document keeps its meaning. Pure.

// the colours and weights of cli/style.ts, the only escapes our own output writes (never conceal, blink, reverse)
const SGR = '\\u001b\\[(?:1|2|22|31|32|33|39)m'
// every control character (C0, DEL, C1), the line and paragraph separators (a viewer may break a line there), every
// format character (bidirectional overrides, zero-width characters, the soft hyphen) and default-ignorable code
// point, which a comparison by culture may skip; but the variation
// selectors, which our own icons use (⚠️): before `::` they count as a line's lead. Written out as ranges: a
// property escape (\p{Cf}) makes V8 build its class from ICU at start-up, some milliseconds of every run; a test
// holds the ranges to \p{Cc}, \p{Zl}, \p{Zp}, \p{Cf} and \p{DI} of the running Node.
export const CONTROL_RANGES =
  '\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u034f\\u0600-\\u0605\\u061c\\u06dd\\u070f\\u0890\\u0891\\u08e2\\u115f\\u1160' +
  '\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\u3164\\ufeff\\uffa0\\ufff0-\\ufffb' +
  '\\u{110bd}\\u{110cd}\\u{13430}-\\u{1343f}\\u{1bca0}-\\u{1bca3}\\u{1d173}-\\u{1d17a}\\u{e0000}-\\u{e0fff}'
const CONTROL = `[${CONTROL_RANGES}]`
const CONTROL_IN_LINES = `(?![\\t\\n])${CONTROL}`
// the class lists combining and joining characters on purpose, each to be escaped on its own
// eslint-disable-next-line no-misleading-character-class
const UNSAFE_KEEPING_COLOUR = new RegExp(`${SGR}|${CONTROL_IN_LINES}|##\\[`, 'gu')
// eslint-disable-next-line no-misleading-character-class
const UNSAFE_IN_A_LINE = new RegExp(`${CONTROL}|##\\[`, 'gu')
// eslint-disable-next-line no-misleading-character-class
const UNSAFE_IN_A_BLOCK = new RegExp(CONTROL_IN_LINES, 'gu')
// eslint-disable-next-line no-misleading-character-class
const UNSAFE_IN_A_LOG = new RegExp(`${CONTROL_IN_LINES}|##\\[`, 'gu')
// what a terminal acts on in a program's output: an escape sequence (CSI: colours, cursor moves, erasing; a string
// to its BEL or ST: OSC, such as a window title or an OSC 8 link, DCS, APC, PM, SOS; any other) and every other C0
// control but the tab and the line feed (a lone CR would let a line be written over)
const TERMINAL_CONTROL =
  // eslint-disable-next-line no-control-regex -- the escape sequences and controls to drop
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|[\]PX^_][^\u0007\u001b\n]*(?:\u0007|\u001b\\)?|[ -/]*[0-~])|[\u0000-\u0008\u000b-\u001f\u007f]/g
// a line's lead: white space (the runner trims it), our colours, variation selectors
const COMMAND_LINE = new RegExp(`^((?:[^\\S\\n]|${SGR}|[\\uFE00-\\uFE0F])*)::`, 'gmu')

/** `\n`, `\t`, or `\uXXXX` for each UTF-16 unit (an astral character is its surrogate pair, as JSON writes it). */
function escape(ch: string): string {
  if (ch === '\n') return '\\n'
  if (ch === '\t') return '\\t'
  let out = ''
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`
  return out
}

/** `##[` with its first `#` escaped (no longer the older command syntax, the same text to a reader); else escaped. */
const unsafe = (m: string): string => (m === '##[' ? `${escape('#')}#[` : escape(m))

/**
 * A whole output, as written: its lines, tabs and our colours kept; every other control or formatting character
 * shown as `\uXXXX`; `##[` anywhere, and `::` where it starts a line, shown with their first character escaped.
 */
export function terminalSafe(text: string): string {
  return text
    .replace(UNSAFE_KEEPING_COLOUR, (m) => (m.length > 1 && m.startsWith('\u001b') ? m : unsafe(m)))
    .replace(COMMAND_LINE, (_, lead: string) => `${lead}${escape(':')}:`)
}

/** One value inside a line: the same, and its newlines, tabs and escape sequences shown too (`\n`, `\t`, `\u001b`). */
export function inlineSafe(text: string): string {
  return text.replace(UNSAFE_IN_A_LINE, unsafe)
}

/**
 * Lines of text shown as written in a document (a log's tail in a Markdown code block): lines and tabs kept, every
 * other control or formatting character (an escape sequence, a bidirectional override, a zero-width character)
 * shown as `\uXXXX`, so the text a reader sees is the text there is.
 */
export function blockSafe(text: string): string {
  return text.replace(UNSAFE_IN_A_BLOCK, escape)
}

/**
 * A suite's log as a person reads its lines (its tail in the terminal, all of it in the Actions log): the escape
 * sequences and other controls a terminal or the log viewer would act on dropped (colours, cursor moves, an OSC 8
 * link, a CR); any other control or formatting character (a bidirectional override, a zero-width character) shown as
 * `\uXXXX`; `##[` (`##[error]`, `##[group]`: the Actions log viewer's markers, and the runner's older command
 * syntax) with its first character escaped. Lines and tabs kept, and the rest of each line as the suite printed it.
 */
export function logText(text: string): string {
  return text.replace(TERMINAL_CONTROL, '').replace(UNSAFE_IN_A_LOG, unsafe)
}
