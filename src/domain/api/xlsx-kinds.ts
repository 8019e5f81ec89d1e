// The workbook kinds and their labels as plain constants, free of zod: the register's import
// dialog names the kind, and the start bundle must not load a schema library for three words.
// xlsx.ts (the contract) re-exports them and builds its enums on them.

export const exportKinds = ['annex', 'summary', 'gantt', 'funding', 'progress'] as const;
export type ExportKind = (typeof exportKinds)[number];

/** annex = 附件1 重点项目清单明细; funding = 资金构成; progress = 进度月报 */
export const importKinds = ['annex', 'funding', 'progress'] as const;
export type ImportKind = (typeof importKinds)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  annex: '附件1',
  funding: '资金构成',
  progress: '进度月报',
};
