// What every method of the GitHub client answers: a Result, never a throw. A failure says what could not be
// done and what to do about it; `Doing` carries what a step was doing so that its failure can say so.

export type FailureReason =
  | 'no-token'
  | 'forbidden'
  | 'not-found'
  /** The path names something that is not a file: a directory, a link, a submodule. */
  | 'not-a-file'
  /** What the write was decided on changed meanwhile (another run moved the branch): nothing was moved. */
  | 'conflict'
  | 'unreachable'
  | 'timeout'
  | 'rate-limited'
  | 'error'

export type Result<T> = { ok: true; value: T } | { ok: false; reason: FailureReason; message: string }

/** What a step was doing, to say what could not be done and which permission it needs. */
export interface Doing {
  what: string
  permission: string
  /** What to check on a 404. */
  subject: string
  /** Said after the permission on a 403. */
  note403?: string
}

/** A classified failure, thrown inside an operation and turned into its Result at the boundary. */
export class Failure extends Error {
  constructor(
    readonly reason: FailureReason,
    message: string
  ) {
    super(message)
  }
}

/** A refused input or answer: thrown inside a method, it becomes that method's `error` Result. */
export function refuse(doing: Doing, problem: string): never {
  throw new Failure('error', `Could not ${doing.what}: ${problem}`)
}
