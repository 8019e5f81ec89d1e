import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { tempDbPath, tempDir } from './helpers/temp-db';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// Annex 1 as printed (序号 15 printed as "115"), the reference for `list --json`.
const ANNEX: [number, string, number, number, number, string, number][] = [
  [1, '奉节县朱衣社会福利院建设项目', 6625, 2023, 2025, '重大前期', 1],
  [2, '奉节县未成年人保护中心建设项目', 2260, 2023, 2025, '重大前期', 1],
  [3, '奉节县社会组织服务中心建设项目', 1025, 2023, 2025, '重大前期', 1],
  [4, '奉节县乡镇（街道）敬老院提档升级改造工程', 400, 2021, 2024, '', 16],
  [5, '奉节县乡镇（街道）养老服务中心建设项目', 8500, 2021, 2024, '', 18],
  [6, '奉节县频福来养老服务中心建设项目', 2350, 2022, 2025, '重大前期', 1],
  [7, '奉节县公平社会福利院建设项目', 1500, 2022, 2023, '重大前期', 1],
  [8, '奉节县青龙社会福利院建设项目', 3000, 2022, 2025, '', 1],
  [9, '奉节县精神康复福利中心建设项目', 7500, 2022, 2024, '重大前期', 1],
  [10, '奉节县村（社区）便民服务中心建设项目', 3900, 2021, 2025, '', 55],
  [11, '奉节县殡仪服务站骨灰堂新建项目', 1500, 2023, 2025, '', 1],
  [12, '奉节县殡葬服务中心迁建工程', 8100, 2022, 2025, '前期论证', 1],
  [13, '奉节县乡镇殡仪服务站建设项目', 3800, 2022, 2025, '', 12],
  [14, '奉节县福金山龙园（城市公益性公墓）建设项目', 7300, 2023, 2025, '重大前期', 1],
  [15, '奉节县乡镇（街道）农村公益性公墓建设项目', 6000, 2021, 2025, '', 26],
];

describe('tracker CLI', () => {
  it('list --json prints the 15 projects exactly as annex 1 has them', async () => {
    const db = tempDbPath();
    const r = await cli('list', '--json', '--db', db);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      plan: { title: string };
      projects: { seq: number; name: string; investmentWan: number; startYear: number; endYear: number; remark: string; siteCount: number; nature: string; owner: string; locationText: string; scaleText: string; category: string }[];
      totalInvestmentWan: number;
      siteCount: number;
    };
    expect(json.plan.title).toBe('奉节县民政事业发展“十四五”规划');
    expect(json.totalInvestmentWan).toBe(63760);
    expect(json.siteCount).toBe(137);
    expect(json.projects.map((p) => [p.seq, p.name, p.investmentWan, p.startYear, p.endYear, p.remark, p.siteCount])).toEqual(ANNEX);
    expect(Object.keys(json.projects[0] ?? {})).toEqual([
      'seq', 'name', 'category', 'nature', 'owner', 'locationText', 'scaleText', 'investmentWan', 'startYear', 'endYear', 'remark', 'siteCount',
      'light', 'lightReason', 'stage', 'progressPercent', 'lastReportMonth', 'completedInvestmentWan', 'fundingPlannedWan', 'fundingArrivedWan', 'fundingPaidWan',
    ]);
    expect(json.projects[0]).toMatchObject({ nature: '新建', owner: '奉节县民政局', locationText: '朱衣镇', scaleText: '占地面积21500㎡，建设床位500张。' });
  });

  it('list prints a readable table with the total', async () => {
    const r = await cli('list', '--db', tempDbPath());
    expect(r.code).toBe(0);
    expect(r.out).toContain('合计 15 个项目，63,760万元，137 个建设点');
    // one word for one thing (issue 10 item 16): 建设点, never 站点
    expect(r.out).toContain('建设点 55');
    expect(r.out).not.toContain('站点');
  });

  it('init --empty creates a database with no plan', async () => {
    const db = tempDbPath();
    const r = await cli('init', '--empty', '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 个规划');
    const again = await cli('list', '--db', db);
    expect(again.code).toBe(1);
    expect(again.err).toContain('数据库中还没有规划');
  });

  it('backup writes a consistent copy through the online backup API', async () => {
    const db = tempDbPath();
    const out = path.join(tempDir(), 'sub', 'copy.db');
    const r = await cli('backup', '--out', out, '--db', db);
    expect(r.code).toBe(0);
    const copy = new Database(out, { readonly: true });
    expect(copy.prepare('SELECT COUNT(*) AS n FROM site').get()).toEqual({ n: 137 });
    copy.close();
  });

  it('check reports a healthy database', async () => {
    const r = await cli('check', '--db', tempDbPath());
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toContain('integrity_check: ok');
  });

  it('exits 2 on wrong usage, with the usage line', async () => {
    expect((await cli()).code).toBe(2);
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('未知命令「frobnicate」');
    const flag = await cli('list', '--colour', '--db', tempDbPath());
    expect(flag.code).toBe(2);
    expect(flag.err).toContain('未知选项 --colour');
    const missing = await cli('backup', '--db', tempDbPath());
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('缺少 --out FILE');
  });

  it('exits 1 with one Chinese line, no stack, on bad data', async () => {
    const file = path.join(tempDir(), 'not-a-db.db');
    fs.writeFileSync(file, 'hello, this is plain text and not a SQLite database file at all.');
    const r = await cli('list', '--db', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/不是可用的台账数据库/);
    expect(r.err).not.toMatch(/\n\s+at /);
    const plan = await cli('list', '--plan', '99', '--db', tempDbPath());
    expect(plan.code).toBe(1);
    expect(plan.err).toBe('找不到规划（编号 99）');
  });
});
