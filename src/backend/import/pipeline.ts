// THE IMPORT PIPELINE: one path for every workbook kind (附件1 'annex', 资金构成 'funding',
// 进度月报 'progress'), so each gets the same guarantees: a preview of every change, a
// message per bad cell naming file, sheet, row and column, a backup, one transaction, and
// the database left byte-identical on a bad file or a failed apply.
//
//   previewWorkbook(ctx, {kind, fileName, bytes, options})          nothing written
//     1. read + parse   in a worker thread (parse-client.ts → parse-worker.ts):
//                       zip guard, sheets as grids, then PARSERS[kind].parse(grid) → rows,
//                       errors (Issue with sheet/row/column), warnings. Any error → ApiError
//                       'bad_file' listing them all. Rows accepted so far are sent ahead in
//                       batches, and a kind's headStart (pure, per row) begins on them here
//                       while the worker parses on: that part of the diff overlaps the parse.
//     2. diff           KINDS[kind].diff(ctx, parsed, options, head), read-only, outside any
//                       transaction → the preview, the number of writes, a payload.
//     3. fingerprint    KINDS[kind].fingerprint(ctx, payload): a cheap digest of the rows
//                       the diff read.
//     4. token          the preview waits in memory under a random token (15 min, 20 max).
//   applyWorkbook(ctx, token)
//     5. re-check       the fingerprint again: stale → 'conflict', before any backup (not
//                       recomputed when not one row was written since the diff: db-stamp.ts).
//     6. backup         autoBackup(…, 'import') — only now, after parse and diff succeeded.
//     7. apply          ONE IMMEDIATE transaction: fingerprint once more (another door may
//                       have written during the backup), then KINDS[kind].apply(ctx, payload,
//                       batchId); every row logged through history/change-writer under one
//                       batch_id, so 撤销本次导入 reverts the whole import.
//     8. on failure     the transaction rolls back and the backup is deleted.
//
// To add a kind: a pure parser (kinds/parsers.ts) and diff/fingerprint/apply (kinds/index.ts),
// both typed by kind.ts. Progress: ctx.progress gets (step, done, total, percent).
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../domain/api/errors';
import type { ImportKind, ImportPreview, ImportResult } from '../../domain/api/xlsx';
import type { ServiceContext } from '../context';
import { autoBackup, discardBackup } from '../db/backup';
import { checkpointWarning } from '../db/checkpoint';
import { newBatchId, noteBatchSource } from '../history/change-writer';
import type { ApplyOutcome, ImportOptions, ParsedWorkbook, PreparedImport, RowsSink } from './kind';
import { KINDS } from './kinds';
import { dbStamp, unchangedSince, type DbStamp } from './db-stamp';
import { parseOffThread } from './parse-client';
import { APPLY_PHASES, phasedReporter, PREVIEW_PHASES } from './progress-phases';

export type { ImportKindDef, ImportOptions, ImportParser, ParsedWorkbook, PreviewBody } from './kind';
export { defineKind } from './kind';

export const PREVIEW_TTL_MS = 15 * 60 * 1000;
/** previews kept at once; the oldest goes first (a preview of a 10,000-row file holds a few MB) */
const MAX_PENDING = 20;

interface PendingImport {
  dbPath: string;
  kind: ImportKind;
  fileName: string;
  prepared: PreparedImport;
  fingerprint: string;
  /** the database as the diff found it: while it is unchanged the fingerprint need not be recomputed */
  stamp: DbStamp;
  preview: ImportPreview;
  expires: number;
}

const pending = new Map<string, PendingImport>();

function dropExpired(now: number): void {
  for (const [token, p] of pending) if (p.expires < now) pending.delete(token);
}

function makeRoom(): void {
  while (pending.size >= MAX_PENDING) {
    const oldest = pending.keys().next().value;
    if (oldest === undefined) break;
    pending.delete(oldest);
  }
}

export interface PreviewRequest {
  kind: ImportKind;
  fileName: string;
  bytes: Buffer;
  options?: ImportOptions;
}

/** Steps 1: the file as rows, or ApiError('bad_file') naming every problem. */
export async function parseWorkbook(
  req: Pick<PreviewRequest, 'kind' | 'fileName' | 'bytes'>,
  ctx?: Pick<ServiceContext, 'progress'>,
  onRows?: RowsSink,
): Promise<ParsedWorkbook> {
  const parsed = await parseOffThread(req.kind, req.bytes, req.fileName, ctx?.progress, onRows);
  if (parsed.errors.length > 0) {
    const n = parsed.errors.length;
    throw new ApiError('bad_file', `${req.fileName}：发现 ${n} 处问题，未导入任何数据。`, parsed.errors);
  }
  return parsed;
}

/** Steps 1–4: parse, diff, fingerprint; the preview carries the token applyWorkbook takes. */
export async function previewWorkbook(ctx: ServiceContext, req: PreviewRequest): Promise<ImportPreview> {
  const progress = phasedReporter(ctx.progress, PREVIEW_PHASES);
  // the kind's pure per-row work starts on the rows the worker sends ahead, during the parse
  const start = KINDS[req.kind].begin();
  const parsed = await parseWorkbook(req, { progress }, start.onRows);
  progress('比对现有数据', 0, 1);
  // taken before the diff reads anything: a write after it always shows
  const stamp = dbStamp(ctx.db);
  const prepared = start.prepare(ctx, parsed, req.options ?? {});
  const fingerprint = prepared.fingerprint(ctx);
  progress('比对现有数据', 1, 1);
  const now = Date.now();
  dropExpired(now);
  makeRoom();
  const token = randomUUID();
  const preview = {
    ...prepared.preview,
    token,
    fileName: req.fileName,
    sheet: parsed.sheet,
    writes: prepared.writes,
    warnings: [...parsed.warnings, ...prepared.warnings],
  } satisfies ImportPreview;
  pending.set(token, { dbPath: ctx.dbPath, kind: req.kind, fileName: req.fileName, prepared, fingerprint, stamp, preview, expires: now + PREVIEW_TTL_MS });
  return preview;
}

const STALE = '预览之后数据已有变化，请重新预览后再导入。';

/** Whether the rows the preview's diff read are as they were (cheaply when nothing at all was written). */
function stillFresh(ctx: ServiceContext, job: PendingImport): boolean {
  return unchangedSince(ctx.db, job.stamp) || job.prepared.fingerprint(ctx) === job.fingerprint;
}

/** Steps 5–8: re-check, backup, one IMMEDIATE transaction. Throws (and writes nothing) on any problem. */
export async function applyWorkbook(ctx: ServiceContext, token: string): Promise<ImportResult> {
  dropExpired(Date.now());
  const job = pending.get(token);
  if (!job || job.dbPath !== ctx.dbPath) throw new ApiError('not_found', '导入预览已过期或不存在，请重新选择文件。');
  pending.delete(token); // one apply per preview, whatever happens below
  const ictx: ServiceContext = { ...ctx, door: 'import' };
  const progress = phasedReporter(ctx.progress, APPLY_PHASES);
  progress('核对数据', 0, 1);
  // before the backup, so a stale preview costs nothing
  if (!stillFresh(ictx, job)) throw new ApiError('conflict', STALE);
  progress('核对数据', 1, 1);
  const batchId = newBatchId();
  if (job.prepared.writes === 0) {
    const p = job.preview;
    const unchanged = p.kind === 'annex' ? p.unchanged.length : (p.sections.find((s) => s.key === 'unchanged')?.items.length ?? 0);
    return { kind: job.kind, batchId, planId: p.planId, added: 0, changed: 0, unchanged, backupPath: null, summary: '没有需要写入的变化。', warnings: [] };
  }
  progress('备份数据库', 0, 1);
  const backupPath = await autoBackup(ictx, 'import');
  progress('备份数据库', 1, 1);
  let outcome: ApplyOutcome;
  try {
    outcome = ictx.db
      .transaction(() => {
        // the backup awaited: another door may have written meanwhile
        if (!stillFresh(ictx, job)) throw new ApiError('conflict', STALE);
        const applied = job.prepared.apply(ictx, batchId, progress);
        noteBatchSource(ictx, batchId, job.fileName); // the undo label names the file
        return applied;
      })
      .immediate();
  } catch (e) {
    // nothing was written: the backup of an unchanged database is only clutter
    discardBackup(backupPath);
    if (e instanceof ApiError) throw new ApiError(e.code, `导入未完成，数据库未作任何改动：${e.message}`, e.issues);
    throw new ApiError('internal', `导入未完成，数据库未作任何改动：${e instanceof Error ? e.message : String(e)}`);
  }
  progress('写入数据库', 1, 1);
  // a large write: fold the WAL back now, and say so if a reader prevents it
  const walWarning = checkpointWarning(ictx.db);
  return { kind: job.kind, batchId, backupPath, ...outcome, warnings: walWarning ? [walWarning] : [] };
}

/** For tests: forget every pending preview. */
export function clearPendingImports(): void {
  pending.clear();
}
