// formatIsoDate: date-fns's 'yyyy-MM-dd' without its format module (and its locale tables)
import { format } from 'date-fns/format';
import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../src/domain/calendar';

describe('formatIsoDate', () => {
  it("prints what date-fns's format(d, 'yyyy-MM-dd') prints, for every local day and odd year", () => {
    const check = (d: Date) => expect(formatIsoDate(d)).toBe(format(d, 'yyyy-MM-dd'));
    for (let t = new Date(1999, 0, 1); t.getFullYear() < 2032; t = new Date(t.getFullYear(), t.getMonth(), t.getDate() + 1)) check(t);
    for (const y of [-10, -1, 0, 1, 9, 99, 100, 999, 1000, 9999, 10000, 275000]) {
      const d = new Date(2000, 5, 15);
      d.setFullYear(y);
      check(d);
    }
    check(new Date(2026, 10, 29, 23, 59, 59, 999)); // late in the day: still that day
  });

  it('refuses an invalid date as date-fns did', () => {
    expect(() => formatIsoDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => format(new Date(Number.NaN), 'yyyy-MM-dd')).toThrow(RangeError);
  });
});
