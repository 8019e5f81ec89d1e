// Unwrapping what the API gives tests: the ApiError a call is refused with, and the sectioned
// preview (资金构成, 进度月报) of an import.
import { ApiError } from '../../../src/domain/api/errors';
import type { ImportPreview, SectionedImportPreview } from '../../../src/domain/api/xlsx';

/** The ApiError `p` rejects with; throws when it resolves or fails otherwise. */
export async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

/** The preview as the sectioned preview of `kind`; throws for any other kind. */
export function sectioned(p: ImportPreview, kind: SectionedImportPreview['kind']): SectionedImportPreview {
  if (p.kind === 'annex' || p.kind !== kind) throw new Error(`expected a ${kind === 'funding' ? '资金构成' : '进度月报'} preview`);
  return p;
}
