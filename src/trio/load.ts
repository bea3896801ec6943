// Load the three files of a baseline: bytes, digests, positions, JSON trees, schema problems, the ledger.
import { sha256 } from '../fs/digest.js'
import { MAX_FILE_BYTES, readRepoFile } from '../fs/read.js'
import type { ReadResult } from '../fs/read.js'
import type { ContainMemo } from '../fs/contain.js'
import type { RevisionRead } from '../git/tree-path.js'
import { schemaFiles, validateHandoff, validateManifest, validatePin } from '../generated/validators.js'
import { matrixLimit } from '../ledger/limits.js'
import { parseLedger } from '../ledger/parse.js'
import type { BaselinePolicy } from '../policy/types.js'
import { parseJson } from '../document/json-document.js'
import { validateDocument } from '../document/schema-errors.js'
import type { SchemaValidator } from '../document/schema-errors.js'
import { isUtf16, sourceFromBytes } from '../document/source-file.js'
import type {
  FileRole,
  Handoff,
  JsonFile,
  Manifest,
  MatrixFile,
  Pin,
  ProducerFiles,
  RepoFile,
  Trio,
  TrioRole
} from './model.js'

interface Schema {
  validate: SchemaValidator
  file: string
}
const PIN: Schema = { validate: validatePin, file: schemaFiles.validatePin }
const MANIFEST: Schema = { validate: validateManifest, file: schemaFiles.validateManifest }
const HANDOFF: Schema = { validate: validateHandoff, file: schemaFiles.validateHandoff }

/**
 * The matrix's cap is lower than the JSON files': a real ledger (one row per baseline ever approved) is tens
 * of KiB, and a 1 MiB one already holds some 7,000 rows. Its reader is linear (docs/performance.md).
 */
export const MAX_MATRIX_BYTES = 1024 * 1024

/**
 * @param memo shared by the reads of one run (see ContainMemo): the root's real path and each directory on the way
 *   are looked at once, not once a file (health reads three files of each of hundreds of baselines)
 */
export function loadTrio(root: string, baseline: BaselinePolicy, memo?: ContainMemo): Trio {
  return {
    pin: loadJson<Pin>(root, 'pin', baseline.trio.pin, PIN, memo),
    manifest: loadJson<Manifest>(root, 'manifest', baseline.trio.manifest, MANIFEST, memo),
    matrix: loadMatrix(root, baseline.trio.matrix, baseline.display_name, memo)
  }
}

/**
 * A file as committed at a revision: its bytes; null where it is missing; or why it was not read (a link that
 * leads out of the root or points at nothing, a file over the limit), which the rules report as they do on disk.
 */
export type Committed = Buffer | null | Exclude<ReadResult, { kind: 'ok' } | { kind: 'missing' }>

export function committed(r: RevisionRead): Committed {
  return r.kind === 'ok' ? r.bytes : r.kind === 'missing' ? null : r
}

/** The bytes of a committed file; null where there are none to compare or run on. */
export function committedBytes(c: Committed): Buffer | null {
  return Buffer.isBuffer(c) ? c : null
}

function readOf(c: Committed): ReadResult {
  if (c === null) return { kind: 'missing' }
  return Buffer.isBuffer(c) ? { kind: 'ok', bytes: c } : c
}

/**
 * The trio from bytes held in memory (blobs read from git at a revision); a null entry is a missing file. The
 * matrix has the cap it has on disk: a matrix the gate passed must not be one health refuses (found by review).
 */
export function trioFromBytes(baseline: BaselinePolicy, bytes: Record<TrioRole, Committed>): Trio {
  const read = readOf
  const matrix = read(bytes.matrix)
  return {
    pin: jsonFile<Pin>(fileOf('pin', baseline.trio.pin, read(bytes.pin)), PIN),
    manifest: jsonFile<Manifest>(fileOf('manifest', baseline.trio.manifest, read(bytes.manifest)), MANIFEST),
    matrix: matrixFile(
      fileOf(
        'matrix',
        baseline.trio.matrix,
        matrix.kind === 'ok' && matrix.bytes.length > MAX_MATRIX_BYTES
          ? { kind: 'too-large', size: matrix.bytes.length, limit: MAX_MATRIX_BYTES }
          : matrix
      ),
      baseline.display_name
    )
  }
}

function fileOf(role: FileRole, path: string, read: RepoFile['read']): RepoFile {
  if (read.kind !== 'ok') return { role, path, read, source: null, sha256: null }
  return {
    role,
    path,
    read,
    source: sourceFromBytes(path, read.bytes),
    sha256: sha256(read.bytes)
  }
}

function loadJson<T>(
  root: string,
  role: FileRole,
  path: string,
  schema: Schema,
  memo?: ContainMemo
): JsonFile<T> {
  return jsonFile<T>(fileOf(role, path, readRepoFile(root, path, MAX_FILE_BYTES, memo)), schema)
}

/** The producer's in-tree manifest and handoff payload (paths relative to the producer root). */
export function loadProducerFiles(root: string, baseline: BaselinePolicy): ProducerFiles {
  const paths = producerPaths(baseline)
  return {
    manifest: loadJson<Manifest>(root, 'producer-manifest', paths.manifest, MANIFEST),
    handoff: loadJson<Handoff>(root, 'handoff', paths.handoff, HANDOFF)
  }
}

/** The producer's files from bytes held in memory (blobs read from git at a revision). */
export function producerFilesFromBytes(
  baseline: BaselinePolicy,
  bytes: { manifest: Committed; handoff: Committed }
): ProducerFiles {
  const read = readOf
  const paths = producerPaths(baseline)
  return {
    manifest: jsonFile<Manifest>(fileOf('producer-manifest', paths.manifest, read(bytes.manifest)), MANIFEST),
    handoff: jsonFile<Handoff>(fileOf('handoff', paths.handoff, read(bytes.handoff)), HANDOFF)
  }
}

/** Where the producer's manifest and handoff payload are, relative to the repository root. */
export function producerPaths(baseline: BaselinePolicy): { manifest: string; handoff: string } {
  const p = baseline.producer
  return { manifest: joinPosix(p.root, p.manifest), handoff: joinPosix(p.root, p.handoff) }
}

function joinPosix(a: string, b: string): string {
  return `${a.replace(/\/+$/, '')}/${b.replace(/^\.?\/+/, '')}`
}

function jsonFile<T>(file: RepoFile, schema: Schema): JsonFile<T> {
  // UTF-16 read as UTF-8 is noise: not parsed (rules/files.ts says what it is)
  if (!file.source || file.source.text.trim() === '' || isUtf16(file.source.bytes))
    return { ...file, doc: null, data: null, schemaProblems: [] }
  const doc = parseJson(file.source)
  if (doc.syntaxErrors.length > 0) return { ...file, doc, data: null, schemaProblems: [] }
  const isObject = doc.value !== null && typeof doc.value === 'object' && !Array.isArray(doc.value)
  return {
    ...file,
    doc,
    data: isObject ? (doc.value as Partial<T>) : null,
    schemaProblems: validateDocument(doc, schema.validate, schema.file)
  }
}

function loadMatrix(root: string, path: string, displayName: string, memo?: ContainMemo): MatrixFile {
  return matrixFile(fileOf('matrix', path, readRepoFile(root, path, MAX_MATRIX_BYTES, memo)), displayName)
}

function matrixFile(file: RepoFile, displayName: string): MatrixFile {
  if (!file.source || file.source.text.trim() === '' || isUtf16(file.source.bytes))
    return { ...file, ledger: null, limit: null }
  // checked before the text is read: what a crafted matrix can cost stays bounded (see ledger/limits.ts)
  const limit = matrixLimit(file.source)
  if (limit) return { ...file, ledger: null, limit }
  return { ...file, ledger: parseLedger(file.source, displayName), limit: null }
}
