// The YAML a reader copies from the documentation: every ```yaml block of the READMEs, SECURITY.md and docs/
// parses, and a block that is a whole workflow (`on:` and `jobs:`) is one GitHub would take (its schema, offline) and
// that passes the checks this repository's own workflows pass, the pin of a placeholder ref aside. A snippet with
// `run: echo "verdict: $X"` (a colon and a space in a plain scalar) broke the first workflow a user copied.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parseDocument } from 'yaml'
import { checkWorkflow } from '../helpers/hygiene.js'
import { REPO_ROOT } from '../helpers/fixture.js'

function markdownFiles(): string[] {
  const files = ['README.md', 'SECURITY.md']
  for (const dir of ['docs', 'actions']) {
    const walk = (at: string): void => {
      for (const e of readdirSync(join(REPO_ROOT, at), { withFileTypes: true })) {
        const path = `${at}/${e.name}`
        if (e.isDirectory()) walk(path)
        else if (e.name.endsWith('.md')) files.push(path)
      }
    }
    walk(dir)
  }
  return files
}

interface Snippet {
  where: string
  text: string
}

/** Each ```yaml (or ```yml) block, named by its file and the line its fence opens on. */
function yamlSnippets(): Snippet[] {
  const out: Snippet[] = []
  for (const file of markdownFiles()) {
    const lines = readFileSync(join(REPO_ROOT, file), 'utf8').split('\n')
    for (let i = 0; i < lines.length; i++) {
      const open = /^(\s*)(`{3,}|~{3,})ya?ml\s*$/.exec(lines[i]!)
      if (!open) continue
      const fence = open[2]!
      const body: string[] = []
      let j = i + 1
      for (; j < lines.length && !lines[j]!.trimStart().startsWith(fence); j++)
        body.push(lines[j]!.slice(Math.min(open[1]!.length, lines[j]!.length - lines[j]!.trimStart().length)))
      out.push({ where: `${relative(REPO_ROOT, join(REPO_ROOT, file))}:${i + 1}`, text: body.join('\n') })
      i = j
    }
  }
  return out
}

const snippets = yamlSnippets()

describe('the YAML in the documentation', () => {
  it('is there to check (the READMEs hold workflows)', () => {
    expect(snippets.length).toBeGreaterThan(5)
  })

  it('parses, every block', () => {
    const broken = snippets
      .map((s) => ({
        where: s.where,
        errors: parseDocument(s.text).errors.map((e) => e.message.split('\n')[0])
      }))
      .filter((s) => s.errors.length > 0)
    expect(broken).toEqual([])
  })

  it('is a workflow GitHub takes where it is a whole one, with the checks of our own workflows', async () => {
    const whole = snippets.filter((s) => /^on:/m.test(s.text) && /^jobs:/m.test(s.text))
    expect(whole.length).toBeGreaterThan(3)
    const problems: string[] = []
    for (const s of whole) {
      for (const f of await checkWorkflow(s.where, s.text)) {
        // a placeholder ref (OWNER/baseline-gate/...@FULL_COMMIT_SHA) is what the reader replaces; a workflow's
        // run step is bash without a shell: (our own name it, a snippet stays short)
        if (f.check === 'pin' && /OWNER\/|FULL_COMMIT_SHA|@SHA\b/.test(f.message)) continue
        if (f.check === 'shell') continue
        problems.push(`${s.where}${f.line ? ` (+${f.line})` : ''} ${f.check}: ${f.message}`)
      }
    }
    expect(problems).toEqual([])
  })
})
