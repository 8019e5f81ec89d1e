// Spreadsheet column letters. Pure and tiny on purpose: parsers in the parse worker import it
// without loading ExcelJS.

/** 1 → "A", 27 → "AA" (1-based column number) */
export function columnLetter(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
