// Every action.yml held to the registry of inputs and outputs (src/actions/shared/io.ts): the same names, required
// flags and defaults; every input read, by the script (through its step's env:) or by the composite's YAML; every
// output declared. The umbrella ./action.yml is their union, with `operation` to choose the script.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { readHealthInputs, readPromotionInputs, readRollbackInputs } from '../../src/actions/shared/inputs.js'
import { ACTION_IO } from '../../src/actions/shared/io.js'
import { readRepinInputs } from '../../src/actions/shared/repin-inputs.js'
import type { ActionName, InputSpec } from '../../src/actions/shared/io.js'
import { REPO_ROOT } from '../helpers/fixture.js'

interface Step {
  id?: string
  run?: string
  env?: Record<string, string>
}
interface ActionYml {
  inputs: Record<string, { required?: boolean; default?: string }>
  outputs: Record<string, { value: string }>
  runs: { steps: Step[] }
}

const ACTIONS = Object.keys(ACTION_IO) as ActionName[]
const READERS = {
  health: readHealthInputs,
  promotion: readPromotionInputs,
  rollback: readRollbackInputs,
  repin: readRepinInputs
}

const actionYml = (file: string): ActionYml => parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as ActionYml
const inputsOf = (a: ActionName): Record<string, InputSpec> => ACTION_IO[a].inputs
const sorted = (names: Iterable<string>): string[] => [...names].sort()
/** The inputs the script of `a` reads (the registry's, the composite's own excepted). */
const scriptInputs = (a: ActionName): string[] =>
  sorted(Object.entries(inputsOf(a)).flatMap(([name, spec]) => (spec.composite ? [] : [name])))

/** The step that runs the bundle, and its INPUT_* variables by input name. */
function scriptStep(action: ActionYml): { step: Step; env: Record<string, string> } {
  const step = action.runs.steps.find((s) => s.run?.includes('node "$GITHUB_ACTION_PATH'))!
  const env = Object.fromEntries(
    Object.entries(step.env ?? {}).flatMap(([k, v]) =>
      k.startsWith('INPUT_') ? [[k.slice('INPUT_'.length).toLowerCase(), v]] : []
    )
  )
  return { step, env }
}

/** The inputs a reader asks for, each given a value it accepts: the default, or for a required one a sample. */
function inputsRead(a: ActionName): string[] {
  const asked = new Set<string>()
  const sample: Record<string, string> = {
    trigger: 'contract-drift',
    reason: 'the producer broke its contract',
    tag: 'v1.2.3'
  }
  READERS[a](
    (name: string) => {
      asked.add(name)
      return sample[name] ?? inputsOf(a)[name]?.default ?? ''
    },
    { GITHUB_WORKSPACE: '/workspace', GITHUB_REF: 'refs/heads/main' }
  )
  return sorted(asked)
}

describe.each(ACTIONS)('actions/%s/action.yml', (a) => {
  const action = actionYml(`actions/${a}/action.yml`)
  const io = ACTION_IO[a]

  it('declares the inputs of the registry, with its required flags and defaults', () => {
    expect(sorted(Object.keys(action.inputs))).toEqual(sorted(Object.keys(io.inputs)))
    for (const [name, spec] of Object.entries(inputsOf(a))) {
      expect([name, action.inputs[name]?.required ?? false, action.inputs[name]?.default]).toEqual([
        name,
        spec.required,
        spec.default
      ])
    }
  })

  it('has its script read every input but the composite’s own: none is declared and then ignored', () => {
    expect(inputsRead(a)).toEqual(scriptInputs(a))
  })

  it('hands the script exactly those inputs, each through env: as INPUT_<NAME>', () => {
    const { env } = scriptStep(action)
    expect(sorted(Object.keys(env))).toEqual(scriptInputs(a))
    for (const [name, value] of Object.entries(env)) expect(value).toBe(`\${{ inputs.${name} }}`)
  })

  it('reads each of the composite’s own inputs in one of its steps', () => {
    const others = JSON.stringify(action.runs.steps.filter((s) => s !== scriptStep(action).step))
    for (const [name, spec] of Object.entries(inputsOf(a)))
      if (spec.composite) expect(others).toContain(`inputs.${name}`)
  })

  it('declares the outputs of the registry; the step outputs only its own steps read are not declared', () => {
    expect(sorted(Object.keys(action.outputs))).toEqual(sorted(io.outputs))
    const { step } = scriptStep(action)
    const others = JSON.stringify(action.runs.steps.filter((s) => s !== step))
    for (const name of io.stepOutputs) {
      expect(action.outputs[name]).toBeUndefined()
      expect(others).toContain(`steps.${step.id}.outputs.${name}`)
    }
  })
})

describe('the umbrella ./action.yml', () => {
  const action = actionYml('action.yml')
  const union = new Map<string, InputSpec>()
  for (const a of ACTIONS) for (const [name, spec] of Object.entries(inputsOf(a))) union.set(name, spec)

  it('gives an input the actions share the same default in each', () => {
    for (const a of ACTIONS)
      for (const [name, spec] of Object.entries(inputsOf(a)))
        expect([name, spec.default]).toEqual([name, union.get(name)!.default])
  })

  it('declares every action’s inputs and `operation`, none required (a required one of an action defaults to "")', () => {
    expect(sorted(Object.keys(action.inputs))).toEqual(sorted(['operation', ...union.keys()]))
    expect(action.inputs.operation).toMatchObject({ required: false, default: 'health' })
    for (const [name, spec] of union)
      expect([name, action.inputs[name]?.required, action.inputs[name]?.default]).toEqual([
        name,
        false,
        spec.default ?? ''
      ])
  })

  it('hands its script every input through env: (the script dispatches on INPUT_OPERATION)', () => {
    const step = action.runs.steps.find((s) => s.id === 'run')!
    expect(step.run).toContain('case "$INPUT_OPERATION" in')
    const env = Object.keys(step.env ?? {}).filter((k) => k.startsWith('INPUT_'))
    expect(sorted(env)).toEqual(sorted(Object.keys(action.inputs).map((n) => `INPUT_${n.toUpperCase()}`)))
    for (const name of Object.keys(action.inputs))
      expect(step.env![`INPUT_${name.toUpperCase()}`]).toBe(`\${{ inputs.${name} }}`)
  })

  it('declares every action’s outputs', () => {
    expect(sorted(Object.keys(action.outputs))).toEqual(
      sorted(new Set(ACTIONS.flatMap((a) => ACTION_IO[a].outputs)))
    )
  })
})
