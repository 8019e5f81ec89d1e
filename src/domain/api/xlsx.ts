// Spreadsheet import/export part of the Api contract.
//
// Imports of every workbook kind share one pipeline (src/backend/import/pipeline.ts):
//   xlsx.importPreview {kind, fileName, base64, …}  → ImportPreview (nothing written; a token)
//   xlsx.importApply   {token}                       → ImportResult  (backup + one transaction)
//   xlsx.importProgress {jobId}                      → where a running preview/apply is
// A caller that wants a progress bar picks a jobId (any 8–64 letters, digits or '-'),
// passes it to importPreview / importApply and polls importProgress while waiting.
import { z } from 'zod';
import type { Issue } from './errors';
import { BASE64_MAX, FILE_NAME_MAX, nameText, rawText, TOKEN_MAX } from './text';

// the kinds are plain constants in xlsx-kinds.ts (the UI's start bundle reads them without zod)
export { exportKinds, importKinds, IMPORT_KIND_LABELS, type ExportKind, type ImportKind } from './xlsx-kinds';
import { exportKinds, importKinds, type ImportKind } from './xlsx-kinds';

/** 'YYYY-MM', a report month */
export const monthSchema = z
  .string({ message: '月份应为文字' })
  .max(7, '月份格式应为 YYYY-MM')
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM，例如 2026-05');

const jobIdSchema = z
  .string({ message: '任务编号应为文字' })
  .max(64, '任务编号过长')
  .regex(/^[A-Za-z0-9-]{8,64}$/, '任务编号应为 8 至 64 个字母、数字或连字符');

const planId = z.number().int().positive();

export const xlsxSchemas = {
  'xlsx.export': z.object({
    kind: z.enum(exportKinds),
    planId: planId.optional(),
    /** progress (进度月报): the report month; funding: ignored */
    month: monthSchema.optional(),
  }),
  'xlsx.importPreview': z.object({
    kind: z.enum(importKinds).default('annex'),
    fileName: rawText(FILE_NAME_MAX, '文件名'),
    /** file bytes, base64: the one encoding that passes unchanged through JSON and IPC */
    base64: rawText(BASE64_MAX, '文件内容', 0),
    planId: planId.optional(),
    planTitle: nameText(200, '规划名称').optional(),
    /** progress: the report month when the file's title does not say it */
    month: monthSchema.optional(),
    jobId: jobIdSchema.optional(),
  }),
  'xlsx.importApply': z.object({ token: rawText(TOKEN_MAX, '预览编号'), jobId: jobIdSchema.optional() }),
  'xlsx.importProgress': z.object({ jobId: jobIdSchema }),
};

export interface ExportedFile {
  fileName: string;
  base64: string;
}

export interface FieldChange {
  field: string;
  label: string;
  oldValue: string;
  newValue: string;
}

interface ImportPreviewBase {
  token: string;
  kind: ImportKind;
  fileName: string;
  sheet: string;
  /** rows the apply would write; 0 = nothing to apply */
  writes: number;
  warnings: Issue[];
}

/** A site of a project, as a preview names it. */
export interface SiteChangeRef {
  projectSeq: number;
  projectName: string;
  /** "朱衣镇 / 某村 / 地址" */
  site: string;
}

export interface AnnexImportPreview extends ImportPreviewBase {
  kind: 'annex';
  planTitle: string;
  /** null when the import creates a new plan */
  planId: number | null;
  added: { seq: number; name: string }[];
  changed: { seq: number; name: string; changes: FieldChange[] }[];
  unchanged: { seq: number; name: string }[];
  /** what a changed 项目建设地 does to the project's sites */
  sites: { added: SiteChangeRef[]; archived: SiteChangeRef[] };
}

/** One line of a generic preview: a row to add (changes empty) or to change (field by field). */
export interface PreviewItem {
  key: string;
  title: string;
  changes: FieldChange[];
}

export interface PreviewSection {
  /** 'added' | 'changed' | 'unchanged' | anything the kind needs */
  key: string;
  /** Chinese heading, e.g. "新增进度记录" */
  label: string;
  items: PreviewItem[];
}

/** 资金构成 and 进度月报: the preview as a list of sections the dialog renders as they come. */
export interface SectionedImportPreview extends ImportPreviewBase {
  kind: 'funding' | 'progress';
  /** where the rows go, e.g. "规划「…」2026年5月" */
  target: string;
  planId: number | null;
  sections: PreviewSection[];
}

export type ImportPreview = AnnexImportPreview | SectionedImportPreview;

export interface ImportResult {
  kind: ImportKind;
  /** change_log batch of the whole import: what 撤销本次导入 reverts */
  batchId: string;
  planId: number | null;
  added: number;
  changed: number;
  unchanged: number;
  backupPath: string | null;
  /** one Chinese line saying what was written */
  summary: string;
  /** things to know that did not stop the import (e.g. a WAL that could not be folded back) */
  warnings: string[];
}

export interface ImportProgressSnapshot {
  /** Chinese name of the current step, e.g. "读取工作簿" */
  phase: string;
  done: number;
  total: number;
  /** 0–100 over the whole job, monotonic */
  percent: number;
  finished: boolean;
}

export interface XlsxOutputs {
  'xlsx.export': ExportedFile;
  'xlsx.importPreview': ImportPreview;
  'xlsx.importApply': ImportResult;
  /** null when no job of that id is known (not started yet, or finished long ago) */
  'xlsx.importProgress': ImportProgressSnapshot | null;
}
