// The register (项目台账) and project detail views.
import type { AppMeta, ProjectDetail, RegisterProjectKey, RegisterRow, RegisterRows, RegisterSummary, RegisterView } from '../../domain/api/register';
import type { Plan, Project } from '../../domain/model';
import { DEFAULT_LISTS } from '../../domain/api/register';
import { packRegisterRows, type RegisterColumns } from '../../domain/api/register-columns';
import { firstAnswer, firstBasis, type RegisterFirst } from '../../domain/api/register-first';
import type { ServiceContext } from '../context';
import { SCHEMA_VERSION } from '../db/migrations';
import { listChangesForProject } from '../repositories/change-log-repo';
import { fundingTotalsByProject, NO_FUNDING } from '../repositories/funding-totals-repo';
import { getPlan, listPlans, resolvePlanId } from '../repositories/plans-repo';
import { listFundingSources, listPlaces } from '../repositories/reference-repo';
import { loadPlanFacts, loadProjectFacts, type PlanFacts } from './facts-service';
import { memoPerDbState } from './plan-facts-cache';
import { townShares } from '../../domain/dashboard/town-share';

function uniqueInOrder(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

type PlanProject = PlanFacts['projects'][number];

/**
 * The Project fields the register shows (REGISTER_PROJECT_KEYS), and nothing else: written out,
 * because a literal is ten times faster than copying by a key list at 10,000 rows, and the
 * return type refuses a missing or an extra field.
 */
function projectPart(p: Project): Pick<Project, RegisterProjectKey> {
  return {
    id: p.id,
    seq: p.seq,
    name: p.name,
    category: p.category,
    nature: p.nature,
    owner: p.owner,
    locationText: p.locationText,
    scaleText: p.scaleText,
    investmentYuan: p.investmentYuan,
    startYear: p.startYear,
    endYear: p.endYear,
    startDate: p.startDate,
    endDate: p.endDate,
    remark: p.remark,
  };
}

/** What the register table shows of one project (the slim row of `register.rows`). */
function registerRow({ project: p, sites, facts }: PlanProject): RegisterRow {
  return {
    ...projectPart(p),
    siteCount: sites.length,
    towns: uniqueInOrder(sites.map((s) => s.town)),
    facts: {
      percent: facts.percent,
      stage: facts.stage,
      light: facts.light,
      lightReason: facts.lightReason,
      lastReportMonth: facts.lastReportMonth,
      completedInvestmentYuan: facts.completedInvestmentYuan,
    },
    townShares: townShares([{ id: p.id, investmentYuan: p.investmentYuan, sites }]).map(({ town, shareYuan, siteCount }) => ({
      town,
      shareYuan,
      siteCount,
    })),
    siteTexts: sites.map((s) => [s.town, s.village, s.address, s.scaleText].filter((x) => x !== '').join(' ')),
  };
}

function summary(plan: Plan, rows: readonly RegisterRow[]): RegisterSummary {
  return {
    plan,
    totalInvestmentYuan: rows.reduce((sum, p) => sum + p.investmentYuan, 0),
    siteCount: rows.reduce((n, r) => n + r.siteCount, 0),
    categories: uniqueInOrder(rows.map((p) => p.category)),
    towns: uniqueInOrder(rows.flatMap((r) => r.towns)).sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')),
  };
}

/** The whole register: every Project field, all facts and funding totals (list --json, tests). */
export function registerView(ctx: ServiceContext, planId?: number): RegisterView {
  const { plan, projects } = loadPlanFacts(ctx, planId);
  const funding = fundingTotalsByProject(ctx.db, plan.id);
  const rows = projects.map((pf) => {
    const { sites: _siteFacts, projectId: _id, ...own } = pf.facts;
    return { ...pf.project, ...registerRow(pf), facts: own, funding: funding.get(pf.project.id) ?? NO_FUNDING };
  });
  return { ...summary(plan, rows), projects: rows };
}

/** The register as the table needs it: slim rows, small JSON even at 10,000 projects. */
export function registerRows(ctx: ServiceContext, planId?: number): RegisterRows {
  const id = resolvePlanId(ctx.db, planId);
  return memoPerDbState(ctx.db, `registerRows:${id}`, ctx.today(), () => {
    const { plan, projects } = loadPlanFacts(ctx, id);
    const rows = projects.map(registerRow);
    return { ...summary(plan, rows), projects: rows };
  });
}

/** register.rows in its compact wire form (register-columns.ts), memoised beside it. */
export function registerColumns(ctx: ServiceContext, planId?: number): RegisterColumns {
  const id = resolvePlanId(ctx.db, planId);
  return memoPerDbState(ctx.db, `registerColumns:${id}`, ctx.today(), () => packRegisterRows(registerRows(ctx, id)));
}

/**
 * The register's first answer (register-first.ts). Memoised per plan, not per window: a window
 * (1–1000 rows) is cut afresh each time (a millisecond or two), so no run of requests with
 * different windows can fill the server's memory with copies of the register.
 */
export function registerFirst(ctx: ServiceContext, window: number, planId?: number): RegisterFirst {
  const id = resolvePlanId(ctx.db, planId);
  const rows = registerRows(ctx, id);
  const basis = memoPerDbState(ctx.db, `registerFirstBasis:${id}`, ctx.today(), () => firstBasis(rows));
  return firstAnswer(rows, window, basis, () => registerColumns(ctx, id));
}

export function projectDetail(ctx: ServiceContext, id: number): ProjectDetail {
  const { project, sites, milestones, facts } = loadProjectFacts(ctx, id);
  return {
    project,
    plan: getPlan(ctx.db, project.planId),
    sites,
    milestones,
    history: listChangesForProject(ctx.db, id),
    facts,
  };
}

export function appMeta(ctx: ServiceContext): AppMeta {
  return {
    dbPath: ctx.dbPath,
    schemaVersion: SCHEMA_VERSION,
    user: ctx.user,
    ...DEFAULT_LISTS,
    fundingSources: listFundingSources(ctx.db),
    places: listPlaces(ctx.db),
    readOnly: ctx.db.readonly,
    warnings: [...(ctx.startupWarnings ?? [])],
  };
}

export { listPlans };
