// The messages between the import pipeline and its parse worker (structured-cloned).
import type { ApiErrorBody } from '../../domain/api/errors';
import type { ImportKind } from '../../domain/api/xlsx';
import type { ParsedWorkbook } from './kind';

// The kinds as plain data: the worker must not load zod (api/xlsx's schemas) just for this list.
// A Record so that the compiler refuses this table when a kind is added to or removed from the Api.
const KNOWN_KINDS: Record<ImportKind, true> = { annex: true, funding: true, progress: true };

function isImportKind(s: string): s is ImportKind {
  return Object.hasOwn(KNOWN_KINDS, s);
}

export interface ParseJob {
  kind: ImportKind;
  fileName: string;
  bytes: Uint8Array;
}

/** main → worker */
export interface JobMessage {
  type: 'job';
  id: number;
  job: ParseJob;
}

/** worker → main */
export type WorkerMessage =
  /** the worker loaded its modules: from here on a failure is a file's, not the set-up's */
  | { type: 'ready' }
  | { type: 'progress'; id: number; phase: string; done: number; total: number }
  /** rows the parser accepted so far, sent ahead of 'done' (ImportParser.parse's onRows) */
  | { type: 'rows'; id: number; rows: unknown[] }
  /** parsed.rows holds only the rows after the `sent` rows sent ahead */
  | { type: 'done'; id: number; parsed: ParsedWorkbook; sent: number }
  | { type: 'error'; id: number; error: ApiErrorBody };

export function isWorkerMessage(v: unknown): v is WorkerMessage {
  return typeof v === 'object' && v !== null && 'type' in v && typeof v.type === 'string';
}

export function isJobMessage(v: unknown): v is JobMessage {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  if (m.type !== 'job' || typeof m.id !== 'number' || typeof m.job !== 'object' || m.job === null) return false;
  const j = m.job as Record<string, unknown>;
  return typeof j.kind === 'string' && isImportKind(j.kind) && typeof j.fileName === 'string' && j.bytes instanceof Uint8Array;
}
