// '#/print/gantt?paper=A3|A4&range=plan|year:2024|custom&from=…&to=…[&plan=ID][&group=category|town|stage][&sites=1][&action=print|pdf]'
// The paginated print layout, drawn by the app itself: every sheet repeats the title,
// the time header, the legend, 第 n 页 / 共 N 页 and the print date. The root gets
// data-print-ready="true" once laid out and the fonts are loaded, which is what
// Electron's printToPDF and the e2e test wait for.
import { useEffect, useMemo, useState } from 'react';
import type { GanttData } from '../../domain/api/gantt';
import ErrorBanner from '../components/ErrorBanner';
import { useApi } from '../components/use-api';
import { GanttBars } from '../gantt/GanttBars';
import { percentLabel } from '../gantt/GanttGrid';
import { GanttLegend } from '../gantt/GanttLegend';
import { layoutBars } from '../gantt/layout';
import { buildPrintLayout, pageLabel, PAPERS, type PrintLayout, type PrintPage } from '../gantt/print-layout';
import { printOptions, type PrintOptions } from '../gantt/print-range';
import { buildRows, isGroupBy } from '../gantt/rows';
import { headerRows, todayX } from '../gantt/scale';
import { formatWan } from '../../domain/money';
import { windowLabel } from '../../domain/schedule';
import { withPlan } from '../current-plan';
import { planParam } from '../router';
import { printPage, shell } from '../shell';
import '../gantt/gantt.css';
import '../gantt/print.css';

function Sheet({ layout, page, total, data, opts }: { layout: PrintLayout; page: PrintPage; total: number; data: GanttData; opts: PrintOptions }) {
  const m = layout.metrics;
  const c = m.columns;
  const header = headerRows(layout.scale);
  const today = todayX(layout.scale, data.today);
  const lines = header.at(-1) ?? [];
  const { widthMm, heightMm } = PAPERS[layout.paper];
  const cont = page.continuedGroup === undefined ? undefined : layout.rows[page.continuedGroup];
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
      <div className="print-head" style={{ height: header.length * m.headerRowPx }}>
        <div className="print-grid print-grid-head" style={{ width: layout.gridWidth }}>
          <div style={{ width: c.seq }}>序号</div>
          <div style={{ width: c.name }}>名称</div>
          <div style={{ width: c.invest }}>投资估算（万元）</div>
          <div style={{ width: c.period }}>建设年限</div>
          <div style={{ width: c.percent }}>进度</div>
        </div>
        <div className="print-timehead" style={{ width: layout.chartWidth }}>
          {header.map((cells, r) => (
            <div key={r} className="print-timehead-row" style={{ top: r * m.headerRowPx, height: m.headerRowPx }}>
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
          <div className="print-row print-row-group" style={{ top: 0, height: cont.height }}>
            <div className="print-group-label" style={{ width: layout.gridWidth }}>
              {cont.row.label}（续）
            </div>
          </div>
        )}
        {layout.rows.slice(page.first, page.last).map((pr) => {
          const top = y;
          y += pr.height;
          const row = pr.row;
          if (row.kind === 'group') {
            return (
              <div key={row.key} className="print-row print-row-group" style={{ top, height: pr.height }}>
                <div className="print-group-label" style={{ width: layout.gridWidth }}>
                  {pr.lines.map((l, i) => (
                    <div key={i}>{l}</div>
                  ))}
                </div>
              </div>
            );
          }
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
                <div style={{ width: c.invest }} className="print-r">
                  {row.investmentYuan === null ? '—' : formatWan(row.investmentYuan)}
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
      </div>
      <footer className="print-footer" style={{ height: m.footerPx }}>
        <GanttLegend compact />
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
    const expanded = new Set(opts.includeSites ? data.projects.map((p) => p.project.id) : []);
    return buildPrintLayout(opts.paper, buildRows(data, groupBy, expanded), opts.range);
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
  return (
    <div className="gantt-print" data-print-ready={ready ? 'true' : 'false'} data-paper={paper}>
      <style>{`@page { size: ${paper} landscape; margin: 0; }`}</style>
      <div className="print-toolbar no-print">
        <a href={withPlan('#/gantt', planId)}>← 返回甘特图</a>
        <button type="button" onClick={() => void printPage()} disabled={!ready}>
          打印
        </button>
        <button type="button" onClick={() => void shell.printPdf({ paper, fileName: `重点项目甘特图-${paper}.pdf` })} disabled={!ready}>
          导出 PDF
        </button>
        {layout && (
          <span>
            {paper} 横向 · 共 {layout.pages.length} 页
          </span>
        )}
        {opts?.warning && <span className="print-warning">{opts.warning}</span>}
      </div>
      {error && <ErrorBanner error={error} />}
      {data &&
        layout &&
        opts &&
        layout.pages.map((p) => <Sheet key={p.number} layout={layout} page={p} total={layout.pages.length} data={data} opts={opts} />)}
    </div>
  );
}
