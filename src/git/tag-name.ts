// A release tag given from outside (a dispatch's payload, an action's input): checked before git ever sees it.

/** At most 100 characters, a leading `v` included. */
const TAG = /^(?=.{1,100}$)v?[0-9A-Za-z][0-9A-Za-z.+_-]*$/

/**
 * Why `tag` cannot be a producer release tag, or null. Strict: letters, digits, '.', '+', '_', '-' (at most 100),
 * not starting with '-' or '.', no '..', not ending in '.lock' or '.': it names refs/tags/<tag> and nothing else.
 */
export function releaseTagProblem(tag: string): string | null {
  if (tag === '') return 'is empty'
  if (!TAG.test(tag)) return "may hold only letters, digits, '.', '+', '_' and '-' (at most 100 characters)"
  if (tag.includes('..') || tag.endsWith('.') || tag.endsWith('.lock'))
    return "may not hold '..' or end in '.' or '.lock'"
  return null
}
