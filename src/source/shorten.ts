// Cut a text for a message without cutting a character in two.

/** `s` when it fits in `max` UTF-16 units, else its start and an ellipsis; never half of a surrogate pair. */
export function shorten(s: string, max: number): string {
  if (s.length <= max) return s
  let end = max - 1
  // a high surrogate at the cut would be left without its low half: cut before it
  const last = s.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return `${s.slice(0, end)}…`
}
