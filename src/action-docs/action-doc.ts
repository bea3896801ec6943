// actions/<name>/README.md: the hand-written part is kept in the README itself; the API tables between the
// markers are generated from the action's action.yml (`npm run docs`, scripts/gen-docs.mjs). Pure: text in,
// text out, so the docs test can check that every committed README is what the generator would write.
import { parse } from 'yaml'

export const API_BEGIN = '<!-- BEGIN GENERATED API -->'
export const API_END = '<!-- END GENERATED API -->'
/** Left in a README the generator created for a new action; the docs test fails while it is there. */
export const TODO_MARKER = '<!-- TODO: write the hand-written part of this README -->'

export interface ActionInput {
  name: string
  required: boolean
  /** undefined when action.yml declares no default. */
  default: string | undefined
  description: string
}

export interface ActionOutput {
  name: string
  description: string
}

export interface ActionMetadata {
  name: string
  description: string
  inputs: ActionInput[]
  outputs: ActionOutput[]
}

export class ActionDocError extends Error {
  override name = 'ActionDocError'
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) throw new ActionDocError(`${what} must be a mapping`)
  return value as Record<string, unknown>
}

function scalar(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** The documented surface of an action.yml, in file order. */
export function parseActionYml(text: string, file = 'action.yml'): ActionMetadata {
  let doc: unknown
  try {
    doc = parse(text)
  } catch (err) {
    throw new ActionDocError(`${file}: ${(err as Error).message}`)
  }
  const top = record(doc, file)
  const inputs = Object.entries(record(top.inputs, `${file}: inputs`)).map(([name, raw]) => {
    const spec = record(raw, `${file}: input ${name}`)
    return {
      name,
      required: spec.required === true || spec.required === 'true',
      default: 'default' in spec ? (scalar(spec.default) ?? '') : undefined,
      description: scalar(spec.description) ?? ''
    }
  })
  const outputs = Object.entries(record(top.outputs, `${file}: outputs`)).map(([name, raw]) => ({
    name,
    description: scalar(record(raw, `${file}: output ${name}`).description) ?? ''
  }))
  return { name: scalar(top.name) ?? '', description: scalar(top.description) ?? '', inputs, outputs }
}

/** A code span holding `text` literally, whatever backticks it contains; safe inside a table cell. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ')
  if (flat === '') return "`''`"
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${flat}${pad}${fence}`.replace(/\|/g, '\\|')
}

/**
 * Markdown text for one table cell: line breaks within a paragraph become spaces, paragraphs are separated
 * by `<br><br>`, `|` is escaped everywhere (GFM splits cells before inline parsing, code spans included), and
 * outside code spans `<` is escaped so that placeholders such as `<root>` are not taken for HTML.
 */
export function escapeCell(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.trim())
        .join(' ')
    )
    .filter((p) => p !== '')
  return paragraphs.map(escapeInline).join('<br><br>')
}

function escapeInline(text: string): string {
  // split into code spans (odd indexes) and text; an unmatched backtick run is plain text
  let out = ''
  let i = 0
  while (i < text.length) {
    const open = text.indexOf('`', i)
    if (open < 0) {
      out += escapeText(text.slice(i))
      break
    }
    out += escapeText(text.slice(i, open))
    let runEnd = open
    while (text[runEnd] === '`') runEnd++
    const fence = text.slice(open, runEnd)
    const close = findClosingFence(text, runEnd, fence.length)
    if (close < 0) {
      out += fence
      i = runEnd
      continue
    }
    out += text.slice(open, close + fence.length).replace(/\|/g, '\\|')
    i = close + fence.length
  }
  return out
}

function findClosingFence(text: string, from: number, length: number): number {
  let i = from
  while (i < text.length) {
    const at = text.indexOf('`', i)
    if (at < 0) return -1
    let end = at
    while (text[end] === '`') end++
    if (end - at === length) return at
    i = end
  }
  return -1
}

function escapeText(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/</g, '\\<')
}

/** The inputs and outputs tables of one action. */
export function renderApiTables(meta: ActionMetadata, source: string): string {
  const out = [
    `<!-- generated by \`npm run docs\` from ${source}: edit the descriptions there, not here -->`,
    '',
    '### Inputs',
    ''
  ]
  if (meta.inputs.length === 0) out.push('This action has no inputs.')
  else {
    out.push('| Input | Required | Default | Description |', '| --- | --- | --- | --- |')
    for (const input of meta.inputs) {
      const dflt = input.default === undefined ? '' : codeSpan(input.default)
      out.push(
        `| \`${input.name}\` | ${input.required ? 'yes' : 'no'} | ${dflt} | ${escapeCell(input.description)} |`
      )
    }
  }
  out.push('', '### Outputs', '')
  if (meta.outputs.length === 0) out.push('This action has no outputs.')
  else {
    out.push('| Output | Description |', '| --- | --- |')
    for (const output of meta.outputs) out.push(`| \`${output.name}\` | ${escapeCell(output.description)} |`)
  }
  out.push('', 'Every input and output is a string: booleans are `"true"` or `"false"`.')
  return out.join('\n')
}

/**
 * The README with the block between the markers replaced by the API tables of `actionYml`. Every byte outside
 * the markers is kept. A README without exactly one pair of markers, in order, is an error.
 */
export function fillActionReadme(readme: string, actionYml: string, source: string): string {
  const begin = readme.indexOf(API_BEGIN)
  const end = readme.indexOf(API_END)
  if (begin < 0 || end < 0 || end < begin) {
    throw new ActionDocError(`the README needs the markers ${API_BEGIN} and ${API_END}, in that order`)
  }
  if (readme.indexOf(API_BEGIN, begin + 1) >= 0 || readme.indexOf(API_END, end + 1) >= 0) {
    throw new ActionDocError('the README has the API markers more than once')
  }
  const tables = renderApiTables(parseActionYml(actionYml, source), source)
  return `${readme.slice(0, begin)}${API_BEGIN}\n${tables}\n${readme.slice(end)}`
}

/** A README for an action that has none yet: the headings to fill in, the TODO marker, and the markers. */
export function skeletonReadme(actionName: string, meta: ActionMetadata): string {
  return [
    `# ${meta.name || actionName}`,
    '',
    TODO_MARKER,
    '',
    escapeCell(meta.description),
    '',
    '## Requirements',
    '',
    '## Permissions',
    '',
    '## Supported events',
    '',
    '## Usage',
    '',
    '## Outputs',
    '',
    '## API',
    '',
    API_BEGIN,
    API_END,
    ''
  ].join('\n')
}
