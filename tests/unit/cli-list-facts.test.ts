// `list --json` carries the facts (light, stage, percent, completed investment) and the
// funding totals, and `--plan` takes an id or a title. Only facts that do not depend on
// today's date are asserted (the CLI runs on the real clock): grey, done, figures.
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../src/backend/backend';
import { resolvePlan } from '../../src/cli/plan-arg';
import { runCli } from '../../src/cli/run-cli';
import { tempDbPath } from './helpers/temp-db';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface ListedProject {
  seq: number;
  light: string;
  stage: string | null;
  progressPercent: number | null;
  completedInvestmentWan: number;
  fundingPlannedWan: number;
  fundingArrivedWan: number;
  fundingPaidWan: number;
}

describe('list --json facts', () => {
  it('includes plan.id and, per project, light, stage, percent (null if unreported), investment and funding in 万元', async () => {
    const db = tempDbPath();
    const backend = openBackend({ dbPath: db, user: 'tester', today: () => '2026-11-29' });
    let planId = 0;
    try {
      const view = await backend.send('register.get', {});
      planId = view.plan.id;
      const p3 = view.projects.find((p) => p.seq === 3);
      if (!p3) throw new Error('seed missing');
      await backend.send('progress.record', {
        entries: [{ projectId: p3.id, reportMonth: '2026-10', stage: '竣工验收', percent: 100, investCumulativeYuan: 9_876_500 }],
      });
      const source = backend.db.prepare('SELECT id FROM funding_source ORDER BY sort LIMIT 1').get() as { id: number };
      const add = backend.db.prepare('INSERT INTO funding (project_id, source_id, year, kind, amount_yuan) VALUES (?, ?, ?, ?, ?)');
      add.run(p3.id, source.id, 2024, 'planned', 5_000_000);
      add.run(p3.id, source.id, 2025, 'planned', 2_500_000);
      add.run(p3.id, source.id, 2024, 'arrived', 4_000_000);
      add.run(p3.id, source.id, 2024, 'paid', 1_234_500);
    } finally {
      backend.close();
    }

    const r = await cli('list', '--json', '--plan', '十四五', '--db', db);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out) as { plan: { id: number; title: string }; projects: ListedProject[] };
    expect(json.plan.id).toBe(planId);
    const p3 = json.projects.find((p) => p.seq === 3);
    expect(p3).toMatchObject({
      light: 'done',
      stage: '竣工验收',
      progressPercent: 100,
      completedInvestmentWan: 987.65,
      fundingPlannedWan: 750,
      fundingArrivedWan: 400,
      fundingPaidWan: 123.45,
    });
    const p1 = json.projects.find((p) => p.seq === 1);
    expect(p1).toMatchObject({ light: 'grey', stage: null, progressPercent: null, completedInvestmentWan: 0, fundingPlannedWan: 0 });

    const byId = await cli('list', '--json', '--plan', String(planId), '--db', db);
    expect((JSON.parse(byId.out) as { plan: { id: number } }).plan.id).toBe(planId);
    const table = await cli('list', '--db', db);
    expect(table.out).toMatch(/奉节县社会组织服务中心建设项目 .*已完成 {2}100%/);
    const missing = await cli('list', '--plan', '十五五', '--db', db);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('找不到规划「十五五」。现有规划：');
  });

  it('resolves --plan by id, exact title, or the one title containing it', () => {
    const plans = [
      { id: 1, title: '奉节县民政事业发展“十四五”规划' },
      { id: 2, title: '奉节县民政事业发展“十五五”规划' },
      { id: 3, title: '2030' },
    ];
    expect(resolvePlan('2', plans)).toBe(2);
    expect(resolvePlan('2030', plans)).toBe(3);
    expect(resolvePlan('十五五', plans)).toBe(2);
    expect(resolvePlan(' 奉节县民政事业发展“十四五”规划 ', plans)).toBe(1);
    expect(() => resolvePlan('民政', plans)).toThrow('有 2 个规划的标题含「民政」，请用编号');
    expect(() => resolvePlan('9', plans)).toThrow('找不到规划（编号 9）');
  });
});
