// The register's table: header with sorting, the project rows (with their sites when open) and
// the totals row. Up to VIRTUAL_ABOVE projects every row is drawn, as always; above that only a
// window of rows around the scroll position (virtual-window.ts), with the rows' real heights
// measured as they are drawn. Printing always draws every row.
//
// Keyboard (on a focused row, roving tabindex): ↑ ↓ PageUp PageDown Home End move between
// projects, scrolling the window; → opens a project's sites, ← closes them.
import { Fragment, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { RegisterRow } from '../../domain/api/register';
import { REGISTER_WHOLE_UP_TO } from '../../domain/api/register-first';
import { TOWN_SHARE_NOTE } from '../../domain/dashboard/town-share';
import { formatWan } from '../../domain/money';
import { ProjectRowView } from './ProjectRowView';
import { townSiteCount, type RegisterTotals } from '../../domain/register-totals';
import type { SortKey, SortState } from './register-table';
import { SiteRows, type DetailCache } from './SiteRows';
import { afterPaint } from './after-paint';
import { useFitHeight } from './use-fit-height';
import { usePrinting } from './use-printing';
import { buildOffsets, keyTarget, pageTarget, revealTop, RowHeights, segments, visibleRange, type WindowRange } from './virtual-window';
import './register.css';

/** above this many projects in the plan the rows are windowed (the seeded plan's 15 are all drawn) */
export const VIRTUAL_ABOVE = REGISTER_WHOLE_UP_TO;

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

export const COLUMN_COUNT = COLUMNS.length + 1;

/** first guesses, replaced by measured heights as rows are drawn (a row with a stage is two lines) */
const ROW_ESTIMATE = 56;
const SITE_ESTIMATE = 29;
/** the viewport assumed before it can be measured (and in jsdom, which lays nothing out) */
const FALLBACK_VIEWPORT = 600;
const FALLBACK_HEAD = 38;

export interface RegisterTableProps {
  rows: readonly RegisterRow[];
  /**
   * how many rows the table will hold when `rows` is only the first window of a load still
   * coming (use-register-rows.ts): the rest is empty space of their estimated height, so the
   * scrollbar is already the right length; undefined when `rows` is all
   */
  rowCount?: number | undefined;
  /** draw a window of rows (the plan has more than VIRTUAL_ABOVE projects) */
  virtual: boolean;
  town: string;
  search: string;
  sort: SortState;
  onSort: (key: SortKey) => void;
  isOpen: (id: number) => boolean;
  /** stable across renders: the rows are memoised on it */
  onToggle: (id: number) => void;
  totals: RegisterTotals;
  filtered: boolean;
  detailCache: DetailCache;
}

interface View {
  /** the scroller's scrollTop */
  top: number;
  /** its clientHeight (0 until measured) */
  height: number;
}

/** the part of a window over rows that are here (the rest of a first window's table is empty space) */
function within(range: WindowRange, count: number): WindowRange {
  return { start: Math.min(range.start, count), end: Math.min(range.end, count) };
}

export function RegisterTable(props: RegisterTableProps) {
  const { rows, rowCount, virtual, town, search, sort, onSort, isOpen, onToggle, totals: sum, filtered, detailCache } = props;
  const printing = usePrinting();
  const windowed = virtual && !printing;
  const wrap = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const foot = useRef<HTMLTableSectionElement>(null);
  const sticky = useRef({ head: FALLBACK_HEAD, foot: 0 });
  useFitHeight(wrap);

  // heights depend on the town (its share notes make rows taller): a fresh cache per town
  const heights = useMemo(() => new RowHeights(ROW_ESTIMATE, SITE_ESTIMATE), [town]);
  const [measured, setMeasured] = useState(0);

  const layout = useMemo(() => {
    void measured; // recomputed when a drawn row's measured height changed
    const siteRows = (r: RegisterRow) => (isOpen(r.id) ? Math.max(1, townSiteCount(r, town)) : 0);
    const offsets = buildOffsets(Math.max(rows.length, rowCount ?? 0), (i) => {
      const r = rows[i];
      return r ? heights.item(r.id, siteRows(r)) : heights.estimate;
    });
    // aria-rowindex of each project row: the header is row 1, site rows follow their project
    const ariaFirst = new Uint32Array(rows.length);
    let next = 2;
    rows.forEach((r, i) => {
      ariaFirst[i] = next;
      next += 1 + siteRows(r);
    });
    next += Math.max(0, (rowCount ?? 0) - rows.length);
    return { offsets, ariaFirst, ariaCount: (rows.length === 0 ? next + 1 : next) };
  }, [rows, rowCount, isOpen, town, heights, measured]);

  const [view, setView] = useState<View>({ top: 0, height: 0 });
  const [active, setActive] = useState(0);
  // a new filter or sort shows its first rows (a windowed scroll position would point elsewhere);
  // every row arriving after the first window continues that window's view where it is
  const [shown, setShown] = useState({ rows, partial: rowCount !== undefined, reset: 0 });
  /** the scroller's scrollTop as last set or seen (reading it would force a layout) */
  const scrolledTop = useRef(0);
  if (shown.rows !== rows) {
    const continued = shown.partial && shown.rows.every((r, i) => rows[i]?.id === r.id);
    setShown({ rows, partial: rowCount !== undefined, reset: continued ? shown.reset : shown.reset + 1 });
    if (!continued) {
      setActive(0);
      if (windowed) setView((v) => ({ ...v, top: 0 }));
    }
  }
  useLayoutEffect(() => {
    // not on the first render (the scroller starts at the top; setting it would force a layout)
    if (shown.reset !== 0 && windowed && wrap.current && scrolledTop.current !== 0) {
      wrap.current.scrollTop = 0;
      scrolledTop.current = 0;
    }
  }, [shown.reset]);

  const rangeOf = useCallback(
    (v: View): WindowRange => visibleRange(layout.offsets, v.top - sticky.current.head, v.height > 0 ? v.height : FALLBACK_VIEWPORT),
    [layout],
  );
  const range = windowed ? within(rangeOf(view), rows.length) : { start: 0, end: rows.length };
  const latest = useRef({ range, rangeOf });
  latest.current = { range, rangeOf };

  /** records the heights of the drawn rows; true when one differs from what the layout used */
  const measure = useCallback((): boolean => {
    const tbody = body.current;
    if (!tbody) return false;
    sticky.current = {
      head: head.current?.getBoundingClientRect().height || FALLBACK_HEAD,
      foot: foot.current?.getBoundingClientRect().height ?? 0,
    };
    if (wrap.current) {
      // focus moves and scrollIntoView keep a row clear of the sticky header and totals row
      wrap.current.style.scrollPaddingTop = `${sticky.current.head}px`;
      wrap.current.style.scrollPaddingBottom = `${sticky.current.foot}px`;
    }
    let changed = false;
    for (const tr of tbody.querySelectorAll<HTMLTableRowElement>('tr[data-index]')) {
      const r = rows[Number(tr.dataset.index)];
      const box = tr.getBoundingClientRect();
      if (!r || box.height <= 0) continue; // not laid out (jsdom, display: none)
      let bottom = box.bottom;
      let sib = tr.nextElementSibling;
      while (sib instanceof HTMLTableRowElement && sib.classList.contains('site-row')) {
        bottom = sib.getBoundingClientRect().bottom;
        sib = sib.nextElementSibling;
      }
      const open = isOpen(r.id);
      if (heights.record(r.id, box.height, open ? bottom - box.bottom : null)) changed = true;
    }
    return changed;
  }, [rows, isOpen, heights]);

  const measureLatest = useRef(measure);
  measureLatest.current = measure;

  useEffect(() => {
    if (!windowed) return;
    // after the paint (layout is clean then, so measuring forces nothing): the real viewport and
    // row heights replace the guesses; rows above the viewport that change height are absorbed
    // by the browser's scroll anchoring
    return afterPaint(() => {
      const changed = measureLatest.current();
      const height = wrap.current?.clientHeight ?? 0;
      setView((v) => (height > 0 && height !== v.height ? { ...v, height } : v));
      if (changed) setMeasured((n) => n + 1);
    });
  });

  useEffect(() => {
    const tbody = body.current;
    const scroller = wrap.current;
    if (!windowed || !tbody || !scroller || typeof ResizeObserver !== 'function') return;
    // a long text opened, sites loaded, or the window resized: measure again
    // read in the observer's callbacks only: layout is done then (reading it here would force one)
    let width: number | null = null;
    const observer = new ResizeObserver(() => {
      if (width !== null && scroller.clientWidth !== width) heights.clear(); // the name column's width changed: rows wrap differently
      width = scroller.clientWidth;
      const changed = measureLatest.current();
      const height = scroller.clientHeight;
      setView((v) => (v.height === height || height === 0 ? v : { ...v, height }));
      if (changed) setMeasured((n) => n + 1);
    });
    observer.observe(tbody);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [windowed, heights]);

  const onScroll = useCallback(() => {
    const scroller = wrap.current;
    if (!scroller) return;
    const next = { top: scroller.scrollTop, height: scroller.clientHeight };
    scrolledTop.current = next.top;
    const now = latest.current.range;
    const r = latest.current.rangeOf(next);
    // rows already drawn are not re-rendered: React hears of a scroll only when the window moves
    if (r.start !== now.start || r.end !== now.end) setView(next);
  }, []);

  // focus follows keyboard moves once the row is drawn
  const pendingFocus = useRef<number | null>(null);
  useLayoutEffect(() => {
    const k = pendingFocus.current;
    if (k === null) return;
    const tr = body.current?.querySelector<HTMLTableRowElement>(`tr[data-index="${k}"]`);
    if (!tr) return;
    pendingFocus.current = null;
    tr.focus({ preventScroll: true });
    if (typeof tr.scrollIntoView === 'function') tr.scrollIntoView({ block: 'nearest' });
  });

  const moveTo = (k: number) => {
    setActive(k);
    pendingFocus.current = k;
    const scroller = wrap.current;
    if (windowed && scroller) {
      const height = scroller.clientHeight > 0 ? scroller.clientHeight : FALLBACK_VIEWPORT;
      const top = revealTop(layout.offsets, k, scroller.scrollTop, height, sticky.current.head, sticky.current.foot);
      scroller.scrollTop = top;
      scrolledTop.current = top;
      setView({ top, height });
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const tr = e.target instanceof Element ? e.target.closest<HTMLTableRowElement>('tr[data-index]') : null;
    const i = Number(tr?.dataset.index);
    const row = rows[i];
    if (!tr || !row) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      if (isOpen(row.id) !== (e.key === 'ArrowRight')) onToggle(row.id);
      return;
    }
    // every row drawn: its real heights, so PageDown moves by what is on screen
    if (!windowed) measure();
    const offsets = windowed ? layout.offsets : buildOffsets(rows.length, (k) => heights.item(rows[k]?.id ?? 0, isOpen(rows[k]?.id ?? 0) ? 1 : 0));
    const page = (wrap.current?.clientHeight || FALLBACK_VIEWPORT) - sticky.current.head - sticky.current.foot;
    const target = keyTarget(e.key, i, rows.length, (dir) => pageTarget(offsets, i, dir, page));
    if (target === null) return;
    e.preventDefault();
    moveTo(target);
  };

  const onFocus = (e: FocusEvent<HTMLTableSectionElement>) => {
    // Tab or a click into a row makes it the row Tab comes back to
    const tr = e.target instanceof Element ? e.target.closest<HTMLTableRowElement>('tr[data-index]') : null;
    const i = Number(tr?.dataset.index);
    if (tr && Number.isInteger(i) && i !== active) setActive(i);
  };

  const tabStop = rows.length === 0 ? -1 : Math.min(active, rows.length - 1);
  const group = (i: number): ReactNode => {
    const row = rows[i];
    if (!row) return null;
    const open = isOpen(row.id);
    const aria = windowed ? layout.ariaFirst[i] : undefined;
    return (
      <Fragment key={row.id}>
        <ProjectRowView
          row={row}
          index={i}
          town={town}
          expanded={open}
          onToggle={onToggle}
          tabIndex={i === tabStop ? 0 : -1}
          ariaRowIndex={aria}
        />
        {open && (
          <SiteRows
            projectId={row.id}
            town={town}
            search={search}
            columnCount={COLUMN_COUNT}
            cache={detailCache}
            {...(aria !== undefined ? { firstRowIndex: aria + 1 } : {})}
          />
        )}
      </Fragment>
    );
  };

  const drawn: ReactNode[] = [];
  if (windowed) {
    for (const seg of segments(layout.offsets, range, [tabStop])) {
      if (seg.kind === 'gap')
        drawn.push(
          <tr key={`gap-${seg.at}`} className="reg-gap" aria-hidden="true">
            <td colSpan={COLUMN_COUNT} style={{ height: seg.height }} />
          </tr>,
        );
      else for (let i = seg.start; i < seg.end; i++) drawn.push(group(i));
    }
  } else {
    for (let i = 0; i < rows.length; i++) drawn.push(group(i));
  }

  return (
    <div className="table-wrap" ref={wrap} onScroll={windowed ? onScroll : undefined}>
      <table
        className={windowed ? 'grid grid-virtual' : 'grid'}
        data-testid="register-table"
        aria-rowcount={windowed ? layout.ariaCount : undefined}
      >
        <thead ref={head}>
          <tr aria-rowindex={windowed ? 1 : undefined}>
            <th className="col-expand" />
            {COLUMNS.map((c) => {
              const key = c.key;
              const active = key !== null && sort.key === key;
              const label = key === 'investment' && town !== '' ? '本镇分摊（万元）' : c.label;
              return (
                <th
                  key={c.label}
                  className={c.className}
                  title={label === c.label ? undefined : TOWN_SHARE_NOTE}
                  aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {key !== null ? (
                    <>
                      <button type="button" className="th-sort" onClick={() => onSort(key)}>
                        {label}
                        <span className="sort-mark">{active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}</span>
                      </button>
                      {/* the label on paper: Chromium leaves buttons out of the header row it repeats on every page */}
                      <span className="th-print" aria-hidden="true">
                        {label}
                      </span>
                    </>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody ref={body} onKeyDown={onKeyDown} onFocus={onFocus}>
          {drawn}
          {rows.length === 0 && (
            <tr aria-rowindex={windowed ? 2 : undefined}>
              <td colSpan={COLUMN_COUNT} className="empty">
                没有符合条件的项目
              </td>
            </tr>
          )}
        </tbody>
        <tfoot ref={foot}>
          <tr className="total-row" data-testid="total-row" aria-rowindex={windowed ? layout.ariaCount : undefined}>
            <td />
            <td colSpan={6}>
              {filtered ? `筛选合计（${sum.count} 个项目，${sum.siteCount} 个建设点）` : `合计（${sum.count} 个项目，${sum.siteCount} 个建设点）`}
            </td>
            {town === '' ? (
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
              {town !== '' && <span data-testid="total-investment-whole">涉及项目总投资 {formatWan(sum.investmentYuan)} 万元 · </span>}
              {town !== '' ? '涉及项目' : ''}累计完成投资 {formatWan(sum.completedInvestmentYuan)} 万元
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
