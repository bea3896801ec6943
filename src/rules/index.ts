// All trio rules (1xx, 2xx) over one loaded trio; every finding collected, none fail-fast.
import type { Trio } from '../trio/model.js'
import { capFindings } from './cap.js'
import { fileRules } from './files.js'
import { sortFindings } from './finding.js'
import type { Finding } from './finding.js'
import { matrixRules } from './matrix.js'
import type { MatrixRuleContext } from './matrix.js'
import { pinMirrorRules } from './pin-mirror.js'

export type TrioRuleContext = MatrixRuleContext

export function trioRules(trio: Trio, ctx: TrioRuleContext): Finding[] {
  return capFindings(sortFindings([...fileRules(trio), ...pinMirrorRules(trio), ...matrixRules(trio, ctx)]))
}
