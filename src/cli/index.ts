// The `baseline-gate` executable: load the CLI bundle through the code cache and run it.
import { fileURLToPath } from 'node:url'
import { requireWithCodeCache } from './compile-cache.js'
import type * as Main from './main.js'

const { main } = requireWithCodeCache(fileURLToPath(new URL('./main.cjs', import.meta.url))) as typeof Main

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd()
})
