// The environment given to code from the repository (the producer, later the suites): an allowlist, so
// tokens in the runner's environment (GITHUB_TOKEN, ACTIONS_*) never reach a process a pull request controls.

const KEEP =
  /^(PATH|HOME|USER|LOGNAME|SHELL|LANG|LANGUAGE|LC_[A-Z]+|TZ|TERM|TMPDIR|TEMP|TMP|CI|SOURCE_DATE_EPOCH|CARGO_[A-Z0-9_]+|RUSTUP_[A-Z0-9_]+|RUST_[A-Z0-9_]+|RUSTFLAGS|RUSTDOCFLAGS|CC|CXX|NODE_OPTIONS|NPM_CONFIG_[A-Z0-9_]+|npm_config_[a-z0-9_]+)$/

/**
 * A kept name that still holds a credential: npm's `_auth` and client `key`, cargo's credential providers, any
 * token, secret or password (found by review: NPM_CONFIG__AUTH passed the allowlist).
 */
const CREDENTIAL_NAME = /TOKEN|SECRET|PASS|AUTH|CREDENTIAL|KEY/i
/** A URL with a user name or password in it (a proxy `http://user:pass@proxy:3128`): the value is a credential. */
const USERINFO = /:\/\/[^/\s@]*@/

export function childEnv(env: NodeJS.ProcessEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(env)) {
    if (v !== undefined && KEEP.test(k) && !CREDENTIAL_NAME.test(k) && !USERINFO.test(v)) out[k] = v
  }
  return { ...out, ...extra }
}
