// The evidence packet as an in-toto Statement v1 (src/evidence/statement.ts): its subjects are the trio files the
// packet read (sha256 of their bytes, named by their repository-relative path) and the judged commit (gitCommit);
// its predicate is the packet itself. Also: health writes it beside the packet, and it matches its JSON Schema.
import { createHash } from 'node:crypto'
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import type { EvidencePacket } from '../../src/evidence/packet.js'
import {
  buildStatement,
  commitSubjectName,
  judgedCommit,
  PREDICATE_TYPE,
  STATEMENT_TYPE,
  statementFileName
} from '../../src/evidence/statement.js'
import { validateStatement } from '../../src/generated/evidence-validators.js'
import { verifyEvidence } from '../../src/operations/verify-evidence.js'
import { cleanupFixtures, health, MATRIX, MIRROR, PIN, tempDir, trioFixture } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

const SHA = 'a'.repeat(40)
const HEAD = 'b'.repeat(40)

async function packetOf(edit?: (fx: ReturnType<typeof trioFixture>) => void) {
  const fx = trioFixture()
  edit?.(fx)
  const result = await health(fx.root)
  const file = result.baselines[0]!.evidence
  return { fx, file, packet: JSON.parse(readFileSync(file, 'utf8')) as EvidencePacket }
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

describe('buildStatement', () => {
  it('binds the packet (the predicate, unchanged) to the three trio files by their digests', async () => {
    const { fx, packet } = await packetOf()
    const s = buildStatement(packet)
    expect(s._type).toBe(STATEMENT_TYPE)
    expect(s.predicateType).toBe(PREDICATE_TYPE)
    expect(s.predicate).toBe(packet)
    expect(s.subject).toEqual([
      { name: PIN, digest: { sha256: sha256(fx.readBytes(PIN)) } },
      { name: MIRROR, digest: { sha256: sha256(fx.readBytes(MIRROR)) } },
      { name: MATRIX, digest: { sha256: sha256(fx.readBytes(MATRIX)) } }
    ])
    // the digests are the packet's own
    expect(s.subject.map((x) => x.digest)).toEqual(
      [packet.trio.pin, packet.trio.manifest, packet.trio.matrix].map((d) => ({ sha256: d.sha256 }))
    )
    // no commit in the run (a repository without commits): no commit subject
    expect(s.subject.some((x) => 'gitCommit' in x.digest)).toBe(false)
    expect(validateStatement(JSON.parse(JSON.stringify(s)))).toBe(true)
  })

  it('leaves out a trio file the run could not read (no digest to bind)', async () => {
    const { packet } = await packetOf((fx) => fx.remove(MATRIX))
    expect(packet.trio.matrix.sha256).toBeNull()
    const s = buildStatement(packet)
    expect(s.subject.map((x) => x.name)).toEqual([PIN, MIRROR])
    expect(validateStatement(JSON.parse(JSON.stringify(s)))).toBe(true)
  })

  it("names the judged commit: the run's, a replay's, a promotion's head", async () => {
    const { packet } = await packetOf()
    const inActions = { ...packet, git: { ...packet.git, repository: 'acme/consumer', commit: SHA } }
    expect(buildStatement(inActions).subject.at(-1)).toEqual({
      name: `git+acme/consumer@${SHA}`,
      digest: { gitCommit: SHA }
    })
    const local = { ...packet, git: { ...packet.git, commit: SHA } }
    expect(buildStatement(local).subject.at(-1)).toEqual({
      name: `git+local@${SHA}`,
      digest: { gitCommit: SHA }
    })
    const replay = { ...local, judged_at: { ...packet.judged_at, source: 'commit' as const, commit: HEAD } }
    expect(judgedCommit(replay)).toBe(HEAD)
    const promotion = {
      ...local,
      operation: 'promotion',
      change: {
        base: SHA,
        head: HEAD,
        trio_changed: false,
        changed_files: [],
        classification: 'none' as const,
        codes_added: [],
        codes_removed: [],
        posture_from: null,
        posture_to: null,
        approval: null
      }
    }
    expect(buildStatement(promotion).subject.at(-1)).toEqual({
      name: commitSubjectName(null, HEAD),
      digest: { gitCommit: HEAD }
    })
    expect(validateStatement(JSON.parse(JSON.stringify(buildStatement(promotion))))).toBe(true)
  })

  it('is written beside the packet as <operation>-<baseline>.intoto.json, in the same batch', async () => {
    const { file, packet } = await packetOf()
    const statementFile = file.replace(/\.json$/, '.intoto.json')
    expect(statementFileName('health-main.json')).toBe('health-main.intoto.json')
    expect(existsSync(statementFile)).toBe(true)
    const written = JSON.parse(readFileSync(statementFile, 'utf8')) as unknown
    expect(written).toEqual(JSON.parse(JSON.stringify(buildStatement(packet))))
    expect(validateStatement(written)).toBe(true)
  })
})

describe('evidence-statement.schema.json', () => {
  it('refuses another _type, another predicate type, a bad digest, no subject, and a predicate that is no packet', async () => {
    const { packet } = await packetOf()
    const good = JSON.parse(JSON.stringify(buildStatement(packet))) as Record<string, unknown>
    const bad = (edit: (s: Record<string, unknown>) => void) => {
      const s = structuredClone(good)
      edit(s)
      return validateStatement(s)
    }
    expect(validateStatement(good)).toBe(true)
    expect(bad((s) => (s._type = 'https://in-toto.io/Statement/v0.1'))).toBe(false)
    expect(bad((s) => (s.predicateType = 'https://slsa.dev/provenance/v1'))).toBe(false)
    expect(bad((s) => (s.subject = []))).toBe(false)
    expect(bad((s) => ((s.subject as { digest: unknown }[])[0]!.digest = { sha256: 'ABC' }))).toBe(false)
    expect(
      bad((s) => ((s.subject as { digest: unknown }[])[0]!.digest = { sha256: 'a'.repeat(64), md5: 'x' }))
    ).toBe(false)
    expect(bad((s) => ((s.subject as { digest: unknown }[])[0]!.digest = { gitCommit: 'abc' }))).toBe(false)
    expect(bad((s) => ((s.predicate as Record<string, unknown>).schema = 'evidence-packet.v2'))).toBe(false)
    expect(bad((s) => delete s.predicate)).toBe(false)
  })
})

describe('verifyEvidence on a statement', () => {
  it('a checkout that is no git repository cannot vouch for the commit subject, and says what to give instead', async () => {
    const { fx, packet } = await packetOf()
    const copy = tempDir('bg-not-git-')
    cpSync(fx.root, copy, { recursive: true })
    rmSync(join(copy, '.git'), { recursive: true, force: true })
    const file = join(tempDir('bg-statement-'), 'health-memorykernel.intoto.json')
    writeFileSync(file, JSON.stringify(buildStatement({ ...packet, git: { ...packet.git, commit: SHA } })))
    const v = verifyEvidence(copy, file)
    expect(v).toEqual({
      checked: 4,
      problems: [
        `commit subject git+local@${SHA}: ${copy} is not a git repository, so the commit cannot be checked: give --root the checkout of the repository the evidence is of`
      ],
      unreadable: false,
      statement: true
    })
  })

  it('names each subject that is not the packet, a trio file left unbound, and a commit subject of another commit', async () => {
    const { fx, packet, file } = await packetOf()
    const s = JSON.parse(JSON.stringify(buildStatement(packet))) as {
      subject: { name: string; digest: Record<string, string> }[]
    }
    s.subject[0]!.digest = { sha256: 'f'.repeat(64) }
    s.subject.splice(1, 1)
    s.subject.push({ name: 'docs/other.md', digest: { sha256: 'e'.repeat(64) } })
    s.subject.push({ name: `git+local@${SHA}`, digest: { gitCommit: SHA } })
    s.subject.push({ name: `git+local@${HEAD}`, digest: { gitCommit: HEAD } })
    const statementFile = file.replace(/\.json$/, '.intoto.json')
    writeFileSync(statementFile, JSON.stringify(s))
    const v = verifyEvidence(fx.root, statementFile)
    expect(v.statement).toBe(true)
    expect(v.problems).toEqual([
      expect.stringMatching(
        new RegExp(`^subject ${PIN} \\(pin\\): the statement records f{64}, its predicate`)
      ),
      expect.stringMatching(/^subject docs\/other\.md: not a trio file of the packet \(its trio: /),
      `subject git+local@${HEAD}: a second commit subject; a statement judges one commit`,
      expect.stringMatching(
        new RegExp(`^${MIRROR} \\(manifest\\): the packet read it, but it is no subject`)
      ),
      `commit subject git+local@${HEAD}: the statement records ${HEAD}, its packet judged no commit: the statement was changed after the run wrote it: use the statement the run wrote beside the packet, unchanged`,
      expect.stringMatching(
        new RegExp(`^commit subject git\\+local@${HEAD}: the repository at .+ has no commit ${HEAD}`)
      )
    ])
    // a statement without its commit subject, of a packet that judged one
    const judged = buildStatement({ ...packet, git: { ...packet.git, commit: SHA } })
    writeFileSync(statementFile, JSON.stringify({ ...judged, subject: judged.subject.slice(0, 3) }))
    expect(verifyEvidence(fx.root, statementFile).problems).toEqual([
      `the statement has no commit subject, but its packet judged commit ${SHA}: use the statement the run wrote beside the packet, unchanged`
    ])
    // the commit subject under another name
    writeFileSync(
      statementFile,
      JSON.stringify({
        ...judged,
        subject: [...judged.subject.slice(0, 3), { name: `git+acme/x@${SHA}`, digest: { gitCommit: SHA } }]
      })
    )
    expect(verifyEvidence(fx.root, statementFile).problems).toEqual([
      `commit subject git+acme/x@${SHA}: expected the name git+local@${SHA} (the packet's repository and commit): the statement was changed after the run wrote it: use the statement the run wrote beside the packet, unchanged`,
      expect.stringMatching(new RegExp(`has no commit ${SHA}`))
    ])
  })
})
