// The register's search index: one normalised haystack per row, built once, and where a search
// text is found (the row itself, or only its site list, which opens the sites).
import { describe, expect, it } from 'vitest';
import type { RegisterRow } from '../../src/domain/api/register';
import { buildSearchIndex, hitOf, normalise } from '../../src/ui/register/search-index';
import { EMPTY_FILTER, filterSorted, sortOrder } from '../../src/ui/register/register-table';

function row(seq: number, over: Partial<RegisterRow> = {}): RegisterRow {
  return {
    id: 100 + seq, seq, name: `项目${seq}`, category: '养老', nature: '新建', owner: '奉节县民政局', locationText: '', scaleText: '',
    investmentYuan: seq * 10_000, startYear: 2021, endYear: 2025, startDate: null, endDate: null, remark: '', siteCount: 1, towns: [],
    townShares: [], siteTexts: [],
    facts: { percent: null, stage: null, light: 'grey', lightReason: '未填报', lastReportMonth: null, completedInvestmentYuan: 0 },
    ...over,
  };
}

const rows = [
  row(1, { name: '奉节县朱衣社会福利院建设项目', locationText: '朱衣镇', siteTexts: ['朱衣镇 砚塘村'] }),
  row(2, { name: '奉节县殡葬服务中心迁建工程', category: '殡葬', scaleText: '占地面积 30 亩', remark: '前期论证' }),
  row(3, { name: '奉节县便民服务中心', category: '城乡社区', locationText: '公平镇、朱衣镇', siteTexts: ['公平镇 桂林村 3组', '朱衣镇 东坪社区'] }),
];
const index = buildSearchIndex(rows);
const hit = (i: number, text: string) => hitOf(index, i, normalise(text));

describe('register search index', () => {
  it('holds one lower-cased, width- and space-free haystack per row', () => {
    expect(index.hays).toHaveLength(3);
    expect(index.hays.every((h) => h === h.toLowerCase() && !/\s/.test(h))).toBe(true);
    expect(hit(1, '占地面积30亩')).toBe('row');
    expect(hit(1, 'ＡＢＣ')).toBe('none');
    expect(hitOf(buildSearchIndex([row(9, { name: 'ABC养老院' })]), 0, normalise('ａｂｃ'))).toBe('row');
  });

  it('tells a hit in the row from one found only in the site list', () => {
    expect(hit(0, '福利院')).toBe('row');
    expect(hit(0, '1')).toBe('row'); // 序号
    expect(hit(0, '砚塘村')).toBe('sites');
    // 朱衣镇 is in project 1's 建设地 (clamped) and its sites: opened, as before the index
    expect(hit(0, '朱衣镇')).toBe('sites');
    // …but a hit in the name never opens the sites
    expect(hit(0, '朱衣社会')).toBe('row');
    expect(hit(2, '桂林村3组')).toBe('sites');
    expect(hit(1, '桂林村')).toBe('none');
  });

  it('never matches across two fields or two sites', () => {
    // name + category, and the end of one site with the start of the next
    expect(hit(0, '项目养老')).toBe('none');
    expect(hit(2, '3组朱衣镇')).toBe('none');
    expect(hit(1, '工程殡葬')).toBe('none');
  });

  it('filters the sorted order in one pass: rows, projects opened, totals over every shown row', () => {
    const order = sortOrder(rows, { key: 'investment', dir: 'desc' });
    const r = filterSorted(rows, order, { ...EMPTY_FILTER, text: '朱衣' }, () => index);
    expect(r.rows.map((x) => x.seq)).toEqual([3, 1]);
    expect([...r.opened]).toEqual([103]);
    expect(r.totals).toMatchObject({ count: 2, investmentYuan: 40_000 });
    let built = 0;
    const none = filterSorted(rows, order, { ...EMPTY_FILTER, category: '殡葬' }, () => {
      built++;
      return index;
    });
    expect(none.rows.map((x) => x.seq)).toEqual([2]);
    expect(built).toBe(0); // no search text: the index is not even asked for
  });
});
