// A change to .gitattributes that makes git convert a baseline file on checkout: the gate judges the bytes as
// committed, health reads the checkout (attack review: `eol=crlf` on the trio passed the gate, and health then
// failed on the merged branch). `text=auto` alone converts nothing with git's defaults and passes.
import { afterAll, describe, expect, it } from '@jest/globals'
import { cleanupFixtures, EMBEDDED, MATRIX, PIN, trioFixture } from '../helpers/fixture.js'
import { gitRepo, OLD_DATE, promote } from '../helpers/git-repo.js'
import { checkoutAttributes, convertingAttributes } from '../../src/git/attributes.js'

afterAll(cleanupFixtures)

const MIRROR = 'config/memorykernel-producer-manifest.json'

function withAttributes(text: string) {
  const fx = trioFixture()
  const repo = gitRepo(fx)
  const base = repo.commit(`the approved baseline ${EMBEDDED.tag}`, OLD_DATE)
  fx.write('.gitattributes', text)
  const head = repo.commit('a change to .gitattributes')
  return { fx, base, head }
}

describe('promotion: checkout conversions of the baseline files (BG520)', () => {
  it('eol=crlf on the trio fails the change, naming each file it converts', async () => {
    const { fx, base } = withAttributes('config/*.json eol=crlf\n')
    const b = (await promote(fx, { base })).result.baselines[0]!
    expect(b.verdict).toBe('FAIL')
    const bg520 = b.findings.filter((f) => f.rule === 'BG520')
    expect(bg520.map((f) => f.file).sort()).toEqual([PIN, MIRROR].sort())
    expect(bg520[0]!.message).toContain(
      `this change makes git convert ${bg520[0]!.file} on checkout (eol=crlf), where it checked it out as committed`
    )
    expect(bg520[0]!.message).toContain('-text` in .gitattributes')
  })

  it('the fix the message gives (-text after eol=crlf) passes: git checks the file out as committed', async () => {
    const { fx, base } = withAttributes(`config/*.json eol=crlf\n${PIN} -text\n${MIRROR} -text\n`)
    const b = (await promote(fx, { base })).result.baselines[0]!
    expect([b.verdict, b.findings.filter((f) => f.rule === 'BG520')]).toEqual(['PASS', []])
  })

  it('text=auto alone converts nothing with git defaults, and a filter on the matrix does', async () => {
    const auto = withAttributes('* text=auto\n')
    expect((await promote(auto.fx, { base: auto.base })).result.baselines[0]!.verdict).toBe('PASS')
    const lfs = withAttributes('*.md filter=lfs diff=lfs merge=lfs -text\n')
    const b = (await promote(lfs.fx, { base: lfs.base })).result.baselines[0]!
    expect(b.findings.filter((f) => f.rule === 'BG520').map((f) => f.file)).toEqual([MATRIX])
  })

  it("attributes that hide a baseline file's diff from review fail the change (BG524): -diff, binary, generated", async () => {
    const { fx, base } = withAttributes(
      `config/memorykernel-*.json binary\ndocs/*_COMPATIBILITY_MATRIX.md -diff linguist-generated=true\n`
    )
    const b = (await promote(fx, { base })).result.baselines[0]!
    expect(b.verdict).toBe('FAIL')
    const hidden = b.findings.filter((f) => f.rule === 'BG524')
    expect(hidden.map((f) => [f.file, f.message.slice(0, f.message.indexOf(':'))]).sort()).toEqual(
      [
        [MATRIX, `this change sets diff=unset, linguist-generated=true on ${MATRIX} in .gitattributes`],
        [MIRROR, `this change sets diff=unset on ${MIRROR} in .gitattributes`],
        [PIN, `this change sets diff=unset on ${PIN} in .gitattributes`]
      ].sort()
    )
    // the -text the conversion rule asks for hides nothing, nor does a named diff driver (hunk headers only; GitHub
    // shows the text diff whatever the driver): `*.md diff=markdown` is common in a repository's attributes
    const plain = withAttributes(`${PIN} -text\n*.md diff=markdown\n*.json diff=json\n`)
    const shown = (await promote(plain.fx, { base: plain.base })).result.baselines[0]!
    expect([shown.verdict, shown.findings.filter((f) => f.rule === 'BG524')]).toEqual(['PASS', []])
  })

  it('reads the attributes of a commit, never of the working tree', async () => {
    const { fx, base, head } = withAttributes('config/*.json eol=crlf\n')
    fx.write('.gitattributes', '')
    const at = async (commit: string) =>
      convertingAttributes((await checkoutAttributes(fx.root, commit, [PIN])).get(PIN)!)
    expect([await at(base), await at(head)]).toEqual([[], ['eol=crlf']])
  })
})
