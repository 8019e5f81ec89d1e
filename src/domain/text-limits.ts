// The plain text limits and rules: how long each kind of text may be and what shape it has.
// Kept free of zod and date-fns so that the parse worker and the UI's start bundle can read
// them without loading a schema library (api/text.ts builds the zod schemas on top of these;
// project-rules.ts re-exports the project ones). Pure data, no imports but types.
import type { TextRule } from './text-normalise';

export type { TextRule };

/** names: project, plan title, site, funding source (the annex's longest name is 21 characters) */
export const NAME_MAX = 200;
/** short one-line values: category, remark, stage, codes, units */
export const SHORT_MAX = 100;
/** people: leader, author, user names */
export const PERSON_MAX = 50;
/** multi-line free text: scale text, location, notes, progress descriptions (the annex's longest is 394) */
export const TEXT_MAX = 4000;
/** a file name as Windows and most file systems allow it */
export const FILE_NAME_MAX = 255;
/** opaque tokens and ids minted by the backend (UUIDs are 36) */
export const TOKEN_MAX = 100;
/** largest workbook accepted for import, bytes; keep ≤ the zip guard's maxFileBytes */
export const WORKBOOK_MAX_BYTES = 50 * 1024 * 1024;
/** base64 length of a WORKBOOK_MAX_BYTES file (4 characters per 3 bytes, padded) */
export const BASE64_MAX = Math.ceil(WORKBOOK_MAX_BYTES / 3) * 4;

export type ProjectTextField =
  | 'name'
  | 'category'
  | 'owner'
  | 'locationText'
  | 'scaleText'
  | 'remark'
  | 'responsibleUnit'
  | 'leader'
  | 'note'
  | 'seqPrinted';

/** Shape and limit of every text field of a project (the form, the annex import and the checks share it). */
export const PROJECT_TEXT_RULES = {
  name: { shape: 'line', required: true, max: NAME_MAX },
  category: { shape: 'line', required: true, max: SHORT_MAX },
  owner: { shape: 'line', required: false, max: NAME_MAX },
  locationText: { shape: 'multiline', required: false, max: TEXT_MAX },
  scaleText: { shape: 'multiline', required: false, max: TEXT_MAX },
  remark: { shape: 'line', required: false, max: SHORT_MAX },
  responsibleUnit: { shape: 'line', required: false, max: NAME_MAX },
  leader: { shape: 'line', required: false, max: PERSON_MAX },
  note: { shape: 'multiline', required: false, max: TEXT_MAX },
  seqPrinted: { shape: 'line', required: false, max: 20 },
} as const satisfies Record<ProjectTextField, TextRule>;

export const PROJECT_TEXT_FIELDS = Object.keys(PROJECT_TEXT_RULES) as ProjectTextField[];

/** A plan's title (the annex title row, or the title typed when importing). */
export const PLAN_TITLE_RULE = { shape: 'line', required: true, max: NAME_MAX } as const satisfies TextRule;
export const PLAN_TITLE_LABEL = '规划名称';
