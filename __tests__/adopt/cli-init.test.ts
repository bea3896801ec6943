// Acceptance: `baseline-gate init` through the BUILT command line (dist/cli/index.js, `npm run build`) on the
// legacy consumer repository: exit codes, the report a person reads, the --json document.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { requireBuiltCli, runCli, STACK_LINE } from '../helpers/cli-run.js'
import { cleanupFixtures, POLICY, tempDir } from '../helpers/fixture.js'
import { LEGACY_ADAPTER, LEGACY_DEFAULT_PATHS, legacyRepository } from '../helpers/legacy-repo.js'

beforeAll(requireBuiltCli)
afterAll(cleanupFixtures)

describe('baseline-gate init (built)', () => {
  const legacy = legacyRepository()
  // run from elsewhere: --root names the repository
  const elsewhere = tempDir('bg-cli-cwd-')

  it('writes the policy: exit 0, the adapter it found and what it could not decide', () => {
    const r = runCli(['init', '--root', legacy.root], elsewhere)
    expect([r.status, r.stderr]).toEqual([0, ''])
    expect(r.stdout).toContain(`adapter.file  ${LEGACY_ADAPTER}`)
    expect(r.stdout).toContain('names 3 of the 4 producer endpoints')
    expect(r.stdout).toContain('Could not decide')
    expect(r.stdout).toMatch(/its sources never mention --bind/)
    expect(r.stdout).toMatch(/no CODEOWNERS/)
    expect(r.stdout).toContain(`Wrote ${POLICY}`)
    expect(r.stdout).toMatch(/baseline-gate migrate/)
    expect(r.stdout).not.toContain('\u001b[') // NO_COLOR
    // run from elsewhere: every path as the root has it, and a line that says so
    expect(r.stdout).toContain(`1. review ${POLICY}: every value`)
    expect(r.stdout).toContain(
      `(files here are relative to the repository root, ${legacy.root}, where the policy goes; init looked for the consumer from this directory, and the commands below run from here as well)`
    )
    // from a subdirectory of the repository: the same (the policy and the pin on one base)
    const sub = runCli(['init', '--force'], join(legacy.root, 'docs'))
    expect(sub.stdout).toContain(`1. review ${POLICY}: every value`)
    expect(sub.stdout).toContain(`2. npx --no baseline-gate migrate: ${LEGACY_DEFAULT_PATHS.pin} has no`)
    expect(sub.stdout).toContain(
      `relative to the repository root, ${legacy.root}, where the policy goes; init looked for the consumer from this directory`
    )
  })

  it('--dry-run --json: exactly one JSON object with stable keys, the policy that was written', () => {
    const r = runCli(['init', '--dry-run', '--json', '--root', legacy.root], elsewhere)
    expect(r.status).toBe(0)
    const doc = JSON.parse(r.stdout) as Record<string, unknown>
    expect(Object.keys(doc)).toEqual([
      'policy_path',
      'written',
      'dry_run',
      'existed',
      'policy',
      'found',
      'undecided',
      'notes',
      'next_steps'
    ])
    expect(doc).toMatchObject({ policy_path: POLICY, written: false, dry_run: true, existed: true })
    expect(doc.policy).toEqual(JSON.parse(readFileSync(join(legacy.root, POLICY), 'utf8')))
    const undecided = doc.undecided as { field: string; todo: string }[]
    expect(undecided.map((u) => u.field)).toEqual(expect.arrayContaining(['producer.start', 'owners']))
    expect(undecided.every((u) => typeof u.todo === 'string' && u.todo.length > 0)).toBe(true)
  })

  it('refuses to overwrite without --force: exit 2, one line, no stack trace, the file untouched', () => {
    const before = readFileSync(join(legacy.root, POLICY))
    const r = runCli(['init', '--root', legacy.root], elsewhere)
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(
      /^baseline-gate: config\/baseline-policy\.json already exists; --force overwrites it, --dry-run shows/
    )
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).not.toMatch(STACK_LINE)
    expect(readFileSync(join(legacy.root, POLICY)).equals(before)).toBe(true)
  })

  it('outside a git repository: one line that says what to do', () => {
    const r = runCli(['init', '--root', elsewhere], elsewhere)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/not inside a git repository/)
    expect(r.stderr).not.toMatch(STACK_LINE)
  })
})
