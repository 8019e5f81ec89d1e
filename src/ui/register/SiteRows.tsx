// The sites of one project under its register row: only the filtered town's, with each
// site's share of the investment (its budget, or an even split) and its window (own or inherited).
import { useEffect, useState } from 'react';
import type { ProjectDetail } from '../../domain/api/register';
import { siteShares, TOWN_SHARE_NOTE } from '../../domain/dashboard/town-share';
import { formatWan } from '../../domain/money';
import { ownYearsLabel, windowLabel } from '../../domain/schedule';
import { send } from '../api-client';
import { percentLabel } from '../gantt/GanttGrid';
import { LightTag } from './LightTag';
import { textHit } from './register-table';

export function SiteRows({ projectId, town, search, columnCount }: { projectId: number; town: string; search: string; columnCount: number }) {
  const [detail, setDetail] = useState<ProjectDetail | null>(null);
  useEffect(() => {
    let live = true;
    void send('project.get', { id: projectId }).then((d) => live && setDetail(d));
    return () => {
      live = false;
    };
  }, [projectId]);
  if (!detail)
    return (
      <tr className="site-row">
        <td />
        <td colSpan={columnCount - 1}>正在加载建设点…</td>
      </tr>
    );
  const factsOf = new Map(detail.facts.sites.map((f) => [f.siteId, f]));
  const shares = siteShares({ id: detail.project.id, investmentYuan: detail.project.investmentYuan, sites: detail.sites });
  const inherited = windowLabel(detail.project);
  return (
    <>
      {detail.sites.map((s, i) => {
        if (town !== '' && s.town.trim() !== town) return null;
        const f = factsOf.get(s.id);
        const own = ownYearsLabel(s);
        const hit = textHit([s.town, s.village, s.address, s.scaleText].join(' '), search);
        return (
          <tr key={s.id} className={hit ? 'site-row site-hit' : 'site-row'} data-testid="site-row" data-hit={hit || undefined}>
            <td />
            <td className="num dim">{s.seq}</td>
            <td colSpan={4}>
              {s.town}
              {s.village && ` · ${s.village}`}
              {s.address && <span className="dim"> {s.address}</span>}
            </td>
            <td className="col-scale dim">{s.scaleText}</td>
            <td className="num" data-testid="site-money">
              {s.budgetYuan !== null ? (
                <span title="建设点预算">{formatWan(s.budgetYuan)}</span>
              ) : (
                <span title={TOWN_SHARE_NOTE}>
                  {formatWan(shares[i] ?? 0)}
                  <span className="reg-note">分摊</span>
                </span>
              )}
            </td>
            <td className="reg-years" data-testid="site-years">
              {own !== '' ? (
                own
              ) : (
                <span className="dim" title="建设点未单列年限，沿用项目的建设年限">
                  {inherited}
                  <span className="reg-note">沿用项目</span>
                </span>
              )}
            </td>
            <td className="num">
              {f && percentLabel(f.percent)}
              {f?.stage && <span className="reg-stage">{f.stage}</span>}
            </td>
            <td>{f && <LightTag light={f.light} reason={f.lightReason} />}</td>
            <td />
          </tr>
        );
      })}
    </>
  );
}
