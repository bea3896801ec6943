// The evidence directory: every file written atomically; a .gitignore keeps a default in-repo directory untracked.
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { writeFileAtomic } from './atomic-write.js'

export interface EvidenceStore {
  dir: string
  /** Write one file of the packet; returns its absolute path. */
  write(name: string, content: string): string
}

export function createEvidenceStore(dir: string, options: { ignoreInGit?: string } = {}): EvidenceStore {
  const abs = resolve(dir)
  return {
    dir: abs,
    write(name, content) {
      if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`invalid evidence file name: ${name}`)
      mkdirSync(abs, { recursive: true })
      if (options.ignoreInGit) {
        const marker = join(resolve(options.ignoreInGit), '.gitignore')
        if (!existsSync(marker))
          writeFileAtomic(marker, '# written by baseline-gate: local evidence, never committed\n*\n')
      }
      const path = join(abs, name)
      writeFileAtomic(path, content)
      return path
    }
  }
}
