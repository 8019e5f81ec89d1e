// Bounded, normalised text for the Api contract. Every string in a schema is built from one of
// these helpers (tests/unit/contract-bounds.test.ts fails on a bare z.string() without .max).
//
//   nameText(max, label)  required, one line           (project/plan/site names)
//   shortText(max, label) may be empty, one line        (category, owner, leader, 备注, codes)
//   longText(max, label)  may be empty, \n and \t kept  (scale text, location, notes, descriptions)
//   rawText(max, label)   bounded but NOT normalised    (base64, tokens, file names from the OS)
//
// The normalising helpers trim (incl. zero-width spaces, BOM, U+3000), apply NFC, refuse control
// characters, and output the saved value (a zod transform), so handlers receive clean text.
// textSchema(rule, label) takes a TextRule directly (project fields: PROJECT_TEXT_RULES in
// src/domain/project-rules.ts). The same rule (src/domain/text-normalise.ts) runs on imports.
// Messages are Chinese and start with the field's label, e.g. "项目名称不能为空".
import { z } from 'zod';
import { cleanText, type TextRule } from '../text-normalise';

export type { TextRule };
// the limits themselves live zod-free in text-limits.ts (the worker and the UI read them from there)
export { BASE64_MAX, FILE_NAME_MAX, NAME_MAX, PERSON_MAX, SHORT_MAX, TEXT_MAX, TOKEN_MAX, WORKBOOK_MAX_BYTES } from '../text-limits';
import { NAME_MAX, SHORT_MAX, TEXT_MAX } from '../text-limits';

// Input longer than this is refused before it is normalised at all (cheap, and visible to the
// contract-bounds test as the string's .max); twice the limit leaves room for trimming and NFC.
function rawBound(max: number): number {
  return max * 2 + 16;
}

function tooLong(label: string, max: number): string {
  return `${label}过长：最多 ${max} 个字符`;
}

/** The schema for any TextRule (the helpers below are its shorthands); output is the saved text. */
export function textSchema(rule: TextRule, label: string) {
  const { max } = rule;
  return z
    .string({ message: `${label}应为文字` })
    .max(rawBound(max), tooLong(label, max))
    .transform((raw, ctx) => {
      const r = cleanText(raw, rule);
      if (r.ok) return r.value;
      ctx.addIssue({ code: 'custom', message: `${label}${r.problem}` });
      return z.NEVER;
    });
}

/** Required one-line name: trimmed, NFC, no control characters, not only invisible characters. */
export function nameText(max: number = NAME_MAX, label = '名称') {
  return textSchema({ shape: 'line', required: true, max }, label);
}

/** One-line text that may be empty (''). */
export function shortText(max: number = SHORT_MAX, label = '此项') {
  return textSchema({ shape: 'line', required: false, max }, label);
}

/** Multi-line text that may be empty: \n and \t are kept, CRLF becomes \n, other controls refused. */
export function longText(max: number = TEXT_MAX, label = '此项') {
  return textSchema({ shape: 'multiline', required: false, max }, label);
}

/** Bounded text passed through unchanged (base64, tokens, OS file names). Required unless min is 0. */
export function rawText(max: number, label = '此项', min = 1) {
  const s = z.string({ message: `${label}应为文字` }).max(max, tooLong(label, max));
  return min > 0 ? s.min(min, `${label}不能为空`) : s;
}
