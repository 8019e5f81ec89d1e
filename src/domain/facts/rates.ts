// The four rates of key-project reporting, as pure functions of the facts. A rate whose
// denominator is 0 is unknown (null), never 0 % or 100 %. Values are shares 0..1.
// Cancelled projects (取消) count in none of them.
import type { IsoDate } from '../calendar';
import { ARRIVAL_RATE_DEFINITION, ratio } from '../funding/rates';
import type { Facts } from './project-facts';
import { CANCELLED_STAGE } from './stages';

export type RateKey = 'start' | 'invest' | 'funding' | 'completion';

export interface Rate {
  key: RateKey;
  label: string;
  /** 0..1; null when the denominator is 0 */
  value: number | null;
  numerator: number;
  denominator: number;
  /** what it measures, in Chinese, shown on hover */
  definition: string;
}

export const RATE_DEFINITIONS: Record<RateKey, string> = {
  start: '开工率 = 已开工项目数 ÷ 计划开工时间已到的项目数（已开工：有开工实际日期，或进度报告显示已动工）',
  invest: '投资完成率 = 累计完成投资 ÷ 投资估算总额',
  funding: ARRIVAL_RATE_DEFINITION,
  completion: '按期竣工率 = 在计划竣工日期前完工的项目数 ÷ 计划竣工日期已过的项目数（完工：竣工验收，或进度报告为完工、竣工验收、投入使用或100%）',
};

export interface RateProject {
  facts: Pick<Facts, 'plannedStart' | 'plannedEnd' | 'started' | 'finished' | 'actualEnd' | 'stage' | 'completedInvestmentYuan'>;
  investmentYuan: number;
}

const live = (ps: readonly RateProject[]): RateProject[] => ps.filter((p) => p.facts.stage !== CANCELLED_STAGE);

function rate(key: RateKey, label: string, numerator: number, denominator: number): Rate {
  return { key, label, value: ratio(numerator, denominator), numerator, denominator, definition: RATE_DEFINITIONS[key] };
}

/** 开工率: among projects whose planned start is today or earlier, the share that has started. */
export function startRate(projects: readonly RateProject[], today: IsoDate): Rate {
  const due = live(projects).filter((p) => p.facts.plannedStart <= today);
  return rate('start', '开工率', due.filter((p) => p.facts.started).length, due.length);
}

/** 投资完成率: cumulative completed investment over the total estimate (integer 元 both). */
export function investmentRate(projects: readonly RateProject[]): Rate {
  const ps = live(projects);
  return rate(
    'invest',
    '投资完成率',
    ps.reduce((s, p) => s + p.facts.completedInvestmentYuan, 0),
    ps.reduce((s, p) => s + p.investmentYuan, 0),
  );
}

/** 资金到位率: arrived over planned, from the funding totals (integer 元). */
export function fundingRate(totals: { plannedYuan: number; arrivedYuan: number }): Rate {
  return rate('funding', '资金到位率', totals.arrivedYuan, totals.plannedYuan);
}

/** 按期竣工率: among projects whose planned end day is before today, the share finished by that day. */
export function onTimeCompletionRate(projects: readonly RateProject[], today: IsoDate): Rate {
  const due = live(projects).filter((p) => p.facts.plannedEnd < today);
  const onTime = due.filter((p) => p.facts.finished && p.facts.actualEnd !== null && p.facts.actualEnd <= p.facts.plannedEnd);
  return rate('completion', '按期竣工率', onTime.length, due.length);
}

/** The four, in the order reports print them. */
export function fourRates(
  projects: readonly RateProject[],
  funding: { plannedYuan: number; arrivedYuan: number },
  today: IsoDate,
): Rate[] {
  return [startRate(projects, today), investmentRate(projects), fundingRate(funding), onTimeCompletionRate(projects, today)];
}
