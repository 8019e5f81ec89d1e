// The figures `npm run bench` measures, the shape `--json FILE` writes, and the targets of
// issue 9 they are judged against. Each bench module returns its part; run.ts merges them.

export interface GanttSizeFigures {
  oursRenderMs: number;
  frappeRenderMs: number;
  oursFrameP95Ms: number;
  frappeFrameP95Ms: number;
}

export interface GanttFigures {
  rows137?: GanttSizeFigures;
  rows1000?: GanttSizeFigures;
  rows10000?: GanttSizeFigures;
}

export interface XlsxFigures {
  /** the whole import of a 10,000-row annex: check, read, preview, back up, write */
  importS?: number;
  /** the apply phase alone (backup excluded): the transaction that writes the rows */
  importWriteMs?: number;
  /** ExcelJS's own load of the same file, measured in the same run */
  exceljsLoadS?: number;
  exportS?: number;
  /** ExcelJS writing the same cells plainly, measured in the same run */
  exceljsWriteS?: number;
  /** peak RSS of a child process that does only our import */
  importPeakRssMb?: number;
}

export interface RegisterFigures {
  rows10000RenderMs?: number;
  filterKeystrokeMs?: number;
  seededInteractiveMs?: number;
}

export interface BenchResults {
  gantt?: GanttFigures;
  xlsx?: XlsxFigures;
  register?: RegisterFigures;
}

/** One section at a time, later modules adding to (never erasing) earlier ones. */
export function mergeResults(a: BenchResults, b: BenchResults): BenchResults {
  return {
    gantt: a.gantt || b.gantt ? { ...a.gantt, ...b.gantt } : undefined,
    xlsx: a.xlsx || b.xlsx ? { ...a.xlsx, ...b.xlsx } : undefined,
    register: a.register || b.register ? { ...a.register, ...b.register } : undefined,
  };
}

export interface Verdict {
  what: string;
  figure: string;
  target: string;
  met: boolean;
}

const ms = (x: number): string => `${x.toFixed(0)} ms`;
const s = (x: number): string => `${x.toFixed(2)} s`;

/** one refresh of a 60 Hz display, the unit a requestAnimationFrame delta comes in */
export const FRAME_MS = 1000 / 60;

/**
 * How many display frames a requestAnimationFrame delta spans. "Never worse than frappe-gantt"
 * compares these: deltas of 16.7 and 16.8 ms are both one frame, apart only by timer jitter
 * (a run where frappe-gantt's p95 came out 0.1 ms lower was not a frame worse).
 */
export function displayFrames(deltaMs: number): number {
  return Math.max(1, Math.round(deltaMs / FRAME_MS));
}

/** Every target of issue 9 that the results carry a figure for. */
export function judge(r: BenchResults): Verdict[] {
  const out: Verdict[] = [];
  const g = r.gantt;
  const sizes = [
    ['137', g?.rows137, 80],
    ['1,000', g?.rows1000, undefined],
    ['10,000', g?.rows10000, 150],
  ] as const;
  for (const [label, f, limit] of sizes) {
    if (!f) continue;
    if (limit !== undefined) {
      out.push({ what: `Gantt first render, ${label} rows`, figure: `${ms(f.oursRenderMs)} (frappe-gantt ${ms(f.frappeRenderMs)})`, target: `≤ ${limit} ms`, met: f.oursRenderMs <= limit });
    }
    if (label !== '137') {
      out.push({
        what: `Gantt scroll frame p95, ${label} rows`,
        figure: `${f.oursFrameP95Ms.toFixed(1)} ms (frappe-gantt ${f.frappeFrameP95Ms.toFixed(1)} ms)`,
        target: '≤ 17 ms and ≤ frappe-gantt',
        met: f.oursFrameP95Ms <= 17 && displayFrames(f.oursFrameP95Ms) <= displayFrames(f.frappeFrameP95Ms),
      });
    }
  }
  const x = r.xlsx;
  if (x?.importS !== undefined && x.exceljsLoadS !== undefined) {
    const ratio = x.importS / x.exceljsLoadS;
    out.push({ what: 'Import of a 10,000-row annex', figure: `${s(x.importS)}, ${ratio.toFixed(2)}× ExcelJS load (${s(x.exceljsLoadS)})`, target: '≤ 1.0 s, ≤ 0.7× ExcelJS load', met: x.importS <= 1 && ratio <= 0.7 });
  }
  if (x?.importWriteMs !== undefined) {
    out.push({ what: 'the write phase of that import', figure: ms(x.importWriteMs), target: '≤ 250 ms', met: x.importWriteMs <= 250 });
  }
  if (x?.exportS !== undefined && x.exceljsWriteS !== undefined) {
    const ratio = x.exportS / x.exceljsWriteS;
    out.push({ what: 'Export of the same annex', figure: `${s(x.exportS)}, ${ratio.toFixed(2)}× ExcelJS plain write (${s(x.exceljsWriteS)})`, target: '≤ 0.8× ExcelJS plain write', met: ratio <= 0.8 });
  }
  if (x?.importPeakRssMb !== undefined) {
    out.push({ what: 'Peak memory of one 10,000-row import (own process)', figure: `${x.importPeakRssMb.toFixed(0)} MB RSS`, target: '≤ 300 MB', met: x.importPeakRssMb <= 300 });
  }
  const reg = r.register;
  if (reg?.rows10000RenderMs !== undefined) {
    out.push({ what: 'Register with 10,000 projects: first render', figure: ms(reg.rows10000RenderMs), target: '≤ 200 ms', met: reg.rows10000RenderMs <= 200 });
  }
  if (reg?.filterKeystrokeMs !== undefined) {
    out.push({ what: 'Register with 10,000 projects: one filter keystroke', figure: ms(reg.filterKeystrokeMs), target: '≤ 50 ms', met: reg.filterKeystrokeMs <= 50 });
  }
  if (reg?.seededInteractiveMs !== undefined) {
    out.push({ what: 'Opening the app page to an interactive register (seeded plan)', figure: ms(reg.seededInteractiveMs), target: '≤ 300 ms', met: reg.seededInteractiveMs <= 300 });
  }
  return out;
}

/** The median of a list (the lower middle for an even count); 0 for none. */
export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/** The p95 of a list of frame times. */
export function p95(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
}
