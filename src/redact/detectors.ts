// Our own detectors for secrets nobody declared. secretlint's recommended preset runs after these (see
// secretlint-scan.ts); these cover what it misses or matches too narrowly (every GitHub token prefix at any
// length, AWS key ids, JWTs, cut private key blocks, credentials in URLs of any scheme, authorization headers,
// GCP / Stripe / Twilio keys, generic `password=` assignments), keep the user and host of a URL, and cope with
// ANSI colour codes around a token.
//
// Every pattern is bounded (no unbounded repetition that can backtrack), so the work is linear in the text.

import { privateKeyBlocks } from './private-key.js'
import type { Span } from './spans.js'

export interface Detector {
  /** The kinds this detector reports. */
  readonly kinds: readonly string[]
  /** Push the spans it finds in `text` onto `out`, each with `rank`. */
  find(text: string, out: Span[], rank: number): void
}

const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)

/**
 * Whether a token may start at `i`: the character before it is not a letter, digit or `_`; or it ends an escape
 * that stands for such a character: `\n` / `\t` / `\r` in JSON, `%3D` in a URL, the `m` that ends an ANSI
 * colour sequence (`ESC[32m`) in coloured cargo and npm output.
 */
export function boundaryBefore(text: string, i: number): boolean {
  if (i === 0) return true
  const c = text.charCodeAt(i - 1)
  if (!isWordChar(c)) return true
  if (i >= 2 && text.charCodeAt(i - 2) === 0x5c && (c === 0x6e || c === 0x74 || c === 0x72)) return true
  if (i >= 3 && text.charCodeAt(i - 3) === 0x25 && isHex(c) && isHex(text.charCodeAt(i - 2))) return true
  if (c !== 0x6d) return false
  let j = i - 2
  while (j >= 0 && i - j < 34) {
    const d = text.charCodeAt(j)
    if ((d >= 48 && d <= 57) || d === 59) j--
    else break
  }
  return j >= 1 && text.charCodeAt(j) === 0x5b && text.charCodeAt(j - 1) === 0x1b
}

/** A value that is a placeholder or code, not a credential: `${{ secrets.X }}`, `***`, `null`, `self.token`. */
const PLACEHOLDER_WORDS = new Set([
  'true',
  'false',
  'null',
  'none',
  'nil',
  'undefined',
  'required',
  'optional',
  'string',
  'redacted',
  'masked',
  'hidden',
  'example',
  'placeholder',
  'empty',
  'default',
  'missing',
  'invalid',
  'expired',
  'provided',
  'present',
  'unset'
])

/**
 * Whether a value assigned to a `password` / `secret` / `token` / `api_key` name is worth redacting: not a
 * placeholder (`${{ secrets.X }}`, `***`, `null`), not code (`tokenizer.next`, `String::new`, `parseToken`), not a
 * version (`^6.0.0`), not prose (`'comments are not allowed'`). Generated credentials have digits or irregular
 * case; a declared secret is removed whatever it looks like.
 */
export function nonTrivialValue(v: string): boolean {
  if (v.length < 6) return false
  if (/^[$%<{*[:=&]/.test(v)) return false // $VAR ${VAR} ${{ x }} %VAR% <value> {{ x }} *** [REDACTED:..] ::path
  if (/^(.)\1*$/.test(v)) return false // xxxxxx ------
  if (v.includes('::') || v.includes('->') || v.includes('?.')) return false // Rust / C++ / TS paths
  if (/^[A-Za-z]{1,32}$/.test(v) && !/[A-Z]{2}/.test(v)) return false // a word or an identifier: `expected`, `parseToken`
  if (/^[a-z]+(?:[-_][a-z]+){1,5}$/.test(v)) return false // kebab or snake words: `not-found`, `private-key`
  if (/^[a-z][a-z]*(?:[A-Z][a-z]+)+\d{0,2}$/.test(v)) return false // camelCase: `isIdentifier2`
  if (/^[a-z_][\w]*(?:\.[A-Za-z_]\w*)+$/.test(v)) return false // a field path: `tokenizer.next`, `type2.kind`
  if (/^[\^~]?v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/.test(v)) return false // a version: "@octokit/auth-token": "^6.0.0"
  if ((v.match(/\s/g)?.length ?? 0) >= 2) return false // prose in quotes
  return !PLACEHOLDER_WORDS.has(v.toLowerCase())
}

/** A bare value that is called or indexed (`token = tokenOf(req)`, `token = parts[i]`) is code. */
function calledOrIndexed(m: RegExpExecArray): boolean {
  if (m[4] === undefined) return false
  const next = m.input[m.index + m[0].length]
  return next === '(' || next === '['
}

/**
 * Whether `index` is in the user-info or host part of a URL (`https://x-access-token:ghs_...@github.com`): the
 * URL detector owns those, and keeps the host readable. A query parameter (`?token=...`) is not.
 */
function inUrlAuthority(text: string, index: number, name: string): boolean {
  // user-info is `name:value@`: nothing else needs the look back
  if (text[index + name.length] !== ':') return false
  const before = text.slice(Math.max(0, index - 512), index)
  return /:\/\/[^\s/?#"'<>]*$/.test(before)
}

/**
 * How a placeholder starts (`$`, `*`, `<`, `{`): also looked ahead for in the patterns of long values, so that one
 * is turned down at its first character rather than read to its bound first (a crafted line of them cost 0.5 s a MB)
 */
const PLACEHOLDER_START = '[$*<{]'
const PLACEHOLDER_LEAD = new RegExp(`^${PLACEHOLDER_START}`)

/** A URL password or header value that is a placeholder: `$PASS`, `${PASS}`, `***`, `<token>`, `{{ t }}`, `%s`. */
const placeholder = (v: string): boolean =>
  PLACEHOLDER_LEAD.test(v) || /^(.)\1*$/.test(v) || FORMAT_DIRECTIVE.test(v)

/** A URL's user that is a token: letters and digits both (a long user name, `release-automation-bot`, has no digit). */
const tokenUser = (u: string): boolean => !placeholder(u) && /\d/.test(u) && /[A-Za-z]/.test(u)

/**
 * A value that is a format string's directive: `%s`, `%v`, `%(password)s`, `%PASS%` (Go, C, Python, cmd.exe write a
 * URL's parts so: `postgres://%s:%s@%s/db`). Only whole directives, and a cmd.exe variable only as such names are
 * written (capitals and underscores, a few digits at the end): `%Winter2024%`, `%K9X2_Q7ZP4M8%` (a key in capitals),
 * `%-5.2f` or a password led by an encoded character (`%23ab...`) is a password (found by review, both ways).
 */
const FORMAT_DIRECTIVE = /^%(?:[sdvqxXfiu]|\([A-Za-z_]\w{0,63}\)[sdr]|[A-Z_]{1,60}[A-Z0-9_]{0,4}%)$/

/**
 * Where a URL's scheme may start: after anything but a letter, or right after a JSON
 * escape (`"line\nhttps://...`, as JSON.stringify quotes a value). `\b` missed a scheme glued to a digit, an
 * underscore or an escape (found by review). `.`, `+` and `-` are not excluded, though a scheme holds them: a URL
 * after `${VAR:-` or `1.` then had no start at all (found by review); a start inside `git+https` is one more
 * candidate, no more.
 */
const URL_START = `(?:(?<![A-Za-z])|(?<=\\\\[ntr]))`
/** What may follow a URL's `@`: a host, or a placeholder for one (`${DB_HOST}`, `<host>`, `%HOST%`: found by review). */
const URL_HOST = `(?=[A-Za-z0-9[$<{%])`

interface RegexRule {
  kind: string | ((m: RegExpExecArray) => string)
  /** Flags must include `g` and `d`. */
  re: RegExp
  /** The groups that may hold the secret (the first one that matched is taken); none: the whole match. */
  groups?: number[]
  /** Require a token boundary before the match (see boundaryBefore). */
  boundary?: boolean
  accept?: (secret: string, m: RegExpExecArray) => boolean
  /** Skip the regex when the text cannot contain a match (a cheap substring test). */
  quick?: (text: string) => boolean
}

function regexDetector(rule: RegexRule, kinds: string[]): Detector {
  return {
    kinds,
    find(text, out, rank) {
      if (rule.quick && !rule.quick(text)) return
      const re = rule.re
      re.lastIndex = 0
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (rule.boundary && !boundaryBefore(text, m.index)) {
          // retry one character further: the token may still start inside this match
          re.lastIndex = m.index + 1
          continue
        }
        let range: [number, number] | undefined = m.indices?.[0]
        if (rule.groups) {
          range = undefined
          for (const g of rule.groups) {
            const r = m.indices?.[g]
            if (r) {
              range = r
              break
            }
          }
        }
        if (!range) continue
        const secret = text.slice(range[0], range[1])
        if (rule.accept && !rule.accept(secret, m)) {
          // turned down: another match may start inside this one (a URL without credentials, then one with them,
          // after a comma: found by review); every pattern's match is bounded, so the search stays linear
          re.lastIndex = m.index + 1
          continue
        }
        const kind = typeof rule.kind === 'string' ? rule.kind : rule.kind(m)
        out.push({ start: range[0], end: range[1], kind, rank })
      }
    }
  }
}

const simple = (kind: string, rule: Omit<RegexRule, 'kind'>): Detector =>
  regexDetector({ ...rule, kind }, [kind])

const includesAny =
  (...needles: string[]) =>
  (text: string): boolean =>
    needles.some((n) => text.includes(n))

const privateKey: Detector = {
  kinds: ['private-key'],
  find(text, out, rank) {
    for (const [start, end] of privateKeyBlocks(text)) out.push({ start, end, kind: 'private-key', rank })
  }
}

/** What a `password` / `secret` / `token` / `api_key` name is called in a kind. */
function assignmentKind(name: string): string {
  const n = name.toLowerCase()
  if (/pass|pwd/.test(n)) return 'password-assignment'
  if (/api[_-]?key|apikey/.test(n)) return 'api-key-assignment'
  if (/token|auth/.test(n)) return 'token-assignment'
  return 'secret-assignment'
}

const ASSIGNMENT_NAME =
  'pass(?:word|wd|phrase)|pwd|api[_-]?key|apikey|(?:private|secret|signing|encryption|master|access)[_-]?key|secret|token|_auth'
/** `"x"`, `'x'` or a bare word: groups 2, 3, 4. */
const VALUE = `(?:"(?!${PLACEHOLDER_START})([^"\\r\\n]{1,512})"|'(?!${PLACEHOLDER_START})([^'\\r\\n]{1,512})'|(?!${PLACEHOLDER_START})([^\\s"'\`,;&<>()\\[\\]{}]{1,512}))`

const AUTH_SCHEME = /^(?:bearer|token|bot|basic|digest|negotiate|ntlm)$/i

const ASSIGNMENT_KINDS = [
  'password-assignment',
  'secret-assignment',
  'token-assignment',
  'api-key-assignment'
]

/** Our detectors, most specific first: where spans overlap, the earlier detector names the kind. */
export const DETECTORS: readonly Detector[] = [
  privateKey,
  simple('github-token', {
    re: /gh[pousr]_[A-Za-z0-9]{30,251}|github_pat_[A-Za-z0-9_]{22,251}/dg
  }),
  simple('aws-access-key-id', {
    re: /(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9])/dg,
    boundary: true
  }),
  simple('aws-secret-access-key', {
    re: /(?:aws)?[_-]?secret[_-]?(?:access)?[_-]?key["']?[ \t]{0,4}(?:=>|=|:)[ \t]{0,4}["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/dgi,
    groups: [1]
  }),
  simple('slack-token', {
    re: /xox[abposr]-[A-Za-z0-9-]{10,250}|xapp-\d-[A-Za-z0-9-]{10,250}/dg,
    quick: includesAny('xox', 'xapp-')
  }),
  simple('slack-webhook', {
    re: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/([A-Za-z0-9][A-Za-z0-9_/-]{8,250})/dgi,
    groups: [1],
    quick: (t) => /hooks\.slack\.com/i.test(t)
  }),
  simple('npm-token', { re: /npm_[A-Za-z0-9]{36,251}/dg, quick: includesAny('npm_') }),
  // the kinds only secretlint's preset knew: the synchronous redaction of findings and identities runs no
  // secretlint, and must know every kind the full redactor does (found by review: an Anthropic key as a pin's
  // release tag reached every surface). Looser than the preset's: a key of an odd length is still a key
  simple('anthropic-api-key', {
    re: /sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{20,256}/dg,
    quick: includesAny('sk-ant-')
  }),
  simple('openai-api-key', {
    re: /sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,256}|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}/dg,
    // never inside a word: `task-admin-dashboard-...` is a name (found by review)
    boundary: true,
    quick: includesAny('sk-')
  }),
  simple('linear-api-key', { re: /lin_api_[A-Za-z0-9_]{32,128}/dg, quick: includesAny('lin_api_') }),
  simple('shopify-token', { re: /shp(?:pa|ca|at|ss)_[A-Za-z0-9]{32,64}/dg, quick: includesAny('shp') }),
  simple('1password-token', { re: /ops_ey[A-Za-z0-9+/=]{100,1280}/dg, quick: includesAny('ops_ey') }),
  simple('gcp-api-key', { re: /AIza[0-9A-Za-z_-]{35}/dg, quick: includesAny('AIza') }),
  simple('stripe-key', {
    re: /(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,247}/dg,
    quick: includesAny('k_live_', 'k_test_')
  }),
  simple('sendgrid-key', {
    re: /SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}/dg,
    boundary: true,
    quick: includesAny('SG.')
  }),
  simple('twilio-key', {
    re: /SK[0-9a-fA-F]{32}(?![0-9A-Za-z])/dg,
    boundary: true,
    quick: includesAny('SK')
  }),
  simple('gitlab-token', { re: /glpat-[A-Za-z0-9_-]{20,250}/dg, quick: includesAny('glpat-') }),
  simple('pypi-token', { re: /pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,4096}/dg, quick: includesAny('pypi-') }),
  simple('jwt', {
    // the lookbehind (boundaryBefore, in the pattern) keeps candidate starts apart, so a run of `eyJeyJ...` is
    // scanned once
    // eslint-disable-next-line no-control-regex -- ESC starts the ANSI colour code a token may follow
    re: /(?:(?<![A-Za-z0-9_-])|(?<=\x1b\[[0-9;]{0,32}m|\\[ntr]|%[0-9A-Fa-f]{2}))eyJ[A-Za-z0-9_-]{7,8192}\.[A-Za-z0-9_-]{4,8192}\.[A-Za-z0-9_-]{0,8192}/dg,
    quick: includesAny('eyJ')
  }),
  simple('url-credential', {
    // scheme://user:password@host: only the password; the user and the host stay readable. Its slashes may be
    // JSON-escaped (`https:\/\/`, as PHP and Jackson write them)
    re: new RegExp(
      `${URL_START}[a-z][a-z0-9+.-]{0,30}:(?://|\\\\/\\\\/)[^\\s:/?#@"'<>[\\]]{0,256}:(?!\\[REDACTED:)([^\\s/?#"'<>]{1,256})@${URL_HOST}`,
      'dgi'
    ),
    groups: [1],
    accept: (p) => !placeholder(p),
    quick: (t) => t.includes('://') || t.includes(':\\/\\/')
  }),
  simple('url-credential', {
    // a token as the user, with no password or GitHub's `x-oauth-basic` in its place: https://<token>@github.com,
    // https://<token>:x-oauth-basic@host (found by review: only the placeholder was taken, the token left)
    // (web URLs only: a runner's ssh user name, an image digest `name@sha256:` are no tokens: found by review)
    re: new RegExp(
      `${URL_START}(?:git\\+)?(?:https?|wss?):(?://|\\\\/\\\\/)(?!\\[REDACTED:)([A-Za-z0-9_-]{20,255})(?::(?:x-oauth-basic|x-access-token)?)?@${URL_HOST}`,
      'dgi'
    ),
    groups: [1],
    accept: tokenUser,
    quick: (t) => t.includes('://') || t.includes(':\\/\\/')
  }),
  simple('database-connection-string', {
    // a database's URL keeps a password of any characters but `@` and spaces (`#`, `?` and quotes too, which a
    // URL would not): postgres://app:s3cr#t@db (found by review)
    re: new RegExp(
      `${URL_START}(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle|cockroachdb)://[^\\s:/@"',[\\]]{0,256}:(?!\\[REDACTED:)([^\\s@]{1,256})@${URL_HOST}`,
      'dgi'
    ),
    groups: [1],
    // the user stops at a quote, a comma or a bracket (compact JSON, an IPv6 host: found by review); a port and
    // what follows it (`host:6379/db?email=a@b`, `host:6379","pkg":"@scope/x`, `host:5432?user=a@b`) is no
    // password, however far the next `@` is; a password with a slash, a quote or a `#` is (`2024#Winter`)
    accept: (p) => !placeholder(p) && !/^\d{1,5}(?:[/"',]|$)/.test(p) && !/^\d{1,5}\?[^@]*=/.test(p),
    quick: includesAny('://')
  }),
  simple('url-credential', {
    // the token as the user of a percent-encoded URL (https%3A%2F%2F<token>%40github.com), where the rule below
    // would take only GitHub's placeholder (`%3Ax-oauth-basic`) for the password (found by review)
    re: /\b(?:git%2B)?(?:https?|wss?)%3A%2F%2F(?!\[REDACTED:)([A-Za-z0-9_-]{20,255})(?:%3A(?:x-oauth-basic|x-access-token)?)?%40(?=[A-Za-z0-9[%$<{])/dgi,
    groups: [1],
    accept: tokenUser,
    quick: (t) => /%3A%2F%2F/i.test(t)
  }),
  simple('url-credential', {
    // the same URL percent-encoded, as a redirect parameter carries it: scheme%3A%2F%2Fuser%3Apassword%40host
    re: /\b[a-z][a-z0-9+.-]{0,30}%3A%2F%2F(?:[^\s:/?#@"'<>&%]|%(?!3A|40|2F)[0-9A-F]{2}){0,256}%3A(?!\[REDACTED:)((?:[^\s/?#@"'<>&%]|%(?!40)[0-9A-F]{2}){1,256})%40(?=[A-Za-z0-9[%$<{])/dgi,
    groups: [1],
    accept: (p) => !placeholder(p),
    quick: (t) => /%3A%2F%2F/i.test(t)
  }),
  regexDetector(
    {
      // Authorization: Bearer <token> / token <token> / Basic <base64> / <value>
      re: new RegExp(
        `(?:proxy-)?authorization["']?[ \\t]{0,4}[:=][ \\t]{0,4}["'\`]?(?:(bearer|token|bot|basic|digest|negotiate|ntlm)[ \\t]+)?(?!${PLACEHOLDER_START}|\\[REDACTED:)([^\\s"'\`\\\\,;]{4,4096})`,
        'dgi'
      ),
      groups: [2],
      // without a scheme group, the value may be the scheme itself (`Bearer [REDACTED:bearer-token]`)
      accept: (v, m) =>
        !placeholder(v) && !v.startsWith('[REDACTED:') && !(m[1] === undefined && AUTH_SCHEME.test(v)),
      kind: (m) => {
        const scheme = (m[1] ?? '').toLowerCase()
        if (scheme === 'basic') return 'basic-auth'
        if (scheme === 'bearer' || scheme === 'token' || scheme === 'bot') return 'bearer-token'
        return 'authorization-header'
      },
      quick: (t) => /authorization/i.test(t)
    },
    ['bearer-token', 'basic-auth', 'authorization-header']
  ),
  simple('bearer-token', {
    re: /\bbearer[ \t]+([A-Za-z0-9._~+/-]{20,4096}=*)/dgi,
    groups: [1],
    quick: (t) => /bearer/i.test(t)
  }),
  simple('basic-auth', {
    // curl -u user:password
    re: /(?:^|[ \t'"])(?:-u|--user)[ \t]+["']?[^\s:"']{1,256}:([^\s"']{1,512})/dgm,
    groups: [1],
    accept: (p) => !placeholder(p) && !p.startsWith('[REDACTED:'),
    quick: includesAny('-u', '--user')
  }),
  regexDetector(
    {
      re: new RegExp(`(${ASSIGNMENT_NAME})["']?[ \\t]{0,4}(?:=>|=|:)[ \\t]{0,4}${VALUE}`, 'dgi'),
      groups: [2, 3, 4],
      accept: (v, m) =>
        nonTrivialValue(v) &&
        !calledOrIndexed(m) &&
        !inUrlAuthority(m.input, m.index, m[1]!) &&
        // the shell's PWD and OLDPWD name the directory (found by review: a step's `PWD=/home/runner/...`)
        !(/^pwd$/i.test(m[1]!) && /^[/~]/.test(v)),
      kind: (m) => assignmentKind(m[1]!)
    },
    ASSIGNMENT_KINDS
  ),
  regexDetector(
    {
      // --password hunter2, --token abc (the `--name=value` form is an assignment above)
      re: new RegExp(
        `--?(pass(?:word|wd)?|token|secret|api[_-]?key|(?:auth|access)[_-]?token)[ \\t]+${VALUE}`,
        'dgi'
      ),
      groups: [2, 3, 4],
      accept: nonTrivialValue,
      kind: (m) => assignmentKind(m[1]!),
      // every name above holds one of these: most texts (dates, hashes, prose with dashes) have none of them,
      // and the full pattern tries its alternatives at every dash (a third of lkg's redaction time)
      quick: (t) => /pass|token|secret|api/i.test(t)
    },
    ASSIGNMENT_KINDS
  )
]
