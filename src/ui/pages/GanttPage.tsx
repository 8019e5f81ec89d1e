// '#/gantt?plan=ID': the portfolio timeline with grouping, zoom, print and Excel export.
import { useEffect, useState } from 'react';
import type { ApiError } from '../../domain/api/errors';
import { send } from '../api-client';
import ErrorBanner from '../components/ErrorBanner';
import { toApiError, useApi } from '../components/use-api';
import GanttChart, { type ZoomChoice } from '../gantt/GanttChart';
import { GanttLegend } from '../gantt/GanttLegend';
import { GROUP_LABELS, GROUPS, type GroupBy } from '../gantt/rows';
import { rememberPlan } from '../current-plan';
import { useMenuCommands } from '../menu-mailbox';
import { loadPrintChoice, printHash, savePrintChoice, type PrintChoice } from '../print-choice';
import { shell } from '../shell';

const ZOOMS: { id: ZoomChoice; label: string }[] = [
  { id: 'year', label: '年' },
  { id: 'quarter', label: '季' },
  { id: 'month', label: '月' },
  { id: 'fit', label: '全部' },
];

export default function GanttPage({ planId }: { planId?: number }) {
  const { data, error, loading } = useApi('gantt.get', planId === undefined ? {} : { planId });
  const shownPlan = data?.plan.id;
  useEffect(() => {
    if (shownPlan !== undefined) rememberPlan(shownPlan);
  }, [shownPlan]);
  const [groupBy, setGroupBy] = useState<GroupBy>('category');
  const [zoom, setZoom] = useState<ZoomChoice>('fit');
  const [{ paper, range }, setChoice] = useState<PrintChoice>(loadPrintChoice);
  const choose = (next: PrintChoice): void => {
    setChoice(next);
    savePrintChoice(next);
  };
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const exportExcel = async (): Promise<void> => {
    setBusy(true);
    setActionError(null);
    try {
      const file = await send('xlsx.export', { kind: 'gantt', ...(data ? { planId: data.plan.id } : {}) });
      await shell.saveFile(file.fileName, file.base64);
    } catch (e) {
      setActionError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  // 文件 → 导出甘特图 (desktop menu)
  useMenuCommands((cmd) => {
    if (cmd !== 'export-gantt') return false;
    void exportExcel();
    return true;
  });

  const openPrint = (): void => {
    window.location.hash = printHash({ paper, range }, undefined, data?.plan.id);
  };

  const years = data ? Array.from({ length: data.plan.endYear - data.plan.startYear + 1 }, (_, i) => data.plan.startYear + i) : [];
  const siteCount = data?.projects.reduce((n, p) => n + p.sites.length, 0) ?? 0;
  const late = data?.projects.filter((p) => p.light === 'red').length ?? 0;
  const unreported = data?.projects.filter((p) => p.light === 'grey').length ?? 0;

  return (
    <section className="gantt-page" aria-busy={loading}>
      <div className="gantt-toolbar">
        <h1>甘特图</h1>
        <fieldset>
          <legend>分组</legend>
          {GROUPS.map((g) => (
            <button key={g} type="button" className="gantt-seg" aria-pressed={groupBy === g} onClick={() => setGroupBy(g)}>
              {GROUP_LABELS[g]}
            </button>
          ))}
        </fieldset>
        <fieldset>
          <legend>缩放</legend>
          {ZOOMS.map((z) => (
            <button key={z.id} type="button" className="gantt-seg" aria-pressed={zoom === z.id} onClick={() => setZoom(z.id)}>
              {z.label}
            </button>
          ))}
        </fieldset>
        <fieldset>
          <legend>打印</legend>
          <select aria-label="纸张" value={paper} onChange={(e) => choose({ paper: e.target.value === 'A4' ? 'A4' : 'A3', range })}>
            <option value="A3">A3 横向</option>
            <option value="A4">A4 横向</option>
          </select>
          <select aria-label="打印范围" value={range} onChange={(e) => choose({ paper, range: e.target.value })}>
            <option value="plan">整个规划期</option>
            {years.map((y) => (
              <option key={y} value={`year:${y}`}>
                {y}年
              </option>
            ))}
          </select>
          <button type="button" className="gantt-seg" onClick={openPrint}>
            打印
          </button>
        </fieldset>
        <button type="button" className="gantt-seg" onClick={() => void exportExcel()} disabled={busy || !data}>
          导出Excel
        </button>
        {data && (
          <span className="gantt-summary">
            {data.plan.title} · {data.projects.length} 个项目 · {siteCount} 个站点 · 滞后 {late} 个 · 未填报 {unreported} 个 · 今天 {data.today}
          </span>
        )}
      </div>
      {error && <ErrorBanner error={error} />}
      {actionError && <ErrorBanner error={actionError} onClose={() => setActionError(null)} />}
      {loading && !data && <p className="empty">正在载入…</p>}
      {data && <GanttChart data={data} groupBy={groupBy} zoom={zoom} />}
      <GanttLegend />
    </section>
  );
}
