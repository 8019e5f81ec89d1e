// The 需关注 list: red first, then projects long unreported, then yellow; within a
// kind, the largest investment first (what a leader would ask about first).
import type { AttentionItem, LightKey } from '../api/dashboard';

export interface AttentionInput {
  projectId: number;
  seq: number;
  name: string;
  light: LightKey;
  reason: string;
  investmentYuan: number;
  /** whole months since the last report, null if never reported */
  monthsSinceReport: number | null;
  /** a report is due: the planned start has passed */
  reportDue: boolean;
}

const RANK: Record<AttentionItem['kind'], number> = { red: 0, unreported: 1, yellow: 2 };

/** staleMonths: months without a report after which a project is listed (设置 → 阈值) */
export function attentionKind(p: AttentionInput, staleMonths: number): AttentionItem['kind'] | null {
  if (p.light === 'red') return 'red';
  if (p.light !== 'done' && p.reportDue && (p.monthsSinceReport === null || p.monthsSinceReport >= staleMonths)) {
    return 'unreported';
  }
  if (p.light === 'yellow') return 'yellow';
  return null;
}

function unreportedReason(p: AttentionInput): string {
  return p.monthsSinceReport === null ? '从未填报进度' : `已${p.monthsSinceReport}个月未填报`;
}

export function attentionList(items: readonly AttentionInput[], staleMonths: number): AttentionItem[] {
  const listed: (AttentionItem & { investmentYuan: number })[] = [];
  for (const p of items) {
    const kind = attentionKind(p, staleMonths);
    if (!kind) continue;
    const reason = kind === 'unreported' ? unreportedReason(p) : p.reason;
    listed.push({ projectId: p.projectId, seq: p.seq, name: p.name, light: p.light, kind, reason, investmentYuan: p.investmentYuan });
  }
  listed.sort((a, b) => RANK[a.kind] - RANK[b.kind] || b.investmentYuan - a.investmentYuan || a.seq - b.seq);
  return listed.map(({ investmentYuan: _drop, ...item }) => item);
}
