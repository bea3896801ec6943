// A child's working directory, checked before the spawn: Node answers ENOENT for a missing directory as for a
// missing program, and a message built on that would send the reader to PATH. One wording, told apart by one test.
import { statSync } from 'node:fs'

const NO_DIRECTORY = 'no working directory'
const NOT_A_DIRECTORY = 'working directory is not a directory'

/** Why `cwd` cannot be a child's working directory, or null. */
export function workingDirectoryProblem(cwd: string): string | null {
  try {
    return statSync(cwd).isDirectory() ? null : `ENOTDIR: ${NOT_A_DIRECTORY}: ${cwd}`
  } catch (e) {
    return `${(e as NodeJS.ErrnoException).code ?? 'ENOENT'}: ${NO_DIRECTORY} ${cwd}`
  }
}

/** Whether a step's error is workingDirectoryProblem's (not the program's: no PATH to look at). */
export function isWorkingDirectoryProblem(error: string): boolean {
  return error.includes(NO_DIRECTORY) || error.includes(NOT_A_DIRECTORY)
}
