// Redaction of captured suite output (issue 4 item 2, DESIGN.md §7). Every planted value below is a fake built
// at run time from parts (a prefix, then a repeated `Fake...` filler), so the source of this file holds no string
// a secret scanner would flag.

import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { createRedactor, type Redaction } from '../../src/redact/redactor.js'
import { secretsFromEnv } from '../../src/redact/known-secrets.js'
import { textRedactor } from '../../src/redact/text-redactor.js'

/** `pattern` repeated and cut to `n` characters. */
const fill = (pattern: string, n: number): string => pattern.repeat(Math.ceil(n / pattern.length)).slice(0, n)
const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
const b64 = (value: string): string => Buffer.from(value).toString('base64')

/** Lines of an ordinary consumer + producer suite run: no secrets, but hashes, SHAs, ANSI colours, words. */
const CARGO_HEAD = [
  '\x1b[1m\x1b[32m   Compiling\x1b[0m memorykernel-core v0.4.0 (/home/runner/work/app/app/services/memorykernel/crates/core)',
  '\x1b[1m\x1b[32m   Compiling\x1b[0m memorykernel-service v0.4.0 (/home/runner/work/app/app/services/memorykernel/crates/service)',
  '\x1b[1m\x1b[32m    Finished\x1b[0m `test` profile [unoptimized + debuginfo] target(s) in 14.62s',
  '\x1b[1m\x1b[32m     Running\x1b[0m unittests src/lib.rs (target/debug/deps/memorykernel_core-3f9c1d2b7a6e5f40)',
  '',
  'running 4 tests',
  'test auth::tests::rejects_expired_token ... ok',
  'test auth::tests::password_hash_roundtrip ... ok'
]
const CARGO_TAIL = [
  'test store::tests::put_then_get_roundtrips ... ok',
  'test api::tests::rejects_unknown_error_code ... ok',
  '',
  'test result: ok. 4 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.42s',
  ''
]
const NPM_LINES = [
  '> assistsupport@1.0.0 test:contract',
  '> vitest run --config vitest.contract.config.ts',
  '',
  ' \x1b[32m✓\x1b[39m tests/contract/memorykernel.contract.test.ts \x1b[2m(14 tests)\x1b[22m\x1b[33m 312ms\x1b[39m',
  'npm http fetch GET 200 https://registry.npmjs.org/semver 12ms (cache hit)',
  'added 312 packages, and audited 313 packages in 4s',
  'resolved semver@7.6.3 integrity sha512-oVekyEd6rhFcSuBZsKNQHAbFVq2xVX4tiWGH2YtPwgOwfhfBBmfOhkTbBJDn1gD6wPxHzT5r6tVrjlaHkf2VJw=='
]

/** A suite log with `planted` between the cargo and the npm part. */
function suiteLog(planted: string): string {
  return [...CARGO_HEAD, planted, ...CARGO_TAIL, ...NPM_LINES, ''].join('\n')
}

/** Ordinary text the evidence needs verbatim: commit SHAs, SHA-256 digests, code that mentions tokens. */
const CLEAN = [
  ...CARGO_HEAD,
  ...CARGO_TAIL,
  ...NPM_LINES,
  'manifest sha256 79970ec83f37fe0a272cbb62e998ab35628125dbaedaa50c2b9d370d3c53d772 at commit 7e4806a34b98e6c06ee33fa9f11499a975e7b922',
  'HEAD is now at 1f8af2a333564e1b53e7a68e9492ec6fb731447a Merge pull request #42 from org/repin',
  'release v0.4.0 (commit cf331449e8a3b7d5c2f1a0e9d8c7b6a5f4e3d2c1) sha256:67408e0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f',
  'request id 123e4567-e89b-12d3-a456-426614174000, trace 4bf92f3577b34da6a3ce929d0e0e4736',
  'warning: unused variable: `token`',
  '  --> crates/service/src/auth.rs:42:9',
  '42 |     let token = tokenizer.next();',
  '43 |     let password: String = String::new();',
  '   = note: `#[warn(unused_variables)]` on by default',
  'expected token: identifier, found `)`',
  'Authorization header missing; falling back to the deterministic enrichment',
  'GET http://127.0.0.1:4010/v1/health 200 (1.2ms); ssh://git@github.com:22/org/repo.git',
  'const token = tokenOf(req.headers.authorization); const t2 = options.token?.trim() ?? parts[i - 1]',
  'const token = policyHeader[i - 1].trim(); headers: { authorization: `token ${TOKEN}` }, token: parseToken,',
  '"@octokit/auth-token": "^6.0.0", InvalidCommentToken: \'comments are not allowed in JSON\'',
  "kinds: { privatekey: 'private-key', '1password': 'password-assignment' }, token: not-found",
  'password: required',
  'token: null',
  'GITHUB_TOKEN: ***',
  'env: { NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }} }',
  'base64 aGVsbG8gd29ybGQ=, uuid 550e8400-e29b-41d4-a716-446655440000',
  'crlf line\r\ntab\tseparated\u00a0non-breaking ünïcødé ✓ 🚀',
  // names and the shell's directory are no secrets (found by review)
  'run test:desk-admin-portal-end-to-end-checks-for-the-whole-admin-area in packages/task-admin-dashboard_service',
  'PWD=/home/runner/work/app/app OLDPWD=/home/runner "pwd": "/srv/app"',
  'https://release-automation-bot-account@github.com/org/repo.git',
  '{"msg":"connected","url":"redis://localhost:6379","pkg":"@acme/api"} jdbc:postgresql://db:5432/app?user=ci&name=build@runner-1',
  'ssh://runner-abc123-project-42-concurrent-0@host docker://abcdefghij0123456789abc@sha256:0123',
  ''
].join('\n')

interface Plant {
  kind: string
  /** The value planted in the log. */
  secret: string
  /** The part of `secret` that must vanish (default: all of it). */
  secretPart?: string
  /** The log line(s) that carry it. */
  line: (secret: string) => string
  /** Text around the secret that must stay readable. */
  keep?: string[]
  /** Expected replacements (default 1). */
  count?: number
}

const PEM_BODY = [
  'MIIEowIBAAKCAQEA' + fill('FakeRsaKeyMaterial0+/', 48),
  fill('FakeKeyLine1+/', 64),
  fill('FakeKeyLine2+/', 64),
  fill('FakeKeyLine3+/', 40) + '=='
].join('\n')
const pem = (label: string, body = PEM_BODY, headers = ''): string =>
  `-----BEGIN ${label}-----\n${headers}${body}\n-----END ${label}-----`
const PRIVATE = ' PRIVATE' + ' KEY'

const JWT =
  b64url({ alg: 'HS256', typ: 'JWT' }) +
  '.' +
  b64url({ sub: 'fake-user', name: 'Fake User', iat: 0 }) +
  '.' +
  fill('FakeSignature0_-', 43)

const PLANTS: Plant[] = [
  {
    kind: 'github-token',
    secret: 'gh' + 'p_' + fill('FakeGhToken0', 36),
    line: (s) => `npm notice //npm.pkg.github.com/:_authToken=${s}`,
    keep: ['//npm.pkg.github.com/:_authToken=']
  },
  {
    // the AS commit f753355 case: a literal OAuth token in a "Tests:" line
    kind: 'github-token',
    secret: 'gh' + 'o_' + fill('FakeOauth1', 36),
    line: (s) => `Tests: MEMORYKERNEL_GITHUB_TOKEN="${s}" pnpm run check:memorykernel-pin`,
    keep: ['MEMORYKERNEL_GITHUB_TOKEN="', '" pnpm run check:memorykernel-pin']
  },
  {
    kind: 'github-token',
    secret: 'gh' + 'u_' + fill('FakeUser2', 36),
    line: (s) => `\x1b[33mwarning\x1b[0m: token \x1b[1m${s}\x1b[0m expires in 7 days`
  },
  {
    kind: 'github-token',
    secret: 'gh' + 's_' + fill('FakeServer3', 36),
    line: (s) => `git remote -v: origin https://x-access-token:${s}@github.com/org/app.git (fetch)`,
    keep: ['https://x-access-token:', '@github.com/org/app.git']
  },
  {
    kind: 'github-token',
    secret: 'gh' + 'r_' + fill('FakeRefresh4', 76),
    line: (s) => `{"refresh_token":"${s}","expires_in":15811200}`,
    count: 1
  },
  {
    kind: 'github-token',
    secret: 'github' + '_pat_' + '11FAKE0000' + fill('FakePat5', 12) + '_' + fill('FakeFineGrained6', 59),
    line: (s) => `curl -H "Authorization: token ${s}" https://api.github.com/user`,
    keep: ['curl -H "Authorization: token ', '" https://api.github.com/user']
  },
  {
    kind: 'aws-access-key-id',
    secret: 'AK' + 'IA' + 'FAKEKEY0TEST0001',
    line: (s) => `aws configure list: access_key \x1b[36m${s}\x1b[0m shared-credentials-file`
  },
  {
    kind: 'aws-access-key-id',
    secret: 'AS' + 'IA' + 'FAKESESSION00002',
    line: (s) => `assumed role: AccessKeyId=${s} (expires 2026-02-08T13:00:00Z)`
  },
  {
    kind: 'aws-secret-access-key',
    secret: fill('Fake/Aws+Secret0', 40),
    line: (s) => `    [env] aws_secret_access_key = ${s}`,
    keep: ['aws_secret_access_key = ']
  },
  {
    kind: 'slack-token',
    secret: 'xo' + 'xb-' + '1234FAKE5678-9012FAKE34567-' + fill('FakeSlackBot0', 24),
    line: (s) => `notify: posting with ${s}`
  },
  {
    kind: 'slack-token',
    secret: 'xo' + 'xp-' + '1234FAKE5678-1234FAKE5678-' + fill('FakeSlackUser0', 32),
    line: (s) => `SLACK_USER=${s}`
  },
  { kind: 'slack-token', secret: 'xo' + 'xa-2-' + fill('FakeSlackApp0', 30), line: (s) => `slack app ${s}` },
  { kind: 'slack-token', secret: 'xo' + 'xr-' + fill('FakeSlackRefresh0', 30), line: (s) => `refresh ${s}` },
  {
    kind: 'slack-token',
    secret: 'xa' + 'pp-1-' + 'A0FAKE000-1234FAKE5678-' + fill('fakeapplevel0', 40),
    line: (s) => `socket mode: ${s}`
  },
  {
    kind: 'slack-webhook',
    secret: 'https://hooks.slack.com/services/' + 'T0FAKE0001/B0FAKE0002/' + fill('FakeWebhook0', 24),
    secretPart: 'T0FAKE0001/B0FAKE0002/' + fill('FakeWebhook0', 24),
    line: (s) => `curl -X POST ${s} -d '{"text":"promotion FAIL"}'`,
    keep: ['https://hooks.slack.com/services/']
  },
  {
    kind: 'jwt',
    secret: JWT,
    line: (s) => `ACTIONS_ID_TOKEN: ${s}`,
    keep: ['ACTIONS_ID_TOKEN: ']
  },
  {
    kind: 'private-key',
    secret: pem('RSA' + PRIVATE),
    secretPart: PEM_BODY,
    line: (s) => `thread 'main' panicked: could not parse key\n${s}\nnote: run with RUST_BACKTRACE=1`,
    keep: ["thread 'main' panicked: could not parse key\n", '\nnote: run with RUST_BACKTRACE=1']
  },
  {
    kind: 'private-key',
    secret: pem(
      'EC' + PRIVATE,
      'MHcCAQEEI' + fill('FakeEcKey0+/', 55) + '\n' + fill('FakeEcKey1+/', 44) + '=='
    ),
    secretPart: fill('FakeEcKey0+/', 55),
    line: (s) => `fixture key:\n${s}`
  },
  {
    kind: 'private-key',
    secret: pem(
      'OPENSSH' + PRIVATE,
      'b3BlbnNzaC1rZXktdjEAAAAA' + fill('FakeOpenSsh0', 46) + '\n' + fill('FakeOpenSsh1', 70)
    ),
    secretPart: fill('FakeOpenSsh0', 46),
    line: (s) => `deploy key:\n${s}`
  },
  {
    kind: 'private-key',
    secret: pem(
      'PGP' + PRIVATE + ' BLOCK',
      'lQOYBF' + fill('FakePgpArmour0', 58) + '\n' + fill('FakePgpArmour1', 64) + '\n=FaKe',
      'Version: FakePG v1\n\n'
    ),
    secretPart: fill('FakePgpArmour0', 58),
    line: (s) => `gpg --import:\n${s}`
  },
  {
    kind: 'private-key',
    // the generic PKCS#8 label, JSON-escaped on one line (a service account file printed by a test)
    secret: pem('PRIVATE' + ' KEY', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC' + fill('FakePkcs8Key0', 64)).replace(
      /\n/g,
      '\\n'
    ),
    secretPart: fill('FakePkcs8Key0', 64),
    line: (s) => `{"type":"service_account","private_key":"${s}\\n","client_email":"ci@example.iam"}`,
    keep: ['"client_email":"ci@example.iam"']
  },
  {
    kind: 'url-credential',
    secret: 'Fake-Url-Pa55word',
    line: (s) => `Cloning into 'app'... https://deploy-bot:${s}@git.example.com/org/repo.git`,
    keep: ['https://deploy-bot:', '@git.example.com/org/repo.git']
  },
  {
    kind: 'url-credential',
    secret: 'Fake-Db-Pa55word',
    line: (s) => `DATABASE_URL=postgres://app_user:${s}@db.internal:5432/app?sslmode=require`,
    keep: ['postgres://app_user:', '@db.internal:5432/app?sslmode=require']
  },
  {
    kind: 'url-credential',
    secret: 'FakeRedisPa55',
    line: (s) => `connecting to redis://:${s}@cache.internal:6379/0`,
    keep: ['redis://:', '@cache.internal:6379/0']
  },
  {
    kind: 'bearer-token',
    secret: fill('FakeBearerToken0', 40),
    line: (s) => `> GET /v1/context HTTP/1.1\n> Authorization: Bearer ${s}\n> Accept: */*`,
    keep: ['> Authorization: Bearer ', '> Accept: */*']
  },
  {
    kind: 'basic-auth',
    secret: b64('ci-user:Fake-Basic-Pa55'),
    line: (s) => `> Authorization: Basic ${s}`,
    keep: ['> Authorization: Basic ']
  },
  {
    kind: 'npm-token',
    secret: 'np' + 'm_' + fill('FakeNpmToken0', 36),
    line: (s) => `npm verb config //registry.npmjs.org/:_authToken=${s}\nnpm http fetch PUT 200 (token ${s})`,
    keep: ['//registry.npmjs.org/:_authToken='],
    count: 2
  },
  {
    kind: 'gcp-api-key',
    secret: 'AI' + 'za' + fill('FakeGcpApiKey0-_', 35),
    line: (s) => `GET https://maps.example.com/api?key=${s}&q=x 403`,
    keep: ['https://maps.example.com/api?key=', '&q=x 403']
  },
  { kind: 'stripe-key', secret: 'sk' + '_live_' + fill('FakeStripeKey0', 24), line: (s) => `STRIPE=${s}` },
  { kind: 'stripe-key', secret: 'rk' + '_live_' + fill('FakeStripeRk0', 24), line: (s) => `restricted ${s}` },
  {
    kind: 'sendgrid-key',
    secret: 'SG' + '.' + fill('FakeSendGridId0', 22) + '.' + fill('FakeSendGridSecret0', 43),
    line: (s) => `mailer: using key ${s}`
  },
  {
    kind: 'twilio-key',
    secret: 'S' + 'K' + fill('0123456789abcdef', 32),
    line: (s) => `twilio: api key sid ${s}`
  },
  {
    kind: 'password-assignment',
    secret: 'Fake-Pa55-Value',
    line: (s) => `+ export DB_PASSWORD=${s}`,
    keep: ['+ export DB_PASSWORD=']
  },
  {
    kind: 'secret-assignment',
    secret: 'Fake-Client-Secret-9',
    line: (s) => `config: { client_secret: "${s}", client_id: "app" }`,
    keep: ['client_secret: "', '", client_id: "app" }']
  },
  {
    kind: 'token-assignment',
    secret: 'Fake-Svc-Tok-7x9',
    line: (s) => `SERVICE_TOKEN=${s} cargo test --workspace`,
    keep: ['SERVICE_TOKEN=', ' cargo test --workspace']
  },
  {
    kind: 'api-key-assignment',
    secret: 'FakeApiKeyValue123',
    line: (s) => `{"api_key": "${s}", "region": "eu"}`,
    keep: ['{"api_key": "', '", "region": "eu"}']
  },
  {
    kind: 'password-assignment',
    secret: 'Fake-Cli-Pa55',
    line: (s) => `+ ./scripts/login.sh --password ${s} --user ci`,
    keep: ['--password ', ' --user ci']
  },
  {
    // only secretlint's preset knows this one; a `secretlint-disable` line must not switch it off
    kind: 'openai-api-key',
    secret: 'sk-' + 'proj-' + fill('FakeOpenAiKey0', 74) + 'T3Blbk' + 'FJ' + fill('FakeOpenAiKey1', 74),
    line: (s) => `// secretlint-disable\nOPENAI=${s}`
  },
  {
    kind: 'anthropic-api-key',
    secret: 'sk-' + 'ant-' + 'api03-' + fill('FakeClaudeApiKey0', 93) + 'AA',
    line: (s) => `anthropic client ${s}`
  },
  {
    kind: 'linear-api-key',
    secret: 'lin' + '_api_' + fill('FakeLinearKey0', 40),
    line: (s) => `linear ${s}`
  },
  {
    kind: 'shopify-token',
    secret: 'shp' + 'at_' + fill('FakeShopifyToken0', 32),
    line: (s) => `shop ${s}`
  },
  {
    // percent-encoded, as a redirect parameter carries a URL (found by review)
    kind: 'url-credential',
    secret: 'Fake-Enc0ded-Pa55',
    line: (s) => `redirect to /login?next=https%3A%2F%2Fdeploy%3A${s}%40git.example.com%2Fr`,
    keep: ['next=https%3A%2F%2Fdeploy%3A', '%40git.example.com%2Fr']
  },
  {
    // a token as the URL's user, GitHub's placeholder as its password (found by review)
    kind: 'url-credential',
    secret: fill('a1b2c3d4e5f6', 40),
    line: (s) => `cloning https://${s}@github.com/org/repo.git`,
    keep: ['https://', '@github.com/org/repo.git']
  },
  {
    // a password led by digits, a `#` in it (found by review)
    kind: 'database-connection-string',
    secret: '2024#Winter',
    line: (s) => `connecting to postgres://app:${s}@db:5432/mk`,
    keep: ['postgres://app:', '@db:5432/mk']
  },
  {
    // after a URL without credentials and a comma, as a list of replicas writes them (found by review)
    kind: 'database-connection-string',
    secret: 'hunter2#x',
    line: (s) => `REPLICAS=postgres://r1:5432/app,postgres://app:${s}@primary/app`,
    keep: ['REPLICAS=postgres://r1:5432/app,postgres://app:', '@primary/app']
  },
  {
    // digits, then a # and an = later: a password, not a port and a query (found by review)
    kind: 'database-connection-string',
    secret: '73#fQ=zR9k',
    line: (s) => `postgres://app:${s}@db/x`,
    keep: ['postgres://app:', '@db/x']
  },
  {
    // a token as the user of a JSON-escaped URL (found by review)
    kind: 'url-credential',
    secret: fill('abcdefghij0123456789', 24),
    line: (s) => `{"remote":"https:\\/\\/${s}:@github.com\\/o\\/r"}`,
    keep: ['{"remote":"https:\\/\\/', ':@github.com']
  },
  {
    // a token as the user, an empty password (git clone https://$TOKEN:@host/...) (found by review)
    kind: 'url-credential',
    secret: fill('0123456789abcdef', 40),
    line: (s) => `git clone https://${s}:@github.com/o/r.git`,
    keep: ['git clone https://', ':@github.com/o/r.git']
  },
  {
    // a base64 password (openssl rand -base64), slash and all, in a JSON config (found by review)
    kind: 'database-connection-string',
    secret: 'Zx9/Qw8k+LmN0p=',
    line: (s) => `{"DATABASE_URL": "postgres://app:${s}@db:5432/app"}`,
    keep: ['postgres://app:', '@db:5432/app']
  },
  {
    // a database password with characters a URL would not hold (found by review)
    kind: 'database-connection-string',
    secret: 'Fake#Db?Pa55',
    line: (s) => `connecting to postgres://app:${s}@db.internal:5432/app`,
    keep: ['postgres://app:', '@db.internal:5432/app']
  },
  {
    // slashes JSON-escaped, as PHP and Jackson write them (found by review)
    kind: 'url-credential',
    secret: 'Fake-Json-Pa55',
    line: (s) => `{"remote":"https:\\/\\/deploy:${s}@git.example.com\\/r"}`,
    keep: ['https:\\/\\/deploy:', '@git.example.com']
  },
  {
    // a token as the user of a percent-encoded URL (found by review)
    kind: 'url-credential',
    secret: fill('q7Tk9ZmL2wP4rV8y', 24),
    line: (s) => `redirect to /login?next=https%3A%2F%2F${s}%40github.com%2Fo%2Fr`,
    keep: ['next=https%3A%2F%2F', '%40github.com%2Fo%2Fr']
  },
  {
    // a placeholder for the host, as workflow and compose files write one (found by review)
    kind: 'url-credential',
    secret: 'Fake-Host-Var-Pa55',
    line: (s) => `git remote add mirror https://deploy:${s}@\${MIRROR_HOST}/r.git`,
    keep: ['https://deploy:', '@${MIRROR_HOST}/r.git']
  },
  {
    kind: 'database-connection-string',
    secret: 'Fake#Db-Host-Pa55',
    line: (s) => `connecting to postgres://app:${s}@$DB_HOST:5432/app`,
    keep: ['postgres://app:', '@$DB_HOST:5432/app']
  },
  {
    // right after a JSON escape, as JSON.stringify quotes a value with a line break (found by review)
    kind: 'url-credential',
    secret: fill('Zk4mQ8wT1pL6', 30),
    line: (s) => `(got "line1\\nhttps://${s}@github.com/o")`,
    keep: ['(got "line1\\nhttps://', '@github.com/o")']
  },
  {
    // a password that looks like a cmd.exe variable but is not written as one: no placeholder (found by review)
    kind: 'url-credential',
    secret: '%Winter2024x%',
    line: (s) => `connecting to https://app:${s}@db.example.com/x`,
    keep: ['https://app:', '@db.example.com/x']
  },
  {
    // a key in capitals and digits between percent signs is no cmd.exe variable (found by review)
    kind: 'url-credential',
    secret: '%K9X2_Q7ZP4M8W3%',
    line: (s) => `connecting to https://app:${s}@db.example.com/y`,
    keep: ['https://app:', '@db.example.com/y']
  },
  {
    // a shell default, the URL after `:-` (found by review: a start after `-` was lost)
    kind: 'url-credential',
    secret: 'Fake-Default-Pa55',
    line: (s) =>
      `git clone \${REPO_URL:-https://deploy:${s}@git.example.com/o/r.git} 1.https://ci:${s}@h.example.com`,
    count: 2,
    keep: ['${REPO_URL:-https://deploy:', '@git.example.com/o/r.git} 1.https://ci:', '@h.example.com']
  },
  {
    // glued to an ANSI colour code or a digit (found by review)
    kind: 'url-credential',
    secret: 'Fake-Ansi-Pa55',
    line: (s) => `\x1b[32mhttps://deploy:${s}@git.example.com\x1b[0m 2https://ci:${s}@h.example.com`,
    count: 2,
    keep: ['\x1b[32mhttps://deploy:', '@git.example.com\x1b[0m 2https://ci:', '@h.example.com']
  }
]

/** Every 8-character piece of `part` is gone from `text`. */
function expectNoFragment(text: string, part: string): void {
  const leaked: string[] = []
  for (let i = 0; i + 8 <= part.length; i++) {
    const piece = part.slice(i, i + 8)
    if (text.includes(piece)) leaked.push(piece)
  }
  expect(leaked).toEqual([])
}

describe('createRedactor: planted secrets in suite output', () => {
  const redactor = createRedactor({ secrets: [] })

  it('covers at least 15 kinds', () => {
    expect(new Set(PLANTS.map((p) => p.kind)).size).toBeGreaterThanOrEqual(15)
  })

  it.each(PLANTS.map((p) => [`${p.kind}: ${p.secret.slice(0, 12)}...`, p] as const))(
    '%s',
    async (_name, plant) => {
      const log = suiteLog(plant.line(plant.secret))
      const count = plant.count ?? 1
      const out = await redactor.redact(log)
      expect(out.text).not.toContain(plant.secret)
      expectNoFragment(out.text, plant.secretPart ?? plant.secret)
      expect(out.kinds).toEqual({ [plant.kind]: count })
      expect(out.count).toBe(count)
      expect(out.text.split(`[REDACTED:${plant.kind}]`).length - 1).toBe(count)
      for (const kept of plant.keep ?? []) expect(out.text).toContain(kept)
      // the rest of the log is untouched
      expect(out.text.startsWith(CARGO_HEAD.join('\n'))).toBe(true)
      expect(out.text.endsWith([...CARGO_TAIL, ...NPM_LINES, ''].join('\n'))).toBe(true)
    }
  )

  it.each(PLANTS.map((p) => [`${p.kind}: ${p.secret.slice(0, 12)}...`, p] as const))(
    'without secretlint too (the redaction of findings and identities): %s (found by review: an Anthropic key passed)',
    (_name, plant) => {
      const text = textRedactor([])(plant.line(plant.secret))
      expect(text).not.toContain(plant.secret)
      expectNoFragment(text, plant.secretPart ?? plant.secret)
    }
  )

  it('redacts every plant at once, and redacting the result again changes nothing', async () => {
    const log = PLANTS.map((p) => suiteLog(p.line(p.secret))).join('\n')
    const once = await redactor.redact(log)
    const expected: Record<string, number> = {}
    for (const p of PLANTS) expected[p.kind] = (expected[p.kind] ?? 0) + (p.count ?? 1)
    expect(once.kinds).toEqual(expected)
    expect(once.count).toBe(PLANTS.reduce((n, p) => n + (p.count ?? 1), 0))
    for (const p of PLANTS) expectNoFragment(once.text, p.secretPart ?? p.secret)
    const twice = await redactor.redact(once.text)
    expect(twice).toEqual({ text: once.text, count: 0, kinds: {} })
  })
})

describe('createRedactor: text without secrets', () => {
  it('returns it byte-identical with count 0 (SHAs and SHA-256 digests stay: the evidence needs them)', async () => {
    const out = await createRedactor({ secrets: [] }).redact(CLEAN)
    expect(out).toEqual({ text: CLEAN, count: 0, kinds: {} })
  })

  it('returns the empty string as it is', async () => {
    expect(await createRedactor({ secrets: ['known-value'] }).redact('')).toEqual({
      text: '',
      count: 0,
      kinds: {}
    })
  })
})

describe('createRedactor: known secrets', () => {
  const secret = 'Fake Known/Secret+Value 42'

  it('removes the value raw, URL-encoded, JSON-escaped and base64-encoded, however a payload aligns it', async () => {
    const lines = [
      `echo ${secret}`,
      `GET /hook?sig=${encodeURIComponent(secret)} 200`,
      `form body: q=${encodeURIComponent(secret).replace(/%20/g, '+')}`,
      `{"blob":"${b64(secret)}"}`,
      `{"blob":"${Buffer.from(secret).toString('base64url')}"}`,
      `{"blob":"${b64('x:' + secret + ':y')}"}`,
      `{"blob":"${b64('xy:' + secret)}"}`,
      `{"blob":"${b64('xyz:' + secret + '!')}"}`
    ]
    const out = await createRedactor({ secrets: [secret] }).redact(suiteLog(lines.join('\n')))
    expect(out.kinds).toEqual({ 'known-secret': lines.length })
    expect(out.count).toBe(lines.length)
    expectNoFragment(out.text, secret)
    expectNoFragment(out.text, encodeURIComponent(secret))
    // what is left of a base64 payload around the replacement decodes to no piece of the secret
    for (const run of out.text.match(/[A-Za-z0-9+/_-]{4,}/g) ?? []) {
      const decoded = Buffer.from(run, 'base64').toString('latin1')
      for (let i = 0; i + 4 <= secret.length; i++) expect(decoded).not.toContain(secret.slice(i, i + 4))
    }
  })

  it('takes precedence over the scanners, and ignores values shorter than 4 characters', async () => {
    const token = 'gh' + 'p_' + fill('FakeKnownGh0', 36)
    const out = await createRedactor({ secrets: [token, 'ok', 'abc', ''] }).redact(
      `token ${token} is ok; abc`
    )
    expect(out).toEqual({
      text: 'token [REDACTED:known-secret] is ok; abc',
      count: 1,
      kinds: { 'known-secret': 1 }
    })
  })

  it('removes each long line of a multi-line secret, and overlapping occurrences as one', async () => {
    const key = pem('RSA' + PRIVATE)
    const reindented = key.replace(/\n/g, '\n    ')
    const out = await createRedactor({ secrets: [key, 'abab'] }).redact(`key:\n    ${reindented}\nxababab`)
    expectNoFragment(out.text, PEM_BODY)
    expect(out.text).not.toContain('abab')
    expect(out.kinds['known-secret']).toBeGreaterThan(0)
  })

  it('leaves a value that looks like a replacement alone', async () => {
    const r = createRedactor({ secrets: ['REDACTED', 'known-secret'] })
    const once = await r.redact('a REDACTED b known-secret c')
    expect(once.text).toBe('a [REDACTED:known-secret] b [REDACTED:known-secret] c')
    expect(await r.redact(once.text)).toEqual({ text: once.text, count: 0, kinds: {} })
  })
})

describe('createRedactor: cut and odd input', () => {
  const redactor = createRedactor({ secrets: [] })

  it('takes the key lines after a BEGIN whose END was cut away, and before an END whose BEGIN was', async () => {
    const lines = PEM_BODY.split('\n')
    const head = `-----BEGIN RSA${PRIVATE}-----\n${lines[0]}\n${lines[1]}\n... [1048576 bytes omitted] ...`
    const tail = `${lines[2]}\n${lines[3]}\n-----END RSA${PRIVATE}-----\ntest result: ok.`
    const out = await redactor.redact(`${head}\nmiddle line\n... [omitted] ...\n${tail}`)
    expectNoFragment(out.text, PEM_BODY)
    expect(out.text).toBe(
      '[REDACTED:private-key]\n... [1048576 bytes omitted] ...\nmiddle line\n... [omitted] ...\n[REDACTED:private-key]\ntest result: ok.'
    )
    expect(out.kinds).toEqual({ 'private-key': 2 })
  })

  it('finds a token right after a JSON escape or an ANSI colour code', async () => {
    const token = 'gh' + 'p_' + fill('FakeEscaped0', 36)
    const key = 'AK' + 'IA' + 'FAKEKEY0TEST0003'
    const out = await redactor.redact(
      `{"log":"line\\n${token}\\t${key}\\n${JWT}"} \x1b[31m${key}\x1b[0m \x1b[2m${JWT}\x1b[0m`
    )
    expect(out.text).toBe(
      '{"log":"line\\n[REDACTED:github-token]\\t[REDACTED:aws-access-key-id]\\n[REDACTED:jwt]"} ' +
        '\x1b[31m[REDACTED:aws-access-key-id]\x1b[0m \x1b[2m[REDACTED:jwt]\x1b[0m'
    )
  })

  it.each([
    ['NUL and control bytes', '\u0000\u0001\u0002password=\u0000\u0007 \u001b[0m\u007f'],
    ['lone surrogates', '\ud800 token=\udfff\ud800abcdef \udc00'],
    ['a byte-order mark', '\ufeffAuthorization: Bearer ' + fill('FakeBomToken0', 30)],
    [
      'random bytes as latin1',
      Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 7919) % 256)).toString('latin1')
    ],
    ['a 2 MB line of one character', 'A'.repeat(2 * 1024 * 1024)],
    ['a run of JWT starts', 'eyJ'.repeat(200000)],
    ['a run of key markers', `-----BEGIN${PRIVATE}-----\n`.repeat(20000)]
  ])('never throws on %s', async (_what, text) => {
    const errors: unknown[] = []
    const r = createRedactor({
      secrets: ['\ud800\udfffab', 'Fake Known'],
      onScannerError: (e) => errors.push(e)
    })
    const out: Redaction = await r.redact(text)
    expect(errors).toEqual([])
    expect(typeof out.text).toBe('string')
    expect(out.count).toBe(Object.values(out.kinds).reduce((a, b) => a + b, 0))
    expect(await r.redact(out.text)).toEqual({ text: out.text, count: 0, kinds: {} })
  })

  it('a BOM does not shift where a secretlint finding is replaced', async () => {
    const key = 'sk-' + 'ant-' + 'api03-' + fill('FakeClaudeApiKey1', 93) + 'AA'
    const out = await redactor.redact(`\ufeffkey ${key} end`)
    expect(out.text).toBe('\ufeffkey [REDACTED:anthropic-api-key] end')
  })

  it('finishes a 10 MB log with a few secrets in it', async () => {
    const token = 'gh' + 's_' + fill('FakeBigLog0', 36)
    const known = 'Fake-Known-Big-Value'
    const chunk = suiteLog('') + CLEAN
    const n = Math.ceil((10 * 1024 * 1024) / chunk.length)
    const at = new Set([0, 1, 2, 3, 4].map((k) => Math.floor((n * k) / 5) + 1))
    const parts = Array.from({ length: n }, (_, i) =>
      at.has(i) ? `${chunk}token ${token} ${known}\n` : chunk
    )
    const log = parts.join('')
    const out = await createRedactor({ secrets: [known] }).redact(log)
    expect(log.length).toBeGreaterThan(10 * 1024 * 1024)
    expect(out.kinds).toEqual({ 'github-token': 5, 'known-secret': 5 })
    expect(out.text).not.toContain(token)
    expect(out.text).not.toContain(known)
  })
})

describe('textRedactor: connection strings without a password', () => {
  it('leaves them whole, however far the next @ on the line (found by review; secretlint has its own view of these)', () => {
    for (const line of [
      '{"db":"postgres://db","user":"deploy@corp.com"}',
      'postgres://[::1]/mk?application_name=mk@v0.6.0',
      'postgres://db:5432?user=a@b.c',
      '{"url":"redis://localhost:6379","pkg":"@acme/api"}',
      'mysql://db:3306/app?x=1&email=a@b.c',
      // a placeholder host after a plain user (found by review: the host lookahead now takes `$`, `<`, `{`, `%`)
      'mailto:ops@$DOMAIN https://example.com/@${ORG}',
      // a scheme glued to a digit or an escape, with no credentials
      '2https://h.example.com:8443/api?x=1 \\nhttps://h.example.com/a@b',
      // format strings' directives are no secrets (found by review: the placeholder host took them for some)
      'fmt.Sprintf("postgres://%s:%s@%s/%s", u, p, h, d)',
      "'https://%(user)s:%(password)s@%(host)s/'",
      'set URL=https://%USER%:%PASS%@%HOST%/x'
    ])
      expect(textRedactor([])(line)).toBe(line)
  })

  it("takes the token as well as GitHub's placeholder from a percent-encoded URL (found by review: the placeholder alone was taken, and the output looked clean)", () => {
    const token = 'q7Tk9ZmL2wP4rV8yQ7tK9zMl'
    const out = textRedactor([])(`next=https%3A%2F%2F${token}%3Ax-oauth-basic%40github.com%2Fo`)
    expect(out).not.toContain(token)
    expect(out).toBe(
      'next=https%3A%2F%2F[REDACTED:url-credential]%3A[REDACTED:url-credential]%40github.com%2Fo'
    )
  })
})

describe('secretsFromEnv', () => {
  it('takes the named variables and every variable whose name says it is secret, but not plain settings', () => {
    const env = {
      INPUT_GITHUB_TOKEN: 'Fake-Input-Token-1',
      MY_CUSTOM_VALUE: 'Fake-Named-Value-2',
      DEPLOY_PASSWORD: ' Fake-Pa55 ',
      npm_config_secret: 'Fake-Npm-Secret-3',
      PRODUCER_PRIVATE_KEY: 'Fake-Key-4',
      MAPS_API_KEY: 'Fake-Api-Key-5',
      TOKENIZERS_PARALLELISM: 'false',
      TOKEN_TTL: '3600',
      SECRETS_DIR: '/run/secrets',
      SHORT_TOKEN: 'abc',
      HOME: '/home/runner',
      PATH: '/usr/bin:/bin',
      EMPTY_SECRET: ''
    }
    expect(secretsFromEnv(env, ['MY_CUSTOM_VALUE', 'MISSING', 'HOME'])).toEqual([
      'Fake-Named-Value-2',
      '/home/runner',
      ' Fake-Pa55 ',
      'Fake-Pa55',
      'Fake-Input-Token-1',
      'Fake-Api-Key-5',
      'Fake-Key-4',
      'Fake-Npm-Secret-3'
    ])
  })

  it("takes the names the assignment detector takes for secrets, not the shell's directory (found by review)", () => {
    const env = {
      DB_PASS: 'Fake-Db-Pass-1',
      MYSQL_PWD: 'Fake-Mysql-Pwd-2',
      SIGNING_KEY: 'Fake-Signing-3',
      GCP_CREDENTIALS: 'Fake-Gcp-Creds-4',
      NPM_AUTH: 'Fake-Npm-Auth-5',
      GPG_PASSPHRASE: 'Fake-Passphrase-6',
      PWD: 'relative dir',
      OLDPWD: 'another dir',
      PASSENGER_NAME: 'Ada Lovelace',
      SSH_AUTH_SOCK: 'agent.sock',
      GCM_CREDENTIAL_STORE: 'cache',
      GIT_CREDENTIAL_HELPER: 'store',
      HTTP_PROXY_BYPASS: 'localhost',
      COMPASS_MODE: 'north-up',
      AWS_CREDENTIAL_EXPIRATION: '2026-12-06T00:00:00Z'
    }
    expect(secretsFromEnv(env, []).sort()).toEqual(
      [
        'Fake-Db-Pass-1',
        'Fake-Mysql-Pwd-2',
        'Fake-Signing-3',
        'Fake-Gcp-Creds-4',
        'Fake-Npm-Auth-5',
        'Fake-Passphrase-6'
      ].sort()
    )
  })

  it('lists a value once', () => {
    expect(secretsFromEnv({ A_TOKEN: 'Fake-Same-1', B_TOKEN: 'Fake-Same-1' }, ['A_TOKEN'])).toEqual([
      'Fake-Same-1'
    ])
  })
})

describe('textRedactor: the texts it remembers', () => {
  it('answers a text it has seen as a fresh redactor would, in any order, short and long, clean and secret', () => {
    const secret = `Fake-Known-${fill('Zq9', 20)}`
    const token = `ghp_${fill('FakeToken0', 36)}`
    const text = fc.oneof(
      fc.constantFrom('v0.4.0', 'current', secret, `x ${secret} y`, `token ${token}`, ''),
      fc.string({ maxLength: 40 }),
      fc.string({ minLength: 250, maxLength: 300 }).map((s) => `${s}${token}`)
    )
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), (texts) => {
        const remembering = textRedactor([secret])
        for (const t of [...texts, ...texts]) expect(remembering(t)).toBe(textRedactor([secret])(t))
      }),
      { numRuns: 200 }
    )
    const redact = textRedactor([secret])
    expect(redact(`a ${secret}`)).not.toContain(secret)
    expect(redact(`a ${secret}`)).not.toContain(secret)
    expect(redact(`token ${token}`)).not.toContain(token)
  })
})
