import { describe, expect, it } from 'vitest';
import { addDays, addUnits, diffDays, diffUnits, endOfUnit, isIsoDate, startOfUnit } from '../../src/ui/gantt/time-units';

describe('gantt time units', () => {
  it('adds units with month-end clamping and leap days', () => {
    expect(addUnits('2024-01-31', 'month', 1)).toBe('2024-02-29');
    expect(addUnits('2023-01-31', 'month', 1)).toBe('2023-02-28');
    expect(addUnits('2024-02-29', 'year', 1)).toBe('2025-02-28');
    expect(addUnits('2024-11-15', 'quarter', 1)).toBe('2025-02-15');
    expect(addUnits('2024-02-28', 'day', 1)).toBe('2024-02-29');
    expect(addUnits('2024-12-30', 'week', 1)).toBe('2025-01-06');
    expect(addDays('2021-01-01', -1)).toBe('2020-12-31');
  });

  it('counts calendar differences, not 24-hour blocks', () => {
    expect(diffDays('2024-03-01', '2024-02-28')).toBe(2);
    expect(diffDays('2023-03-01', '2023-02-28')).toBe(1);
    expect(diffDays('2025-12-31', '2021-01-01')).toBe(1825);
    expect(diffUnits('2025-01-01', '2024-12-31', 'year')).toBe(1);
    expect(diffUnits('2024-04-01', '2024-03-31', 'quarter')).toBe(1);
    expect(diffUnits('2024-03-01', '2024-01-31', 'month')).toBe(2);
    expect(diffUnits('2021-01-01', '2025-12-31', 'day')).toBe(-1825);
  });

  it('finds the start and end of each unit', () => {
    expect(startOfUnit('2024-02-29', 'year')).toBe('2024-01-01');
    expect(startOfUnit('2024-02-29', 'quarter')).toBe('2024-01-01');
    expect(endOfUnit('2024-02-10', 'month')).toBe('2024-02-29');
    expect(endOfUnit('2023-02-10', 'month')).toBe('2023-02-28');
    expect(endOfUnit('2024-08-10', 'quarter')).toBe('2024-09-30');
    expect(startOfUnit('2024-02-29', 'week')).toBe('2024-02-26'); // a Monday
    expect(endOfUnit('2024-02-29', 'week')).toBe('2024-03-03');
    expect(endOfUnit('2024-06-01', 'year')).toBe('2024-12-31');
  });

  it('recognises valid ISO dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-1')).toBe(false);
    expect(() => addDays('not a date', 1)).toThrow(/无效日期/);
  });
});
