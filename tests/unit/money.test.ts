import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatWan, wanToYuan, yuanToWan } from '../../src/domain/money';

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
