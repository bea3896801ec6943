// BG526: a manifest whose bytes on disk are not the bytes committed (a checkout converted them: core.autocrlf on
// a Windows checkout, or an eol, a filter or an encoding in .gitattributes; or an edit not committed). A digest pinned from such bytes would
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
  // migrate pins the mirror as committed: a copy on disk that is not the index's blob is refused too
  return (convertedOnDiskSync(root, files, command === 'migrate') ?? []).map((path) =>
    finding(
      'BG526',
      path,
      null,
      `${path} on disk is not the file as committed: a checkout converted it (core.autocrlf, or an eol, a filter or an encoding in .gitattributes), or it was changed and not committed, so ${command === 'repin' ? "the mirror and the pin's digest made from it" : "the pin's digest made from it"} would not match what is committed. Mark it and the trio's files \`-text\` in .gitattributes, check it out as committed (rm ${path} && git -c core.autocrlf=false checkout -- ${path}) or commit the change you meant, then run ${command} again (nothing was written)`
    )
  )
}
