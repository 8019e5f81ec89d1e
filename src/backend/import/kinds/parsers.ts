// REGISTRATION POINT (1 of 2) for workbook kinds: the parser of each kind, by kind.
// The parse worker imports only this file, so a parser must stay pure (no database, no
// Electron, no services): put it in its own file (e.g. kinds/funding-parser.ts) and
// replace the stub below. Then register the rest of the kind in kinds/index.ts.
import { ApiError } from '../../../domain/api/errors';
import type { ImportKind } from '../../../domain/api/xlsx';
import type { ImportParser } from '../kind';
import { annexParser } from './annex-parser';
import { fundingParser } from './funding-parser';
import { progressParser } from './progress-parser';

/** A kind whose engineer has not plugged it in yet. */
export function notImplementedParser(kind: ImportKind, label: string): ImportParser {
  return {
    kind,
    columns: [],
    parse() {
      throw new ApiError('invalid', `${label}导入尚未实现`);
    },
  };
}

export const PARSERS: Record<ImportKind, ImportParser> = {
  annex: annexParser,
  funding: fundingParser,
  progress: progressParser,
};
