// A progress percentage as the register, the Gantt and its printout show it.

/** 35 → "35%"; no report yet → "—" */
export function percentLabel(p: number | null): string {
  return p === null ? '—' : `${p}%`;
}
