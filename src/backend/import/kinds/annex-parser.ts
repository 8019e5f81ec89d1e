// The annex (附件1) kind's parser: the messy-file reader of xlsx/annex-import.ts as an
// ImportParser. Pure; runs in the parse worker.
import { IMPORT_COLUMNS } from '../../../domain/xlsx/annex-columns';
import { parseAnnexWorkbook, type ImportedProject } from '../../xlsx/annex-import';
import type { ImportParser } from '../kind';

export interface AnnexMeta {
  /** plan title taken from the title row, '' when there is none */
  planTitle: string;
}

export const annexParser: ImportParser<ImportedProject, AnnexMeta> = {
  kind: 'annex',
  columns: IMPORT_COLUMNS,
  parse(grid, fileName, progress, onRows) {
    const p = parseAnnexWorkbook(grid, fileName, progress, onRows);
    return {
      kind: 'annex',
      fileName,
      sheet: p.sheet,
      meta: { planTitle: p.planTitle },
      rows: p.projects,
      warnings: p.warnings,
      errors: p.errors,
    };
  },
};
