// The funding page's grid model: sources across (计划/到位/支付), totals and rates computed
// per row and in the 合计 row, edits back to funding.save cells, live checks.
import { describe, expect, it } from 'vitest';
import type { FundingView } from '../../src/domain/api/funding';
import { fundingTotals } from '../../src/domain/funding/totals';
import type { FundingAmount } from '../../src/domain/funding/types';
import { evaluateGrid, withWrites, NO_DRAFTS } from '../../src/ui/grid/drafts';
import { isComputed } from '../../src/ui/grid/types';
import { buildFundingGrid, fundingFooter, liveIssues, toCellEdits } from '../../src/ui/funding/funding-grid';
import { fundingHash, parseFundingQuery } from '../../src/ui/funding/funding-route';

const amounts: FundingAmount[] = [
  { projectId: 1, sourceId: 10, year: 2023, kind: 'planned', amountYuan: 1_000_000 },
  { projectId: 1, sourceId: 10, year: 2023, kind: 'arrived', amountYuan: 500_000 },
  { projectId: 1, sourceId: 20, year: 2024, kind: 'planned', amountYuan: 12_345 },
  { projectId: 2, sourceId: 20, year: 2023, kind: 'paid', amountYuan: 10_000 },
];

const view: FundingView = {
  plan: { id: 1, title: '某规划', issuer: '', startYear: 2023, endYear: 2024 },
  sources: [
    { id: 10, code: 'a', name: '中央补助', sort: 1, amountCount: 2 },
    { id: 20, code: 'b', name: '县级配套', sort: 2, amountCount: 2 },
  ],
  projects: [
    { id: 1, seq: 1, name: '甲', investmentYuan: 1_012_345, startYear: 2023, endYear: 2024 },
    { id: 2, seq: 2, name: '乙', investmentYuan: 0, startYear: 2023, endYear: 2023 },
  ],
  years: [2023, 2024],
  scope: { projectId: 1, year: null },
  amounts,
  totals: fundingTotals(amounts),
  issues: [],
};

describe('funding grid model', () => {
  it('project scope: years down, sources × kinds across, then totals and rates', () => {
    const g = buildFundingGrid(view, { kind: 'project', projectId: 1 }, [2026]);
    expect(g.model.rows.map((r) => r.header)).toEqual(['2023年', '2024年', '2026年']);
    expect(g.model.columns.map((c) => `${c.group ?? ''}/${c.header}`)).toEqual([
      '中央补助/计划', '中央补助/到位', '中央补助/支付', '县级配套/计划', '县级配套/到位', '县级配套/支付',
      '合计/计划', '合计/到位', '合计/支付', '/到位率', '/支付率',
    ]);
    expect(g.model.values[0]?.slice(0, 6)).toEqual([1_000_000, 500_000, null, null, null, null]);
    const rowText = (r: number) => g.model.columns.map((c) => (isComputed(c) ? c.compute(g.model.values[r] ?? []) : c.format(g.model.values[r]?.[g.model.columns.indexOf(c)] ?? null)));
    expect(rowText(0)).toEqual(['100', '50', '', '', '', '', '100', '50', '0', '50.00%', '0.00%']);
    expect(rowText(1)).toEqual(['', '', '', '1.2345', '', '', '1.2345', '0', '0', '0.00%', '—']);
    expect(fundingFooter(g, g.model.values).cells).toEqual(['100', '50', '0', '1.2345', '0', '0', '101.2345', '50', '0', '49.39%', '0.00%']);
  });

  it('year scope: projects down; edits become funding.save cells; the footer and checks follow the drafts', () => {
    const g = buildFundingGrid({ ...view, scope: { projectId: null, year: 2023 } }, { kind: 'year', year: 2023 });
    expect(g.model.rows.map((r) => r.header)).toEqual(['1. 甲', '2. 乙']);
    expect(g.model.values[1]?.[5]).toBe(10_000);
    const drafts = withWrites(g.model, NO_DRAFTS, [
      { row: 0, col: 1, text: '120' }, // arrived 120 万 > planned 100 万
      { row: 1, col: 5, text: '' }, // clear 乙's paid
      { row: 1, col: 3, text: '1,000.5' },
    ]);
    const ev = evaluateGrid(g.model, drafts);
    expect(ev.problems).toEqual([]);
    const edits = toCellEdits(g, ev.changes);
    expect(edits).toEqual([
      { projectId: 1, year: 2023, sourceId: 10, kind: 'arrived', amountYuan: 1_200_000 },
      { projectId: 2, year: 2023, sourceId: 20, kind: 'planned', amountYuan: 10_005_000 },
      { projectId: 2, year: 2023, sourceId: 20, kind: 'paid', amountYuan: null },
    ]);
    expect(fundingFooter(g, ev.current).cells.slice(6)).toEqual(['1,100.5', '120', '0', '10.90%', '0.00%']);
    const issues = liveIssues(view, { kind: 'year', year: 2023 }, edits);
    expect(issues.map((i) => [i.severity, i.code, i.projectId])).toEqual([
      ['error', 'arrived-over-planned', 1],
      ['warning', 'planned-vs-estimate', 2], // 甲's planned still adds up to its estimate
    ]);
  });

  it('marks bad amounts with the row and column named', () => {
    const g = buildFundingGrid(view, { kind: 'project', projectId: 1 });
    const ev = evaluateGrid(g.model, withWrites(g.model, NO_DRAFTS, [{ row: 1, col: 4, text: '-3' }]));
    expect(ev.problems).toEqual([{ row: 1, col: 4, message: '金额不能为负数', where: '第 2 行（2024年），县级配套·到位（万元）' }]);
  });

  it('route: project or year, plan kept', () => {
    expect(parseFundingQuery('plan=2&project=5')).toEqual({ planId: 2, projectId: 5 });
    expect(parseFundingQuery('plan=2&year=2024')).toEqual({ planId: 2, year: 2024 });
    expect(parseFundingQuery('year=12&project=x')).toEqual({});
    expect(fundingHash(3, { kind: 'year', year: 2025 })).toBe('#/funding?plan=3&year=2025');
  });
});
