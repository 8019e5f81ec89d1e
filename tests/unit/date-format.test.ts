import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateLong, parseDateText } from '../../src/domain/date-format';
import { parseDateText as milestoneParse } from '../../src/ui/progress/milestone-form';

describe('the one date format', () => {
  it('reads the forms officers type, whatever the locale', () => {
    expect(parseDateText('2022-03-01')).toEqual({ ok: true, date: '2022-03-01' });
    expect(parseDateText('2022/3/1')).toEqual({ ok: true, date: '2022-03-01' });
    expect(parseDateText('2022年3月1日')).toEqual({ ok: true, date: '2022-03-01' });
    expect(parseDateText('２０２２．３．１')).toEqual({ ok: true, date: '2022-03-01' });
    expect(parseDateText('')).toEqual({ ok: true, date: null });
  });

  it('refuses US order and impossible dates in Chinese', () => {
    const us = parseDateText('03/01/2022');
    expect(us.ok).toBe(false);
    if (!us.ok) expect(us.message).toContain('日期应为 YYYY-MM-DD');
    const feb = parseDateText('2022-02-30');
    expect(feb).toEqual({ ok: false, message: '日期 2022-02-30 不存在' });
  });

  it('shows 2022-03-01 in tables and 2022年3月1日 in prose', () => {
    expect(formatDate('2022-03-01')).toBe('2022-03-01');
    expect(formatDate('2022-03-01T08:00:00.000Z')).toBe('2022-03-01');
    expect(formatDate(null)).toBe('');
    expect(formatDateLong('2022-03-01')).toBe('2022年3月1日');
    expect(formatDateLong('2022/12/31')).toBe('2022年12月31日');
  });

  it('has one parser: the milestone form uses the domain one', () => {
    expect(milestoneParse).toBe(parseDateText);
  });
});

// <input type="date"> shows mm/dd/yyyy on an English OS: src/ui uses DateInput instead.
describe('no locale-dependent date inputs in src/ui', () => {
  // owned by another engineer; listed in the report, removed from here once replaced
  const PENDING = new Set<string>();
  const root = path.resolve(__dirname, '../..');
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
    });

  it('finds type="date" nowhere but the pending files', () => {
    const offenders = files(path.join(root, 'src/ui'))
      .filter((f) => /type[=:]\s*\{?\s*['"]date['"]/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f).split(path.sep).join('/'));
    expect(offenders.filter((f) => !PENDING.has(f))).toEqual([]);
  });
});
