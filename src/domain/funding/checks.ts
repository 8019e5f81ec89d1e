// Consistency checks of a project's funding, all over the project's whole life (every year):
// - warning: the planned amounts of all sources do not add up to the investment estimate
//   (only once something is planned: an empty project is "not yet entered", not wrong);
// - error (confirmable): per project × source, more arrived than planned, or more paid than arrived.
import { formatWan } from '../money';
import { sumKind } from './totals';
import { amountKey, type FundingAmount, type FundingCellEdit } from './types';

export type FundingIssueCode = 'planned-vs-estimate' | 'arrived-over-planned' | 'paid-over-arrived';

export interface FundingIssue {
  severity: 'warning' | 'error';
  code: FundingIssueCode;
  projectId: number;
  sourceId: number | null;
  message: string;
}

export interface CheckedProject {
  id: number;
  seq: number;
  name: string;
  investmentYuan: number;
}

export interface CheckedSource {
  id: number;
  name: string;
}

const wan = (yuan: number): string => `${formatWan(yuan)} 万元`;

function projectLabel(p: CheckedProject): string {
  return `${p.seq}. ${p.name}`;
}

/** Issues of the given projects, computed from all their amounts (any year). Errors first. */
export function fundingIssues(
  projects: readonly CheckedProject[],
  sources: readonly CheckedSource[],
  amounts: readonly FundingAmount[],
): FundingIssue[] {
  const errors: FundingIssue[] = [];
  const warnings: FundingIssue[] = [];
  const byProject = new Map<number, FundingAmount[]>();
  for (const a of amounts) {
    const list = byProject.get(a.projectId);
    if (list) list.push(a);
    else byProject.set(a.projectId, [a]);
  }
  const sourceIds = sources.map((s) => s.id);
  const sourceName = new Map(sources.map((s) => [s.id, s.name]));
  for (const p of projects) {
    const own = byProject.get(p.id) ?? [];
    const extraSources = [...new Set(own.map((a) => a.sourceId))].filter((id) => !sourceName.has(id));
    for (const sourceId of [...sourceIds, ...extraSources]) {
      const planned = sumKind(own, 'planned', { sourceId });
      const arrived = sumKind(own, 'arrived', { sourceId });
      const paid = sumKind(own, 'paid', { sourceId });
      const source = sourceName.get(sourceId) ?? `来源 ${sourceId}`;
      if (arrived > planned) {
        errors.push({
          severity: 'error',
          code: 'arrived-over-planned',
          projectId: p.id,
          sourceId,
          message: `「${projectLabel(p)}」${source}：到位 ${wan(arrived)}，超过计划安排 ${wan(planned)}。`,
        });
      }
      if (paid > arrived) {
        errors.push({
          severity: 'error',
          code: 'paid-over-arrived',
          projectId: p.id,
          sourceId,
          message: `「${projectLabel(p)}」${source}：支付 ${wan(paid)}，超过到位 ${wan(arrived)}。`,
        });
      }
    }
    const plannedAll = sumKind(own, 'planned');
    const anyPlanned = own.some((a) => a.kind === 'planned');
    if (anyPlanned && plannedAll !== p.investmentYuan) {
      const diff = plannedAll - p.investmentYuan;
      warnings.push({
        severity: 'warning',
        code: 'planned-vs-estimate',
        projectId: p.id,
        sourceId: null,
        message: `「${projectLabel(p)}」各来源计划安排合计 ${wan(plannedAll)}，与投资估算 ${wan(p.investmentYuan)}不一致（${diff > 0 ? '多' : '少'} ${wan(Math.abs(diff))}）。`,
      });
    }
  }
  return [...errors, ...warnings];
}

/** Amounts after applying edits (null deletes); pure, for checking a save before writing it. */
export function applyEdits(
  amounts: readonly FundingAmount[],
  edits: readonly FundingCellEdit[],
): FundingAmount[] {
  const map = new Map(amounts.map((a) => [amountKey(a), a]));
  for (const e of edits) {
    if (e.amountYuan === null) map.delete(amountKey(e));
    else map.set(amountKey(e), { projectId: e.projectId, sourceId: e.sourceId, year: e.year, kind: e.kind, amountYuan: e.amountYuan });
  }
  return [...map.values()];
}
