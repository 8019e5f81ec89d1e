// The sites of one project under its register row: only the filtered town's, with each
// site's share of the investment (its budget, or an even split) and its window (own or inherited).
// A windowed register draws and drops these rows as it scrolls: `cache` (one per data load)
// keeps each project's detail, so scrolling back does not ask the backend again.
import { memo, useEffect, useState } from 'react';
import type { ProjectDetail } from '../../domain/api/register';
import { siteShares, TOWN_SHARE_NOTE } from '../../domain/dashboard/town-share';
import { formatWan } from '../../domain/money';
import { ownYearsLabel, windowLabel } from '../../domain/schedule';
import { send } from '../api-client';
import { percentLabel } from '../percent-label';
import { LightTag } from './LightTag';
import { textHit } from './register-table';

export type DetailCache = Map<number, ProjectDetail>;

interface SiteRowsProps {
  projectId: number;
  town: string;
  search: string;
  columnCount: number;
  cache?: DetailCache;
  /** aria-rowindex of the first site row, in a windowed table (undefined when every row is drawn) */
  firstRowIndex?: number;
}

export const SiteRows = memo(function SiteRows({ projectId, town, search, columnCount, cache, firstRowIndex }: SiteRowsProps) {
  const [detail, setDetail] = useState<ProjectDetail | null>(() => cache?.get(projectId) ?? null);
  useEffect(() => {
    if (detail?.project.id === projectId) return;
    let live = true;
    void send('project.get', { id: projectId }).then((d) => {
      cache?.set(projectId, d);
      if (live) setDetail(d);
    });
    return () => {
      live = false;
    };
  }, [projectId, cache, detail]);
  const rowIndex = (k: number) => (firstRowIndex === undefined ? undefined : firstRowIndex + k);
  if (!detail)
    return (
      <tr className="site-row" aria-rowindex={rowIndex(0)}>
        <td />
        <td colSpan={columnCount - 1}>正在加载建设点…</td>
      </tr>
    );
  const factsOf = new Map(detail.facts.sites.map((f) => [f.siteId, f]));
  const shares = siteShares({ id: detail.project.id, investmentYuan: detail.project.investmentYuan, sites: detail.sites });
  const inherited = windowLabel(detail.project);
  let shown = 0;
  return (
    <>
      {detail.sites.map((s, i) => {
        if (town !== '' && s.town.trim() !== town) return null;
        const f = factsOf.get(s.id);
        const own = ownYearsLabel(s);
        const hit = textHit([s.town, s.village, s.address, s.scaleText].join(' '), search);
        return (
          <tr
            key={s.id}
            className={hit ? 'site-row site-hit' : 'site-row'}
            data-testid="site-row"
            data-hit={hit || undefined}
            aria-rowindex={rowIndex(shown++)}
          >
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
});
