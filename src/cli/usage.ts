// The help texts, generated from the option table: the global help and each command's own.
import { COMMAND_NAMES } from './commands.js'
import type { CommandName } from './commands.js'
import { COMMANDS, EXIT_STATUS, OPTIONS, optionsOf } from './options.js'
import type { OptionName } from './options.js'

const WIDTH = 110
const COLUMN = 23

/** Words filled into lines of at most WIDTH, every line after the first indented to `indent`. */
function wrap(first: string, text: string, indent: number): string[] {
  const lines: string[] = []
  let line = first
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > WIDTH && line.trim() !== '') {
      lines.push(line)
      line = ' '.repeat(indent) + word
    } else line = line.length === 0 || line.endsWith(' ') ? line + word : `${line} ${word}`
  }
  lines.push(line)
  return lines
}

function optionLines(name: OptionName, text: string): string[] {
  const o = OPTIONS[name] as { short?: string; value?: string }
  const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}`
  return wrap(`  ${flag}`.padEnd(COLUMN), text, COLUMN)
}

/**
 * The global help: every command, and every option with the commands that take it when they are few. Made when
 * asked for: wrapping every line at start-up cost each run of every command about a millisecond.
 */
export const usage = (): string =>
  [
    'Usage: baseline-gate <command> [options]       baseline-gate <command> --help: that command only',
    '',
    'Commands:',
    ...COMMAND_NAMES.flatMap((name) => {
      const c = COMMANDS[name]
      const head = c.args && name !== 'promote' && name !== 'rollback' ? `${name} ${c.args}` : name
      return head.length > 9
        ? [`  ${head}`, ...wrap('            ', c.summary, 12)]
        : wrap(`  ${head.padEnd(9)} `, c.summary, 12)
    }),
    '',
    'Options:',
    ...(Object.keys(OPTIONS) as OptionName[]).flatMap((name) => {
      const o = OPTIONS[name]
      const scope = o.commands.length <= 3 ? `${o.commands.join(', ')}: ` : ''
      return optionLines(name, `${scope}${o.help}`)
    }),
    '  -V, --version        print the version',
    '',
    EXIT_STATUS
  ].join('\n')

/** `baseline-gate <command> --help`: what it does, and each option it takes with one description. */
export function commandUsage(command: CommandName): string {
  const c = COMMANDS[command]
  return [
    `Usage: baseline-gate ${command}${c.args ? ` ${c.args}` : ''} [options]`,
    '',
    ...wrap('', `${c.summary.charAt(0).toUpperCase()}${c.summary.slice(1)}.`, 0),
    '',
    'Options:',
    ...optionsOf(command).flatMap((name) => {
      const o = OPTIONS[name] as { help: string; helpFor?: Partial<Record<CommandName, string>> }
      return optionLines(
        name,
        o.helpFor?.[command] ?? (name === 'help' ? "show this command's help" : o.help)
      )
    }),
    '',
    ...wrap(
      '',
      `Exit status: ${c.exit ?? '0 PASS, 1 FAIL'}${c.exit?.includes('usage') ? '' : ', 2 usage or policy error'}.`,
      0
    )
  ].join('\n')
}
