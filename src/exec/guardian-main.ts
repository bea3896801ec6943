// The guardian's program (guardian.ts): the gate runs it as `node -e <its bundle>` (src/generated/guardian.js, built
// by scripts/gen-guardian.mjs), so every bundle and the tests run the same one without a file to find.
import { guard } from './guardian.js'

// what `ps` shows instead of the bundle the command line holds
process.title = 'baseline-gate-guardian'
guard(process.stdin, () => process.exit(0))
