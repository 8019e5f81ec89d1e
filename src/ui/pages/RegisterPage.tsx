// 项目台账: the projects of a plan with totals, sorting, filters and sites on demand.
// Loading (`register.first`, taking main.tsx's early request, then `register.columns` for a large
// plan) and the derived rows are in register/use-register-rows.ts, the table (windowed above 300 projects) in
// register/RegisterTable.tsx; this page holds the view state.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ProjectDetail } from '../../domain/api/register';
import { LIGHT_LABELS, TRAFFIC_LIGHTS, type TrafficLight } from '../../domain/facts/traffic-light';
import { formatWan } from '../../domain/money';
import ErrorBanner from '../components/ErrorBanner';
import { useApi } from '../components/use-api';
import { takeEarly } from '../early-requests';
import XlsxToolbar from '../components/XlsxToolbar';
import { rememberPlan, withPlan } from '../current-plan';
import { DEFAULT_SORT, INITIAL_STATE, readSessionState, registerHash, stateFromQuery, writeSessionState } from '../register/register-state';
import { afterPaintQuiet } from '../register/after-paint';
import { RegisterTable, VIRTUAL_ABOVE } from '../register/RegisterTable';
import { asLightFilter, EMPTY_FILTER, isFiltered, nextSort, type RegisterFilter, type SortKey, type SortState } from '../register/register-table';
import { useRegisterRows, useShownRows } from '../register/use-register-rows';
import { navigate, parseRoute } from '../router';
import { toggled } from '../toggled';

/** Plan chooser, shown once a second plan exists (e.g. the 15th plan imported next to the seed). */
function PlanPicker({ planId, reloadKey }: { planId: number; reloadKey: number }) {
  const { data: plans, reload } = useApi('plans.list', {}, { early: () => takeEarly('plans.list') });
  // after an import (a new plan may have come), not on mount: the first load is already asking
  const seenKey = useRef(reloadKey);
  useEffect(() => {
    if (seenKey.current === reloadKey) return;
    seenKey.current = reloadKey;
    reload();
  }, [reloadKey, reload]);
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

/** how long the view must stay unchanged before it is written to the session and the URL */
const WRITE_QUIET_MS = 300;

function isDefaultView({ filter, sort }: { filter: RegisterFilter; sort: SortState }): boolean {
  return !isFiltered(filter) && sort.key === DEFAULT_SORT.key && sort.dir === DEFAULT_SORT.dir;
}

export default function RegisterPage({ planId, light }: { planId?: number; light?: TrafficLight }) {
  const [imports, setImports] = useState(0);
  const [initial] = useState(() => initialState(planId, light));
  // a large plan's first window is in the default order: not shown when the page opens on another
  // view (a link's or the session's filter or sort)
  const { data, error, loading, reload, first, head, projectCount, lightCounts: counts } = useRegisterRows(planId, { showFirstWindow: isDefaultView(initial) });
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

  // one pass per filter change; `opened`: a search hit hidden in a project's site list (a village) opens its sites
  const { rows, opened, totals: sum, prepareSearch } = useShownRows(data, filter, sort, first);
  const shownPlanId = data?.plan.id;
  const pendingWrite = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (shownPlanId === undefined) return;
    // stored once typing pauses after the frame that shows the rows (and at the latest when the
    // page goes, below), never in a keystroke's frames: at 10,000 projects the order is ~60 kB,
    // and sessionStorage plus replaceState took ~14 ms of every keystroke
    const write = () => {
      pendingWrite.current = null;
      writeSessionState(window.sessionStorage, shownPlanId, { filter, sort, expanded: [...expanded] }, rows.map((r) => r.id));
      // replaceState: the link shows the same view, without a hashchange (no re-route, no history entry)
      const hash = registerHash(planId, filter, sort);
      // the user may already be on the way elsewhere (a link clicked while data loaded): never pull them back
      if (parseRoute(window.location.hash).page !== 'register') return;
      if (window.location.hash !== hash && (window.location.hash || '#/') !== hash) window.history.replaceState(null, '', hash);
    };
    pendingWrite.current = write;
    return afterPaintQuiet(write, WRITE_QUIET_MS);
  }, [shownPlanId, planId, rows, filter, sort, expanded]);
  // leaving (a project link, the menu): what is shown now is what the project page's 上一个/下一个 follow
  useEffect(() => () => pendingWrite.current?.(), []);
  const filtered = data !== null && rows.length !== data.projects.length;
  const shownPlan = head?.plan.id;
  useEffect(() => {
    // the Gantt, print and dashboard links follow the plan shown here
    if (shownPlan !== undefined) rememberPlan(shownPlan);
  }, [shownPlan]);

  // a row the search opened can still be closed by hand
  const [closed, setClosed] = useState<ReadonlySet<number>>(new Set());
  const isOpen = useCallback((id: number) => expanded.has(id) || (opened.has(id) && !closed.has(id)), [expanded, opened, closed]);
  // stable, so the memoised rows are not re-rendered for a toggle elsewhere
  const isOpenNow = useRef(isOpen);
  isOpenNow.current = isOpen;
  const toggle = useCallback((id: number) => {
    const open = isOpenNow.current(id);
    setExpanded((prev) => (prev.has(id) === open ? toggled(prev, id) : prev));
    setClosed((prev) => (prev.has(id) !== open ? toggled(prev, id) : prev));
  }, []);
  const onSort = useCallback((key: SortKey) => setSort((s) => nextSort(s, key)), []);
  // the sites of projects opened while this data is shown (scrolling a windowed table draws them again)
  const detailCache = useMemo(() => {
    void data; // a new load (an import, a reload) starts a new cache: nothing stale is shown
    return new Map<number, ProjectDetail>();
  }, [data]);

  return (
    <section className="page register">
      <header className="page-head">
        <div>
          <h1>项目台账</h1>
          {head && (
            <p className="subtitle">
              {head.plan.title}（{head.plan.startYear}—{head.plan.endYear}年）· 共 {projectCount} 个项目 ·{' '}
              {head.siteCount} 个建设点 · 总投资 <strong data-testid="grand-total">{formatWan(head.totalInvestmentYuan)}</strong> 万元
            </p>
          )}
        </div>
        {head && <PlanPicker planId={head.plan.id} reloadKey={imports} />}
        <XlsxToolbar
          planId={head?.plan.id}
          onImported={(imported) => {
            setImports((n) => n + 1);
            if (imported === head?.plan.id) reload();
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
          onFocus={prepareSearch}
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
          {head?.categories.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
        <select aria-label="乡镇（街道）" value={filter.town} onChange={(e) => setFilter({ ...filter, town: e.target.value })}>
          <option value="">全部乡镇（街道）</option>
          {head?.towns.map((t) => (
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
      {loading && !data && !first && <p className="empty">正在加载…</p>}
      {first && (
        <p className="hint loading-note" role="status" data-testid="register-loading">
          正在加载全部 {first.projectCount} 个项目…{isDefaultView({ filter, sort }) ? '' : '筛选和排序将在加载完成后生效。'}
        </p>
      )}

      {(data || first) && (
        <RegisterTable
          rows={rows}
          rowCount={first?.projectCount}
          virtual={projectCount > VIRTUAL_ABOVE}
          town={filter.town}
          search={filter.text}
          sort={sort}
          onSort={onSort}
          isOpen={isOpen}
          onToggle={toggle}
          totals={sum}
          filtered={filtered}
          detailCache={detailCache}
        />
      )}
      <p className="hint">
        点击项目名称打开项目页；点击 ▸ 展开建设点；点击表头排序；鼠标停在状态上显示原因。
        {head && (
          <>
            {' '}
            <a href={withPlan('#/gantt', head.plan.id)}>查看本规划甘特图</a>
          </>
        )}
      </p>
    </section>
  );
}

