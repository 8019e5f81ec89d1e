// project-rules checks a refined date by hand (no date-fns: the parse worker loads these rules
// and must start fast). It must accept and refuse exactly the dates date-fns does.
import { isValid, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { projectIssues } from '../../src/domain/project-rules';

const base = {
  investmentYuan: 0,
  name: '日期测试',
  category: '养老',
  owner: '',
  locationText: '',
  scaleText: '',
  remark: '',
  responsibleUnit: '',
  leader: '',
  note: '',
  seqPrinted: null,
  endDate: null,
};

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

describe('a refined date is valid exactly when date-fns says so', () => {
  it('over every month and day, leap years and centuries included', () => {
    for (const y of [0, 4, 100, 1900, 1999, 2000, 2023, 2024, 2026, 2100, 2400, 9999]) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const date = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const refused = projectIssues({ ...base, startYear: y, endYear: y, startDate: date }).some((i) => i.message.includes('不是有效日期'));
          expect(refused, date).toBe(!isValid(parseISO(date)));
        }
      }
    }
  });

  it('refuses what is not YYYY-MM-DD', () => {
    for (const date of ['2026-1-01', '2026/01/01', '20260101', '2026-01-01T00:00', ' 2026-01-01', '２０２６-01-01']) {
      expect(projectIssues({ ...base, startYear: 2026, endYear: 2026, startDate: date }).map((i) => i.field)).toContain('startDate');
    }
  });
});
