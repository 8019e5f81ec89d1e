import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, planTitleFromSheetTitle, annexTitle } from '../../src/domain/xlsx/annex-columns';
import { guessCategory } from '../../src/domain/xlsx/category-guess';
import { findHeaderRow, headerUnitYuan, matchHeaderRow, normaliseHeader } from '../../src/domain/xlsx/header-match';
import { parseNumber, toHalfWidth } from '../../src/domain/xlsx/parse-number';
import { formatWindow, parseWindow, parseYear } from '../../src/domain/xlsx/parse-window';

describe('parseNumber', () => {
  it.each([
    [6625, 6625, false],
    ['6625', 6625, true],
    ['６６２５', 6625, true],
    ['63,760', 63760, true],
    ['6,376.5万元', 6376.5, true],
    [' 400 万 ', 400, true],
    ['-12', -12, true],
    ['０．５', 0.5, true],
  ])('%j → %d', (input, value, fromText) => {
    expect(parseNumber(input)).toEqual({ ok: true, value, fromText });
  });

  it.each(['约300', '三百', '', '12,34', '1.2.3', '300元/㎡'])('refuses %j', (input) => {
    expect(parseNumber(input).ok).toBe(false);
  });

  it('refuses NaN, booleans and objects', () => {
    expect(parseNumber(Number.NaN).ok).toBe(false);
    expect(parseNumber(true).ok).toBe(false);
    expect(parseNumber({}).ok).toBe(false);
  });

  it('reads back any non-negative amount however it is typed', () => {
    const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: 3 }), (n, style) => {
        const grouped = n.toLocaleString('en-US');
        const text = [String(n), grouped, fullWidth(String(n)), `${grouped}万元`][style] ?? '';
        const r = parseNumber(text);
        return r.ok && r.value === n;
      }),
    );
  });

  it('never accepts text containing a letter', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('a', 'x', '约', '元/㎡'), (s, bad) => !parseNumber(s + bad).ok),
    );
  });

  it('maps full-width digits only', () => {
    expect(toHalfWidth('２０２３—２０２５年，')).toBe('2023—2025年,');
  });
});

describe('parseWindow', () => {
  it.each([
    ['2023-2025', 2023, 2025, ''],
    ['2023—2025年', 2023, 2025, ''],
    ['2023年—2025年', 2023, 2025, ''],
    ['2023至2025', 2023, 2025, ''],
    ['2023～2025', 2023, 2025, ''],
    ['2023 ~ 2025', 2023, 2025, ''],
    ['２０２３－２０２５', 2023, 2025, ''],
    ['2022-2025（前期论证）', 2022, 2025, '前期论证'],
    ['2022-2025\n(前期论证)', 2022, 2025, '前期论证'],
    ['2024', 2024, 2024, ''],
    ['2024年', 2024, 2024, ''],
    [2024, 2024, 2024, ''],
  ])('%j', (input, startYear, endYear, remark) => {
    expect(parseWindow(input)).toEqual({ ok: true, startYear, endYear, remark });
  });

  it('refuses an end year before the start year, naming both', () => {
    const r = parseWindow('2025-2023');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('2023 早于开始年份 2025');
  });

  it.each(['', '明年', '2023/2025/2027', '20232025', '1900-1901', '2023 2025', 2023.5])('refuses %j', (input) => {
    expect(parseWindow(input).ok).toBe(false);
  });

  const year = fc.integer({ min: 1990, max: 2100 });
  const separator = fc.constantFrom('-', '—', '–', '至', '～', '~', '－', ' - ', '年—');
  const remark = fc.constantFrom('', '前期论证', '重大前期');

  it('formatWindow and parseWindow are inverse', () => {
    fc.assert(
      fc.property(year, year, remark, (a, b, r) => {
        const [s, e] = a <= b ? [a, b] : [b, a];
        expect(parseWindow(formatWindow(s, e, r))).toEqual({ ok: true, startYear: s, endYear: e, remark: r });
      }),
    );
  });

  it('reads every separator and refuses every reversed window', () => {
    fc.assert(
      fc.property(year, year, separator, (a, b, sep) => {
        const r = parseWindow(`${a}${sep}${b}年`);
        if (b < a) return !r.ok;
        return r.ok && r.startYear === a && r.endYear === b;
      }),
    );
  });

  it('parseYear accepts exactly the four-digit years in range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (n) => {
        const expected = n >= 1990 && n <= 2100 ? n : null;
        return parseYear(n) === expected && parseYear(`${n}年`) === expected;
      }),
    );
  });
});

describe('header matching', () => {
  it('normalises spaces, line breaks and bracket widths', () => {
    expect(normaliseHeader(' 投资估算\n（万元） ')).toBe('投资估算(万元)');
    expect(normaliseHeader('建 设 年 限')).toBe('建设年限');
  });

  it('maps synonyms and reports the unit', () => {
    const m = matchHeaderRow(['序 号', '项目名称', '项目建设地', '建设规模及内容', '总投资\n(万元)', '建设期限', '性质'], IMPORT_COLUMNS);
    expect(Object.fromEntries(m.columns)).toEqual({ seq: 0, name: 1, location: 2, scale: 3, investment: 4, window: 5, nature: 6 });
    expect(m.missing).toEqual([]);
    expect(headerUnitYuan('投资（元）')).toBe(1);
    expect(headerUnitYuan('投资估算（万元）')).toBe(10_000);
    expect(headerUnitYuan('总投资(亿元)')).toBe(100_000_000);
  });

  it.each([
    ['投资估算(万元)'],
    ['总投资'],
    ['投资（万元）'],
  ])('%s is the investment column', (h) => {
    expect(matchHeaderRow(['序号', '项目名称', h, '建设年限'], IMPORT_COLUMNS).columns.get('investment')).toBe(2);
  });

  it('finds the header below title and unit rows and names missing required columns', () => {
    const rows = [['附件1  某规划重点项目清单明细'], ['单位：万元'], [], ['序号', '项目名称', '建设地点', '建设年限']];
    const m = findHeaderRow(rows, IMPORT_COLUMNS);
    expect(m?.rowIndex).toBe(3);
    expect(m?.missing).toEqual(['投资估算（万元）']);
    expect(findHeaderRow([['a', 'b'], ['1', '2']], IMPORT_COLUMNS)).toBeNull();
  });
});

describe('titles and categories', () => {
  it('takes the plan title out of the annex title', () => {
    expect(planTitleFromSheetTitle('附件1  奉节县民政事业发展“十四五”重点项目清单明细')).toBe('奉节县民政事业发展“十四五”');
    expect(planTitleFromSheetTitle(annexTitle('某县规划'))).toBe('某县规划');
    expect(planTitleFromSheetTitle('某县民政事业发展“十五五”规划')).toBe('某县民政事业发展“十五五”规划');
  });

  it('guesses categories from annex names', () => {
    expect(guessCategory('奉节县殡葬服务中心迁建工程')).toBe('殡葬');
    expect(guessCategory('奉节县未成年人保护中心建设项目')).toBe('儿童福利与未成年人保护');
    expect(guessCategory('奉节县村（社区）便民服务中心建设项目')).toBe('城乡社区');
    expect(guessCategory('奉节县朱衣社会福利院建设项目')).toBe('养老');
    expect(guessCategory('奉节县社会组织服务中心建设项目')).toBe('社会组织');
  });
});
