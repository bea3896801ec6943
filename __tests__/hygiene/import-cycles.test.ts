// No import cycle in src/, type-only imports included: a cycle hides which module is the lower one, and the
// layer rule (docs/architecture.md, eslint.config.js) only holds between folders, not inside one.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import ts from 'typescript'
import { REPO_ROOT } from '../helpers/fixture.js'

type Graph = Map<string, string[]>

/** Every module of src/ with the modules of src/ it imports (import, import type, export from, import()). */
function importGraph(root: string): Graph {
  const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => join('src', f))
  const graph: Graph = new Map()
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true)
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((s) => s.startsWith('.'))
      .map((s) => moduleFile(root, join(dirname(file), s)))
    graph.set(file, [...new Set(targets)])
  }
  return graph
}

/** './x.js' is src/x.ts, or the generated src/x.js beside its .d.ts. */
function moduleFile(root: string, specifier: string): string {
  const source = specifier.replace(/\.js$/, '.ts')
  return existsSync(join(root, source)) ? source : specifier
}

/** The strongly connected components with more than one module, or one that imports itself (Tarjan). */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (v: string): void => {
    index.set(v, index.size)
    low.set(v, index.get(v)!)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) !== index.get(v)) return
    const component: string[] = []
    let w: string
    do {
      w = stack.pop()!
      onStack.delete(w)
      component.push(w)
    } while (w !== v)
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort())
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return found
}

describe('import cycles', () => {
  it('src/ has none, type-only imports included', () => {
    const graph = importGraph(REPO_ROOT)
    expect(graph.size).toBeGreaterThan(100)
    expect(cycles(graph)).toEqual([])
  })

  it('finds a cycle of any length, and no cycle where there is none', () => {
    const graph: Graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']]
    ])
    expect(cycles(graph)).toEqual([['a', 'b', 'c'], ['e']])
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', []]
        ])
      )
    ).toEqual([])
  })

  it('reads every kind of import, relative paths only', () => {
    const text = [
      "import type { A } from './a.js'",
      "import { B,\n  C } from '../b/c.js'",
      "export { D } from './d.js'",
      "export * from './e.js'",
      "const f = await import('./f.js')",
      "import { join } from 'node:path'"
    ].join('\n')
    const names = ts.preProcessFile(text, true, true).importedFiles.map((i) => i.fileName)
    expect(names.filter((s) => s.startsWith('.'))).toEqual([
      './a.js',
      '../b/c.js',
      './d.js',
      './e.js',
      './f.js'
    ])
  })
})
