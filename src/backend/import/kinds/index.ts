// REGISTRATION POINT (2 of 2) for workbook kinds: diff, fingerprint and apply of each kind,
// by kind (its parser is registered in parsers.ts). Write yours with defineKind (kind.ts),
// e.g. `export const fundingKind = defineKind({ parser: fundingParser, diff, fingerprint, apply })`
// in kinds/funding.ts, and add it below.
import type { ImportKind } from '../../../domain/api/xlsx';
import type { RegisteredKind } from '../kind';
import { annexKind } from './annex';
import { fundingKind } from './funding';
import { progressKind } from './progress';

export const KINDS: Record<ImportKind, RegisteredKind> = {
  annex: annexKind,
  funding: fundingKind,
  progress: progressKind,
};
