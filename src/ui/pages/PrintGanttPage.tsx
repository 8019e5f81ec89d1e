// '#/print/gantt?paper=A3|A4&range=plan|year:2024|custom&from=…&to=…[&plan=ID][&group=category|town|stage]
//   [&expanded=1,3,10 (project ids whose sites are listed, as on screen)][&sites=1 (all)][&action=print|pdf]'
// Black-and-white safe: each status has a mark in the 状态 column and a pattern on its bar.
// The paginated print layout, drawn by the app itself: every sheet repeats the title,
// the time header, the legend, 第 n 页 / 共 N 页 and the print date. The root gets
// data-print-ready="true" once laid out and the fonts are loaded, which is what
// Electron's printToPDF and the e2e test wait for.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { GanttData } from '../../domain/api/gantt';
import ErrorBanner from '../components/ErrorBanner';
import { useApi } from '../components/use-api';
import { GanttBars } from '../gantt/GanttBars';
import { percentLabel } from '../percent-label';
import { GanttLegend } from '../gantt/GanttLegend';
import { layoutBars } from '../gantt/layout';
import {
  buildPrintLayout,
  headLines,
  isLastPage,
  pageLabel,
  PAPERS,
  printTotals,
  statusText,
  type PrintColumns,
  type PrintLayout,
  type PrintPage,
} from '../gantt/print-layout';
import { expandedParam, printOptions, type PrintOptions } from '../gantt/print-range';
import { buildRows, isGroupBy } from '../gantt/rows';
import { headerRows, todayX } from '../gantt/scale';
import { TOWN_SHARE_NOTE } from '../../domain/dashboard/town-share';
import { formatWan, formatWanRounded } from '../../domain/money';
import { windowLabel } from '../../domain/schedule';
import { withPlan } from '../current-plan';
import { planParam } from '../router';
import { printPage, shell } from '../shell';
import '../gantt/gantt.css';
import '../gantt/print.css';

const COLS: readonly (keyof PrintColumns)[] = ['seq', 'name', 'status', 'invest', 'period', 'percent'];

/** a group header or the 合计 row: label over 序号+名称, the money in its column */
function SumRow({ layout, className, top, height, label, yuan }: { layout: PrintLayout; className: string; top: number; height: number; label: ReactNode; yuan: number }) {
  const c = layout.metrics.columns;
  const money = layout.totals.shareByTown ? formatWanRounded(yuan) : formatWan(yuan);
  return (
    <div className={`print-row ${className}`} style={{ top, height }}>
      <div className="print-grid" style={{ width: layout.gridWidth }}>
        <div className="print-group-label" style={{ width: c.seq + c.name }}>
          {label}
        </div>
        <div style={{ width: c.status }} />
        <div style={{ width: c.invest }} className="print-r print-sum">
          {money}
        </div>
        <div style={{ width: c.period + c.percent }} />
      </div>
    </div>
  );
}

function Sheet({ layout, page, total, data, opts }: { layout: PrintLayout; page: PrintPage; total: number; data: GanttData; opts: PrintOptions }) {
  const m = layout.metrics;
  const c = m.columns;
  const header = headerRows(layout.scale);
  const today = todayX(layout.scale, data.today);
  const lines = header.at(-1) ?? [];
  const { widthMm, heightMm } = PAPERS[layout.paper];
  const cont = page.continuedGroup === undefined ? undefined : layout.rows[page.continuedGroup];
  const heads = headLines(layout.totals.shareByTown);
  const timeRowPx = layout.headHeight / Math.max(1, header.length);
  const { totals } = layout;
  let y = cont?.height ?? 0;
  return (
    <section
      className="print-sheet"
      style={{ width: `${widthMm}mm`, height: `${heightMm}mm`, padding: `${m.marginMm}mm`, fontSize: m.fontPx, lineHeight: `${m.lineHeightPx}px` }}
      aria-label={pageLabel(page.number, total)}
    >
      <header className="print-title" style={{ height: m.titlePx }}>
        <h1 style={{ fontSize: m.fontPx + 8 }}>{data.plan.title} · 重点项目进度甘特图</h1>
        <div className="print-meta">
          <span>范围：{opts.rangeLabel}</span>
          <span>打印日期：{data.today}</span>
        </div>
      </header>
      <div className="print-head" style={{ height: layout.headHeight }}>
        <div className="print-grid print-grid-head" style={{ width: layout.gridWidth }}>
          {COLS.map((k) => (
            <div key={k} style={{ width: c[k] }} title={k === 'invest' && totals.shareByTown ? TOWN_SHARE_NOTE : undefined}>
              {heads[k].map((l) => (
                <span key={l}>{l}</span>
              ))}
            </div>
          ))}
        </div>
        <div className="print-timehead" style={{ width: layout.chartWidth }}>
          {header.map((cells, r) => (
            <div key={r} className="print-timehead-row" style={{ top: r * timeRowPx, height: timeRowPx }}>
              {cells.map((cell) => (
                <div key={cell.unitStart} className="print-timehead-cell" style={{ left: cell.x, width: cell.width }}>
                  {cell.width >= m.fontPx * 1.9 ? cell.label : ''}
                </div>
              ))}
            </div>
          ))}
        </div>
      </div>
      <div className="print-body" style={{ height: layout.bodyHeight }}>
        <div className="print-lines" style={{ left: layout.gridWidth, width: layout.chartWidth }}>
          {lines.map((cell) => (
            <div key={cell.unitStart} className="gantt-vline" style={{ left: cell.x }} />
          ))}
          {today !== null && <div className="gantt-today" style={{ left: today }} />}
        </div>
        {cont && cont.row.kind === 'group' && (
          <SumRow
            layout={layout}
            className="print-row-group print-row-cont"
            top={0}
            height={cont.height}
            label={`${cont.row.label}（续）`}
            yuan={totals.groupYuan.get(cont.row.key) ?? 0}
          />
        )}
        {layout.rows.slice(page.first, page.last).map((pr) => {
          const top = y;
          y += pr.height;
          const row = pr.row;
          if (row.kind === 'group') {
            return (
              <SumRow
                key={row.key}
                layout={layout}
                className="print-row-group"
                top={top}
                height={pr.height}
                label={pr.lines.map((l, i) => (
                  <div key={i}>{l}</div>
                ))}
                yuan={totals.groupYuan.get(row.key) ?? 0}
              />
            );
          }
          const yuan = totals.rowYuan.get(row.key) ?? row.investmentYuan;
          return (
            <div key={row.key} className={`print-row print-row-${row.kind}`} style={{ top, height: pr.height }}>
              <div className="print-grid" style={{ width: layout.gridWidth }}>
                <div style={{ width: c.seq }} className="print-c">
                  {row.seqLabel}
                </div>
                <div style={{ width: c.name, paddingLeft: row.kind === 'site' ? 4 + m.fontPx : 4 }} className="print-name">
                  {pr.lines.map((l, i) => (
                    <div key={i}>{l}</div>
                  ))}
                </div>
                <div style={{ width: c.status }} className={`print-c print-status status-${row.light}`}>
                  {statusText(row.light)}
                </div>
                <div style={{ width: c.invest }} className="print-r">
                  {yuan === null || yuan === undefined ? '—' : totals.shareByTown ? formatWanRounded(yuan) : formatWan(yuan)}
                </div>
                <div style={{ width: c.period }} className="print-c">
                  {windowLabel(row.window)}
                </div>
                <div style={{ width: c.percent }} className="print-c">
                  {percentLabel(row.percent)}
                </div>
              </div>
              <div className="print-track" style={{ width: layout.chartWidth, height: pr.height }}>
                <GanttBars bars={layoutBars(row, layout.scale, data.today)} light={row.light} height={pr.height} />
              </div>
            </div>
          );
        })}
        {isLastPage(layout, page) && (
          <SumRow
            layout={layout}
            className="print-row-total"
            top={y}
            height={layout.totalRowPx}
            label={`合计（${totals.projectCount}项）`}
            yuan={totals.grandYuan}
          />
        )}
      </div>
      <footer className="print-footer" style={{ height: m.footerPx }}>
        <GanttLegend compact marks />
        {totals.shareByTown && <span className="print-note">本镇分摊：按建设点预算或个数分摊，各镇街合计等于规划总投资</span>}
        <span className="print-page-no">{pageLabel(page.number, total)}</span>
      </footer>
    </section>
  );
}

export default function PrintGanttPage({ params }: { params: URLSearchParams }) {
  const planId = planParam(params);
  const { data, error } = useApi('gantt.get', planId === undefined ? {} : { planId });
  const [ready, setReady] = useState(false);
  const opts = useMemo(() => (data ? printOptions(params, data.plan) : null), [data, params]);
  const layout = useMemo(() => {
    if (!data || !opts) return null;
    const group = params.get('group');
    const groupBy = isGroupBy(group) ? group : 'category';
    const expanded = new Set(opts.includeSites ? data.projects.map((p) => p.project.id) : expandedParam(params));
    const rows = buildRows(data, groupBy, expanded);
    return buildPrintLayout(opts.paper, rows, opts.range, printTotals(data, rows, groupBy));
  }, [data, opts, params]);
  const action = params.get('action');

  // ready once the sheets are in the DOM and the CJK fonts have loaded
  useEffect(() => {
    if (!layout) return;
    let live = true;
    void document.fonts.ready.then(() => {
      if (!live) return;
      setReady(true);
    });
    return () => {
      live = false;
    };
  }, [layout]);

  useEffect(() => {
    if (!ready || !opts || !action) return;
    // run once: a reload of this view must not print again
    window.history.replaceState(null, '', window.location.hash.replace(/[?&]action=[^&]*/, ''));
    if (action === 'print') void printPage();
    else if (action === 'pdf') void shell.printPdf({ paper: opts.paper, fileName: `重点项目甘特图-${opts.paper}.pdf` });
  }, [ready, action, opts]);

  const paper = opts?.paper ?? 'A3';
  const sheetPx = layout?.pageWidthPx ?? 0;
  const [fit, setFit] = useState(true);
  const [viewWidth, setViewWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = (): void => setViewWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  // screen only (print.css resets it): the whole sheet in the window, never enlarged
  const zoom = fit && sheetPx > 0 ? Math.min(1, (viewWidth - 32) / sheetPx) : 1;
  return (
    <div className="gantt-print" data-print-ready={ready ? 'true' : 'false'} data-paper={paper}>
      <style>{`@page { size: ${paper} landscape; margin: 0; }`}</style>
      <div className="print-toolbar no-print">
        <a href={withPlan('#/gantt', planId)}>← 返回甘特图</a>
        <button type="button" className="print-btn" onClick={() => void printPage()} disabled={!ready}>
          打印
        </button>
        <button type="button" className="print-btn" onClick={() => void shell.printPdf({ paper, fileName: `重点项目甘特图-${paper}.pdf` })} disabled={!ready}>
          导出 PDF
        </button>
        <label className="print-fit">
          <input type="checkbox" checked={fit} onChange={(e) => setFit(e.target.checked)} />
          适合窗口{fit && zoom < 1 ? `（${Math.round(zoom * 100)}%）` : ''}
        </label>
        {layout && (
          <span>
            {paper} 横向 · 共 {layout.pages.length} 页
          </span>
        )}
        {opts?.warning && <span className="print-warning">{opts.warning}</span>}
      </div>
      {error && <ErrorBanner error={error} />}
      <div className="print-pages" style={{ zoom }} data-zoom={zoom.toFixed(3)}>
        {data &&
          layout &&
          opts &&
          layout.pages.map((p) => <Sheet key={p.number} layout={layout} page={p} total={layout.pages.length} data={data} opts={opts} />)}
      </div>
    </div>
  );
}
