// The token reaches an action's process through a file descriptor, not through its environment. A process's
// environment stays readable in /proc/<pid>/environ by every process of the same user for as long as it runs,
// and the suites the gate runs (a pull request's code) are its descendants: a suite walked up its parents and
// read the token there. Each action.yml execs the bundle with INPUT_TOKEN removed from the environment and the
// token on descriptor 3 (`exec env -u INPUT_TOKEN BASELINE_GATE_TOKEN_FD=3 node ... 3<<<"$INPUT_TOKEN"`): no
// process above a suite then holds it in its environment. Its memory is another matter: on Linux, Yama's
// ptrace_scope 1 (Ubuntu's default) keeps a process from reading an ancestor's memory.
import { closeSync, readFileSync } from 'node:fs'
import { InputError } from './inputs.js'

/** The variable naming the descriptor; the token is on it, not in INPUT_TOKEN. */
const TOKEN_FD_VARIABLE = 'BASELINE_GATE_TOKEN_FD'

/**
 * The token from the descriptor `env` names, read to its end and closed (a child must not inherit it), without
 * the one line feed a here-string adds; undefined when no descriptor is named (a runner's INPUT_TOKEN, a test).
 */
export function tokenFromDescriptor(env: NodeJS.ProcessEnv): string | undefined {
  const named = env[TOKEN_FD_VARIABLE]
  if (named === undefined || named === '') return undefined
  // never 0 to 2: the standard streams are not where a token is
  const fd = /^[1-9]\d{0,3}$/.test(named) ? Number(named) : -1
  if (fd < 3)
    throw new InputError(
      `${TOKEN_FD_VARIABLE} must name a file descriptor above 2 (got ${JSON.stringify(named)})`
    )
  try {
    return readFileSync(fd, 'utf8').replace(/\n$/, '')
  } catch (e) {
    throw new InputError(
      `the token could not be read from file descriptor ${fd} (${TOKEN_FD_VARIABLE}): ${(e as Error).message}`
    )
  } finally {
    try {
      closeSync(fd)
    } catch {
      // already closed, or never open: nothing to hand on
    }
  }
}
