import { refuseInspectorSignal } from '../../exec/inspector.js'
import { run } from './main.js'

// before anything else: a suite must not open a debugger in the gate (exec/inspector.ts)
refuseInspectorSignal()

await run()
