// Values known to be secret: where they come from (the environment) and the forms they can take in a log.

/**
 * A variable whose name says it holds a secret: the words the assignment detector takes for one too (found by
 * review: DB_PASS, MYSQL_PWD, SIGNING_KEY, GCP_CREDENTIALS and NPM_AUTH were not). The shell's own PWD and OLDPWD
 * are the directory, not a password.
 */
const SECRET_NAME =
  /TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|(?:^|_)PASS(?:_|$)|_PWD$|PRIVATE_KEY|API_KEY|SIGNING_KEY|(?:^|_)CREDENTIALS?$|(?:^|_)AUTH$/i

/** Shorter values are ignored: they would redact ordinary words and numbers everywhere. */
export const MIN_SECRET_LENGTH = 4

/** Variables whose values are secrets even when their names do not say so. */
export const KNOWN_SECRET_VARIABLES = ['GITHUB_TOKEN', 'GH_TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'NPM_TOKEN']

/**
 * Values a name-matched variable holds that are settings, not secrets (`TOKENIZERS_PARALLELISM=false`,
 * `TOKEN_TTL=3600`, `SECRETS_DIR=/run/secrets`); redacting them would blank ordinary words all over a log.
 */
function looksLikeSetting(value: string): boolean {
  const v = value.trim()
  return (
    v.length < MIN_SECRET_LENGTH ||
    /^(?:true|false|yes|no|on|off|null|none|nil|undefined|enabled|disabled)$/i.test(v) ||
    /^\d{1,9}$/.test(v) ||
    /^\/[\w./-]*$/.test(v)
  )
}

/**
 * The secret values of an environment: the values of the variables listed in `names` (as they are), plus the
 * value of every variable whose name says it is secret (SECRET_NAME: a token, secret, password, key, credential)
 * unless it is plainly
 * a setting (a boolean, a small number, an absolute path). Unique, in a stable order; values shorter than 4
 * characters are left out. The entry layers add every `core.setSecret` value.
 */
export function secretsFromEnv(env: NodeJS.ProcessEnv, names: string[]): string[] {
  const out = new Set<string>()
  const add = (value: string | undefined): void => {
    if (value === undefined || value.length < MIN_SECRET_LENGTH) return
    out.add(value)
    const trimmed = value.trim()
    if (trimmed !== value && trimmed.length >= MIN_SECRET_LENGTH) out.add(trimmed)
  }
  for (const name of names) add(env[name])
  for (const name of Object.keys(env).sort()) {
    const value = env[name]
    if (value !== undefined && SECRET_NAME.test(name) && !looksLikeSetting(value)) add(value)
  }
  return [...out]
}

/**
 * The parts of `bytes`' base64 encoding that depend on `bytes` alone when they sit at byte offset 0, 1 or 2 of a
 * larger encoded payload (`Basic base64(user:token)`, a base64 config blob): whichever way the payload is
 * aligned, one of these three strings appears in it.
 */
function base64Cores(bytes: Buffer): string[] {
  const out: string[] = []
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64')
    const first = Math.ceil((8 * shift) / 6)
    const last = Math.floor((8 * (shift + bytes.length)) / 6)
    if (last - first >= 6) out.push(encoded.slice(first, last))
  }
  return out
}

function tryEncode(value: string): string | undefined {
  try {
    return encodeURIComponent(value)
  } catch {
    return undefined // a lone surrogate
  }
}

/**
 * Every form of one secret value worth searching for: raw, URL-encoded (percent and form encoding), JSON-escaped,
 * base64 and base64url (whole, and the alignment-independent cores of an embedded one), and for a multi-line value
 * (a PEM key, a JSON credential) each of its longer lines. Unique; none shorter than 4 characters.
 */
export function secretForms(value: string): string[] {
  const forms = new Set<string>([value])
  const url = tryEncode(value)
  if (url !== undefined) {
    forms.add(url)
    forms.add(url.replace(/%20/g, '+'))
  }
  forms.add(JSON.stringify(value).slice(1, -1))
  const bytes = Buffer.from(value, 'utf8')
  const b64 = bytes.toString('base64')
  forms.add(b64)
  forms.add(b64.replace(/=+$/, ''))
  forms.add(bytes.toString('base64url'))
  if (value.length >= 6) {
    for (const core of base64Cores(bytes)) {
      forms.add(core)
      forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'))
    }
  }
  if (/[\r\n]/.test(value)) {
    forms.add(value.replace(/\r\n/g, '\n'))
    for (const line of value.split(/\r?\n|\r/)) {
      const t = line.trim()
      if (t.length >= 16) forms.add(t)
    }
  }
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH)
}
