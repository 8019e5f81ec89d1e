// '#/print/dashboard?paper=A4&plan=ID[&action=print|pdf]': the dashboard as a one-page
// A4 brief (一页简报) for leaders. Like the Gantt's print view, the root gets
// data-print-ready="true" once the charts are drawn and the CJK fonts are loaded.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { formatWan } from '../../domain/money';
import ErrorBanner from '../components/ErrorBanner';
import { useApi } from '../components/use-api';
import { monthsOption, sourcesOption } from '../dashboard/chart-options';
import { AttentionList, CategoryTable, LightCounts, RateTiles, SourceTable, TownTable } from '../dashboard/DashboardParts';
import EChart from '../dashboard/EChart';
import { printPage, shell } from '../shell';
import '../dashboard/dashboard.css';

/** attention rows that fit on the page beside everything else */
const ATTENTION_ROWS = 10;

export default function PrintDashboardPage({ params }: { params: URLSearchParams }) {
  const plan = Number(params.get('plan'));
  const { data, error } = useApi('dashboard.get', Number.isInteger(plan) && plan > 0 ? { planId: plan } : {});
  const [charts, setCharts] = useState(0);
  const [fonts, setFonts] = useState(false);
  const options = useMemo(
    () => (data ? { sources: sourcesOption(data.bySource), months: monthsOption(data.byMonth) } : null),
    [data],
  );
  const chartCount = data && data.byMonth.length > 0 ? 2 : 1;
  const onRendered = useCallback(() => setCharts((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    void document.fonts.ready.then(() => live && setFonts(true));
    return () => {
      live = false;
    };
  }, []);
  const ready = !!data && fonts && charts >= chartCount;
  const action = params.get('action');
  const fileName = '重点项目一页简报-A4.pdf';

  useEffect(() => {
    if (!ready || !action) return;
    // run once: a reload of this view must not print again
    window.history.replaceState(null, '', window.location.hash.replace(/[?&]action=[^&]*/, ''));
    if (action === 'print') void printPage();
    else if (action === 'pdf') void shell.printPdf({ paper: 'A4', fileName, portrait: true });
  }, [ready, action]);

  return (
    <div className="dash-print" data-print-ready={ready ? 'true' : 'false'} data-paper="A4">
      <style>{'@page { size: A4 portrait; margin: 0; }'}</style>
      <div className="print-toolbar no-print">
        <a href={`#/dashboard${data ? `?plan=${data.plan.id}` : ''}`}>← 返回总览</a>
        <button type="button" className="btn btn-primary" onClick={() => void printPage()} disabled={!ready}>
          打印
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void shell.printPdf({ paper: 'A4', fileName, portrait: true })} disabled={!ready}>
          导出 PDF
        </button>
        <span>A4 纵向 · 1 页</span>
      </div>
      {error && <ErrorBanner error={error} />}
      {data && options && (
        <section className="dash-sheet" aria-label="一页简报">
          <header className="dash-sheet-title">
            <h1>{data.plan.title} · 重点项目建设简报</h1>
            <div className="dash-sheet-meta">
              <span>
                {data.projectCount} 个项目、{data.siteCount} 个建设点 · 投资估算 {formatWan(data.investmentYuan)} 万元 · 累计完成{' '}
                {formatWan(data.completedYuan)} 万元
              </span>
              <span>截至 {data.today}</span>
            </div>
          </header>
          <RateTiles data={data} />
          <LightCounts data={data} />
          <div className="dash-sheet-row">
            <div>
              <h2>需关注（{data.attention.length}）</h2>
              <AttentionList items={data.attention} limit={ATTENTION_ROWS} />
            </div>
            <div>
              <h2>资金（按来源，万元）</h2>
              <EChart option={options.sources} width={340} height={170} label="按资金来源的计划安排、到位、支付金额" onRendered={onRendered} />
            </div>
          </div>
          <div className="dash-sheet-row">
            <div>
              <h2>完成投资（按月，万元）</h2>
              {data.byMonth.length > 0 ? (
                <EChart option={options.months} width={340} height={130} label="每月完成投资" onRendered={onRendered} />
              ) : (
                <p className="dash-empty">尚无进度填报。</p>
              )}
            </div>
            <CategoryTable data={data} />
          </div>
          <SourceTable data={data} />
          <h2>按镇街（本镇分摊，万元）</h2>
          <TownTable data={data} columns={4} />
          <footer className="dash-sheet-foot">
            <span>{data.townShareNote}</span>
            <span>打印日期：{data.today} · 第 1 页 / 共 1 页</span>
          </footer>
        </section>
      )}
    </div>
  );
}
