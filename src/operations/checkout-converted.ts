// BG526: a manifest whose bytes on disk are not the bytes committed (the checkout converted them: core.autocrlf on
// a Windows checkout, or an eol, a filter or an encoding in .gitattributes). A digest pinned from such bytes would
// match this checkout only: repin (the producer's manifest it copies) and migrate (the mirror whose digest it adds)
// refuse, writing nothing.
import { convertedOnDiskSync } from '../git/git.js'
import { finding } from '../rules/finding.js'
import type { Finding } from '../rules/finding.js'

/** Of `files` (relative to `root`, with the bytes read), one BG526 each that the checkout converted. */
export function convertedOnCheckout(
  root: string,
  files: { path: string; bytes: Buffer }[],
  command: 'repin' | 'migrate'
): Finding[] {
  return (convertedOnDiskSync(root, files) ?? []).map((path) =>
    finding(
      'BG526',
      path,
      null,
      `${path} on disk is not the file as committed: the checkout converted it (core.autocrlf, or an eol, a filter or an encoding in .gitattributes), so ${command === 'repin' ? "the mirror and the pin's digest made from it" : "the pin's digest made from it"} would not match what is committed. Mark it and the trio's files \`-text\` in .gitattributes, check it out as committed (git -c core.autocrlf=false checkout -- ${path}), then run ${command} again (nothing was written)`
    )
  )
}
