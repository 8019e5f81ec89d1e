// Which years a funding grid or workbook offers: the plan's window, the projects'
// windows, and every year that already has an amount (nothing recorded is ever hidden).
import type { FundingAmount } from './types';

interface Window {
  startYear: number;
  endYear: number;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/** Sorted years covering the windows given plus the years of the amounts. */
export function fundingYears(windows: readonly Window[], amounts: readonly Pick<FundingAmount, 'year'>[]): number[] {
  const years = new Set<number>();
  for (const w of windows) for (const y of range(w.startYear, w.endYear)) years.add(y);
  for (const a of amounts) years.add(a.year);
  return [...years].sort((a, b) => a - b);
}

/** One project's rows in the 资金构成 workbook: its own window plus the years it has amounts in. */
export function projectYears(project: Window, amounts: readonly Pick<FundingAmount, 'year'>[]): number[] {
  return fundingYears([project], amounts);
}
