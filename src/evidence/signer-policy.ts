// Who must have signed a certificate-signed bundle of the evidence: the CLI's options, without the Sigstore
// libraries (which only verify-evidence --bundle loads).

/** GitHub Actions' OIDC issuer: who vouched for the workflow identity of a certificate GitHub's runners get. */
export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com'

/** Who must have signed a certificate-signed bundle. */
export interface SignerPolicy {
  /** The certificate's identity (SAN): exactly this, or a pattern the whole of it must match. */
  identity: { exact: string } | { pattern: string }
  /** The OIDC issuer the certificate must name (Fulcio's issuer extension). */
  issuer: string
}

/** Why a --cert-identity-regex cannot be used (it does not compile); null when it can. */
export function identityPatternProblem(pattern: string): string | null {
  try {
    new RegExp(`^(?:${pattern})$`)
    return null
  } catch (e) {
    return `not a regular expression: ${(e as Error).message}`
  }
}
