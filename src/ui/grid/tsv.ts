// The clipboard format Excel, WPS and LibreOffice put on the clipboard for a block of
// cells: tab-separated cells, CRLF (or LF / CR) between rows, a final line break, and
// cells holding a tab, a line break or a leading quote wrapped in "…" with "" for ".

/** Text from the clipboard → rows of cell texts (ragged rows kept as they are). */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  const endRow = (): void => {
    rows.push(row);
    row = [];
  };
  while (i <= n) {
    // one cell starts at i
    let cell: string | null = null;
    if (text[i] === '"') {
      const quoted = readQuoted(text, i);
      if (quoted) {
        cell = quoted.value;
        i = quoted.end;
      }
    }
    if (cell === null) {
      let j = i;
      while (j < n && text[j] !== '\t' && text[j] !== '\n' && text[j] !== '\r') j++;
      cell = text.slice(i, j);
      i = j;
    }
    row.push(cell);
    if (i >= n) {
      endRow();
      break;
    }
    const ch = text[i];
    if (ch === '\t') {
      i++;
      continue;
    }
    // a line break: \r\n, \n or \r
    i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    endRow();
    if (i >= n) break; // the final line break every spreadsheet adds
  }
  return rows;
}

/**
 * A quoted cell starting at `start`, when it is one: the closing quote must be followed by
 * a tab, a line break or the end. Otherwise the quote is just a character (e.g. `"abc`).
 */
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let i = start + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q === -1) return null;
    value += text.slice(i, q);
    if (text[q + 1] === '"') {
      value += '"';
      i = q + 2;
      continue;
    }
    const after = text[q + 1];
    if (after === undefined || after === '\t' || after === '\n' || after === '\r') return { value, end: q + 1 };
    return null;
  }
}

/** Rows of cell texts → clipboard text that spreadsheets paste back into the same cells. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  const cell = (s: string): string => (/[\t\r\n]|^"/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r) => r.map(cell).join('\t')).join('\r\n') + '\r\n';
}
