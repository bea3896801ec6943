// globReach says without walking what the adapter scan's walk (listGlobs) lists and leaves out: the promotion gate
// judges a change's files by it (BG606). Held to the walk itself over a tree and every glob shape the policy allows
// (found by review: `src/gen/*` pruned src/gen/sub/ in the walk, and the match of the glob as written did not).
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { globReach, listGlobs } from '../../src/fs/listing.js'
import { cleanupFixtures, tempDir } from '../helpers/fixture.js'

afterAll(cleanupFixtures)

const TREE = [
  'src/a.ts',
  'src/b.tsx',
  'src/gen/a.ts',
  'src/gen/sub/b.ts',
  'src/gen/.d/e.ts',
  'src/generated/x.ts',
  'src/generated/deep/y.ts',
  'src/api.gen.ts/index.ts',
  'src/x.gen.ts',
  'src/.hidden/h.ts',
  'src/node_modules/m/index.ts',
  'src/sub/node_modules/n.ts',
  'lib/l.ts',
  'lib/gen/g.ts',
  'top.ts',
  'src/c1.ts',
  'src/c2.js'
]
const INCLUDE = [
  ['src/**/*.ts'],
  ['src/**/*.{ts,tsx}'],
  ['src/**'],
  ['src'],
  ['src/'],
  ['./src/**/*.ts'],
  ['**/*.ts'],
  ['src/*.ts'],
  ['src/**/*.{ts,tsx,js}', 'lib/**/*.ts'],
  ['src/c[12].*'],
  ['src/?1.ts'],
  ['lib/**']
]
const EXCLUDE = [
  [],
  ['src/gen/**'],
  ['src/gen/*'],
  ['src/gen'],
  ['src/gen/'],
  ['src/gen*'],
  ['src/**/gen/*'],
  ['src/gen/sub*'],
  ['**/*.gen.ts'],
  ['src/generated/**', '**/*.gen.ts'],
  ['./src/gen/**'],
  ['src/a.ts'],
  ['src/{gen,generated}/**'],
  ['src/.hidden/**'],
  ['**/gen/**'],
  ['src/c[1].ts'],
  ['src/?enerated']
]

describe('globReach', () => {
  it('lists exactly what the walk lists, for every include and exclude shape', () => {
    const root = tempDir('bg-glob-reach-')
    for (const f of TREE) {
      mkdirSync(dirname(join(root, f)), { recursive: true })
      writeFileSync(join(root, f), 'x\n')
    }
    const differ: string[] = []
    const seen = new Set<string>()
    for (const include of INCLUDE)
      for (const exclude of EXCLUDE) {
        const walked = new Set(listGlobs(root, include, exclude).files)
        const reach = globReach(include, exclude)
        for (const f of TREE) {
          const answer = reach.file(f)
          seen.add(answer)
          if (walked.has(f) !== (answer === 'listed'))
            differ.push(
              `${JSON.stringify(include)} - ${JSON.stringify(exclude)}: ${f} walked ${walked.has(f)}`
            )
        }
      }
    expect(differ).toEqual([])
    // every answer occurs: the comparison is not one of empty sets
    expect([...seen].sort()).toEqual(['excluded', 'listed', 'outside'])
  })
})
