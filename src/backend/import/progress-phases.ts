// Turns step-by-step progress ("读取工作簿 3,000/12,000") into one percent for the whole job,
// by the share of the time each step takes (measured on a 10,000-row annex). Pure.
import type { ProgressReporter } from '../context';

export interface Phase {
  name: string;
  /** share of the job, any scale; normalised over the list */
  weight: number;
}

// shares re-measured after the issue-9 speed work (byte-level reader, set-based change log;
// then most of the diff begun on rows sent ahead during 检查数据, leaving little for 比对)
export const PREVIEW_PHASES: readonly Phase[] = [
  { name: '检查文件', weight: 3 },
  { name: '读取工作簿', weight: 35 },
  { name: '检查数据', weight: 55 },
  { name: '比对现有数据', weight: 7 },
];

export const APPLY_PHASES: readonly Phase[] = [
  { name: '核对数据', weight: 2 },
  { name: '备份数据库', weight: 10 },
  { name: '写入数据库', weight: 88 },
];

/**
 * A reporter that adds the overall percent. A step not in the list keeps the percent
 * where it was; the percent never goes back.
 */
export function phasedReporter(report: ProgressReporter | undefined, phases: readonly Phase[]): ProgressReporter {
  const sum = phases.reduce((n, p) => n + p.weight, 0) || 1;
  const starts = new Map<string, { start: number; share: number }>();
  let at = 0;
  for (const p of phases) {
    starts.set(p.name, { start: (100 * at) / sum, share: (100 * p.weight) / sum });
    at += p.weight;
  }
  let percent = 0;
  return (phase, done, total) => {
    const s = starts.get(phase);
    if (s) {
      const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
      percent = Math.max(percent, s.start + s.share * fraction);
    }
    report?.(phase, done, total, Math.round(percent * 10) / 10);
  };
}
