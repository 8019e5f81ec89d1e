// Pure UI logic: ?plan=ID on every view, the remembered plan, and the thresholds form.
import { describe, expect, it } from 'vitest';
import { rememberedPlan, rememberPlan, withPlan } from '../../src/ui/current-plan';
import { printHash } from '../../src/ui/print-choice';
import { parseRoute, planParam } from '../../src/ui/router';
import { checkThresholds, toText } from '../../src/ui/settings/thresholds-form';
import { DEFAULT_LIGHT_THRESHOLDS } from '../../src/domain/facts/traffic-light';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

describe('every view follows the chosen plan', () => {
  it('parses ?plan=ID on the register, the Gantt, its print route and the dashboard', () => {
    expect(parseRoute('#/?plan=2')).toEqual({ page: 'register', planId: 2 });
    expect(parseRoute('#/gantt?plan=2')).toEqual({ page: 'gantt', planId: 2 });
    expect(parseRoute('#/gantt')).toEqual({ page: 'gantt' });
    expect(parseRoute('#/gantt?plan=x')).toEqual({ page: 'gantt' });
    expect(parseRoute('#/dashboard?plan=3')).toEqual({ page: 'dashboard', planId: 3 });
    expect(parseRoute('#/settings')).toEqual({ page: 'settings' });
    const print = parseRoute('#/print/gantt?paper=A4&plan=2');
    expect(print.page === 'printGantt' && planParam(print.params)).toBe(2);
  });

  it('carries the plan into links and the print route', () => {
    expect(withPlan('#/gantt', 2)).toBe('#/gantt?plan=2');
    expect(withPlan('#/print/gantt?paper=A3', 2)).toBe('#/print/gantt?paper=A3&plan=2');
    expect(withPlan('#/gantt', undefined)).toBe('#/gantt');
    expect(printHash({ paper: 'A4', range: 'plan' }, 'pdf', 2)).toBe('#/print/gantt?paper=A4&range=plan&plan=2&action=pdf');
    const storage = memoryStorage();
    expect(rememberedPlan(storage)).toBeUndefined();
    rememberPlan(2, storage);
    expect(rememberedPlan(storage)).toBe(2);
  });
});

describe('thresholds form', () => {
  it('accepts the defaults and full-width digits, refuses yellow above red and out-of-range values per field', () => {
    expect(checkThresholds(toText(DEFAULT_LIGHT_THRESHOLDS))).toEqual({ ok: true, value: DEFAULT_LIGHT_THRESHOLDS });
    expect(checkThresholds({ ...toText(DEFAULT_LIGHT_THRESHOLDS), yellowBehindPoints: '１５' })).toMatchObject({ ok: true, value: { yellowBehindPoints: 15 } });
    const bad = checkThresholds({ yellowBehindPoints: '40', redBehindPoints: '30', notStartedMonths: '0', staleMonths: 'abc' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.notStartedMonths).toBe('未开工判红月数至少为 1');
    expect(bad.errors.staleMonths).toBe('未填报提醒应为数字');
    const cross = checkThresholds({ ...toText(DEFAULT_LIGHT_THRESHOLDS), yellowBehindPoints: '40' });
    expect(cross).toEqual({ ok: false, errors: { yellowBehindPoints: '黄灯起点（40）不能大于红灯起点（30）' } });
    expect(checkThresholds({ ...toText(DEFAULT_LIGHT_THRESHOLDS), redBehindPoints: '' })).toMatchObject({ ok: false, errors: { redBehindPoints: '红灯起点应为数字' } });
  });
});
