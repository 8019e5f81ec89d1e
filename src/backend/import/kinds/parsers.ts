// REGISTRATION POINT (1 of 2) for workbook kinds: the parser of each kind, by kind.
// The parse worker imports only this file, so a parser must stay pure (no database, no
// Electron, no services): a new kind puts its parser in its own file (e.g.
// kinds/funding-parser.ts), lists it here, then registers the rest in kinds/index.ts.
import type { ImportKind } from '../../../domain/api/xlsx';
import type { ImportParser } from '../kind';
import { annexParser } from './annex-parser';
import { fundingParser } from './funding-parser';
import { progressParser } from './progress-parser';

export const PARSERS: Record<ImportKind, ImportParser> = {
  annex: annexParser,
  funding: fundingParser,
  progress: progressParser,
};
