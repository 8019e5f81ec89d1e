import { describe, expect, it } from 'vitest';
import type { GanttData } from '../../src/domain/api/gantt';
import { windowLabel, windowLabelExact } from '../../src/domain/schedule';
import { buildRowList, buildRows, dataRange, type ItemRow } from '../../src/ui/gantt/rows';
import { syntheticGanttData } from '../../src/ui/gantt/synthetic-data';

function small(): GanttData {
  const d = syntheticGanttData(6, '2026-11-29', 2);
  return d;
}

describe('gantt rows', () => {
  it('groups by category in the domain order with one row per project', () => {
    const rows = buildRows(small(), 'category', new Set());
    const groups = rows.filter((r) => r.kind === 'group').map((r) => r.label);
    expect(groups).toEqual(['养老', '儿童福利与未成年人保护', '社会组织', '精神康复', '城乡社区', '殡葬']);
    expect(rows.filter((r) => r.kind === 'project')).toHaveLength(6);
    expect(rows.some((r) => r.kind === 'site')).toBe(false);
  });

  it('expands a project to its sites, numbered under it', () => {
    const rows = buildRows(small(), 'category', new Set([3]));
    const i = rows.findIndex((r) => r.kind === 'project' && r.projectId === 3);
    const p = rows[i] as ItemRow;
    expect(p.expanded).toBe(true);
    expect(rows.slice(i + 1, i + 3).map((r) => (r.kind === 'site' ? r.seqLabel : r.kind))).toEqual(['3-1', '3-2']);
  });

  it('lists a project under every town it builds in, with that town’s sites only', () => {
    const d = small();
    const rows = buildRows(d, 'town', new Set([1]));
    const underTowns = rows.filter((r) => r.kind === 'project' && r.projectId === 1);
    expect(underTowns).toHaveLength(2);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    const sites = rows.filter((r): r is ItemRow => r.kind === 'site' && r.projectId === 1);
    expect(sites).toHaveLength(2);
  });

  it('groups by stage, unreported last', () => {
    const d = syntheticGanttData(40, '2026-11-29');
    const groups = buildRows(d, 'stage', new Set()).filter((r) => r.kind === 'group').map((r) => r.label);
    expect(groups.at(-1)).toBe('未填报');
    expect(groups.indexOf('前期工作')).toBeLessThan(groups.indexOf('在建'));
    expect(groups.indexOf('在建')).toBeLessThan(groups.indexOf('竣工验收'));
  });

  it('sums each group and labels periods honestly', () => {
    const d = small();
    const rows = buildRows(d, 'category', new Set());
    const total = rows.reduce((s, r) => s + (r.kind === 'group' ? r.investmentYuan : 0), 0);
    expect(total).toBe(d.projects.reduce((s, p) => s + p.project.investmentYuan, 0));
    expect(windowLabel({ startYear: 2021, endYear: 2023, startDate: null, endDate: null })).toBe('2021—2023年');
    expect(windowLabel({ startYear: 2023, endYear: 2023, startDate: null, endDate: null })).toBe('2023年');
    expect(windowLabel({ startYear: 2023, endYear: 2024, startDate: '2023-03-01', endDate: null })).toBe('2023.3—2024');
    expect(windowLabel({ startYear: 2023, endYear: 2024, startDate: '2023-03-01', endDate: '2024-10-31' })).toBe('2023.3—2024.10');
    expect(windowLabelExact({ startYear: 2023, endYear: 2024, startDate: '2023-03-01', endDate: null })).toBe('2023-03-01 至 2024年');
    expect(windowLabelExact({ startYear: 2021, endYear: 2023, startDate: null, endDate: null })).toBe('2021—2023年');
  });

  it('the data range covers the plan and any bar beyond it', () => {
    const d = small();
    expect(dataRange(d)).toEqual({ start: '2021-01-01', end: '2025-12-31' });
    const first = d.projects[0];
    if (first) first.actualEnd = '2026-05-01';
    expect(dataRange(d).end).toBe('2026-05-01');
  });
});

describe('folding groups', () => {
  it('hides a folded group’s projects but keeps its header and totals', async () => {
    const { syntheticGanttData } = await import('../../src/ui/gantt/synthetic-data');
    const data = syntheticGanttData(30);
    const open = buildRows(data, 'category', new Set());
    const firstGroup = open.find((r) => r.kind === 'group');
    if (firstGroup?.kind !== 'group') throw new Error('no group');
    const folded = buildRows(data, 'category', new Set(), new Set([firstGroup.key]));
    const header = folded.find((r) => r.kind === 'group' && r.key === firstGroup.key);
    expect(header).toMatchObject({ collapsed: true, projectCount: firstGroup.projectCount, investmentYuan: firstGroup.investmentYuan });
    expect(folded.length).toBe(open.length - firstGroup.projectCount);
  });
});

describe('rows read the facts', () => {
  it('a site row carries its own facts: inherited window, its light and reason, grey when unreported', () => {
    const d = syntheticGanttData(6, '2026-11-29', 2);
    const rows = buildRows(d, 'category', new Set([1]));
    const project = d.projects.find((p) => p.project.id === 1);
    const site = rows.find((r): r is ItemRow => r.kind === 'site' && r.projectId === 1);
    if (!project || !site) throw new Error('missing');
    expect(site.window).toEqual(project.window);
    expect(site.light).toBe('grey');
    expect(site.lightReason).toBe('未填报进度');
    expect(site.percent).toBeNull();
    const projectRow = rows.find((r): r is ItemRow => r.kind === 'project' && r.projectId === 1);
    expect(projectRow?.light).toBe(project.light);
    expect(projectRow?.lightReason).toBe(project.lightReason);
  });

  it('the on-demand row list holds the same rows as the full list, made once each', () => {
    const data = syntheticGanttData(40, '2026-11-29', 3);
    for (const groupBy of ['category', 'town', 'stage'] as const) {
      const expanded = new Set([2, 5, 17]);
      const list = buildRowList(data, groupBy, expanded);
      const all = buildRows(data, groupBy, expanded);
      expect(list.length).toBe(all.length);
      expect(Array.from({ length: list.length }, (_, i) => list.at(i))).toEqual(all);
      // asked twice, the same object: memoised blocks compare rows by identity
      expect(list.at(7)).toBe(list.at(7));
      expect(list.at(list.length)).toBeUndefined();
    }
  });
});
