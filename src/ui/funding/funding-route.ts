// #/funding?plan=ID&project=ID (one project, years down) or &year=YYYY (all projects, one year).
import type { FundingScope } from './funding-grid';

export interface FundingRouteParams {
  planId?: number;
  projectId?: number;
  year?: number;
}

const positiveInt = (s: string | null): number | undefined => {
  const n = Number(s);
  return s !== null && Number.isInteger(n) && n > 0 ? n : undefined;
};

export function parseFundingQuery(query: string): FundingRouteParams {
  const q = new URLSearchParams(query);
  const out: FundingRouteParams = {};
  const planId = positiveInt(q.get('plan'));
  const projectId = positiveInt(q.get('project'));
  const year = positiveInt(q.get('year'));
  if (planId !== undefined) out.planId = planId;
  if (projectId !== undefined) out.projectId = projectId;
  else if (year !== undefined && year >= 1990 && year <= 2100) out.year = year;
  return out;
}

export function fundingHash(planId: number, scope: FundingScope): string {
  return scope.kind === 'project' ? `#/funding?plan=${planId}&project=${scope.projectId}` : `#/funding?plan=${planId}&year=${scope.year}`;
}
