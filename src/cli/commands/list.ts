import { formatWan, yuanToWan } from '../../domain/money';
import { intFlag } from '../args';
import type { CliCommand } from './types';

export const listCommand: CliCommand = {
  name: 'list',
  summary: '列出项目及合计',
  usage: 'list [--json] [--plan ID] [--db PATH]',
  valueFlags: ['plan'],
  boolFlags: ['json'],
  async run(args, io) {
    const backend = io.openBackend();
    try {
      const view = await backend.send('register.get', { planId: intFlag(args, 'plan') });
      if (args.flags.has('json')) {
        const json = {
          plan: { title: view.plan.title, issuer: view.plan.issuer, startYear: view.plan.startYear, endYear: view.plan.endYear },
          projects: view.projects.map((p) => ({
            seq: p.seq,
            name: p.name,
            category: p.category,
            nature: p.nature,
            owner: p.owner,
            locationText: p.locationText,
            scaleText: p.scaleText,
            investmentWan: yuanToWan(p.investmentYuan),
            startYear: p.startYear,
            endYear: p.endYear,
            remark: p.remark,
            siteCount: p.siteCount,
          })),
          totalInvestmentWan: yuanToWan(view.totalInvestmentYuan),
          siteCount: view.siteCount,
        };
        io.out(JSON.stringify(json));
        return 0;
      }
      io.out(view.plan.title);
      for (const p of view.projects) {
        io.out(`${String(p.seq).padStart(3)}  ${p.name}  ${formatWan(p.investmentYuan)}万元  ${p.startYear}-${p.endYear}  站点 ${p.siteCount}`);
      }
      io.out(`合计 ${view.projects.length} 个项目，${formatWan(view.totalInvestmentYuan)}万元，${view.siteCount} 个建设点`);
      return 0;
    } finally {
      backend.close();
    }
  },
};
