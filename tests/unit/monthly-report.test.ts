// The monthly report grid's pure logic: cell parsing, rows from 'progress.month', the entries
// a save sends (changed rows only), live checks and the backend's refusals put on cells.
import { describe, expect, it } from 'vitest';
import type { MonthSheet } from '../../src/domain/api/progress';
import type { ProgressEntry } from '../../src/domain/model';
import { cellKey, evaluateGrid, NO_DRAFTS, withWrites, type Drafts } from '../../src/ui/grid/drafts';
import { COL, parsePercent, parseStage, parseWan, PREVIOUS_COL } from '../../src/ui/progress/report-columns';
import { buildReportGrid, rowsInScope } from '../../src/ui/progress/report-grid';
import { monthChoices, parseReportQuery, previousMonth, reportHash } from '../../src/ui/progress/report-month';
import {
  issuesToCells,
  pendingEntries,
  prepareReport,
  reportFooter,
  rowSignature,
  withAutoCumulative,
} from '../../src/ui/progress/report-save';

const TODAY = '2026-11-29';

function entry(p: Partial<ProgressEntry> & Pick<ProgressEntry, 'id' | 'siteId' | 'reportMonth'>): ProgressEntry {
  return {
    projectId: 10,
    date: '2026-10-05',
    stage: '在建',
    percent: 40,
    description: '主体施工',
    investPeriodYuan: 200_000,
    investCumulativeYuan: 1_200_000,
    problems: '',
    author: '李四',
    ...p,
  };
}

const september = entry({ id: 1, siteId: 42, reportMonth: '2026-09' });
const octoberDone = entry({ id: 2, siteId: 43, reportMonth: '2026-10', stage: '完工', percent: 100, investCumulativeYuan: 3_000_000 });

const sheet: MonthSheet = {
  plan: { id: 1, title: '十四五规划', issuer: '', startYear: 2021, endYear: 2025 },
  month: '2026-10',
  today: TODAY,
  rows: [
    { projectId: 10, siteId: null, seqLabel: '10', name: '便民服务中心', current: null, previous: null },
    { projectId: 10, siteId: 42, seqLabel: '10-1', name: '公平镇 万民村', current: null, previous: september },
    { projectId: 10, siteId: 43, seqLabel: '10-2', name: '公平镇 长龙村', current: octoberDone, previous: null },
    { projectId: 10, siteId: 44, seqLabel: '10-3', name: '公平镇 浸塘村', current: null, previous: null },
    { projectId: 11, siteId: null, seqLabel: '11', name: '骨灰堂', current: null, previous: null },
  ],
};

const grid = buildReportGrid(sheet, { kind: 'project', projectId: 10 });
const write = (drafts: Drafts, row: number, col: number, text: string): Drafts => withWrites(grid.model, drafts, [{ row, col, text }]);

describe('cell parsing', () => {
  it('reads a stage by name, number or unambiguous beginning', () => {
    expect(parseStage('在建')).toEqual({ ok: true, value: '在建' });
    expect(parseStage(' 2 ')).toEqual({ ok: true, value: '在建' });
    expect(parseStage('7')).toEqual({ ok: true, value: '取消' });
    expect(parseStage('竣')).toEqual({ ok: true, value: '竣工验收' });
    expect(parseStage('')).toEqual({ ok: true, value: '' });
    const bad = parseStage('施工中');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain('建设阶段应为 前期工作、在建');
    expect(parseStage('8').ok).toBe(false);
  });

  it('reads a percent 0–100 with one decimal, a % sign and full-width digits', () => {
    expect(parsePercent('45')).toEqual({ ok: true, value: 45 });
    expect(parsePercent('45.5%')).toEqual({ ok: true, value: 45.5 });
    expect(parsePercent('６０')).toEqual({ ok: true, value: 60 });
    expect(parsePercent('')).toEqual({ ok: true, value: null });
    expect(parsePercent('101')).toEqual({ ok: false, message: '形象进度应在 0 至 100 之间' });
    expect(parsePercent('-1')).toEqual({ ok: false, message: '形象进度应在 0 至 100 之间' });
    expect(parsePercent('12.25')).toEqual({ ok: false, message: '形象进度最多 1 位小数' });
    expect(parsePercent('abc').ok).toBe(false);
  });

  it('reads 万元 into integer 元', () => {
    expect(parseWan('12.5')).toEqual({ ok: true, value: 125_000 });
    expect(parseWan('1,234')).toEqual({ ok: true, value: 12_340_000 });
    expect(parseWan('')).toEqual({ ok: true, value: null });
    expect(parseWan('-3').ok).toBe(false);
  });
});

describe('rows', () => {
  it('a project scope edits its sites; the plan scope its projects', () => {
    expect(rowsInScope(sheet, { kind: 'project', projectId: 10 }).map((r) => r.seqLabel)).toEqual(['10-1', '10-2', '10-3']);
    expect(rowsInScope(sheet, { kind: 'project', projectId: 11 }).map((r) => r.seqLabel)).toEqual(['11']);
    expect(rowsInScope(sheet, { kind: 'plan' }).map((r) => r.seqLabel)).toEqual(['10', '11']);
  });

  it('starts from last month (greyed, without this month’s investment), or the month’s report', () => {
    expect(grid.model.rows.map((r) => r.header)).toEqual(['10-1 公平镇 万民村', '10-2 公平镇 长龙村', '10-3 公平镇 浸塘村']);
    expect(grid.model.rows.map((r) => r.className)).toEqual(['report-carried', 'report-current', undefined]);
    expect(grid.model.values[0]?.slice(0, PREVIOUS_COL)).toEqual(['在建', 40, '主体施工', null, 1_200_000, '']);
    expect(grid.model.values[0]?.[PREVIOUS_COL]).toBe('2026-09 · 在建 · 40% · 累计 120 万元');
    expect(grid.model.values[1]?.slice(0, PREVIOUS_COL)).toEqual(['完工', 100, '主体施工', 200_000, 3_000_000, '']);
    expect(grid.model.values[2]?.slice(0, PREVIOUS_COL)).toEqual(['', null, '', null, null, '']);
    expect(grid.model.rows[0]?.title).toContain('上期：2026-09 · 在建 · 40%');
  });
});

describe('saving', () => {
  it('sends only changed rows, each as a whole report of the month', () => {
    let d = write(NO_DRAFTS, 0, COL.percent, '55');
    d = write(d, 2, COL.stage, '1');
    d = write(d, 2, COL.percent, '0');
    d = write(d, 2, COL.investCumulativeYuan, '0');
    const ev = evaluateGrid(grid.model, d);
    expect(ev.problems).toEqual([]);
    expect(pendingEntries(grid, ev, '2026-10')).toEqual([
      {
        row: 0,
        input: {
          projectId: 10,
          siteId: 42,
          reportMonth: '2026-10',
          stage: '在建',
          percent: 55,
          description: '主体施工',
          investPeriodYuan: 0,
          investCumulativeYuan: 1_200_000,
          problems: '',
        },
      },
      {
        row: 2,
        input: {
          projectId: 10,
          siteId: 44,
          reportMonth: '2026-10',
          stage: '前期工作',
          percent: 0,
          description: '',
          investPeriodYuan: 0,
          investCumulativeYuan: 0,
          problems: '',
        },
      },
    ]);
  });

  it('a text typed back to the value shown is no change', () => {
    const d = write(NO_DRAFTS, 0, COL.percent, '40');
    expect(d.size).toBe(0);
    expect(pendingEntries(grid, evaluateGrid(grid.model, d), '2026-10')).toEqual([]);
  });

  it('marks missing required cells of a row being saved, and sends nothing for it', () => {
    const d = write(NO_DRAFTS, 2, COL.percent, '10');
    const p = prepareReport(grid, d, '2026-10', TODAY, []);
    expect(p.entries).toEqual([]);
    expect(p.evaluation.problems.map((x) => [x.where, x.message])).toEqual([
      ['第 3 行（10-3 公平镇 浸塘村），建设阶段', '请填写建设阶段（可输入序号 1–7）'],
      ['第 3 行（10-3 公平镇 浸塘村），累计完成投资（万元）', '请填写累计完成投资（没有可填 0）'],
    ]);
  });

  it('runs the backend’s checks while typing: a falling cumulative, a percent going down', () => {
    let d = write(NO_DRAFTS, 0, COL.investCumulativeYuan, '100');
    d = write(d, 0, COL.percent, '30');
    const p = prepareReport(grid, d, '2026-10', TODAY, []);
    expect(p.evaluation.problemAt.get(cellKey(0, COL.investCumulativeYuan))).toBe('累计完成投资 100 万元低于上期（2026年9月）的 120 万元');
    expect(p.evaluation.problemAt.get(cellKey(0, COL.percent))).toContain('形象进度 30% 低于上期（2026年9月）的 40%');
    // 暂停 may lower the percent
    const paused = prepareReport(grid, write(write(NO_DRAFTS, 0, COL.percent, '30'), 0, COL.stage, '暂停'), '2026-10', TODAY, []);
    expect(paused.evaluation.problems).toEqual([]);
    // a future month is refused on the row
    const future = prepareReport(grid, write(NO_DRAFTS, 0, COL.percent, '50'), '2026-12', TODAY, []);
    expect(future.evaluation.problems[0]?.message).toContain('晚于本月');
  });

  it('puts the backend’s refusals on the cells of the entry’s row until the row is edited', () => {
    const d = write(write(NO_DRAFTS, 0, COL.percent, '50'), 2, COL.stage, '2');
    const entries = [{ row: 0 }, { row: 2 }];
    const mapped = issuesToCells(
      [
        { field: 'entries.1.investCumulativeYuan', message: '第 2 条：累计完成投资 300 万元低于上期（2026年9月）的 500 万元' },
        { field: 'entries.0.reportMonth', message: '第 1 条：报告期有误' },
        { message: '数据库忙' },
      ],
      entries,
    );
    expect(mapped.cells).toEqual([
      { row: 2, col: COL.investCumulativeYuan, message: '累计完成投资 300 万元低于上期（2026年9月）的 500 万元' },
      { row: 0, col: 0, message: '报告期有误' },
    ]);
    expect(mapped.other).toEqual([{ message: '数据库忙' }]);
    const cols = grid.model.columns.length;
    const refused = mapped.cells.map((c) => ({ ...c, signature: rowSignature(d, c.row, cols) }));
    const p = prepareReport(grid, d, '2026-10', TODAY, refused);
    expect(p.evaluation.problems.map((x) => [x.where, x.message])).toEqual([
      ['第 1 行（10-1 公平镇 万民村），建设阶段', '报告期有误'],
      ['第 3 行（10-3 公平镇 浸塘村），形象进度（%）', '请填写形象进度（0–100）'],
      ['第 3 行（10-3 公平镇 浸塘村），累计完成投资（万元）', '请填写累计完成投资（没有可填 0）'],
      ['第 3 行（10-3 公平镇 浸塘村），累计完成投资（万元）', '累计完成投资 300 万元低于上期（2026年9月）的 500 万元'],
    ]);
    // editing row 3 lifts its refusal (its other problems are the grid's own)
    const edited = write(d, 2, COL.investCumulativeYuan, '600');
    const after = prepareReport(grid, edited, '2026-10', TODAY, refused);
    expect(after.evaluation.problemAt.has(cellKey(2, COL.investCumulativeYuan))).toBe(false);
    expect(after.evaluation.problemAt.get(cellKey(0, 0))).toBe('报告期有误');
  });

  it('fills 累计 = 上期累计 + 本月 when only this month’s investment is typed', () => {
    const typed = write(NO_DRAFTS, 0, COL.investPeriodYuan, '30');
    const auto = withAutoCumulative(grid, NO_DRAFTS, typed);
    expect(auto.filled).toEqual([0]);
    expect(auto.drafts.get(cellKey(0, COL.investCumulativeYuan))).toBe('150');
    // corrected 本月: the automatic figure follows
    const again = withAutoCumulative(grid, auto.drafts, write(auto.drafts, 0, COL.investPeriodYuan, '35'));
    expect(again.drafts.get(cellKey(0, COL.investCumulativeYuan))).toBe('155');
    // a cumulative typed by hand is never replaced
    const byHand = write(auto.drafts, 0, COL.investCumulativeYuan, '400');
    const kept = withAutoCumulative(grid, byHand, write(byHand, 0, COL.investPeriodYuan, '50'));
    expect(kept.drafts.get(cellKey(0, COL.investCumulativeYuan))).toBe('400');
    // a paste writing both: the pasted cumulative wins
    const pasted = withWrites(grid.model, NO_DRAFTS, [
      { row: 2, col: COL.investPeriodYuan, text: '10' },
      { row: 2, col: COL.investCumulativeYuan, text: '99' },
    ]);
    expect(withAutoCumulative(grid, NO_DRAFTS, pasted).drafts.get(cellKey(2, COL.investCumulativeYuan))).toBe('99');
  });

  it('totals this month’s and cumulative investment', () => {
    const ev = evaluateGrid(grid.model, write(NO_DRAFTS, 0, COL.investPeriodYuan, '30'));
    const f = reportFooter(grid, ev.current);
    expect(f.header).toBe('合计（3 行）');
    expect(f.cells[COL.investPeriodYuan]).toBe('50');
    expect(f.cells[COL.investCumulativeYuan]).toBe('420');
    expect(f.cells[COL.percent]).toBe('');
  });
});

describe('report month and route', () => {
  it('defaults to the month before the backend’s today', () => {
    expect(previousMonth('2026-11-29')).toBe('2026-10');
    expect(previousMonth('2026-01-01')).toBe('2025-12');
  });

  it('offers today’s month and earlier, never a future month', () => {
    const m = monthChoices('2026-11-29', '2020-05', 3);
    expect(m).toEqual(['2026-11', '2026-10', '2026-09', '2020-05']);
  });

  it('round-trips the route', () => {
    expect(reportHash({ planId: 1, projectId: 10, month: '2026-10' })).toBe('#/report?plan=1&project=10&month=2026-10');
    expect(parseReportQuery('plan=1&project=10&month=2026-10')).toEqual({ planId: 1, projectId: 10, month: '2026-10' });
    expect(parseReportQuery('plan=x&project=-3&month=2026-13')).toEqual({});
  });
});

describe('route', () => {
  it('#/report carries plan, project and month', async () => {
    const { parseRoute } = await import('../../src/ui/router');
    expect(parseRoute('#/report?plan=1&project=10&month=2026-10')).toEqual({ page: 'report', target: { planId: 1, projectId: 10, month: '2026-10' } });
    expect(parseRoute('#/report')).toEqual({ page: 'report', target: {} });
  });
});
