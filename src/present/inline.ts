// Text a person reads, built once and rendered for each surface: plain strings are ours or untrusted words
// (escaped in Markdown), `code` parts are names, paths and commands (inline code in Markdown, as is in a
// terminal), `link` parts become links where the surface has them.
import { code, escapeMarkdown, linkText } from '../evidence/markdown-text.js'
import { shownValue } from '../text/shorten.js'

export type Inline = string | { code: string } | { link: string; text: string }
export type Line = Inline[]

export const c = (text: string): Inline => ({ code: text })

/** Only a plain http(s) URL becomes a link; anything else stays inert text. */
export function safeUrl(url: string): boolean {
  return /^https?:\/\/[^\s<>()`"']+$/.test(url)
}

export function lineToMarkdown(line: Line): string {
  return line
    .map((part) => {
      if (typeof part === 'string') return escapeMarkdown(part)
      if ('code' in part) return code(part.code)
      return safeUrl(part.link) ? `[${linkText(part.text)}](${part.link})` : escapeMarkdown(part.text)
    })
    .join('')
}

export function lineToText(line: Line): string {
  return line
    .map((part) => (typeof part === 'string' ? part : 'code' in part ? shownValue(part.code) : part.text))
    .join('')
}
