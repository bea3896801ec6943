// The evidence directory: every file written atomically; a .gitignore keeps a default in-repo directory untracked.
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { writeFileAtomic } from './atomic-write.js'
import { ContainmentError, operatorPathEscape } from './contain.js'

export interface EvidenceStore {
  dir: string
  /** Write one file of the packet; returns its absolute path. */
  write(name: string, content: string): string
}

export interface EvidenceStoreOptions {
  /** Write a .gitignore in this directory (the default in-repo evidence directory). */
  ignoreInGit?: string
  /** The repository: an evidence directory inside it must not lead out of it through a link. */
  root?: string
}

export function createEvidenceStore(dir: string, options: EvidenceStoreOptions = {}): EvidenceStore {
  const abs = resolve(dir)
  const check = (path: string) => {
    const problem = options.root === undefined ? null : operatorPathEscape(options.root, path)
    if (problem)
      throw new ContainmentError(
        `the evidence directory ${abs}: ${path} ${problem}; nothing was written there (BG110)`
      )
  }
  check(abs)
  return {
    dir: abs,
    write(name, content) {
      if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`invalid evidence file name: ${name}`)
      mkdirSync(abs, { recursive: true })
      if (options.ignoreInGit) {
        const marker = join(resolve(options.ignoreInGit), '.gitignore')
        check(marker)
        if (!existsSync(marker))
          writeFileAtomic(marker, '# written by baseline-gate: local evidence, never committed\n*\n')
      }
      const path = join(abs, name)
      check(path) // the directory may have been replaced since the store was made
      writeFileAtomic(path, content)
      return path
    }
  }
}
