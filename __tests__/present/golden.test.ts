// Golden renderings: each surface (summary, comment, incident note, terminal, --json) for PASS, FAIL, skipped
// and truncated cases must equal its file under rendered/. A change of wording shows up as a diff of those
// files, read in review like the output itself. UPDATE_GOLDEN=1 rewrites them; `npm run render:check` renders
// them to HTML.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { samples } from './samples.js'

const DIR = join(import.meta.dirname, 'rendered')
const all = samples()

describe('golden renderings', () => {
  for (const [name, text] of Object.entries(all)) {
    it(name, () => {
      const file = join(DIR, name)
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text)
      expect(existsSync(file)).toBe(true)
      expect(text).toBe(readFileSync(file, 'utf8'))
    })
  }

  it('no stale file is left in rendered/', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(all).sort())
  })
})
