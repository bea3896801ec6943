// Contract test over every action.yml: inputs reach scripts only through env:, no expression inside a run:,
// every run step names its shell, every uses: is pinned to a commit SHA, every output maps to a real step.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { REPO_ROOT } from './helpers/fixture.js'

interface Step {
  id?: string
  name?: string
  if?: string
  run?: string
  shell?: string
  uses?: string
  env?: Record<string, string>
  with?: Record<string, string>
}
interface ActionYml {
  name: string
  description: string
  inputs: Record<string, { description: string; default?: string; required?: boolean }>
  outputs: Record<string, { description: string; value: string }>
  runs: { using: string; steps: Step[] }
}

const ACTIONS = ['action.yml', 'actions/health/action.yml']

describe.each(ACTIONS)('%s', (file) => {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8')
  const action = parse(text) as ActionYml
  const steps = action.runs.steps

  it('is a composite action with a name and a description', () => {
    expect(action.runs.using).toBe('composite')
    expect(action.name).toBeTruthy()
    expect(action.description).toBeTruthy()
  })

  it('documents every input and output', () => {
    for (const input of Object.values(action.inputs)) expect(input.description).toBeTruthy()
    for (const output of Object.values(action.outputs)) expect(output.description).toBeTruthy()
  })

  it('never puts an expression inside a run: script', () => {
    for (const step of steps.filter((s) => s.run !== undefined)) expect(step.run).not.toContain('${{')
  })

  it('names the shell of every run step and uses $GITHUB_ACTION_PATH, not github.action_path', () => {
    for (const step of steps.filter((s) => s.run !== undefined)) expect(step.shell).toBe('bash')
    expect(text).not.toContain('github.action_path')
  })

  it('forwards every input used by a script through env: as INPUT_<NAME>', () => {
    const forwarded = new Map<string, string>()
    for (const step of steps) {
      for (const [k, v] of Object.entries(step.env ?? {})) forwarded.set(k, v)
    }
    for (const name of Object.keys(action.inputs)) {
      const usedInConditions = steps.some((s) => s.if?.includes(`inputs.${name}`))
      if (usedInConditions && !forwarded.has(`INPUT_${name.toUpperCase()}`)) continue
      expect(forwarded.get(`INPUT_${name.toUpperCase()}`)).toBe(`\${{ inputs.${name} }}`)
    }
  })

  it('pins every uses: to a full commit SHA with a version comment', () => {
    const uses = text.split('\n').filter((l) => /^\s*(-\s*)?uses:/.test(l))
    expect(uses.length).toBeGreaterThan(0)
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/)
  })

  it('maps every output to an output of a step that exists', () => {
    const ids = new Set(steps.map((s) => s.id).filter(Boolean))
    for (const [name, output] of Object.entries(action.outputs)) {
      const m = /^\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(output.value)
      expect(m).not.toBeNull()
      expect(ids.has(m![1]!)).toBe(true)
      expect(m![2]).toBe(name)
    }
  })
})

describe('the health entrypoint sets every output the composite declares', () => {
  it('src/actions/health/main.ts calls setOutput for each output of actions/health/action.yml', () => {
    const action = parse(readFileSync(join(REPO_ROOT, 'actions/health/action.yml'), 'utf8')) as ActionYml
    const main = readFileSync(join(REPO_ROOT, 'src/actions/health/main.ts'), 'utf8')
    for (const name of Object.keys(action.outputs)) expect(main).toContain(`core.setOutput('${name}'`)
  })
})
