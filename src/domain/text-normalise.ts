// The one rule for free text before it is saved, shared by the Api schemas (src/domain/api/text.ts)
// and the import path (projectIssues, annex parsing), so an import cannot save what a form cannot.
// Pure: no zod, no I/O.

/** single line (names, codes, people) or multi-line (scale text, notes: \n and \t allowed) */
export type TextShape = 'line' | 'multiline';

export interface TextRule {
  shape: TextShape;
  max: number;
  /** refuse empty text (after trimming) */
  required: boolean;
}

// Invisible characters that JS's trim() and \s miss: zero-width space/joiners, word joiner,
// invisible operators, soft hyphen, Mongolian vowel separator, Hangul fillers.
// (\s already covers the BOM U+FEFF, NBSP, U+2000–U+200A and the ideographic space U+3000.)
const INVISIBLE = '\\u00AD\\u115F\\u1160\\u180E\\u200B-\\u200D\\u2060-\\u2064\\u3164\\uFFA0';
const EDGE_BLANKS = new RegExp(`^[\\s${INVISIBLE}]+|[\\s${INVISIBLE}]+$`, 'g');
const ALL_BLANK = new RegExp(`^[\\s${INVISIBLE}]*$`);

// C0 controls except \t \n (checked separately), DEL, C1 controls, and the bidi overrides/isolates
// that can make text display differently from what is stored.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const LINE_BREAK_OR_TAB = /[\n\t]/;
// Lone surrogates and the noncharacters U+FFFE/U+FFFF cannot be stored in an .xlsx (XML) losslessly.
const BROKEN = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/;

// CJK compatibility ideographs (豈 U+F900 …) have canonical decompositions, so NFC would swap
// them for their unified twins, which some place and person names deliberately avoid. They are
// kept as typed; everything else is NFC.
const CJK_COMPAT = /([\uF900-\uFAFF]|\uD87E[\uDC00-\uDE1F])/;

function nfcKeepingCjkCompat(s: string): string {
  if (!CJK_COMPAT.test(s)) return s.normalize('NFC');
  // split() with a capturing group keeps the separators at odd indexes
  return s
    .split(CJK_COMPAT)
    .map((part, i) => (i % 2 === 1 ? part : part.normalize('NFC')))
    .join('');
}

/**
 * What is saved: CRLF/CR and U+2028/U+2029 become \n, NFC (CJK compatibility ideographs kept),
 * blanks and invisible characters trimmed from both ends. Idempotent.
 */
export function normaliseText(raw: string): string {
  const unified = raw.replace(/\r\n?|[\u2028\u2029]/g, '\n');
  return nfcKeepingCjkCompat(unified).replace(EDGE_BLANKS, '');
}

const ANY_BLANK = new RegExp(`[\\s${INVISIBLE}]+`, 'g');

/** The text with every blank and invisible character removed (for "the same name" comparisons). */
export function withoutBlanks(s: string): string {
  return s.replace(ANY_BLANK, '');
}

/** true when the text has no visible character (empty, spaces, zero-width spaces, BOM, U+3000 …) */
export function isBlankText(s: string): boolean {
  return ALL_BLANK.test(s);
}

/**
 * The problem with already-normalised text, as a Chinese phrase to put after the field's label
 * (e.g. "不能为空"), or null when it may be saved.
 */
export function textProblem(value: string, rule: TextRule): string | null {
  if (rule.required && isBlankText(value)) return value === '' ? '不能为空' : '不能只有空格或不可见字符';
  if (value.length > rule.max) return `过长：最多 ${rule.max} 个字符，现有 ${value.length} 个`;
  if (BROKEN.test(value)) return '含有无效的字符（不完整的 Unicode 编码）';
  if (CONTROL.test(value)) return '含有控制字符或不可见的格式字符，请删除后再保存';
  if (rule.shape === 'line' && LINE_BREAK_OR_TAB.test(value)) return '不能包含换行或制表符';
  return null;
}

/** Normalises and checks in one step: the saved value, or the problem phrase. */
export function cleanText(raw: string, rule: TextRule): { ok: true; value: string } | { ok: false; problem: string } {
  const value = normaliseText(raw);
  // say why text that was typed counts as empty
  const problem = rule.required && value === '' && raw !== '' ? '不能只有空格或不可见字符' : textProblem(value, rule);
  return problem === null ? { ok: true, value } : { ok: false, problem };
}

/**
 * cleanText for a spreadsheet cell: in a one-line field, line breaks are the cell's wrapping
 * (Alt+Enter) and are joined, and tabs become spaces. Text the form accepts has neither, so
 * this changes nothing an export wrote.
 */
export function cleanCellText(raw: string, rule: TextRule): ReturnType<typeof cleanText> {
  const joined = rule.shape === 'line' ? raw.replace(/\s*[\r\n\u2028\u2029]\s*/g, '').replace(/\t/g, ' ') : raw;
  return cleanText(joined, rule);
}
