// The SARIF surface of an operation's result (code scanning), for the command line's --sarif and the actions'
// `sarif` output: the same findings every other surface shows, rendered by src/evidence/sarif.ts. Pure.
import { relative, resolve, sep } from 'node:path'
import type { OperationResult } from '../operations/context.js'
import type { BaselinePolicy } from '../policy/types.js'
import { rulesDocUrl, sarifFileName, sarifText } from '../evidence/sarif.js'
import { TOOL_VERSION } from '../version.js'

export interface SarifSurface {
  /** The file name beside the packets: `<operation>-<baseline>.sarif`, or `<operation>.sarif` for several. */
  name: string
  text: string
}

export function sarifOf(
  result: OperationResult,
  policy: readonly BaselinePolicy[],
  o: { root: string; prefix: string; rulesDoc: string | null }
): SarifSurface {
  const pinOf = new Map(policy.map((b) => [b.name, b.trio.pin]))
  const names = result.baselines.map((b) => b.name)
  return {
    name: sarifFileName(result.operation, names),
    text: sarifText({
      operation: result.operation,
      baselines: result.baselines.map((b) => ({
        name: b.name,
        pin: pinOf.get(b.name) ?? 'config/baseline-policy.json',
        findings: b.findings
      })),
      toolVersion: TOOL_VERSION,
      prefix: o.prefix,
      root: o.root,
      rulesDoc: o.rulesDoc
    })
  }
}

/** The root below the top of the checkout, with forward slashes ('' at the top, or when outside it). */
export function checkoutPrefix(top: string, root: string): string {
  const rel = relative(top, root)
  if (rel === '' || rel.startsWith('..') || resolve(top, rel) !== resolve(root)) return ''
  return rel.split(sep).join('/')
}

/**
 * docs/rules.md of the tool's own repository, from the environment of an action's step: the runner checks a
 * remote action out at `<runner>/_actions/<owner>/<repo>/<ref>/`; an action of the checkout itself
 * (`uses: ./actions/health`) lies inside the workspace, its docs at the commit judged. Null otherwise.
 */
export function actionRulesDoc(env: NodeJS.ProcessEnv): string | null {
  const actionPath = (env.GITHUB_ACTION_PATH ?? '').split('\\').join('/').replace(/\/+$/, '')
  // actions/<name> sits two levels below the repository's top; the umbrella action.yml at the top itself
  const top = /\/actions\/[\w-]+$/.test(actionPath) ? resolve(actionPath, '../..') : actionPath
  const remote = /\/_actions\/([\w.-]+)\/([\w.-]+)\/([\w.-]+)(?:\/actions\/[\w-]+)?$/.exec(actionPath)
  const workspace = env.GITHUB_WORKSPACE ?? ''
  const docs = actionPath && workspace ? relative(workspace, resolve(top, 'docs/rules.md')) : ''
  return rulesDocUrl({
    server: env.GITHUB_SERVER_URL,
    actionRepository: remote ? `${remote[1]}/${remote[2]}` : env.GITHUB_ACTION_REPOSITORY,
    actionRef: remote ? remote[3] : env.GITHUB_ACTION_REF,
    repository: env.GITHUB_REPOSITORY,
    sha: env.GITHUB_SHA,
    localDocs: docs && !docs.startsWith('..') ? docs.split(sep).join('/') : null
  })
}
