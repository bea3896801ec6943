// The `baseline-gate` executable: load the CLI bundle through the code cache and run it.
// Built as CommonJS (dist/cli/index.cjs): Node starts a CommonJS main file without its ES module loader, which
// is about 10 ms of every start; so no top-level await here.
import { fileURLToPath } from 'node:url'
import { requireWithCodeCache } from './compile-cache.js'
import type * as Main from './main.js'

const { main } = requireWithCodeCache(fileURLToPath(new URL('./main.cjs', import.meta.url))) as typeof Main

void main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd()
}).then((code) => {
  process.exitCode = code
})
