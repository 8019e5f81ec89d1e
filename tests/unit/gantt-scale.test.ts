import { describe, expect, it } from 'vitest';
import { createScale, dateEndToX, dateToX, fitScale, headerRows, todayX, xToDate } from '../../src/ui/gantt/scale';
import { pxPerDayOf, zoomForPxPerDay, zoomLevel, ZOOM_LEVELS } from '../../src/ui/gantt/zoom-levels';

const plan = { start: '2021-01-01', end: '2025-12-31' };

describe('gantt scale', () => {
  it('year zoom: one cell per year, 2024 a day wider for 2024-02-29', () => {
    const s = createScale(plan, zoomLevel('year'));
    const [years] = headerRows(s);
    expect(years?.map((c) => c.label)).toEqual(['2021年', '2022年', '2023年', '2024年', '2025年']);
    const w2023 = years?.[2]?.width ?? 0;
    const w2024 = years?.[3]?.width ?? 0;
    expect(w2024 - w2023).toBeCloseTo(s.pxPerDay, 9);
    expect(s.days).toBe(1826);
    expect(s.width).toBeCloseTo(1826 * pxPerDayOf(zoomLevel('year')), 6);
    // cells tile the range with no gap
    const sum = (years ?? []).reduce((t, c) => t + c.width, 0);
    expect(sum).toBeCloseTo(s.width, 6);
  });

  it('quarter and month zoom give Chinese labels under the year row', () => {
    const q = headerRows(createScale({ start: '2023-01-01', end: '2023-12-31' }, zoomLevel('quarter')));
    expect(q[0]?.map((c) => c.label)).toEqual(['2023年']);
    expect(q[1]?.map((c) => c.label)).toEqual(['一季度', '二季度', '三季度', '四季度']);
    const m = headerRows(createScale({ start: '2024-02-10', end: '2024-03-05' }, zoomLevel('month')));
    expect(m[1]?.map((c) => c.label)).toEqual(['2月', '3月']);
    expect(m[1]?.[0]?.width).toBeCloseTo(29 * pxPerDayOf(zoomLevel('month')), 6); // leap February
  });

  it('changing zoom changes the labels and the width of the same range', () => {
    const widths = ZOOM_LEVELS.map((z) => createScale(plan, z).width);
    expect(widths[0]).toBeLessThan(widths[1] ?? 0);
    expect(widths[1]).toBeLessThan(widths[2] ?? 0);
    const labels = ZOOM_LEVELS.map((z) => headerRows(createScale(plan, z)).at(-1)?.[0]?.label);
    expect(labels).toEqual(['2021年', '一季度', '1月']);
  });

  it('snaps a screen range to whole units of the zoom', () => {
    const s = createScale({ start: '2024-02-29', end: '2024-03-01' }, zoomLevel('month'));
    expect(s.start).toBe('2024-02-01');
    expect(s.end).toBe('2024-03-31');
  });

  it('maps dates to x and back, inclusive end dates draw through their day', () => {
    const s = createScale(plan, zoomLevel('month'));
    expect(dateToX(s, '2021-01-01')).toBe(0);
    expect(dateEndToX(s, '2021-01-01')).toBeCloseTo(s.pxPerDay, 9);
    expect(dateEndToX(s, '2025-12-31')).toBeCloseTo(s.width, 6);
    for (const d of ['2021-01-01', '2024-02-29', '2024-03-01', '2025-12-31']) {
      expect(xToDate(s, dateToX(s, d))).toBe(d);
      expect(xToDate(s, dateToX(s, d) + s.pxPerDay * 0.99)).toBe(d);
    }
    expect(xToDate(s, -50)).toBe('2021-01-01');
    expect(xToDate(s, s.width + 50)).toBe('2025-12-31');
  });

  it('fit-all fills the width exactly and picks a header that fits', () => {
    const wide = fitScale(plan, 3000);
    expect(wide.width).toBeCloseTo(3000, 6);
    expect(wide.zoom.id).toBe('month');
    const narrow = fitScale(plan, 1000);
    expect(narrow.width).toBeCloseTo(1000, 6);
    expect(narrow.zoom.id).toBe('quarter');
    const tiny = fitScale(plan, 300);
    expect(tiny.zoom.id).toBe('year');
    const oneYear = fitScale({ start: '2024-01-01', end: '2024-12-31' }, 366);
    expect(oneYear.pxPerDay).toBe(1);
    expect(zoomForPxPerDay(1).id).toBe('month');
    expect(() => fitScale(plan, 0)).toThrow();
    expect(() => fitScale({ start: '2025-01-01', end: '2024-01-01' }, 100)).toThrow(/日期范围无效/);
  });

  it('cuts header cells at the edges of a custom range', () => {
    const s = fitScale({ start: '2024-02-15', end: '2024-04-10' }, 560);
    const months = headerRows(s)[1] ?? [];
    expect(months.map((c) => [c.label, c.partial])).toEqual([
      ['2月', true],
      ['3月', false],
      ['4月', true],
    ]);
    expect(months[0]?.x).toBe(0);
    expect(months[0]?.width).toBeCloseTo(15 * s.pxPerDay, 6); // 15..29 Feb
  });

  it('places the today line only inside the range', () => {
    const s = createScale(plan, zoomLevel('year'));
    expect(todayX(s, '2026-11-29')).toBeNull();
    expect(todayX(s, '2021-01-01')).toBeCloseTo(s.pxPerDay / 2, 9);
  });
});
