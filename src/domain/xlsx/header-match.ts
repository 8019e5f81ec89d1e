// Finds the header row of a messy sheet and maps its columns to fields (annex or any ColumnDef set),
// whatever spaces, line breaks, bracket widths and synonyms the file uses.
import type { AnnexField } from './annex-columns';
import type { ColumnDef } from './column-def';
import { toHalfWidth } from './parse-number';

/** "投资估算\n（万元）" → "投资估算(万元)" */
export function normaliseHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s\u00a0\u3000]/g, '')
    .replace(/[（【［]/g, '(')
    .replace(/[）】］]/g, ')')
    .replace(/[:：*＊]/g, '')
    .toLowerCase();
}

/** The amount unit a header names: 万元 by default, 元 or 亿元 when written. Returned as 元 per unit. */
export function headerUnitYuan(text: string): number {
  const n = normaliseHeader(text);
  if (/\(亿元\)|亿元/.test(n)) return 100_000_000;
  if (/\(万元\)|万元/.test(n)) return 10_000;
  if (/\(元\)/.test(n)) return 1;
  return 10_000;
}

function withoutUnit(normalised: string): string {
  return normalised.replace(/\((万元|元|亿元|年)\)$/, '').replace(/(万元|亿元)$/, '');
}

export function headerMatches(text: string, col: ColumnDef): boolean {
  const n = withoutUnit(normaliseHeader(text));
  if (n === '') return false;
  return [col.header, ...col.synonyms].some((name) => withoutUnit(normaliseHeader(name)) === n);
}

export interface HeaderMatch<F extends string = AnnexField> {
  /** 0-based index of the header row among the rows given */
  rowIndex: number;
  /** field → 0-based column index */
  columns: Map<F, number>;
  /** required columns not found, by their printed header */
  missing: string[];
  /** 元 per unit of each money column found (ColumnDef.money) */
  unitYuan: Map<F, number>;
  /** 元 per unit of the annex's investment column (10,000 when absent) */
  investmentUnitYuan: number;
}

/** Matches one row of header cells; the first cell matching a column wins. */
export function matchHeaderRow<F extends string>(cells: readonly string[], defs: readonly ColumnDef<F>[]): Omit<HeaderMatch<F>, 'rowIndex'> {
  const columns = new Map<F, number>();
  const unitYuan = new Map<F, number>();
  cells.forEach((text, i) => {
    for (const col of defs) {
      if (!columns.has(col.field) && headerMatches(text, col)) {
        columns.set(col.field, i);
        if (col.money) unitYuan.set(col.field, headerUnitYuan(text));
        break;
      }
    }
  });
  const missing = defs.filter((d) => d.required && !columns.has(d.field)).map((d) => d.header);
  const investment = [...unitYuan.entries()].find(([f]) => f === 'investment');
  return { columns, missing, unitYuan, investmentUnitYuan: investment?.[1] ?? 10_000 };
}

/**
 * The header row within the first `maxRows` rows: the row that matches the most columns
 * (at least two). null when no row looks like a header at all.
 */
export function findHeaderRow<F extends string>(
  rows: readonly (readonly string[])[],
  defs: readonly ColumnDef<F>[],
  maxRows = 15,
): HeaderMatch<F> | null {
  let best: HeaderMatch<F> | null = null;
  rows.slice(0, maxRows).forEach((cells, rowIndex) => {
    const m = matchHeaderRow(cells, defs);
    if (m.columns.size >= 2 && (best === null || m.columns.size > best.columns.size)) best = { rowIndex, ...m };
  });
  return best;
}
