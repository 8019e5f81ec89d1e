import { formatWan, yuanToWan } from '../../domain/money';
import { LIGHT_LABELS } from '../../domain/facts/traffic-light';
import { planFlag } from '../plan-arg';
import type { CliCommand } from './types';

export const listCommand: CliCommand = {
  name: 'list',
  summary: '列出项目、进度状态及合计',
  usage: 'list [--json] [--plan ID|TITLE] [--db PATH]',
  valueFlags: ['plan'],
  boolFlags: ['json'],
  async run(args, io) {
    const backend = io.openBackend();
    try {
      const planId = await planFlag(args, backend.send);
      const view = await backend.send('register.get', planId === undefined ? {} : { planId });
      if (args.flags.has('json')) {
        const json = {
          plan: { id: view.plan.id, title: view.plan.title, issuer: view.plan.issuer, startYear: view.plan.startYear, endYear: view.plan.endYear },
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
            // the same facts as the register, the Gantt and the dashboard
            light: p.facts.light,
            lightReason: p.facts.lightReason,
            stage: p.facts.stage,
            progressPercent: p.facts.percent,
            lastReportMonth: p.facts.lastReportMonth,
            completedInvestmentWan: yuanToWan(p.facts.completedInvestmentYuan),
            fundingPlannedWan: yuanToWan(p.funding.plannedYuan),
            fundingArrivedWan: yuanToWan(p.funding.arrivedYuan),
            fundingPaidWan: yuanToWan(p.funding.paidYuan),
          })),
          totalInvestmentWan: yuanToWan(view.totalInvestmentYuan),
          siteCount: view.siteCount,
        };
        io.out(JSON.stringify(json));
        return 0;
      }
      io.out(view.plan.title);
      for (const p of view.projects) {
        const percent = p.facts.percent === null ? '' : `  ${p.facts.percent}%`;
        io.out(
          `${String(p.seq).padStart(3)}  ${p.name}  ${formatWan(p.investmentYuan)}万元  ${p.startYear}-${p.endYear}  建设点 ${p.siteCount}  ${LIGHT_LABELS[p.facts.light]}${percent}`,
        );
      }
      io.out(`合计 ${view.projects.length} 个项目，${formatWan(view.totalInvestmentYuan)}万元，${view.siteCount} 个建设点`);
      return 0;
    } finally {
      backend.close();
    }
  },
};
