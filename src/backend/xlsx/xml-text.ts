// Text as the workbook writer puts it into SpreadsheetML, so that Excel, WPS, LibreOffice,
// openpyxl, ExcelJS and our own reader all read back the very same string:
// - a literal "_xHHHH_" is escaped as "_x005F_xHHHH_" (ECMA-376 §22.4.2.4; readers decode
//   "_xHHHH_" to one character, so the text would otherwise come back changed);
// - characters XML 1.0 cannot carry (C0 controls but \t and \n, \r which parsers turn into
//   \n, U+FFFE/U+FFFF, half surrogate pairs) become "_xHHHH_", as Excel writes them;
// - &, < and > become entities (and " in attributes).
import { cellTextValue } from './cell-text';

const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// a quick test before any replacing
const NEEDS_WORK = /[&<>_\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

function hex4(ch: string): string {
  return `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
}

/** A cell's text as element content (<t>…</t>), reading back exactly as `text`. */
export function xmlCellText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  // the literal "_xHHHH_" first (the rule ExcelJS-written workbooks use too), then the
  // characters XML cannot carry, whose own escapes must not be escaped again
  let s = cellTextValue(text).replace(NOT_XML, hex4);
  if (s.includes('&')) s = s.replace(/&/g, '&amp;');
  if (s.includes('<')) s = s.replace(/</g, '&lt;');
  if (s.includes('>')) s = s.replace(/>/g, '&gt;');
  return s;
}

// names, formulas, footers: entities only
export { xmlEscape } from '../../domain/xml-escape';

/** <t> keeps leading and trailing spaces and line breaks only with xml:space="preserve". */
export function needsPreserve(text: string): boolean {
  return /^\s|\s$|\n/.test(text);
}
