import { describe, expect, it } from 'vitest';
import type { Milestone } from '../../src/domain/model';
import { layoutBars, spanOf, type BarSource } from '../../src/ui/gantt/layout';
import { createScale, dateEndToX, fitScale } from '../../src/ui/gantt/scale';
import { zoomLevel } from '../../src/ui/gantt/zoom-levels';

const plan = { start: '2021-01-01', end: '2025-12-31' };
const TODAY = '2026-11-29';

function source(over: Partial<BarSource> = {}): BarSource {
  return {
    window: { startYear: 2023, endYear: 2024, startDate: null, endDate: null },
    percent: null,
    actualStart: null,
    actualEnd: null,
    milestones: [],
    ...over,
  };
}

function ms(kind: Milestone['kind'], plannedDate: string | null, actualDate: string | null): Milestone {
  return { id: 1, projectId: 1, siteId: null, kind, plannedDate, actualDate };
}

describe('gantt layout', () => {
  it('draws a years-only window over whole years and flags the precision', () => {
    const s = createScale(plan, zoomLevel('year'));
    const b = layoutBars(source(), s, TODAY);
    expect(b.planned?.x).toBeCloseTo(730 * s.pxPerDay, 6); // 2021 + 2022 days
    expect(b.planned?.width).toBeCloseTo(731 * s.pxPerDay, 6); // 2023 + leap 2024
    expect(b.planned?.startYearOnly).toBe(true);
    expect(b.planned?.endYearOnly).toBe(true);
  });

  it('refined dates replace the year precision per end', () => {
    const s = createScale(plan, zoomLevel('month'));
    const b = layoutBars(source({ window: { startYear: 2024, endYear: 2024, startDate: '2024-02-29', endDate: null } }), s, TODAY);
    expect(b.planned?.startYearOnly).toBe(false);
    expect(b.planned?.endYearOnly).toBe(true);
    expect(b.planned?.width).toBeCloseTo((366 - 59) * s.pxPerDay, 6); // 29 Feb..31 Dec
  });

  it('clips bars to a range and fills progress as a share of the whole bar', () => {
    const s = fitScale({ start: '2024-01-01', end: '2024-12-31' }, 366);
    const b = layoutBars(source({ percent: 25 }), s, TODAY); // 2023..2024, 731 days
    expect(b.planned).toMatchObject({ x: 0, width: 366, clippedLeft: true, clippedRight: false });
    // 25 % of 731 days ends 182.75 days into 2023, left of the visible range
    expect(b.progressWidth).toBe(0);
    const c = layoutBars(source({ percent: 75 }), s, TODAY);
    expect(c.progressWidth).toBeCloseTo(731 * 0.75 - 365, 6);
    const d = layoutBars(source({ percent: 100 }), s, TODAY);
    expect(d.progressWidth).toBeCloseTo(366, 6);
  });

  it('drops bars wholly outside the range', () => {
    const s = fitScale({ start: '2021-01-01', end: '2021-12-31' }, 365);
    expect(layoutBars(source(), s, TODAY).planned).toBeNull();
    expect(spanOf(s, '2022-01-01', '2022-02-01')).toBeNull();
    expect(spanOf(s, '2021-12-31', '2021-12-31')).toMatchObject({ x: 364, width: 1 });
  });

  it('draws actual bars, running ones up to today, and the overdue tail', () => {
    const s = createScale({ start: '2021-01-01', end: '2026-12-31' }, zoomLevel('month'));
    const running = layoutBars(source({ percent: 40, actualStart: '2023-03-01' }), s, TODAY);
    expect(running.actual?.running).toBe(true);
    expect((running.actual?.x ?? 0) + (running.actual?.width ?? 0)).toBeCloseTo(dateEndToX(s, TODAY), 6);
    // overdue from 2025-01-01 to today since the window ended 2024-12-31
    expect(running.overdue?.x).toBeCloseTo(1461 * s.pxPerDay, 6);
    const done = layoutBars(source({ percent: 100, actualStart: '2023-03-01', actualEnd: '2024-11-30' }), s, TODAY);
    expect(done.actual?.running).toBe(false);
    expect(done.overdue).toBeNull();
  });

  it('places milestone diamonds at the middle of their day, actual before planned', () => {
    const s = createScale(plan, zoomLevel('month'));
    const b = layoutBars(
      source({ milestones: [ms('开工', '2023-03-01', '2023-04-01'), ms('竣工验收', '2024-12-31', null), ms('立项', '2019-01-01', null)] }),
      s,
      TODAY,
    );
    expect(b.milestones.map((m) => [m.kind, m.date, m.done])).toEqual([
      ['开工', '2023-04-01', true],
      ['竣工验收', '2024-12-31', false],
    ]);
    expect(b.milestones[0]?.x).toBeCloseTo((820 + 0.5) * s.pxPerDay, 6);
  });
});
