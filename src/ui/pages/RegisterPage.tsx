// 项目台账: the projects of a plan with totals, sorting, filters and sites on demand.
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import type { ProjectRow } from '../../domain/api/register';
import { TOWN_SHARE_NOTE } from '../../domain/dashboard/town-share';
import { LIGHT_LABELS, TRAFFIC_LIGHTS, type TrafficLight } from '../../domain/facts/traffic-light';
import { formatWan } from '../../domain/money';
import { windowLabel } from '../../domain/schedule';
import ErrorBanner from '../components/ErrorBanner';
import { useApi } from '../components/use-api';
import XlsxToolbar from '../components/XlsxToolbar';
import { rememberPlan, withPlan } from '../current-plan';
import { percentLabel } from '../gantt/GanttGrid';
import { ExpandableText } from '../register/ExpandableText';
import { LightTag } from '../register/LightTag';
import { INITIAL_STATE, readSessionState, registerHash, stateFromQuery, writeSessionState } from '../register/register-state';
import { SiteRows } from '../register/SiteRows';
import {
  asLightFilter,
  autoExpanded,
  EMPTY_FILTER,
  isFiltered,
  lightCounts,
  matchesFilter,
  nextSort,
  sortRows,
  totals,
  townShareOf,
  type RegisterFilter,
  type SortKey,
  type SortState,
} from '../register/register-table';
import { navigate, parseRoute } from '../router';
import { toggled } from '../toggled';

const COLUMNS: { key: SortKey | null; label: string; className?: string }[] = [
  { key: 'seq', label: '序号', className: 'col-seq num' },
  { key: 'name', label: '项目名称', className: 'col-name' },
  { key: 'category', label: '类别', className: 'col-cat' },
  { key: 'nature', label: '性质', className: 'col-nature' },
  { key: 'location', label: '建设地', className: 'col-loc' },
  { key: null, label: '规模', className: 'col-scale' },
  { key: 'investment', label: '投资估算（万元）', className: 'col-money num' },
  { key: 'window', label: '建设年限', className: 'col-years' },
  { key: 'percent', label: '进度', className: 'col-percent num' },
  { key: 'light', label: '状态', className: 'col-light' },
  { key: 'remark', label: '备注', className: 'col-remark' },
];

const COLUMN_COUNT = COLUMNS.length + 1;

function ProjectRowView({ row, town, expanded, onToggle }: { row: ProjectRow; town: string; expanded: boolean; onToggle: () => void }) {
  return (
    <tr className="project-row" data-testid="project-row" data-seq={row.seq}>
      <td className="col-expand">
        <button
          type="button"
          className="expander"
          aria-expanded={expanded}
          aria-label={`${expanded ? '收起' : '展开'}${row.name}的建设点`}
          onClick={onToggle}
        >
          {expanded ? '▾' : '▸'}
        </button>
      </td>
      <td className="num">{row.seq}</td>
      <td className="col-name">
        <a href={`#/project/${row.id}`} className="project-link">
          {row.name}
        </a>
        {row.siteCount > 1 && (
          <span className="chip">
            {town === '' ? `${row.siteCount} 个建设点` : `本镇 ${row.townShares.find((t) => t.town === town)?.siteCount ?? 0}/${row.siteCount} 个建设点`}
          </span>
        )}
      </td>
      <td>{row.category}</td>
      <td>{row.nature}</td>
      <td className="col-loc">
        <ExpandableText text={row.locationText} label="建设地" />
      </td>
      <td className="col-scale">
        <ExpandableText text={row.scaleText} label="规模" />
      </td>
      {town === '' ? (
        <td className="num money">{formatWan(row.investmentYuan)}</td>
      ) : (
        // a town filter shows the town's share, never the whole project as the town's
        <td className="num" title={TOWN_SHARE_NOTE}>
          <span className="money" data-testid="town-share">
            {formatWan(townShareOf(row, town))}
          </span>
          <span className="reg-note">本镇分摊</span>
          <span className="reg-note" data-testid="project-investment">
            涉及项目总投资 {formatWan(row.investmentYuan)}
          </span>
        </td>
      )}
      <td className="reg-years">{windowLabel(row)}</td>
      <td className="num" title={row.facts.lastReportMonth ? `报告期 ${row.facts.lastReportMonth}` : '未填报'}>
        {percentLabel(row.facts.percent)}
        {row.facts.stage && <span className="reg-stage">{row.facts.stage}</span>}
      </td>
      <td>
        <LightTag light={row.facts.light} reason={row.facts.lightReason} />
      </td>
      <td>{row.remark && <span className={`tag tag-${row.remark === '重大前期' ? 'major' : 'pre'}`}>{row.remark}</span>}</td>
    </tr>
  );
}

/** Plan chooser, shown once a second plan exists (e.g. the 15th plan imported next to the seed). */
function PlanPicker({ planId, reloadKey }: { planId: number; reloadKey: number }) {
  const { data: plans, reload } = useApi('plans.list', {});
  useEffect(reload, [reloadKey, reload]);
  if (!plans || plans.length < 2) return null;
  return (
    <select aria-label="规划" value={planId} onChange={(e) => navigate(`#/?plan=${e.target.value}`)}>
      {plans.map((p) => (
        <option key={p.id} value={p.id}>
          {p.title}（{p.startYear}—{p.endYear}）
        </option>
      ))}
    </select>
  );
}

/** The URL's filter/sort (a shared link), else this session's last view, else the route's light. */
function initialState(planId: number | undefined, light: TrafficLight | undefined) {
  const query = window.location.hash.split('?')[1] ?? '';
  const fromUrl = stateFromQuery(new URLSearchParams(query));
  const session = readSessionState(window.sessionStorage, planId);
  if (fromUrl) return { ...fromUrl, expanded: session?.expanded ?? [] };
  if (session) return session;
  return light ? { ...INITIAL_STATE, filter: { ...EMPTY_FILTER, light } } : INITIAL_STATE;
}

export default function RegisterPage({ planId, light }: { planId?: number; light?: TrafficLight }) {
  const { data, error, loading, reload } = useApi('register.get', planId === undefined ? {} : { planId });
  const [imports, setImports] = useState(0);
  const [initial] = useState(() => initialState(planId, light));
  const [filter, setFilter] = useState<RegisterFilter>(initial.filter);
  const [sort, setSort] = useState<SortState>(initial.sort);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set(initial.expanded));
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Ctrl+F / "/" jump to the filter, as in a spreadsheet.
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
      if ((e.key === 'f' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && !typing)) {
        e.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const rows = useMemo(
    () => (data ? sortRows(data.projects.filter((r) => matchesFilter(r, filter)), sort) : []),
    [data, filter, sort],
  );
  const sum = totals(rows, filter.town);
  // a search hit hidden in a project's site list (a village) opens that project's sites
  const opened = useMemo(() => autoExpanded(rows, filter.text), [rows, filter.text]);
  const shownPlanId = data?.plan.id;
  useEffect(() => {
    if (shownPlanId === undefined) return;
    const order = rows.map((r) => r.id);
    writeSessionState(window.sessionStorage, shownPlanId, { filter, sort, expanded: [...expanded] }, order);
    // replaceState: the link shows the same view, without a hashchange (no re-route, no history entry)
    const hash = registerHash(planId, filter, sort);
    // the user may already be on the way elsewhere (a link clicked while data loaded): never pull them back
    if (parseRoute(window.location.hash).page !== 'register') return;
    if (window.location.hash !== hash && (window.location.hash || '#/') !== hash) window.history.replaceState(null, '', hash);
  }, [shownPlanId, planId, rows, filter, sort, expanded]);
  const filtered = data !== null && rows.length !== data.projects.length;
  const counts = useMemo(() => lightCounts(data?.projects ?? []), [data]);
  const shownPlan = data?.plan.id;
  useEffect(() => {
    // the Gantt, print and dashboard links follow the plan shown here
    if (shownPlan !== undefined) rememberPlan(shownPlan);
  }, [shownPlan]);

  // a row the search opened can still be closed by hand
  const [closed, setClosed] = useState<ReadonlySet<number>>(new Set());
  const isOpen = (id: number) => expanded.has(id) || (opened.has(id) && !closed.has(id));
  const toggle = (id: number) => {
    const open = isOpen(id);
    setExpanded((prev) => (prev.has(id) === open ? toggled(prev, id) : prev));
    setClosed((prev) => (prev.has(id) !== open ? toggled(prev, id) : prev));
  };

  return (
    <section className="page register">
      <header className="page-head">
        <div>
          <h1>项目台账</h1>
          {data && (
            <p className="subtitle">
              {data.plan.title}（{data.plan.startYear}—{data.plan.endYear}年）· 共 {data.projects.length} 个项目 ·{' '}
              {data.siteCount} 个建设点 · 总投资 <strong data-testid="grand-total">{formatWan(data.totalInvestmentYuan)}</strong> 万元
            </p>
          )}
        </div>
        {data && <PlanPicker planId={data.plan.id} reloadKey={imports} />}
        <XlsxToolbar
          planId={data?.plan.id}
          onImported={(imported) => {
            setImports((n) => n + 1);
            if (imported === data?.plan.id) reload();
            else navigate(`#/?plan=${imported}`);
          }}
        />
      </header>

      <div className="filters" role="search">
        <input
          ref={search}
          type="search"
          placeholder="搜索项目名称、建设地、规模…（Ctrl+F）"
          aria-label="搜索"
          value={filter.text}
          onChange={(e) => setFilter({ ...filter, text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && filter.text !== '') {
              e.preventDefault();
              setFilter({ ...filter, text: '' });
            }
          }}
        />
        <select aria-label="类别" value={filter.category} onChange={(e) => setFilter({ ...filter, category: e.target.value })}>
          <option value="">全部类别</option>
          {data?.categories.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
        <select aria-label="乡镇（街道）" value={filter.town} onChange={(e) => setFilter({ ...filter, town: e.target.value })}>
          <option value="">全部乡镇（街道）</option>
          {data?.towns.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <select aria-label="状态" value={filter.light} onChange={(e) => setFilter({ ...filter, light: asLightFilter(e.target.value) })}>
          <option value="">全部状态</option>
          {TRAFFIC_LIGHTS.map((l) => (
            <option key={l} value={l}>
              {LIGHT_LABELS[l]}（{counts[l]}）
            </option>
          ))}
        </select>
        {isFiltered(filter) && (
          <button type="button" className="btn-link" onClick={() => setFilter(EMPTY_FILTER)}>
            清除筛选
          </button>
        )}
        <span className="spacer" />
        <button
          type="button"
          className="btn-link"
          onClick={() => setExpanded(expanded.size > 0 ? new Set() : new Set(rows.map((r) => r.id)))}
        >
          {expanded.size > 0 ? '全部收起' : '全部展开'}
        </button>
      </div>

      {error && <ErrorBanner error={error} />}
      {loading && !data && <p className="empty">正在加载…</p>}

      {data && (
        <div className="table-wrap">
          <table className="grid" data-testid="register-table">
            <thead>
              <tr>
                <th className="col-expand" />
                {COLUMNS.map((c) => {
                  const key = c.key;
                  const active = key !== null && sort.key === key;
                  const label = key === 'investment' && filter.town !== '' ? '本镇分摊（万元）' : c.label;
                  return (
                    <th
                      key={c.label}
                      className={c.className}
                      title={label === c.label ? undefined : TOWN_SHARE_NOTE}
                      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                    >
                      {key !== null ? (
                        <button type="button" className="th-sort" onClick={() => setSort(nextSort(sort, key))}>
                          {label}
                          <span className="sort-mark">{active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}</span>
                        </button>
                      ) : (
                        c.label
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <Fragment key={row.id}>
                  <ProjectRowView
                    row={row}
                    town={filter.town}
                    expanded={isOpen(row.id)}
                    onToggle={() => toggle(row.id)}
                  />
                  {isOpen(row.id) && (
                    <SiteRows projectId={row.id} town={filter.town} search={filter.text} columnCount={COLUMN_COUNT} />
                  )}
                </Fragment>
              ))}
              {rows.length === 0 && (
                <tr>
                  <td colSpan={COLUMN_COUNT} className="empty">
                    没有符合条件的项目
                  </td>
                </tr>
              )}
            </tbody>
            <tfoot>
              <tr className="total-row" data-testid="total-row">
                <td />
                <td colSpan={6}>
                  {filtered ? `筛选合计（${sum.count} 个项目，${sum.siteCount} 个建设点）` : `合计（${sum.count} 个项目，${sum.siteCount} 个建设点）`}
                </td>
                {filter.town === '' ? (
                  <td className="num money" data-testid="total-investment">
                    {formatWan(sum.investmentYuan)}
                  </td>
                ) : (
                  <td className="num" title={TOWN_SHARE_NOTE}>
                    <span className="money" data-testid="town-share-total">
                      {formatWan(sum.shareYuan)}
                    </span>
                    <span className="reg-note reg-share-head">本镇分摊</span>
                  </td>
                )}
                <td colSpan={4} className="dim" data-testid="total-completed">
                  {filter.town !== '' && (
                    <span data-testid="total-investment-whole">涉及项目总投资 {formatWan(sum.investmentYuan)} 万元 · </span>
                  )}
                  {filter.town !== '' ? '涉及项目' : ''}累计完成投资 {formatWan(sum.completedInvestmentYuan)} 万元
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <p className="hint">
        点击项目名称打开项目页；点击 ▸ 展开建设点；点击表头排序；鼠标停在状态上显示原因。
        {data && (
          <>
            {' '}
            <a href={withPlan('#/gantt', data.plan.id)}>查看本规划甘特图</a>
          </>
        )}
      </p>
    </section>
  );
}

