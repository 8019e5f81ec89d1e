// Text written into a cell must read back as itself. SpreadsheetML stores a character as
// "_xHHHH_" (ECMA-376 §22.4.2.4), and Excel, WPS and our reader decode that on reading, so a
// literal "_x0041_" in a project's text would come back as "A". The spec's escape for a
// literal "_x" is "_x005F_x". Strings are always written as text values, so a leading "=",
// "+", "-", "@" or "'" stays text (never a formula) in Excel and WPS.

const LOOKS_ESCAPED = /_x(?=[0-9A-Fa-f]{4}_)/g;

/** The cell value that reads back as `text` (numbers pass through). */
export function cellTextValue<T extends string | number>(value: T): T | string {
  return typeof value === 'string' && value.includes('_x') ? value.replace(LOOKS_ESCAPED, '_x005F_x') : value;
}
