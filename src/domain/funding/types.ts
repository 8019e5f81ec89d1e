// Funding amounts as every layer sees them: integer 元 per project × source × year × kind.
import type { FundingKind } from '../model';

/** One stored amount; a missing combination means "nothing recorded" (not 0). */
export interface FundingAmount {
  projectId: number;
  sourceId: number;
  year: number;
  kind: FundingKind;
  amountYuan: number;
}

/** One edited cell: a new amount, or null to delete it. */
export interface FundingCellEdit {
  projectId: number;
  sourceId: number;
  year: number;
  kind: FundingKind;
  amountYuan: number | null;
}

/** planned / arrived / paid sums with their two rates (null when the denominator is 0). */
export interface FundingFigures {
  plannedYuan: number;
  arrivedYuan: number;
  paidYuan: number;
  /** 到位率 = arrived ÷ planned */
  arrivalRate: number | null;
  /** 支付率 = paid ÷ arrived */
  paymentRate: number | null;
}

export const FUNDING_KIND_LABELS: Record<FundingKind, string> = {
  planned: '计划安排',
  arrived: '到位',
  paid: '支付',
};

/** The short labels of grid sub-columns. */
export const FUNDING_KIND_SHORT: Record<FundingKind, string> = {
  planned: '计划',
  arrived: '到位',
  paid: '支付',
};

export function amountKey(a: Pick<FundingAmount, 'projectId' | 'sourceId' | 'year' | 'kind'>): string {
  return `${a.projectId}:${a.sourceId}:${a.year}:${a.kind}`;
}
