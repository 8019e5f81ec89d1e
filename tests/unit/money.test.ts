import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatWan, formatWanRounded, wanToYuan, yuanToWan } from '../../src/domain/money';

describe('money', () => {
  it('formats 元 as 万元 with separators and up to 4 decimals', () => {
    expect(formatWan(637_600_000)).toBe('63,760');
    expect(formatWan(32_005_000)).toBe('3,200.5');
    expect(formatWan(1)).toBe('0.0001');
    expect(formatWan(0)).toBe('0');
  });

  it('converts 万元 to integer 元 and back without drift', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (yuan) => wanToYuan(yuanToWan(yuan)) === yuan),
    );
  });
});

describe('money formatting without Intl', () => {
  const intl4 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
  const intl2 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  const same = (yuan: number) => {
    expect(formatWan(yuan)).toBe(intl4.format(yuanToWan(yuan)));
    expect(formatWanRounded(yuan)).toBe(intl2.format(yuanToWan(yuan)));
  };

  it('prints exactly what Intl.NumberFormat prints, for integer 元 of any size and sign', () => {
    for (const yuan of [0, -0, 1, -1, 5, 50, 99, 100, 149, 150, 151, 9_999, 10_000, 10_001, 637_600_000, -637_600_000, 32_005_000, 999_999_999_999, 2 ** 53 - 1]) same(yuan);
    fc.assert(fc.property(fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), (yuan) => same(yuan) === undefined), { numRuns: 2_000 });
  });

  it('prints exactly what Intl prints for split shares (fractions of a 元) and the odd values', () => {
    fc.assert(fc.property(fc.double({ min: -1e13, max: 1e13, noNaN: true }), (yuan) => same(yuan) === undefined), { numRuns: 5_000 });
    for (const yuan of [NaN, Infinity, -Infinity, 1e25, -1e25, 0.5, 1.5, 49.999, 50, 150, 99_995, 99_999.5, 1e-3, 5e-7, 1.23e-9, 1e20, 1.5e21, 12_723.9005e4, 127_239_005 / 3]) same(yuan);
    expect(formatWanRounded(127_239_005)).toBe('12,723.9');
  });
});
