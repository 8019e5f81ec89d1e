// 到位率 and 支付率. Definitions (also shown on the dashboard):
//   到位率 = 到位 ÷ 计划安排; 支付率 = 支付 ÷ 到位.
// A rate whose denominator is 0 is unknown (null), never 0% or 100%.
import type { FundingAmount, FundingFigures } from './types';

export const ARRIVAL_RATE_DEFINITION = '资金到位率 = 已到位资金 ÷ 计划安排资金';
export const PAYMENT_RATE_DEFINITION = '资金支付率 = 已支付资金 ÷ 已到位资金';

export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function figures(plannedYuan: number, arrivedYuan: number, paidYuan: number): FundingFigures {
  return {
    plannedYuan,
    arrivedYuan,
    paidYuan,
    arrivalRate: ratio(arrivedYuan, plannedYuan),
    paymentRate: ratio(paidYuan, arrivedYuan),
  };
}

/** Sums of any set of amounts, with rates. */
export function figuresOf(amounts: Iterable<Pick<FundingAmount, 'kind' | 'amountYuan'>>): FundingFigures {
  let planned = 0;
  let arrived = 0;
  let paid = 0;
  for (const a of amounts) {
    if (a.kind === 'planned') planned += a.amountYuan;
    else if (a.kind === 'arrived') arrived += a.amountYuan;
    else paid += a.amountYuan;
  }
  return figures(planned, arrived, paid);
}

/** 0.8523 → "85.23%"; null → "—" */
export function formatRate(rate: number | null, digits = 2): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(digits)}%`;
}
