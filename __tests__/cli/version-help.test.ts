// The command line's own help and version, in process (main() with an injected Io).
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCommand } from '../../src/cli/args.js'
import { COMMAND_NAMES } from '../../src/cli/commands.js'
import { runMain } from '../helpers/cli-in-process.js'
import { REPO_ROOT } from '../helpers/fixture.js'

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version

const run = (argv: string[]) => runMain(argv, REPO_ROOT)

describe('version', () => {
  it.each([['--version'], ['-V'], ['-v']])('%s prints the version and exits 0', async (flag) => {
    const r = await run([flag])
    expect(r).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' })
  })
})

/** The options a help text lists: name, whether it takes a value, and its description. */
function listed(help: string): { name: string; value: boolean; text: string }[] {
  return [...help.matchAll(/^ {2}(?:-\w, )?--([\w-]+)( \S+)? +(.*)$/gm)].map((m) => ({
    name: m[1]!,
    value: m[2] !== undefined,
    text: m[3]!
  }))
}

describe('help', () => {
  it('--help lists every command and every option', async () => {
    const r = await run(['--help'])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^Usage: baseline-gate <command> \[options\]/)
    for (const name of COMMAND_NAMES) expect(r.stdout).toMatch(new RegExp(`^ {2}${name}\\b`, 'm'))
    expect(listed(r.stdout).map((o) => o.name)).toEqual(
      expect.arrayContaining(['root', 'remote', 'expect', 'version'])
    )
  })

  it.each(COMMAND_NAMES.map((c) => [c]))(
    '%s --help prints its own usage: exactly the options it takes, each with a description',
    async (command) => {
      const global = listed((await run(['--help'])).stdout).filter((o) => o.name !== 'version')
      const r = await run([command, '--help'])
      expect(r.status).toBe(0)
      expect(r.stderr).toBe('')
      expect(r.stdout).toMatch(new RegExp(`^Usage: baseline-gate ${command}[ \\n]`))
      expect(r.stdout).not.toContain('Commands:')
      const own = listed(r.stdout)
      expect(own.length).toBeGreaterThan(1)
      for (const o of own) expect(o.text.length).toBeGreaterThan(5)
      expect(own.map((o) => o.name)).toContain('help')
      expect(own.map((o) => o.name)).not.toContain('version')
      // the parser agrees: an option listed is taken, one not listed is refused by name
      const ownNames = new Set(own.map((o) => o.name))
      for (const o of global) {
        const argv = [command, o.value ? `--${o.name}=x` : `--${o.name}`]
        let message = ''
        try {
          parseCommand(argv)
        } catch (e) {
          message = (e as Error).message
        }
        if (ownNames.has(o.name)) expect(message).not.toContain('does not take')
        else expect(message).toMatch(new RegExp(`^${command} does not take --${o.name}[; ]`))
      }
    }
  )

  it('a leading `--`, as `npx baseline-gate -- --help` passes it on, is not ours: --help, --version and a command after it (found by review)', async () => {
    expect(await run(['--', '--help'])).toEqual(await run(['--help']))
    expect(await run(['--', '--version'])).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' })
    expect(parseCommand(['--', 'health', '--no-probe'])).toEqual(parseCommand(['health', '--no-probe']))
  })

  it('an option of one value given twice is a usage error, not the last one silently (found by review)', () => {
    expect(() => parseCommand(['rollback', '--baseline', 'a', '--baseline', 'b'])).toThrow(
      '--baseline was given 2 times; it takes one value; try: baseline-gate rollback --help'
    )
    expect(() => parseCommand(['health', '--root', '.', '--root=..'])).toThrow(/^--root was given 2 times/)
    // asked for help, the help
    expect(parseCommand(['health', '--baseline', 'a', '--baseline', 'b', '--help'])).toEqual({
      command: 'help',
      topic: 'health'
    })
    // a switch twice says the same thing twice: no harm
    expect(parseCommand(['health', '--json', '--json'])).toEqual(parseCommand(['health', '--json']))
  })

  it('-h is --help', async () => {
    expect((await run(['promote', '-h'])).stdout).toBe((await run(['promote', '--help'])).stdout)
  })
})
