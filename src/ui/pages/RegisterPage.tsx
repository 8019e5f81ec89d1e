// 项目台账: the projects of a plan with totals, sorting, filters and sites on demand.
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import type { ProjectDetail, ProjectRow } from '../../domain/api/register';
import { LIGHT_LABELS, TRAFFIC_LIGHTS, type TrafficLight } from '../../domain/facts/traffic-light';
import { formatWan } from '../../domain/money';
import { windowLabel } from '../../domain/schedule';
import { send } from '../api-client';
import ErrorBanner from '../components/ErrorBanner';
import { useApi } from '../components/use-api';
import XlsxToolbar from '../components/XlsxToolbar';
import { rememberPlan, withPlan } from '../current-plan';
import { percentLabel } from '../gantt/GanttGrid';
import { LightTag } from '../register/LightTag';
import {
  asLightFilter,
  EMPTY_FILTER,
  isFiltered,
  lightCounts,
  matchesFilter,
  nextSort,
  sortRows,
  totals,
  type RegisterFilter,
  type SortKey,
  type SortState,
} from '../register/register-table';
import { navigate } from '../router';
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

function SiteRows({ projectId }: { projectId: number }) {
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
        <td colSpan={COLUMN_COUNT - 1}>正在加载建设点…</td>
      </tr>
    );
  const factsOf = new Map(detail.facts.sites.map((f) => [f.siteId, f]));
  return (
    <>
      {detail.sites.map((s) => {
        const f = factsOf.get(s.id);
        return (
          <tr key={s.id} className="site-row" data-testid="site-row">
            <td />
            <td className="num dim">{s.seq}</td>
            <td colSpan={4}>
              {s.town}
              {s.village && ` · ${s.village}`}
              {s.address && <span className="dim"> {s.address}</span>}
            </td>
            <td className="col-scale dim">{s.scaleText}</td>
            <td className="num">{s.budgetYuan === null ? '' : formatWan(s.budgetYuan)}</td>
            <td className={s.startYear === null ? 'reg-years dim' : 'reg-years'}>{f ? windowLabel(f.window) : ''}</td>
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

function ProjectRowView({ row, expanded, onToggle }: { row: ProjectRow; expanded: boolean; onToggle: () => void }) {
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
        {row.siteCount > 1 && <span className="chip">{row.siteCount} 个建设点</span>}
      </td>
      <td>{row.category}</td>
      <td>{row.nature}</td>
      <td className="col-loc" title={row.locationText}>
        <div className="clamp">{row.locationText}</div>
      </td>
      <td className="col-scale" title={row.scaleText}>
        <div className="clamp">{row.scaleText}</div>
      </td>
      <td className="num money">{formatWan(row.investmentYuan)}</td>
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

export default function RegisterPage({ planId, light }: { planId?: number; light?: TrafficLight }) {
  const { data, error, loading, reload } = useApi('register.get', planId === undefined ? {} : { planId });
  const [imports, setImports] = useState(0);
  const [filter, setFilter] = useState<RegisterFilter>(light ? { ...EMPTY_FILTER, light } : EMPTY_FILTER);
  const [sort, setSort] = useState<SortState>({ key: 'seq', dir: 'asc' });
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
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
  const sum = totals(rows);
  const filtered = data !== null && rows.length !== data.projects.length;
  const counts = useMemo(() => lightCounts(data?.projects ?? []), [data]);
  const shownPlan = data?.plan.id;
  useEffect(() => {
    // the Gantt, print and dashboard links follow the plan shown here
    if (shownPlan !== undefined) rememberPlan(shownPlan);
  }, [shownPlan]);

  const toggle = (id: number) => setExpanded((prev) => toggled(prev, id));

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
                  return (
                    <th
                      key={c.label}
                      className={c.className}
                      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                    >
                      {key !== null ? (
                        <button type="button" className="th-sort" onClick={() => setSort(nextSort(sort, key))}>
                          {c.label}
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
                  <ProjectRowView row={row} expanded={expanded.has(row.id)} onToggle={() => toggle(row.id)} />
                  {expanded.has(row.id) && <SiteRows projectId={row.id} />}
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
                <td className="num money" data-testid="total-investment">
                  {formatWan(sum.investmentYuan)}
                </td>
                <td colSpan={4} className="dim" data-testid="total-completed">
                  累计完成投资 {formatWan(sum.completedInvestmentYuan)} 万元
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

