// A finding's message quotes what it found (a pin's value, a line of the matrix, a step's output): a secret of the
// run's environment that ended up there is removed before any surface (packet, statement, summary, comment,
// SARIF, terminal) is made of it. Known secrets and our own detectors only: cheap, on every run of every command.
import { KNOWN_SECRET_VARIABLES, secretsFromEnv } from '../redact/known-secrets.js'
import { textRedactor } from '../redact/text-redactor.js'
import type { Finding } from '../rules/finding.js'
import { mapStrings } from '../text/map-strings.js'
import type { OperationContext } from './context.js'

const redactors = new WeakMap<NodeJS.ProcessEnv, (text: string) => string>()

/** The run's redactor of short texts: every secret of its environment (and the action's token input) and our detectors. */
export function runRedactor(ctx: Pick<OperationContext, 'env'>): (text: string) => string {
  let redact = redactors.get(ctx.env)
  if (!redact) {
    redact = textRedactor(secretsFromEnv(ctx.env, [...KNOWN_SECRET_VARIABLES, 'INPUT_TOKEN']))
    redactors.set(ctx.env, redact)
  }
  return redact
}

/** The findings with every secret of the context's environment (and the action's token input) redacted. */
export function redactFindings(ctx: Pick<OperationContext, 'env'>, findings: Finding[]): Finding[] {
  const redact = runRedactor(ctx)
  return findings.map((f) => {
    const message = redact(f.message)
    return message === f.message ? f : { ...f, message }
  })
}

/**
 * `value` with every string in it redacted (plain objects and arrays walked; anything else as it is). For what
 * the pull request's files state and every surface repeats: a pin's release tag, a manifest's error codes, the
 * identities an incident names. A pin is the pull request's to write, a token-shaped value included.
 */
export function redactStrings<T>(ctx: Pick<OperationContext, 'env'>, value: T): T {
  return mapStrings(value, runRedactor(ctx))
}
