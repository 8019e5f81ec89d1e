// Bytes → ParsedWorkbook for one kind: the zip-guarded read, then the kind's parser.
// The work the parse worker does; also the in-thread fallback where no worker can start.
import type { ImportKind } from '../../domain/api/xlsx';
import type { ProgressReporter } from '../context';
import { readWorkbookGrid } from '../xlsx/read-workbook';
import type { ParsedWorkbook, RowsSink } from './kind';
import { PARSERS } from './kinds/parsers';

export async function readAndParse(kind: ImportKind, bytes: Buffer, fileName: string, progress?: ProgressReporter, onRows?: RowsSink): Promise<ParsedWorkbook> {
  const grid = await readWorkbookGrid(bytes, fileName, progress ? { onProgress: progress } : {});
  return PARSERS[kind].parse(grid, fileName, progress, onRows);
}
