// BG204 and BG206-BG208, BG205: the Baseline Pin section of the compatibility matrix, line by line against the pin
// (and the policy's trio paths): each value as a reader sees it rendered, once each, none missing.
import { PIN_LINES, PIN_SECTION_TITLE, pinLineLabel, pinLineText } from '../ledger/model.js'
import type { Ledger, PinLineKey } from '../ledger/model.js'
import { foreignProducerName, pinLineLookalike } from '../ledger/parse.js'
import type { BaselinePolicy } from '../policy/types.js'
import type { Pin } from '../trio/model.js'
import { DISPLAY_NAME_MAX } from '../policy/defaults.js'
import { quote } from '../text/quote.js'
import { finding, pinLineSubject } from './finding.js'
import type { Finding } from './finding.js'

export const START = { line: 1, column: 1 }

/** Why a text that reads as a title or label is not it (lookalike.ts); the end of a BG217 message. */
export const NOT_PLAIN =
  'a letter of another script that looks like a Latin one, or a character that shows nothing, which a reader does not see'

function expectedPinLines(pin: Partial<Pin>, baseline: BaselinePolicy): Record<PinLineKey, unknown> {
  return {
    repo: pin.memorykernel_repo,
    release_tag: pin.release_tag,
    commit_sha: pin.commit_sha,
    service: pin.expected_service_contract_version,
    api: pin.expected_api_contract_version,
    integration: pin.expected_integration_baseline,
    manifest_sha256: pin.expected_producer_manifest_sha256,
    posture: pin.runtime_cutover_posture,
    pin_path: baseline.trio.pin,
    mirror_path: baseline.trio.manifest
  }
}

export function missingSection(path: string, ledger: Ledger, title: string): Finding {
  return finding('BG204', path, ledger.title?.position ?? START, `the matrix has no \`## ${title}\` section`)
}

/**
 * What a value of the ledger (a Baseline Pin line, a row's cell) must not hold: HTML (a comment, an <img>, a span),
 * an image or a link render something the tool does not read as the value (an image's alt text, a code span inside
 * an HTML comment). Tested on the source, since the reader reads them as their text. A note beside a Baseline Pin
 * value (\`v0.3.1\` (hotfix)), as hand-kept matrices wrote, is plain text a reader sees.
 */
export const RENDERED_MARKUP = /[<[\]]/

/**
 * What makes a Baseline Pin line show a reader another value than the one checked (its first code span): a line
 * after it in the same item (a continuation, a nested list, code: found by review), a second code span (`GO`
 * (revoked: now `NO-GO`)), or a strikethrough (~~`GO`~~ `NO-GO`): two runs of one or two tildes alike, which GFM
 * may pair (a lone `~2 weeks` strikes nothing: found by review). Tested on the source, as RENDERED_MARKUP is.
 */
function showsAnotherValue(item: string): string | null {
  const lines = item.split('\n').filter((l) => l.trim() !== '')
  if (lines.length > 1) return 'a line after it in the same item'
  const line = lines[0] ?? ''
  if ((line.match(/`+/g) ?? []).length > 2) return 'a second code span'
  const tildes = (line.match(/~+/g) ?? []).filter((r) => r.length <= 2)
  if (tildes.some((r, i) => tildes.indexOf(r) !== i)) return 'a strikethrough (`~`)'
  return null
}

/** What a reader sees rendered where the tool reads text; the end of a BG206 / BG213 message. */
export const RENDERED =
  'holds HTML, an image or a link, which a reader sees rendered where the tool reads only the text'

export function pinSection(
  path: string,
  ledger: Ledger,
  pin: Partial<Pin>,
  baseline: BaselinePolicy,
  text: string
): Finding[] {
  const section = ledger.pinSection
  if (!section) return [missingSection(path, ledger, PIN_SECTION_TITLE)]
  const out: Finding[] = []
  const expected = expectedPinLines(pin, baseline)
  const seen = new Set<PinLineKey>()
  // named lines written under another producer name: one cause, said by BG205 for each line it leaves missing
  const foreign = foreignProducerName(section.lines, baseline.display_name)
  const foreignLines = new Set(foreign?.lines.map((f) => f.line))
  for (const line of section.lines) {
    if (foreignLines.has(line)) continue
    const imitated = line.key === null ? pinLineLookalike(line.label, baseline.display_name) : null
    if (imitated !== null) {
      const real = pinLineLabel(imitated, baseline.display_name)
      out.push(
        finding(
          'BG217',
          path,
          line.position,
          `"${line.label}" reads as the "${real}" line but is not spelled as it (${NOT_PLAIN}): a reader takes it for that line, which this tool does not check here; write the label "${real}" as it is spelled`,
          pinLineSubject(imitated)
        )
      )
      continue
    }
    if (line.key === null) {
      out.push(
        finding(
          'BG208',
          path,
          line.position,
          `"${line.label}" is not a Baseline Pin line this tool checks (known: ${PIN_LINES.map((l) => pinLineLabel(l.key, baseline.display_name)).join('; ')})`
        )
      )
      continue
    }
    if (seen.has(line.key)) {
      out.push(
        finding(
          'BG207',
          path,
          line.position,
          `the line "${line.label}" appears more than once; keep one`,
          pinLineSubject(line.key)
        )
      )
      continue
    }
    seen.add(line.key)
    const want = expected[line.key]
    if (typeof want !== 'string') continue // the pin's own finding covers a missing or invalid field
    const source = text.slice(line.start, line.end)
    const another = showsAnotherValue(source)
    if (RENDERED_MARKUP.test(source)) {
      out.push(
        finding(
          'BG206',
          path,
          line.position,
          `"${line.label}" ${RENDERED}: write the value as a code span, \`${want}\`, with no markup beside it`,
          pinLineSubject(line.key)
        )
      )
    } else if (another) {
      out.push(
        finding(
          'BG206',
          path,
          line.position,
          `"${line.label}" shows a reader more than its value: ${another} beside \`${line.value}\`, which is the value checked, renders as if the line said something else. Write the line alone, the value once as a code span, \`${want}\`, and any note beside it in plain words, without backticks or tildes`,
          pinLineSubject(line.key)
        )
      )
    } else if ((line.key === 'pin_path' || line.key === 'mirror_path') && isAbsolute(line.value)) {
      out.push(
        finding(
          'BG206',
          path,
          line.position,
          `"${line.label}" is an absolute path (${line.value}), which leaks a machine's layout; write the path relative to the repository root: \`${want}\` (\`baseline-gate migrate\` rewrites it)`,
          pinLineSubject(line.key)
        )
      )
    } else if (line.value !== want) {
      out.push(
        finding(
          'BG206',
          path,
          line.position,
          `"${line.label}" says \`${line.value}\` but the ${line.key.endsWith('_path') ? 'policy' : 'pin'} says \`${want}\``,
          pinLineSubject(line.key)
        )
      )
    }
  }
  for (const l of PIN_LINES) {
    if (seen.has(l.key)) continue
    const want = expected[l.key]
    const text = pinLineText(l.key, typeof want === 'string' ? want : '...', baseline.display_name)
    const label = pinLineLabel(l.key, baseline.display_name)
    // written under another name: the fix is the policy's display_name, not a line added to every revision
    const misnamed = foreign?.lines.find((f) => f.key === l.key)?.line
    out.push(
      finding(
        'BG205',
        path,
        section.position,
        misnamed && foreign
          ? `the ${PIN_SECTION_TITLE} section has no "${label}" line: its "${quote(misnamed.label, 100)}" line (line ${misnamed.position.line}) names the producer "${quote(foreign.name, 80)}", not the policy's display_name "${baseline.display_name}". ${renameAdvice(foreign.name, baseline.display_name)}`
          : `the ${PIN_SECTION_TITLE} section has no "${label}" line; add: ${text}${l.key === 'posture' || l.key === 'manifest_sha256' ? ' (`baseline-gate migrate` adds it to a matrix written before adoption)' : ''}`,
        pinLineSubject(l.key)
      )
    )
  }
  return out
}

/**
 * What to do about lines that name the producer otherwise than display_name; shared with migrate's refusal. A name
 * longer than display_name may be cannot be set: the lines are renamed then (found by review).
 */
export function renameAdvice(written: string, displayName: string): string {
  const shown = quote(written, 80)
  if (written.length > DISPLAY_NAME_MAX)
    return `"${shown}" is longer than a display_name may be (${DISPLAY_NAME_MAX} characters): rename the lines to "${displayName} ...", knowing that earlier revisions keep the old name`
  return `If "${shown}" is the producer's name, set display_name to "${shown}" in the policy: the revisions in the history keep their lines, and lkg reads them by it. Rename the lines to "${displayName} ..." only if "${shown}" is a mistake, knowing that earlier revisions keep the old name`
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || p.startsWith('~') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\')
}
