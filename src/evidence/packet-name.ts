// The packet's file name: shared by the packet and the incident note that names it, so neither imports the other.

/** `<operation>-<baseline>`: the packet's file name without extension. */
export function packetName(operation: string, baseline: string): string {
  return `${operation}-${baseline}`
}

/** The incident note beside a rollback's packet (`<dir>/rollback-<baseline>.json` -> `...-incident-note.md`). */
export function incidentNoteFileName(packetFile: string): string {
  return `${packetFile.replace(/\.json$/, '')}-incident-note.md`
}
