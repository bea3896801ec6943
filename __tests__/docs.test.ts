import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { toString } from 'mdast-util-to-string'
import { gfmTable } from 'micromark-extension-gfm-table'
import type { Table } from 'mdast'
import semver from 'semver'
import { NODE_ENGINES, NODE_ENGINES_TEXT } from '../src/actions/shared/inputs.js'
import { RULE_IDS, RULES } from '../src/rules/catalog.js'
import { renderRulesDoc } from '../src/rules/rules-doc.js'
import {
  API_BEGIN,
  API_END,
  ActionDocError,
  codeSpan,
  escapeCell,
  fillActionReadme,
  parseActionYml,
  renderApiTables,
  skeletonReadme,
  TODO_MARKER
} from '../src/action-docs/action-doc.js'
import { cleanupFixtures, REPO_ROOT, tempDir } from './helpers/fixture.js'

afterAll(cleanupFixtures)

/** The actions of a repository: every actions/<name>/ holding an action.yml. */
function actionNames(root: string): string[] {
  return readdirSync(join(root, 'actions'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'actions', d.name, 'action.yml')))
    .map((d) => d.name)
    .sort()
}

/** Sections every action README has, in its hand-written part. */
const SECTIONS = [
  '## Requirements',
  '## Permissions',
  '## Supported events',
  '## Usage',
  '## Outputs',
  '## API'
]

/** What is wrong with the action READMEs of `root`: missing, unfinished or stale (empty when all is well). */
function actionDocProblems(root: string): string[] {
  const problems: string[] = []
  for (const name of actionNames(root)) {
    const readme = join(root, 'actions', name, 'README.md')
    const source = `actions/${name}/action.yml`
    if (!existsSync(readme)) {
      problems.push(
        `actions/${name}/README.md is missing (run npm run docs, then write its hand-written part)`
      )
      continue
    }
    const text = readFileSync(readme, 'utf8')
    if (text.includes(TODO_MARKER)) problems.push(`actions/${name}/README.md still has its TODO marker`)
    for (const section of SECTIONS) {
      if (!text.split('\n').includes(section)) problems.push(`actions/${name}/README.md has no "${section}"`)
    }
    try {
      const fresh = fillActionReadme(text, readFileSync(join(root, source), 'utf8'), source)
      if (fresh !== text) problems.push(`actions/${name}/README.md is stale (run npm run docs)`)
    } catch (e) {
      problems.push(`actions/${name}/README.md: ${(e as Error).message}`)
    }
  }
  return problems
}

function parseTables(markdown: string): string[][][] {
  const tree = fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] })
  return tree.children
    .filter((n): n is Table => n.type === 'table')
    .map((t) => t.children.map((row) => row.children.map((cell) => toString(cell))))
}

describe('generated documentation', () => {
  it('docs/rules.md is up to date with the rule catalog (run `npm run docs`)', () => {
    expect(readFileSync(join(REPO_ROOT, 'docs/rules.md'), 'utf8')).toBe(renderRulesDoc())
  })

  it('documents every rule with an example', () => {
    const doc = renderRulesDoc()
    for (const id of RULE_IDS) {
      expect(doc).toContain(`### ${id}`)
    }
    expect(doc.match(/^Example: /gm)).toHaveLength(RULE_IDS.length)
  })

  it('finds the three actions', () => {
    expect(actionNames(REPO_ROOT)).toEqual(expect.arrayContaining(['health', 'promotion', 'rollback']))
  })

  it('every actions/<name>/README.md exists, is finished and is up to date with its action.yml (run `npm run docs`)', () => {
    expect(actionDocProblems(REPO_ROOT)).toEqual([])
  })

  it.each(actionNames(REPO_ROOT))(
    'actions/%s/README.md documents every input and output of its action.yml',
    (name) => {
      const meta = parseActionYml(readFileSync(join(REPO_ROOT, 'actions', name, 'action.yml'), 'utf8'))
      const readme = readFileSync(join(REPO_ROOT, 'actions', name, 'README.md'), 'utf8')
      const api = readme.slice(readme.indexOf(API_BEGIN), readme.indexOf(API_END))
      const [inputs, outputs] = parseTables(api)
      expect(inputs!.slice(1).map((row) => row[0])).toEqual(meta.inputs.map((i) => i.name))
      expect(outputs!.slice(1).map((row) => row[0])).toEqual(meta.outputs.map((o) => o.name))
    }
  )

  it('reports an action without a README, an unfinished one and a stale one', () => {
    const root = tempDir('bg-docs-')
    const yml = (inputs: string) =>
      `name: x\ndescription: d\ninputs:\n${inputs}outputs:\n  verdict:\n    description: v\n    value: x\nruns:\n  using: composite\n  steps: []\n`
    for (const name of ['alpha', 'beta', 'gamma', 'delta'])
      mkdirSync(join(root, 'actions', name), { recursive: true })
    mkdirSync(join(root, 'actions', 'not-an-action'))
    writeFileSync(join(root, 'actions', 'alpha', 'action.yml'), yml('  one:\n    description: first\n'))
    // beta: a skeleton, as npm run docs creates it
    const betaYml = yml('  one:\n    description: first\n')
    writeFileSync(join(root, 'actions', 'beta', 'action.yml'), betaYml)
    writeFileSync(
      join(root, 'actions', 'beta', 'README.md'),
      fillActionReadme(skeletonReadme('beta', parseActionYml(betaYml)), betaYml, 'actions/beta/action.yml')
    )
    // gamma: finished, then an input was added to action.yml
    const gammaReadme = [
      ...SECTIONS.slice(0, -1).flatMap((s) => [s, '', 'text', '']),
      '## API',
      '',
      API_BEGIN,
      API_END,
      ''
    ]
    writeFileSync(
      join(root, 'actions', 'gamma', 'README.md'),
      fillActionReadme(
        gammaReadme.join('\n'),
        yml('  one:\n    description: first\n'),
        'actions/gamma/action.yml'
      )
    )
    writeFileSync(
      join(root, 'actions', 'gamma', 'action.yml'),
      yml('  one:\n    description: first\n  two:\n    description: added later\n')
    )
    // delta: up to date
    const deltaYml = yml('  one:\n    description: first\n')
    writeFileSync(join(root, 'actions', 'delta', 'action.yml'), deltaYml)
    writeFileSync(
      join(root, 'actions', 'delta', 'README.md'),
      fillActionReadme(gammaReadme.join('\n'), deltaYml, 'actions/delta/action.yml')
    )
    expect(actionDocProblems(root)).toEqual([
      'actions/alpha/README.md is missing (run npm run docs, then write its hand-written part)',
      'actions/beta/README.md still has its TODO marker',
      'actions/gamma/README.md is stale (run npm run docs)'
    ])
  })
})

describe('action README renderer', () => {
  const yml = [
    'name: demo',
    'description: a demo',
    'inputs:',
    '  plain:',
    "    description: 'Empty: <root>/config/x.json; a | b'",
    '    required: true',
    '  multi:',
    '    description: |',
    '      first line',
    '      second `a|b` line',
    '',
    '      second paragraph',
    "    default: 'x|y'",
    '  token:',
    '    description: a token',
    '    default: ${{ github.token }}',
    '  empty:',
    '    description: empty default',
    "    default: ''",
    '  tick:',
    '    description: backticks',
    "    default: 'a`b'",
    'outputs:',
    '  result:',
    '    description: "the result: \\"PASS\\" | \\"FAIL\\""',
    '    value: ${{ steps.x.outputs.result }}',
    'runs:',
    '  using: composite',
    '  steps: []',
    ''
  ].join('\n')

  it('reads inputs (required, default or none) and outputs in file order', () => {
    const meta = parseActionYml(yml)
    expect(meta.inputs.map((i) => [i.name, i.required, i.default])).toEqual([
      ['plain', true, undefined],
      ['multi', false, 'x|y'],
      ['token', false, '${{ github.token }}'],
      ['empty', false, ''],
      ['tick', false, 'a`b']
    ])
    expect(meta.outputs).toEqual([{ name: 'result', description: 'the result: "PASS" | "FAIL"' }])
  })

  it('escapes | and line breaks so that every cell reads back as written', () => {
    const tables = parseTables(renderApiTables(parseActionYml(yml), 'action.yml'))
    expect(tables).toHaveLength(2)
    const [inputs, outputs] = tables as [string[][], string[][]]
    expect(inputs[0]).toEqual(['Input', 'Required', 'Default', 'Description'])
    for (const row of inputs) expect(row).toHaveLength(4)
    expect(inputs[1]).toEqual(['plain', 'yes', '', 'Empty: <root>/config/x.json; a | b'])
    expect(inputs[2]![2]).toBe('x|y')
    expect(inputs[2]![3]).toBe('first line second a|b line<br><br>second paragraph')
    expect(inputs[3]![2]).toBe('${{ github.token }}')
    expect(inputs[4]![2]).toBe("''")
    expect(inputs[5]![2]).toBe('a`b')
    expect(outputs[1]).toEqual(['result', 'the result: "PASS" | "FAIL"'])
  })

  it('escapeCell and codeSpan never leave a raw | or newline', () => {
    for (const text of ['a|b', 'a\nb', 'a\r\nb\n\nc', '`x|y` and |', 'x\n\n\n|']) {
      expect(escapeCell(text)).not.toMatch(/(^|[^\\])\||\n/)
      expect(codeSpan(text)).not.toMatch(/(^|[^\\])\||\n/)
    }
    expect(escapeCell('  one\n  two  ')).toBe('one two')
    expect(codeSpan('')).toBe("`''`")
    expect(codeSpan('``')).toBe('``` `` ```')
  })

  it('replaces only what is between the markers, and a second run changes nothing', () => {
    const readme = `# demo\n\nhand-written | text <kept>\n\n${API_BEGIN}\nold tables\n${API_END}\n\ntrailer\n`
    const once = fillActionReadme(readme, yml, 'action.yml')
    expect(once.startsWith('# demo\n\nhand-written | text <kept>\n\n')).toBe(true)
    expect(once.endsWith(`${API_END}\n\ntrailer\n`)).toBe(true)
    expect(once).not.toContain('old tables')
    expect(once).toContain('| `plain` | yes |')
    expect(fillActionReadme(once, yml, 'action.yml')).toBe(once)
  })

  it('refuses a README without the markers, with them reversed or repeated', () => {
    expect(() => fillActionReadme('# x\n', yml, 'a')).toThrow(ActionDocError)
    expect(() => fillActionReadme(`${API_END}\n${API_BEGIN}\n`, yml, 'a')).toThrow(ActionDocError)
    expect(() => fillActionReadme(`${API_BEGIN}\n${API_END}\n${API_BEGIN}\n${API_END}\n`, yml, 'a')).toThrow(
      /more than once/
    )
    expect(() => parseActionYml('inputs: [1, 2]')).toThrow(ActionDocError)
  })
})

/** Relative link targets of a Markdown file, without their #fragment. */
function relativeLinks(markdown: string): string[] {
  const links = [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!)
  return links.filter((l) => !/^[a-z]+:/i.test(l) && !l.startsWith('#')).map((l) => l.split('#')[0]!)
}

/** GitHub's anchor of a heading: lower case, punctuation other than - and _ dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-')
}

/** The anchors of the headings of a Markdown file (outside fenced code). */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>()
  let fenced = false
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced
    const m = /^#{1,6} (.+)$/.exec(line)
    if (!fenced && m) out.add(slug(m[1]!))
  }
  return out
}

const HAND_WRITTEN = [
  'README.md',
  'docs/runbook.md',
  'docs/troubleshooting.md',
  ...actionNames(REPO_ROOT).map((n) => `actions/${n}/README.md`)
]

describe('hand-written documentation', () => {
  it.each(HAND_WRITTEN)('%s links only to files that exist', (file) => {
    const text = readFileSync(join(REPO_ROOT, file), 'utf8')
    const missing = relativeLinks(text).filter(
      (target) => !existsSync(resolve(REPO_ROOT, dirname(file), target))
    )
    expect(missing).toEqual([])
  })

  it.each(HAND_WRITTEN)('%s links only to headings that exist', (file) => {
    const text = readFileSync(join(REPO_ROOT, file), 'utf8')
    const broken: string[] = []
    for (const m of text.matchAll(/\]\(([^)\s]*#[^)\s]+)\)/g)) {
      const [target, fragment] = m[1]!.split('#') as [string, string]
      if (/^[a-z]+:/i.test(target)) continue
      const linked = target === '' ? join(REPO_ROOT, file) : resolve(REPO_ROOT, dirname(file), target)
      if (!existsSync(linked) || !anchors(readFileSync(linked, 'utf8')).has(fragment)) broken.push(m[1]!)
    }
    expect(broken).toEqual([])
  })

  it.each(HAND_WRITTEN)('%s names only rules that exist', (file) => {
    const text = readFileSync(join(REPO_ROOT, file), 'utf8')
    const named = new Set([...text.matchAll(/\bBG\d{3}\b/g)].map((m) => m[0]))
    expect([...named].filter((id) => !(id in RULES))).toEqual([])
  })

  it('README.md links the documentation', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')
    for (const file of [
      'docs/runbook.md',
      'docs/troubleshooting.md',
      'docs/rules.md',
      ...HAND_WRITTEN.slice(3)
    ]) {
      expect(readme).toContain(`](${file})`)
    }
  })

  it('the runbook maps onto every workflow and every action', () => {
    const runbook = readFileSync(join(REPO_ROOT, 'docs/runbook.md'), 'utf8')
    const linked = new Set(
      relativeLinks(runbook).map((l) => relative(REPO_ROOT, resolve(REPO_ROOT, 'docs', l)))
    )
    const workflows = readdirSync(join(REPO_ROOT, '.github/workflows')).filter((f) => /\.ya?ml$/.test(f))
    for (const wf of workflows) expect(linked).toContain(`.github/workflows/${wf}`)
    for (const name of actionNames(REPO_ROOT)) expect(linked).toContain(`actions/${name}/README.md`)
  })

  it('troubleshooting covers the failures users meet', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs/troubleshooting.md'), 'utf8')
    for (const id of [
      'BG301',
      'BG310',
      'BG401',
      'BG504',
      'BG506',
      'BG507',
      'BG510',
      'BG511',
      'BG512',
      'BG215',
      'BG801',
      'BG802'
    ]) {
      expect(doc).toContain(id)
    }
  })
})

describe('README: what health does and which Node.js it runs on', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')

  it('documents health --remote and says when health calls the GitHub API', () => {
    expect(readme).not.toMatch(/never calls the GitHub API/)
    expect(readme).toMatch(/^baseline-gate health .*\n\s+\[--remote\]/m)
    expect(readme).toMatch(/^\| `--remote` \| .*GITHUB_TOKEN/m)
    expect(readme).toMatch(/calls the GitHub API only when asked to: with\s+`remote-identity: 'true'`/)
  })

  it('claims the Node.js releases package.json declares, which every dependency supports and the bundles target', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      engines: { node: string }
    }
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } }>
    }
    expect(pkg.engines.node).toBe(NODE_ENGINES)
    // the first release of each range, and releases across them: every installed package, bundled or a tool,
    // declares it runs there
    const firsts = new semver.Range(NODE_ENGINES).set.map((comparators) =>
      semver.minVersion(comparators.join(' '))!
    )
    expect(firsts.map(String)).toEqual(['20.19.0', '22.13.0', '24.0.0'])
    const across = ['20.30.0', '22.40.0', '25.0.0', '26.3.0', '30.0.0', '40.1.0'].map(
      (v) => new semver.SemVer(v)
    )
    for (const first of [...firsts, ...across]) {
      const refusing = Object.entries(lock.packages)
        .filter(([, p]) => p.engines?.node && !semver.satisfies(first, p.engines.node))
        .map(([name, p]) => `${name} (${p.engines!.node})`)
      expect({ first: String(first), refusing }).toEqual({ first: String(first), refusing: [] })
    }
    const esbuild = readFileSync(join(REPO_ROOT, 'esbuild.config.mjs'), 'utf8')
    expect(`node${firsts[0]!.major}`).toBe(/target: '(node\d+)'/.exec(esbuild)?.[1])
    expect(readme).toContain(`On a machine with ${NODE_ENGINES_TEXT} and npm`)
    const actions = readdirSync(join(REPO_ROOT, 'actions'))
    for (const name of actions)
      expect(readFileSync(join(REPO_ROOT, 'actions', name, 'README.md'), 'utf8')).toContain(
        `- ${NODE_ENGINES_TEXT} on \`PATH\``
      )
    // each action.yml's own check is run against NODE_ENGINES in action-yml.test.ts
    for (const file of ['action.yml', ...actions.map((n) => `actions/${n}/action.yml`)])
      expect(readFileSync(join(REPO_ROOT, file), 'utf8')).toContain(
        `::error title=baseline-gate::${NODE_ENGINES_TEXT} must be on PATH`
      )
  })
})
