// Spreadsheet import/export part of the Api contract (owned by the spreadsheets feature).
import { z } from 'zod';
import type { Issue } from './errors';

export const exportKinds = ['annex', 'summary', 'gantt'] as const;
export type ExportKind = (typeof exportKinds)[number];

export const xlsxSchemas = {
  'xlsx.export': z.object({ kind: z.enum(exportKinds), planId: z.number().int().positive().optional() }),
  'xlsx.importPreview': z.object({
    fileName: z.string().min(1),
    /** file bytes, base64: the one encoding that passes unchanged through JSON and IPC */
    base64: z.string(),
    planId: z.number().int().positive().optional(),
    planTitle: z.string().trim().min(1).optional(),
  }),
  'xlsx.importApply': z.object({ token: z.string().min(1) }),
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

export interface ImportPreview {
  token: string;
  fileName: string;
  sheet: string;
  planTitle: string;
  /** null when the import creates a new plan */
  planId: number | null;
  added: { seq: number; name: string }[];
  changed: { seq: number; name: string; changes: FieldChange[] }[];
  unchanged: { seq: number; name: string }[];
  warnings: Issue[];
}

export interface ImportResult {
  planId: number;
  added: number;
  changed: number;
  unchanged: number;
  backupPath: string | null;
}

export interface XlsxOutputs {
  'xlsx.export': ExportedFile;
  'xlsx.importPreview': ImportPreview;
  'xlsx.importApply': ImportResult;
}
