// The seed file checked against annex 1's own figures, retyped here independently of the build script.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/domain/model';
import { parseScale } from '../../src/domain/scale-parser';
import { seedSchema } from '../../src/domain/seed';

const here = path.dirname(fileURLToPath(import.meta.url));
const seedFile = path.resolve(here, '../../resources/seed/fengjie-14th-plan.json');
const planFile = path.resolve(here, '../../../shared/plan/fengjie-civil-affairs-14th-plan.txt');
const seed = seedSchema.parse(JSON.parse(readFileSync(seedFile, 'utf8')));

// 附件1: 序号, 项目名称, 建设性质, 投资估算（万元）, 建设年限, 站点数, 备注 (from the key-project list), 类别
const ANNEX: [number, string, string, number, number, number, number, string, string][] = [
  [1, '奉节县朱衣社会福利院建设项目', '新建', 6625, 2023, 2025, 1, '重大前期', '养老'],
  [2, '奉节县未成年人保护中心建设项目', '新建', 2260, 2023, 2025, 1, '重大前期', '儿童福利与未成年人保护'],
  [3, '奉节县社会组织服务中心建设项目', '新建', 1025, 2023, 2025, 1, '重大前期', '社会组织'],
  [4, '奉节县乡镇（街道）敬老院提档升级改造工程', '改扩建', 400, 2021, 2024, 16, '', '养老'],
  [5, '奉节县乡镇（街道）养老服务中心建设项目', '新建', 8500, 2021, 2024, 18, '', '养老'],
  [6, '奉节县频福来养老服务中心建设项目', '扩建', 2350, 2022, 2025, 1, '重大前期', '养老'],
  [7, '奉节县公平社会福利院建设项目', '新建', 1500, 2022, 2023, 1, '重大前期', '养老'],
  [8, '奉节县青龙社会福利院建设项目', '新建', 3000, 2022, 2025, 1, '', '养老'],
  [9, '奉节县精神康复福利中心建设项目', '新建', 7500, 2022, 2024, 1, '重大前期', '精神康复'],
  [10, '奉节县村（社区）便民服务中心建设项目', '新建', 3900, 2021, 2025, 55, '', '城乡社区'],
  [11, '奉节县殡仪服务站骨灰堂新建项目', '新建', 1500, 2023, 2025, 1, '', '殡葬'],
  [12, '奉节县殡葬服务中心迁建工程', '新建', 8100, 2022, 2025, 1, '前期论证', '殡葬'],
  [13, '奉节县乡镇殡仪服务站建设项目', '新建', 3800, 2022, 2025, 12, '', '殡葬'],
  [14, '奉节县福金山龙园（城市公益性公墓）建设项目', '新建', 7300, 2023, 2025, 1, '重大前期', '殡葬'],
  [15, '奉节县乡镇（街道）农村公益性公墓建设项目', '新建', 6000, 2021, 2025, 26, '', '殡葬'],
];

const project = (seq: number) => {
  const p = seed.projects.find((x) => x.seq === seq);
  if (!p) throw new Error(`no project ${seq}`);
  return p;
};

describe('seed fengjie-14th-plan.json', () => {
  it('is the 14th plan of 奉节县民政局 with the five funding sources in order', () => {
    expect(seed.plan).toEqual({
      title: '奉节县民政事业发展“十四五”规划',
      issuer: '奉节县民政局',
      startYear: 2021,
      endYear: 2025,
    });
    expect(seed.fundingSources).toEqual([
      { code: 'central', name: '中央补助' },
      { code: 'municipal', name: '市级补助' },
      { code: 'lottery', name: '福彩公益金' },
      { code: 'county', name: '县级配套' },
      { code: 'social', name: '社会投资' },
    ]);
  });

  it('has the 15 projects of annex 1 totalling 63,760万元 and 137 sites', () => {
    expect(seed.projects.map((p) => p.seq)).toEqual(ANNEX.map((r) => r[0]));
    expect(seed.projects.reduce((s, p) => s + p.investmentWan, 0)).toBe(63760);
    expect(seed.projects.reduce((s, p) => s + p.sites.length, 0)).toBe(137);
  });

  it.each(ANNEX)('project %i %s matches annex 1', (seq, name, nature, inv, from, to, sites, remark, category) => {
    const p = project(seq);
    expect(p).toMatchObject({ name, nature, investmentWan: inv, startYear: from, endYear: to, remark, category });
    expect(p.owner).toBe('奉节县民政局');
    expect(p.sites).toHaveLength(sites);
    expect(CATEGORIES).toContain(p.category);
    expect(p.seqPrinted).toBe(seq === 15 ? '115' : null);
    expect(p.note).toBe(seq === 15 ? '附件1原文序号印为“115”，按顺序应为15' : '');
  });

  it('splits single-site locations into town and village', () => {
    expect(project(7).sites).toEqual([{ town: '公平镇', village: '车家社区', address: '', scaleText: '' }]);
    expect(project(14).sites[0]).toMatchObject({ town: '汾河镇', village: '泉坪村' });
    expect(project(2).sites[0]).toMatchObject({ town: '夔州街道', village: '' });
  });

  it('gives project 4 its 16 addresses from the scale text', () => {
    const sites = project(4).sites;
    expect(sites[0]).toEqual({ town: '鱼复街道', village: '', address: '报国路311号', scaleText: '' });
    expect(sites[1]).toMatchObject({ town: '安坪镇', village: '下坝村' });
    expect(sites[15]).toMatchObject({ town: '云雾土家族乡', village: '红椿村' });
    expect(sites.map((s) => s.town).join('、')).toBe(project(4).locationText);
  });

  it('gives project 10 55 villages in 23 towns, a town per "，" group', () => {
    const sites = project(10).sites;
    expect(new Set(sites.map((s) => s.town)).size).toBe(23);
    expect(sites.every((s) => /(村|社区)$/u.test(s.village))).toBe(true);
    expect(sites.filter((s) => s.town === '公平镇').map((s) => s.village)).toEqual([
      '万民村', '长龙村', '浸塘村', '大田村', '船型村', '车家坝社区',
    ]);
    expect(sites.at(-1)).toMatchObject({ town: '汾河镇', village: '小林村', scaleText: '150-800m²' });
  });

  it('lists the towns of projects 5, 13 and 15 exactly as their location texts', () => {
    for (const seq of [5, 13, 15]) {
      const p = project(seq);
      expect(p.sites.map((s) => s.town).join('、')).toBe(p.locationText);
      expect(new Set(p.sites.map((s) => s.town)).size).toBe(p.sites.length);
    }
  });

  it('has a gazetteer holding every town and village the sites name, with kinds from the suffix', () => {
    const byTown = new Map(seed.places.map((t) => [t.name, t]));
    for (const p of seed.projects) {
      for (const s of p.sites) {
        const town = byTown.get(s.town);
        expect(town, s.town).toBeDefined();
        if (s.village) expect(town?.children.map((c) => c.name), s.village).toContain(s.village);
      }
    }
    expect(byTown.get('太和土家族乡')?.kind).toBe('乡');
    expect(byTown.get('鱼复街道')?.kind).toBe('街道');
    expect(byTown.get('公平镇')?.children.find((c) => c.name === '车家社区')?.kind).toBe('社区');
    const names = seed.places.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('keeps scale texts whose figures parse', () => {
    expect(parseScale(project(5).scaleText).beds).toMatchObject({ min: 500, max: 500, approx: true, each: false });
    expect(parseScale(project(14).scaleText).gravePlots?.min).toBe(10000);
    expect(parseScale(project(13).scaleText).halls?.min).toBe(31);
  });

  it.runIf(existsSync(planFile))('agrees with the plan text: total row 63760 and each scale text verbatim', () => {
    const text = readFileSync(planFile, 'utf8');
    const lines = text.split(/\r?\n/u).map((l) => l.trim());
    const totalAt = lines.indexOf('合计（万元）');
    expect(totalAt).toBeGreaterThan(0);
    expect(lines[totalAt + 1]).toBe('63760');
    for (const p of seed.projects) {
      expect(lines, `项目${p.seq}规模`).toContain(p.scaleText);
      expect(lines, `项目${p.seq}建设地`).toContain(p.locationText);
    }
  });
});
