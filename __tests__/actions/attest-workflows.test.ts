// The example workflows attest the evidence (actions/attest) in a job of their own: the gate's in-toto statement
// (the action's `attestation` output) becomes the predicate and the subjects actions/attest signs. The job's shell
// step runs here, as bash with jq, on a statement a real health run wrote.
import { createHash } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { PREDICATE_TYPE } from '../../src/evidence/statement.js'
import {
  cleanupFixtures,
  health,
  MATRIX,
  MIRROR,
  PIN,
  REPO_ROOT,
  tempDir,
  trioFixture
} from '../helpers/fixture.js'

afterAll(cleanupFixtures)

interface Step {
  id?: string
  uses?: string
  run?: string
  env?: Record<string, string>
  with?: Record<string, string | boolean>
}
interface Job {
  needs?: string | string[]
  if?: string
  permissions?: Record<string, string>
  outputs?: Record<string, string>
  steps: Step[]
}

interface Workflow {
  file: string
  gate: string
  step: string
  /** What the attest job's condition requires besides a statement and a repository that allows it. */
  only: string[]
  /** Jobs besides the gate and the statements that must succeed first. */
  alsoNeeds?: string[]
  /** The steps after the gate in its job (none of them runs the change's code). */
  after?: string[]
}

const WORKFLOWS: Workflow[] = [
  {
    file: '.github/workflows/baseline-promotion.yml',
    gate: 'promotion',
    step: 'gate',
    // on pull_request the workflow, the action and the evidence are the pull request's own
    only: ["github.event_name == 'merge_group'"],
    // the suites run in a job of their own: a packet is signed only for a change whose suites passed too
    alsoNeeds: ['suites'],
    // the job runs no suite: the digests of what the attest job takes are taken after the gate
    after: ['digests']
  },
  {
    file: '.github/workflows/baseline-rollback.yml',
    gate: 'rollback',
    step: 'rollback',
    // a dispatch on another branch runs that branch's workflow; a dry run restores nothing
    only: [
      '!inputs.dry-run',
      "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"
    ]
  }
]

describe.each(WORKFLOWS)('$file: the attest job', ({ file, gate, step, only, alsoNeeds, after }) => {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8')
  const jobs = (parse(text) as { jobs: Record<string, Job> }).jobs
  const attest = jobs.attest!

  it('runs after the gate, with the OIDC token and attestations: write only there', () => {
    expect(attest.needs).toEqual([gate, 'statements', ...(alsoNeeds ?? [])])
    expect(attest.permissions).toEqual({ 'id-token': 'write', attestations: 'write' })
    // the gate runs the change's code (suites): it never gets the signing token
    expect(jobs[gate]!.permissions).not.toHaveProperty('id-token')
    expect(jobs[gate]!.outputs).toMatchObject({
      'artifact-name': `\${{ steps.${step}.outputs.artifact-name }}`,
      attestation: `\${{ steps.${step}.outputs.attestation }}`
    })
  })

  it("the gate is the last step of its job: a suite's GITHUB_ENV or GITHUB_PATH reaches no step after it (found by review)", () => {
    const steps = jobs[gate]!.steps
    expect(steps.slice(-1 - (after ?? []).length).map((s) => s.id)).toEqual([step, ...(after ?? [])])
  })

  it('signs only what passed: no always(), so a failed gate or rollback is never attested', () => {
    expect(attest.if).not.toContain('always()')
    expect(attest.if).not.toContain('failure()')
  })

  it("one job per baseline judged: the gate's statements (one path per line) become the matrix's file names", () => {
    // listed in a job of its own, with no token
    const statements = jobs.statements!
    expect([statements.needs, statements.permissions]).toEqual([gate, {}])
    const list = statements.steps.find((s) => s.id === 'list')!
    expect(list.env).toEqual({ STATEMENTS: `\${{ needs.${gate}.outputs.attestation }}` })
    expect((attest as Job & { strategy?: unknown }).strategy).toEqual({
      matrix: { statement: '${{ fromJSON(needs.statements.outputs.names) }}' }
    })
    const dir = tempDir('bg-attest-list-')
    const output = join(dir, 'github-output')
    writeFileSync(output, '')
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', list.run!], {
      env: {
        PATH: process.env.PATH,
        STATEMENTS: '/r/ev/promotion-a.intoto.json\n/r/ev/promotion-b.intoto.json',
        GITHUB_OUTPUT: output
      },
      encoding: 'utf8'
    })
    expect([r.status, r.stderr]).toEqual([0, ''])
    expect(readFileSync(output, 'utf8')).toBe('names=["promotion-a.intoto.json","promotion-b.intoto.json"]\n')
  })

  it('only where the repository allows: public, or opted in (GitHub Enterprise Cloud); never a fork', () => {
    expect(attest.if).toContain("needs.statements.outputs.names != ''")
    expect(attest.if).toContain(
      "github.event.repository.visibility == 'public' || vars.BASELINE_GATE_ATTEST == 'true'"
    )
    for (const condition of only) expect(attest.if).toContain(condition)
  })

  it('attests with actions/attest pinned by a full commit SHA, the predicate type and the statement', () => {
    const uses = attest.steps.find((s) => s.uses?.startsWith('actions/attest@'))!
    expect(uses.uses).toMatch(/^actions\/attest@[0-9a-f]{40}$/)
    expect(text).toMatch(/uses: actions\/attest@[0-9a-f]{40} # v\d+\.\d+\.\d+\n/)
    expect(uses.with).toEqual({
      'subject-checksums': '${{ steps.statement.outputs.subjects }}',
      'predicate-type': PREDICATE_TYPE,
      'predicate-path': '${{ steps.statement.outputs.predicate }}',
      'create-storage-record': false
    })
  })

  it("its shell step turns a real statement into the packet (predicate) and the trio's checksums (subjects)", async () => {
    const fx = trioFixture()
    const result = await health(fx.root)
    const packet = result.baselines[0]!.evidence
    const statement = packet.replace(/\.json$/, '.intoto.json')
    // the artifact, downloaded into another runner's temporary directory; bash as GitHub runs a step's script
    const runnerTemp = tempDir('bg-attest-runner-')
    const evidence = join(runnerTemp, 'evidence')
    mkdirSync(evidence)
    writeFileSync(join(evidence, basename(statement)), readFileSync(statement))
    const output = join(runnerTemp, 'github-output')
    writeFileSync(output, '')
    const run = attest.steps.find((s) => s.id === 'statement')!
    // where the gate's job takes digests, the step checks the statement against them (found by review: the suites
    // job could upload an artifact of the same name in the gate's place)
    const digested = (after ?? []).includes('digests')
    expect(run.env).toEqual({
      EVIDENCE: '${{ runner.temp }}/evidence',
      STATEMENT: '${{ matrix.statement }}',
      ...(digested ? { DIGESTS: `\${{ needs.${gate}.outputs.digests }}` } : {})
    })
    /** The digests the gate's job would give for the statement as it is now. */
    const digestsNow = () =>
      JSON.stringify({
        [basename(statement)]: createHash('sha256')
          .update(readFileSync(join(evidence, basename(statement))))
          .digest('hex')
      })
    // bash as GitHub runs a step's script, on the downloaded artifact
    const step = (digests = digestsNow()) =>
      spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', run.run!], {
        env: {
          PATH: process.env.PATH,
          EVIDENCE: evidence,
          STATEMENT: basename(statement),
          RUNNER_TEMP: runnerTemp,
          GITHUB_OUTPUT: output,
          ...(digested ? { DIGESTS: digests } : {})
        },
        encoding: 'utf8'
      })
    const gateWrote = digestsNow()
    const r = step()
    expect([r.status, r.stderr]).toEqual([0, ''])
    const outputs = Object.fromEntries(
      readFileSync(output, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split('=') as [string, string])
    )
    expect(JSON.parse(readFileSync(outputs.predicate!, 'utf8'))).toEqual(
      JSON.parse(readFileSync(packet, 'utf8'))
    )
    const trio = (JSON.parse(readFileSync(packet, 'utf8')) as { trio: Record<string, { sha256: string }> })
      .trio
    expect(readFileSync(outputs.subjects!, 'utf8')).toBe(
      `${trio.pin!.sha256}  ${PIN}\n${trio.manifest!.sha256}  ${MIRROR}\n${trio.matrix!.sha256}  ${MATRIX}\n`
    )

    // a subject's name with a line break would sign a second subject of its own making (found by review)
    const forged = JSON.parse(readFileSync(statement, 'utf8')) as { subject: { name: string }[] }
    forged.subject[0]!.name = `${PIN}\n${'0'.repeat(64)}  evil/forged.bin`
    writeFileSync(join(evidence, basename(statement)), JSON.stringify(forged))
    writeFileSync(output, '')
    const refused = step()
    expect([refused.status, refused.stderr, readFileSync(output, 'utf8')]).toEqual([
      1,
      `a subject's name in ${basename(statement)} holds a control character: not attested\n`,
      ''
    ])
    if (digested) {
      // the same forged statement, uploaded in the gate's place: not the bytes the gate's job digested
      writeFileSync(output, '')
      const replaced = step(gateWrote)
      expect([replaced.status, replaced.stderr, readFileSync(output, 'utf8')]).toEqual([
        1,
        `${basename(statement)} is not the statement the gate wrote (its digest differs): not attested\n`,
        ''
      ])
    }
  })
})
